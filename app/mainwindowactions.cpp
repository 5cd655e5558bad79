// MainWindow's actions and menus: the File, View, Script, Run and Help menus, the Run tool
// bar, the recent projects menu, and what the window's own actions open (the file dialog,
// About). The window's composition and its project handling are in mainwindow.cpp.
#include "app/mainwindow.h"

#include "app/runcontroller.h"
#include "app/multiapplycontroller.h"
#include "app/stairwaycontroller.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "app/projectsession.h"
#include "model/project/projectsnapshot.h"
#include "widgets/graph/graphview.h"
#include "widgets/revisions/revisionlistview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QToolBar>

namespace retort {

void MainWindow::createActions()
{
    m_openAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_openAction->setStatusTip(tr("Open an alembic.ini or pyproject.toml"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_reloadAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Reload"), this);
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_reloadAction->setStatusTip(tr("Read the project's files again"));
    m_reloadAction->setEnabled(false);
    connect(m_reloadAction, &QAction::triggered, m_session, &ProjectSession::reload);

    m_exportAction = new QAction(tr("&Export Graph…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Save the graph as the window draws it (SVG or PNG), or as Graphviz DOT"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);

    m_quitAction =
        new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_filterAction = new QAction(tr("&Filter Revisions"), this);
    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    // Ctrl+F in a script is the script's Find: the filter owns it only beside the graph.
    m_filterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_centralTabs->addAction(m_filterAction);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_centralTabs->setCurrentWidget(m_revisionList);
        m_revisionList->focusFilter();
    });

    m_aboutAction = new QAction(tr("&About Retort"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    createHelpActions();
    createPreferencesActions(); // mainwindowprefs.cpp
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->addAction(m_reloadAction);
    fileMenu->addAction(m_exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);
    rebuildRecentMenu();

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* toggleDiagnostics = m_diagnosticsDock->toggleViewAction();
    toggleDiagnostics->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    viewMenu->addAction(toggleDiagnostics);
    QAction* toggleDatabases = m_databasesDock->toggleViewAction();
    toggleDatabases->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));
    viewMenu->addAction(toggleDatabases);
    QAction* toggleDetails = m_detailsDock->toggleViewAction();
    toggleDetails->setShortcut(QKeySequence(Qt::ALT | Qt::Key_4));
    viewMenu->addAction(toggleDetails);
    QAction* toggleLog = m_logDock->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::ALT | Qt::Key_5));
    viewMenu->addAction(toggleLog);
    QAction* toggleTables = m_tablesDock->toggleViewAction();
    toggleTables->setShortcut(QKeySequence(Qt::ALT | Qt::Key_6));
    viewMenu->addAction(toggleTables);
    QAction* toggleCompare = m_compareDock->toggleViewAction();
    toggleCompare->setShortcut(QKeySequence(Qt::ALT | Qt::Key_9));
    viewMenu->addAction(toggleCompare);
    QAction* toggleEnvironments = m_environmentsDock->toggleViewAction();
    toggleEnvironments->setShortcut(QKeySequence(Qt::ALT | Qt::Key_7));
    viewMenu->addAction(toggleEnvironments);
    viewMenu->addAction(m_schemaAtAction);
    viewMenu->addSeparator();
    viewMenu->addAction(m_filterAction);
    // The graph's commands; their shortcuts work while the graph has the focus, the menu
    // shows the graph.
    viewMenu->addSeparator();
    for (QAction* action : {m_graphView->zoomInAction(), m_graphView->zoomOutAction(),
                            m_graphView->resetZoomAction(), m_graphView->fitAction(),
                            m_graphView->fitAllAction(), m_graphView->overviewAction(),
                            m_graphView->legendAction()}) {
        viewMenu->addAction(action);
        connect(action, &QAction::triggered, this, [this] {
            m_centralTabs->setCurrentWidget(m_graphView->parentWidget());
        });
    }
    viewMenu->addSeparator();
    viewMenu->addAction(m_resetLayoutAction);

    QMenu* scriptMenu = menuBar()->addMenu(tr("&Script"));
    scriptMenu->addAction(m_scripts->newRevisionAction());
    scriptMenu->addAction(m_scripts->mergeHeadsAction());
    scriptMenu->addSeparator();
    scriptMenu->addAction(m_scripts->openScriptAction());
    scriptMenu->addAction(m_scripts->saveAction());
    scriptMenu->addAction(m_scripts->closeAction());

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    QToolBar* runBar = addToolBar(tr("Run"));
    runBar->setObjectName(QStringLiteral("runToolBar"));
    runBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* action : m_runController->menuActions()) {
        if (action)
            runMenu->addAction(action);
        else
            runMenu->addSeparator();
        // with the other commands that take a target
        if (action == m_runController->stampSelectedAction())
            runMenu->addAction(m_multiApply->applyAction());
    }
    runMenu->addSeparator();
    runMenu->addAction(m_compareAction);
    runMenu->addSeparator();
    runMenu->addAction(m_stairway->runAction());
    runMenu->addAction(m_stairway->stopAction());
    for (QAction* action :
         {m_runController->stepUpAction(), m_runController->stepDownAction(),
          m_runController->upgradeHeadsAction(), static_cast<QAction*>(nullptr),
          m_runController->upgradeSelectedAction(), m_runController->downgradeSelectedAction(),
          m_runController->stampSelectedAction(), static_cast<QAction*>(nullptr),
          m_runController->refreshAction(), m_runController->stopAction()}) {
        if (action)
            runBar->addAction(action);
        else
            runBar->addSeparator();
    }
    // Getting Started points at it.
    if (QWidget* stepUp = runBar->widgetForAction(m_runController->stepUpAction()))
        stepUp->setObjectName(QStringLiteral("stepUpButton"));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_gettingStartedAction);
    helpMenu->addAction(m_userGuideAction);
    helpMenu->addAction(m_reportProblemAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);
    helpMenu->addAction(m_aboutQtAction);
    createSettingsMenu(helpMenu); // before Help, as KDE programs have it
}

void MainWindow::showOpenDialog()
{
    const QString current = m_session->configPath();
    const QString folder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Alembic Project"), folder,
        tr("Alembic configuration (alembic.ini *.ini pyproject.toml);;"
           "Ini files (*.ini);;pyproject.toml (pyproject.toml);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<RecentProject> projects = m_settings.recentProjects();
    int number = 0;
    for (const RecentProject& project : projects) {
        ++number;
        QString text = QDir::toNativeSeparators(project.path);
        if (!project.section.isEmpty())
            text = tr("%1 [%2]", "recent project: path [section]").arg(text, project.section);
        text.replace(QLatin1Char('&'), QLatin1String("&&"));
        if (number < 10)
            text = QStringLiteral("&%1 %2").arg(number).arg(text);
        QAction* action = m_recentMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, project] {
            openProject(project.path,
                        ProjectId::normalizedSection(project.section));
        });
    }
    if (!projects.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
            m_settings.clearRecentProjects();
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!projects.isEmpty());
    updateWelcomeRecent(); // the welcome page lists the same projects
}

} // namespace retort
