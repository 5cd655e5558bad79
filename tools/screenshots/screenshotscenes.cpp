// The scenes after the project is open, each reached the way a person gets there: the
// window's actions, its docks and its views.
#include "screenshotdriver.h"

#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/scriptscontroller.h"
#include "model/run/alembicrunner.h"
#include "widgets/databases/databasesview.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphview.h"
#include "widgets/plan/plandialog.h"
#include "widgets/tables/schemaview.h"
#include "widgets/tables/tabletimelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>

namespace retort::screenshots {

namespace {

// Revisions of the demo the scenes show (resources/demo; tst_compareview and the guide name
// the same ones).
constexpr auto kAddsBiography = "26ad88c279d9";  // adds two columns, drops them again
constexpr auto kDropsLegacySku = "6dbbef65ed78"; // drops a column: its data is lost
constexpr auto kRenamesPhone = "0e46b5fa5b0c";   // staging's main line
constexpr auto kMergesReviews = "7658f94855d0";  // the merge point, amid both branch points
constexpr auto kCustomerEmails = "668d6a423cf9"; // in the middle of the graph's width
constexpr auto kIndexesOrders = "dd4e1fcfb980";  // a branch point: prod's downgrade target

// upgrade-log.png: staging's upgrade as alembic announces this step (of 8).
constexpr int kGrabAtStep = 4;

QDockWidget* dock(MainWindow& window, const char* name)
{
    return window.findChild<QDockWidget*>(QLatin1String(name));
}

// View → Diagnostics / Log / Environments toggled off or on: the bottom docks take height the
// graph needs in every scene but the log's.
void showBottomDocks(MainWindow& window, bool shown)
{
    for (const char* name : {"diagnosticsDock", "logDock", "environmentsDock"})
        if (QDockWidget* d = dock(window, name); d && d->isHidden() == shown)
            d->toggleViewAction()->trigger();
}

// The docks on the right (Databases, Details and Tables, tabbed with Details) off or on.
void showRightDocks(MainWindow& window, bool shown)
{
    for (const char* name : {"databasesDock", "detailsDock", "tablesDock"})
        if (QDockWidget* d = dock(window, name); d && d->isHidden() == shown)
            d->toggleViewAction()->trigger();
}

} // namespace

bool ScreenshotDriver::graph()
{
    // Staging selected: the strip says whose state is drawn, applied and pending revisions
    // differ, and every database's marker stands on the graph.
    m_window->databasesView()->setCurrentProfile(QStringLiteral("staging"));
    if (!waitUntil([this] { return m_window->databases()->selectedProfile() == QLatin1String("staging"); },
                   QStringLiteral("staging to be selected")))
        return false;
    showBottomDocks(*m_window, false);
    if (QDockWidget* tablesDock = m_window->tablesDock(); !tablesDock->isHidden())
        tablesDock->toggleViewAction()->trigger();
    // The graph gets the width the databases' table does not need.
    m_window->resizeDocks({dock(*m_window, "databasesDock")}, {330}, Qt::Horizontal);
    // The overview in the corner would cover the reporting branch (O toggles it).
    GraphView* view = m_window->graphView();
    if (view->overviewAction()->isChecked())
        view->overviewAction()->trigger();
    // Both branch points, the merge and where each database stands: one step out (Ctrl+−)
    // around the middle of the graph's width.
    view->setCurrentRevision(QLatin1String(kMergesReviews));
    view->zoomOutAction()->trigger();
    settle();
    view->centerOnRevision(QLatin1String(kCustomerEmails));
    settle();
    return save(QStringLiteral("graph"), grab());
}

bool ScreenshotDriver::details()
{
    QDockWidget* detailsDock = dock(*m_window, "detailsDock");
    if (!detailsDock)
        return fail(QStringLiteral("no Details dock"));
    detailsDock->show();
    detailsDock->raise();
    m_window->resizeDocks({detailsDock}, {430}, Qt::Horizontal);
    m_window->graphView()->resetZoomAction()->trigger();
    m_window->graphView()->setCurrentRevision(QLatin1String(kAddsBiography));
    settle();
    m_window->graphView()->centerOnRevision(QLatin1String(kAddsBiography));
    settle();
    return save(QStringLiteral("details-operations"), grab());
}

bool ScreenshotDriver::script()
{
    // Script → Open Script on the selected revision: its file in a tab beside the graph (the
    // docks on the right closed to give both room).
    showRightDocks(*m_window, false);
    m_window->graphView()->setCurrentRevision(QLatin1String(kDropsLegacySku));
    QAction* open = m_window->scriptsController()->openScriptAction();
    if (!open->isEnabled())
        return fail(QStringLiteral("Script → Open Script is disabled"));
    open->trigger();
    if (!waitUntil([this] { return m_window->scriptTabs()->currentPage() != nullptr; },
                   QStringLiteral("the script to open")))
        return false;
    settle();
    // the script wide enough for its longest lines
    if (auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("centralSplitter")))
        splitter->setSizes({500, 780});
    settle();
    m_window->graphView()->centerOnRevision(QLatin1String(kDropsLegacySku));
    settle();
    const bool saved = save(QStringLiteral("script"), grab());
    // the later scenes have the graph to themselves
    m_window->scriptsController()->closeAction()->trigger();
    showRightDocks(*m_window, true);
    m_window->tablesDock()->toggleViewAction()->trigger(); // shown again by its own scene
    settle();
    return saved;
}

bool ScreenshotDriver::tables()
{
    // View → Tables, and a column's name typed into the filter: which revisions touched it.
    // The Databases dock makes way for the tables until the plans.
    if (QDockWidget* databasesDock = dock(*m_window, "databasesDock"); !databasesDock->isHidden())
        databasesDock->toggleViewAction()->trigger();
    if (m_window->tablesDock()->isHidden())
        m_window->tablesDock()->toggleViewAction()->trigger();
    m_window->tablesDock()->raise();
    if (auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("tablesTabs")))
        tabs->setCurrentWidget(m_window->tableTimelineView());
    m_window->resizeDocks({m_window->tablesDock()}, {620}, Qt::Horizontal);
    m_window->tableTimelineView()->setFilterText(QStringLiteral("phone"));
    if (!waitUntil([this] { return !m_window->tableTimelineView()->visibleTables().isEmpty(); },
                   QStringLiteral("the Tables filter")))
        return false;
    settle();
    return save(QStringLiteral("tables"), grab());
}

bool ScreenshotDriver::schema()
{
    SchemaView* view = m_window->schemaView();
    m_window->showSchemaAt(QLatin1String(kRenamesPhone));
    view->setCompareTarget(QStringLiteral("heads"));
    if (!waitUntil([view] { return !view->isComputing() && !view->changes().isEmpty(); },
                   QStringLiteral("the schema at ") + QLatin1String(kRenamesPhone)))
        return false;
    settle();
    const bool saved = save(QStringLiteral("schema"), grab());
    m_window->tablesDock()->toggleViewAction()->trigger();
    if (QDockWidget* databasesDock = dock(*m_window, "databasesDock"); databasesDock->isHidden())
        databasesDock->toggleViewAction()->trigger();
    if (QDockWidget* detailsDock = dock(*m_window, "detailsDock"))
        detailsDock->raise();
    m_window->resizeDocks({dock(*m_window, "databasesDock")}, {330}, Qt::Horizontal);
    return saved;
}

bool ScreenshotDriver::planRisks()
{
    // prod (protected) downgraded to an older revision: the plan lists what it destroys and
    // asks for the profile's name. Cancelled.
    m_window->databasesView()->setCurrentProfile(QStringLiteral("prod"));
    m_window->graphView()->setCurrentRevision(QLatin1String(kIndexesOrders));
    m_window->graphView()->centerOnRevision(QLatin1String(kIndexesOrders));
    RunController* runs = m_window->runController();
    if (!waitUntil([runs] { return runs->downgradeSelectedAction()->isEnabled(); },
                   QStringLiteral("Downgrade to Selected on prod")))
        return false;
    runs->downgradeSelectedAction()->trigger();
    if (!waitUntil([runs] { return runs->planDialog() && runs->planDialog()->isVisible(); },
                   QStringLiteral("the downgrade's plan")))
        return false;
    PlanDialog* dialog = runs->planDialog();
    if (dialog->riskLines().isEmpty() || !dialog->confirmationEdit())
        return fail(QStringLiteral("the downgrade's plan shows no risks or no name to type"));
    settle();
    const bool saved = save(QStringLiteral("plan-risks"), grab(dialog));
    dialog->reject();
    return saved && waitUntil([runs] { return runs->planDialog() == nullptr; },
                              QStringLiteral("the plan to close"));
}

bool ScreenshotDriver::plan()
{
    // Upgrade All Heads on staging: the main line's last revisions, one of which drops a
    // column.
    m_window->databasesView()->setCurrentProfile(QStringLiteral("staging"));
    m_window->graphView()->setCurrentRevision(QLatin1String(kAddsBiography));
    m_window->graphView()->centerOnRevision(QLatin1String(kAddsBiography));
    RunController* runs = m_window->runController();
    if (!waitUntil([runs] { return runs->upgradeHeadsAction()->isEnabled(); },
                   QStringLiteral("Upgrade All Heads on staging")))
        return false;
    runs->upgradeHeadsAction()->trigger();
    if (!waitUntil([runs] { return runs->planDialog() && runs->planDialog()->isVisible(); },
                   QStringLiteral("the upgrade's plan")))
        return false;
    settle();
    return save(QStringLiteral("plan"), grab(runs->planDialog()));
}

bool ScreenshotDriver::upgradeLog()
{
    // Confirmed: the picture is taken when alembic announces the fourth step (so three have
    // completed and the marker has moved three times), right after the window has handled that event and before it sees the
    // next one: the same moment on every run, however fast alembic is.
    RunController* runs = m_window->runController();
    // the Log, tall enough for alembic's lines
    showBottomDocks(*m_window, true);
    QDockWidget* log = dock(*m_window, "logDock");
    if (!log)
        return fail(QStringLiteral("no Log dock"));
    log->raise();
    m_window->resizeDocks({log}, {190}, Qt::Vertical);
    settle();
    bool grabbed = false;
    bool saved = false;
    const QMetaObject::Connection watch = QObject::connect(
        runs->runner(), &AlembicRunner::event, m_window.get(), [&](const RunEvent& event) {
            if (grabbed || event.kind != RunEvent::Kind::Progress || event.stepIndex != kGrabAtStep)
                return;
            grabbed = true;
            // layouts only: any other pending event could be the next step's
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            saved = save(QStringLiteral("upgrade-log"), grab());
        });
    bool finished = false;
    const QMetaObject::Connection end = QObject::connect(
        runs, &RunController::runFinished, m_window.get(), [&finished] { finished = true; });
    if (!runs->planDialog())
        return fail(QStringLiteral("the upgrade's plan is no longer open"));
    runs->planDialog()->confirmButton()->click();
    const bool ran = waitUntil([&finished] { return finished; }, QStringLiteral("the upgrade to end"),
                               120000);
    QObject::disconnect(watch);
    QObject::disconnect(end);
    if (!ran)
        return false;
    if (!grabbed)
        return fail(QStringLiteral("the upgrade ended before step %1").arg(kGrabAtStep));
    return saved;
}

} // namespace retort::screenshots
