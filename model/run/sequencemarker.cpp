#include "model/run/sequencemarker.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace retort {

bool SequenceMarker::isMarker(const QString& line)
{
    return line.startsWith(QLatin1String(kPrefix));
}

std::optional<SequenceMarker> SequenceMarker::parse(const QString& line)
{
    if (!isMarker(line))
        return std::nullopt;
    const QByteArray json = line.mid(qsizetype(qstrlen(kPrefix))).trimmed().toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue index = o.value(QLatin1String("index"));
    if (!index.isDouble() || index.toDouble() < 0)
        return std::nullopt;
    SequenceMarker m;
    m.index = index.toInt(-1);
    const QString state = o.value(QLatin1String("state")).toString();
    if (state == QLatin1String("begin"))
        m.state = State::Begin;
    else if (state == QLatin1String("done"))
        m.state = State::Done;
    else if (state == QLatin1String("failed"))
        m.state = State::Failed;
    else
        return std::nullopt;
    m.error = o.value(QLatin1String("error")).toString();
    return m;
}

} // namespace retort
