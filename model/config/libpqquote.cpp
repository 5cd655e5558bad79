#include "model/config/libpqquote.h"

namespace retort {

QString libpqQuote(const QString& value)
{
    bool plain = !value.isEmpty();
    for (QChar c : value) {
        if (c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace retort
