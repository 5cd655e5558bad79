#include "widgets/graph/graphscene.h"

#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/edgeitem.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QFontDatabase>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace retort {

namespace {

constexpr qreal kSceneMargin = 40.0;
constexpr qreal kGhostGap = 30.0;

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Moves `color` towards `text` until it stands out from `base` (palettes with a dark Base
// often keep a dark Link colour).
QColor withContrast(const QColor& color, const QColor& base, const QColor& text)
{
    QColor c = color;
    for (int i = 0; i < 5 && std::abs(c.lightnessF() - base.lightnessF()) < 0.3; ++i)
        c = mix(c, text, 0.3);
    return c;
}

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, int(font.pixelSize() * factor)));
    return font;
}

QStringList sortedKeys(const QHash<QString, RevisionNodeItem*>& hash)
{
    QStringList keys = hash.keys();
    keys.sort();
    return keys;
}

} // namespace

GraphStyle GraphStyle::fromPalette(const QPalette& palette, const QFont& font)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor window = palette.color(QPalette::Window);
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor highlightedText = palette.color(QPalette::HighlightedText);
    const QColor link = palette.color(QPalette::Link);
    const bool dark = base.lightnessF() < 0.5;

    GraphStyle s;
    s.font = font;
    s.idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        s.idFont.setPointSizeF(font.pointSizeF());
    else if (font.pixelSize() > 0)
        s.idFont.setPixelSize(font.pixelSize());
    s.idFont.setBold(true);
    s.smallFont = scaled(font, 0.85);

    s.nodeFill = base;
    s.nodeText = text;
    s.nodeBorder = mix(base, text, 0.55);
    s.appliedFill = mix(base, highlight, 0.18);
    s.appliedBorder = mix(base, highlight, 0.75);
    s.pendingFill = mix(base, window, 0.6);
    s.pendingText = mix(base, text, 0.55);
    s.pendingBorder = mix(base, text, 0.4);
    // "You are here" is green, never the selection's colour: a database's position must not
    // look like the node someone clicked.
    QColor here = dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x8b, 0x3e);
    const int highlightHue = highlight.hslHue();
    if (highlightHue >= 70 && highlightHue <= 170) // a green highlight: "here" turns amber
        here = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc7, 0x6a, 0x00);
    s.currentFill = mix(base, here, dark ? 0.35 : 0.25);
    s.currentText = text;
    s.currentBorder = here;
    s.currentGlyphText = dark ? QColor(0x10, 0x20, 0x10) : QColor(Qt::white);
    s.errorFill = dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    s.errorText = QColor(Qt::white);
    s.ghostFill = mix(base, s.errorFill, 0.08);
    s.ghostText = mix(base, text, 0.7);
    s.ghostBorder = s.errorFill;
    s.selection = dark ? highlight.lighter(130) : highlight.darker(115);
    s.selectionHalo = s.selection;
    s.selectionHalo.setAlphaF(0.55f);
    s.edge = mix(base, text, 0.5);
    s.edgeEmphasized = highlight;
    s.dependencyEdge = withContrast(mix(base, link, 0.8), base, text);
    s.labelFill = mix(base, link, 0.15);
    s.labelText = text;
    s.labelBorder = withContrast(mix(base, link, 0.7), base, text);
    s.glyphFill = mix(base, text, 0.65);
    s.glyphText = base;
    s.markerFill = mix(base, text, 0.7);
    s.markerText = base;
    s.selectedMarkerFill = highlight;
    s.selectedMarkerText = highlightedText;
    // A highlighter's yellow, toned to the palette: not the selection's highlight colour.
    s.searchMatch = dark ? QColor(0xb2, 0x8b, 0x00) : QColor(0xff, 0xd5, 0x4f);
    return s;
}

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent)
{
    // The layout does not move after it is placed: the BSP index pays off for big graphs.
    setItemIndexMethod(BspTreeIndex);
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
            const QStringList labels = m_graph->branchLabels(r.id);
            QStringList shown =
                markers.testFlag(RevisionNodeItem::HeadMarker) ? labels : r.branchLabels;
            const bool hasErrors =
                (!r.path.isEmpty() && errorPaths.contains(r.path)) || errorRevisions.contains(r.id);
            item->setContent(r.message, markers, labels, shown, hasErrors);

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

    applyStates();
    applyRunMarks();
    applySearchMatches();
    updateEdgeEmphasis();
    emit graphChanged(sameRevisions);
}

void GraphScene::clearGraph()
{
    setGraph(nullptr, GraphLayout());
}

void GraphScene::setRunMarks(const QStringList& planned, const QString& running,
                             const QString& failed, const QString& failure)
{
    m_runPlanned = planned;
    m_runRunning = running;
    m_runFailed = failed;
    m_runFailure = failure;
    applyRunMarks();
}

void GraphScene::clearRunMarks()
{
    setRunMarks({}, {}, {}, {});
}

void GraphScene::applyRunMarks()
{
    const QSet<QString> planned(m_runPlanned.cbegin(), m_runPlanned.cend());
    for (RevisionNodeItem* item : std::as_const(m_nodes)) {
        const QString& id = item->id();
        if (id == m_runFailed)
            item->setRunMark(RevisionNodeItem::RunMark::Failed, m_runFailure);
        else if (id == m_runRunning)
            item->setRunMark(RevisionNodeItem::RunMark::Running);
        else if (planned.contains(id))
            item->setRunMark(RevisionNodeItem::RunMark::Planned);
        else
            item->setRunMark(RevisionNodeItem::RunMark::None);
    }
}

void GraphScene::setSearchMatches(const QStringList& ids)
{
    m_searchMatches = ids;
    applySearchMatches();
}

void GraphScene::applySearchMatches()
{
    const QSet<QString> matches(m_searchMatches.cbegin(), m_searchMatches.cend());
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        item->setSearchMatch(matches.contains(item->id()));
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        item->setSearchMatch(matches.contains(item->id()));
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
    for (const auto& [name, rawState] : std::as_const(m_states)) {
        if (!rawState.isReadable())
            continue;
        const DatabaseState state = m_graph ? DatabaseState::derive(*m_graph, rawState) : rawState;
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

// Markers go next to their node: beside it (right, then left) when there is room, else as a
// tab on its top or bottom edge (in the gap between ranks), else as near as possible along
// the node's row, joined to it by a leader line. They never cover a node's box, its branch
// label badges or its error mark, nor another marker. A node's markers stay together: one
// under the other beside the node, side by side on a tab.
void GraphScene::placeMarkers()
{
    for (QGraphicsPathItem* leader : std::as_const(m_leaders))
        discard(leader);
    m_leaders.clear();
    if (m_markers.isEmpty())
        return;
    constexpr qreal kSide = 9.0; // clear of the selection halo
    constexpr qreal kTab = 1.5;
    constexpr qreal kStack = 2.0;

    QList<QRectF> obstacles;
    obstacles.reserve(m_nodes.size() + m_ghosts.size() + m_markers.size());
    for (RevisionNodeItem* item : std::as_const(m_nodes))
        obstacles.append(item->mapRectToScene(item->occupiedRect()));
    for (RevisionNodeItem* item : std::as_const(m_ghosts))
        obstacles.append(item->mapRectToScene(item->occupiedRect()));

    // The markers of each node, in order.
    QList<QPair<RevisionNodeItem*, QList<DatabaseMarkerItem*>>> groups;
    for (DatabaseMarkerItem* marker : std::as_const(m_markers)) {
        RevisionNodeItem* node = nodeItem(marker->revision());
        if (groups.isEmpty() || groups.last().first != node)
            groups.append(qMakePair(node, QList<DatabaseMarkerItem*>()));
        groups.last().second.append(marker);
    }
    // Top to bottom, left to right: placement does not depend on hash order.
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        const QPointF pa = a.first->pos(), pb = b.first->pos();
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });

    auto blockers = [&obstacles](const QRectF& labels) {
        const QRectF r = labels.adjusted(-1, -1, 1, 1); // the markers' bounding rects
        QList<QRectF> hits;
        for (const QRectF& o : std::as_const(obstacles)) {
            if (o.intersects(r))
                hits.append(o);
        }
        return hits;
    };

    enum class Side { Right, Left, Above, Below };
    for (const auto& [node, markers] : std::as_const(groups)) {
        QSizeF column, row; // the group one under the other, or side by side
        for (DatabaseMarkerItem* m : markers) {
            const QSizeF size = m->labelRect().size();
            column = QSizeF(std::max(column.width(), size.width()),
                            column.height() + size.height() + (column.isEmpty() ? 0 : kStack));
            row = QSizeF(row.width() + size.width() + (row.isEmpty() ? 0 : kStack),
                         std::max(row.height(), size.height()));
        }
        const QRectF box = node->mapRectToScene(node->nodeRect());
        const qreal middle = box.center().y() - column.height() / 2;
        const QList<QPair<Side, QRectF>> candidates{
            {Side::Right, QRectF(QPointF(box.right() + kSide, middle), column)},
            {Side::Left, QRectF(QPointF(box.left() - kSide - column.width(), middle), column)},
            {Side::Above, QRectF(QPointF(box.right() - row.width(), box.top() - kTab - row.height()), row)},
            {Side::Below, QRectF(QPointF(box.right() - row.width(), box.bottom() + kTab), row)},
        };
        Side side = Side::Right;
        QRectF group;
        for (const auto& [candidate, rect] : candidates) {
            if (blockers(rect).isEmpty()) {
                side = candidate;
                group = rect;
                break;
            }
        }
        if (group.isNull()) {
            // Slide right from the right-hand side, and left from the left-hand side, until
            // free; the nearer wins.
            QRectF right = candidates.at(0).second;
            for (QList<QRectF> hits = blockers(right); !hits.isEmpty(); hits = blockers(right)) {
                qreal x = right.left();
                for (const QRectF& h : std::as_const(hits))
                    x = std::max(x, h.right() + kSide);
                right.moveLeft(x);
            }
            QRectF left = candidates.at(1).second;
            for (QList<QRectF> hits = blockers(left); !hits.isEmpty(); hits = blockers(left)) {
                qreal x = left.right();
                for (const QRectF& h : std::as_const(hits))
                    x = std::min(x, h.left() - kSide);
                left.moveRight(x);
            }
            const bool onRight = right.left() - box.right() <= box.left() - left.right() + 0.5;
            side = onRight ? Side::Right : Side::Left;
            group = onRight ? right : left;
        }
        obstacles.append(group.adjusted(-kStack, -kStack, kStack, kStack));

        const bool vertical = side == Side::Right || side == Side::Left;
        QPointF at = group.topLeft();
        for (DatabaseMarkerItem* m : markers) {
            const QRectF label = m->labelRect();
            const qreal x = side == Side::Left ? group.right() - label.width() : at.x();
            invalidateItem(m);
            m->setPos(QPointF(x, at.y()) - label.topLeft());
            if (vertical)
                at.ry() += label.height() + kStack;
            else
                at.rx() += label.width() + kStack;
        }

        // A leader from the box to the first marker: short when the group sits by the node,
        // drawn under the nodes when it had to go further.
        const QRectF first = markers.first()->mapRectToScene(markers.first()->labelRect());
        QPointF from, to;
        switch (side) {
        case Side::Right:
            from = QPointF(box.right(), box.center().y());
            to = QPointF(first.left(), first.center().y());
            break;
        case Side::Left:
            from = QPointF(box.left(), box.center().y());
            to = QPointF(first.right(), first.center().y());
            break;
        case Side::Above:
            from = QPointF(first.center().x(), box.top());
            to = QPointF(first.center().x(), first.bottom());
            break;
        case Side::Below:
            from = QPointF(first.center().x(), box.bottom());
            to = QPointF(first.center().x(), first.top());
            break;
        }
        QPainterPath path(from);
        path.lineTo(to);
        auto* leader = new QGraphicsPathItem(path);
        QPen pen(markers.first()->isSelectedProfile() ? m_style.selectedMarkerFill
                                                      : m_style.markerFill,
                 1.5);
        pen.setCosmetic(true);
        leader->setPen(pen);
        leader->setZValue(0.5); // above edges, under nodes
        leader->setAcceptedMouseButtons(Qt::NoButton);
        leader->setData(0, node->id());
        m_leaders.append(leader);
        addItem(leader);
    }
}

void GraphScene::placeGhosts()
{
    if (m_ghosts.isEmpty())
        return;
    // Near the heads, one rank further out than the newest of them.
    qreal headMin = 0, headMax = 0, baseMin = 0;
    qreal left = m_layoutRect.isNull() ? 0 : m_layoutRect.left();
    bool haveHead = false, haveBase = false;
    if (m_graph) {
        for (const QString& id : m_graph->heads()) {
            if (RevisionNodeItem* item = m_nodes.value(id)) {
                const qreal y = item->pos().y();
                headMin = haveHead ? std::min(headMin, y) : y;
                headMax = haveHead ? std::max(headMax, y) : y;
                if (!haveHead)
                    left = item->pos().x() - item->nodeRect().width() / 2;
                haveHead = true;
            }
        }
        for (const QString& id : m_graph->bases()) {
            if (RevisionNodeItem* item = m_nodes.value(id)) {
                baseMin = haveBase ? std::min(baseMin, item->pos().y()) : item->pos().y();
                haveBase = true;
            }
        }
    }
    const bool newerUp = !haveHead || !haveBase || headMin <= baseMin;
    const qreal height = m_typicalNodeSize.height() > 0 ? m_typicalNodeSize.height() : 40;
    qreal y = 0;
    if (haveHead)
        y = newerUp ? headMin - height - 2 * kGhostGap : headMax + height + 2 * kGhostGap;
    else if (!m_layoutRect.isNull())
        y = m_layoutRect.top() - height / 2 - 2 * kGhostGap;

    qreal x = left;
    for (const QString& id : sortedKeys(m_ghosts)) {
        RevisionNodeItem* item = m_ghosts.value(id);
        invalidateItem(item);
        const qreal w = item->nodeRect().width();
        item->setPos(x + w / 2, y);
        x += w + kGhostGap + 60; // room for the database markers
    }
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
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return {};
    QStringList exact, prefix, declaredLabel, label, message;
    auto matchesLabel = [&needle](const QStringList& labels) {
        return std::any_of(labels.cbegin(), labels.cend(), [&needle](const QString& l) {
            return l.contains(needle, Qt::CaseInsensitive);
        });
    };
    QStringList order = m_graph ? m_graph->topologicalOrderNewestFirst() : QStringList();
    order += sortedKeys(m_ghosts);
    for (const QString& id : std::as_const(order)) {
        if (id.compare(needle, Qt::CaseInsensitive) == 0) {
            exact << id;
            continue;
        }
        if (id.startsWith(needle, Qt::CaseInsensitive)) {
            prefix << id;
            continue;
        }
        if (!m_graph || !m_graph->contains(id))
            continue;
        const Revision* r = m_graph->revision(id);
        if (matchesLabel(r ? r->branchLabels : QStringList())) {
            declaredLabel << id; // the revision that declares the label comes first
            continue;
        }
        if (matchesLabel(m_graph->branchLabels(id))) {
            label << id;
            continue;
        }
        if (r && r->message.contains(needle, Qt::CaseInsensitive))
            message << id;
    }
    return exact + prefix + declaredLabel + label + message;
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
