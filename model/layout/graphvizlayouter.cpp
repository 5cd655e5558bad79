// GraphvizLayouter: the layout pipeline and its asynchronous front. runLayout puts the stages
// together: the plan (layoutplan.h: which revisions share a dot node), dot itself
// (graphvizgraph.h, the Graphviz C-API boundary), the revisions placed inside their units,
// the edges dot did not draw (edgerouting.h), and keeping the branches' sides. Below it the
// LayoutWorker on the WorkerThread, the public API and the DOT text export.
#include "model/layout/graphvizlayouter.h"

#include "model/common/logging.h"
#include "model/layout/edgerouting.h"
#include "model/layout/graphvizgraph.h"
#include "model/layout/lanelayout.h"
#include "model/layout/layoutcache.h"
#include "model/layout/layoutplan.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

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

// The revisions where dot put their units: a unit of one revision takes dot's box as it is,
// the members of a collapsed run are stacked in its column, newest first.
void placeRevisions(GraphLayout& result, const RevisionGraph& graph, const layout::Plan& plan,
                    const layout::DotLayout& placed, const LayoutOptions& options)
{
    const QList<Revision>& revisions = graph.revisions();
    const int n = int(revisions.size());
    result.nodes.resize(n);
    result.nodeIndex.reserve(n);
    for (qsizetype u = 0; u < plan.units.size(); ++u) {
        const layout::Unit& unit = plan.units[u];
        const QPointF centre = placed.centres.at(u);
        const qreal height = placed.sizes.at(u).height();
        const int count = int(unit.members.size());
        for (int k = 0; k < count; ++k) {
            const int r = unit.members[k];
            NodeLayout& out = result.nodes[r];
            out.id = revisions.at(r).id;
            out.size = options.nodeSize(revisions.at(r));
            if (count == 1) {
                out.center = centre;
                out.size.setWidth(placed.sizes.at(u).width());
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
}

// `context` is created on first use: the lane layout does not need Graphviz.
GraphLayout runLayout(std::unique_ptr<layout::GraphvizContext>& context,
                      const RevisionGraph& graph, const LayoutOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    GraphLayout result;
    if (graph.isEmpty())
        return result;

    using Mode = LayoutOptions::Mode;
    const bool lanes = options.mode == Mode::Lanes ||
                       (options.mode == Mode::Auto && graph.size() > options.laneLimit);
    const bool fast = lanes || options.mode == Mode::Fast ||
                      (options.mode == Mode::Auto && graph.size() > options.detailedLimit);
    const QList<Revision>& revisions = graph.revisions();
    const int n = int(revisions.size());
    const layout::Plan plan = layout::makePlan(graph, options, fast);

    layout::DotGraph dot;
    dot.newestOnTop = options.newestOnTop;
    dot.rankSeparation = options.rankSeparation;
    dot.nodeSeparation = options.nodeSeparation;
    dot.bounded = fast;
    dot.nodes.reserve(plan.units.size());
    for (const layout::Unit& unit : plan.units)
        dot.nodes.append(unit.size);

    // Edges dot routes (detailed mode) and edges we draw afterwards. In fast mode dot sees
    // only the parent edges between units: we draw them too, through dot's waypoints.
    QList<layout::OwnEdge> dotEdges; // parallel to dot.edges: the revisions at its ends
    QList<qsizetype> ownOfDot;       // fast mode: each dot edge's place in ownEdges
    QList<layout::OwnEdge> ownEdges;
    auto addDotEdge = [&](int newer, int older, bool dependency, QByteArray name) {
        dot.edges.append({plan.unitOf[newer], plan.unitOf[older], dependency, std::move(name)});
        dotEdges.append({newer, older, dependency, {}});
        if (fast) {
            ownOfDot.append(ownEdges.size());
            ownEdges.append({newer, older, dependency, {}});
        }
    };
    for (int i = 0; i < n; ++i) {
        const QString& id = revisions.at(i).id;
        for (const QString& parentId : graph.parents(id)) {
            const int p = graph.indexOf(parentId);
            if (p < 0)
                continue;
            if (plan.unitOf[i] == plan.unitOf[p]) // inside a collapsed run
                ownEdges.append({i, p, false, {}});
            else
                addDotEdge(i, p, false, {});
        }
        for (const QString& depId : graph.dependencies(id)) {
            const int d = graph.indexOf(depId);
            if (d < 0 || d == i)
                continue;
            if (fast) // depends_on lanes, routed afterwards
                ownEdges.append({i, d, true, {}});
            else
                addDotEdge(i, d, true, "d" + QByteArray::number(i) + "_" + QByteArray::number(d));
        }
    }

    if (!lanes && !context)
        context = std::make_unique<layout::GraphvizContext>();
    const layout::DotLayout placed = lanes ? layout::runLanes(dot) : layout::runDot(*context, dot);
    if (!placed.error.isEmpty()) {
        result.error = placed.error;
        result.elapsedMs = timer.elapsed();
        return result;
    }
    result.boundingBox = placed.boundingBox;
    placeRevisions(result, graph, plan, placed, options);

    for (qsizetype k = 0; k < dotEdges.size(); ++k) {
        const layout::OwnEdge& de = dotEdges.at(k);
        const layout::DotLayout::Edge& routed = placed.edges.at(k);
        if (fast) {
            ownEdges[ownOfDot.at(k)].via = routed.via;
            continue;
        }
        EdgeLayout edge;
        edge.from = revisions.at(de.older).id;
        edge.to = revisions.at(de.newer).id;
        edge.dependency = de.dependency;
        edge.points = routed.points;
        edge.hasArrow = routed.hasArrow;
        edge.arrowTip = routed.arrowTip;
        if ((edge.points.size() - 1) % 3 != 0)
            edge.points.clear(); // not a cubic Bézier list: route it ourselves below
        if (edge.points.isEmpty()) {
            ownEdges.append({de.newer, de.older, de.dependency, {}});
            continue;
        }
        result.edges.append(edge);
    }

    layout::routeOwnEdges(result, ownEdges, plan.unitOf, placed.rankBands, options.newestOnTop);
    for (const EdgeLayout& e : std::as_const(result.edges)) {
        for (const QPointF& p : e.points)
            result.boundingBox |= QRectF(p, QSizeF(0.01, 0.01));
    }
    if (!options.previousX.isEmpty())
        keepSides(result, options.previousX);
    // Keep the origin where Graphviz put it: y stays positive.
    result.simplified = fast;
    result.lanes = lanes;
    result.elapsedMs = timer.elapsed();
    qCDebug(lcLayout) << "laid out" << n << "revisions as" << plan.units.size() << "nodes in"
                      << result.elapsedMs << "ms"
                      << (lanes ? "(lanes)" : fast ? "(fast)" : "(detailed)");
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

// Lives on the layout thread and owns the one Graphviz context.
class LayoutWorker : public QObject
{
    Q_OBJECT

public:
    explicit LayoutWorker(std::shared_ptr<GraphvizLayouter::Shared> shared)
        : m_shared(std::move(shared))
    {
    }

    void processPending();

signals:
    void started(quint64 generation);
    void finished(const retort::GraphLayout& layout);

private:
    std::shared_ptr<GraphvizLayouter::Shared> m_shared;
    std::unique_ptr<layout::GraphvizContext> m_context; // created on the first dot layout
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
    emit started(request->generation);
    const LayoutOptions& options = request->options;
    const bool cached = !options.cacheFolder.isEmpty() && options.previousX.isEmpty();
    QElapsedTimer timer;
    timer.start();
    const LayoutCache cache(cached ? options.cacheFolder : QString());
    const QByteArray key = cached ? LayoutCache::key(*request->graph, options) : QByteArray();
    std::optional<GraphLayout> hit = cache.read(key);
    GraphLayout layout;
    if (hit) {
        layout = std::move(*hit);
        layout.elapsedMs = timer.elapsed();
        qCDebug(lcLayout) << "layout of" << request->graph->size() << "revisions read back in"
                          << layout.elapsedMs << "ms";
    } else {
        layout = runLayout(m_context, *request->graph, options);
        if (cached && layout.isValid() && layout.elapsedMs >= options.cacheFromMs)
            cache.write(key, layout);
    }
    layout.generation = request->generation;
    if (!m_shared->stopping)
        emit finished(layout);
}

GraphLayout GraphvizLayouter::layoutNow(const RevisionGraph& graph, const LayoutOptions& options)
{
    if (graph.isEmpty())
        return {};
    std::unique_ptr<layout::GraphvizContext> context;
    return runLayout(context, graph, options);
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
    using layout::dotNumber;
    using layout::kPointsPerInch;
    QByteArray out = "digraph revisions {\n  rankdir=";
    out += options.newestOnTop ? "TB" : "BT";
    out += "; ranksep=" + dotNumber(options.rankSeparation / kPointsPerInch) +
           "; nodesep=" + dotNumber(options.nodeSeparation / kPointsPerInch) + ";\n";
    out += "  node [shape=box, fixedsize=true, label=\"\"];\n";
    const QList<Revision>& revisions = graph.revisions();
    for (int i = 0; i < revisions.size(); ++i) {
        const QSizeF size = options.nodeSize(revisions.at(i));
        out += "  n" + QByteArray::number(i) +
               " [width=" + dotNumber(size.width() / kPointsPerInch) +
               ", height=" + dotNumber(size.height() / kPointsPerInch) + "];\n";
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

QString GraphvizLayouter::graphvizVersion()
{
    return layout::graphvizVersion();
}

bool GraphvizLayouter::graphvizVersionKnown()
{
    return layout::graphvizVersionKnown();
}

QString GraphvizLayouter::graphvizBuildVersion()
{
    return layout::graphvizBuildVersion();
}

Result<QByteArray> GraphvizLayouter::renderPositionedDot(const QByteArray& dot, const char* format)
{
    return layout::renderPositionedDot(dot, format);
}

GraphvizLayouter::GraphvizLayouter(QObject* parent)
    : QObject(parent), m_shared(std::make_shared<Shared>()),
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
