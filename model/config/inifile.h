#pragma once

#include "model/common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// An ini file read the way Python's `configparser.ConfigParser(defaults)` reads it with its
// default settings, which is how alembic reads alembic.ini:
//  - `[section]` headers (names case-sensitive), a `[DEFAULT]` section whose options every
//    section sees; `=` or `:` between key and value (the first one on the line wins);
//  - keys lower-cased, values stripped;
//  - full-line comments starting with `#` or `;` (inline comments are part of the value);
//  - indented lines continue the previous value; empty lines inside a value are kept,
//    trailing ones dropped;
//  - strict mode: a repeated section or a repeated option in a section is an error;
//  - BasicInterpolation on read: `%(name)s` (same section, then DEFAULT), `%%`, at most
//    10 levels deep.
class IniFile
{
    // Its messages share the config readers' translation context "retort".
    Q_DECLARE_TR_FUNCTIONS(retort)

public:
    using Item = QPair<QString, QString>; // key, value

    // Parses `text`. `sourceName` (usually the path) is used in error messages. `defaults`
    // seed the DEFAULT section the way `ConfigParser(defaults)` does (alembic passes `here`);
    // a `[DEFAULT]` section in the text can override them. Errors name the line.
    static Result<IniFile> parse(const QString& text, const QString& sourceName = {},
                                 const QList<Item>& defaults = {});

    // Reads a UTF-8 file (a leading BOM is skipped) and parses it. A missing, unreadable,
    // oversized or non-UTF-8 file is an error naming the path.
    static Result<IniFile> load(const QString& path, const QList<Item>& defaults = {});

    // Files larger than this are refused rather than read.
    static constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;
    // Interpolated values longer than this are an error (guards against `%(a)s%(a)s…` bombs).
    static constexpr qsizetype kMaxValueLength = 16 * 1024 * 1024;
    // configparser.MAX_INTERPOLATION_DEPTH.
    static constexpr int kMaxInterpolationDepth = 10;

    QString sourceName() const { return m_sourceName; }

    // Section names in file order, without DEFAULT (like `ConfigParser.sections()`).
    QStringList sections() const;
    // False for "DEFAULT", as in configparser.
    bool hasSection(const QString& section) const;

    // Option names (lower case) of `section` followed by the DEFAULT ones it does not
    // override; empty when the section does not exist. `options("DEFAULT")` lists the defaults.
    QStringList options(const QString& section) const;
    // `option` is matched case-insensitively. True for DEFAULT options in any existing section.
    bool hasOption(const QString& section, const QString& option) const;

    // The value as written (multi-line values joined with '\n'), before interpolation.
    std::optional<QString> rawValue(const QString& section, const QString& option) const;

    // The value after interpolation; an error when the section or option does not exist or
    // the interpolation fails (the message names the option and the section).
    Result<QString> value(const QString& section, const QString& option) const;

    // All options of `section` (DEFAULT ones included) after interpolation, like
    // `ConfigParser.items(section)`. Fails on the first option that cannot be interpolated.
    Result<QList<Item>> items(const QString& section) const;

    // configparser's getboolean(): 1/yes/true/on and 0/no/false/off, any case; otherwise none.
    static std::optional<bool> parseBoolean(const QString& value);

private:
    struct Section
    {
        QString name;
        QStringList keys; // lower case, in file order
        QHash<QString, QString> values;
    };

    const Section* findSection(const QString& section) const;
    std::optional<QString> lookup(const Section* section, const QString& key) const;
    Result<void> interpolate(const Section* section, const QString& option, const QString& rest,
                             int depth, QString& out) const;

    QString m_sourceName;
    Section m_defaults; // name "DEFAULT"
    QList<Section> m_sections;
};

} // namespace retort
