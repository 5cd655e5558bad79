#pragma once

#include "model/project/projectsnapshot.h"
#include "model/run/runevent.h"
#include "model/run/scratchdatabase.h"
#include "model/run/stairwayprogress.h"
#include "widgets/plan/stairwaydialog.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QWidget;

namespace retort {

class AlembicRunner;
class DatabaseSession;
class GraphView;
class LogPane;
class ProjectSession;
class Settings;

// Run → Run Stairway…: proves every downgrade on a scratch database (a temporary SQLite file,
// or a profile marked scratch that is at base), never on the project's own database or any
// other profile. The walk is planned natively off the GUI thread (StairwayPlanner), shown
// for confirmation (StairwayDialog: it runs the project's code, so many commands), then runs
// as one alembic process through the shared AlembicRunner. The log streams alembic's output
// with one line per revision checked, the progress bar counts finished commands, Stop (the
// log's button or Run → Stop Stairway) ends the process, and the result — every revision
// passed, or the revision, direction and alembic's error — is said in the log and a message,
// the failed revision marked on the graph.
class StairwayController : public QObject
{
    Q_OBJECT

public:
    StairwayController(ProjectSession* project, DatabaseSession* databases, GraphView* graph,
                       LogPane* log, Settings& settings, AlembicRunner* runner, QWidget* window,
                       QObject* parent = nullptr);
    ~StairwayController() override;

    QAction* runAction() const { return m_runAction; }
    QAction* stopAction() const { return m_stopAction; }

    void setProject(const ProjectSnapshot& project);

    // For tests: the confirmation on screen, the run's progress, and the last result.
    StairwayDialog* dialog() const { return m_dialog; }
    bool isRunning() const { return m_runId != 0; }
    const StairwayProgress* progress() const { return m_progress.get(); }
    QString lastResult() const { return m_lastResult; }

signals:
    void statusMessage(const QString& text);
    // The run ended: `passed` when every revision went up, down and up again.
    void finished(bool passed);

private:
    void request();
    void confirm(const StairwayPlan& plan);
    void startOn(const StairwayPlan& plan, const QString& profile);
    void run(const StairwayPlan& plan, const QString& profile, ScratchDatabase scratch);
    void onRunEvent(const RunEvent& event);
    void finish(const RunEvent& event);
    // The end, once it is known whether the walk really ran on the scratch database.
    // `problem`: why a walk that passed does not count (it ran elsewhere).
    void conclude(bool passed, bool stopped, const QString& problem = {});
    void stop();
    void updateActions();
    void showProblem(const QString& text);
    QStringList scratchProfiles() const;

    ProjectSession* m_project = nullptr;
    DatabaseSession* m_databases = nullptr;
    GraphView* m_graph = nullptr;
    LogPane* m_log = nullptr;
    Settings& m_settings;
    AlembicRunner* m_runner = nullptr;
    QWidget* m_window = nullptr;
    ProjectSnapshot m_snapshot;
    bool m_planning = false;

    QPointer<StairwayDialog> m_dialog;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;

    // the run going on
    quint64 m_runId = 0;
    QString m_profile; // empty: the temporary SQLite file
    std::optional<ScratchDatabase> m_scratch; // holds the temporary folder while it runs
    QString m_here;          // the project's folder (relative SQLite paths)
    QString m_versionTable;  // where the scratch database keeps its version rows
    QString m_versionSchema;
    std::unique_ptr<StairwayProgress> m_progress;
    QString m_lastResult;
};

} // namespace retort
