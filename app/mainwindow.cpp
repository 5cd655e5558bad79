// MainWindow: composes the window (central area, docks, script pane, status bar) and follows
// the project session; its actions and menus are in mainwindowactions.cpp.
#include "app/mainwindow.h"

#include "widgets/databases/databasesview.h"
#include "app/databasescontroller.h"
#include "app/databasesession.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "app/docksizekeeper.h"
#include "widgets/graph/graphsearchbar.h"
#include "widgets/graph/graphview.h"
#include "widgets/details/revisiondetailsview.h"
#include "app/gitsession.h"
#include "app/graphcontroller.h"
#include "widgets/log/logpane.h"
#include "app/runcontroller.h"
#include "app/multiapplycontroller.h"
#include "app/stairwaycontroller.h"
#include "model/layout/graphexporter.h"
#include "widgets/graph/exportgraphdialog.h"
#include "widgets/graph/graphpicture.h"
#include "widgets/graph/pictureexporter.h"
#include "widgets/graph/graphscene.h"
#include "model/graph/revisiongraph.h"
#include "model/common/latestjob.h"
#include "app/projectsession.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/editor/scripttabs.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace retort {

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_session(new ProjectSession(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_session->setInterpreterLookup([this](const ProjectId& id) {
        return m_settings.effectivePythonInterpreter(RecentProject{id.configPath(), id.section()});
    });
    createCentralArea();
    createDocks();
    createScriptPane();
    createOpsViews();
    createEnvironmentsView();
    createCompareView(); // after Environments: its rows offer Compare…
    createActions();
    createMenus();
    createStatusBar();

    connect(m_session, &ProjectSession::loadingStarted, this, &MainWindow::onLoadingStarted);
    // Each load publishes one snapshot; the controllers and views take it whole.
    connect(m_session, &ProjectSession::loaded, m_runController, &RunController::setProject);
    connect(m_session, &ProjectSession::loaded, m_stairway, &StairwayController::setProject);
    connect(m_session, &ProjectSession::loaded, m_scripts, &ScriptsController::setProject);
    connect(m_session, &ProjectSession::loaded, m_revisionList, &RevisionListView::setProject);
    connect(m_session, &ProjectSession::loaded, m_details, &RevisionDetailsView::setProject);
    connect(m_session, &ProjectSession::loaded, m_diagnostics, &DiagnosticsView::setProject);
    connect(m_session, &ProjectSession::loaded, m_graphController, &GraphController::setProject);
    connect(m_session, &ProjectSession::loaded, m_databases, &DatabaseSession::setProject);
    connect(m_session, &ProjectSession::loaded, this, &MainWindow::onLoaded);
    // Who added each revision (git), read once the graph is shown; no git, no columns.
    m_git = new GitSession(this);
    m_git->setHoldUntilGraphShown(true);
    connect(m_session, &ProjectSession::loaded, m_git, &GitSession::setProject);
    connect(m_graphController, &GraphController::layoutFinished, m_git, &GitSession::graphShown);
    connect(m_git, &GitSession::authorsChanged, m_revisionList, &RevisionListView::setGitAuthors);
    connect(m_git, &GitSession::authorsChanged, m_details, &RevisionDetailsView::setGitAuthors);
    connect(m_session, &ProjectSession::failed, this, &MainWindow::onFailed);
    // The project folder renamed or deleted while open: say so until it is back (the runs
    // and New Revision disable themselves; the graph and the editors keep what they show).
    connect(m_session, &ProjectSession::projectMissingChanged, this,
            [this](bool missing, const QString& message) {
                if (missing) {
                    showError(message);
                    statusBar()->showMessage(message);
                } else {
                    hideError();
                    statusBar()->clearMessage();
                }
            });

    createHeadsTools(); // after the sessions' own loaded() handlers: it reads their result

    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1100, 700);
    m_defaultState = saveState(); // View → Reset Layout goes back to it
    if (!restoreState(m_settings.windowState()))
        applyDefaultDockSizes(); // first start
    // View → Show Legend is remembered.
    m_graphView->setLegendShown(m_settings.graphLegendShown());
    connect(m_graphView, &GraphView::legendShownChanged, this,
            [this](bool shown) { m_settings.setGraphLegendShown(shown); });
    updateTitle();
    updateStatus();
    updateWelcome(); // after the layout is restored: the welcome page keeps it for later
}

MainWindow::~MainWindow() = default;

void MainWindow::openProject(const QString& configPath, const QString& section)
{
    m_session->open(configPath, section);
}

QString MainWindow::errorMessage() const
{
    return m_errorPanel->isHidden() ? QString() : m_errorLabel->text();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_scripts->confirmClose() || !m_runController->confirmClose()) {
        event->ignore();
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(windowStateToSave());
    QMainWindow::closeEvent(event);
}

// Centre: an error panel above tabs: the graph (with its search bar) first, the revision
// list second.
void MainWindow::createCentralArea()
{
    m_errorPanel = new QFrame;
    m_errorPanel->setObjectName(QStringLiteral("errorPanel"));
    m_errorPanel->setFrameShape(QFrame::StyledPanel);
    m_errorPanel->setAutoFillBackground(true);
    m_errorPanel->setBackgroundRole(QPalette::ToolTipBase);
    m_errorPanel->setForegroundRole(QPalette::ToolTipText);
    auto* icon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize));
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("errorMessage"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setForegroundRole(QPalette::ToolTipText);
    auto* retry = new QToolButton;
    retry->setText(tr("&Retry"));
    connect(retry, &QToolButton::clicked, m_session, &ProjectSession::reload);
    auto* dismiss = new QToolButton;
    dismiss->setText(tr("&Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &MainWindow::hideError);
    auto* panelLayout = new QHBoxLayout(m_errorPanel);
    panelLayout->addWidget(icon, 0, Qt::AlignTop);
    panelLayout->addWidget(m_errorLabel, 1);
    panelLayout->addWidget(retry, 0, Qt::AlignTop);
    panelLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_errorPanel->hide();

    m_revisionList = new RevisionListView;
    m_revisionList->setObjectName(QStringLiteral("revisionList"));
    m_centralTabs = new QTabWidget;
    m_centralTabs->setObjectName(QStringLiteral("centralTabs"));
    m_centralTabs->setDocumentMode(true);

    m_graphView = new GraphView;
    m_graphView->setObjectName(QStringLiteral("graphView"));
    m_graphSearch = new GraphSearchBar(m_graphView);
    auto* graphPage = new QWidget;
    graphPage->setObjectName(QStringLiteral("graphPage"));
    auto* graphLayout = new QVBoxLayout(graphPage);
    graphLayout->setContentsMargins(4, 4, 4, 0);
    graphLayout->setSpacing(4);
    graphLayout->addWidget(m_graphSearch);
    graphLayout->addWidget(m_graphView, 1);
    m_centralTabs->addTab(graphPage, tr("Graph"));
    m_centralTabs->addTab(m_revisionList, tr("Revisions"));

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_errorPanel);
    // The script tabs sit beside the graph; the controller hides them while none is open.
    m_scriptTabs = new ScriptTabs;
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("centralSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_centralTabs);
    m_splitter->addWidget(m_scriptTabs);
    // With no project open the welcome page stands in for them (mainwindowwelcome.cpp);
    // the error panel stays above either.
    m_centralStack = new QStackedWidget;
    m_centralStack->setObjectName(QStringLiteral("centralStack"));
    m_centralStack->addWidget(m_splitter);
    createWelcomePage();
    layout->addWidget(m_centralStack, 1);
    central->setMinimumSize(120, 80); // see createDocks(): small windows
    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    m_diagnostics = new DiagnosticsView;
    m_diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock")); // for saveState()
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    connect(m_diagnostics, &DiagnosticsView::diagnosticActivated, this,
            &MainWindow::onDiagnosticActivated);

    m_databases = new DatabaseSession(m_settings, this);
    m_databasesView = new DatabasesView;
    m_databasesView->setObjectName(QStringLiteral("databasesView"));
    m_databasesDock = new QDockWidget(tr("Databases"), this);
    m_databasesDock->setObjectName(QStringLiteral("databasesDock"));
    m_databasesDock->setWidget(m_databasesView);
    addDockWidget(Qt::RightDockWidgetArea, m_databasesDock);
    m_databasesController = new DatabasesController(m_databases, m_databasesView, this);

    m_details = new RevisionDetailsView;
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    connect(m_graphView, &GraphView::currentRevisionChanged, this, &MainWindow::showDetails);
    connect(m_revisionList, &RevisionListView::currentRevisionChanged, this,
            &MainWindow::showDetails);
    connect(m_details, &RevisionDetailsView::revisionLinkActivated, this, [this](const QString& id) {
        m_graphView->selectRevision(id);
        m_revisionList->setCurrentRevision(id);
    });
    connect(m_databases, &DatabaseSession::stateChanged, this,
            [this] { showDetails(m_details->requestedRevision()); });

    m_logPane = new LogPane;
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(m_diagnosticsDock, m_logDock);
    m_diagnosticsDock->raise();
    connect(m_databases, &DatabaseSession::notice, this, [this](const QString& text) {
        m_logPane->appendNote(text, RunEvent::Level::Warning);
        statusBar()->showMessage(text, 15000);
    });
    // A small window (500×350) has room for every pane side by side: each dock may shrink
    // this far (its contents are clipped, never laid over another pane). Growing the window
    // again gives the docks their width and height back.
    auto* dockSizes = new DockSizeKeeper(this);
    for (QDockWidget* dock : {m_databasesDock, m_detailsDock, m_diagnosticsDock, m_logDock}) {
        dock->widget()->setMinimumSize(96, 40);
        dockSizes->follow(dock);
    }

    m_graphController = new GraphController(m_graphView, m_revisionList, m_databases, this);
    connect(m_graphController, &GraphController::layoutStarted, this, [this] {
        statusBar()->showMessage(tr("Laying out the graph…"));
    });
    connect(m_graphController, &GraphController::layoutFinished, this,
            [this](qint64 elapsedMs, const QString& error) {
                if (error.isEmpty())
                    statusBar()->showMessage(tr("Graph laid out in %1 ms").arg(elapsedMs), 4000);
                else
                    statusBar()->showMessage(tr("The graph could not be laid out: %1").arg(error));
            });

    m_runController = new RunController(m_session, m_databases, m_graphView, m_logPane,
                                        m_settings, this, this);
    m_graphController->addContextActions(m_runController->revisionActions());
    m_multiApply = new MultiApplyController(m_runController, m_databases, m_graphView,
                                            m_logPane, this, this);
    m_graphController->addContextActions({m_multiApply->applyAction()});
    connect(m_runController, &RunController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_runController, &RunController::runStarted, this, [this] {
        m_logDock->show();
        m_logDock->raise();
    });
    // the stairway shares the runner: one run per database, whoever starts it
    m_stairway = new StairwayController(m_session, m_databases, m_graphView, m_logPane,
                                        m_settings, m_runController->runner(), this, this);
    connect(m_stairway, &StairwayController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_stairway->runAction(), &QAction::triggered, this, [this] {
        m_logDock->show();
        m_logDock->raise();
    });
}

void MainWindow::createScriptPane()
{
    m_scripts = new ScriptsController(m_session, m_graphView, m_scriptTabs, m_settings,
                                      m_runController->runner(), this);
    m_graphController->addContextActions({m_scripts->openScriptAction()});
    connect(m_details, &RevisionDetailsView::openScriptRequested, m_scripts,
            [this](const QString& path) { m_scripts->openScript(path); });
    connect(m_revisionList, &RevisionListView::revisionActivated, m_scripts,
            [this](const QString& id) { m_scripts->openRevision(id); });
    connect(m_scripts, &ScriptsController::pageCountChanged, this, [this](int count) {
        if (count == 1) // the pane just appeared: give it half of the room
            m_splitter->setSizes({m_splitter->width() / 2, m_splitter->width() / 2});
    });
    connect(m_scripts, &ScriptsController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_scripts, &ScriptsController::errorOccurred, this, [this](const QString& text) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Retort"), text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel;
    m_pathLabel->setObjectName(QStringLiteral("projectPath"));
    m_countsLabel = new QLabel;
    m_countsLabel->setObjectName(QStringLiteral("projectCounts"));
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    // A long path must not set the window's minimum width; the tooltip has all of it.
    m_pathLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::onLoadingStarted()
{
    m_graphController->markLoadStarted();
    m_busy->show();
    m_reloadAction->setEnabled(true);
    statusBar()->showMessage(
        tr("Loading %1…").arg(QDir::toNativeSeparators(m_session->configPath())));
}

void MainWindow::onLoaded(const ProjectSnapshot& snapshot)
{
    m_busy->hide();
    statusBar()->clearMessage();
    hideError();
    const RecentProject project{snapshot.id.configPath(), snapshot.id.section()};
    m_settings.addRecentProject(project);
    m_settings.setLastProject(project);
    rebuildRecentMenu();
    updateTitle();
    updateStatus();
    updateWelcome();
    applyStartupDatabase();
}

void MainWindow::onFailed(const QString& message)
{
    m_busy->hide();
    statusBar()->clearMessage();
    const QString path = QDir::toNativeSeparators(m_session->configPath());
    showError(message.contains(path) ? tr("Could not load the project. %1").arg(message)
                                     : tr("Could not load %1: %2").arg(path, message));
}

void MainWindow::onDiagnosticActivated(const QString& path, int line)
{
    if (!path.isEmpty() && m_scripts->openScript(path, line))
        return;
    statusBar()->showMessage(line > 0
                                 ? tr("%1, line %2").arg(QDir::toNativeSeparators(path)).arg(line)
                                 : QDir::toNativeSeparators(path),
                             5000);
}

void MainWindow::showError(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorPanel->show();
}

void MainWindow::hideError()
{
    m_errorPanel->hide();
    m_errorLabel->clear();
}

void MainWindow::updateTitle()
{
    const QString config = m_session->loadedConfigPath();
    if (config.isEmpty()) {
        setWindowTitle(tr("Retort"));
        return;
    }
    setWindowTitle(tr("Retort — %1").arg(QFileInfo(config).absoluteDir().dirName()));
}

void MainWindow::updateStatus()
{
    const auto graph = m_session->graph();
    if (!graph) {
        m_pathLabel->setText(tr("No project open. Open an alembic.ini or pyproject.toml with "
                                "File → Open (Ctrl+O)."));
        m_countsLabel->clear();
        return;
    }
    const QString path = QDir::toNativeSeparators(m_session->loadedConfigPath());
    const QString section = m_session->loadedSection();
    m_pathLabel->setText(ProjectId::isDefaultSection(section)
                             ? path
                             : tr("%1 [%2]", "config path [section]").arg(path, section));
    m_pathLabel->setToolTip(path);
    // English needs no translator: singular and plural are separate source texts.
    const int revisions = graph->size();
    const int heads = int(graph->heads().size());
    const int diagnostics = int(graph->diagnostics().size());
    QStringList counts{revisions == 1 ? tr("%n revision", nullptr, revisions)
                                      : tr("%n revisions", nullptr, revisions),
                       heads == 1 ? tr("%n head", nullptr, heads) : tr("%n heads", nullptr, heads),
                       diagnostics == 1 ? tr("%n diagnostic", nullptr, diagnostics)
                                        : tr("%n diagnostics", nullptr, diagnostics)};
    // The migrations' lint warnings are warnings: counted apart from the project's findings.
    if (const int lint = lintCount(); lint > 0)
        counts << (lint == 1 ? tr("%n migration warning", nullptr, lint)
                             : tr("%n migration warnings", nullptr, lint));
    counts << m_session->project().alembic.describe();
    m_countsLabel->setText(counts.join(QStringLiteral(" · ")));
    // how Retort learnt which alembic it reads the project for
    m_countsLabel->setToolTip(m_session->project().alembic.detail.isEmpty()
                                  ? QString()
                                  : tr("Read and planned for %1 (%2)")
                                        .arg(m_session->project().alembic.describe(),
                                             QDir::toNativeSeparators(m_session->project().alembic.detail)));
}

void MainWindow::showDetails(const QString& id)
{
    m_details->setRevision(id);
    if (m_databases->hasSelectedState())
        m_details->setDatabaseState(m_databases->selectedProfile(), m_databases->selectedState());
    else
        m_details->clearDatabaseState();
}

void MainWindow::showExportDialog()
{
    if (!m_graphController->shownGraph()) {
        statusBar()->showMessage(tr("There is no graph to export yet."), 4000);
        return;
    }
    GraphScene* scene = m_graphView->graphScene();
    auto* dialog = new ExportGraphDialog(
        ExportGraphDialog::proposedFileName(m_session->loadedConfigPath()),
        GraphPicture::sizeFor(*scene, true), this);
    dialog->setObjectName(QStringLiteral("exportGraphDialog"));
    dialog->setSizeWithoutDatabases(GraphPicture::sizeFor(*scene, false));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString file = dialog->fileName();
        exportGraph(file, dialog->includeDatabases(), dialog->scale(),
                    [this, file](const QString& error) {
                        statusBar()->showMessage(
                            error.isEmpty()
                                ? tr("Exported the graph to %1").arg(QDir::toNativeSeparators(file))
                                : tr("Could not export the graph: %1").arg(error),
                            6000);
                    });
    });
    dialog->open();
}

void MainWindow::exportGraph(const QString& fileName, bool includeDatabases, qreal scale,
                             std::function<void(const QString&)> done)
{
    const auto graph = m_graphController->shownGraph();
    const GraphLayout layout = m_graphController->shownLayout();
    QPointer<MainWindow> self(this);
    auto finish = [self, done = std::move(done)](const QString& error) {
        if (self && done)
            done(error);
    };
    if (!graph) {
        finish(tr("there is no graph yet"));
        return;
    }
    // DOT is the layout's text, as retort-cli writes it; SVG and PNG are what the window
    // draws, recorded now. Rendering and encoding (a big graph's PNG takes a while) and the
    // atomic write happen off the GUI thread.
    const QString format = GraphExporter::formatOf(fileName);
    std::shared_ptr<const GraphExporter> exporter;
    if (format == QLatin1StringView("dot")) {
        exporter = std::make_shared<LayoutExporter>(format, graph, layout);
    } else {
        const QString title = tr("Revisions of %1")
                                  .arg(QFileInfo(m_session->loadedConfigPath()).absoluteDir().dirName());
        exporter = std::make_shared<PictureExporter>(
            format == QLatin1StringView("png") ? format : QStringLiteral("svg"),
            GraphPicture::record(*m_graphView->graphScene(), includeDatabases), scale, title);
    }
    // One-shot: every export reports back (not only the latest), never to a closed window.
    runInBackground(
        this, [exporter, fileName] { return exporter->exportTo(fileName); },
        [finish](const Result<void>& written) { finish(written ? QString() : written.error()); });
}

} // namespace retort
