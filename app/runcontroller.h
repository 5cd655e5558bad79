#pragma once

#include "model/project/projectloader.h"
#include "model/graph/migrationplan.h"
#include "widgets/plan/plandialog.h"
#include "model/project/projectsnapshot.h"
#include "app/sqlpreviewcontroller.h"
#include "model/run/runevent.h"
#include "model/run/runkind.h"
#include "model/run/runrules.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <QSet>

#include <functional>

class QAction;
class QWidget;

namespace retort {

class AlembicRunner;
class SqlPreviewController;
class DatabaseSession;
class GraphView;
class LogPane;
class MigrationOpsIndex;
class MigrationPlanner;
class ProjectSession;
class RevisionGraph;
class Settings;
struct RunRequest;

// The action half of the window: Step up / Step down, upgrade / downgrade / stamp to the
// selected revision, upgrade all heads, refresh, stop, and the SQL preview.
//
// Every command is first planned natively (MigrationPlanner, from the selected database's
// rows as read) and shown in a PlanDialog, its revisions marked on the graph; only a confirmed
// plan runs, through the AlembicRunner on its worker thread. While it runs, the log streams,
// the progress bar counts the plan's steps, and the database marker moves after each step;
// a failing step is marked on its node. Every run ends by reading the version table again,
// so the picture always shows what the database really holds.
class RunController : public QObject
{
    Q_OBJECT

public:
    RunController(ProjectSession* project, DatabaseSession* databases, GraphView* graph,
                  LogPane* log, Settings& settings, QWidget* window, QObject* parent = nullptr);
    ~RunController() override;

    QAction* stepUpAction() const { return m_stepUp; }
    QAction* stepDownAction() const { return m_stepDown; }
    QAction* upgradeSelectedAction() const { return m_upgradeSelected; }
    QAction* downgradeSelectedAction() const { return m_downgradeSelected; }
    QAction* upgradeHeadsAction() const { return m_upgradeHeads; }
    QAction* stampSelectedAction() const { return m_stampSelected; }
    QAction* refreshAction() const { return m_refresh; }
    QAction* stopAction() const { return m_stop; }
    QAction* interpreterAction() const { return m_interpreter; }
    // The actions for the Run menu and toolbar, in order (nullptr: a separator).
    QList<QAction*> menuActions() const;
    // The actions on a revision (the graph's context menu).
    QList<QAction*> revisionActions() const;

    AlembicRunner* runner() const { return m_runner; }
    // The confirmation on screen, if any (tests drive it).
    PlanDialog* planDialog() const { return m_dialog; }
    SqlPreviewDialog* sqlPreview() const { return m_sqlPreview->dialog(); }
    bool isRunning() const { return !m_runs.isEmpty(); }
    // Why the last request could not be planned or run ("" when it could).
    QString lastProblem() const { return m_lastProblem; }

    // A project loaded: plans are made with its graph and planner. A new graph forgets the
    // operations index (it was read from the files of the previous one).
    void setProject(const ProjectSnapshot& project);
    // The scripts' operations of the loaded project (OpsIndexSession's, after each load):
    // every plan dialog lists what its steps destroy or cannot undo. Null: not read yet —
    // the dialog says the risks are not checked.
    void setOpsIndex(std::shared_ptr<const MigrationOpsIndex> index);
    std::shared_ptr<const MigrationOpsIndex> opsIndex() const { return m_opsIndex; }

    // Asks whether closing the window may stop the runs going on; true when nothing runs.
    bool confirmClose();

    // The pieces every run is made of, for whoever runs several (MultiApplyController): the
    // plan of `kind` to `target` from where `profile` stands as read, refused in words as
    // the actions refuse it; the confirmation's words for it; and the run of a confirmed
    // plan (its id, 0 when it could not start: the problem is shown). runEnded() follows
    // every started run.
    Result<RunFacts> planFor(const QString& profile, RunKind kind, const QString& target) const;
    PlanSummary summarize(const RunFacts& facts, const QString& action,
                          const QString& profile) const;
    quint64 startRun(RunKind kind, const QString& profile, const QStringList& command,
                     const MigrationPlan& plan);
    // Whether a plan can be made: a project loaded and present, with its planner.
    bool canPlan() const;
    // True when the alembic the plans are for is known; otherwise asks the interpreter once
    // (in the background) and calls `retry` when the project is read again for its answer.
    bool alembicKnownOrAsk(std::function<void()> retry);

signals:
    void runStarted(const QString& profile);
    void runFinished(const QString& profile, retort::RunEvent::Status status);
    void statusMessage(const QString& text);
    // A run ended (after runFinished): with a failure, the revision whose step alembic was
    // running when it failed ("" when none had started) and alembic's error; with a start
    // failure, why.
    void runEnded(quint64 runId, const QString& profile, retort::RunEvent::Status status,
                  const QString& failedAt, const QString& reason);

private:
    struct Run
    {
        RunKind kind = RunKind::Upgrade;
        QString profile;
        QString command; // shown to people
        MigrationPlan plan;
        QString running;   // the revision whose step runs now
        bool printed = false; // alembic's process wrote a line (a Python that exits at once does not)
    };

    void requestPlan(RunKind kind, const QString& target, const QString& action);
    void requestStamp();
    // Shows `summary` for confirmation with `marked` drawn on the graph; accepting runs it.
    PlanDialog* confirm(const RunFacts& facts, const QString& profile, const PlanSummary& summary,
                        const QStringList& marked);
    void previewSql(const MigrationPlan& plan, const QString& profile);
    void onRunEvent(const RunEvent& event);
    void finishRun(const Run& run, const RunEvent& event);
    void stopRuns();
    void chooseInterpreter();
    void saveLog();
    void refreshSelected();
    void updateActions();
    void showProblem(const QString& title, const QString& text);
    void markPlan(const QStringList& planned, const QString& running = {});

    QString selectedProfile() const;
    QString selectedRevision() const;
    // The folder diagnostics' paths are shown relative to.
    QString projectRoot() const;
    QString revisionMessage(const QString& id) const;
    bool makeRequest(const QString& profile, const QStringList& command, RunRequest& request,
                     QString& problem) const;

    ProjectSession* m_project = nullptr;
    DatabaseSession* m_databases = nullptr;
    GraphView* m_graph = nullptr;
    LogPane* m_log = nullptr;
    Settings& m_settings;
    QWidget* m_window = nullptr;
    AlembicRunner* m_runner = nullptr;

    std::shared_ptr<const RevisionGraph> m_planGraph;
    std::shared_ptr<const MigrationPlanner> m_planner;
    std::shared_ptr<const MigrationOpsIndex> m_opsIndex;
    QString m_alembic; // "alembic 1.13.2": whose plans these are
    ProjectAlembic m_projectAlembic;
    QSet<QString> m_askedInterpreters;   // asked once per session each
    std::function<void()> m_afterAsking; // the plan request waiting for the answer
    QHash<quint64, Run> m_runs;
    QPointer<PlanDialog> m_dialog;
    SqlPreviewController* m_sqlPreview = nullptr;
    QString m_lastProblem;

    QAction* m_stepUp = nullptr;
    QAction* m_stepDown = nullptr;
    QAction* m_upgradeSelected = nullptr;
    QAction* m_downgradeSelected = nullptr;
    QAction* m_upgradeHeads = nullptr;
    QAction* m_stampSelected = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_interpreter = nullptr;
    QAction* m_saveLog = nullptr;
};

} // namespace retort
