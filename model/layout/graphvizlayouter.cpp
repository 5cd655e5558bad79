// The only file of the project that includes Graphviz headers.
#include "model/layout/graphvizlayouter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QScopeGuard>

#include <cgraph.h>
#include <gvc.h>

#include <algorithm>
#include <atomic>
#include <clocale>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

Q_LOGGING_CATEGORY(lcLayout, "retort.layout", QtInfoMsg)

namespace retort {

QSizeF LayoutOptions::nodeSize(const Revision& revision) const
{
    const qsizetype chars =
        std::min<qsizetype>(revision.id.size(), shortIdLength) + 2 + revision.message.size();
    const qreal width =
        std::clamp(2 * horizontalPadding + charWidth * qreal(chars), minNodeWidth, maxNodeWidth);
    return {std::round(width), nodeHeight};
}

namespace {

constexpr qreal kPointsPerInch = 72.0;

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

// Graphviz parses and prints numbers with the C library: force the C decimal point.
class NumericLocaleGuard
{
public:
    NumericLocaleGuard()
    {
        if (const char* current = std::setlocale(LC_NUMERIC, nullptr))
            m_saved = current;
        std::setlocale(LC_NUMERIC, "C");
    }
    ~NumericLocaleGuard()
    {
        if (!m_saved.empty())
            std::setlocale(LC_NUMERIC, m_saved.c_str());
    }
    NumericLocaleGuard(const NumericLocaleGuard&) = delete;
    NumericLocaleGuard& operator=(const NumericLocaleGuard&) = delete;

private:
    std::string m_saved;
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

QByteArray number(qreal value)
{
    return QByteArray::number(value, 'f', 4);
}

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
            m_boxes.push_back({n.center.y() - n.size.height() / 2, n.center.y() + n.size.height() / 2,
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

// How well the new x positions keep the old left-to-right order: pairs of revisions in the
// same order minus pairs in the opposite order (pairs level in either picture do not count).
// Large graphs are sampled.
qint64 orderAgreement(const QList<std::pair<qreal, qreal>>& xs)
{
    const qsizetype n = xs.size();
    const qsizetype step = std::max<qsizetype>(1, n / 1500);
    qint64 score = 0;
    for (qsizetype i = 0; i < n; i += step) {
        for (qsizetype j = i + step; j < n; j += step) {
            const qreal dOld = xs[i].first - xs[j].first;
            const qreal dNew = xs[i].second - xs[j].second;
            if (std::abs(dOld) < 1 || std::abs(dNew) < 1)
                continue;
            score += (dOld > 0) == (dNew > 0) ? 1 : -1;
        }
    }
    return score;
}

// Keeps the branches on the sides where the previous picture had them: when the mirror
// image of dot's result agrees better with the old left-to-right order, use the mirror.
void keepSides(GraphLayout& layout, const QHash<QString, qreal>& previousX)
{
    QList<std::pair<qreal, qreal>> xs;
    for (const NodeLayout& n : std::as_const(layout.nodes)) {
        const auto old = previousX.constFind(n.id);
        if (old != previousX.constEnd())
            xs.append({*old, n.center.x()});
    }
    if (xs.size() < 2 || orderAgreement(xs) >= 0)
        return;
    const qreal sum = layout.boundingBox.left() + layout.boundingBox.right();
    auto mirror = [sum](QPointF& p) { p.setX(sum - p.x()); };
    for (NodeLayout& n : layout.nodes)
        mirror(n.center);
    for (EdgeLayout& e : layout.edges) {
        for (QPointF& p : e.points)
            mirror(p);
        mirror(e.arrowTip);
    }
    qCDebug(lcLayout) << "mirrored the layout to keep the branches' sides";
}

struct Unit
{
    QList<int> members; // revision indices, newest first
    QSizeF size;        // points
};

struct Plan
{
    QList<Unit> units;
    QList<int> unitOf; // revision index -> unit
};

// One unit per revision; in fast mode maximal linear runs (one parent, one child each)
// of at least `minRun` revisions share one tall unit.
Plan makePlan(const RevisionGraph& graph, const LayoutOptions& options, bool collapse)
{
    const QList<Revision>& revisions = graph.revisions();
    const int n = int(revisions.size());
    Plan plan;
    plan.unitOf.fill(-1, n);
    QList<QSizeF> sizes(n);
    QList<int> parentOf(n, -1);
    QList<bool> linear(n, false);
    for (int i = 0; i < n; ++i) {
        sizes[i] = options.nodeSize(revisions.at(i));
        if (!collapse)
            continue;
        const QStringList parents = graph.parents(revisions.at(i).id);
        const QStringList children = graph.children(revisions.at(i).id);
        if (parents.size() == 1 && children.size() == 1) {
            linear[i] = true;
            parentOf[i] = graph.indexOf(parents.first());
        }
    }
    if (collapse) {
        for (int i = 0; i < n; ++i) {
            if (!linear[i] || plan.unitOf[i] != -1)
                continue;
            // Start at the newest member: its child is not linear.
            const QStringList children = graph.children(revisions.at(i).id);
            const int child = graph.indexOf(children.first());
            if (child >= 0 && linear[child])
                continue;
            QList<int> run;
            for (int r = i; r >= 0 && linear[r] && plan.unitOf[r] == -1; r = parentOf[r]) {
                plan.unitOf[r] = -2; // visiting
                run.append(r);
            }
            if (run.size() >= options.minRunLength) {
                Unit unit;
                qreal width = 0;
                for (int r : run)
                    width = std::max(width, sizes.at(r).width());
                unit.size = QSizeF(width, run.size() * options.nodeHeight +
                                              (run.size() - 1) * options.rankSeparation);
                unit.members = run;
                for (int r : run)
                    plan.unitOf[r] = int(plan.units.size());
                plan.units.append(unit);
            } else {
                for (int r : run)
                    plan.unitOf[r] = -1;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        if (plan.unitOf[i] < 0) {
            plan.unitOf[i] = int(plan.units.size());
            plan.units.append(Unit{{i}, sizes.at(i)});
        }
    }
    return plan;
}

void setGraphAttr(Agraph_t* g, const char* name, const QByteArray& value)
{
    agattr(g, AGRAPH, cstr(name), cstr(value.constData()));
}

constexpr int kVirtualNode = 1; // VIRTUAL in Graphviz's const.h (not installed)

// With splines switched off dot still placed the virtual nodes that carry each long edge
// across ranks. Their y is their rank's; their x was not shifted by dot's final translation
// (it only moves real nodes), so recover that shift from how virtual and real nodes
// interleave in each rank, then hand every edge its stops.
template <typename Edges, typename Flip>
void collectWaypoints(Agraph_t* g, const QList<Agnode_t*>& unitNodes, Edges& edges,
                      const Flip& flip)
{
    QHash<int, qreal> rankY; // rank -> y of its real nodes (translated, not flipped)
    for (Agnode_t* node : unitNodes)
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
    for (auto& edge : edges) {
        if (!edge.edge)
            continue;
        Agedge_t* ve = ED_to_virt(edge.edge);
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
                edge.via << flip(pointf{x, *y + rank.ht2}) << flip(pointf{x, *y - rank.ht1});
            }
            ve = ND_out(h).size > 0 ? ND_out(h).list[0] : nullptr;
        }
    }
}

GraphLayout runLayout(GVC_t* gvc, const RevisionGraph& graph, const LayoutOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    GraphLayout result;
    if (graph.isEmpty())
        return result;

    const bool fast =
        options.mode == LayoutOptions::Mode::Fast ||
        (options.mode == LayoutOptions::Mode::Auto && graph.size() > options.detailedLimit);
    const QList<Revision>& revisions = graph.revisions();
    const int n = int(revisions.size());
    const Plan plan = makePlan(graph, options, fast);

    QMutexLocker locker(&graphvizMutex());
    NumericLocaleGuard localeGuard;
    capturedErrors().clear();
    const agerrlevel_t previousLevel = agseterr(AGERR); // errors only, no warnings
    const agusererrf previousHandler = agseterrf(&captureError);
    agreseterrors();
    auto restoreErrors = qScopeGuard([&] {
        agseterrf(previousHandler);
        agseterr(previousLevel);
    });

    Agraph_t* g = agopen(cstr("revisions"), Agdirected, nullptr);
    setGraphAttr(g, "rankdir", options.newestOnTop ? "TB" : "BT");
    setGraphAttr(g, "ranksep", number(options.rankSeparation / kPointsPerInch));
    setGraphAttr(g, "nodesep", number(options.nodeSeparation / kPointsPerInch));
    if (fast) {
        // Bound the work: few crossing-minimisation passes, bounded network simplex, and
        // no edge routing (edges are drawn afterwards from the node positions).
        setGraphAttr(g, "splines", "");
        setGraphAttr(g, "mclimit", "0.1");
        setGraphAttr(g, "remincross", "false");
        // The x-placement network simplex dominates on big graphs (every long edge becomes
        // a chain of virtual nodes, each iteration walks them all): beyond a few hundred
        // nodes keep only its initial feasible tree.
        setGraphAttr(g, "nslimit", plan.units.size() <= 600 ? "2" : "0");
        setGraphAttr(g, "nslimit1", "2");
        setGraphAttr(g, "searchsize", "10");
    }
    Agsym_t* shapeSym = agattr(g, AGNODE, cstr("shape"), cstr("box"));
    Agsym_t* fixedSym = agattr(g, AGNODE, cstr("fixedsize"), cstr("true"));
    Agsym_t* labelSym = agattr(g, AGNODE, cstr("label"), cstr(""));
    Agsym_t* widthSym = agattr(g, AGNODE, cstr("width"), cstr("1"));
    Agsym_t* heightSym = agattr(g, AGNODE, cstr("height"), cstr("0.4"));
    Agsym_t* styleSym = agattr(g, AGEDGE, cstr("style"), cstr("solid"));
    Agsym_t* constraintSym = agattr(g, AGEDGE, cstr("constraint"), cstr("true"));
    Q_UNUSED(shapeSym);
    Q_UNUSED(fixedSym);
    Q_UNUSED(labelSym);

    QList<Agnode_t*> unitNodes(plan.units.size(), nullptr);
    for (qsizetype u = 0; u < plan.units.size(); ++u) {
        const QByteArray name = "u" + QByteArray::number(u);
        Agnode_t* node = agnode(g, cstr(name.constData()), 1);
        agxset(node, widthSym,
               cstr(number(plan.units[u].size.width() / kPointsPerInch).constData()));
        agxset(node, heightSym,
               cstr(number(plan.units[u].size.height() / kPointsPerInch).constData()));
        unitNodes[u] = node;
    }

    struct DotEdge
    {
        Agedge_t* edge;
        int newer;
        int older;
        bool dependency;
    };
    QList<DotEdge> dotEdges;
    struct OwnEdge
    {
        int newer;
        int older;
        bool dependency;
        QList<QPointF> via;       // where dot's virtual nodes of the edge ended up
        Agedge_t* edge = nullptr; // fast mode: the dot edge (not routed by dot)
    };
    QList<OwnEdge> ownEdges;

    for (int i = 0; i < n; ++i) {
        const QString& id = revisions.at(i).id;
        for (const QString& parentId : graph.parents(id)) {
            const int p = graph.indexOf(parentId);
            if (p < 0)
                continue;
            if (plan.unitOf[i] == plan.unitOf[p]) { // inside a collapsed run
                ownEdges.append({i, p, false, {}});
                continue;
            }
            Agedge_t* e =
                agedge(g, unitNodes[plan.unitOf[i]], unitNodes[plan.unitOf[p]], nullptr, 1);
            if (fast)
                ownEdges.append({i, p, false, {}, e});
            else
                dotEdges.append({e, i, p, false});
        }
        for (const QString& depId : graph.dependencies(id)) {
            const int d = graph.indexOf(depId);
            if (d < 0 || d == i)
                continue;
            if (fast) {
                ownEdges.append({i, d, true, {}});
                continue;
            }
            Agedge_t* e =
                agedge(g, unitNodes[plan.unitOf[i]], unitNodes[plan.unitOf[d]],
                       cstr(QByteArray("d" + QByteArray::number(i) + "_" + QByteArray::number(d))
                                .constData()),
                       1);
            agxset(e, styleSym, cstr("dashed"));
            agxset(e, constraintSym, cstr("false"));
            dotEdges.append({e, i, d, true});
        }
    }

    const int rc = gvLayout(gvc, g, "dot");
    if (rc != 0) {
        QString why = capturedErrors().trimmed();
        if (why.isEmpty())
            why = QString::fromUtf8(aglasterr() ? aglasterr() : "");
        result.error = QCoreApplication::translate("GraphvizLayouter",
                                                   "Graphviz could not lay out the graph: %1")
                           .arg(why.isEmpty() ? QStringLiteral("?") : why);
        agclose(g);
        result.elapsedMs = timer.elapsed();
        return result;
    }

    const boxf bb = GD_bb(g);
    const qreal top = bb.UR.y;
    auto flip = [top](pointf p) { return QPointF(p.x, top - p.y); };
    result.boundingBox = QRectF(bb.LL.x, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);

    result.nodes.resize(n);
    result.nodeIndex.reserve(n);
    for (qsizetype u = 0; u < plan.units.size(); ++u) {
        const Unit& unit = plan.units[u];
        Agnode_t* node = unitNodes[u];
        const QPointF centre = flip(ND_coord(node));
        const qreal height = ND_height(node) * kPointsPerInch;
        const int count = int(unit.members.size());
        for (int k = 0; k < count; ++k) {
            const int r = unit.members[k];
            NodeLayout& out = result.nodes[r];
            out.id = revisions.at(r).id;
            out.size = options.nodeSize(revisions.at(r));
            if (count == 1) {
                out.center = centre;
                out.size.setWidth(ND_width(node) * kPointsPerInch);
                out.size.setHeight(height);
            } else {
                // Newest first: from the top when newest is on top, else from the bottom.
                const qreal step = options.nodeHeight + options.rankSeparation;
                const qreal offset = options.nodeHeight / 2 + k * step;
                const qreal y = options.newestOnTop ? centre.y() - height / 2 + offset
                                                    : centre.y() + height / 2 - offset;
                out.center = QPointF(centre.x(), y);
            }
        }
    }
    for (int i = 0; i < n; ++i)
        result.nodeIndex.insert(result.nodes.at(i).id, i);

    for (const DotEdge& de : dotEdges) {
        EdgeLayout edge;
        edge.from = revisions.at(de.older).id;
        edge.to = revisions.at(de.newer).id;
        edge.dependency = de.dependency;
        const splines* spl = ED_spl(de.edge);
        if (spl && spl->size > 0) {
            // Multi-bezier lists happen for edges split around clusters: join them.
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                for (int k = (b == 0 || edge.points.isEmpty()) ? 0 : 1; k < bz.size; ++k)
                    edge.points.append(flip(bz.list[k]));
                if (b == spl->size - 1 && bz.eflag) {
                    edge.hasArrow = true;
                    edge.arrowTip = flip(bz.ep);
                }
            }
            if ((edge.points.size() - 1) % 3 != 0)
                edge.points.clear(); // not a cubic Bézier list: route it ourselves below
        }
        if (edge.points.isEmpty()) {
            ownEdges.append({de.newer, de.older, de.dependency, {}});
            continue;
        }
        result.edges.append(edge);
    }

    // Fast mode: each unit's rank band (flipped y range), where edges run vertically.
    QList<std::pair<qreal, qreal>> unitBand;
    if (fast) {
        collectWaypoints(g, unitNodes, ownEdges, flip);
        unitBand.reserve(unitNodes.size());
        for (Agnode_t* node : unitNodes) {
            const rank_t& rank = GD_rank(g)[ND_rank(node)];
            const qreal y1 = flip(pointf{0, ND_coord(node).y + rank.ht2}).y();
            const qreal y2 = flip(pointf{0, ND_coord(node).y - rank.ht1}).y();
            unitBand.append({std::min(y1, y2), std::max(y1, y2)});
        }
    }

    gvFreeLayout(gvc, g);
    agclose(g);
    agseterrf(previousHandler);
    agseterr(previousLevel);
    restoreErrors.dismiss();
    locker.unlock();

    // Edges not routed by dot: inside collapsed runs straight, between units gentle curves
    // leaving the newer node's bottom and entering the older node's top (or the reverse),
    // depends_on arcs on the right-hand side.
    const qreal sign = options.newestOnTop ? 1.0 : -1.0;
    const RightEdges rightEdges(result.nodes);
    // the right edge of each unit's column of boxes
    QList<qreal> unitRight(unitBand.size(), std::numeric_limits<qreal>::lowest());
    if (!unitBand.isEmpty()) {
        for (qsizetype i = 0; i < result.nodes.size(); ++i) {
            const NodeLayout& n = result.nodes.at(i);
            qreal& right = unitRight[plan.unitOf.at(i)];
            right = std::max(right, n.center.x() + n.size.width() / 2);
        }
    }
    int dependencyLane = 0;
    for (const OwnEdge& oe : ownEdges) {
        const NodeLayout& newer = result.nodes.at(oe.newer);
        const NodeLayout& older = result.nodes.at(oe.older);
        EdgeLayout edge;
        edge.from = older.id;
        edge.to = newer.id;
        edge.dependency = oe.dependency;
        if (oe.dependency) {
            const int newerUnit = unitBand.isEmpty() ? -1 : plan.unitOf.at(oe.newer);
            const int olderUnit = unitBand.isEmpty() ? -1 : plan.unitOf.at(oe.older);
            edge.points = dependencyRoute(
                newer, older, sign, rightEdges, dependencyLane++,
                newerUnit < 0 ? 0 : unitRight.at(newerUnit),
                olderUnit < 0 ? 0 : unitRight.at(olderUnit),
                newerUnit < 0 ? nullptr : &unitBand.at(newerUnit),
                olderUnit < 0 ? nullptr : &unitBand.at(olderUnit));
        } else {
            const QPointF a(newer.center.x(), newer.center.y() + sign * newer.size.height() / 2);
            const QPointF b(older.center.x(), older.center.y() - sign * older.size.height() / 2);
            // Through the virtual nodes dot reserved for the edge: between, not across, the
            // boxes of the ranks it spans.
            QList<QPointF> via = oe.via;
            if (!unitBand.isEmpty()) {
                const auto& newerBand = unitBand.at(plan.unitOf.at(oe.newer));
                const auto& olderBand = unitBand.at(plan.unitOf.at(oe.older));
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
        result.edges.append(edge);
    }
    for (const EdgeLayout& e : std::as_const(result.edges)) {
        for (const QPointF& p : e.points)
            result.boundingBox |= QRectF(p, QSizeF(0.01, 0.01));
    }
    if (!options.previousX.isEmpty())
        keepSides(result, options.previousX);
    // Keep the origin where Graphviz put it: y stays positive.
    result.simplified = fast;
    result.elapsedMs = timer.elapsed();
    qCDebug(lcLayout) << "laid out" << n << "revisions as" << plan.units.size() << "nodes in"
                      << result.elapsedMs << "ms" << (fast ? "(fast)" : "(detailed)");
    return result;
}

struct Request
{
    quint64 generation = 0;
    std::shared_ptr<const RevisionGraph> graph;
    LayoutOptions options;
};

} // namespace

struct GraphvizLayouter::Shared
{
    QMutex mutex;
    std::optional<Request> pending;
    std::atomic<bool> stopping = false;
};

namespace {

// Lives on the layout thread and owns the one GVC_t.
class LayoutWorker : public QObject
{
    Q_OBJECT

public:
    explicit LayoutWorker(std::shared_ptr<GraphvizLayouter::Shared> shared)
        : m_shared(std::move(shared))
    {
    }
    ~LayoutWorker() override
    {
        if (m_gvc) {
            QMutexLocker locker(&graphvizMutex());
            gvFreeContext(m_gvc);
        }
    }

    void processPending();

signals:
    void started(quint64 generation);
    void finished(const retort::GraphLayout& layout);

private:
    std::shared_ptr<GraphvizLayouter::Shared> m_shared;
    GVC_t* m_gvc = nullptr;
};

} // namespace

void LayoutWorker::processPending()
{
    std::optional<Request> request;
    {
        QMutexLocker locker(&m_shared->mutex);
        request.swap(m_shared->pending);
    }
    if (!request || m_shared->stopping)
        return; // superseded requests were replaced before this ran
    if (!m_gvc) {
        QMutexLocker locker(&graphvizMutex());
        NumericLocaleGuard localeGuard;
        m_gvc = createContext();
    }
    emit started(request->generation);
    GraphLayout layout = runLayout(m_gvc, *request->graph, request->options);
    layout.generation = request->generation;
    if (!m_shared->stopping)
        emit finished(layout);
}

GraphLayout GraphvizLayouter::layoutNow(const RevisionGraph& graph, const LayoutOptions& options)
{
    if (graph.isEmpty())
        return {};
    GVC_t* gvc = nullptr;
    {
        QMutexLocker locker(&graphvizMutex());
        NumericLocaleGuard localeGuard;
        gvc = createContext();
    }
    GraphLayout layout = runLayout(gvc, graph, options);
    QMutexLocker locker(&graphvizMutex());
    gvFreeContext(gvc);
    return layout;
}

QHash<QString, qreal> GraphvizLayouter::xPositions(const GraphLayout& layout)
{
    QHash<QString, qreal> xs;
    xs.reserve(layout.nodes.size());
    for (const NodeLayout& n : layout.nodes)
        xs.insert(n.id, n.center.x());
    return xs;
}

QByteArray GraphvizLayouter::toDot(const RevisionGraph& graph, const LayoutOptions& options)
{
    QByteArray out = "digraph revisions {\n  rankdir=";
    out += options.newestOnTop ? "TB" : "BT";
    out += "; ranksep=" + number(options.rankSeparation / kPointsPerInch) +
           "; nodesep=" + number(options.nodeSeparation / kPointsPerInch) + ";\n";
    out += "  node [shape=box, fixedsize=true, label=\"\"];\n";
    const QList<Revision>& revisions = graph.revisions();
    for (int i = 0; i < revisions.size(); ++i) {
        const QSizeF size = options.nodeSize(revisions.at(i));
        out += "  n" + QByteArray::number(i) + " [width=" + number(size.width() / kPointsPerInch) +
               ", height=" + number(size.height() / kPointsPerInch) + "];\n";
    }
    for (int i = 0; i < revisions.size(); ++i) {
        const QString& id = revisions.at(i).id;
        for (const QString& parent : graph.parents(id)) {
            const int p = graph.indexOf(parent);
            if (p >= 0)
                out += "  n" + QByteArray::number(i) + " -> n" + QByteArray::number(p) + ";\n";
        }
        for (const QString& dep : graph.dependencies(id)) {
            const int d = graph.indexOf(dep);
            if (d >= 0 && d != i)
                out += "  n" + QByteArray::number(i) + " -> n" + QByteArray::number(d) +
                       " [style=dashed, constraint=false];\n";
        }
    }
    out += "}\n";
    return out;
}

Result<QByteArray> GraphvizLayouter::renderPositionedDot(const QByteArray& dot, const char* format)
{
    QMutexLocker locker(&graphvizMutex());
    NumericLocaleGuard localeGuard;
    capturedErrors().clear();
    const agerrlevel_t previousLevel = agseterr(AGERR);
    const agusererrf previousHandler = agseterrf(&captureError);
    agreseterrors();
    auto restoreErrors = qScopeGuard([&] {
        agseterrf(previousHandler);
        agseterr(previousLevel);
    });
    auto failure = [](const char* what) {
        QString why = capturedErrors().trimmed();
        if (why.isEmpty())
            why = QString::fromUtf8(aglasterr() ? aglasterr() : "");
        return Result<QByteArray>::failure(
            QCoreApplication::translate("GraphvizLayouter", "Graphviz could not %1: %2")
                .arg(QCoreApplication::translate("GraphvizLayouter", what),
                     why.isEmpty() ? QStringLiteral("?") : why));
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

GraphvizLayouter::GraphvizLayouter(QObject* parent)
    : QObject(parent),
      m_shared(std::make_shared<Shared>()),
      m_thread(std::make_unique<WorkerThread>(QStringLiteral("retort-layout"),
                                              std::chrono::milliseconds(100)))
{
    qRegisterMetaType<retort::GraphLayout>();
    auto* worker = m_thread->adopt(new LayoutWorker(m_shared));
    m_worker = worker;
    connect(worker, &LayoutWorker::finished, this, &GraphvizLayouter::deliver,
            Qt::QueuedConnection);
    connect(
        worker, &LayoutWorker::started, this,
        [this](quint64 generation) {
            if (generation > m_cancelledUpTo)
                emit layoutStarted(generation);
        },
        Qt::QueuedConnection);
}

GraphvizLayouter::~GraphvizLayouter()
{
    m_shared->stopping = true;
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->pending.reset();
    }
    disconnect(m_worker, nullptr, this, nullptr);
    // A layout in progress cannot be interrupted: it gets a moment, then its thread is left
    // to finish on its own and delete itself.
    m_thread->shutdown();
}

quint64 GraphvizLayouter::requestLayout(std::shared_ptr<const RevisionGraph> graph,
                                        LayoutOptions options)
{
    const quint64 generation = ++m_generation;
    if (!graph) {
        GraphLayout empty;
        empty.generation = generation;
        QMetaObject::invokeMethod(
            this, [this, empty] { deliver(empty); }, Qt::QueuedConnection);
        return generation;
    }
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->pending = Request{generation, std::move(graph), std::move(options)};
    }
    m_thread->post([worker = static_cast<LayoutWorker*>(m_worker)] { worker->processPending(); });
    return generation;
}

void GraphvizLayouter::cancel()
{
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->pending.reset();
    }
    m_cancelledUpTo = m_generation;
}

void GraphvizLayouter::deliver(const GraphLayout& layout)
{
    if (layout.generation <= m_cancelledUpTo)
        return;
    emit layoutReady(layout);
}

} // namespace retort

#include "graphvizlayouter.moc"
