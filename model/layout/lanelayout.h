// A layout for large graphs without Graphviz: the same contract as a bounded dot run
// (graphvizgraph.h), in time linear in the picture's size.
//
// Ranks come from the longest path from the oldest units (a unit with more newer than older
// neighbours is pulled up next to them). Lanes, the columns of the picture, are then handed
// out from the newest rank down, as `git log --graph` does: a unit takes the leftmost lane of
// the edges that come down to it, its first edge to an older unit goes on down in the same
// lane, every further one takes the free lane nearest to it, and a lane is free again below
// the unit where its edge ends. A stretch of a lane that stays straight (a unit, the edge it
// sends down its lane, the unit that edge reaches...) is a segment; segments are packed to the
// left rank by rank, so a lane is only as wide as what it holds at that height, and an edge
// passing by needs no more than the separation. Edges run straight down their lane through
// the ranks between their ends and bend only in the gaps between ranks: no edge crosses a box.
#pragma once

#include "model/layout/graphvizgraph.h"

namespace retort::layout {

// Lays out `graph` (its `bounded` flag is not looked at: the result always carries rank bands
// and edge waypoints as a bounded dot run does). Never fails; cycles are broken where found.
DotLayout runLanes(const DotGraph& graph);

} // namespace retort::layout
