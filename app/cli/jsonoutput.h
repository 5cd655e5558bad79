#pragma once

#include "model/common/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retort {

class GitAuthors;
class RevisionGraph;

// The JSON shapes retort-cli prints. Lists of ids are sorted so output is stable.
namespace json {

// `git` (may be null): each revision whose file git knows gets
// "git": {author, email, date, commit, short_commit, subject}.
QJsonObject graph(const RevisionGraph& graph, const QString& relativeTo,
                  const GitAuthors* git = nullptr);
QJsonArray diagnostics(const Diagnostics& diagnostics, const QString& relativeTo);
QJsonArray sortedIds(QStringList ids);

} // namespace json
} // namespace retort
