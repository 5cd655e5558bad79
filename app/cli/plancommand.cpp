#include "app/cli/plancommand.h"

#include "app/cli/alembicoption.h"

#include "app/cli/clitext.h"

#include "app/cli/diagnosticsoutput.h"
#include "model/config/connectionprofile.h"
#include "model/config/sqlalchemyurl.h"
#include "model/db/versiontablereader.h"
#include "model/graph/migrationplanner.h"
#include "model/project/projectloader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

namespace {

enum PlanExit
{
    PlanOk = 0,
    PlanRefused = 1,
    PlanUsage = 2,
    PlanFailure = 3
};

// Where the rows a plan starts from came from.
struct StartState
{
    enum class Source
    {
        Database, // read from the ini's database or --url
        Current,  // --current rows
        AtBase    // --at-base
    };
    Source source = Source::Database;
    QString url; // Database: the URL read, password hidden
    QStringList rows;

    QString sourceName() const
    {
        switch (source) {
        case Source::Database:
            return QStringLiteral("database");
        case Source::Current:
            return QStringLiteral("current");
        case Source::AtBase:
            return QStringLiteral("at-base");
        }
        return {};
    }
    QString describe() const
    {
        const QString at = rows.isEmpty() ? Cli::tr("at base (no version rows)")
                                          : Cli::tr("at %1").arg(rows.join(QStringLiteral(", ")));
        switch (source) {
        case Source::Database:
            return Cli::tr("planned from the database %1, %2").arg(url, at);
        case Source::Current:
            return Cli::tr("planned from the rows given with --current, %1").arg(at);
        case Source::AtBase:
            return Cli::tr("planned from an empty database (--at-base)");
        }
        return {};
    }
    QJsonObject toJson() const
    {
        QJsonObject o;
        o.insert(QStringLiteral("source"), sourceName());
        if (source == Source::Database)
            o.insert(QStringLiteral("url"), url);
        o.insert(QStringLiteral("rows"), QJsonArray::fromStringList(rows));
        return o;
    }
};

QString usageText()
{
    return Cli::tr("usage: retort-cli plan {upgrade|downgrade|stamp} TARGET "
              "[--current REV]... | [--at-base] | [--url [URL]] [--purge] [--alembic-version X.Y.Z] "
              "[--json]");
}

} // namespace

int runPlanCommand(const QString& configPath, const QString& section, const QStringList& argsIn,
                   QTextStream& out, QTextStream& err)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.first() == QLatin1StringView("plan"))
        args.removeFirst();
    const Result<LoadOptions> options = takeLoadOptions(args, section);
    if (!options) {
        err << options.error() << '\n';
        return PlanUsage;
    }

    QStringList positional;
    QStringList current;
    QString url;
    bool urlGiven = false;
    bool atBase = false;
    bool purge = false;
    bool asJson = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1StringView("--json")) {
            asJson = true;
        } else if (a == QLatin1StringView("--at-base")) {
            atBase = true;
        } else if (a == QLatin1StringView("--purge")) {
            purge = true;
        } else if (a == QLatin1StringView("--current")) {
            if (i + 1 >= args.size()) {
                err << Cli::tr("retort-cli: %1 needs a value").arg(a) << '\n';
                return PlanUsage;
            }
            current << args.at(++i);
        } else if (a == QLatin1StringView("--url")) {
            // `--url URL` reads that database; a bare `--url` reads the ini's (the default).
            urlGiven = true;
            if (i + 1 < args.size() && args.at(i + 1).contains(QLatin1StringView("://")))
                url = args.at(++i);
        } else if (a.startsWith(QLatin1StringView("--current="))) {
            current << a.mid(10);
        } else if (a.startsWith(QLatin1StringView("--url="))) {
            urlGiven = true;
            url = a.mid(6);
        } else if (a.startsWith(QLatin1StringView("--")) && a.size() > 2) {
            err << Cli::tr("retort-cli: plan: unknown option %1").arg(a) << '\n';
            return PlanUsage;
        } else {
            positional << a; // "-1", "+2", "label@-1" are targets
        }
    }
    static const QStringList commands = {QStringLiteral("upgrade"), QStringLiteral("downgrade"),
                                         QStringLiteral("stamp")};
    const QString command = positional.value(0);
    const bool isStamp = command == QLatin1StringView("stamp");
    // stamp takes several revisions, as `alembic stamp` does
    if (!commands.contains(command) || positional.size() < 2
        || (!isStamp && positional.size() != 2)) {
        err << usageText() << '\n';
        return PlanUsage;
    }
    if (int(urlGiven) + int(!current.isEmpty()) + int(atBase) > 1) {
        err << Cli::tr("retort-cli: plan: give one of --current, --at-base or --url") << '\n';
        return PlanUsage;
    }
    if (purge && !isStamp) {
        err << Cli::tr("retort-cli: plan: --purge goes with stamp") << '\n';
        return PlanUsage;
    }

    const Result<LoadedProject> project = ProjectLoader::load(configPath, *options);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return PlanFailure;
    }
    const RevisionGraph& graph = *project->graph;
    // alembic loads every revision file before it plans anything: where it cannot, there is
    // no plan to show.
    if (refuseWhenAlembicCannotLoad(graph, project->config.here(), err))
        return PlanRefused;

    StartState start;
    if (atBase) {
        start.source = StartState::Source::AtBase;
    } else if (!current.isEmpty()) {
        start.source = StartState::Source::Current;
        start.rows = current;
    } else if (!(isStamp && purge)) {
        // As `alembic upgrade` does: the project's own database. The rows in the order the
        // table returns them: alembic's -1 with several rows depends on that order.
        const ConnectionProfile profile = ConnectionProfile::fromConfig(project->config);
        const QString effective = url.isEmpty() ? profile.effectiveUrl(project->config) : url;
        if (effective.isEmpty()) {
            err << Cli::tr("retort-cli: no database URL: set sqlalchemy.url in the ini, pass --url "
                      "URL, or describe the state with --current REV or --at-base")
                << '\n';
            return PlanFailure;
        }
        const DatabaseState state = VersionTableReader::readNow(
            effective, project->config.here(), profile.versionTable(), profile.versionTableSchema());
        if (!state.isReadable()) {
            err << "retort-cli: " << state.error() << '\n';
            return PlanFailure;
        }
        start.url = SqlAlchemyUrl::redacted(effective);
        start.rows = state.currentRevisions();
    } else {
        start.source = StartState::Source::AtBase; // --purge empties the table first
    }
    err << "retort-cli: " << start.describe() << '\n';

    const MigrationPlanner planner(project->graph, project->alembic.rules);
    if (isStamp) {
        const Result<StampPlan> stamp = planner.stamp(start.rows, positional.mid(1), purge);
        if (!stamp) {
            err << "retort-cli: " << stamp.error() << '\n';
            return PlanRefused;
        }
        if (asJson) {
            QJsonObject root;
            root.insert(QStringLiteral("from"), start.toJson());
            root.insert(QStringLiteral("alembic"), alembicJson(project->alembic));
            root.insert(QStringLiteral("purge"), purge);
            root.insert(QStringLiteral("rows_before"), QJsonArray::fromStringList(stamp->rowsBefore));
            root.insert(QStringLiteral("rows_after"), QJsonArray::fromStringList(stamp->rowsAfter));
            root.insert(QStringLiteral("removed"), QJsonArray::fromStringList(stamp->removedRows));
            root.insert(QStringLiteral("added"), QJsonArray::fromStringList(stamp->addedRows));
            out << QJsonDocument(root).toJson(QJsonDocument::Indented);
            return PlanOk;
        }
        for (const QString& row : stamp->rowsAfter)
            out << row << '\n';
        return PlanOk;
    }

    const bool upgrade = command == QLatin1StringView("upgrade");
    const Result<MigrationPlan> plan = planner.plan(
        start.rows,
        upgrade ? MigrationStep::Direction::Upgrade : MigrationStep::Direction::Downgrade,
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
        root.insert(QStringLiteral("from"), start.toJson());
        root.insert(QStringLiteral("alembic"), alembicJson(project->alembic));
        root.insert(QStringLiteral("steps"), steps);
        root.insert(QStringLiteral("rows_after"), QJsonArray::fromStringList(plan->endHeads));
        // alembic's own order follows the hash seed here: not one order to promise
        root.insert(QStringLiteral("order_may_vary"), !plan->orderVariesWith.isEmpty());
        root.insert(QStringLiteral("order_varies_with"),
                    QJsonArray::fromStringList(plan->orderVariesWith));
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return PlanOk;
    }
    if (!plan->orderVariesWith.isEmpty())
        err << Cli::tr("retort-cli: alembic keeps the depends_on of %1 in a Python set: the order "
                       "of these steps may differ from run to run")
                   .arg(plan->orderVariesWith.join(QStringLiteral(", ")))
            << '\n';
    for (const MigrationStep& s : plan->steps) {
        const Revision* rev = graph.revision(s.revision);
        out << (s.direction == MigrationStep::Direction::Upgrade ? "upgrade" : "downgrade") << "  "
            << s.revision << "  " << (rev ? rev->message : QString()) << '\n';
    }
    return PlanOk;
}

} // namespace retort::cli
