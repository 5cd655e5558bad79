#pragma once

#include "widgets/settings/preferences.h"

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace retort {

class CompareView;
class DatabaseSession;
class DatabasesController;
class DatabasesView;
class DiagnosticsView;
class EnvironmentsController;
class EnvironmentsView;
class GettingStarted;
class UserGuideViewer;
class WelcomePage;
class GitSession;
class GraphController;
class GraphSearchBar;
class HeadsBanner;
class HeadsController;
class HeadsPanel;
class LogPane;
class OpsIndexSession;
class ProblemReportDialog;
class SettingsDialog;
struct ProblemFacts;
class SchemaView;
struct SchemaTarget;
class TableTimelineView;
class RunController;
class MultiApplyController;
class StairwayController;
class RevisionDetailsView;
class GraphView;
class ProjectSession;
struct ProjectSnapshot;
class RevisionGraph;
class RevisionListView;
class ScriptsController;
class ScriptTabs;
class Settings;

// Composes the window: the central tabs (the graph, the revision list) beside the script
// tabs, the docks (details, databases, diagnostics, log), menus and status bar. Views
// implement themselves; ProjectSession does the loading and publishes a ProjectSnapshot per
// load, which the views and controllers take with setProject(); the window itself only
// shows the title, the status bar and the recent projects.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading a project; the window updates when it has loaded or failed.
    void openProject(const QString& configPath, const QString& section = {});

    ProjectSession* session() const { return m_session; }
    DatabaseSession* databases() const { return m_databases; }
    DatabasesView* databasesView() const { return m_databasesView; }
    DatabasesController* databasesController() const { return m_databasesController; }
    RevisionDetailsView* detailsView() const { return m_details; }
    // Writes the graph on screen as DOT, SVG or PNG (by the file's suffix): SVG and PNG are
    // what the window draws (with or without where the databases stand; a PNG at `scale`
    // times the picture's size), DOT is Graphviz's text. The message says why not when it
    // fails. The picture is recorded here, rendered and written (atomically) off the GUI
    // thread; `done` is called on it.
    void exportGraph(const QString& fileName, bool includeDatabases, qreal scale,
                     std::function<void(const QString& error)> done = {});
    void exportGraph(const QString& fileName, std::function<void(const QString& error)> done = {})
    {
        exportGraph(fileName, true, 1.0, std::move(done));
    }
    RevisionListView* revisionList() const { return m_revisionList; }
    GraphView* graphView() const { return m_graphView; }
    GraphController* graphController() const { return m_graphController; }
    DiagnosticsView* diagnosticsView() const { return m_diagnostics; }
    ScriptsController* scriptsController() const { return m_scripts; }
    ScriptTabs* scriptTabs() const { return m_scriptTabs; }
    RunController* runController() const { return m_runController; }
    MultiApplyController* multiApplyController() const { return m_multiApply; }
    StairwayController* stairwayController() const { return m_stairway; }
    GitSession* gitSession() const { return m_git; }
    LogPane* logPane() const { return m_logPane; }
    // What the migrations do: the index read after each load, and the Tables dock's views.
    OpsIndexSession* opsIndex() const { return m_opsIndex; }
    QDockWidget* tablesDock() const { return m_tablesDock; }
    // Heads the branch labels do not explain: the banner above the graph, the Heads dock.
    HeadsController* headsController() const { return m_headsController; }
    HeadsBanner* headsBanner() const { return m_headsBanner; }
    HeadsPanel* headsPanel() const { return m_headsPanel; }
    QDockWidget* headsDock() const { return m_headsDock; }
    TableTimelineView* tableTimelineView() const { return m_tableTimeline; }
    SchemaView* schemaView() const { return m_schemaView; }
    // Every profile at a glance and its drift check (View → Environments).
    QDockWidget* environmentsDock() const { return m_environmentsDock; }
    EnvironmentsView* environmentsView() const { return m_environmentsView; }
    EnvironmentsController* environmentsController() const { return m_environmentsController; }
    // Shows the Tables dock's schema at `target` (a revision id or any alembic target).
    void showSchemaAt(const QString& target);
    // The Compare dock: `profile` as A, B the next database (or the one chosen before).
    void showCompare(const QString& profile);
    CompareView* compareView() const { return m_compareView; }
    QDockWidget* compareDock() const { return m_compareDock; }
    QAction* compareAction() const { return m_compareAction; }
    // The message of the error panel; empty while the panel is hidden.
    QString errorMessage() const;
    // ---- first start and the command line (mainwindowwelcome.cpp)
    // With no project open the central area shows the welcome page and the docks are
    // hidden; they come back as they were when a project loads.
    WelcomePage* welcomePage() const { return m_welcome; }
    bool isWelcomeShown() const;
    // The database to work on once the next project has loaded (retort --profile / --url):
    // `profile` selects a saved profile by name (a message lists the names when there is
    // none), `url` adds a temporary profile for this session (never saved) and selects it.
    void setStartupDatabase(const QString& profile, const QString& url);
    // The name the temporary --url profile is given (before any clash with a saved one).
    static QString sessionProfileName();

    // Help → Getting Started: a guided walk through the window on the bundled demo (or on
    // the project open, when asked to walk it). Created on first use.
    GettingStarted* gettingStarted() const { return m_tour; }
    void startGettingStarted();
    // Walks the project open now (no question asked).
    void walkCurrentProject();
    // Help → User Guide: the local guide in a window of its own (null until first shown).
    UserGuideViewer* userGuide() const { return m_guide; }
    void showUserGuide();
    // The bundled demo's alembic.ini: RETORT_DEMO_DIR, the installed copy, the source tree.
    // Empty when none is found.
    static QString demoConfigPath();
    QAction* gettingStartedAction() const { return m_gettingStartedAction; }
    QAction* userGuideAction() const { return m_userGuideAction; }

    // ---- Settings, About, Report a Problem, window state (issue 17; mainwindowprefs.cpp) ----
    // Settings → Configure Retort…: opens the dialog (or raises the one open).
    void showSettings();
    SettingsDialog* settingsDialog() const;
    QAction* settingsAction() const { return m_settingsAction; }
    // Applies `preferences` to the window and the application (theme, script editors, the
    // graph's layout) without storing them; preferences() is what is applied now.
    void applyPreferences(const Preferences& preferences);
    Preferences preferences() const { return m_preferences; }
    // Help → About Retort: the box is opened (not run), so this returns at once.
    void showAbout();
    // Help → Report a Problem…: the summary in a dialog; the Python version comes in late.
    void showProblemReport();
    ProblemReportDialog* problemReportDialog() const;
    QAction* reportProblemAction() const { return m_reportProblemAction; }
    // The summary as it would be shown now (the Python version once known).
    QString problemReport() const;
    // View → Reset Layout: the docks, their sizes and the graph's zoom as on a first start.
    void resetLayout();
    QAction* resetLayoutAction() const { return m_resetLayoutAction; }

signals:
    // View → Reset Layout put the docks back (or, while the welcome page shows, the layout the
    // first project brings).
    void layoutReset();

protected:
    void closeEvent(QCloseEvent* event) override;
    // Dropping an alembic.ini (any *.ini), a pyproject.toml or a project folder opens it.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createCentralArea();
    void createDocks();
    void createScriptPane();
    void createActions();
    void createMenus();
    void createStatusBar();
    void createHelpActions();
    void createWelcomePage(); // mainwindowwelcome.cpp
    void updateWelcome();
    // Keeps the layout on screen for the first project and hides the docks and tool bars;
    // also what a layout reset while the welcome page shows should end with.
    void keepLayoutForWelcome();
    void updateWelcomeRecent();
    void openRecentFromWelcome(const QString& path, const QString& section);
    void applyStartupDatabase();
    // What closeEvent saves: the dock layout as people left it, also while the welcome
    // page has the docks hidden.
    QByteArray windowStateToSave() const;
    void openDemoAndWalk();
    bool isDemoOpen() const;
    // Opens the demo (a copy in the user's data folder when it is installed read-only).
    bool openDemo();
    void createOpsViews(); // mainwindowops.cpp
    void createCompareView(); // mainwindowcompare.cpp
    void createHeadsTools(); // mainwindowheads.cpp
    void updateOpsViews();
    void createEnvironmentsView(); // mainwindowenvironments.cpp
    void updateDiagnostics();
    int lintCount() const;
    QList<SchemaTarget> databaseTargets() const;

    void onLoadingStarted();
    void onLoaded(const ProjectSnapshot& snapshot);
    void onFailed(const QString& message);
    void onDiagnosticActivated(const QString& path, int line);

    void showOpenDialog();
    void showExportDialog();
    void showDetails(const QString& id);
    void rebuildRecentMenu();
    void showError(const QString& message);
    void hideError();
    void updateTitle();
    void updateStatus();

    Settings& m_settings;
    ProjectSession* m_session = nullptr;

    QTabWidget* m_centralTabs = nullptr;
    RevisionListView* m_revisionList = nullptr;
    GraphView* m_graphView = nullptr;
    GraphController* m_graphController = nullptr;
    GraphSearchBar* m_graphSearch = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    RevisionDetailsView* m_details = nullptr;
    QAction* m_exportAction = nullptr;
    QSplitter* m_splitter = nullptr; // the graph and revision tabs | the script tabs
    ScriptTabs* m_scriptTabs = nullptr;
    ScriptsController* m_scripts = nullptr;
    QFrame* m_errorPanel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QStackedWidget* m_centralStack = nullptr; // the welcome page | the splitter
    WelcomePage* m_welcome = nullptr;
    QByteArray m_layoutBeforeWelcome; // the dock layout the welcome page hid
    QString m_startupProfile;          // retort --profile, until the project has loaded
    QString m_startupUrl;              // retort --url, likewise

    QDockWidget* m_diagnosticsDock = nullptr;
    DiagnosticsView* m_diagnostics = nullptr;
    DatabaseSession* m_databases = nullptr;
    QDockWidget* m_databasesDock = nullptr;
    DatabasesView* m_databasesView = nullptr;
    DatabasesController* m_databasesController = nullptr;
    QDockWidget* m_logDock = nullptr;
    LogPane* m_logPane = nullptr;
    RunController* m_runController = nullptr;
    MultiApplyController* m_multiApply = nullptr;
    StairwayController* m_stairway = nullptr;
    OpsIndexSession* m_opsIndex = nullptr;
    QDockWidget* m_tablesDock = nullptr;
    QTabWidget* m_tablesTabs = nullptr;
    TableTimelineView* m_tableTimeline = nullptr;
    SchemaView* m_schemaView = nullptr;
    QAction* m_schemaAtAction = nullptr;
    GitSession* m_git = nullptr;
    QDockWidget* m_compareDock = nullptr;
    CompareView* m_compareView = nullptr;
    QAction* m_compareAction = nullptr;
    QDockWidget* m_environmentsDock = nullptr;
    EnvironmentsView* m_environmentsView = nullptr;
    EnvironmentsController* m_environmentsController = nullptr;
    HeadsController* m_headsController = nullptr;
    HeadsBanner* m_headsBanner = nullptr;
    HeadsPanel* m_headsPanel = nullptr;
    QDockWidget* m_headsDock = nullptr;

    QLabel* m_pathLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QProgressBar* m_busy = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_filterAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QAction* m_gettingStartedAction = nullptr;
    QAction* m_userGuideAction = nullptr;
    GettingStarted* m_tour = nullptr;
    UserGuideViewer* m_guide = nullptr;
    QMenu* m_recentMenu = nullptr;

    // ---- issue 17: settings, about, report, window state (mainwindowprefs.cpp) ----
    void createPreferencesActions();
    void createSettingsMenu(QMenu* helpMenu);
    void followGraphZoom();
    void applyDefaultDockSizes();
    void checkDefaultInterpreter(const QString& path);
    void storePreferences(const Preferences& preferences);
    ProblemFacts problemFacts() const;
    void askPythonVersion();

    QAction* m_settingsAction = nullptr;
    QAction* m_reportProblemAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<ProblemReportDialog> m_problemReport;
    Preferences m_preferences;
    QByteArray m_defaultState; // saveState() before the stored layout was restored
    QString m_zoomKey;        // the project whose graph is on screen (Settings::projectKey)
    QString m_loadedZoomKey;  // the project loaded last, whose graph is on its way
    QString m_pythonVersion;  // for the problem report, once asked
};

} // namespace retort
