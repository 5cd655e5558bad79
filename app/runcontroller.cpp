#include "app/runcontroller.h"
#include "model/common/latestjob.h"
#include "model/run/alembicprogram.h"
#include "model/run/installedalembic.h"

#include "model/common/savefile.h"
#include "model/config/alembicconfig.h"
#include "model/config/connectionprofile.h"
#include "app/databasesession.h"
#include "widgets/graph/graphview.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "widgets/log/logpane.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/plansummary.h"
#include "app/projectrunrequest.h"
#include "app/projectsession.h"
#include "app/sqlpreviewcontroller.h"
#include "model/run/alembicrunner.h"
#include "app/settings.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QDir>
#include <QMessageBox>
#include <QStyle>
#include <QWidget>

namespace retort {

namespace {

QString shortId(const QString& id)
{
    return id.left(12);
}

} // namespace

RunController::RunController(ProjectSession* project, DatabaseSession* databases,
                             GraphView* graph, LogPane* log, Settings& settings, QWidget* window,
                             QObject* parent)
    : QObject(parent), m_project(project), m_databases(databases), m_graph(graph), m_log(log),
      m_settings(settings),
      m_window(window), m_runner(new AlembicRunner(this)),
      m_sqlPreview(new SqlPreviewController(m_runner, window, this))
{
    // Theme icons where the desktop has them, the style's own otherwise.
    auto makeAction = [this](const QString& text, const QString& icon, const QString& tip,
                             QStyle::StandardPixmap fallback = QStyle::SP_CustomBase) {
        const QIcon fallbackIcon = fallback == QStyle::SP_CustomBase
                                       ? QIcon()
                                       : m_window->style()->standardIcon(fallback);
        auto* action = new QAction(QIcon::fromTheme(icon, fallbackIcon), text, this);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        return action;
    };
    m_stepUp = makeAction(tr("Step &Up"), QStringLiteral("go-up"),
                          tr("Upgrade the selected database by one revision (upgrade +1)"),
                          QStyle::SP_ArrowUp);
    m_stepUp->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    m_stepDown = makeAction(tr("Step &Down"), QStringLiteral("go-down"),
                            tr("Downgrade the selected database by one revision (downgrade -1)"),
                            QStyle::SP_ArrowDown);
    m_stepDown->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    m_upgradeSelected =
        makeAction(tr("&Upgrade to Selected Revision"), QStringLiteral("go-top"),
                   tr("Upgrade the selected database to the revision selected in the graph"),
                   QStyle::SP_MediaSeekForward);
    m_downgradeSelected =
        makeAction(tr("D&owngrade to Selected Revision"), QStringLiteral("go-bottom"),
                   tr("Downgrade the selected database to the revision selected in the graph"),
                   QStyle::SP_MediaSeekBackward);
    m_upgradeSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_upgradeSelected->setIconText(tr("Upgrade to Selected"));
    m_downgradeSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_downgradeSelected->setIconText(tr("Downgrade to Selected"));
    m_upgradeHeads = makeAction(tr("Upgrade All &Heads"), QStringLiteral("go-last"),
                                tr("Upgrade the selected database to every head (upgrade heads)"),
                                QStyle::SP_MediaSkipForward);
    m_upgradeHeads->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_End));
    m_stampSelected =
        makeAction(tr("S&tamp Selected Revision"), QStringLiteral("bookmark-new"),
                   tr("Record the selected revision in the version table without running it"),
                   QStyle::SP_DialogApplyButton);
    m_stampSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_stampSelected->setIconText(tr("Stamp Selected"));
    m_refresh = makeAction(tr("&Refresh Database"), QStringLiteral("view-refresh"),
                           tr("Read the selected database's version table again"),
                           QStyle::SP_BrowserReload);
    m_refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stop = makeAction(tr("St&op"), QStringLiteral("process-stop"),
                        tr("Stop the running migration"), QStyle::SP_BrowserStop);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Period));
    m_interpreter = makeAction(tr("Python &Interpreter…"), QString(),
                               tr("Choose the Python interpreter that runs alembic for this "
                                  "project"));
    m_saveLog = makeAction(tr("Save &Log…"), QStringLiteral("document-save"),
                           tr("Save the migration log to a file"));
    for (QAction* a : {m_stepUp, m_stepDown, m_upgradeHeads, m_upgradeSelected,
                       m_downgradeSelected, m_stampSelected, m_refresh, m_stop})
        a->setShortcutContext(Qt::WindowShortcut);

    connect(m_stepUp, &QAction::triggered, this,
            [this] { requestPlan(RunKind::Upgrade, QStringLiteral("+1"), tr("Step up")); });
    connect(m_stepDown, &QAction::triggered, this,
            [this] { requestPlan(RunKind::Downgrade, QStringLiteral("-1"), tr("Step down")); });
    connect(m_upgradeSelected, &QAction::triggered, this, [this] {
        requestPlan(RunKind::Upgrade, selectedRevision(), tr("Upgrade to selected"));
    });
    connect(m_downgradeSelected, &QAction::triggered, this, [this] {
        requestPlan(RunKind::Downgrade, selectedRevision(), tr("Downgrade to selected"));
    });
    connect(m_upgradeHeads, &QAction::triggered, this,
            [this] { requestPlan(RunKind::Upgrade, QStringLiteral("heads"), tr("Upgrade all heads")); });
    connect(m_stampSelected, &QAction::triggered, this, &RunController::requestStamp);
    connect(m_refresh, &QAction::triggered, this, &RunController::refreshSelected);
    connect(m_stop, &QAction::triggered, this, &RunController::stopRuns);
    connect(m_interpreter, &QAction::triggered, this, &RunController::chooseInterpreter);
    connect(m_saveLog, &QAction::triggered, this, &RunController::saveLog);
    connect(m_log, &LogPane::stopRequested, this, &RunController::stopRuns);
    connect(m_log, &LogPane::saveRequested, this, &RunController::saveLog);

    connect(m_runner, &AlembicRunner::event, this, &RunController::onRunEvent);
    connect(m_databases, &DatabaseSession::stateChanged, this, &RunController::updateActions);
    connect(m_project, &ProjectSession::projectMissingChanged, this, [this](bool missing) {
        if (missing && m_dialog)
            m_dialog->reject(); // its plan would run in a folder that is gone
        updateActions();
    });
    connect(m_databases, &DatabaseSession::profilesChanged, this, &RunController::updateActions);
    connect(m_databases, &DatabaseSession::selectionChanged, this,
            &RunController::updateActions);
    connect(m_graph, &GraphView::currentRevisionChanged, this, &RunController::updateActions);
    updateActions();
}

RunController::~RunController() = default;

QList<QAction*> RunController::menuActions() const
{
    return {m_stepUp,       m_stepDown, m_upgradeHeads, nullptr, m_upgradeSelected,
            m_downgradeSelected, m_stampSelected, nullptr, m_refresh, m_stop,
            nullptr,        m_saveLog,  m_interpreter};
}

QList<QAction*> RunController::revisionActions() const
{
    return {m_upgradeSelected, m_downgradeSelected, m_stampSelected};
}

void RunController::setProject(const ProjectSnapshot& project)
{
    // The planner comes with the graph, built on the load thread.
    if (project.graph != m_planGraph)
        m_opsIndex.reset();
    m_planGraph = project.graph;
    m_planner = project.planner;
    m_alembic = project.alembic.describe();
    m_projectAlembic = project.alembic;
    updateActions();
    // a plan asked for while the interpreter was asked which alembic it has: go on with it
    // now that the project is read for that alembic
    if (auto retry = std::exchange(m_afterAsking, nullptr);
        retry && m_projectAlembic.source == ProjectAlembic::Source::Asked)
        retry();
}

QString RunController::selectedProfile() const
{
    return m_databases->selectedProfile();
}

QString RunController::projectRoot() const
{
    return m_databases->config() ? m_databases->config()->here() : QString();
}

QString RunController::selectedRevision() const
{
    return m_graph->currentRevision();
}

QString RunController::revisionMessage(const QString& id) const
{
    const Revision* r = m_planGraph ? m_planGraph->revision(id) : nullptr;
    return r ? r->message : QString();
}

bool RunController::canPlan() const
{
    // a project that vanished (folder renamed, config deleted) runs nothing until it is back
    return m_planner && m_databases->config() && !m_project->isProjectMissing();
}

void RunController::updateActions()
{
    const QString profile = selectedProfile();
    const bool haveProject = canPlan();
    const bool busy = !profile.isEmpty() && m_runner->isBusy(profile);
    const bool readable = !profile.isEmpty() && m_databases->state(profile).isReadable();
    const QString revision = selectedRevision();
    const bool known = !revision.isEmpty() && m_planGraph && m_planGraph->contains(revision);
    const bool canRun = haveProject && readable && !busy;
    m_stepUp->setEnabled(canRun);
    m_stepDown->setEnabled(canRun);
    m_upgradeHeads->setEnabled(canRun);
    m_upgradeSelected->setEnabled(canRun && known);
    m_downgradeSelected->setEnabled(canRun && known);
    m_stampSelected->setEnabled(canRun && known);
    m_refresh->setEnabled(haveProject && !profile.isEmpty() && !busy);
    m_stop->setEnabled(!m_runs.isEmpty());
    m_interpreter->setEnabled(haveProject);
    m_log->setStopEnabled(!m_runs.isEmpty());
}

void RunController::showProblem(const QString& title, const QString& text)
{
    m_lastProblem = text;
    emit statusMessage(text);
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("runProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void RunController::markPlan(const QStringList& planned, const QString& running)
{
    m_graph->setRunMarks(planned, running, {}, {});
}

Result<RunFacts> RunController::planFor(const QString& profile, RunKind kind,
                                        const QString& target) const
{
    if (!m_planner || !m_planGraph || profile.isEmpty() || target.isEmpty())
        return Failure{tr("No project is loaded, or no database or target is chosen.")};
    const DatabaseState state = m_databases->state(profile);
    switch (RunRules::refusal(state)) {
    case RunRules::Refusal::None:
        break;
    case RunRules::Refusal::NotRead:
        return Failure{tr("Where “%1” stands is not known: %2")
                           .arg(profile, state.error().isEmpty() ? tr("it has not been read yet")
                                                                 : state.error())};
    case RunRules::Refusal::Ghosts:
        return Failure{
            tr("The version table of “%1” names %2, which has no script in this project. "
               "Alembic cannot upgrade or downgrade from there. If the schema matches a "
               "revision you have, select it and choose Stamp Selected Revision: the "
               "stamp empties the version table first (--purge) and records that "
               "revision.")
                .arg(profile, state.ghosts().join(QStringLiteral(", ")))};
    }
    Result<RunFacts> facts =
        RunRules::plan(*m_planner, *m_planGraph, state, kind, target, projectRoot());
    if (!facts)
        return Failure{tr("Alembic would refuse this: %1").arg(facts.error())};
    return facts;
}

void RunController::requestPlan(RunKind kind, const QString& target, const QString& action)
{
    if (!alembicKnownOrAsk([this, kind, target, action] { requestPlan(kind, target, action); }))
        return;
    m_lastProblem.clear();
    const QString profile = selectedProfile();
    if (!m_planner || !m_planGraph || profile.isEmpty() || target.isEmpty())
        return;
    const Result<RunFacts> facts = planFor(profile, kind, target);
    if (!facts) {
        showProblem(action, facts.error());
        return;
    }
    if (facts->isNothingToRun()) {
        m_lastProblem = tr("Nothing to run: “%1” is already there.").arg(profile);
        emit statusMessage(m_lastProblem);
        m_log->appendNote(m_lastProblem);
        return;
    }
    PlanDialog* dialog =
        confirm(*facts, profile, summarize(*facts, action, profile), facts->plan.revisions());
    const MigrationPlan confirmed = facts->plan;
    connect(dialog, &PlanDialog::previewSqlRequested, this,
            [this, confirmed, profile] { previewSql(confirmed, profile); });
}

PlanDialog* RunController::confirm(const RunFacts& facts, const QString& profile,
                                   const PlanSummary& summary, const QStringList& marked)
{
    if (m_dialog)
        m_dialog->reject();
    markPlan(marked);
    auto* dialog = new PlanDialog(summary, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this,
            [this, kind = facts.kind, profile, command = facts.arguments, plan = facts.plan] {
                startRun(kind, profile, command, plan);
            });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (m_runs.isEmpty())
            m_graph->clearRunMarks();
    });
    dialog->open();
    return dialog;
}

bool RunController::alembicKnownOrAsk(std::function<void()> retry)
{
    // Known from its files (or given): plan now. Not found and no interpreter to ask, or
    // already asked once for this interpreter: plan with the newest rules (the plan says so).
    const QString interpreter = m_projectAlembic.interpreter;
    if (m_projectAlembic.source != ProjectAlembic::Source::NotFound || interpreter.isEmpty() ||
        m_askedInterpreters.contains(interpreter))
        return true;
    m_askedInterpreters.insert(interpreter);
    m_afterAsking = std::move(retry);
    emit statusMessage(tr("Asking %1 which alembic it has…").arg(interpreter));
    const QString configDir = m_project->projectRoot();
    const QString configured = m_settings.effectivePythonInterpreter(
        RecentProject{m_project->loadedConfigPath(), m_project->loadedSection()});
    runInBackground(
        this,
        [configDir, configured]() -> Result<InstalledAlembic> {
            const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            const Result<AlembicProgram> program = AlembicProgram::find(configDir, configured);
            if (!program)
                return Failure{program.error()};
            return InstalledAlembic::ask(*program, env, configDir, 30000);
        },
        [this, interpreter](const Result<InstalledAlembic>& answer) {
            if (!answer) {
                emit statusMessage(answer.error());
                if (auto retry = std::exchange(m_afterAsking, nullptr))
                    retry(); // plan with the newest rules, as the plan then says
                return;
            }
            emit statusMessage(tr("%1 runs alembic %2; the project is read again for it.")
                                   .arg(interpreter, answer->version.toString()));
            m_project->rememberAskedAlembic(interpreter, answer->version);
        });
    return false;
}

void RunController::requestStamp()
{
    if (!alembicKnownOrAsk([this] { requestStamp(); }))
        return;
    m_lastProblem.clear();
    const QString profile = selectedProfile();
    const QString revision = selectedRevision();
    if (profile.isEmpty() || revision.isEmpty())
        return;
    const DatabaseState state = m_databases->state(profile);
    if (!state.isReadable() || !m_planner || !m_planGraph)
        return;
    const Result<RunFacts> facts =
        RunRules::plan(*m_planner, *m_planGraph, state, RunKind::Stamp, revision, projectRoot());
    if (!facts) {
        showProblem(tr("Stamp"), tr("Alembic would refuse this: %1").arg(facts.error()));
        return;
    }
    confirm(*facts, profile, summarize(*facts, tr("Stamp"), profile), {revision});
}

bool RunController::makeRequest(const QString& profileName, const QStringList& command,
                                RunRequest& request, QString& problem) const
{
    const std::shared_ptr<const AlembicConfig> config = m_databases->config();
    const ConnectionProfile* profile = m_databases->profile(profileName);
    if (!config || !profile) {
        problem = tr("No project or no database profile “%1”.").arg(profileName);
        return false;
    }
    request = profileRunRequest(*m_project, m_settings, *config, *profile, command);
    return true;
}

quint64 RunController::startRun(RunKind kind, const QString& profile, const QStringList& command,
                                const MigrationPlan& plan)
{
    RunRequest request;
    QString problem;
    if (!m_project->checkProjectPresent()) {
        showProblem(tr("Run"), m_project->missingMessage());
        return 0;
    }
    if (!makeRequest(profile, command, request, problem)) {
        showProblem(tr("Run"), problem);
        return 0;
    }
    request.plannedRevisions = plan.revisions();
    Run run;
    run.kind = kind;
    run.profile = profile;
    run.command = RunRules::commandLine(command);
    run.plan = plan;
    const quint64 id = m_runner->start(request);
    m_runs.insert(id, run);
    m_log->appendNote(tr("▶ %1   (database “%2”)").arg(run.command, profile));
    m_log->setRunning(true, tr("Running %1 on “%2”…").arg(run.command, profile));
    if (!plan.isEmpty())
        m_log->setProgress(1, int(plan.steps.size()),
                           tr("Starting %1 on “%2”…").arg(run.command, profile));
    emit runStarted(profile);
    updateActions();
    return id;
}

void RunController::previewSql(const MigrationPlan& plan, const QString& profile)
{
    const QStringList command = RunRules::offlineSqlArguments(plan);
    if (command.isEmpty())
        return; // nothing to downgrade from; the plan would have been empty
    RunRequest request;
    QString problem;
    if (!m_project->checkProjectPresent()) {
        showProblem(tr("Preview SQL"), m_project->missingMessage());
        return;
    }
    if (!makeRequest(profile, command, request, problem)) {
        showProblem(tr("Preview SQL"), problem);
        return;
    }
    request.databaseKey.clear(); // offline: the database is not touched
    m_log->appendNote(tr("▶ %1   (SQL preview for “%2”)").arg(RunRules::commandLine(command), profile));
    m_sqlPreview->preview(request, RunRules::commandLine(command), m_alembic, m_dialog);
}

void RunController::onRunEvent(const RunEvent& event)
{
    auto it = m_runs.find(event.runId);
    if (it == m_runs.end())
        return;
    Run& run = *it;
    switch (event.kind) {
    case RunEvent::Kind::Started:
        m_log->appendLine(event.timestamp, RunEvent::Stream::Runner,
                                     RunEvent::Level::Info, event.text);
        break;
    case RunEvent::Kind::Output:
        run.printed = run.printed || event.stream != RunEvent::Stream::Runner;
        m_log->appendLine(event.timestamp, event.stream, event.level, event.text);
        break;
    case RunEvent::Kind::Progress: {
        run.running = event.revision;
        // alembic announces a step before running it: the steps before it are done
        const QStringList revisions = run.plan.revisions();
        qsizetype index = event.stepIndex - 1;
        if (index < 0 || index >= revisions.size() || revisions.at(index) != event.revision)
            index = revisions.indexOf(event.revision);
        if (index >= 0) {
            m_databases->showRunProgress(run.profile, run.plan.rowsBefore(index));
            markPlan(revisions.mid(index + 1), event.revision);
        } else {
            markPlan({}, event.revision);
        }
        const QString what = QStringLiteral("%1 %2").arg(shortId(event.revision),
                                                         revisionMessage(event.revision));
        m_log->setProgress(event.stepIndex, event.stepCount,
                           (event.upgrade ? tr("Upgrading “%1”: %2") : tr("Downgrading “%1”: %2"))
                               .arg(run.profile, what.trimmed()));
        break;
    }
    case RunEvent::Kind::Finished: {
        const Run finished = run;
        m_runs.erase(it);
        finishRun(finished, event);
        break;
    }
    }
}

void RunController::finishRun(const Run& run, const RunEvent& event)
{
    QString status;
    QString why; // alembic's error, or why it did not start
    RunEvent::Level level = RunEvent::Level::Info;
    switch (event.status) {
    case RunEvent::Status::Succeeded:
        status = tr("%1 on “%2” finished.").arg(run.command, run.profile);
        if (run.kind != RunKind::Stamp)
            m_databases->showRunProgress(run.profile, run.plan.endHeads);
        m_graph->clearRunMarks();
        break;
    case RunEvent::Status::Failed: {
        level = RunEvent::Level::Error;
        why = event.reason.isEmpty() ? event.text : event.reason;
        if (!run.printed) // no traceback to read: the interpreter itself is the suspect
            why = tr("%1 It printed nothing: is the project's Python one with alembic? (Run ▸ "
                     "Python Interpreter…)")
                      .arg(why);
        status = run.running.isEmpty()
                     ? tr("%1 on “%2” failed: %3").arg(run.command, run.profile, why)
                     : tr("%1 on “%2” failed at %3: %4")
                           .arg(run.command, run.profile, shortId(run.running), why);
        m_graph->setRunMarks({}, {}, run.running, why);
        break;
    }
    case RunEvent::Status::Stopped:
        level = RunEvent::Level::Warning;
        status = tr("%1 on “%2” was stopped. The version table is read again to show where the "
                    "database really stands.")
                     .arg(run.command, run.profile);
        m_graph->clearRunMarks();
        break;
    case RunEvent::Status::FailedToStart:
        level = RunEvent::Level::Error;
        why = event.text;
        status = tr("%1 could not start: %2").arg(run.command, event.text);
        m_graph->clearRunMarks();
        showProblem(tr("Alembic could not start"),
                    tr("%1\n\nChoose Run ▸ Python Interpreter… to pick an interpreter that has "
                       "alembic installed.")
                        .arg(event.text));
        break;
    }
    m_log->appendNote(status, level);
    m_log->setRunning(!m_runs.isEmpty(), status);
    emit statusMessage(status);
    // Whatever happened, show what the database really holds now.
    m_databases->refresh(run.profile);
    updateActions();
    emit runFinished(run.profile, event.status);
    emit runEnded(event.runId, run.profile, event.status,
                  event.status == RunEvent::Status::Failed ? run.running : QString(), why);
}

void RunController::stopRuns()
{
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        m_log->appendNote(
            tr("Stopping %1 on “%2”: alembic is asked to end, and killed if it does not.")
                .arg(it->command, it->profile),
            RunEvent::Level::Warning);
        m_runner->stop(it.key());
    }
}

bool RunController::confirmClose()
{
    QStringList running;
    for (const Run& run : std::as_const(m_runs))
        running << run.profile;
    if (running.isEmpty())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("A migration is running"),
        tr("A migration is running on %1. Closing Retort stops it. Where alembic runs with "
           "transactional DDL (PostgreSQL) the open transaction is rolled back; SQLite, MySQL "
           "and MariaDB keep what the running step already did, so the schema may be ahead "
           "of the version table. Close anyway?")
            .arg(running.join(QStringLiteral(", "))),
        QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Close;
}

void RunController::refreshSelected()
{
    const QString profile = selectedProfile();
    if (!profile.isEmpty())
        m_databases->refresh(profile);
}

void RunController::chooseInterpreter()
{
    const RecentProject key{m_project->loadedConfigPath(), m_project->loadedSection()};
    const QString current = m_settings.pythonInterpreter(key);
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Python Interpreter for This Project"),
        current.isEmpty() ? QFileInfo(key.path).absolutePath() : current);
    if (path.isEmpty())
        return;
    m_settings.setPythonInterpreter(key, path);
    emit statusMessage(tr("Alembic will run with %1 -m alembic").arg(path));
    // another python may have another alembic: read the project again for it
    m_project->reload();
}

void RunController::saveLog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Log"), QString(),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const Result<void> saved = saveTextFile(path, m_log->logText() + u'\n');
    if (!saved)
        showProblem(tr("Save Log"), saved.error());
}

} // namespace retort
