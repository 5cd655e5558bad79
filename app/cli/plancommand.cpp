#include "cli/plancommand.h"

#include "config/connectionprofile.h"
#include "db/versiontablereader.h"
#include "graph/migrationplanner.h"
#include "project/projectloader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PlanCommand", text);
}

enum PlanExit
{
    PlanOk = 0,
    PlanRefused = 1,
    PlanUsage = 2,
    PlanFailure = 3
};

} // namespace

int runPlanCommand(const QString& configPath, const QString& section, const QStringList& argsIn,
                   QTextStream& out, QTextStream& err)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.first() == QLatin1StringView("plan"))
        args.removeFirst();

    QStringList positional;
    QStringList current;
    QString url;
    bool fromDatabase = false; // --url given: read the state from a database
    bool asJson = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1StringView("--json")) {
            asJson = true;
        } else if (a == QLatin1StringView("--current")) {
            if (i + 1 >= args.size()) {
                err << tr("retort-cli: %1 needs a value").arg(a) << '\n';
                return PlanUsage;
            }
            current << args.at(++i);
        } else if (a == QLatin1StringView("--url")) {
            // `--url URL` reads that database; a bare `--url` reads the ini's.
            fromDatabase = true;
            if (i + 1 < args.size() && args.at(i + 1).contains(QLatin1StringView("://")))
                url = args.at(++i);
        } else if (a.startsWith(QLatin1StringView("--current="))) {
            current << a.mid(10);
        } else if (a.startsWith(QLatin1StringView("--url="))) {
            fromDatabase = true;
            url = a.mid(6);
        } else if (a.startsWith(QLatin1StringView("--")) && a.size() > 2) {
            err << tr("retort-cli: plan: unknown option %1").arg(a) << '\n';
            return PlanUsage;
        } else {
            positional << a; // "-1", "+2", "label@-1" are targets
        }
    }
    if (positional.size() != 2 || (positional.at(0) != QLatin1StringView("upgrade") &&
                                   positional.at(0) != QLatin1StringView("downgrade"))) {
        err << tr("usage: retort-cli plan {upgrade|downgrade} TARGET "
                  "[--current REV]... | [--url [URL]] [--json]")
            << '\n';
        return PlanUsage;
    }
    if (fromDatabase && !current.isEmpty()) {
        err << tr("retort-cli: plan: give either --current or --url, not both") << '\n';
        return PlanUsage;
    }

    const Result<LoadedProject> project = ProjectLoader::load(configPath, section);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return PlanFailure;
    }
    if (fromDatabase) {
        // The rows in the order the table returns them: alembic's -1 with several rows
        // depends on that order.
        const ConnectionProfile profile = ConnectionProfile::fromConfig(project->config);
        const QString effective = url.isEmpty() ? profile.effectiveUrl(project->config) : url;
        if (effective.isEmpty()) {
            err << tr("retort-cli: no database URL: set sqlalchemy.url in the ini or pass --url URL")
                << '\n';
            return PlanFailure;
        }
        const DatabaseState state = VersionTableReader::readNow(
            effective, project->config.here(), profile.versionTable(), profile.versionTableSchema());
        if (!state.isReadable()) {
            err << "retort-cli: " << state.error() << '\n';
            return PlanFailure;
        }
        current = state.currentRevisions();
    }
    const RevisionGraph& graph = *project->graph;
    const bool upgrade = positional.at(0) == QLatin1StringView("upgrade");
    const MigrationPlanner planner(graph);
    const Result<MigrationPlan> plan = planner.plan(
        current, upgrade ? MigrationStep::Direction::Upgrade : MigrationStep::Direction::Downgrade,
        positional.at(1));
    if (!plan) {
        err << "retort-cli: " << plan.error() << '\n';
        return PlanRefused;
    }
    if (asJson) {
        QJsonArray steps;
        for (const MigrationStep& s : plan->steps) {
            QJsonObject o;
            o.insert(QStringLiteral("direction"), s.direction == MigrationStep::Direction::Upgrade
                                                      ? QStringLiteral("upgrade")
                                                      : QStringLiteral("downgrade"));
            o.insert(QStringLiteral("revision"), s.revision);
            steps.append(o);
        }
        QJsonObject root;
        root.insert(QStringLiteral("steps"), steps);
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return PlanOk;
    }
    for (const MigrationStep& s : plan->steps) {
        const Revision* rev = graph.revision(s.revision);
        out << (s.direction == MigrationStep::Direction::Upgrade ? "upgrade" : "downgrade") << "  "
            << s.revision << "  " << (rev ? rev->message : QString()) << '\n';
    }
    return PlanOk;
}

} // namespace retort::cli
