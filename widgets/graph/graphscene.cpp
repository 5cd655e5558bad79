#include "widgets/graph/graphscene.h"

#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/edgeitem.h"
#include "widgets/graph/graphsearch.h"
#include "widgets/graph/nodeexplainer.h"
#include "widgets/graph/overlayplacer.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QFileInfo>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QSet>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace retort {

namespace {

constexpr qreal kSceneMargin = 40.0;
constexpr qreal kGhostGap = 30.0;

QStringList sortedKeys(const QHash<QString, RevisionNodeItem*>& hash)
{
    QStringList keys = hash.keys();
    keys.sort();
    return keys;
}

} // namespace

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent)
{
    // The layout does not move after it is placed: the BSP index pays off for big graphs.
    // Its depth is capped: Qt picks about log2(items), and every long edge is listed in each
    // leaf its bounds cross, which cost 33 MB at 10,000 revisions (depth 14) for no faster
    // frame than depth 10 (scripts/bench-interaction, scripts/bench-start).
    setItemIndexMethod(BspTreeIndex);
    setBspTreeDepth(10);
    m_style = GraphStyle::fromPalette(palette(), font());
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

GraphScene::~GraphScene()
{
    // Items go with the scene; do not react to the selection vanishing.
    disconnect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

void GraphScene::setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout)
{
    emit graphAboutToChange();

    bool sameRevisions = graph && !m_nodes.isEmpty() && graph->size() == m_nodes.size();
    if (sameRevisions) {
        for (const Revision& r : graph->revisions()) {
            if (!m_nodes.contains(r.id)) {
                sameRevisions = false;
                break;
            }
        }
    }
    m_graph = std::move(graph);
    m_searchIndex.reset();

    // Edges are rebuilt; nodes are kept by id so that the selection survives.
    for (EdgeItem* edge : std::as_const(m_edges)) {
        discard(edge);
    }
    m_edges.clear();
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!m_graph || !m_graph->contains(it.key())) {
            RevisionNodeItem* item = it.value();
            it = m_nodes.erase(it);
            discard(item);
        } else {
            ++it;
        }
    }

    QHash<QString, const NodeLayout*> placed;
    placed.reserve(layout.nodes.size());
    for (const NodeLayout& n : layout.nodes)
        placed.insert(n.id, &n);

    m_layoutRect = layout.boundingBox;
    QList<qreal> heights;
    QList<qreal> widths;
    if (m_graph) {
        QSet<QString> errorPaths;
        QSet<QString> errorRevisions;
        for (const Diagnostic& d : m_graph->diagnostics()) {
            if (!d.isError())
                continue;
            if (!d.path.isEmpty())
                errorPaths.insert(d.path);
            if (!d.revision.isEmpty())
                errorRevisions.insert(d.revision);
        }

        // One explainer for every box, asked when a tooltip is; it keeps the graph alive.
        struct Explaining
        {
            explicit Explaining(std::shared_ptr<const RevisionGraph> g)
                : graph(std::move(g)), explainer(*graph)
            {
            }
            std::shared_ptr<const RevisionGraph> graph;
            NodeExplainer explainer;
        };
        const auto explaining = std::make_shared<const Explaining>(m_graph);
        const std::shared_ptr<const NodeExplainer> explainer(explaining, &explaining->explainer);
        QList<RevisionNodeItem*> unplaced;
        for (const Revision& r : m_graph->revisions()) {
            RevisionNodeItem* item = m_nodes.value(r.id);
            if (!item) {
                item = new RevisionNodeItem(r.id, &m_style);
                m_nodes.insert(r.id, item);
                addItem(item);
            } else {
                invalidateItem(item); // where it was drawn (see invalidateItem)
            }
            RevisionNodeItem::Markers markers;
            if (m_graph->isHead(r.id))
                markers |= RevisionNodeItem::HeadMarker;
            if (m_graph->isBase(r.id))
                markers |= RevisionNodeItem::BaseMarker;
            if (m_graph->isBranchPoint(r.id))
                markers |= RevisionNodeItem::BranchPointMarker;
            if (m_graph->isMergePoint(r.id))
                markers |= RevisionNodeItem::MergePointMarker;
            // Only the labels declared here are badges: a head inheriting dozens of labels
            // would otherwise carry a row of them over the graph (Details lists them all).
            const bool hasErrors =
                (!r.path.isEmpty() && errorPaths.contains(r.path)) || errorRevisions.contains(r.id);
            item->setContent(r.message, markers, m_graph->branchLabels(r.id), r.branchLabels,
                             hasErrors);
            item->setExplainer(explainer);

            if (const NodeLayout* n = placed.value(r.id)) {
                item->setNodeSize(n->size);
                item->setPos(n->center);
                heights.append(item->nodeRect().height());
                widths.append(item->nodeRect().width());
                if (layout.boundingBox.isNull())
                    m_layoutRect |= QRectF(
                        n->center - QPointF(n->size.width() / 2, n->size.height() / 2), n->size);
            } else {
                unplaced.append(item);
            }
        }
        // Revisions the layout does not know yet (a stale layout): a row under the picture.
        qreal x = m_layoutRect.left();
        for (RevisionNodeItem* item : std::as_const(unplaced)) {
            invalidateItem(item);
            const QRectF r = item->nodeRect();
            item->setPos(x + r.width() / 2, m_layoutRect.bottom() + kGhostGap + r.height() / 2);
            x += r.width() + kGhostGap;
        }

        for (const EdgeLayout& e : layout.edges) {
            auto* edge = new EdgeItem(e, &m_style);
            m_edges.append(edge);
            addItem(edge);
        }
    }
    if (!heights.isEmpty()) {
        std::sort(heights.begin(), heights.end());
        std::sort(widths.begin(), widths.end());
        m_typicalNodeSize = QSizeF(widths.at(widths.size() / 2), heights.at(heights.size() / 2));
    }

    applyRevisionWarnings(); // before the markers are placed: the glyph takes room
    applyStates();
    applyRunMarks();
    applyCompareMarks();
    applySearchMatches();
    updateEdgeEmphasis();
    emit graphChanged(sameRevisions);
}

void GraphScene::setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout,
                          const ProfileStates& states, const QString& selectedProfile)
{
    m_states = states;
    m_selectedProfile = selectedProfile;
    setGraph(std::move(graph), layout);
}

void GraphScene::clearGraph()
{
    setGraph(nullptr, GraphLayout());
}

void GraphScene::setDatabaseStates(const ProfileStates& states, const QString& selectedProfile)
{
    m_states = states;
    m_selectedProfile = selectedProfile;
    applyStates();
}

void GraphScene::applyStates()
{
    QHash<QString, QStringList> markers;
    QStringList ghostIds;
    DatabaseState selected;
    bool haveSelected = false;
    for (const auto& [name, state] : std::as_const(m_states)) {
        if (!state.isReadable())
            continue;
        for (const QString& row : state.currentRevisions()) {
            QStringList& here = markers[row];
            if (!here.contains(name))
                here.append(name);
            // Without a graph (before the first layout) no row is known to lack a script.
            if (m_graph && !m_graph->contains(row) && !ghostIds.contains(row))
                ghostIds.append(row);
        }
        if (name == m_selectedProfile) {
            selected = state;
            haveSelected = true;
        }
    }

    // Ghost nodes: version-table rows with no script.
    for (auto it = m_ghosts.begin(); it != m_ghosts.end();) {
        if (!ghostIds.contains(it.key())) {
            RevisionNodeItem* item = it.value();
            it = m_ghosts.erase(it);
            discard(item);
        } else {
            ++it;
        }
    }
    for (const QString& id : std::as_const(ghostIds)) {
        if (m_ghosts.contains(id))
            continue;
        auto* item = new RevisionNodeItem(id, &m_style);
        item->setGhost(true);
        item->setSearchMatch(m_searchMatches.contains(id));
        if (!m_typicalNodeSize.isEmpty())
            item->setNodeSize(m_typicalNodeSize);
        m_ghosts.insert(id, item);
        addItem(item);
    }

    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const QString& id = it.key();
        RevisionNodeItem::State state = RevisionNodeItem::State::Unknown;
        bool current = false;
        if (haveSelected) {
            current = selected.isCurrent(id);
            state = current                  ? RevisionNodeItem::State::Current
                    : selected.isApplied(id) ? RevisionNodeItem::State::Applied
                                             : RevisionNodeItem::State::Pending;
        }
        it.value()->setState(state, current);
        it.value()->setProfileMarkers(markers.value(id), m_selectedProfile);
    }
    for (auto it = m_ghosts.cbegin(); it != m_ghosts.cend(); ++it) {
        it.value()->setState(RevisionNodeItem::State::Ghost,
                             haveSelected && selected.isCurrent(it.key()));
        it.value()->setProfileMarkers(markers.value(it.key()), m_selectedProfile);
    }

    placeGhosts();
    rebuildMarkers(markers);
    placeMarkers();
    updateGraphRect();
    updateCaption(haveSelected ? &selected : nullptr);
}

void GraphScene::updateCaption(const DatabaseState* selected)
{
    QString caption;
    const QString& name = m_selectedProfile;
    if (name.isEmpty()) {
        caption.clear();
    } else if (!selected) {
        bool unreadable = false;
        QString error;
        for (const auto& [profile, state] : std::as_const(m_states)) {
            if (profile == name && !state.isReadable()) {
                unreadable = true;
                error = state.error();
            }
        }
        caption = unreadable ? tr("Showing: %1 — cannot read: %2").arg(name, error)
                             : tr("Showing: %1 — not read yet").arg(name);
    } else if (selected->isFileMissing()) {
        // a vanished SQLite file is not an empty database: say it is missing
        caption = tr("Showing: %1 — the file %2 is missing (alembic would create it)")
                      .arg(name, QFileInfo(selected->missingFile()).fileName());
    } else if (selected->isAtBase()) {
        caption = selected->isTableMissing()
                      ? tr("Showing: %1 — at base (no version table)").arg(name)
                      : tr("Showing: %1 — at base (empty version table)").arg(name);
    } else {
        QStringList rows;
        for (const QString& row : selected->sortedCurrentRevisions()) {
            const QString shortId = row.left(12);
            rows << ((m_graph && !m_graph->contains(row)) ? tr("%1 (no script)").arg(shortId)
                                                          : shortId);
        }
        caption = tr("Showing: %1 — at %2").arg(name, rows.join(QStringLiteral(", ")));
    }
    if (caption == m_caption)
        return;
    m_caption = caption;
    emit captionChanged(caption);
}

void GraphScene::rebuildMarkers(const QHash<QString, QStringList>& markers)
{
    for (DatabaseMarkerItem* marker : std::as_const(m_markers)) {
        discard(marker);
    }
    m_markers.clear();
    QStringList revisions = markers.keys();
    revisions.sort();
    for (const QString& revision : std::as_const(revisions)) {
        if (!nodeItem(revision))
            continue; // no node to stand by (no graph yet)
        for (const QString& profile : markers.value(revision)) {
            auto* marker = new DatabaseMarkerItem(profile, revision, &m_style);
            marker->setSelectedProfile(profile == m_selectedProfile);
            m_markers.append(marker);
            addItem(marker);
        }
    }
}

void GraphScene::placeMarkers()
{
    for (QGraphicsPathItem* leader : std::as_const(m_leaders))
        discard(leader);
    m_leaders.clear();
    if (m_markers.isEmpty())
        return;
    OverlayPlacer placer(m_nodes.values() + m_ghosts.values(), m_style);
    m_leaders = placer.place(m_markers, [this](const QString& id) { return nodeItem(id); });
    for (QGraphicsPathItem* leader : std::as_const(m_leaders))
        addItem(leader);
}

void GraphScene::placeGhosts()
{
    QList<RevisionNodeItem*> heads, bases;
    if (m_graph) {
        for (const QString& id : m_graph->heads())
            if (RevisionNodeItem* item = m_nodes.value(id))
                heads.append(item);
        for (const QString& id : m_graph->bases())
            if (RevisionNodeItem* item = m_nodes.value(id))
                bases.append(item);
    }
    OverlayPlacer::placeGhosts(ghostItems(), heads, bases, m_layoutRect,
                               m_typicalNodeSize.height());
}

void GraphScene::updateGraphRect()
{
    QRectF rect = m_layoutRect;
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        rect |= item->sceneBoundingRect();
    for (DatabaseMarkerItem* item : std::as_const(m_markers))
        rect |= item->sceneBoundingRect();
    if (rect.isNull()) {
        for (RevisionNodeItem* item : std::as_const(m_nodes))
            rect |= item->sceneBoundingRect();
    }
    m_graphRect = rect;
    setSceneRect(rect.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
}

QRectF GraphScene::contentRect(bool withDatabaseOverlay) const
{
    if (withDatabaseOverlay)
        return m_graphRect;
    QRectF rect = m_layoutRect;
    if (rect.isNull()) {
        for (RevisionNodeItem* item : std::as_const(m_nodes))
            rect |= item->sceneBoundingRect();
    }
    return rect;
}

void GraphScene::setDatabaseOverlayShown(bool shown)
{
    if (shown == m_style.showStates)
        return;
    m_style.showStates = shown;
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        item->setVisible(shown);
    for (DatabaseMarkerItem* item : std::as_const(m_markers))
        item->setVisible(shown);
    for (QGraphicsPathItem* item : std::as_const(m_leaders))
        item->setVisible(shown);
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        item->update();
}

// Qt repaints a removed (or moved) item where the view last painted it, in viewport pixels;
// a scroll since then copied those pixels elsewhere without painting the item again, so that
// spot is stale and the item's picture stays on screen until something repaints it all (a
// zoom). Updating the item's scene rect, which the views map with their current scroll,
// repaints where it really is.
void GraphScene::invalidateItem(QGraphicsItem* item)
{
    update(item->sceneBoundingRect());
}

void GraphScene::discard(QGraphicsItem* item)
{
    invalidateItem(item);
    removeItem(item);
    delete item;
}

RevisionNodeItem* GraphScene::nodeItem(const QString& id) const
{
    if (RevisionNodeItem* item = m_nodes.value(id))
        return item;
    return m_ghosts.value(id);
}

QList<RevisionNodeItem*> GraphScene::nodeItems() const
{
    QList<RevisionNodeItem*> out;
    out.reserve(m_nodes.size());
    for (const QString& id : sortedKeys(m_nodes))
        out.append(m_nodes.value(id));
    return out;
}

QList<RevisionNodeItem*> GraphScene::ghostItems() const
{
    QList<RevisionNodeItem*> out;
    for (const QString& id : sortedKeys(m_ghosts))
        out.append(m_ghosts.value(id));
    return out;
}

bool GraphScene::selectRevision(const QString& id)
{
    RevisionNodeItem* item = nodeItem(id);
    if (item && item->isSelected() && selectedItems().size() == 1)
        return true;
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        if (item)
            item->setSelected(true);
    }
    onSelectionChanged();
    return item != nullptr;
}

void GraphScene::activateCurrentRevision()
{
    if (!m_current.isEmpty())
        emit revisionActivated(m_current);
}

void GraphScene::onSelectionChanged()
{
    QString id;
    const QList<QGraphicsItem*> selected = selectedItems();
    for (QGraphicsItem* item : selected) {
        if (auto* node = qgraphicsitem_cast<RevisionNodeItem*>(item)) {
            id = node->id();
            break;
        }
    }
    if (id == m_current)
        return;
    m_current = id;
    updateEdgeEmphasis();
    emit currentRevisionChanged(id);
}

void GraphScene::updateEdgeEmphasis()
{
    for (EdgeItem* edge : std::as_const(m_edges))
        edge->setEmphasized(!m_current.isEmpty() &&
                            (edge->from() == m_current || edge->to() == m_current));
}

QStringList GraphScene::findRevisions(const QString& text) const
{
    if (!m_searchIndex)
        m_searchIndex.emplace(m_graph.get());
    return m_searchIndex->find(sortedKeys(m_ghosts), text);
}

bool GraphScene::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::FontChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::ApplicationFontChange: {
        const bool result = QGraphicsScene::event(event);
        updateStyle();
        return result;
    }
    default:
        return QGraphicsScene::event(event);
    }
}

void GraphScene::updateStyle()
{
    if (m_updatingStyle)
        return;
    m_updatingStyle = true;
    m_style = GraphStyle::fromPalette(palette(), font());
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        item->setStyle(&m_style);
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        item->setStyle(&m_style);
    for (EdgeItem* edge : std::as_const(m_edges))
        edge->setStyle(&m_style);
    for (DatabaseMarkerItem* marker : std::as_const(m_markers))
        marker->setStyle(&m_style);
    placeMarkers(); // the labels' sizes follow the font
    updateGraphRect();
    m_updatingStyle = false;
}

RevisionNodeItem* GraphScene::nodeAt(const QPointF& scenePos) const
{
    const QList<QGraphicsItem*> hits = items(scenePos);
    for (QGraphicsItem* item : hits) {
        if (auto* node = qgraphicsitem_cast<RevisionNodeItem*>(item))
            return node;
    }
    return nullptr;
}

void GraphScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    QString text;
    for (QGraphicsItem* item : items(event->scenePos(), Qt::IntersectsItemShape,
                                     Qt::DescendingOrder)) {
        const auto* node = dynamic_cast<const RevisionNodeItem*>(item);
        text = node ? node->toolTip() : item->toolTip();
        if (!text.isEmpty())
            break;
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mouseDoubleClickEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    if (RevisionNodeItem* node = nodeAt(event->scenePos())) {
        selectRevision(node->id());
        emit revisionActivated(node->id());
        event->accept();
    }
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    RevisionNodeItem* node = nodeAt(event->scenePos());
    if (!node) {
        event->ignore();
        return;
    }
    if (!node->isSelected())
        selectRevision(node->id());
    emit contextMenuRequested(node->id(), event->screenPos());
    event->accept();
}

} // namespace retort
