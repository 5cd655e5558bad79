#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVarLengthArray>

namespace retort {

// One token of the Python subset Retort reads. Comments and blank lines are dropped;
// a Newline token ends every logical line (brackets and backslashes join physical lines).
struct PyToken
{
    enum class Kind { Name, Number, String, Op, Newline, EndOfFile };

    Kind kind = Kind::EndOfFile;
    QStringView text;  // source text (names, numbers, operators; raw literal for strings),
                       // a view into the tokenized source: valid while that source lives
    char16_t op = 0;   // a one-character operator or bracket, else 0
    QString value;     // strings only: the decoded value
    bool bytes = false;       // b'' literal
    bool formatted = false;   // f'' literal
    bool namedEscape = false; // holds a \N{...} escape, which `value` keeps undecoded
    int line = 0;      // 1-based line of the first character
    int column = 0;    // 0-based column (in UTF-16 code units) of the first character

    bool isOp(char16_t c) const { return op == c; }
    bool isOp(QLatin1StringView opText) const { return kind == Kind::Op && text == opText; }
    bool isName(QLatin1StringView name) const { return kind == Kind::Name && text == name; }
};

// The result of tokenizing a whole module. On an error the tokens read so far are kept.
struct PyTokens
{
    QString source;        // the text the tokens' views point into
    QList<PyToken> tokens; // always ends with EndOfFile
    QString error;         // empty when the whole text tokenized
    int errorLine = 0;
};

// A small tokenizer for the subset of Python that revision scripts' headers use: names,
// numbers, operators, strings with every prefix (r, u, b, f and their mixes), single and
// triple quotes, escapes, comments, brackets across lines and backslash continuations.
// It never executes anything and never fails hard: malformed input yields an error.
//
// It works a logical line at a time, so a reader can skim the lines it does not need
// (function bodies) without building tokens: skimming only follows strings, comments,
// brackets and continuations, which is what finding the end of a line takes.
class PythonTokenizer
{
    Q_DECLARE_TR_FUNCTIONS(PythonTokenizer)

public:
    // CPython's MAXLEVEL: more open brackets at once are a SyntaxError there.
    static constexpr int kMaxBracketDepth = 200;

    explicit PythonTokenizer(const QString& source);

    // Column of the first token of the next logical line; -1 at the end or after an error.
    int nextIndent();
    // Appends the next logical line's tokens (no Newline token). False at the end, or
    // when the line is cut short by an error (the tokens read so far are appended).
    bool readLine(QList<PyToken>* tokens);
    // Passes over the next logical line. False at the end or on an error.
    bool skipLine();
    // After nextIndent(): the identifier the next line starts with ("@" for a decorator),
    // or an empty view. Reads nothing.
    QStringView peekWord() const;
    // Offset in the source of the next character to read.
    qsizetype position() const { return m_pos; }

    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int line() const { return m_line; }

    // The whole module as one token list (Newline after each logical line, then EndOfFile).
    static PyTokens tokenize(const QString& source);

    // Decodes the escapes of a non-raw string body as Python does (\n, \x41, \u00e9;
    // \N{...} is kept verbatim, and `named` set, as there is no Unicode name table here).
    // Fails on a malformed escape.
    static Result<QString> decodeEscapes(QStringView body, bool bytes, bool* named = nullptr);

    // The source with every identifier in NFKC normal form, as Python's tokenizer reads them
    // (`ｄown_revision` binds `down_revision`). Strings and comments are left alone, and so
    // are the line numbers. Returns `source` itself when it is all ASCII.
    static QString normalizeIdentifiers(const QString& source);
    // Whether `name` is one of Python's keywords (`if`, `None`, `lambda`...).
    static bool isKeyword(QStringView name);

private:
    bool scanLine(QList<PyToken>* tokens); // tokens == nullptr: skim
    bool scanString(QList<PyToken>* tokens, int prefixLength);
    bool fail(const QString& message, int line);
    void newline(qsizetype next);

    const QString& m_s;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    struct OpenBracket
    {
        char16_t bracket;
        int line;
    };
    QVarLengthArray<OpenBracket, 32> m_open; // the stack of open brackets
    QString m_error;
    int m_errorLine = 0;
};

} // namespace retort
