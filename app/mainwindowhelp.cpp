// MainWindow's Help menu: Getting Started (a guided walk on the bundled demo, each step next
// to the real widget it explains) and the User Guide (the local Markdown guide).
#include "app/mainwindow.h"

#include "app/databasesession.h"
#include "app/demoproject.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "model/graph/revisiongraph.h"
#include "widgets/databases/databasesview.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphview.h"
#include "widgets/help/gettingstarted.h"
#include "widgets/help/userguideviewer.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

#include <memory>

namespace retort {

void MainWindow::createHelpActions()
{
    m_gettingStartedAction = new QAction(tr("&Getting Started"), this);
    m_gettingStartedAction->setStatusTip(
        tr("A short walk through the window on the bundled demo project"));
    connect(m_gettingStartedAction, &QAction::triggered, this, &MainWindow::startGettingStarted);
    m_userGuideAction = new QAction(QIcon::fromTheme(QStringLiteral("help-contents")),
                                    tr("&User Guide"), this);
    m_userGuideAction->setShortcut(QKeySequence(QKeySequence::HelpContents));
    m_userGuideAction->setStatusTip(tr("Read the user guide (it is installed with Retort)"));
    connect(m_userGuideAction, &QAction::triggered, this, &MainWindow::showUserGuide);
}

QString MainWindow::demoConfigPath()
{
    return DemoProject::find().config;
}

bool MainWindow::isDemoOpen() const
{
    const DemoProject demo = DemoProject::find();
    const QString open = QFileInfo(m_session->loadedConfigPath()).canonicalFilePath();
    if (demo.config.isEmpty() || open.isEmpty())
        return false;
    const QString opened = demo.installed
                               ? QDir(DemoProject::defaultCopyFolder()).filePath(QStringLiteral("alembic.ini"))
                               : demo.config;
    return QFileInfo(opened).canonicalFilePath() == open;
}

bool MainWindow::openDemo()
{
    const Result<QString> config = DemoProject::find().prepare(DemoProject::defaultCopyFolder());
    if (!config) {
        QMessageBox::warning(this, tr("Open the Demo"), config.error());
        return false;
    }
    openProject(*config);
    return true;
}

void MainWindow::showUserGuide()
{
    if (!m_guide) {
        m_guide = new UserGuideViewer(this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_guide->showInstalledGuide();
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

void MainWindow::startGettingStarted()
{
    const bool haveProject = m_session->graph() != nullptr;
    const QString demo = demoConfigPath();
    if ((haveProject && isDemoOpen()) || (haveProject && demo.isEmpty())) {
        walkCurrentProject();
        return;
    }
    if (!haveProject) {
        if (demo.isEmpty()) {
            QMessageBox::information(this, tr("Getting Started"),
                                     tr("The demo project is not installed, and no project is "
                                        "open. Open an alembic.ini (File → Open) and start "
                                        "Getting Started again to walk through it."));
            return;
        }
        openDemoAndWalk();
        return;
    }
    // Another project is open: the demo is made for the walk, but this one may do.
    QMessageBox box(QMessageBox::Question, tr("Getting Started"),
                    tr("Getting Started walks through the bundled demo project. Open the demo "
                       "now, or walk through the project that is open?"),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("gettingStartedQuestion"));
    QPushButton* openDemo = box.addButton(tr("Open the &Demo"), QMessageBox::AcceptRole);
    QPushButton* walkThis = box.addButton(tr("&Walk This Project"), QMessageBox::ActionRole);
    box.setDefaultButton(openDemo);
    box.exec();
    if (box.clickedButton() == openDemo)
        openDemoAndWalk();
    else if (box.clickedButton() == walkThis)
        walkCurrentProject();
}

void MainWindow::openDemoAndWalk()
{
    // Walk once the demo's graph is drawn (its layout takes a moment).
    // A demo that fails to load starts no walk later.
    auto drawn = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    *drawn = connect(m_graphView, &GraphView::graphChanged, this, [this, drawn, failed] {
        if (!isDemoOpen() || !m_graphView->graphScene()->graph())
            return;
        disconnect(*drawn);
        disconnect(*failed);
        walkCurrentProject();
    });
    *failed = connect(m_session, &ProjectSession::failed, this, [this, drawn, failed] {
        disconnect(*drawn);
        disconnect(*failed);
    });
    statusBar()->showMessage(tr("Opening the demo project for Getting Started…"), 5000);
    if (!openDemo()) {
        disconnect(*drawn);
        disconnect(*failed);
    }
}

void MainWindow::walkCurrentProject()
{
    if (!m_tour)
        m_tour = new GettingStarted(this, this);
    const auto graph = m_session->graph();
    const QString profile = m_databases->selectedProfile();
    const bool haveState = m_databases->hasSelectedState() && m_databases->selectedState().isReadable();
    QString merge;
    if (graph) {
        for (const QString& id : graph->topologicalOrderNewestFirst()) {
            if (graph->isMergePoint(id)) {
                merge = id;
                break;
            }
        }
    }
    auto showGraph = [this] {
        m_centralTabs->setCurrentWidget(m_graphView->parentWidget());
    };
    auto graphTarget = [this]() -> QWidget* { return m_graphView; };

    QList<GettingStarted::Step> steps;
    steps.append(
        {tr("Where the database stands"),
         haveState
             ? tr("<p>The graph shows every revision of the project, newest at the top.</p>"
                  "<p>The database <b>%1</b> (selected in the Databases pane) stands at the "
                  "revision with the green border and the database glyph; the marker with "
                  "its name points at it. Revisions below it are <i>applied</i>, those above "
                  "it <i>pending</i> (dashed).</p>")
                   .arg(profile.toHtmlEscaped())
             : tr("<p>The graph shows every revision of the project, newest at the top.</p>"
                  "<p>Add or select a database in the Databases pane and the graph shows where "
                  "it stands: a green border and a marker with its name on its current "
                  "revision, applied revisions below it, pending ones (dashed) above.</p>"),
         graphTarget,
         [this, showGraph] {
             showGraph();
             const QString focus = m_graphView->initialRevision();
             if (!focus.isEmpty())
                 m_graphView->selectRevision(focus);
             m_graphView->showInitialView();
         }});
    steps.append(
        {tr("Heads and merges"),
         tr("<p>A <b>head</b> (H) is the newest revision of a line of history: "
            "<i>upgrade head</i> goes there. A <b>merge point</b> (M) joins two lines: "
            "upgrading past it needs both. A <b>branch point</b> is where lines part.</p>"
            "<p>Hover over any revision for what it is in plain words; the legend in the "
            "corner says what each shape and colour means.</p>") +
             (merge.isEmpty() ? tr("<p>This project has no merge point yet.</p>") : QString()),
         graphTarget,
         [this, showGraph, merge] {
             showGraph();
             m_graphView->setLegendShown(true);
             if (!merge.isEmpty()) {
                 m_graphView->selectRevision(merge);
                 m_graphView->centerOnRevision(merge);
             }
         }});
    steps.append(
        {tr("What Step Up will run"),
         tr("<p><b>Step Up</b> upgrades the selected database by one revision (Step Down goes "
            "back one). Nothing runs at once: Retort first shows the plan — the alembic "
            "command, every step, and what a step would destroy — and runs it only when you "
            "confirm.</p><p>The other Run commands (upgrade to heads, to or from the selected "
            "revision, stamp) show their plan the same way.</p>"),
         [this]() -> QWidget* { return findChild<QWidget*>(QStringLiteral("stepUpButton")); },
         {}});
    steps.append(
        {tr("Opening a script"),
         tr("<p>Each revision is a Python script. Double-click a revision in the graph (or "
            "press Enter, or use Script → Open Script) and it opens here, beside the graph, "
            "with its <code>upgrade()</code> and <code>downgrade()</code>.</p>"
            "<p>The Details pane shows the selected revision's file, branch labels and "
            "dependencies.</p>"),
         [this]() -> QWidget* {
             return m_scriptTabs->isVisible() ? static_cast<QWidget*>(m_scriptTabs)
                                              : static_cast<QWidget*>(m_details);
         },
         [this] {
             // Where the database stands (a script with real operations), else the selection.
             QString id = m_graphView->initialRevision();
             if (id.isEmpty())
                 id = m_graphView->currentRevision();
             if (!id.isEmpty() && m_graphView->graphScene()->graph() &&
                 m_graphView->graphScene()->graph()->contains(id)) {
                 m_graphView->selectRevision(id);
                 m_scripts->openRevision(id);
             }
             m_detailsDock->show();
         }});
    steps.append(
        {tr("What the picture means"),
         tr("<p>The <b>Legend</b> button (or View → Show Legend, L) lists every shape, colour "
            "and mark the graph uses.</p><p>Help → User Guide has the rest. Close this walk "
            "with Esc; Help → Getting Started brings it back.</p>"),
         [this]() -> QWidget* { return m_graphView->legendButton(); },
         [showGraph] { showGraph(); }});
    m_tour->setSteps(steps);
    m_tour->start();
}

} // namespace retort
