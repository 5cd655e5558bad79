#include "model/config/tomlscalar.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

#include <limits>

namespace retort {

Result<QVariant> TomlScalar::parse(const QString& token)
{
    QVariant out;
    const QString shown = token.size() > 40 ? token.left(40) + QChar(0x2026) : token;

    if (token == u"true" || token == u"false") {
        out = token == u"true";
        return out;
    }
    static const QRegularExpression dateTime(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                       "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))?$"));
    static const QRegularExpression date(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression time(
        QStringLiteral("^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?$"));
    const auto toTime = [](const QRegularExpressionMatch& m, int first) {
        const QString fraction = m.captured(first + 3);
        const int ms = fraction.isEmpty() ? 0 : fraction.left(3).leftJustified(3, u'0').toInt();
        return QTime(m.captured(first).toInt(), m.captured(first + 1).toInt(),
                     m.captured(first + 2).toInt(), ms);
    };
    if (const auto m = dateTime.match(token); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime t = toTime(m, 4);
        if (!d.isValid() || !t.isValid())
            return Failure{tr("invalid date-time %1").arg(shown)};
        if (!m.captured(8).isEmpty()) {
            out = QDateTime(d, t, QTimeZone::utc());
        } else if (!m.captured(9).isEmpty()) {
            const int hours = m.captured(10).toInt();
            const int minutes = m.captured(11).toInt();
            if (hours > 23 || minutes > 59)
                return Failure{tr("invalid date-time %1").arg(shown)};
            const int offset = (hours * 3600 + minutes * 60) * (m.captured(9) == u"-" ? -1 : 1);
            out = QDateTime(d, t, QTimeZone(offset));
        } else {
            out = QDateTime(d, t);
        }
        return out;
    }
    if (const auto m = date.match(token); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!d.isValid())
            return Failure{tr("invalid date %1").arg(shown)};
        out = d;
        return out;
    }
    if (const auto m = time.match(token); m.hasMatch()) {
        const QTime t = toTime(m, 1);
        if (!t.isValid())
            return Failure{tr("invalid time %1").arg(shown)};
        out = t;
        return out;
    }

    static const QRegularExpression decimalInt(QStringLiteral("^[+-]?(?:0|[1-9](?:_?[0-9])*)$"));
    static const QRegularExpression hexInt(QStringLiteral("^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$"));
    static const QRegularExpression octInt(QStringLiteral("^0o[0-7](?:_?[0-7])*$"));
    static const QRegularExpression binInt(QStringLiteral("^0b[01](?:_?[01])*$"));
    static const QRegularExpression decimalFloat(QStringLiteral(
        "^[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?$"));
    static const QRegularExpression specialFloat(QStringLiteral("^[+-]?(?:inf|nan)$"));

    const auto integer = [&](QStringView digits, int base) -> Result<QVariant> {
        bool ok = false;
        QString clean = digits.toString();
        clean.remove(u'_');
        const qint64 v = clean.toLongLong(&ok, base);
        if (!ok)
            return Failure{tr("the integer %1 is out of range").arg(shown)};
        return QVariant(v);
    };
    if (decimalInt.match(token).hasMatch())
        return integer(token, 10);
    if (hexInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 16);
    if (octInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 8);
    if (binInt.match(token).hasMatch())
        return integer(QStringView(token).mid(2), 2);
    if (specialFloat.match(token).hasMatch()) {
        const bool negative = token.startsWith(u'-');
        if (token.endsWith(u"inf"))
            out = negative ? -std::numeric_limits<double>::infinity()
                           : std::numeric_limits<double>::infinity();
        else
            out = std::numeric_limits<double>::quiet_NaN();
        return out;
    }
    if (decimalFloat.match(token).hasMatch()) {
        QString clean = token;
        clean.remove(u'_');
        bool ok = false;
        const double v = clean.toDouble(&ok);
        if (!ok)
            return Failure{tr("the number %1 is out of range").arg(shown)};
        out = v;
        return out;
    }
    return Failure{tr("invalid value %1 (strings need quotes)").arg(shown)};
}

} // namespace retort
