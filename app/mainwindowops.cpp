// MainWindow's views of what the migrations do (issue 15): the operations index read after
// each load (OpsIndexSession), the Details pane's Operations section, the Tables dock (every
// table's timeline; the schema at a revision and a comparison), the lint warnings in the
// diagnostics dock and the graph's "Schema at This Revision".
#include "app/mainwindow.h"

#include "app/databasesession.h"
#include "app/docksizekeeper.h"
#include "app/graphcontroller.h"
#include "app/opsindexsession.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/scriptscontroller.h"
#include "model/graph/revisiongraph.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "widgets/graph/graphview.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/tables/schemaview.h"
#include "widgets/tables/tabletimelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

namespace retort {

void MainWindow::createOpsViews()
{
    m_opsIndex = new OpsIndexSession(this);
    // The graph is laid out first; the operations are read once it is on screen.
    m_opsIndex->setHoldUntilGraphShown(true);
    connect(m_session, &ProjectSession::loaded, m_opsIndex, &OpsIndexSession::setProject);
    connect(m_graphController, &GraphController::layoutFinished, m_opsIndex,
            &OpsIndexSession::graphShown);

    m_tableTimeline = new TableTimelineView;
    m_tableTimeline->setObjectName(QStringLiteral("tableTimeline"));
    m_schemaView = new SchemaView;
    m_schemaView->setObjectName(QStringLiteral("schemaView"));
    m_tablesTabs = new QTabWidget;
    m_tablesTabs->setObjectName(QStringLiteral("tablesTabs"));
    m_tablesTabs->setDocumentMode(true);
    m_tablesTabs->addTab(m_tableTimeline, tr("Timeline"));
    m_tablesTabs->addTab(m_schemaView, tr("Schema at Revision"));
    m_tablesDock = new QDockWidget(tr("Tables"), this);
    m_tablesDock->setObjectName(QStringLiteral("tablesDock")); // for saveState()
    m_tablesDock->setWidget(m_tablesTabs);
    addDockWidget(Qt::RightDockWidgetArea, m_tablesDock);
    tabifyDockWidget(m_detailsDock, m_tablesDock);
    m_detailsDock->raise();
    if (auto* dockSizes = findChild<DockSizeKeeper*>()) { // small windows: see createDocks()
        m_tablesTabs->setMinimumSize(96, 40);
        dockSizes->follow(m_tablesDock);
    }

    auto select = [this](const QString& id) {
        m_graphView->selectRevision(id);
        m_revisionList->setCurrentRevision(id);
    };
    auto openLine = [this](const QString& path, int line) { m_scripts->openScript(path, line); };
    connect(m_tableTimeline, &TableTimelineView::revisionActivated, this, select);
    connect(m_tableTimeline, &TableTimelineView::openScriptRequested, this, openLine);
    connect(m_schemaView, &SchemaView::revisionActivated, this, select);
    connect(m_schemaView, &SchemaView::openScriptRequested, this, openLine);
    connect(m_details, &RevisionDetailsView::openScriptLineRequested, this, openLine);

    connect(m_opsIndex, &OpsIndexSession::readingStarted, this, [this] {
        m_details->setOperations(m_opsIndex->index(), true);
        if (!m_opsIndex->index())
            m_tableTimeline->setPlaceholder(tr("Reading operations…"));
    });
    connect(m_opsIndex, &OpsIndexSession::indexChanged, this, &MainWindow::updateOpsViews);

    auto updateTargets = [this] { m_schemaView->setDatabaseTargets(databaseTargets()); };
    connect(m_databases, &DatabaseSession::stateChanged, this, updateTargets);
    connect(m_databases, &DatabaseSession::profilesChanged, this, updateTargets);
    connect(m_databases, &DatabaseSession::selectionChanged, this, updateTargets);

    m_schemaAtAction = new QAction(tr("Sc&hema at This Revision"), this);
    m_schemaAtAction->setObjectName(QStringLiteral("schemaAtAction"));
    m_schemaAtAction->setStatusTip(
        tr("Show the tables and columns the migrations define up to the selected revision"));
    connect(m_schemaAtAction, &QAction::triggered, this,
            [this] { showSchemaAt(m_graphView->currentRevision()); });
    m_graphController->addContextActions({nullptr, m_schemaAtAction});
}

void MainWindow::showSchemaAt(const QString& target)
{
    m_tablesDock->show();
    m_tablesDock->raise();
    // Room for the tables: a dock squeezed beside others grows (the others give way).
    constexpr int kSchemaHeight = 380;
    if (!m_tablesDock->isFloating() && m_tablesDock->height() < kSchemaHeight)
        resizeDocks({m_tablesDock}, {qMin(kSchemaHeight, height() * 2 / 3)}, Qt::Vertical);
    m_tablesTabs->setCurrentWidget(m_schemaView);
    if (!target.isEmpty())
        m_schemaView->setTarget(target);
    m_schemaView->focusTarget();
}

QList<SchemaTarget> MainWindow::databaseTargets() const
{
    QList<SchemaTarget> targets;
    // The selected database first, then the others in their order.
    QList<ConnectionProfile> profiles = m_databases->profiles();
    std::stable_partition(profiles.begin(), profiles.end(), [this](const ConnectionProfile& p) {
        return p.name() == m_databases->selectedProfile();
    });
    for (const ConnectionProfile& profile : std::as_const(profiles)) {
        if (!m_databases->hasState(profile.name()))
            continue;
        const DatabaseState state = m_databases->state(profile.name());
        const QStringList current = state.isReadable() ? state.sortedCurrentRevisions() : QStringList();
        if (current.isEmpty())
            continue;
        QStringList shown;
        for (const QString& id : current)
            shown << id.left(12);
        targets.append({tr("%1: at %2", "database: at its current revisions")
                            .arg(profile.name(), shown.join(QLatin1String(", "))),
                        current.join(QLatin1Char(' '))});
    }
    return targets;
}

// The index of the project on screen arrived: every view of it follows.
void MainWindow::updateOpsViews()
{
    const ProjectSnapshot& project = m_opsIndex->project();
    m_details->setOperations(m_opsIndex->index(), m_opsIndex->isReading());
    if (!m_opsIndex->tablesError().isEmpty())
        m_tableTimeline->setPlaceholder(
            tr("The upgrade to heads cannot be planned: %1").arg(m_opsIndex->tablesError()));
    else
        m_tableTimeline->setTables(m_opsIndex->tables(), project.graph, m_opsIndex->index());
    m_schemaView->setDatabaseTargets(databaseTargets());
    m_schemaView->setSource(project.graph, project.planner, m_opsIndex->index(),
                            m_opsIndex->isReading());
    m_graphView->setRevisionWarnings(m_opsIndex->warningsByRevision());
    m_runController->setOpsIndex(m_opsIndex->index());
    updateDiagnostics();
    updateStatus();
}

// The graph's diagnostics and, once read for the same graph, the migrations' lint warnings.
void MainWindow::updateDiagnostics()
{
    const auto graph = m_session->graph();
    if (!graph)
        return;
    Diagnostics diagnostics = graph->diagnostics();
    if (m_opsIndex->project().graph == graph)
        diagnostics += m_opsIndex->lint();
    m_diagnostics->setDiagnostics(diagnostics);
}

// The lint's warnings (its notes, "could not be checked", are not counted).
int MainWindow::lintCount() const
{
    if (!m_opsIndex || m_opsIndex->project().graph != m_session->graph())
        return 0;
    const Diagnostics& lint = m_opsIndex->lint();
    return int(std::count_if(lint.cbegin(), lint.cend(), [](const Diagnostic& diagnostic) {
        return diagnostic.severity == Diagnostic::Severity::Warning;
    }));
}

} // namespace retort
