#pragma once

#include "model/common/result.h"
#include "model/common/workerthread.h"
#include "model/graph/revisiongraph.h"
#include "model/layout/graphlayout.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace retort {

// How a revision graph is laid out. Sizes are in points (1/72 inch).
struct LayoutOptions
{
    enum class Mode
    {
        Auto,     // Detailed up to `detailedLimit` revisions, Fast up to `laneLimit`, Lanes above
        Detailed, // plain dot: every revision a node, depends_on edges in dot, dot's splines
        Fast,     // linear runs collapsed, depends_on routed afterwards, bounded dot, own edges
        Lanes,    // as Fast, but ranks and lanes of our own instead of dot (lanelayout.h)
    };

    Mode mode = Mode::Auto;
    int detailedLimit = 400; // Auto: graphs up to this many revisions get Detailed
    int laneLimit = 2000;    // Auto: graphs of more revisions than this get Lanes
    bool newestOnTop = true; // heads on top, bases at the bottom (else the reverse)
    int minRunLength = 2;    // Fast: linear runs at least this long become one tall node

    // Node size model: one line "short id  message", elided by the view beyond maxNodeWidth.
    int shortIdLength = 12;
    qreal nodeHeight = 28;
    qreal charWidth = 6.5; // average advance of the view's font
    qreal horizontalPadding = 10;
    qreal minNodeWidth = 80;
    qreal maxNodeWidth = 300;
    qreal rankSeparation = 22; // vertical gap between ranks
    qreal nodeSeparation = 16; // horizontal gap between nodes

    // Where the revisions stood in the picture on screen (id -> centre x), when there is one.
    // A new layout of a graph that shares revisions with it keeps their left-to-right order
    // where it can (a branch does not jump sides because a merge was added): dot's result is
    // mirrored when that agrees better with the old picture.
    QHash<QString, qreal> previousX;

    // Where the asynchronous layouter keeps layouts that took a while (LayoutCache), so that
    // the same graph opened again is drawn at once; empty: no cache. Not used with previousX.
    QString cacheFolder;
    // Small graphs are laid out faster than a file is read: only layouts that took at least
    // this long are kept.
    qint64 cacheFromMs = 150;

    // The width and height of the box drawn for `revision`.
    QSizeF nodeSize(const Revision& revision) const;
};

// Lays out revision graphs with Graphviz's dot.
//
// `layoutNow` is the synchronous core (CLI, tests, benchmarks): it may be called from any
// thread; a process-wide lock makes sure only one thread is inside Graphviz at a time.
//
// The object is the asynchronous front: it owns one WorkerThread whose worker owns the GVC_t.
// `requestLayout` returns the request's generation; the result arrives as `layoutReady`
// (queued, on this object's thread). A request that is superseded before it starts is
// skipped; results of older requests may still arrive: compare generations. Only plain
// data (GraphLayout) leaves the worker thread.
//
// Edges: dot sees them from the newer revision to the older one (down_revision), so every
// EdgeLayout's points run from `to` (newer) towards `from` (older); arrowTip, when set, is
// at the `from` end.
class GraphvizLayouter : public QObject
{
    Q_OBJECT

public:
    explicit GraphvizLayouter(QObject* parent = nullptr);
    // Never waits long for Graphviz: WorkerThread::shutdown() with a 100 ms grace; a layout
    // still running then is left to finish on its own thread, its result discarded.
    ~GraphvizLayouter() override;

    static GraphLayout layoutNow(const RevisionGraph& graph, const LayoutOptions& options = {});

    // The previous picture's x positions, for LayoutOptions::previousX.
    static QHash<QString, qreal> xPositions(const GraphLayout& layout);

    // A plain DOT text of `graph` (every revision a node, depends_on edges dashed with
    // constraint=false): for export and for comparing against the `dot` program.
    static QByteArray toDot(const RevisionGraph& graph, const LayoutOptions& options = {});

    // Renders a DOT text whose nodes already carry `pos` (points, y up) with Graphviz's
    // neato -n2 (positions kept, edges as given or routed) into `format` ("png", "svg", ...).
    // Runs in-process under the same lock as the layouts.
    static Result<QByteArray> renderPositionedDot(const QByteArray& dot, const char* format);

    // The Graphviz library's version at run time (About, Report a Problem). The first call
    // takes the Graphviz lock, so it may wait for a layout: ask it off the GUI thread first;
    // graphvizVersionKnown() says when it returns at once. The version built against too.
    static QString graphvizVersion();
    static bool graphvizVersionKnown();
    static QString graphvizBuildVersion();

    quint64 requestLayout(std::shared_ptr<const RevisionGraph> graph, LayoutOptions options = {});
    // Drops the pending request; the result of a layout already running is not reported.
    void cancel();

    quint64 latestGeneration() const { return m_generation; }

    struct Shared; // the request queue shared with the worker (implementation detail)

signals:
    // The worker took request `generation` and is now inside Graphviz (for busy indicators).
    void layoutStarted(quint64 generation);
    void layoutReady(const retort::GraphLayout& layout);

private:
    void deliver(const retort::GraphLayout& layout);

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<WorkerThread> m_thread;
    QObject* m_worker = nullptr; // the LayoutWorker on m_thread, deleted when the thread ends
    quint64 m_generation = 0;
    quint64 m_cancelledUpTo = 0;
};

} // namespace retort
