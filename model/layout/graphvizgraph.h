// The boundary to Graphviz's C API (gvc, cgraph): the process-wide lock, the GVC_t context,
// one dot run on a plain description of a graph with its result read back as plain data, and
// rendering a positioned DOT text. graphvizgraph.cpp is the only file of the project that
// includes Graphviz headers; nothing Graphviz-owned leaves it.
#pragma once

#include "model/common/result.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <utility>

struct GVC_s; // GVC_t in Graphviz's gvcext.h

namespace retort::layout {

constexpr qreal kPointsPerInch = 72.0;

// A number as Graphviz attributes and DOT texts take it: C locale, four decimals.
QByteArray dotNumber(qreal value);

// A Graphviz context (GVC_t, plugins loaded), created and freed under the Graphviz lock.
class GraphvizContext
{
public:
    GraphvizContext();
    ~GraphvizContext();
    GraphvizContext(const GraphvizContext&) = delete;
    GraphvizContext& operator=(const GraphvizContext&) = delete;

    GVC_s* get() const { return m_gvc; }

private:
    GVC_s* m_gvc = nullptr;
};

// What dot lays out: boxes (node k is named "u<k>") and the edges between them. Sizes and
// separations are in points.
struct DotGraph
{
    struct Edge
    {
        int from = 0;            // node index; the newer revision
        int to = 0;              // node index; the older revision
        bool dependency = false; // dashed, constraint=false
        QByteArray name;         // empty: anonymous
    };

    bool newestOnTop = true; // rankdir TB, else BT
    qreal rankSeparation = 0;
    qreal nodeSeparation = 0;
    // Fast mode: bounded crossing minimisation and network simplex, no edge routing. Instead
    // of splines each edge's waypoints and each node's rank band are read back.
    bool bounded = false;
    QList<QSizeF> nodes;
    QList<Edge> edges;
};

// Where dot put things, in points, y flipped against the bounding box (0 at the top).
struct DotLayout
{
    struct Edge
    {
        QList<QPointF> points; // dot's spline (not bounded), joined into one list
        bool hasArrow = false;
        QPointF arrowTip;
        QList<QPointF> via; // bounded: where dot's virtual nodes for the edge ended up
    };

    QString error; // translated; when set the rest is empty
    QRectF boundingBox;
    QList<QPointF> centres;                   // per node
    QList<QSizeF> sizes;                      // per node
    QList<std::pair<qreal, qreal>> rankBands; // bounded: each node's rank's y range
    QList<Edge> edges;                        // parallel to DotGraph::edges
};

// Runs dot on `graph` under the Graphviz lock.
DotLayout runDot(const GraphvizContext& context, const DotGraph& graph);

// The version of the Graphviz library loaded at run time ("2.43.0"), asked of a context once
// under the lock (so the first call may wait for a layout to finish); whether it was asked
// already (then graphvizVersion() returns at once); the version Retort was built against.
QString graphvizVersion();
bool graphvizVersionKnown();
QString graphvizBuildVersion();

// Renders a DOT text whose nodes carry `pos` with neato -n2 into `format`, under the lock.
Result<QByteArray> renderPositionedDot(const QByteArray& dot, const char* format);

} // namespace retort::layout
