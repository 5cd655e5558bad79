#pragma once

// OverlayPlacer: where the database overlay goes on the graph picture, clear of the graph:
// ghost nodes (version-table rows with no script) beyond the newest revisions, and the
// database markers beside their nodes with the leader lines that join them.

#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

class QGraphicsPathItem;

namespace retort {

class DatabaseMarkerItem;
class RevisionNodeItem;
struct GraphStyle;

// Placement only: the scene owns the items and adds the leader lines.
//
// Markers go next to their node: beside it (right, then left) when there is room, else as a
// tab on its top or bottom edge (in the gap between ranks), else as near as possible along
// the node's row, joined to it by a leader line. They never cover a node's box, its branch
// label badges or its error mark, nor another marker. A node's markers stay together: one
// under the other beside the node, side by side on a tab.
class OverlayPlacer
{
public:
    using NodeOf = std::function<RevisionNodeItem*(const QString& revision)>;

    // Puts `ghosts` (in order) in a row near the heads, one rank further out than the newest
    // of them (`bases` tell which way is newer), or above `layoutRect` without heads.
    // `nodeHeight`: a typical node's height (0 when unknown).
    static void placeGhosts(const QList<RevisionNodeItem*>& ghosts,
                            const QList<RevisionNodeItem*>& heads,
                            const QList<RevisionNodeItem*>& bases, const QRectF& layoutRect,
                            qreal nodeHeight);

    // `nodes`: every node (ghost nodes too) the markers must stay clear of.
    OverlayPlacer(const QList<RevisionNodeItem*>& nodes, const GraphStyle& style);

    // Markers: moves `markers` (grouped by revision, in order; each stands by nodeOf(its revision))
    // to their places, and returns one leader line per node, for the caller's scene.
    QList<QGraphicsPathItem*> place(const QList<DatabaseMarkerItem*>& markers,
                                    const NodeOf& nodeOf);

private:
    // The obstacles `labels` would cover.
    QList<QRectF> blockers(const QRectF& labels) const;
    QGraphicsPathItem* placeGroup(const RevisionNodeItem* node,
                                  const QList<DatabaseMarkerItem*>& markers);

    const GraphStyle& m_style;
    QList<QRectF> m_obstacles; // grows by each group placed
};

} // namespace retort
