#pragma once

#include "model/common/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retort {

class RevisionGraph;

// The JSON shapes retort-cli prints. Lists of ids are sorted so output is stable.
namespace json {

QJsonObject graph(const RevisionGraph& graph, const QString& relativeTo);
QJsonArray diagnostics(const Diagnostics& diagnostics, const QString& relativeTo);
QJsonArray sortedIds(QStringList ids);

} // namespace json
} // namespace retort
