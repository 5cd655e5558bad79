#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace retort {

// A TOML 1.0 document read into QVariants, enough for a whole pyproject.toml so that
// `[tool.alembic]` can be found in it:
//  - tables `[a.b]`, arrays of tables `[[a]]`, dotted and quoted keys, inline tables;
//  - basic and literal strings, single- and multi-line, with all TOML escapes;
//  - integers (decimal, 0x, 0o, 0b, underscores), floats (incl. inf/nan), booleans,
//    offset/local date-times, dates and times;
//  - arrays (nested, mixed, multi-line, trailing comma, comments inside);
//  - the redefinition rules (a key or table defined twice is an error).
// Anything else is an error naming the line; nothing is guessed. Nesting deeper than
// kMaxNesting is refused rather than recursed into.
//
// Value types: QString, bool, qint64, double, QVariantList, QVariantMap, QDateTime (offset
// or local date-time), QDate, QTime.
class TomlFile
{
    // Its messages share the config readers' translation context "retort".
    Q_DECLARE_TR_FUNCTIONS(retort)

public:
    static constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;
    static constexpr int kMaxNesting = 128;

    // Reads and parses a UTF-8 file; a missing, unreadable, oversized or non-UTF-8 file is
    // an error naming the path.
    static Result<TomlFile> load(const QString& path);
    // `sourceName` (usually the path) prefixes error messages: "NAME, line N: what".
    static Result<TomlFile> parse(const QByteArray& utf8, const QString& sourceName = {});
    static Result<TomlFile> parse(const QString& text, const QString& sourceName = {});

    QString sourceName() const { return m_sourceName; }
    QVariantMap root() const { return m_root; }

    // The value at `keyPath` (keys as written, unquoted), e.g. {"tool", "alembic"}; an
    // invalid QVariant when absent.
    QVariant value(const QStringList& keyPath) const;
    bool contains(const QStringList& keyPath) const { return value(keyPath).isValid(); }
    // The table at `keyPath`, or std::nullopt when absent or not a table.
    std::optional<QVariantMap> table(const QStringList& keyPath) const;

private:
    QString m_sourceName;
    QVariantMap m_root;
};

} // namespace retort
