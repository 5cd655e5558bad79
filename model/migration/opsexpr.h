#pragma once

#include "model/script/pythontokenizer.h"

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace retort::opsread {

// A range [b, e) of token indexes in one logical line.
struct Span
{
    int b = 0;
    int e = 0;
    bool empty() const { return b >= e; }
    int size() const { return e - b; }
};

// One argument of a call: `value`, `name=value`, `*value` or `**value`.
struct Arg
{
    QStringView keyword; // empty for a positional argument
    Span value;
    int stars = 0;       // 1: *value, 2: **value
};

// The tokens of one logical line with, for each bracket, the index of its partner: what lets
// every reading below jump over a bracketed group in O(1), so reading a line is linear.
class LineTokens
{
    Q_DECLARE_TR_FUNCTIONS(MigrationOpsReader)
public:
    explicit LineTokens(const QList<PyToken>& tokens);

    const PyToken& at(int i) const { return m_tokens.at(i); }
    int size() const { return int(m_tokens.size()); }
    // The partner of the bracket at `i`, -1 when `i` holds no bracket.
    int match(int i) const { return m_match.at(i); }

    // What an expression is, from its shape alone.
    enum class Shape { Empty, String, FString, Bytes, Number, True, False, None, Ellipsis,
                       Name, List, Tuple, Dict, Call, Other };
    Shape shape(Span s) const;
    // `s` without the parentheses around it when they only group (`("a")` -> `"a"`).
    Span unwrap(Span s) const;
    // The first index in s at bracket depth 0 holding operator `op` (one character), else s.e.
    int findTopLevel(Span s, char16_t op) const;
    // The items of s split at top-level commas (a trailing comma adds no item).
    QList<Span> split(Span s) const;
    // A call `a.b.c(args)`: the callee span (a dotted name) and the arguments; false when s
    // is not a call of a dotted name.
    bool call(Span s, Span* callee, QList<Arg>* args) const;
    // The elements of a list or tuple display (`[a, b]`, `(a, b)`), false for anything else.
    bool sequence(Span s, QList<Span>* items) const;
    // A dotted name `a.b.c` as text; empty when s is not one.
    QString dottedName(Span s) const;
    // The last part of a dotted callee (`sa.Column` -> "Column").
    QStringView lastName(Span callee) const;

    // The value of a string literal (adjacent literals joined), or of `op.f("...")`,
    // `sa.text("...")`; nullopt for anything else (f-strings and bytes included).
    std::optional<QString> stringValue(Span s) const;
    // True/False literal.
    std::optional<bool> boolValue(Span s) const;

    // The source text of s as written, on one line (comments and line breaks dropped);
    // at most `limit` characters (then ending in "...").
    QString source(Span s, int limit = 1 << 30) const;

private:
    const QList<PyToken>& m_tokens;
    QList<int> m_match;
};

// Binds a call's arguments to the parameters of an alembic operation, as Python would.
struct BoundArgs
{
    QVarLengthArray<std::pair<QString, Span>, 12> named;
    QList<Span> extra;  // positional arguments past the named ones (create_table's columns)
    QString unpacked;   // the source of a `*x` / `**x` argument, if any
    bool tooMany = false;

    std::optional<Span> get(QLatin1StringView name) const
    {
        for (const auto& [n, s] : named) {
            if (n == name)
                return s;
        }
        return std::nullopt;
    }
};

BoundArgs bindArgs(const LineTokens& t, const QList<Arg>& args,
                   const QList<const char*>& positional, bool varPositional = false);

} // namespace retort::opsread
