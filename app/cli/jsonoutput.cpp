#include "app/cli/jsonoutput.h"

#include "model/graph/revisiongraph.h"
#include "model/project/gitauthors.h"

#include <QDir>

namespace retort::json {

namespace {

QString displayPath(const QString& path, const QString& relativeTo)
{
    if (relativeTo.isEmpty() || path.isEmpty())
        return path;
    return QDir(relativeTo).relativeFilePath(path);
}

} // namespace

QJsonArray sortedIds(QStringList ids)
{
    ids.sort();
    return QJsonArray::fromStringList(ids);
}

QJsonArray diagnostics(const Diagnostics& diagnostics, const QString& relativeTo)
{
    QJsonArray out;
    for (const Diagnostic& d : diagnostics) {
        QJsonObject o;
        o.insert(QStringLiteral("severity"), Diagnostic::severityName(d.severity));
        o.insert(QStringLiteral("path"), displayPath(d.path, relativeTo));
        o.insert(QStringLiteral("line"), d.line);
        o.insert(QStringLiteral("message"), d.message);
        // alembic itself cannot load the project because of it (every command fails)
        o.insert(QStringLiteral("stops_alembic"), d.stopsAlembic);
        if (!d.revision.isEmpty())
            o.insert(QStringLiteral("revision"), d.revision);
        out.append(o);
    }
    return out;
}

QJsonObject graph(const RevisionGraph& graph, const QString& relativeTo, const GitAuthors* git)
{
    QJsonArray revisions;
    for (const Revision& rev : graph.revisions()) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), rev.id);
        o.insert(QStringLiteral("down_revisions"), sortedIds(rev.downRevisions));
        o.insert(QStringLiteral("depends_on"), sortedIds(rev.dependsOn));
        o.insert(QStringLiteral("branch_labels"), sortedIds(rev.branchLabels));
        o.insert(QStringLiteral("effective_branch_labels"), sortedIds(graph.branchLabels(rev.id)));
        o.insert(QStringLiteral("message"), rev.message);
        o.insert(QStringLiteral("create_date"), rev.createDate);
        o.insert(QStringLiteral("path"), displayPath(rev.path, relativeTo));
        if (const GitCommit* commit = git ? git->commit(rev) : nullptr) {
            o.insert(QStringLiteral("git"),
                     QJsonObject{{QStringLiteral("author"), commit->author},
                                 {QStringLiteral("email"), commit->email},
                                 {QStringLiteral("date"), commit->date},
                                 {QStringLiteral("commit"), commit->hash},
                                 {QStringLiteral("short_commit"), commit->shortHash},
                                 {QStringLiteral("subject"), commit->subject}});
        }
        revisions.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("revisions"), revisions);
    root.insert(QStringLiteral("heads"), sortedIds(graph.heads()));
    root.insert(QStringLiteral("bases"), sortedIds(graph.bases()));
    root.insert(QStringLiteral("branch_points"), sortedIds(graph.branchPoints()));
    root.insert(QStringLiteral("merge_points"), sortedIds(graph.mergePoints()));
    root.insert(QStringLiteral("diagnostics"), diagnostics(graph.diagnostics(), relativeTo));
    return root;
}

} // namespace retort::json
