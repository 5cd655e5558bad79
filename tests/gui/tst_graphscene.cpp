#include "derivedstates.h"
#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/edgeitem.h"
#include "widgets/graph/graphcaption.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"
#include "model/layout/graphvizlayouter.h"
#include "model/project/projectloader.h"

#include <QElapsedTimer>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QImage>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include "support/testrevisions.h"

#include <QTest>
#include <QToolButton>

using namespace retort;
using retort::test::derived;
using retort::test::ids;
using retort::test::rev;

namespace {

// A hand-made layout: one rank per generation (newest at the top, y down), revisions of a
// rank side by side, straight single-segment splines from parent to child.
GraphLayout layoutFor(const RevisionGraph& graph, QPointF offset = {})
{
    const QSizeF size(140, 40);
    QHash<QString, int> rank;
    QStringList order = graph.topologicalOrderNewestFirst();
    std::reverse(order.begin(), order.end());
    QHash<int, int> perRank;
    GraphLayout layout;
    layout.generation = 1;
    for (const QString& id : std::as_const(order)) {
        int r = 0;
        for (const QString& p : graph.parents(id))
            r = std::max(r, rank.value(p) + 1);
        for (const QString& d : graph.dependencies(id))
            r = std::max(r, rank.value(d) + 1);
        rank.insert(id, r);
        const int column = perRank[r]++;
        layout.nodes.append({id, offset + QPointF(100 + column * 180, 500 - r * 80), size});
    }
    QHash<QString, QPointF> centers;
    for (const NodeLayout& n : std::as_const(layout.nodes)) {
        centers.insert(n.id, n.center);
        layout.boundingBox |= QRectF(n.center - QPointF(70, 20), size);
    }
    auto edge = [&](const QString& from, const QString& to, bool dependency) {
        EdgeLayout e;
        e.from = from;
        e.to = to;
        e.dependency = dependency;
        const QPointF a = centers.value(from) - QPointF(0, 20);
        const QPointF b = centers.value(to) + QPointF(0, 28);
        e.points = {a, a + (b - a) / 3, a + (b - a) * 2 / 3, b};
        e.hasArrow = true;
        e.arrowTip = b - QPointF(0, 8);
        layout.edges.append(e);
    };
    for (const Revision& r : graph.revisions()) {
        for (const QString& p : graph.parents(r.id))
            edge(p, r.id, false);
        for (const QString& d : graph.dependencies(r.id))
            edge(d, r.id, true);
    }
    return layout;
}

//   a - b(feat) - m - d
//     \ c ------/        e depends on c
std::shared_ptr<const RevisionGraph> sampleGraph(Diagnostics diagnostics = {})
{
    return RevisionGraph::build({rev("a1b2c3d4e5f6a7b8"), rev("b", "a1b2c3d4e5f6a7b8", "feat"),
                                 rev("c", "a1b2c3d4e5f6a7b8"), rev("m", "b c"), rev("d", "m"),
                                 rev("e", "c", "", "c")},
                                std::move(diagnostics));
}

EdgeItem* findEdge(const GraphScene& scene, const QString& from, const QString& to, bool dependency)
{
    for (EdgeItem* e : scene.edgeItems()) {
        if (e->from() == from && e->to() == to && e->isDependency() == dependency)
            return e;
    }
    return nullptr;
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestGraphScene : public QObject
{
    Q_OBJECT

private slots:
    void nodesAndMarkers()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));

        QCOMPARE(scene.nodeItems().size(), graph->size());
        QVERIFY(scene.ghostItems().isEmpty());
        const QString baseId = QStringLiteral("a1b2c3d4e5f6a7b8");
        RevisionNodeItem* a = scene.nodeItem(baseId);
        QVERIFY(a);
        QCOMPARE(a->id(), baseId);
        QVERIFY(a->shortId().size() >= 8 && a->shortId().size() <= 12);
        QVERIFY(baseId.startsWith(a->shortId()));
        QCOMPARE(a->message(), QStringLiteral("message of %1").arg(baseId));
        QVERIFY(a->isBase());
        QVERIFY(a->isBranchPoint());
        QVERIFY(!a->isHead());
        QVERIFY(!a->isMergePoint());

        RevisionNodeItem* m = scene.nodeItem(QStringLiteral("m"));
        QVERIFY(m->isMergePoint());
        QVERIFY(!m->isHead());
        QVERIFY(scene.nodeItem(QStringLiteral("d"))->isHead());
        QVERIFY(scene.nodeItem(QStringLiteral("e"))->isHead());
        QVERIFY(!scene.nodeItem(QStringLiteral("b"))->isHead());

        // Placed where the layout says.
        const GraphLayout layout = layoutFor(*graph);
        for (const NodeLayout& n : layout.nodes) {
            QCOMPARE(scene.nodeItem(n.id)->pos(), n.center);
            QCOMPARE(scene.nodeItem(n.id)->nodeRect().size(), n.size);
        }

        // Labels: declared on b, shown there; inherited ones are reported too.
        RevisionNodeItem* b = scene.nodeItem(QStringLiteral("b"));
        QCOMPARE(b->labels(), QStringList{QStringLiteral("feat")});
        QCOMPARE(b->shownLabels(), QStringList{QStringLiteral("feat")});
        QCOMPARE(scene.nodeItem(QStringLiteral("c"))->labels(), QStringList());
        QCOMPARE(b->state(), RevisionNodeItem::State::Unknown);
        QVERIFY(!b->hasErrors());
    }

    void edges()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        const GraphLayout layout = layoutFor(*graph);
        scene.setGraph(graph, layout);

        // a-b, a-c, b-m, c-m, m-d, c-e, plus e depends on c.
        QCOMPARE(scene.edgeItems().size(), layout.edges.size());
        QCOMPARE(scene.edgeItems().size(), 7);
        EdgeItem* dependency = findEdge(scene, QStringLiteral("c"), QStringLiteral("e"), true);
        QVERIFY(dependency);
        QVERIFY(dependency->isDashed());
        EdgeItem* plain = findEdge(scene, QStringLiteral("b"), QStringLiteral("m"), false);
        QVERIFY(plain);
        QVERIFY(!plain->isDashed());
        QVERIFY(!plain->path().isEmpty());
        QCOMPARE(plain->arrowHead().size(), 3);
        QVERIFY(plain->boundingRect().contains(plain->path().pointAtPercent(0.5)));
        int dashed = 0;
        for (EdgeItem* e : scene.edgeItems())
            dashed += e->isDashed() ? 1 : 0;
        QCOMPARE(dashed, 1);

        // Without an arrow tip from Graphviz, the arrow sits on the end of the spline.
        EdgeLayout e = layout.edges.first();
        e.hasArrow = false;
        EdgeItem item(e, nullptr);
        QCOMPARE(item.arrowHead().size(), 3);
        QCOMPARE(item.arrowHead().first(), e.points.last());
    }

    void diagnosticsMarker()
    {
        const auto graph = sampleGraph(
            {Diagnostic::error(QStringLiteral("/p/versions/c.py"), 3, QStringLiteral("bad")),
             Diagnostic::warning(QStringLiteral("/p/versions/d.py"), 1, QStringLiteral("meh"))});
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        QVERIFY(scene.nodeItem(QStringLiteral("c"))->hasErrors());
        QVERIFY(!scene.nodeItem(QStringLiteral("d"))->hasErrors()); // warnings only
        QVERIFY(!scene.nodeItem(QStringLiteral("b"))->hasErrors());
    }

    void databaseStates()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        auto node = [&](const char* id) { return scene.nodeItem(QString::fromUtf8(id)); };
        using State = RevisionNodeItem::State;

        const QString dev = QStringLiteral("dev");
        const QString staging = QStringLiteral("staging");
        const QString prod = QStringLiteral("prod");
        const QString broken = QStringLiteral("broken");
        GraphScene::ProfileStates states{
            {dev, DatabaseState::fromRows({QStringLiteral("b")})},
            {staging, DatabaseState::fromRows({QStringLiteral("m")})},
            {prod, DatabaseState::fromRows({QStringLiteral("b"), QStringLiteral("f00dcafe")})},
            {broken, DatabaseState::failure(QStringLiteral("no route to host"))},
        };
        scene.setDatabaseStates(derived(scene.graph(), states), dev);

        QCOMPARE(node("b")->state(), State::Current);
        QVERIFY(node("b")->isCurrent());
        QCOMPARE(node("a1b2c3d4e5f6a7b8")->state(), State::Applied);
        QVERIFY(!node("a1b2c3d4e5f6a7b8")->isCurrent());
        QCOMPARE(node("c")->state(), State::Pending);
        QCOMPARE(node("m")->state(), State::Pending);
        QCOMPARE(node("d")->state(), State::Pending);

        // Every readable profile has its marker on its current revision(s).
        QCOMPARE(node("b")->profileMarkers(), (QStringList{dev, prod}));
        QCOMPARE(node("b")->selectedProfileMarker(), dev);
        QCOMPARE(node("m")->profileMarkers(), QStringList{staging});
        QCOMPARE(node("m")->selectedProfileMarker(), QString());
        QVERIFY(node("c")->profileMarkers().isEmpty());

        // A row with no script is a ghost node near the heads.
        QCOMPARE(scene.ghostItems().size(), 1);
        RevisionNodeItem* ghost = scene.nodeItem(QStringLiteral("f00dcafe"));
        QVERIFY(ghost);
        QVERIFY(ghost->isGhost());
        QCOMPARE(ghost->state(), State::Ghost);
        QVERIFY(!ghost->isCurrent()); // prod is not the selected profile
        QCOMPARE(ghost->profileMarkers(), QStringList{prod});
        QVERIFY(ghost->toolTip().contains(QStringLiteral("f00dcafe")));
        QVERIFY(!scene.nodeItems().contains(ghost));
        QVERIFY(ghost->pos().y() < node("d")->pos().y()); // beyond the newest revisions
        QVERIFY(scene.graphRect().contains(ghost->sceneBoundingRect()));

        // Another selected profile moves the highlight.
        scene.setDatabaseStates(derived(scene.graph(), states), staging);
        QCOMPARE(node("m")->state(), State::Current);
        QCOMPARE(node("b")->state(), State::Applied);
        QCOMPARE(node("c")->state(), State::Applied);
        QCOMPARE(node("d")->state(), State::Pending);
        QCOMPARE(node("e")->state(), State::Pending);
        QCOMPARE(node("m")->selectedProfileMarker(), staging);
        QCOMPARE(node("b")->selectedProfileMarker(), QString());

        // The ghost is current for prod.
        scene.setDatabaseStates(derived(scene.graph(), states), prod);
        QVERIFY(scene.nodeItem(QStringLiteral("f00dcafe"))->isCurrent());
        QCOMPARE(node("b")->state(), State::Current);

        // An unreadable selected database highlights nothing.
        scene.setDatabaseStates(derived(scene.graph(), states), broken);
        QCOMPARE(node("b")->state(), State::Unknown);
        QCOMPARE(node("m")->state(), State::Unknown);
        QCOMPARE(node("m")->profileMarkers(), QStringList{staging});

        // At base: everything pending.
        scene.setDatabaseStates(derived(scene.graph(), {{dev, DatabaseState::atBase()}}), dev);
        for (RevisionNodeItem* item : scene.nodeItems())
            QCOMPARE(item->state(), State::Pending);
        QVERIFY(scene.ghostItems().isEmpty());
        QVERIFY(!scene.nodeItem(QStringLiteral("f00dcafe")));

        // No states at all.
        scene.setDatabaseStates({}, {});
        for (RevisionNodeItem* item : scene.nodeItems()) {
            QCOMPARE(item->state(), State::Unknown);
            QVERIFY(item->profileMarkers().isEmpty());
        }
    }

    // Before the first layout there is no graph: a database's rows are not ghosts yet (no
    // row is known to lack a script), they appear once the graph is drawn.
    void noGhostsBeforeTheGraph()
    {
        GraphScene scene;
        scene.setDatabaseStates(derived(scene.graph(),
            {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("d")})}}),
            QStringLiteral("dev"));
        QVERIFY(scene.ghostItems().isEmpty());
        QVERIFY(!scene.nodeItem(QStringLiteral("d")));
        auto graph = sampleGraph();
        scene.setGraph(graph, layoutFor(*graph));
        QVERIFY(scene.ghostItems().isEmpty());
        QVERIFY(scene.nodeItem(QStringLiteral("d"))->isCurrent());
    }

    void statesFollowANewGraph()
    {
        auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        scene.setDatabaseStates(derived(scene.graph(),
            {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("x9")})}}),
            QStringLiteral("dev"));
        QVERIFY(scene.nodeItem(QStringLiteral("x9"))->isGhost());

        // The script for x9 appears: the ghost becomes a real node.
        QList<Revision> revisions = graph->revisions();
        revisions.append(rev("x9", "d"));
        graph = RevisionGraph::build(revisions);
        scene.setGraph(graph, layoutFor(*graph));
        QVERIFY(scene.ghostItems().isEmpty());
        // The session derives the same rows against the new graph (the scene derives nothing).
        scene.setDatabaseStates(
            derived(graph, {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("x9")})}}),
            QStringLiteral("dev"));
        RevisionNodeItem* x9 = scene.nodeItem(QStringLiteral("x9"));
        QVERIFY(x9);
        QVERIFY(!x9->isGhost());
        QCOMPARE(x9->state(), RevisionNodeItem::State::Current);
        QCOMPARE(scene.nodeItem(QStringLiteral("d"))->state(), RevisionNodeItem::State::Applied);
        QCOMPARE(scene.nodeItem(QStringLiteral("e"))->state(), RevisionNodeItem::State::Pending);
    }

    void selectionSurvivesRelayout()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        QSignalSpy changed(&scene, &GraphScene::currentRevisionChanged);

        QVERIFY(scene.selectRevision(QStringLiteral("m")));
        QCOMPARE(scene.currentRevision(), QStringLiteral("m"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(0).toString(), QStringLiteral("m"));
        RevisionNodeItem* before = scene.nodeItem(QStringLiteral("m"));
        QVERIFY(before->isSelected());
        QVERIFY(findEdge(scene, QStringLiteral("b"), QStringLiteral("m"), false)->isEmphasized());
        QVERIFY(!findEdge(scene, QStringLiteral("a1b2c3d4e5f6a7b8"), QStringLiteral("b"), false)
                     ->isEmphasized());

        // Same graph, new positions.
        const GraphLayout moved = layoutFor(*graph, QPointF(35, 250));
        scene.setGraph(graph, moved);
        RevisionNodeItem* after = scene.nodeItem(QStringLiteral("m"));
        QCOMPARE(after, before);
        QVERIFY(after->isSelected());
        QCOMPARE(scene.currentRevision(), QStringLiteral("m"));
        QCOMPARE(changed.size(), 0);
        for (const NodeLayout& n : moved.nodes)
            QCOMPARE(scene.nodeItem(n.id)->pos(), n.center);
        QCOMPARE(scene.edgeItems().size(), moved.edges.size());
        QVERIFY(findEdge(scene, QStringLiteral("b"), QStringLiteral("m"), false)->isEmphasized());

        // A reload without m clears the selection.
        const auto smaller =
            RevisionGraph::build({rev("a1b2c3d4e5f6a7b8"), rev("b", "a1b2c3d4e5f6a7b8", "feat")});
        scene.setGraph(smaller, layoutFor(*smaller));
        QCOMPARE(scene.nodeItems().size(), 2);
        QCOMPARE(scene.edgeItems().size(), 1);
        QVERIFY(!scene.nodeItem(QStringLiteral("m")));
        QCOMPARE(scene.currentRevision(), QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.takeFirst().at(0).toString(), QString());

        // Unknown ids clear the selection.
        QVERIFY(scene.selectRevision(QStringLiteral("b")));
        QVERIFY(!scene.selectRevision(QStringLiteral("nope")));
        QCOMPARE(scene.currentRevision(), QString());
    }

    void activationAndContextMenu()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        QSignalSpy activated(&scene, &GraphScene::revisionActivated);
        QSignalSpy menu(&scene, &GraphScene::contextMenuRequested);

        scene.activateCurrentRevision(); // nothing selected
        QCOMPARE(activated.size(), 0);
        scene.selectRevision(QStringLiteral("c"));
        scene.activateCurrentRevision();
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("c"));

        QGraphicsSceneContextMenuEvent event(QEvent::GraphicsSceneContextMenu);
        event.setScenePos(scene.nodeItem(QStringLiteral("d"))->pos());
        event.setScreenPos(QPoint(12, 34));
        QCoreApplication::sendEvent(&scene, &event);
        QCOMPARE(menu.size(), 1);
        QCOMPARE(menu.first().at(0).toString(), QStringLiteral("d"));
        QCOMPARE(menu.first().at(1).toPoint(), QPoint(12, 34));
        QCOMPARE(scene.currentRevision(), QStringLiteral("d"));

        QGraphicsSceneContextMenuEvent empty(QEvent::GraphicsSceneContextMenu);
        empty.setScenePos(QPointF(-5000, -5000));
        QCoreApplication::sendEvent(&scene, &empty);
        QCOMPARE(menu.size(), 1);
    }

    void findRevisions()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        QCOMPARE(scene.findRevisions(QStringLiteral("A1B2")),
                 QStringList{QStringLiteral("a1b2c3d4e5f6a7b8")});
        QCOMPARE(scene.findRevisions(QStringLiteral("FEAT")).first(), QStringLiteral("b"));
        QCOMPARE(scene.findRevisions(QStringLiteral("message of e")),
                 QStringList{QStringLiteral("e")});
        QVERIFY(scene.findRevisions(QStringLiteral("  ")).isEmpty());
        QVERIFY(scene.findRevisions(QStringLiteral("zzz")).isEmpty());
    }

    void searchMatches()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        RevisionNodeItem* b = scene.nodeItem(QStringLiteral("b"));
        const QRectF around = b->sceneBoundingRect();
        auto render = [&] {
            QImage image(around.size().toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            scene.render(&painter, QRectF(), around);
            return image;
        };
        const QImage plain = render();

        scene.setSearchMatches({QStringLiteral("b"), QStringLiteral("zz")});
        QVERIFY(b->isSearchMatch());
        QVERIFY(!scene.nodeItem(QStringLiteral("c"))->isSearchMatch());
        // Drawn: a highlight of its own, not the selection's.
        const QImage matched = render();
        QVERIFY(matched != plain);
        QVERIFY(!b->isSelected());

        // Kept across a new layout, and given to a ghost row that appears later.
        scene.setGraph(graph, layoutFor(*graph, QPointF(30, 30)));
        QVERIFY(scene.nodeItem(QStringLiteral("b"))->isSearchMatch());
        scene.setDatabaseStates(derived(scene.graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("zz")})}}),
                                QStringLiteral("dev"));
        QVERIFY(scene.nodeItem(QStringLiteral("zz"))->isGhost());
        QVERIFY(scene.nodeItem(QStringLiteral("zz"))->isSearchMatch());

        scene.setSearchMatches({});
        QVERIFY(!scene.nodeItem(QStringLiteral("b"))->isSearchMatch());
        QVERIFY(!scene.nodeItem(QStringLiteral("zz"))->isSearchMatch());
    }

    void paintsInLightAndDarkPalettes()
    {
        const auto graph = sampleGraph(
            {Diagnostic::error(QStringLiteral("/p/versions/c.py"), 3, QStringLiteral("bad"))});
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        scene.setDatabaseStates(derived(scene.graph(),
            {{QStringLiteral("dev"),
              DatabaseState::fromRows({QStringLiteral("b"), QStringLiteral("zz")})},
             {QStringLiteral("prod"), DatabaseState::fromRows({QStringLiteral("m")})}}),
            QStringLiteral("dev"));
        scene.selectRevision(QStringLiteral("m"));

        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Window, QColor(45, 45, 45));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        for (const QPalette& palette : {QPalette(Qt::white), dark}) {
            scene.setPalette(palette);
            const GraphStyle style = GraphStyle::fromPalette(scene.palette(), scene.font());
            QVERIFY(style.nodeText != style.nodeFill);
            QVERIFY(style.pendingFill != style.currentFill);
            QVERIFY(style.appliedFill != style.pendingFill);
            QImage image(600, 500, QImage::Format_ARGB32_Premultiplied);
            image.fill(palette.color(QPalette::Base));
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            scene.render(&painter, QRectF(), scene.graphRect());
            painter.end();
            QVERIFY(distinctColours(image) > 8);
        }
    }

    // Issue 11: a marker was hidden under the neighbouring node once branches sat side by
    // side. On the demo, with databases on both branches (and several on one revision), no
    // marker covers a node (its box, badges and glyphs) or another marker.
    // The demo as it is, and after Merge Heads (a merge of its two heads added): the layout
    // changes, and no marker may end up under a neighbouring node.
    void markersNeverOverlapNodesOrEachOther_data()
    {
        QTest::addColumn<bool>("merged");
        QTest::newRow("demo") << false;
        QTest::newRow("demo after Merge Heads") << true;
    }
    void markersNeverOverlapNodesOrEachOther()
    {
        QFETCH(bool, merged);
        const auto loaded =
            ProjectLoader::load(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        std::shared_ptr<const RevisionGraph> graph = loaded->graph;
        const QStringList demoHeads = graph->heads();
        if (merged) {
            QList<Revision> revisions = graph->revisions();
            Revision merge;
            merge.id = QStringLiteral("feed00000001");
            merge.downRevisions = demoHeads;
            merge.message = QStringLiteral("merge heads");
            merge.path = QStringLiteral("/p/versions/feed00000001_merge_heads.py");
            revisions.append(merge);
            graph = RevisionGraph::build(revisions);
            QCOMPARE(graph->heads(), QStringList{merge.id});
        }
        const GraphLayout layout = GraphvizLayouter::layoutNow(*graph);
        QVERIFY2(layout.isValid(), qPrintable(layout.error));
        GraphScene scene;
        scene.setGraph(graph, layout);

        // Rows on every pair of siblings (side by side) and on both heads.
        GraphScene::ProfileStates states;
        QStringList rowsEverywhere;
        int n = 0;
        for (const Revision& r : graph->revisions()) {
            const QStringList children = graph->children(r.id);
            if (children.size() < 2)
                continue;
            for (const QString& child : children) {
                states.append({QStringLiteral("default%1").arg(n++),
                               DatabaseState::fromRows({child})});
                rowsEverywhere << child;
            }
        }
        // the demo's two heads: side by side (below the merge, once merged)
        const QStringList heads = demoHeads;
        QVERIFY(heads.size() >= 2);
        states.append({QStringLiteral("default"), DatabaseState::fromRows(heads)});
        states.append({QStringLiteral("staging"), DatabaseState::fromRows({heads.first()})});
        states.append({QStringLiteral("a rather long profile name"),
                       DatabaseState::fromRows({heads.last()})});
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("default"));

        const QList<DatabaseMarkerItem*> markers = scene.markerItems();
        QCOMPARE(markers.size(), n + int(heads.size()) + 2);
        QList<RevisionNodeItem*> nodes = scene.nodeItems() + scene.ghostItems();
        for (DatabaseMarkerItem* marker : markers) {
            const QRectF rect = marker->sceneBoundingRect();
            for (RevisionNodeItem* node : std::as_const(nodes)) {
                QVERIFY2(!rect.intersects(node->mapRectToScene(node->occupiedRect())),
                         qPrintable(QStringLiteral("marker %1 of %2 covers node %3")
                                        .arg(marker->profile(), marker->revision(), node->id())));
            }
            for (DatabaseMarkerItem* other : markers) {
                if (other != marker)
                    QVERIFY2(!rect.intersects(other->sceneBoundingRect()),
                             qPrintable(QStringLiteral("markers %1 and %2 overlap")
                                            .arg(marker->profile(), other->profile())));
            }
            // And it stays by its node: in the node's row, not far away.
            // And it stays by its node: touching its row, not beyond a neighbour.
            RevisionNodeItem* own = scene.nodeItem(marker->revision());
            const QRectF box = own->mapRectToScene(own->nodeRect());
            QVERIFY(rect.bottom() >= box.top() - 30 && rect.top() <= box.bottom() + 30);
            for (RevisionNodeItem* node : std::as_const(nodes)) {
                const QRectF other = node->mapRectToScene(node->nodeRect());
                const bool between = other.top() < box.bottom() && other.bottom() > box.top() &&
                                     ((other.left() > box.right() && other.left() < rect.left()) ||
                                      (other.right() < box.left() && other.right() > rect.right()));
                QVERIFY2(!between, qPrintable(QStringLiteral("marker %1 of %2 sits beyond %3")
                                                  .arg(marker->profile(), marker->revision(), node->id())));
            }
            QVERIFY(scene.graphRect().contains(rect));
        }
        QCOMPARE(markers.first()->isSelectedProfile(),
                 markers.first()->profile() == QStringLiteral("default"));
        // One leader per node with markers, from the node's box to its markers.
        QSet<QString> marked;
        for (DatabaseMarkerItem* marker : markers)
            marked.insert(marker->revision());
        QCOMPARE(scene.markerLeaders().size(), marked.size());

        // The profiles are still reported on the nodes (tool tips, details).
        QVERIFY(scene.nodeItem(heads.first())->profileMarkers().contains(QStringLiteral("staging")));
    }

    // Issue 11: the current revision (dark fill, thick black border) looked like the selection
    // (thick blue border). Now the current revision is green with a database glyph, and the
    // selection is a halo around the box that changes nothing inside it.
    void currentAndSelectedLookDifferent()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setPalette(QPalette(Qt::white));
        scene.setGraph(graph, layoutFor(*graph));
        scene.setDatabaseStates(derived(scene.graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("b")})}}),
                                QStringLiteral("dev"));
        RevisionNodeItem* current = scene.nodeItem(QStringLiteral("b"));
        RevisionNodeItem* other = scene.nodeItem(QStringLiteral("m"));
        QCOMPARE(current->state(), RevisionNodeItem::State::Current);

        const auto here = current->appearance(false);
        const auto both = current->appearance(true);
        const auto selected = other->appearance(true);
        const auto plain = other->appearance(false);
        QVERIFY(here.databaseGlyph);
        QVERIFY(!here.halo);
        QVERIFY(selected.halo);
        QVERIFY(!selected.databaseGlyph);
        QVERIFY(here.fill != selected.fill);
        QCOMPARE(selected.fill, plain.fill); // selecting changes nothing inside the box
        QCOMPARE(selected.border, plain.border);
        QCOMPARE(both.fill, here.fill);
        QCOMPARE(both.border, here.border);
        QVERIFY(both.halo && both.databaseGlyph);
        // Different colours, not just different widths: hues far apart.
        const int hueDistance = std::abs(here.border.hslHue() - selected.haloColor.hslHue());
        QVERIFY2(std::min(hueDistance, 360 - hueDistance) > 60,
                 qPrintable(QString::number(hueDistance)));

        // Drawn: the halo is outside the box of the selected node only.
        scene.selectRevision(QStringLiteral("m"));
        QImage image(scene.sceneRect().size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            scene.render(&painter, QRectF(image.rect()), scene.sceneRect());
        }
        auto pixelBeside = [&](RevisionNodeItem* node) {
            const QRectF box = node->mapRectToScene(node->nodeRect());
            const QPointF at = QPointF(box.left() - 4, box.center().y()) - scene.sceneRect().topLeft();
            return image.pixelColor(at.toPoint());
        };
        QVERIFY(pixelBeside(other) != QColor(Qt::white));
        QCOMPARE(pixelBeside(current), QColor(Qt::white));
    }

    // Issue 18: zoomed far out, a box is a bar in its state's colours (no text, no rounded
    // outline): still told apart, at a fraction of the cost.
    void farAwayBoxesAreBars()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setPalette(QPalette(Qt::white));
        scene.setGraph(graph, layoutFor(*graph));
        scene.setDatabaseStates(derived(scene.graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("b")})}}),
                                QStringLiteral("dev"));
        const qreal scale = 0.25;
        const QRectF source = scene.sceneRect();
        QImage image((source.size() * scale).toSize() + QSize(2, 2), QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            scene.render(&painter, QRectF(QPointF(0, 0), source.size() * scale), source);
        }
        QVERIFY(scene.nodeItem(QStringLiteral("b"))->appearance(false).fill !=
                scene.nodeItem(QStringLiteral("m"))->appearance(false).fill);
        for (const QString& id : {QStringLiteral("b"), QStringLiteral("m")}) {
            RevisionNodeItem* node = scene.nodeItem(id);
            const QRectF box = node->mapRectToScene(node->nodeRect()).translated(-source.topLeft());
            const QPointF centre = box.center() * scale;
            const QColor fill = node->appearance(false).fill;
            // Uniform across the bar: where the text would be, the fill.
            for (qreal dx : {-0.3, -0.15, 0.0, 0.15, 0.3})
                QCOMPARE(image.pixel((centre + QPointF(dx * box.width() * scale, 0)).toPoint()),
                         fill.rgba());
        }
    }

    // Issue 11: say on the graph whose state is shown, so that another profile never looks
    // like a wiped database.
    void captionFollowsTheSelectedProfile()
    {
        const auto graph = sampleGraph();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        QSignalSpy changed(&scene, &GraphScene::captionChanged);
        const GraphScene::ProfileStates states{
            {QStringLiteral("staging"), DatabaseState::fromRows({QStringLiteral("m")})},
            {QStringLiteral("prod"), DatabaseState::fromRows({QStringLiteral("b"), QStringLiteral("f00dcafe")})},
            {QStringLiteral("empty"), DatabaseState::fromRows({})},
            {QStringLiteral("new"), DatabaseState::atBase()},
            {QStringLiteral("gone"), DatabaseState::missingFile(QStringLiteral("/p/gone.db"))},
            {QStringLiteral("broken"), DatabaseState::failure(QStringLiteral("no route to host"))},
        };
        QCOMPARE(scene.caption(), QString());
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("staging"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: staging — at m"));
        QCOMPARE(changed.size(), 1);
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("prod"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: prod — at b, f00dcafe (no script)"));
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("empty"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: empty — at base (empty version table)"));
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("new"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: new — at base (no version table)"));
        // a SQLite file that vanished is not an empty database (issue 14)
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("gone"));
        QCOMPARE(scene.caption(),
                 QStringLiteral("Showing: gone — the file gone.db is missing (alembic would create it)"));
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("broken"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: broken — cannot read: no route to host"));
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("unread"));
        QCOMPARE(scene.caption(), QStringLiteral("Showing: unread — not read yet"));

        // On the view: a label over the picture that follows the scene, hidden without one.
        GraphView view(&scene);
        view.resize(700, 400);
        auto* caption = new GraphCaption(&view, &scene);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(caption->isVisible());
        QCOMPARE(caption->caption(), QStringLiteral("Showing: unread — not read yet"));
        QCOMPARE(caption->text(), caption->caption());
        scene.setDatabaseStates(derived(scene.graph(), states), QStringLiteral("staging"));
        QCOMPARE(caption->text(), QStringLiteral("Showing: staging — at m"));
        // Above the picture, in a strip the view keeps for it: it never covers a node.
        QVERIFY(!view.viewport()->geometry().intersects(caption->geometry()));
        QVERIFY(view.rect().contains(caption->geometry()));
        QVERIFY(view.viewport()->geometry().top() > caption->geometry().bottom());
        // It stays put while the picture scrolls.
        const QPoint before = caption->pos();
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
        QCOMPARE(caption->pos(), before);
        scene.setDatabaseStates({}, {});
        QVERIFY(caption->isHidden());
        QCOMPARE(view.viewport()->geometry().top(), view.frameWidth()); // the strip goes too
    }

    // Issue 11: a phantom node stayed drawn after a file was changed back outside Retort,
    // until the view was zoomed. Reloaded without a node, the scene has no item for it and
    // neither a fresh grab of the viewport nor what is on screen (the offscreen backing store)
    // shows it; after a scroll and a new layout that moves every node, what is on screen is
    // exactly what a fresh paint gives (Qt repainted moved items where they were drawn before
    // the scroll, leaving slivers of the old boxes).
    void reloadLeavesNoStalePixels()
    {
        QList<Revision> revisions = sampleGraph()->revisions();
        revisions.append(rev("f1", "d"));
        const auto withExtra = RevisionGraph::build(revisions);
        revisions.removeLast();
        const auto without = RevisionGraph::build(revisions);

        GraphView view;
        view.setOverviewEnabled(false); // a widget over the viewport: not the viewport's pixels
        view.resize(420, 320); // smaller than the graph: the view scrolls
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // The legend's corner button lies over the viewport: the checks compare the
        // viewport's own pixels with the screen's.
        view.legendButton()->hide();
        GraphScene* scene = view.graphScene();
        scene->setGraph(withExtra, layoutFor(*withExtra));
        scene->setDatabaseStates(derived(scene->graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("f1")})}}),
                                 QStringLiteral("dev"));
        view.selectRevision(QStringLiteral("f1"));
        RevisionNodeItem* extra = scene->nodeItem(QStringLiteral("f1"));
        QVERIFY(extra);
        view.setZoom(1.0);
        view.centerOn(extra->pos() + QPointF(150, 60)); // f1 near the top left corner
        const QRectF oldRect = extra->sceneBoundingRect();
        const QColor background = view.palette().color(QPalette::Base);
        auto onScreen = [&] {
            return view.screen()->grabWindow(view.winId()).toImage();
        };
        auto staleOnScreen = [&] {
            const QImage fresh = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            const QImage shown = onScreen()
                                     .copy(QRect(view.viewport()->pos(), view.viewport()->size()))
                                     .convertToFormat(QImage::Format_RGB32);
            int stale = 0;
            for (int y = 0; y < fresh.height(); ++y)
                for (int x = 0; x < fresh.width(); ++x)
                    stale += fresh.pixel(x, y) != shown.pixel(x, y) ? 1 : 0;
            return stale;
        };
        auto drawnIn = [&](const QImage& image, const QRect& area) {
            int differing = 0;
            for (int y = area.top(); y <= area.bottom(); y += 2) {
                for (int x = area.left(); x <= area.right(); x += 2) {
                    if (image.rect().contains(x, y) && image.pixelColor(x, y) != background)
                        ++differing;
                }
            }
            return differing;
        };
        QTRY_VERIFY(drawnIn(onScreen(), view.mapFromScene(oldRect).boundingRect().translated(
                                            view.viewport()->pos())) > 20);
        // Scrolled since it was drawn: the scroll copies pixels, f1 stays in view but is not
        // painted again.
        QScrollBar* vertical = view.verticalScrollBar();
        QVERIFY(vertical->maximum() - vertical->value() > 40);
        vertical->setValue(vertical->value() + 40);
        QTest::qWait(30);

        // The file is changed back: a reload without f1, as the graph controller does it.
        GraphLayout smaller = layoutFor(*without);
        smaller.boundingBox = layoutFor(*withExtra).boundingBox; // the view does not move
        scene->setGraph(without, smaller);
        scene->setDatabaseStates(derived(scene->graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("d")})}}),
                                 QStringLiteral("dev"));
        QVERIFY(!scene->nodeItem(QStringLiteral("f1")));
        for (QGraphicsItem* item : scene->items(oldRect))
            QVERIFY2(!item->sceneBoundingRect().intersects(oldRect.adjusted(20, 20, -20, -20)) ||
                         item->type() != RevisionNodeItem::Type,
                     "an item is still drawn where f1 was");
        QTest::qWait(50);
        const QRect area = view.mapFromScene(oldRect.adjusted(12, 12, -12, -12)).boundingRect();
        QVERIFY(view.viewport()->rect().contains(area));
        const QImage fresh = view.viewport()->grab().toImage();
        QCOMPARE(drawnIn(fresh, area), 0);
        QTRY_COMPARE(drawnIn(onScreen(), area.translated(view.viewport()->pos())), 0);
        QTRY_COMPARE(staleOnScreen(), 0);

        // Changed again: every revision moves (a new layout), after another scroll.
        vertical->setValue(vertical->value() - 30);
        QTest::qWait(30);
        GraphLayout moved = layoutFor(*without, QPointF(0, 200));
        moved.boundingBox = smaller.boundingBox.united(moved.boundingBox);
        scene->setGraph(without, moved);
        QTest::qWait(50);
        // What is on screen is what a fresh paint gives, everywhere.
        QTRY_COMPARE(staleOnScreen(), 0);
    }

    void bigGraph()
    {
        // 5,000 revisions: a trunk with a short branch merged back every 50 revisions.
        QList<Revision> revisions;
        QString previous;
        for (int i = 0; i < 5000; ++i) {
            Revision r;
            r.id = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
            r.message = QStringLiteral("revision number %1 with a fairly long message").arg(i);
            r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
            if (!previous.isEmpty())
                r.downRevisions = {previous};
            if (i % 50 == 49 && i > 50)
                r.downRevisions.append(revisions.at(i - 20).id);
            revisions.append(r);
            previous = r.id;
        }
        const auto graph = RevisionGraph::build(revisions);
        const GraphLayout layout = layoutFor(*graph);
        GraphScene scene;
        QElapsedTimer timer;
        timer.start();
        scene.setGraph(graph, layout);
        const qint64 build = timer.restart();
        scene.setDatabaseStates(derived(scene.graph(),
            {{QStringLiteral("dev"), DatabaseState::fromRows({revisions.at(2500).id})}}),
            QStringLiteral("dev"));
        const qint64 states = timer.restart();
        scene.selectRevision(revisions.at(100).id);
        scene.setGraph(graph, layoutFor(*graph, QPointF(10, 10)));
        const qint64 relayout = timer.restart();
        QCOMPARE(scene.nodeItems().size(), 5000);
        QCOMPARE(scene.currentRevision(), revisions.at(100).id);

        QImage image(1200, 900, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        const QPointF c = scene.nodeItem(revisions.at(2500).id)->pos();
        scene.render(&painter, QRectF(), QRectF(c - QPointF(600, 450), QSizeF(1200, 900)));
        painter.end();
        const qint64 paint = timer.restart();
        QVERIFY(distinctColours(image) > 8);
        qInfo("5000 revisions: build %lld ms, states %lld ms, relayout %lld ms, paint %lld ms",
              build, states, relayout, paint);
        QVERIFY(build + states + relayout + paint < 20000);
    }
};

QTEST_MAIN(TestGraphScene)
#include "tst_graphscene.moc"
