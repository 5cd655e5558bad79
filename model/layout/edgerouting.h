// The last stage of a layout: the edges dot did not draw. Inside collapsed runs they are
// straight, between units gentle vertical curves through dot's waypoints, and depends_on arcs
// in fast mode run in staggered lanes on the right-hand side, clear of the boxes.
#pragma once

#include "model/layout/graphlayout.h"

#include <QList>
#include <QPointF>

#include <utility>

namespace retort::layout {

// An edge to draw ourselves, between two revisions (indices into GraphLayout::nodes).
struct OwnEdge
{
    int newer = 0;
    int older = 0;
    bool dependency = false;
    QList<QPointF> via; // where dot's virtual nodes of the edge ended up
};

// Appends the routes of `edges` to `layout.edges`, in order, each with an arrow at the older
// end. `unitOf` maps revisions to dot's units; `unitBands` holds each unit's rank band (its
// y range) in fast mode and is empty otherwise.
void routeOwnEdges(GraphLayout& layout, const QList<OwnEdge>& edges, const QList<int>& unitOf,
                   const QList<std::pair<qreal, qreal>>& unitBands, bool newestOnTop);

} // namespace retort::layout
