// OverlayPlacer: places the ghost nodes and the database markers (with their leader lines)
// clear of the graph.
#include "widgets/graph/overlayplacer.h"

#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/graphstyle.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QPair>
#include <QPen>

#include <algorithm>

namespace retort {

namespace {

constexpr qreal kGhostGap = 30.0; // as the scene's gap under a stale layout
constexpr qreal kSide = 9.0; // clear of the selection halo
constexpr qreal kTab = 1.5;
constexpr qreal kStack = 2.0;

enum class Side { Right, Left, Above, Below };

} // namespace

void OverlayPlacer::placeGhosts(const QList<RevisionNodeItem*>& ghosts,
                                const QList<RevisionNodeItem*>& heads,
                                const QList<RevisionNodeItem*>& bases, const QRectF& layoutRect,
                                qreal nodeHeight)
{
    if (ghosts.isEmpty())
        return;
    // Near the heads, one rank further out than the newest of them.
    qreal headMin = 0, headMax = 0, baseMin = 0;
    qreal left = layoutRect.isNull() ? 0 : layoutRect.left();
    bool haveHead = false, haveBase = false;
    for (RevisionNodeItem* item : heads) {
        const qreal y = item->pos().y();
        headMin = haveHead ? std::min(headMin, y) : y;
        headMax = haveHead ? std::max(headMax, y) : y;
        if (!haveHead)
            left = item->pos().x() - item->nodeRect().width() / 2;
        haveHead = true;
    }
    for (RevisionNodeItem* item : bases) {
        baseMin = haveBase ? std::min(baseMin, item->pos().y()) : item->pos().y();
        haveBase = true;
    }
    const bool newerUp = !haveHead || !haveBase || headMin <= baseMin;
    const qreal height = nodeHeight > 0 ? nodeHeight : 40;
    qreal y = 0;
    if (haveHead)
        y = newerUp ? headMin - height - 2 * kGhostGap : headMax + height + 2 * kGhostGap;
    else if (!layoutRect.isNull())
        y = layoutRect.top() - height / 2 - 2 * kGhostGap;

    qreal x = left;
    for (RevisionNodeItem* item : ghosts) {
        if (QGraphicsScene* scene = item->scene()) // where it was drawn
            scene->update(item->sceneBoundingRect());
        const qreal w = item->nodeRect().width();
        item->setPos(x + w / 2, y);
        x += w + kGhostGap + 60; // room for the database markers
    }
}

OverlayPlacer::OverlayPlacer(const QList<RevisionNodeItem*>& nodes, const GraphStyle& style)
    : m_style(style)
{
    m_obstacles.reserve(nodes.size());
    for (RevisionNodeItem* item : nodes)
        m_obstacles.append(item->mapRectToScene(item->occupiedRect()));
}

QList<QGraphicsPathItem*> OverlayPlacer::place(const QList<DatabaseMarkerItem*>& markers,
                                              const NodeOf& nodeOf)
{
    // The markers of each node, in order.
    QList<QPair<RevisionNodeItem*, QList<DatabaseMarkerItem*>>> groups;
    for (DatabaseMarkerItem* marker : markers) {
        RevisionNodeItem* node = nodeOf(marker->revision());
        if (groups.isEmpty() || groups.last().first != node)
            groups.append(qMakePair(node, QList<DatabaseMarkerItem*>()));
        groups.last().second.append(marker);
    }
    // Top to bottom, left to right: placement does not depend on hash order.
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        const QPointF pa = a.first->pos(), pb = b.first->pos();
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });

    QList<QGraphicsPathItem*> leaders;
    m_obstacles.reserve(m_obstacles.size() + groups.size());
    for (const auto& [node, group] : std::as_const(groups))
        leaders.append(placeGroup(node, group));
    return leaders;
}

QList<QRectF> OverlayPlacer::blockers(const QRectF& labels) const
{
    const QRectF r = labels.adjusted(-1, -1, 1, 1); // the markers' bounding rects
    QList<QRectF> hits;
    for (const QRectF& o : std::as_const(m_obstacles)) {
        if (o.intersects(r))
            hits.append(o);
    }
    return hits;
}

QGraphicsPathItem* OverlayPlacer::placeGroup(const RevisionNodeItem* node,
                                            const QList<DatabaseMarkerItem*>& markers)
{
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
    m_obstacles.append(group.adjusted(-kStack, -kStack, kStack, kStack));

    const bool vertical = side == Side::Right || side == Side::Left;
    QPointF at = group.topLeft();
    for (DatabaseMarkerItem* m : markers) {
        const QRectF label = m->labelRect();
        const qreal x = side == Side::Left ? group.right() - label.width() : at.x();
        if (QGraphicsScene* scene = m->scene()) // where it was drawn
            scene->update(m->sceneBoundingRect());
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
    return leader;
}

} // namespace retort
