// Routing the edges dot did not draw (see edgerouting.h): vertical curves between units and
// the fast mode's depends_on lanes to the right of the boxes they pass.
#include "model/layout/edgerouting.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace retort::layout {

namespace {

// A cubic Bézier from `a` to `b` leaving and entering vertically.
QList<QPointF> verticalCurve(QPointF a, QPointF b)
{
    const qreal dy = (b.y() - a.y()) / 2;
    if (qFuzzyCompare(a.x(), b.x()))
        return {a, a + (b - a) / 3, a + (b - a) * 2 / 3, b};
    return {a, QPointF(a.x(), a.y() + dy), QPointF(b.x(), b.y() - dy), b};
}

// The boxes' vertical extents and right edges sorted by top, to find the rightmost box in a
// band of y quickly.
class RightEdges
{
public:
    explicit RightEdges(const QList<NodeLayout>& nodes)
    {
        m_boxes.reserve(size_t(nodes.size()));
        for (const NodeLayout& n : nodes)
            m_boxes.push_back({n.center.y() - n.size.height() / 2,
                               n.center.y() + n.size.height() / 2,
                               n.center.x() + n.size.width() / 2});
        std::sort(m_boxes.begin(), m_boxes.end(),
                  [](const Box& a, const Box& b) { return a.top < b.top; });
        for (const Box& b : m_boxes)
            m_tallest = std::max(m_tallest, b.bottom - b.top);
    }
    // The largest right edge of the boxes that overlap [y1, y2] vertically.
    qreal rightmost(qreal y1, qreal y2) const
    {
        auto it = std::lower_bound(m_boxes.cbegin(), m_boxes.cend(), y1 - m_tallest,
                                   [](const Box& b, qreal y) { return b.top < y; });
        qreal right = std::numeric_limits<qreal>::lowest();
        for (; it != m_boxes.cend() && it->top <= y2; ++it)
            if (it->bottom >= y1)
                right = std::max(right, it->right);
        return right;
    }

private:
    struct Box
    {
        qreal top;
        qreal bottom;
        qreal right;
    };
    std::vector<Box> m_boxes;
    qreal m_tallest = 0;
};

// A straight segment from `points.last()` to `to`, as a cubic Bézier.
void appendLine(QList<QPointF>& points, QPointF to)
{
    const QPointF from = points.last();
    points << from + (to - from) / 3 << from + (to - from) * 2 / 3 << to;
}

// A depends_on arc in fast mode. It leaves the newer box sideways into the gap right of its
// column (a collapsed run is a column of boxes, so leaving up or down would cross the run's
// other members), follows that gap to just past the rank band, turns right to a lane beyond
// every box between the two ranks, runs along it, and comes back to the older box the same
// way. Lanes are staggered so that parallel arcs stay apart. `newerColumnRight` /
// `olderColumnRight` are the right edges of the boxes' columns, the bands the ranks' y ranges.
QList<QPointF> dependencyRoute(const NodeLayout& newer, const NodeLayout& older, qreal sign,
                               const RightEdges& rightEdges, int lane, qreal newerColumnRight,
                               qreal olderColumnRight, const std::pair<qreal, qreal>* newerBand,
                               const std::pair<qreal, qreal>* olderBand)
{
    constexpr qreal kSide = 6;       // how far right of its column the arc turns
    constexpr qreal kGap = 5;        // how far past the rank band the arc turns
    constexpr qreal kClearance = 14; // between the lane and the rightmost box it passes
    // Usually the older box lies on the far side (`sign`), but a depends_on target need not be
    // an ancestor and may sit level with, or beyond, the revision that depends on it.
    if (older.center.y() != newer.center.y())
        sign = older.center.y() > newer.center.y() ? 1.0 : -1.0;
    const qreal newerTurn = (newerBand ? (sign > 0 ? newerBand->second : newerBand->first)
                                       : newer.center.y() + sign * newer.size.height() / 2) +
                            sign * kGap;
    const qreal olderTurn = (olderBand ? (sign > 0 ? olderBand->first : olderBand->second)
                                       : older.center.y() - sign * older.size.height() / 2) -
                            sign * kGap;
    const QPointF a(newer.center.x() + newer.size.width() / 2, newer.center.y());
    const QPointF b(older.center.x() + older.size.width() / 2, older.center.y());
    const qreal newerSide = std::max(newerColumnRight, a.x()) + kSide;
    const qreal olderSide = std::max(olderColumnRight, b.x()) + kSide;
    const qreal laneX = std::max({rightEdges.rightmost(std::min(newerTurn, olderTurn),
                                                       std::max(newerTurn, olderTurn)),
                                  newerSide, olderSide}) +
                        kClearance + 5 * (lane % 8);
    QList<QPointF> points{a};
    appendLine(points, QPointF(newerSide, a.y()));
    appendLine(points, QPointF(newerSide, newerTurn));
    appendLine(points, QPointF(laneX, newerTurn));
    appendLine(points, QPointF(laneX, olderTurn));
    appendLine(points, QPointF(olderSide, olderTurn));
    appendLine(points, QPointF(olderSide, b.y()));
    appendLine(points, b);
    return points;
}

} // namespace

void routeOwnEdges(GraphLayout& layout, const QList<OwnEdge>& edges, const QList<int>& unitOf,
                   const QList<std::pair<qreal, qreal>>& unitBands, bool newestOnTop)
{
    const qreal sign = newestOnTop ? 1.0 : -1.0;
    const RightEdges rightEdges(layout.nodes);
    // the right edge of each unit's column of boxes
    QList<qreal> unitRight(unitBands.size(), std::numeric_limits<qreal>::lowest());
    if (!unitBands.isEmpty()) {
        for (qsizetype i = 0; i < layout.nodes.size(); ++i) {
            const NodeLayout& n = layout.nodes.at(i);
            qreal& right = unitRight[unitOf.at(i)];
            right = std::max(right, n.center.x() + n.size.width() / 2);
        }
    }
    int dependencyLane = 0;
    for (const OwnEdge& oe : edges) {
        const NodeLayout& newer = layout.nodes.at(oe.newer);
        const NodeLayout& older = layout.nodes.at(oe.older);
        EdgeLayout edge;
        edge.from = older.id;
        edge.to = newer.id;
        edge.dependency = oe.dependency;
        if (oe.dependency) {
            const int newerUnit = unitBands.isEmpty() ? -1 : unitOf.at(oe.newer);
            const int olderUnit = unitBands.isEmpty() ? -1 : unitOf.at(oe.older);
            edge.points = dependencyRoute(newer, older, sign, rightEdges, dependencyLane++,
                                          newerUnit < 0 ? 0 : unitRight.at(newerUnit),
                                          olderUnit < 0 ? 0 : unitRight.at(olderUnit),
                                          newerUnit < 0 ? nullptr : &unitBands.at(newerUnit),
                                          olderUnit < 0 ? nullptr : &unitBands.at(olderUnit));
        } else {
            const QPointF a(newer.center.x(), newer.center.y() + sign * newer.size.height() / 2);
            const QPointF b(older.center.x(), older.center.y() - sign * older.size.height() / 2);
            // Through the virtual nodes dot reserved for the edge: between, not across, the
            // boxes of the ranks it spans.
            QList<QPointF> via = oe.via;
            if (!unitBands.isEmpty()) {
                const auto& newerBand = unitBands.at(unitOf.at(oe.newer));
                const auto& olderBand = unitBands.at(unitOf.at(oe.older));
                via << QPointF(a.x(), sign > 0 ? newerBand.second : newerBand.first)
                    << QPointF(b.x(), sign > 0 ? olderBand.first : olderBand.second);
            }
            QList<QPointF> stops;
            stops << a;
            for (const QPointF& v : std::as_const(via)) {
                if ((v.y() - a.y()) * sign > 0 && (b.y() - v.y()) * sign > 0)
                    stops << v;
            }
            std::sort(stops.begin() + 1, stops.end(),
                      [sign](QPointF p, QPointF q) { return p.y() * sign < q.y() * sign; });
            stops << b;
            edge.points << a;
            for (qsizetype k = 1; k < stops.size(); ++k)
                edge.points << verticalCurve(stops.at(k - 1), stops.at(k)).mid(1);
        }
        edge.hasArrow = true;
        edge.arrowTip = edge.points.last();
        layout.edges.append(edge);
    }
}

} // namespace retort::layout
