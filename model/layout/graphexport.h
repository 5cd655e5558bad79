#pragma once

#include "model/common/result.h"
#include "model/graph/revisiongraph.h"
#include "model/layout/graphlayout.h"

#include <QByteArray>

namespace retort {

// Writes a laid-out revision graph (GraphvizLayouter::layoutNow) as a picture with the
// same positions as the window. Positions are the layout's points (1/72 inch).
class GraphExport
{
public:
    // DOT with every revision (label "shortid\nmessage") and edge, node `pos` and edge
    // `pos` in points with Graphviz's y-up convention, so `neato -n2` reproduces the layout.
    // Edges run newer -> older (as the layouter gave them to dot); depends_on edges dashed.
    static QByteArray toDot(const RevisionGraph& graph, const GraphLayout& layout);

    // A self-contained SVG drawn by hand: one <g class="node [head] [base] [branchpoint]
    // [mergepoint]" id="REVISION"> per revision (rounded rect, short id, message, branch
    // label badges), one <g class="edge [dependency]"> per edge (spline path, arrowhead).
    static QByteArray toSvg(const RevisionGraph& graph, const GraphLayout& layout);

    // A PNG rendered by Graphviz itself (in-process, nop2 = neato -n2) from toDot().
    static Result<QByteArray> toPng(const RevisionGraph& graph, const GraphLayout& layout);

    static constexpr int kShortIdLength = 12;
    static constexpr qreal kMargin = 8;
};

} // namespace retort
