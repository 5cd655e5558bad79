// The only file of the project that includes Graphviz headers: the lock around Graphviz, the
// GVC_t context, building the Agraph_t with its attributes, running dot, reading positions,
// splines and virtual-node waypoints back, freeing; and rendering a positioned DOT text.
#include "model/layout/graphvizgraph.h"

#include "model/common/logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QScopeGuard>

#include <cgraph.h>
#include <graphviz_version.h>
#include <gvc.h>

#include <algorithm>
#include <atomic>
#include <clocale>
#include <cmath>
#include <limits>

namespace retort::layout {

namespace {

// Graphviz is process-global and not thread safe: one thread inside it at a time.
QMutex& graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

// Errors reported through agerr while the lock is held.
QString& capturedErrors()
{
    static QString errors;
    return errors;
}

int captureError(char* message)
{
    capturedErrors() += QString::fromUtf8(message).trimmed() + u'\n';
    return 0;
}

// Graphviz parses and prints numbers with the C library: force the C decimal point. Only for
// the calling thread (uselocale), the rest of the locale kept: setlocale would change it for
// every thread of the process while a layout runs.
class NumericLocaleGuard
{
public:
    NumericLocaleGuard()
    {
        if (locale_t base = duplocale(LC_GLOBAL_LOCALE)) {
            m_locale = newlocale(LC_NUMERIC_MASK, "C", base);
            if (m_locale)
                m_previous = uselocale(m_locale);
            else
                freelocale(base);
        }
    }
    ~NumericLocaleGuard()
    {
        if (m_locale) {
            uselocale(m_previous);
            freelocale(m_locale);
        }
    }
    NumericLocaleGuard(const NumericLocaleGuard&) = delete;
    NumericLocaleGuard& operator=(const NumericLocaleGuard&) = delete;

private:
    locale_t m_locale = nullptr;
    locale_t m_previous = nullptr;
};

// Inside Graphviz: the lock, the C numeric locale, and agerr's errors (no warnings) captured
// for failureReason(); the previous error handling comes back at the end.
class GraphvizSession
{
public:
    GraphvizSession() : m_locker(&graphvizMutex())
    {
        capturedErrors().clear();
        m_previousLevel = agseterr(AGERR);
        m_previousHandler = agseterrf(&captureError);
        agreseterrors();
    }
    ~GraphvizSession()
    {
        agseterrf(m_previousHandler);
        agseterr(m_previousLevel);
    }
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;

    // What Graphviz said about the failure, "?" when it said nothing.
    static QString failureReason()
    {
        QString why = capturedErrors().trimmed();
        if (why.isEmpty())
            why = QString::fromUtf8(aglasterr() ? aglasterr() : "");
        return why.isEmpty() ? QStringLiteral("?") : why;
    }

private:
    QMutexLocker<QMutex> m_locker;
    NumericLocaleGuard m_locale;
    agerrlevel_t m_previousLevel = AGWARN;
    agusererrf m_previousHandler = nullptr;
};

// The C API takes char*; it never writes through these.
char* cstr(const char* s)
{
    return const_cast<char*>(s);
}

GVC_t* createContext()
{
    // Debian's libgvc ships no preloaded builtins (lt_preloaded_symbols): the plugins come
    // from the configuration that `dot -c` wrote when the graphviz package was installed.
    return gvContext();
}

void setGraphAttr(Agraph_t* g, const char* name, const QByteArray& value)
{
    agattr(g, AGRAPH, cstr(name), cstr(value.constData()));
}

constexpr int kVirtualNode = 1; // VIRTUAL in Graphviz's const.h (not installed)

// dot's y grows upwards: ours grows downwards from the top of the bounding box.
struct Flip
{
    qreal top = 0;
    QPointF operator()(pointf p) const { return {p.x, top - p.y}; }
};

// With splines switched off dot still placed the virtual nodes that carry each long edge
// across ranks. Their y is their rank's; their x was not shifted by dot's final translation
// (it only moves real nodes), so recover that shift from how virtual and real nodes
// interleave in each rank, then hand every edge its stops.
void collectWaypoints(Agraph_t* g, const QList<Agnode_t*>& nodes, const QList<Agedge_t*>& edges,
                      const Flip& flip, DotLayout& out)
{
    QHash<int, qreal> rankY; // rank -> y of its real nodes (translated, not flipped)
    for (Agnode_t* node : nodes)
        rankY.insert(ND_rank(node), ND_coord(node).y);
    qreal lo = -std::numeric_limits<qreal>::infinity();
    qreal hi = std::numeric_limits<qreal>::infinity();
    bool anyVirtual = false;
    for (int r = GD_minrank(g); r <= GD_maxrank(g); ++r) {
        const rank_t& rank = GD_rank(g)[r];
        qreal leftEdge = -std::numeric_limits<qreal>::infinity();
        for (int i = 0; i < rank.n; ++i) {
            Agnode_t* v = rank.v[i];
            if (ND_node_type(v) == kVirtualNode) {
                anyVirtual = true;
                lo = std::max(lo, leftEdge - ND_coord(v).x);
            } else {
                leftEdge = ND_coord(v).x + ND_rw(v);
            }
        }
        qreal rightEdge = std::numeric_limits<qreal>::infinity();
        for (int i = rank.n - 1; i >= 0; --i) {
            Agnode_t* v = rank.v[i];
            if (ND_node_type(v) == kVirtualNode)
                hi = std::min(hi, rightEdge - ND_coord(v).x);
            else
                rightEdge = ND_coord(v).x - ND_lw(v);
        }
    }
    if (!anyVirtual)
        return;
    qreal shift = 0;
    if (std::isfinite(lo) && std::isfinite(hi))
        shift = (lo + hi) / 2;
    else if (std::isfinite(lo))
        shift = lo + GD_nodesep(g) / 2.0;
    else if (std::isfinite(hi))
        shift = hi - GD_nodesep(g) / 2.0;
    if (std::isfinite(lo) && std::isfinite(hi) && lo > hi) {
        qCDebug(lcLayout) << "virtual node positions inconsistent; edges drawn direct";
        return;
    }
    const int maxSteps = GD_maxrank(g) - GD_minrank(g) + 2;
    for (qsizetype e = 0; e < edges.size(); ++e) {
        QList<QPointF>& via = out.edges[e].via;
        Agedge_t* ve = ED_to_virt(edges.at(e));
        for (int step = 0; ve && step < maxSteps; ++step) {
            Agnode_t* h = aghead(ve);
            if (ND_node_type(h) != kVirtualNode)
                break;
            const auto y = rankY.constFind(ND_rank(h));
            if (y != rankY.constEnd()) {
                // Straight down through the rank's band (a collapsed run makes it tall),
                // bending only in the gaps between ranks.
                const rank_t& rank = GD_rank(g)[ND_rank(h)];
                const double x = ND_coord(h).x + shift;
                via << flip(pointf{x, *y + rank.ht2}) << flip(pointf{x, *y - rank.ht1});
            }
            ve = ND_out(h).size > 0 ? ND_out(h).list[0] : nullptr;
        }
    }
}

// dot's spline for `e`; a multi-bezier list (edges split around clusters) joined into one.
void readSpline(Agedge_t* e, const Flip& flip, DotLayout::Edge& out)
{
    const splines* spl = ED_spl(e);
    if (!spl)
        return;
    for (int b = 0; b < spl->size; ++b) {
        const bezier& bz = spl->list[b];
        for (int k = (b == 0 || out.points.isEmpty()) ? 0 : 1; k < bz.size; ++k)
            out.points.append(flip(bz.list[k]));
        if (b == spl->size - 1 && bz.eflag) {
            out.hasArrow = true;
            out.arrowTip = flip(bz.ep);
        }
    }
}

// The Agraph_t for `graph`: attributes, one node per box, the edges in the given order.
Agraph_t* buildGraph(const DotGraph& graph, QList<Agnode_t*>& nodes, QList<Agedge_t*>& edges)
{
    Agraph_t* g = agopen(cstr("revisions"), Agdirected, nullptr);
    setGraphAttr(g, "rankdir", graph.newestOnTop ? "TB" : "BT");
    setGraphAttr(g, "ranksep", dotNumber(graph.rankSeparation / kPointsPerInch));
    setGraphAttr(g, "nodesep", dotNumber(graph.nodeSeparation / kPointsPerInch));
    if (graph.bounded) {
        // Bound the work: few crossing-minimisation passes, bounded network simplex, and
        // no edge routing (edges are drawn afterwards from the node positions).
        setGraphAttr(g, "splines", "");
        setGraphAttr(g, "mclimit", "0.1");
        setGraphAttr(g, "remincross", "false");
        // The x-placement network simplex dominates on big graphs (every long edge becomes
        // a chain of virtual nodes, each iteration walks them all): beyond a few hundred
        // nodes keep only its initial feasible tree.
        setGraphAttr(g, "nslimit", graph.nodes.size() <= 600 ? "2" : "0");
        setGraphAttr(g, "nslimit1", "2");
        setGraphAttr(g, "searchsize", "10");
    }
    agattr(g, AGNODE, cstr("shape"), cstr("box"));
    agattr(g, AGNODE, cstr("fixedsize"), cstr("true"));
    agattr(g, AGNODE, cstr("label"), cstr(""));
    Agsym_t* widthSym = agattr(g, AGNODE, cstr("width"), cstr("1"));
    Agsym_t* heightSym = agattr(g, AGNODE, cstr("height"), cstr("0.4"));
    Agsym_t* styleSym = agattr(g, AGEDGE, cstr("style"), cstr("solid"));
    Agsym_t* constraintSym = agattr(g, AGEDGE, cstr("constraint"), cstr("true"));

    nodes.fill(nullptr, graph.nodes.size());
    for (qsizetype u = 0; u < graph.nodes.size(); ++u) {
        const QByteArray name = "u" + QByteArray::number(u);
        Agnode_t* node = agnode(g, cstr(name.constData()), 1);
        agxset(node, widthSym,
               cstr(dotNumber(graph.nodes[u].width() / kPointsPerInch).constData()));
        agxset(node, heightSym,
               cstr(dotNumber(graph.nodes[u].height() / kPointsPerInch).constData()));
        nodes[u] = node;
    }
    edges.reserve(graph.edges.size());
    for (const DotGraph::Edge& edge : graph.edges) {
        Agedge_t* e = agedge(g, nodes[edge.from], nodes[edge.to],
                             edge.name.isEmpty() ? nullptr : cstr(edge.name.constData()), 1);
        if (edge.dependency) {
            agxset(e, styleSym, cstr("dashed"));
            agxset(e, constraintSym, cstr("false"));
        }
        edges.append(e);
    }
    return g;
}

} // namespace

QByteArray dotNumber(qreal value)
{
    return QByteArray::number(value, 'f', 4);
}

GraphvizContext::GraphvizContext()
{
    QMutexLocker locker(&graphvizMutex());
    NumericLocaleGuard localeGuard;
    m_gvc = createContext();
}

GraphvizContext::~GraphvizContext()
{
    QMutexLocker locker(&graphvizMutex());
    gvFreeContext(m_gvc);
}

DotLayout runDot(const GraphvizContext& context, const DotGraph& graph)
{
    DotLayout result;
    const GraphvizSession session;
    QList<Agnode_t*> nodes;
    QList<Agedge_t*> edges;
    Agraph_t* g = buildGraph(graph, nodes, edges);

    if (gvLayout(context.get(), g, "dot") != 0) {
        result.error = QCoreApplication::translate("GraphvizLayouter",
                                                   "Graphviz could not lay out the graph: %1")
                           .arg(GraphvizSession::failureReason());
        agclose(g);
        return result;
    }

    const boxf bb = GD_bb(g);
    const Flip flip{bb.UR.y};
    result.boundingBox = QRectF(bb.LL.x, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    result.centres.reserve(nodes.size());
    result.sizes.reserve(nodes.size());
    for (Agnode_t* node : std::as_const(nodes)) {
        result.centres.append(flip(ND_coord(node)));
        result.sizes.append(
            QSizeF(ND_width(node) * kPointsPerInch, ND_height(node) * kPointsPerInch));
    }
    result.edges.resize(edges.size());
    if (graph.bounded) {
        collectWaypoints(g, nodes, edges, flip, result);
        result.rankBands.reserve(nodes.size());
        for (Agnode_t* node : std::as_const(nodes)) {
            const rank_t& rank = GD_rank(g)[ND_rank(node)];
            const qreal y1 = flip(pointf{0, ND_coord(node).y + rank.ht2}).y();
            const qreal y2 = flip(pointf{0, ND_coord(node).y - rank.ht1}).y();
            result.rankBands.append({std::min(y1, y2), std::max(y1, y2)});
        }
    } else {
        for (qsizetype e = 0; e < edges.size(); ++e)
            readSpline(edges.at(e), flip, result.edges[e]);
    }

    gvFreeLayout(context.get(), g);
    agclose(g);
    return result;
}

namespace {
std::atomic<bool> s_versionKnown{false};
} // namespace

QString graphvizVersion()
{
    // Thread-safe static: the first caller asks, under the Graphviz lock like every call.
    static const QString version = [] {
        const GraphvizSession session;
        GVC_t* gvc = createContext();
        const char* text = gvc ? gvcVersion(gvc) : nullptr;
        QString result = QString::fromUtf8(text ? text : "");
        if (gvc)
            gvFreeContext(gvc);
        return result;
    }();
    s_versionKnown = true;
    return version;
}

bool graphvizVersionKnown()
{
    return s_versionKnown;
}

QString graphvizBuildVersion()
{
    return QStringLiteral(PACKAGE_VERSION);
}

Result<QByteArray> renderPositionedDot(const QByteArray& dot, const char* format)
{
    const GraphvizSession session;
    auto failure = [](const char* what) {
        return Result<QByteArray>::failure(
            QCoreApplication::translate("GraphvizLayouter", "Graphviz could not %1: %2")
                .arg(QCoreApplication::translate("GraphvizLayouter", what),
                     GraphvizSession::failureReason()));
    };

    GVC_t* gvc = createContext();
    auto freeContext = qScopeGuard([&] { gvFreeContext(gvc); });
    Agraph_t* g = agmemread(dot.constData());
    if (!g)
        return failure(QT_TRANSLATE_NOOP("GraphvizLayouter", "read the graph"));
    auto closeGraph = qScopeGuard([&] { agclose(g); });
    // "nop2" is neato -n2: node positions and edge splines are taken from `pos` as given
    // (points); edges without one are routed.
    if (gvLayout(gvc, g, "nop2") != 0)
        return failure(QT_TRANSLATE_NOOP("GraphvizLayouter", "lay out the graph"));
    auto freeLayout = qScopeGuard([&] { gvFreeLayout(gvc, g); });
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g, format, &data, &length) != 0 || !data) {
        if (data)
            gvFreeRenderData(data);
        return failure(QT_TRANSLATE_NOOP("GraphvizLayouter", "render the graph"));
    }
    QByteArray bytes(data, qsizetype(length));
    gvFreeRenderData(data);
    return bytes;
}

} // namespace retort::layout
