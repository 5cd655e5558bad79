#pragma once

#include "model/common/result.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace retort {

// What SQLAlchemy URLs go through in Python, done the same way here: int(), urllib's
// quoting and query parsing, SQLAlchemy's own quoting and asbool(). Each answers what the
// Python code answers, including for odd input.
class PythonCompat
{
public:
    enum class IntError
    {
        Invalid,  // ValueError
        Overflow, // beyond 64 bits (Python would not mind; SQLAlchemy's callers do)
    };
    // int(text), base 10: surrounding whitespace, a sign and '_' between digits allowed.
    static Result<qint64, IntError> parseInt(const QString& text);

    // urllib.parse.unquote(s, encoding="utf-8", errors="replace")
    static QString unquote(const QString& s);
    // urllib.parse.parse_qsl(qs) with its defaults (keep_blank_values=False, separator '&').
    static QList<QPair<QString, QString>> parseQsl(const QString& qs);
    // urllib.parse.quote_plus(s)
    static QString quotePlus(const QString& s);
    // sqlalchemy.engine.url._sqla_url_quote
    static QString sqlaQuote(QString s);
    // Python's ordering of str: by code point.
    static bool lessByCodePoint(const QString& a, const QString& b);
    // sqlalchemy.util.asbool for strings
    static std::optional<bool> asBool(const QString& value);
    // A non-negative whole number of seconds (timeouts); with `allowFraction` a float
    // rounded up.
    static std::optional<int> parseSeconds(const QString& value, bool allowFraction);
};

} // namespace retort
