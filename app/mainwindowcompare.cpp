// MainWindow's Compare dock (issue 16): two databases, or a database and a revision, side by
// side — what only one of them has applied, marked on the graph and listed, and the alembic
// commands that bring the first to where the second stands.
#include "app/mainwindow.h"

#include "app/databasesession.h"
#include "app/docksizekeeper.h"
#include "app/projectsession.h"
#include "model/project/projectsnapshot.h"
#include "widgets/compare/compareview.h"
#include "widgets/databases/databasesview.h"
#include "widgets/environments/environmentsview.h"
#include "widgets/graph/graphview.h"
#include "widgets/revisions/revisionlistview.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QPointer>

namespace retort {

void MainWindow::createCompareView()
{
    m_compareView = new CompareView;
    m_compareView->setObjectName(QStringLiteral("compareView"));
    m_compareDock = new QDockWidget(tr("Compare"), this);
    m_compareDock->setObjectName(QStringLiteral("compareDock")); // for saveState()
    m_compareDock->setWidget(m_compareView);
    addDockWidget(Qt::BottomDockWidgetArea, m_compareDock);
    tabifyDockWidget(m_logDock, m_compareDock);
    m_diagnosticsDock->raise();
    m_compareDock->hide(); // until asked for: the marks it draws should mean something
    if (auto* dockSizes = findChild<DockSizeKeeper*>()) {
        m_compareView->setMinimumSize(96, 40);
        dockSizes->follow(m_compareDock);
    }

    connect(m_session, &ProjectSession::loaded, this, [this](const ProjectSnapshot& snapshot) {
        m_compareView->setSource(snapshot.graph, snapshot.planner);
    });
    auto updateDatabases = [this] {
        QList<CompareDatabase> databases;
        for (const ConnectionProfile& profile : m_databases->profiles())
            databases.append({profile.name(), m_databases->state(profile.name())});
        m_compareView->setDatabases(databases);
    };
    connect(m_databases, &DatabaseSession::stateChanged, this, updateDatabases);
    connect(m_databases, &DatabaseSession::profilesChanged, this, updateDatabases);
    // The marks are drawn only while the dock is open: a hidden comparison leaves the graph.
    // These two run while the window is torn down too (its docks are hidden then): they hold
    // the widgets they need, never the half-destroyed window.
    QPointer<QDockWidget> dock = m_compareDock;
    QPointer<GraphView> graph = m_graphView;
    QPointer<CompareView> view = m_compareView;
    connect(m_compareView, &CompareView::marksChanged, m_compareDock,
            [dock, graph](const QStringList& onlyA, const QStringList& onlyB, const QString& nameA,
                          const QString& nameB) {
                if (dock && graph && !dock->isHidden())
                    graph->setCompareMarks(onlyA, onlyB, nameA, nameB);
            });
    // Open (even as a tab behind another): marked; closed: the graph is clean again.
    connect(m_compareDock, &QDockWidget::visibilityChanged, m_compareDock, [dock, graph, view] {
        if (!dock || !graph || !view)
            return;
        if (dock->isHidden())
            graph->setCompareMarks({}, {});
        else
            view->refreshMarks();
    });
    connect(m_compareView, &CompareView::revisionActivated, this, [this](const QString& id) {
        m_graphView->selectRevision(id);
        m_revisionList->setCurrentRevision(id);
    });
    connect(m_databasesView, &DatabasesView::compareRequested, this, &MainWindow::showCompare);
    m_environmentsView->setCompareAvailable(true);
    connect(m_environmentsView, &EnvironmentsView::compareRequested, this, &MainWindow::showCompare);

    m_compareAction = new QAction(tr("&Compare Databases…"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setStatusTip(
        tr("What one database has applied that another lacks, and the commands that bring one "
           "to the other"));
    connect(m_compareAction, &QAction::triggered, this,
            [this] { showCompare(m_databases->selectedProfile()); });
}

void MainWindow::showCompare(const QString& profile)
{
    m_compareDock->show();
    m_compareDock->raise();
    // Room for the two lists and the commands: the docks beside it give way.
    constexpr int kCompareHeight = 340;
    if (!m_compareDock->isFloating() && m_compareDock->height() < kCompareHeight)
        resizeDocks({m_compareDock}, {qMin(kCompareHeight, height() / 2)}, Qt::Vertical);
    if (!profile.isEmpty())
        m_compareView->compareFrom(profile);
    m_compareView->boxB()->setFocus();
}

} // namespace retort
