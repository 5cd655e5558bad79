#include "app/graphcontroller.h"

#include "app/databasesession.h"
#include "widgets/graph/graphcaption.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/layout/graphvizlayouter.h"
#include "widgets/revisions/revisionlistview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMenu>
#include <QStandardPaths>

namespace retort {

namespace {
Q_LOGGING_CATEGORY(lcDrawn, "retort.graph", QtInfoMsg)
// Off unless asked for (QT_LOGGING_RULES="retort.graph.memory.info=true", as scripts/bench-start
// does): the process's peak memory when the picture was drawn, read in the same instant.
Q_LOGGING_CATEGORY(lcDrawnMemory, "retort.graph.memory", QtWarningMsg)

// VmHWM from /proc/self/status in MB, or -1 where there is none.
qint64 peakMemoryMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}
} // namespace

GraphController::GraphController(GraphView* view, RevisionListView* list,
                                 DatabaseSession* databases, QObject* parent)
    : QObject(parent), m_view(view), m_list(list), m_databases(databases),
      m_layouter(new GraphvizLayouter(this))
{
    new GraphCaption(m_view, m_view->graphScene()); // "Showing: <profile> — at <revision>"
    // A large project opened again is drawn from its last layout (LayoutCache).
    m_options.cacheFolder = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                .filePath(QStringLiteral("layouts"));
    connect(m_layouter, &GraphvizLayouter::layoutReady, this, [this](const GraphLayout& layout) {
        if (layout.generation != m_pending)
            return; // a newer graph was asked for meanwhile: keep waiting for its layout
        m_pending = 0;
        if (layout.isValid() && m_requested) {
            m_shown = m_requested;
            m_shownLayout = layout;
            // The new picture comes with the states derived against its graph, in one step.
            m_viewStates = statesFor(m_requested);
            m_view->setGraph(m_requested, layout, m_viewStates, m_databases->selectedProfile());
            updateDatabaseStates();
            if (!m_list->currentRevision().isEmpty())
                m_view->setCurrentRevision(m_list->currentRevision());
            if (m_loadClock.isValid()) {
                m_view->callAfterNextPaint([clock = m_loadClock, count = m_requested->size()] {
                    qCInfo(lcDrawn, "drawn %d revisions in %lld ms", count, clock.elapsed());
                    if (lcDrawnMemory().isInfoEnabled())
                        qCInfo(lcDrawnMemory, "peak memory %lld MB", peakMemoryMb());
                });
                m_loadClock.invalidate();
            }
        }
        emit layoutFinished(layout.elapsedMs, layout.error);
    });

    // One selection for the list and the graph.
    connect(m_view, &GraphView::currentRevisionChanged, this, [this](const QString& id) {
        if (m_syncing || id.isEmpty())
            return;
        m_syncing = true;
        m_list->setCurrentRevision(id);
        m_syncing = false;
    });
    connect(m_list, &RevisionListView::currentRevisionChanged, this, [this](const QString& id) {
        if (m_syncing || id.isEmpty())
            return;
        m_syncing = true;
        m_view->selectRevision(id);
        m_syncing = false;
    });

    connect(m_view, &GraphView::contextMenuRequested, this,
            [this](const QString& id, const QPoint& screenPos) {
                QMenu menu(m_view);
                QAction* copy = menu.addAction(tr("&Copy Revision Id"));
                copy->setEnabled(!id.isEmpty());
                // The revision actions (open script, upgrade / downgrade / stamp to here) act
                // on the current revision: the right-clicked node is made current first.
                if (!id.isEmpty() && !m_contextActions.isEmpty()) {
                    m_view->selectRevision(id);
                    menu.addSeparator();
                    for (QAction* action : std::as_const(m_contextActions)) {
                        if (action)
                            menu.addAction(action);
                        else
                            menu.addSeparator();
                    }
                    menu.addSeparator();
                }
                menu.addAction(m_view->fitAction());
                menu.addAction(m_view->fitAllAction());
                QAction* chosen = menu.exec(screenPos);
                if (chosen == copy)
                    QApplication::clipboard()->setText(id);
            });

    connect(m_databases, &DatabaseSession::stateChanged, this, &GraphController::updateDatabaseStates);
    connect(m_databases, &DatabaseSession::profilesChanged, this,
            &GraphController::updateDatabaseStates);
    connect(m_databases, &DatabaseSession::selectionChanged, this,
            &GraphController::updateDatabaseStates);
}

GraphController::~GraphController() = default;

void GraphController::setGraph(std::shared_ptr<const RevisionGraph> graph, bool newProject)
{
    m_requested = std::move(graph);
    if (newProject) {
        m_centerOnDatabase = true;
        m_view->requestInitialView(); // not the viewport of the project shown before
    }
    if (!m_requested) {
        m_pending = 0;
        m_layouter->cancel();
        m_shown.reset();
        m_shownLayout = GraphLayout();
        m_view->clearGraph();
        return;
    }
    // A reload of the same project keeps the picture's left-to-right order where it can.
    LayoutOptions options = m_options;
    if (!newProject && m_shown)
        options.previousX = GraphvizLayouter::xPositions(m_shownLayout);
    m_pending = m_layouter->requestLayout(m_requested, options);
    emit layoutStarted();
}

void GraphController::setLayoutOptions(const LayoutOptions& options)
{
    const bool changed = options.newestOnTop != m_options.newestOnTop
                         || options.rankSeparation != m_options.rankSeparation
                         || options.nodeSeparation != m_options.nodeSeparation
                         || options.mode != m_options.mode;
    m_options = options;
    m_options.previousX.clear();
    if (changed && m_requested)
        setGraph(m_requested); // the same graph, laid out anew
}

void GraphController::setProject(const ProjectSnapshot& project)
{
    const bool newProject = m_projectId.isEmpty() || project.id != m_projectId;
    m_projectId = project.id;
    setGraph(project.graph, newProject);
}

GraphScene::ProfileStates GraphController::statesFor(
    const std::shared_ptr<const RevisionGraph>& graph) const
{
    GraphScene::ProfileStates states;
    if (m_databases->graph() != graph)
        return states; // derived against another graph: none fits this one yet
    for (const ConnectionProfile& p : m_databases->profiles()) {
        if (m_databases->hasState(p.name()))
            states.append({p.name(), m_databases->state(p.name())});
    }
    return states;
}

void GraphController::updateDatabaseStates()
{
    const QString selected = m_databases->selectedProfile();
    // The session derives its states against the newest project's graph at once; the picture
    // draws that graph only once its layout arrives. Meanwhile the picture keeps the states
    // of the graph it draws (only the selected profile may change); the layout brings the
    // new ones. With no graph drawn, the states only name where the databases stand.
    if (!m_shown || m_databases->graph() == m_shown)
        m_viewStates = statesFor(m_databases->graph());
    m_view->setDatabaseStates(m_viewStates, selected);
    // The revision list's State column shows the same database.
    if (m_databases->hasState(selected))
        m_list->setDatabaseState(selected, m_databases->state(selected));
    else
        m_list->clearDatabaseState();
    // A new project opens on where its database stands, once that is known and drawn.
    if (m_centerOnDatabase && m_pending == 0 && m_databases->hasState(selected)) {
        const QStringList current = m_databases->state(selected).sortedCurrentRevisions();
        if (!current.isEmpty() && m_view->hasRevision(current.first())
            && m_view->currentRevision().isEmpty()) {
            m_view->setCurrentRevision(current.first());
            m_view->showInitialView(); // centred on it, readable
        }
        m_centerOnDatabase = false;
    }
}

} // namespace retort
