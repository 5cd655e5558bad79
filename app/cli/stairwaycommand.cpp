#include "app/cli/stairwaycommand.h"

#include "app/cli/alembicoption.h"
#include "app/cli/clitext.h"
#include "app/cli/diagnosticsoutput.h"
#include "model/config/connectionprofile.h"
#include "model/config/sqlalchemyurl.h"
#include "model/db/versiontablereader.h"
#include "model/graph/migrationplanner.h"
#include "model/project/projectloader.h"
#include "model/run/alembicrunner.h"
#include "model/run/scratchdatabase.h"
#include "model/run/stairwayplan.h"
#include "model/run/stairwayprogress.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

namespace {

enum StairwayExit
{
    Passed = 0,
    Failed = 1,
    Usage = 2,
    Problem = 3
};

QString usageText()
{
    return Cli::tr("usage: retort-cli stairway [--url URL] [--alembic-version X.Y.Z] [--json]");
}

struct Outcome
{
    bool finished = false;
    RunEvent::Status status = RunEvent::Status::Succeeded;
    QString reason;
};

} // namespace

int runStairwayCommand(const QString& configPath, const QString& section,
                       const QStringList& argsIn, QTextStream& out, QTextStream& err)
{
    QStringList args = argsIn;
    const Result<LoadOptions> options = takeLoadOptions(args, section);
    if (!options) {
        err << options.error() << '\n';
        return Usage;
    }
    bool asJson = false;
    QString url;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1StringView("--json")) {
            asJson = true;
        } else if (a == QLatin1StringView("--url")) {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty()) {
                err << Cli::tr("retort-cli: stairway: --url needs a URL") << '\n' << usageText() << '\n';
                return Usage;
            }
            url = args.at(++i);
        } else if (a.startsWith(QLatin1StringView("--url="))) {
            url = a.mid(6);
            if (url.isEmpty()) {
                err << Cli::tr("retort-cli: stairway: --url needs a URL") << '\n' << usageText() << '\n';
                return Usage;
            }
        } else {
            err << Cli::tr("retort-cli: stairway: unexpected argument '%1'").arg(a) << '\n'
                << usageText() << '\n';
            return Usage;
        }
    }

    const Result<LoadedProject> project = ProjectLoader::load(configPath, *options);
    if (!project) {
        err << "retort-cli: " << project.error() << '\n';
        return Problem;
    }
    const QString here = project->config.here();
    if (refuseWhenAlembicCannotLoad(*project->graph, here, err))
        return Problem;
    auto planner = std::make_shared<const MigrationPlanner>(project->graph, project->alembic.rules);
    const Result<StairwayPlan> plan = StairwayPlanner(project->graph, planner).plan();
    if (!plan) {
        err << "retort-cli: " << plan.error() << '\n';
        return Problem;
    }

    // The scratch database: a temporary SQLite file, or --url, which must be at base.
    const ConnectionProfile iniProfile = ConnectionProfile::fromConfig(project->config);
    Result<ScratchDatabase> scratch =
        url.isEmpty() ? ScratchDatabase::temporarySqlite()
                      : Result<ScratchDatabase>(ScratchDatabase::given(url, SqlAlchemyUrl::redacted(url)));
    if (!scratch) {
        err << "retort-cli: " << scratch.error() << '\n';
        return Problem;
    }
    auto readState = [&] {
        return VersionTableReader::readNow(scratch->url(), here, iniProfile.versionTable(),
                                           iniProfile.versionTableSchema());
    };
    if (!scratch->isTemporary()) {
        const QString refusal = ScratchDatabase::refusal(readState(), scratch->display());
        if (!refusal.isEmpty()) {
            err << "retort-cli: " << refusal << '\n';
            return Problem;
        }
    }
    err << Cli::tr("retort-cli: stairway on %1: %n revision(s), %2 alembic commands; this runs "
                   "the project's env.py and migrations",
                   nullptr, int(plan->revisions.size()))
               .arg(scratch->display())
               .arg(plan->commandCount())
        << '\n';
    err.flush();

    RunRequest request;
    request.configPath = QFileInfo(configPath).absoluteFilePath();
    request.section = section;
    request.workingDirectory = QFileInfo(request.configPath).absolutePath();
    request.sequence = plan->sequence();
    request.urlOverride = scratch->url();
    request.databaseKey = QStringLiteral("stairway");

    StairwayProgress progress(*plan);
    QStringList commandOutput; // alembic's lines for the command running now
    Outcome outcome;
    QEventLoop loop;
    AlembicRunner runner;
    QObject::connect(&runner, &AlembicRunner::event, &loop, [&](const RunEvent& e) {
        switch (e.kind) {
        case RunEvent::Kind::Started:
        case RunEvent::Kind::Progress:
            break;
        case RunEvent::Kind::Output:
            switch (progress.feed(e.text)) {
            case StairwayProgress::Change::None:
                commandOutput << e.text;
                break;
            case StairwayProgress::Change::CommandStarted:
                commandOutput.clear();
                break;
            case StairwayProgress::Change::RevisionChecked:
                if (!asJson) {
                    const QString id = plan->revisions.value(progress.checked() - 1);
                    const Revision* rev = project->graph->revision(id);
                    out << "ok  " << id << "  " << (rev ? rev->message : QString()) << '\n';
                    out.flush();
                }
                break;
            case StairwayProgress::Change::CommandFinished:
            case StairwayProgress::Change::Failed:
                break;
            }
            break;
        case RunEvent::Kind::Finished:
            outcome.finished = true;
            outcome.status = e.status;
            outcome.reason = e.reason.isEmpty() ? e.text : e.reason;
            loop.quit();
            break;
        }
    });
    runner.start(request);
    if (!outcome.finished)
        loop.exec();

    progress.finish(outcome.status == RunEvent::Status::Succeeded, outcome.reason);

    // A walk that passed leaves the heads in the scratch database. If they are not there,
    // env.py did not use the URL it was given: the commands ran somewhere else.
    QString elsewhere;
    if (progress.isComplete()) {
        const DatabaseState after = readState();
        if (!after.isReadable() || after.sortedCurrentRevisions() != plan->endRows)
            elsewhere = Cli::tr("the stairway passed, but %1 does not hold the heads afterwards "
                                "(%2): the project's env.py does not use the sqlalchemy.url it "
                                "is given, so alembic ran against the database env.py chooses")
                            .arg(scratch->display(),
                                 after.isReadable()
                                     ? after.sortedCurrentRevisions().join(QStringLiteral(", "))
                                     : after.error());
    }

    const std::optional<StairwayProgress::FailedStep>& failed = progress.failure();
    if (failed && !commandOutput.isEmpty()) {
        err << Cli::tr("retort-cli: alembic's output for %1 %2:")
                   .arg(StairwayProgress::directionName(failed->direction), failed->target)
            << '\n';
        for (const QString& line : std::as_const(commandOutput))
            err << "  " << line << '\n';
    }
    if (asJson) {
        QJsonObject root;
        root.insert(QStringLiteral("ok"), progress.isComplete() && elsewhere.isEmpty());
        root.insert(QStringLiteral("revisions"), progress.revisionCount());
        root.insert(QStringLiteral("checked"), progress.checked());
        root.insert(QStringLiteral("commands"), int(plan->commandCount()));
        root.insert(QStringLiteral("database"), scratch->isTemporary()
                                                    ? QStringLiteral("temporary-sqlite")
                                                    : scratch->display());
        if (failed) {
            QJsonObject f;
            f.insert(QStringLiteral("revision"), failed->revision);
            f.insert(QStringLiteral("direction"), StairwayProgress::directionName(failed->direction));
            f.insert(QStringLiteral("target"), failed->target);
            f.insert(QStringLiteral("error"), failed->error);
            root.insert(QStringLiteral("failed"), f);
        } else {
            root.insert(QStringLiteral("failed"), QJsonValue::Null);
        }
        if (!elsewhere.isEmpty())
            root.insert(QStringLiteral("problem"), elsewhere);
        root.insert(QStringLiteral("alembic"), alembicJson(project->alembic));
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else if (failed) {
        out << "FAILED  " << failed->revision << "  "
            << StairwayProgress::directionName(failed->direction) << ' ' << failed->target
            << ": " << failed->error << '\n';
    }
    if (!elsewhere.isEmpty()) {
        err << "retort-cli: " << elsewhere << '\n';
        return Problem;
    }
    if (!asJson)
        out << progress.summary() << '\n';
    return failed ? Failed : Passed;
}

} // namespace retort::cli
