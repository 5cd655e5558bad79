#include "model/migration/typenarrowing.h"

#include <QStringList>

#include <optional>

namespace retort {

namespace {

// A SQLAlchemy type as written, reduced to what decides whether a value fits.
struct ParsedType
{
    enum class Family { Text, Integer, Numeric, Float, Boolean, DateTime, Date, Time, Other };
    Family family = Family::Other;
    QString name;               // upper case, without module: "STRING", "VARCHAR", ...
    std::optional<int> length;  // text: length (none = unbounded)
    int rank = 0;               // integers: 0 tiny, 1 small, 2 integer, 3 big
    std::optional<int> precision;
    std::optional<int> scale;
    QString arguments;          // as written, whitespace removed (for "same type")
};

// Splits "a, b=(1, 2), c" at the top-level commas.
QStringList splitArguments(const QString& text)
{
    QStringList parts;
    int depth = 0;
    QString current;
    QChar quote;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 0) {
            parts << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        parts << current.trimmed();
    return parts;
}

std::optional<int> intValue(const QString& text)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

ParsedType parse(const QString& written)
{
    ParsedType t;
    QString text = written.trimmed();
    QString args;
    if (const qsizetype open = text.indexOf(u'('); open >= 0) {
        const qsizetype close = text.lastIndexOf(u')');
        args = text.mid(open + 1, close > open ? close - open - 1 : -1);
        text = text.left(open);
    }
    t.name = text.section(u'.', -1).trimmed().toUpper();
    t.arguments = QString(args).remove(u' ');

    QStringList positional;
    std::optional<int> lengthKw;
    std::optional<int> precisionKw;
    std::optional<int> scaleKw;
    for (const QString& a : splitArguments(args)) {
        const qsizetype eq = a.indexOf(u'=');
        if (eq < 0) {
            positional << a;
            continue;
        }
        const QString key = a.left(eq).trimmed();
        const QString value = a.mid(eq + 1);
        if (key == QLatin1StringView("length"))
            lengthKw = intValue(value);
        else if (key == QLatin1StringView("precision"))
            precisionKw = intValue(value);
        else if (key == QLatin1StringView("scale"))
            scaleKw = intValue(value);
    }
    const std::optional<int> first = positional.isEmpty() ? std::nullopt : intValue(positional.at(0));
    const std::optional<int> second = positional.size() < 2 ? std::nullopt : intValue(positional.at(1));

    static const QStringList boundedText = {
        QStringLiteral("STRING"), QStringLiteral("VARCHAR"), QStringLiteral("NVARCHAR"),
        QStringLiteral("CHAR"), QStringLiteral("NCHAR"), QStringLiteral("UNICODE"),
        QStringLiteral("CHARACTER"), QStringLiteral("VARCHAR2"), QStringLiteral("NVARCHAR2")};
    static const QStringList unboundedText = {
        QStringLiteral("TEXT"), QStringLiteral("UNICODETEXT"), QStringLiteral("CLOB"),
        QStringLiteral("CITEXT"), QStringLiteral("MEDIUMTEXT"), QStringLiteral("LONGTEXT"),
        QStringLiteral("NTEXT")};
    const QString& n = t.name;
    if (boundedText.contains(n)) {
        t.family = ParsedType::Family::Text;
        t.length = lengthKw ? lengthKw : first;
    } else if (unboundedText.contains(n)) {
        t.family = ParsedType::Family::Text;
    } else if (n == QLatin1StringView("TINYTEXT")) {
        t.family = ParsedType::Family::Text;
        t.length = 255;
    } else if (n == QLatin1StringView("TINYINT")) {
        t.family = ParsedType::Family::Integer;
        t.rank = 0;
    } else if (n == QLatin1StringView("SMALLINTEGER") || n == QLatin1StringView("SMALLINT")) {
        t.family = ParsedType::Family::Integer;
        t.rank = 1;
    } else if (n == QLatin1StringView("INTEGER") || n == QLatin1StringView("INT")
               || n == QLatin1StringView("MEDIUMINT")) {
        t.family = ParsedType::Family::Integer;
        t.rank = 2;
    } else if (n == QLatin1StringView("BIGINTEGER") || n == QLatin1StringView("BIGINT")) {
        t.family = ParsedType::Family::Integer;
        t.rank = 3;
    } else if (n == QLatin1StringView("NUMERIC") || n == QLatin1StringView("DECIMAL")) {
        t.family = ParsedType::Family::Numeric;
        t.precision = precisionKw ? precisionKw : first;
        t.scale = scaleKw ? scaleKw : second;
    } else if (n == QLatin1StringView("FLOAT") || n == QLatin1StringView("REAL")
               || n == QLatin1StringView("DOUBLE") || n == QLatin1StringView("DOUBLE_PRECISION")) {
        t.family = ParsedType::Family::Float;
    } else if (n == QLatin1StringView("BOOLEAN") || n == QLatin1StringView("BOOL")) {
        t.family = ParsedType::Family::Boolean;
    } else if (n == QLatin1StringView("DATETIME") || n == QLatin1StringView("TIMESTAMP")) {
        t.family = ParsedType::Family::DateTime;
    } else if (n == QLatin1StringView("DATE")) {
        t.family = ParsedType::Family::Date;
    } else if (n == QLatin1StringView("TIME")) {
        t.family = ParsedType::Family::Time;
    }
    return t;
}

using Verdict = TypeNarrowing::Verdict;
using Family = ParsedType::Family;

// Decimal digits an integer type holds.
int integerDigits(int rank)
{
    static const int digits[] = {3, 5, 10, 19};
    return digits[qBound(0, rank, 3)];
}

Verdict toText(const ParsedType& from, const ParsedType& to)
{
    if (!to.length)
        return Verdict::Widens;
    if (from.family == Family::Text) {
        if (!from.length)
            return Verdict::Narrows;
        return *to.length < *from.length ? Verdict::Narrows : Verdict::Widens;
    }
    if (from.family == Family::Other)
        return Verdict::MayNarrow;
    // numbers, booleans and dates as text: 32 characters hold any of them
    return *to.length >= 32 ? Verdict::Widens : Verdict::MayNarrow;
}

Verdict toNumeric(const ParsedType& from, const ParsedType& to)
{
    switch (from.family) {
    case Family::Numeric: {
        if (!to.precision)
            return Verdict::Widens; // unbounded NUMERIC
        if (!from.precision)
            return Verdict::Narrows;
        const int fromScale = from.scale.value_or(0);
        const int toScale = to.scale.value_or(0);
        if (toScale < fromScale || *to.precision - toScale < *from.precision - fromScale)
            return Verdict::Narrows;
        return Verdict::Widens;
    }
    case Family::Integer:
        if (!to.precision)
            return Verdict::Widens;
        return *to.precision - to.scale.value_or(0) < integerDigits(from.rank) ? Verdict::Narrows
                                                                               : Verdict::Widens;
    case Family::Boolean:
        return Verdict::Widens;
    case Family::Text:
    case Family::Float:
    case Family::DateTime:
    case Family::Date:
    case Family::Time:
        return from.family == Family::Float ? Verdict::MayNarrow : Verdict::Narrows;
    case Family::Other:
        break;
    }
    return Verdict::MayNarrow;
}

} // namespace

TypeNarrowing::Verdict TypeNarrowing::judge(const QString& fromType, const QString& toType)
{
    if (toType.trimmed().isEmpty())
        return Verdict::Widens;
    if (fromType.trimmed().isEmpty())
        return Verdict::MayNarrow;
    const ParsedType from = parse(fromType);
    const ParsedType to = parse(toType);
    if (from.name == to.name && from.arguments == to.arguments)
        return Verdict::Widens;

    switch (to.family) {
    case Family::Boolean:
        return from.family == Family::Boolean ? Verdict::Widens : Verdict::Narrows;
    case Family::Text:
        return toText(from, to);
    case Family::Integer:
        if (from.family == Family::Integer)
            return to.rank < from.rank ? Verdict::Narrows : Verdict::Widens;
        if (from.family == Family::Boolean)
            return Verdict::Widens;
        return from.family == Family::Other ? Verdict::MayNarrow : Verdict::Narrows;
    case Family::Numeric:
        return toNumeric(from, to);
    case Family::Float:
        if (from.family == Family::Float || from.family == Family::Boolean
            || (from.family == Family::Integer && from.rank <= 2))
            return Verdict::Widens;
        if (from.family == Family::Integer || from.family == Family::Numeric)
            return Verdict::MayNarrow;
        return from.family == Family::Other ? Verdict::MayNarrow : Verdict::Narrows;
    case Family::DateTime:
        if (from.family == Family::DateTime || from.family == Family::Date)
            return Verdict::Widens;
        return from.family == Family::Other ? Verdict::MayNarrow : Verdict::Narrows;
    case Family::Date:
    case Family::Time:
        if (from.family == to.family)
            return Verdict::Widens;
        return from.family == Family::Other ? Verdict::MayNarrow : Verdict::Narrows;
    case Family::Other:
        break;
    }
    return Verdict::MayNarrow;
}

} // namespace retort
