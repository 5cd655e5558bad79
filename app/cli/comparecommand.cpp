#include "app/cli/comparecommand.h"

#include "app/cli/alembicoption.h"
#include "app/cli/clitext.h"
#include "app/cli/diagnosticsoutput.h"
#include "model/config/connectionprofile.h"
#include "model/config/sqlalchemyurl.h"
#include "model/db/versiontablereader.h"
#include "model/graph/environmentplan.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/targetresolver.h"
#include "model/project/projectloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

namespace {

enum CompareExit
{
    CompareOk = 0,
    CompareRefused = 1,
    CompareUsage = 2,
    CompareFailure = 3
};

struct Side
{
    QString url; // password hidden; empty for a revision
    QString revision;
    QStringList rows;

    QJsonObject toJson() const
    {
        QJsonObject o;
        if (!url.isEmpty())
            o.insert(QStringLiteral("url"), url);
        else
            o.insert(QStringLiteral("revision"), revision);
        o.insert(QStringLiteral("rows"), QJsonArray::fromStringList(rows));
        return o;
    }
    QString describe() const
    {
        const QString where = url.isEmpty() ? Cli::tr("revision %1").arg(revision) : url;
        return rows.isEmpty() ? Cli::tr("%1 (at base)").arg(where)
                              : Cli::tr("%1 (at %2)").arg(where, rows.join(QStringLiteral(", ")));
    }
};

QString usageText()
{
    return Cli::tr("usage: retort-cli compare --url A (--url B | --revision REV) "
                   "[--alembic-version X.Y.Z] [--json]");
}

QString directionName(const EnvironmentCommand& c)
{
    return c.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

} // namespace

int runCompareCommand(const QString& configPath, const QString& section, const QStringList& argsIn,
                      QTextStream& out, QTextStream& err)
{
    QStringList args = argsIn;
    const Result<LoadOptions> options = takeLoadOptions(args, section);
    if (!options) {
        err << options.error() << '\n';
        return CompareUsage;
    }
    QStringList urls;
    QString revision;
    bool asJson = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1StringView("--json")) {
            asJson = true;
        } else if (a == QLatin1StringView("--url") || a == QLatin1StringView("--revision")) {
            if (i + 1 >= args.size()) {
                err << Cli::tr("retort-cli: %1 needs a value").arg(a) << '\n';
                return CompareUsage;
            }
            if (a == QLatin1StringView("--url"))
                urls << args.at(++i);
            else
                revision = args.at(++i);
        } else if (a.startsWith(QLatin1StringView("--url="))) {
            urls << a.mid(6);
        } else if (a.startsWith(QLatin1StringView("--revision="))) {
            revision = a.mid(11);
        } else {
            err << Cli::tr("retort-cli: compare: unexpected argument %1").arg(a) << '\n'
                << usageText() << '\n';
            return CompareUsage;
        }
    }
    if (urls.size() + int(!revision.isEmpty()) != 2 || urls.isEmpty()) {
        err << usageText() << '\n';
        return CompareUsage;
    }

    const Result<LoadedProject> project = ProjectLoader::load(configPath, *options);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return CompareFailure;
    }
    if (refuseWhenAlembicCannotLoad(*project->graph, project->config.here(), err))
        return CompareRefused;

    const ConnectionProfile profile = ConnectionProfile::fromConfig(project->config);
    QList<Side> sides;
    for (const QString& url : std::as_const(urls)) {
        const DatabaseState state = VersionTableReader::readNow(
            url, project->config.here(), profile.versionTable(), profile.versionTableSchema());
        if (!state.isReadable()) {
            err << "retort-cli: " << state.error() << '\n';
            return CompareFailure;
        }
        sides << Side{SqlAlchemyUrl::redacted(url), {}, state.currentRevisions()};
    }
    if (!revision.isEmpty()) {
        // As `alembic upgrade REV` names it: an id, a prefix, label@head, heads...
        const TargetResolver resolver(*project->graph);
        const Result<QStringList> ids = resolver.resolveRevisions(revision);
        if (!ids) {
            err << "retort-cli: " << ids.error() << '\n';
            return CompareRefused;
        }
        sides << Side{{}, revision, *ids};
    }
    const Side& a = sides.at(0);
    const Side& b = sides.at(1);
    err << "retort-cli: " << Cli::tr("A is %1").arg(a.describe()) << '\n'
        << "retort-cli: " << Cli::tr("B is %1").arg(b.describe()) << '\n';

    auto planner = std::make_shared<const MigrationPlanner>(project->graph, project->alembic.rules);
    const EnvironmentPlanner environments(project->graph, planner);
    const Result<EnvironmentComparison> comparison = environments.compare(a.rows, b.rows);
    if (!comparison) {
        err << "retort-cli: " << comparison.error() << '\n';
        return CompareRefused;
    }

    if (asJson) {
        QJsonArray steps;
        for (const EnvironmentCommand& c : comparison->commands) {
            QJsonObject o;
            o.insert(QStringLiteral("direction"), directionName(c));
            o.insert(QStringLiteral("revision"), c.target);
            o.insert(QStringLiteral("command"),
                     QStringLiteral("alembic %1 %2").arg(directionName(c), c.target));
            o.insert(QStringLiteral("runs"), QJsonArray::fromStringList(c.plan.revisions()));
            o.insert(QStringLiteral("rows_after"), QJsonArray::fromStringList(c.plan.endHeads));
            steps.append(o);
        }
        QJsonObject root;
        root.insert(QStringLiteral("a"), a.toJson());
        root.insert(QStringLiteral("b"), b.toJson());
        root.insert(QStringLiteral("alembic"), alembicJson(project->alembic));
        root.insert(QStringLiteral("in_sync"), comparison->isInSync());
        root.insert(QStringLiteral("only_a"), QJsonArray::fromStringList(comparison->onlyA));
        root.insert(QStringLiteral("only_b"), QJsonArray::fromStringList(comparison->onlyB));
        root.insert(QStringLiteral("steps"), steps);
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return CompareOk;
    }

    if (comparison->isInSync()) {
        out << Cli::tr("in sync: both have the same revisions applied") << '\n';
        return CompareOk;
    }
    const RevisionGraph& graph = *project->graph;
    auto list = [&](const QString& title, const QString& none, const QStringList& ids) {
        if (ids.isEmpty()) {
            out << none << '\n';
            return;
        }
        out << title.arg(ids.size()) << '\n';
        for (const QString& id : ids) {
            const Revision* rev = graph.revision(id);
            out << "  " << id << "  " << (rev ? rev->message : QString()) << '\n';
        }
    };
    list(Cli::tr("only in A (%1):"), Cli::tr("only in A: none"), comparison->onlyA);
    list(Cli::tr("only in B (%1):"), Cli::tr("only in B: none"), comparison->onlyB);
    out << Cli::tr("to bring A to B, run in order:") << '\n';
    for (const EnvironmentCommand& c : comparison->commands)
        out << "  alembic " << directionName(c) << ' ' << c.target << "    # "
            << c.plan.revisions().join(QStringLiteral(", ")) << '\n';
    return CompareOk;
}

} // namespace retort::cli
