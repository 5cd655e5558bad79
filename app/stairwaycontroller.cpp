#include "app/stairwaycontroller.h"

#include "app/databasesession.h"
#include "app/projectrunrequest.h"
#include "app/projectsession.h"
#include "model/common/latestjob.h"
#include "model/config/alembicconfig.h"
#include "model/config/connectionprofile.h"
#include "model/db/versiontablereader.h"
#include "model/graph/revisiongraph.h"
#include "model/run/alembicrunner.h"
#include "model/run/stairwayplan.h"
#include "widgets/graph/graphview.h"
#include "widgets/log/logpane.h"
#include "widgets/plan/stairwaydialog.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

namespace retort {

StairwayController::StairwayController(ProjectSession* project, DatabaseSession* databases,
                                       GraphView* graph, LogPane* log, Settings& settings,
                                       AlembicRunner* runner, QWidget* window, QObject* parent)
    : QObject(parent), m_project(project), m_databases(databases), m_graph(graph), m_log(log),
      m_settings(settings), m_runner(runner), m_window(window)
{
    m_runAction = new QAction(tr("Run &Stairway…"), this);
    m_runAction->setObjectName(QStringLiteral("runStairway"));
    m_runAction->setStatusTip(tr("On a scratch database, upgrade to every revision, downgrade "
                                 "it and upgrade again: proves every downgrade (runs the "
                                 "project's code)"));
    m_stopAction = new QAction(tr("Stop Stair&way"), this);
    m_stopAction->setObjectName(QStringLiteral("stopStairway"));
    m_stopAction->setStatusTip(tr("Stop the stairway that is running"));
    connect(m_runAction, &QAction::triggered, this, &StairwayController::request);
    connect(m_stopAction, &QAction::triggered, this, &StairwayController::stop);
    connect(m_log, &LogPane::stopRequested, this, &StairwayController::stop);
    connect(m_runner, &AlembicRunner::event, this, &StairwayController::onRunEvent);
    connect(m_project, &ProjectSession::projectMissingChanged, this,
            &StairwayController::updateActions);
    updateActions();
}

StairwayController::~StairwayController() = default;

void StairwayController::setProject(const ProjectSnapshot& project)
{
    m_snapshot = project;
    updateActions();
}

void StairwayController::updateActions()
{
    const bool haveProject = m_snapshot.isLoaded() && !m_project->isProjectMissing();
    m_runAction->setEnabled(haveProject && !isRunning() && !m_planning);
    m_stopAction->setEnabled(isRunning());
}

void StairwayController::showProblem(const QString& text)
{
    m_lastResult = text;
    emit statusMessage(text);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Run Stairway"), text, QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("stairwayProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QStringList StairwayController::scratchProfiles() const
{
    QStringList names;
    for (const ConnectionProfile& p : m_databases->profiles())
        if (p.isScratch() && p.scratchRefusal().isEmpty())
            names << p.name();
    return names;
}

void StairwayController::request()
{
    if (!m_snapshot.isLoaded() || isRunning() || m_planning)
        return;
    m_lastResult.clear();
    // Planning checks each downgrade with the planner: off the GUI thread for big projects.
    m_planning = true;
    updateActions();
    emit statusMessage(tr("Planning the stairway…"));
    const auto graph = m_snapshot.graph;
    const auto planner = m_snapshot.planner;
    runInBackground(
        this, [graph, planner] { return StairwayPlanner(graph, planner).plan(); },
        [this, graph](const Result<StairwayPlan>& plan) {
            m_planning = false;
            updateActions();
            if (graph != m_snapshot.graph)
                return; // another project (or a reload) since: its own request will come
            if (!plan) {
                showProblem(tr("The stairway cannot be planned: %1").arg(plan.error()));
                return;
            }
            confirm(*plan);
        });
}

void StairwayController::confirm(const StairwayPlan& plan)
{
    if (m_dialog)
        m_dialog->reject();
    auto* dialog = new StairwayDialog(scratchProfiles(), int(plan.revisions.size()),
                                      int(plan.commandCount()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this,
            [this, plan, dialog] { startOn(plan, dialog->chosenProfile()); });
    dialog->open();
}

void StairwayController::startOn(const StairwayPlan& plan, const QString& profileName)
{
    if (!m_project->checkProjectPresent()) {
        showProblem(m_project->missingMessage());
        return;
    }
    if (profileName.isEmpty()) {
        Result<ScratchDatabase> temporary = ScratchDatabase::temporarySqlite();
        if (!temporary) {
            showProblem(temporary.error());
            return;
        }
        run(plan, {}, std::move(*temporary));
        return;
    }
    const ConnectionProfile* profile = m_databases->profile(profileName);
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    if (!profile || !config) {
        showProblem(tr("There is no profile “%1” any more.").arg(profileName));
        return;
    }
    // Only a profile marked scratch, never a protected one or the ini's own database.
    if (!profile->isScratch() || !profile->scratchRefusal().isEmpty()) {
        showProblem(tr("“%1” is not a scratch database: %2")
                        .arg(profileName, profile->isScratch()
                                              ? profile->scratchRefusal()
                                              : tr("mark it scratch in its profile first.")));
        return;
    }
    // What the table holds now, not what was read a while ago: read it again, off the GUI
    // thread, and go on only at base.
    const ScratchDatabase scratch =
        ScratchDatabase::given(profile->effectiveUrl(*config),
                               tr("“%1” (%2)").arg(profileName, profile->displayUrl(*config)));
    const QString url = scratch.url();
    const QString here = config->here();
    const QString table = profile->versionTable();
    const QString schema = profile->versionTableSchema();
    m_planning = true;
    updateActions();
    emit statusMessage(tr("Reading the version table of “%1”…").arg(profileName));
    runInBackground(
        this,
        [url, here, table, schema] { return VersionTableReader::readNow(url, here, table, schema); },
        [this, plan, profileName, scratch](const DatabaseState& state) {
            m_planning = false;
            updateActions();
            if (const QString refusal = ScratchDatabase::refusal(state, scratch.display());
                !refusal.isEmpty()) {
                showProblem(refusal);
                return;
            }
            run(plan, profileName, scratch);
        });
}

void StairwayController::run(const StairwayPlan& plan, const QString& profileName,
                             ScratchDatabase scratch)
{
    if (isRunning())
        return;
    RunRequest request = projectRunRequest(*m_project, m_settings, {});
    if (const ConnectionProfile* profile = m_databases->profile(profileName);
        profile && !profileName.isEmpty()) {
        request.environment = profile->environment();
        request.xArguments = profile->xArguments();
        request.databaseKey = profile->name(); // no other run on it meanwhile
    } else {
        request.databaseKey = QStringLiteral("stairway:") + scratch.url();
    }
    request.sequence = plan.sequence();
    request.urlOverride = scratch.url(); // through the environment, never the command line

    m_profile = profileName;
    m_scratch = std::move(scratch);
    // where the version rows are read after the walk: the profile's table, else the ini's
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    const ConnectionProfile* profile = m_databases->profile(profileName);
    const ConnectionProfile tableOwner =
        profile && !profileName.isEmpty() ? *profile
        : config                          ? ConnectionProfile::fromConfig(*config)
                                          : ConnectionProfile();
    m_here = config ? config->here() : m_snapshot.root();
    m_versionTable = tableOwner.versionTable();
    m_versionSchema = tableOwner.versionTableSchema();
    m_progress = std::make_unique<StairwayProgress>(plan);
    m_runId = m_runner->start(request);
    const int count = int(plan.commandCount());
    m_log->appendNote(tr("▶ Stairway on %1: revisions %2, alembic commands %3")
                          .arg(m_scratch->display())
                          .arg(plan.revisions.size())
                          .arg(count));
    m_log->setRunning(true, tr("Running the stairway on %1…").arg(m_scratch->display()));
    m_log->setProgress(1, count, tr("Starting the stairway…"));
    m_log->setStopEnabled(true);
    m_graph->setRunMarks(plan.revisions);
    updateActions();
}

void StairwayController::onRunEvent(const RunEvent& event)
{
    if (event.runId != m_runId || m_runId == 0)
        return;
    switch (event.kind) {
    case RunEvent::Kind::Started:
        m_log->appendLine(event.timestamp, RunEvent::Stream::Runner, RunEvent::Level::Info,
                          event.text);
        break;
    case RunEvent::Kind::Progress:
        break; // the markers say more: which of the three commands runs
    case RunEvent::Kind::Output: {
        const StairwayProgress::Change change = m_progress->feed(event.text);
        if (change == StairwayProgress::Change::None) {
            m_log->appendLine(event.timestamp, event.stream, event.level, event.text);
            break;
        }
        const StairwayPlan& plan = m_progress->plan();
        if (change == StairwayProgress::Change::CommandStarted) {
            const StairwayCommand* c = m_progress->command(m_progress->runningCommand());
            if (!c)
                break;
            const QString revision = plan.revisions.value(c->revisionIndex);
            m_log->setProgress(m_progress->runningCommand() + 1, int(plan.commandCount()),
                               tr("Stairway: %1 %2 (revision %3 of %4)")
                                   .arg(StairwayProgress::directionName(c->direction()),
                                        c->command.target)
                                   .arg(c->revisionIndex + 1)
                                   .arg(plan.revisions.size()));
            m_graph->setRunMarks(plan.revisions.mid(c->revisionIndex + 1), revision);
            // RunController sets the log's Stop for its own runs; this one runs too
            m_log->setStopEnabled(true);
        } else if (change == StairwayProgress::Change::RevisionChecked) {
            const QString id = plan.revisions.value(m_progress->checked() - 1);
            const Revision* rev = m_snapshot.graph ? m_snapshot.graph->revision(id) : nullptr;
            m_log->appendNote(tr("✓ %1 %2: upgrade, downgrade and upgrade again")
                                  .arg(id.left(12), rev ? rev->message : QString()));
        }
        break;
    }
    case RunEvent::Kind::Finished:
        finish(event);
        break;
    }
}

void StairwayController::finish(const RunEvent& event)
{
    m_runId = 0;
    const bool stopped = event.status == RunEvent::Status::Stopped;
    m_progress->finish(event.status == RunEvent::Status::Succeeded,
                       event.reason.isEmpty() ? event.text : event.reason);
    if (!m_progress->isComplete() || !m_scratch) {
        conclude(false, stopped);
        return;
    }
    // A walk that passed leaves the heads in the scratch database. If they are not there,
    // env.py did not use the URL it was given and alembic ran somewhere else: say so rather
    // than report a pass. Read off the GUI thread, before the temporary file goes.
    m_planning = true; // no new stairway until this is settled
    const QString url = m_scratch->url();
    const QString here = m_here, table = m_versionTable, schema = m_versionSchema;
    runInBackground(
        this,
        [url, here, table, schema] { return VersionTableReader::readNow(url, here, table, schema); },
        [this](const DatabaseState& state) {
            m_planning = false;
            const QStringList expected = m_progress->plan().endRows;
            if (state.isReadable() && state.sortedCurrentRevisions() == expected) {
                conclude(true, false);
                return;
            }
            conclude(false, false,
                     tr("The stairway passed, but %1 does not hold the heads afterwards (%2): "
                        "the project's env.py does not use the sqlalchemy.url it is given, so "
                        "alembic ran against the database env.py chooses.")
                         .arg(m_scratch ? m_scratch->display() : QString(),
                              state.isReadable()
                                  ? state.sortedCurrentRevisions().join(QStringLiteral(", "))
                                  : state.error()));
        });
}

void StairwayController::conclude(bool passed, bool stopped, const QString& problem)
{
    m_lastResult = !problem.isEmpty() ? problem
                   : stopped ? tr("Stairway stopped; revisions passed before the stop: %1.")
                                   .arg(m_progress->checked())
                             : m_progress->summary();
    const auto& failure = m_progress->failure();
    if (passed || stopped || !failure)
        m_graph->clearRunMarks();
    else
        m_graph->setRunMarks({}, {}, failure->revision, failure->error);
    const RunEvent::Level level = passed ? RunEvent::Level::Info
                                  : stopped ? RunEvent::Level::Warning
                                            : RunEvent::Level::Error;
    m_log->appendNote(m_lastResult, level);
    emit statusMessage(m_lastResult);
    m_log->setRunning(false, m_lastResult);
    m_log->setStopEnabled(false);
    if (!m_profile.isEmpty())
        m_databases->refresh(m_profile); // show where the scratch database stands now
    m_scratch.reset(); // a temporary SQLite file goes with its folder
    updateActions();
    if (!passed && !stopped) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Stairway failed"), m_lastResult,
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("stairwayResult"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit finished(passed);
}

void StairwayController::stop()
{
    if (!isRunning())
        return;
    m_log->appendNote(tr("Stopping the stairway: alembic is asked to end, and killed if it "
                         "does not."),
                      RunEvent::Level::Warning);
    m_runner->stop(m_runId);
}

} // namespace retort
