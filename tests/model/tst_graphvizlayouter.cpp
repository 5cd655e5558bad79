#include "model/layout/graphvizlayouter.h"
#include "model/project/projectloader.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include "support/testrevisions.h"

#include <QTest>

#include <clocale>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

namespace {

//          b1 - b2 - b3
//  a - bp                m - top
//          c1 ---------/
//  `top` depends on `c1`, `b3` on `a`.
std::shared_ptr<const RevisionGraph> smallGraph()
{
    return RevisionGraph::build({rev("a"), rev("bp", "a"), rev("b1", "bp"), rev("b2", "b1"),
                                 rev("b3", "b2", "", "a"), rev("c1", "bp"), rev("m", "b3 c1"),
                                 rev("top", "m", "", "c1")});
}

// A long linear run with a side branch: base - r01 - ... - r12 - head, side off r03.
std::shared_ptr<const RevisionGraph> runGraph()
{
    QList<Revision> revisions;
    revisions << rev("base");
    QByteArray previous = "base";
    for (int i = 1; i <= 12; ++i) {
        const QByteArray id = "r" + QByteArray::number(i).rightJustified(2, '0');
        revisions << rev(id.constData(), previous.constData());
        previous = id;
    }
    revisions << rev("head", previous.constData()) << rev("side", "r03", "", "r08");
    return RevisionGraph::build(revisions);
}

// A deterministic branchy history of `count` revisions: branches, merges, depends_on.
std::shared_ptr<const RevisionGraph> generatedGraph(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Revision> revisions;
    QStringList heads;
    for (int i = 0; i < count; ++i) {
        Revision r;
        r.id = QStringLiteral("g%1").arg(i, 5, 10, QLatin1Char('0'));
        r.message = QStringLiteral("generated revision %1").arg(i);
        r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
        if (i > 0) {
            const int roll = int(random.bounded(100));
            if (roll < 8) { // a new branch off a recent revision
                r.downRevisions << revisions.at(i - 1 - int(random.bounded(std::min(i, 40)))).id;
            } else if (roll < 14 && heads.size() >= 2) { // merge two heads
                const int h1 = int(random.bounded(int(heads.size())));
                int h2 = int(random.bounded(int(heads.size()) - 1));
                if (h2 >= h1)
                    ++h2;
                r.downRevisions << heads.at(h1) << heads.at(h2);
            } else {
                r.downRevisions << heads.at(int(random.bounded(int(heads.size()))));
            }
            if (roll > 96 && i > 100)
                r.dependsOn << revisions.at(int(random.bounded(i - 50))).id;
        }
        for (const QString& d : r.downRevisions)
            heads.removeAll(d);
        heads << r.id;
        revisions << r;
    }
    return RevisionGraph::build(revisions);
}

LayoutOptions withMode(LayoutOptions::Mode mode)
{
    LayoutOptions options;
    options.mode = mode;
    return options;
}

qreal distanceToRect(QPointF p, const NodeLayout& n)
{
    const QRectF r(n.center - QPointF(n.size.width() / 2, n.size.height() / 2), n.size);
    const qreal dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const qreal dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

class TestGraphvizLayouter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<retort::GraphLayout>(); }

    void empty()
    {
        const GraphLayout layout = GraphvizLayouter::layoutNow(*RevisionGraph::build({}));
        QVERIFY(layout.isValid());
        QVERIFY(layout.nodes.isEmpty());
    }

    void shape_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("newestOnTop");
        QTest::newRow("detailed") << int(LayoutOptions::Mode::Detailed) << true;
        QTest::newRow("fast") << int(LayoutOptions::Mode::Fast) << true;
        QTest::newRow("detailed, newest at bottom") << int(LayoutOptions::Mode::Detailed) << false;
        QTest::newRow("fast, newest at bottom") << int(LayoutOptions::Mode::Fast) << false;
        QTest::newRow("lanes") << int(LayoutOptions::Mode::Lanes) << true;
        QTest::newRow("lanes, newest at bottom") << int(LayoutOptions::Mode::Lanes) << false;
    }

    // Every revision has a node inside the (y-flipped) bounding box; newer revisions are
    // above (or below) their parents; edges are cubic Béziers between the right nodes.
    void shape()
    {
        QFETCH(int, mode);
        QFETCH(bool, newestOnTop);
        LayoutOptions options = withMode(LayoutOptions::Mode(mode));
        options.newestOnTop = newestOnTop;
        for (const auto& graph : {smallGraph(), runGraph()}) {
            const GraphLayout layout = GraphvizLayouter::layoutNow(*graph, options);
            QVERIFY2(layout.isValid(), qPrintable(layout.error));
            QCOMPARE(layout.nodes.size(), graph->size());
            QVERIFY(layout.boundingBox.isValid());
            QVERIFY(layout.boundingBox.top() >= 0);
            const QRectF box = layout.boundingBox.adjusted(-0.5, -0.5, 0.5, 0.5);
            for (const Revision& r : graph->revisions()) {
                const NodeLayout* n = layout.node(r.id);
                QVERIFY2(n, qPrintable(r.id));
                QVERIFY(n->center.y() > 0);
                QVERIFY2(box.contains(n->center), qPrintable(r.id));
                QVERIFY(n->size.width() >= options.minNodeWidth - 0.5);
                QVERIFY(qAbs(n->size.height() - options.nodeHeight) < 0.5);
                for (const QString& parent : graph->parents(r.id)) {
                    const NodeLayout* p = layout.node(parent);
                    QVERIFY(p);
                    if (newestOnTop)
                        QVERIFY2(n->center.y() < p->center.y(), qPrintable(r.id + u' ' + parent));
                    else
                        QVERIFY2(n->center.y() > p->center.y(), qPrintable(r.id + u' ' + parent));
                }
            }
            int parentEdges = 0;
            for (const Revision& r : graph->revisions())
                parentEdges += int(graph->parents(r.id).size());
            int dependencyEdges = 0;
            for (const EdgeLayout& e : layout.edges) {
                QVERIFY(e.points.size() >= 4);
                QCOMPARE((e.points.size() - 1) % 3, 0);
                const NodeLayout* from = layout.node(e.from);
                const NodeLayout* to = layout.node(e.to);
                QVERIFY(from && to);
                if (e.dependency) {
                    ++dependencyEdges;
                    QVERIFY(graph->dependencies(e.to).contains(e.from));
                } else {
                    QVERIFY(graph->parents(e.to).contains(e.from));
                }
                // Points run from the newer node towards the older one.
                QVERIFY2(distanceToRect(e.points.first(), *to) < 4,
                         qPrintable(e.to + u' ' + e.from));
                const QPointF end = e.hasArrow ? e.arrowTip : e.points.last();
                QVERIFY2(distanceToRect(end, *from) < 4, qPrintable(e.to + u' ' + e.from));
            }
            int expectedDependencies = 0;
            for (const Revision& r : graph->revisions())
                expectedDependencies += int(graph->dependencies(r.id).size());
            QCOMPARE(dependencyEdges, expectedDependencies);
            QCOMPARE(int(layout.edges.size()), parentEdges + expectedDependencies);
        }
    }

    void oddGraphs_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("detailed") << int(LayoutOptions::Mode::Detailed);
        QTest::newRow("fast") << int(LayoutOptions::Mode::Fast);
        QTest::newRow("lanes") << int(LayoutOptions::Mode::Lanes);
    }

    // Separate histories, a cycle, a dangling parent, a self-dependency: still laid out.
    void oddGraphs()
    {
        QFETCH(int, mode);
        const auto graph = RevisionGraph::build(
            {rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("x"), rev("y", "x"),
             rev("z", "y", "", "z"), rev("p", "q"), rev("q", "p"), rev("r", "missing")});
        const GraphLayout layout =
            GraphvizLayouter::layoutNow(*graph, withMode(LayoutOptions::Mode(mode)));
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        QCOMPARE(layout.nodes.size(), graph->size());
        const QRectF box = layout.boundingBox.adjusted(-0.5, -0.5, 0.5, 0.5);
        for (const NodeLayout& n : layout.nodes)
            QVERIFY2(box.contains(n.center), qPrintable(n.id));
        for (const EdgeLayout& e : layout.edges)
            QCOMPARE((e.points.size() - 1) % 3, 0);
        QVERIFY(layout.node(QStringLiteral("d"))->center.y() <
                layout.node(QStringLiteral("a"))->center.y());
    }

    // A decimal-comma locale neither breaks the sizes handed to Graphviz nor survives it.
    void numericLocaleIsRestored()
    {
        const QByteArray saved = std::setlocale(LC_NUMERIC, nullptr);
        const char* comma = nullptr;
        for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"}) {
            if (std::setlocale(LC_NUMERIC, name)) {
                comma = name;
                break;
            }
        }
        QVERIFY2(comma, "no decimal-comma locale: scripts/setup generates de_DE.UTF-8");
        const GraphLayout layout =
            GraphvizLayouter::layoutNow(*smallGraph(), withMode(LayoutOptions::Mode::Detailed));
        const QByteArray after = std::setlocale(LC_NUMERIC, nullptr);
        std::setlocale(LC_NUMERIC, saved.constData());
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        QCOMPARE(after, QByteArray(comma));
        QVERIFY(qAbs(layout.node(QStringLiteral("a"))->size.height() - 28) < 0.5);
    }

    void detailedKeepsDotSplines()
    {
        const GraphLayout layout =
            GraphvizLayouter::layoutNow(*smallGraph(), withMode(LayoutOptions::Mode::Detailed));
        QVERIFY(layout.isValid());
        QVERIFY(!layout.simplified);
        const auto dependency =
            std::find_if(layout.edges.cbegin(), layout.edges.cend(), [](const EdgeLayout& e) {
                return e.from == QLatin1String("c1") && e.to == QLatin1String("top");
            });
        QVERIFY(dependency != layout.edges.cend());
        QVERIFY(dependency->dependency);
        // Small graphs are laid out in full by default.
        QVERIFY(!GraphvizLayouter::layoutNow(*smallGraph()).simplified);
    }

    void collapsedRunIsExpanded_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("fast") << int(LayoutOptions::Mode::Fast);
        QTest::newRow("lanes") << int(LayoutOptions::Mode::Lanes);
    }

    // The run r01..r12 (and `head`, whose only child is none, is not part of it) is one
    // tall node for dot and comes back as one node per revision, in order, in one column.
    void collapsedRunIsExpanded()
    {
        QFETCH(int, mode);
        const auto graph = runGraph();
        const GraphLayout layout =
            GraphvizLayouter::layoutNow(*graph, withMode(LayoutOptions::Mode(mode)));
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        QVERIFY(layout.simplified);
        const QStringList run = ids("r04 r05 r06 r07 r08 r09 r10 r11 r12");
        const NodeLayout* first = layout.node(run.first());
        QVERIFY(first);
        qreal previousY = -1;
        for (qsizetype i = run.size() - 1; i >= 0; --i) { // newest first: from the top
            const NodeLayout* n = layout.node(run.at(i));
            QVERIFY2(n, qPrintable(run.at(i)));
            QCOMPARE(n->center.x(), first->center.x());
            QVERIFY(n->center.y() > previousY + n->size.height()); // no overlap, in order
            previousY = n->center.y();
        }
        // Edges inside the run are straight segments.
        for (const EdgeLayout& e : layout.edges) {
            if (e.from == QLatin1String("r07") && e.to == QLatin1String("r08")) {
                for (const QPointF& p : e.points)
                    QCOMPARE(p.x(), first->center.x());
            }
        }
    }

    // Issue 11: after Merge Heads the whole layout reflowed (a branch jumped sides). Laid out
    // again with the old picture's positions, the demo with a merge of its heads keeps every
    // old revision's left-to-right order relative to the others.
    void mergeKeepsTheBranchesSides()
    {
        const auto loaded =
            ProjectLoader::load(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
        QVERIFY(loaded.ok());
        const auto graph = loaded->graph;
        const QStringList heads = graph->heads();
        QCOMPARE(heads.size(), 2);
        const GraphLayout before = GraphvizLayouter::layoutNow(*graph);
        QVERIFY(before.isValid());

        QList<Revision> revisions = graph->revisions();
        Revision merge;
        merge.id = QStringLiteral("fa11c0ffee01");
        merge.message = QStringLiteral("merge heads");
        merge.downRevisions = heads;
        merge.path = QStringLiteral("/demo/versions/fa11c0ffee01_merge_heads.py");
        revisions.append(merge);
        const auto merged = RevisionGraph::build(revisions);
        QCOMPARE(merged->heads(), QStringList{merge.id});

        LayoutOptions options;
        options.previousX = GraphvizLayouter::xPositions(before);
        QCOMPARE(options.previousX.size(), graph->size());
        const GraphLayout after = GraphvizLayouter::layoutNow(*merged, options);
        QVERIFY(after.isValid());
        QCOMPARE(after.nodes.size(), merged->size());

        // Every pair of old revisions side by side (boxes apart in x) keeps its order. (Laid
        // out without the old positions, dot draws the demo's branches the other way round.)
        int pairs = 0;
        for (const NodeLayout& a : before.nodes) {
            for (const NodeLayout& b : before.nodes) {
                const qreal dOld = a.center.x() - b.center.x();
                if (dOld < (a.size.width() + b.size.width()) / 2)
                    continue;
                ++pairs;
                const qreal dNew = after.node(a.id)->center.x() - after.node(b.id)->center.x();
                QVERIFY2(dNew > 0, qPrintable(QStringLiteral("%1 was right of %2, now left of it")
                                                  .arg(a.id, b.id)));
            }
        }
        QVERIFY(pairs > 10);
        // Edges follow their nodes.
        for (const EdgeLayout& e : after.edges) {
            const NodeLayout* to = after.node(e.to);
            QVERIFY(std::abs(e.points.first().x() - to->center.x()) <= to->size.width() / 2 + 1);
        }
    }

    void nodeSizeFollowsText()
    {
        LayoutOptions options;
        Revision shortOne = rev("a");
        shortOne.message = QStringLiteral("x");
        Revision longOne = rev("abcdef123456");
        longOne.message = QStringLiteral("add a column to the invoices table for reporting");
        QCOMPARE(options.nodeSize(shortOne).width(), options.minNodeWidth);
        QVERIFY(options.nodeSize(longOne).width() > options.minNodeWidth);
        longOne.message = longOne.message.repeated(10);
        QCOMPARE(options.nodeSize(longOne).width(), options.maxNodeWidth);
    }

    void toDot()
    {
        const QByteArray dot = GraphvizLayouter::toDot(*smallGraph());
        QVERIFY(dot.startsWith("digraph"));
        QVERIFY(dot.contains("constraint=false"));
    }

    void generatedGraphCompletes()
    {
        const auto graph = generatedGraph(2000, 7);
        QCOMPARE(graph->size(), 2000);
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph);
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        QCOMPARE(layout.nodes.size(), 2000);
        const QRectF box = layout.boundingBox.adjusted(-0.5, -0.5, 0.5, 0.5);
        for (const Revision& r : graph->revisions()) {
            const NodeLayout* n = layout.node(r.id);
            QVERIFY2(n, qPrintable(r.id));
            QVERIFY2(box.contains(n->center), qPrintable(r.id));
            for (const QString& parent : graph->parents(r.id))
                QVERIFY(n->center.y() < layout.node(parent)->center.y());
        }
    }

    // Fast mode routes long edges through the places dot reserved for them: down_revision
    // edges never cut through the box of a revision they do not connect, and depends_on arcs
    // go round the boxes between their ends.
    void fastEdgesAvoidBoxes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("newestOnTop");
        QTest::newRow("newest on top") << int(LayoutOptions::Mode::Fast) << true;
        QTest::newRow("newest at bottom") << int(LayoutOptions::Mode::Fast) << false;
        QTest::newRow("lanes, newest on top") << int(LayoutOptions::Mode::Lanes) << true;
        QTest::newRow("lanes, newest at bottom") << int(LayoutOptions::Mode::Lanes) << false;
    }

    void fastEdgesAvoidBoxes()
    {
        QFETCH(int, mode);
        QFETCH(bool, newestOnTop);
        const auto graph = generatedGraph(1500, 5);
        LayoutOptions options = withMode(LayoutOptions::Mode(mode));
        options.newestOnTop = newestOnTop;
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph, options);
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        QList<QRectF> boxes;
        for (const NodeLayout& n : layout.nodes)
            boxes << QRectF(n.center - QPointF(n.size.width() / 2, n.size.height() / 2), n.size)
                         .adjusted(1, 1, -1, -1);
        int cuts = 0;
        int dependencies = 0;
        for (const EdgeLayout& e : layout.edges) {
            dependencies += e.dependency ? 1 : 0;
            const int from = int(layout.nodeIndex.value(e.from));
            const int to = int(layout.nodeIndex.value(e.to));
            for (qsizetype k = 0; k + 3 < e.points.size(); k += 3) {
                // depends_on arcs run long straight lanes: look along them closely
                const int samples = e.dependency ? 64 : 4;
                for (int i = 1; i < samples; ++i) {
                    const qreal t = qreal(i) / samples;
                    const qreal u = 1 - t;
                    const QPointF p = u * u * u * e.points[k] + 3 * u * u * t * e.points[k + 1] +
                                      3 * u * t * t * e.points[k + 2] + t * t * t * e.points[k + 3];
                    for (int b = 0; b < boxes.size(); ++b) {
                        if (b != from && b != to && boxes.at(b).contains(p)) {
                            ++cuts;
                            qWarning() << e.to << "->" << e.from << "cuts" << layout.nodes[b].id << e.dependency;
                        }
                    }
                }
            }
        }
        QVERIFY(dependencies > 10); // the graph has depends_on arcs to check
        QCOMPARE(cuts, 0);
    }

    // Above `laneLimit` revisions Auto lays out with lanes, Graphviz below it. Lanes never
    // overlap two boxes, put every revision above its parents, and are deterministic.
    void autoUsesLanesForLargeGraphs()
    {
        const auto graph = generatedGraph(3000, 9);
        LayoutOptions options;
        options.laneLimit = 2500;
        const GraphLayout lanes = GraphvizLayouter::layoutNow(*graph, options);
        QVERIFY2(lanes.isValid(), qPrintable(lanes.error));
        QVERIFY(lanes.lanes);
        QVERIFY(lanes.simplified);
        QCOMPARE(lanes.nodes.size(), 3000);
        options.laneLimit = 3000;
        const GraphLayout dot = GraphvizLayouter::layoutNow(*graph, options);
        QVERIFY(dot.isValid());
        QVERIFY(!dot.lanes);
        QVERIFY(dot.simplified);

        QList<QRectF> boxes;
        for (const NodeLayout& n : lanes.nodes)
            boxes << QRectF(n.center - QPointF(n.size.width() / 2, n.size.height() / 2), n.size);
        std::sort(boxes.begin(), boxes.end(),
                  [](const QRectF& a, const QRectF& b) { return a.top() < b.top(); });
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            for (qsizetype j = i + 1; j < boxes.size() && boxes.at(j).top() < boxes.at(i).bottom();
                 ++j)
                QVERIFY2(!boxes.at(i).intersects(boxes.at(j)), "two boxes overlap");
        }
        for (const Revision& r : graph->revisions()) {
            for (const QString& parent : graph->parents(r.id))
                QVERIFY(lanes.node(r.id)->center.y() < lanes.node(parent)->center.y());
        }
        // Narrower than the row of every revision side by side, and the same every time.
        QVERIFY(lanes.boundingBox.width() < 3000 * 80 / 10);
        options.laneLimit = 2500;
        const GraphLayout again = GraphvizLayouter::layoutNow(*graph, options);
        for (qsizetype i = 0; i < lanes.nodes.size(); ++i)
            QCOMPARE(again.nodes.at(i).center, lanes.nodes.at(i).center);
    }

    // Issue 18: a reload after one script's message was edited keeps the picture: the same
    // ranks, and only boxes near the edited one may move sideways.
    void lanesKeepThePictureWhenOneMessageChanges()
    {
        const auto graph = generatedGraph(3000, 9);
        LayoutOptions options = withMode(LayoutOptions::Mode::Lanes);
        const GraphLayout before = GraphvizLayouter::layoutNow(*graph, options);
        QList<Revision> revisions = graph->revisions();
        const int edited = 1500;
        revisions[edited].message = QStringLiteral("a much longer message than the generated one, "
                                                   "so that its box is as wide as a box gets");
        const auto changed = RevisionGraph::build(revisions);
        QVERIFY(options.nodeSize(changed->revisions().at(edited)).width() >
                before.nodes.at(before.nodeIndex.value(revisions.at(edited).id)).size.width());
        const GraphLayout after = GraphvizLayouter::layoutNow(*changed, options);
        int moved = 0;
        for (const NodeLayout& n : before.nodes) {
            const NodeLayout* m = after.node(n.id);
            QVERIFY(m);
            QCOMPARE(m->center.y(), n.center.y());
            if (std::abs(m->center.x() - n.center.x()) > 0.5)
                ++moved;
        }
        qInfo() << moved << "of" << before.nodes.size() << "boxes moved sideways";
        QVERIFY2(moved <= before.nodes.size() / 50, qPrintable(QString::number(moved)));
    }

    void asyncNewestWins()
    {
        GraphvizLayouter layouter;
        QSignalSpy started(&layouter, &GraphvizLayouter::layoutStarted);
        QSignalSpy spy(&layouter, &GraphvizLayouter::layoutReady);
        const auto big = generatedGraph(2000, 3);
        const auto small = smallGraph();
        const auto run = runGraph();
        const quint64 first = layouter.requestLayout(big);
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), 30000); // the worker is busy with it
        QCOMPARE(started.first().at(0).value<quint64>(), first);
        const quint64 second = layouter.requestLayout(small);
        const quint64 third = layouter.requestLayout(run);
        QVERIFY(first < second && second < third);
        QCOMPARE(layouter.latestGeneration(), third);
        QTRY_VERIFY_WITH_TIMEOUT(
            !spy.isEmpty() && spy.last().at(0).value<retort::GraphLayout>().generation == third,
            60000);
        QList<quint64> reported;
        for (const QList<QVariant>& args : spy)
            reported << args.at(0).value<retort::GraphLayout>().generation;
        QCOMPARE(reported, (QList<quint64>{first, third})); // second superseded: skipped
        for (const QList<QVariant>& args : started)
            QVERIFY(args.at(0).value<quint64>() != second);
        const GraphLayout last = spy.last().at(0).value<retort::GraphLayout>();
        QVERIFY(last.isValid());
        QCOMPARE(last.nodes.size(), runGraph()->size());
        QVERIFY(last.node(QStringLiteral("r05")));
    }

    void cancelDropsResults()
    {
        GraphvizLayouter layouter;
        QSignalSpy spy(&layouter, &GraphvizLayouter::layoutReady);
        layouter.requestLayout(smallGraph());
        layouter.cancel();
        const quint64 next = layouter.requestLayout(runGraph());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size() >= 1, true, 30000);
        QCOMPARE(spy.last().at(0).value<retort::GraphLayout>().generation, next);
        for (const QList<QVariant>& args : spy)
            QCOMPARE(args.at(0).value<retort::GraphLayout>().generation, next);
    }

    void destructorWhileBusyReturns()
    {
        auto* layouter = new GraphvizLayouter;
        QSignalSpy spy(layouter, &GraphvizLayouter::layoutReady);
        layouter->requestLayout(generatedGraph(2000, 11));
        QTest::qWait(20); // let the worker enter Graphviz
        delete layouter;  // returns without waiting for the layout
        QVERIFY(spy.isEmpty());
        // The abandoned layout finishes on its own thread; the process-wide lock makes
        // this one wait for it rather than run Graphviz concurrently.
        const GraphLayout layout = GraphvizLayouter::layoutNow(*smallGraph());
        QVERIFY(layout.isValid());
        QTest::qWait(50); // let the abandoned thread finish and delete itself
    }
};

QTEST_GUILESS_MAIN(TestGraphvizLayouter)
#include "tst_graphvizlayouter.moc"
