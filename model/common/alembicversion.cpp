#include "model/common/alembicversion.h"

#include <QRegularExpression>

namespace retort {

std::optional<AlembicVersion> AlembicVersion::parse(QStringView text)
{
    // "1.8", "1.8.1", "1.8.1.dev0", "1.13.2rc1": up to three numbers, then anything
    static const QRegularExpression number(
        QStringLiteral(R"(^\s*(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?)"));
    const QRegularExpressionMatch m = number.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    AlembicVersion v;
    v.major = m.capturedView(1).toInt();
    v.minor = m.capturedView(2).toInt();
    v.patch = m.capturedView(3).isEmpty() ? 0 : m.capturedView(3).toInt();
    return v;
}

QString AlembicVersion::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

} // namespace retort
