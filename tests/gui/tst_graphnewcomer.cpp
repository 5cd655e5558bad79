// The graph for a newcomer: the legend, what each node says on hover, only a revision's own
// branch labels as badges, the initial view, and the lint warning markers.
#include "derivedstates.h"
#include "model/graph/revisiongraph.h"
#include "support/testrevisions.h"
#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/graphlegend.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphstyle.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QAction>
#include <QScrollBar>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace retort;
using retort::test::derived;
using retort::test::rev;

namespace {

// One rank per generation, newest at the top (as Graphviz draws it), side by side within a
// rank; plain straight edges.
GraphLayout layoutFor(const RevisionGraph& graph)
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
        rank.insert(id, r);
        const int column = perRank[r]++;
        layout.nodes.append({id, QPointF(100 + column * 180, 5000 - r * 80), size});
    }
    for (const NodeLayout& n : std::as_const(layout.nodes))
        layout.boundingBox |= QRectF(n.center - QPointF(70, 20), size);
    return layout;
}

//   a ── b ─┬─ c ──────────┐
//           ├─ r1 ── r2 ───┴─ m ── d        r1 declares `reporting`
//           └─ x1 ── x2                     x1 declares `extras`
std::shared_ptr<const RevisionGraph> shapes()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "b"),
                                 rev("r1", "b", "reporting"), rev("r2", "r1"), rev("m", "c r2"),
                                 rev("d", "m"), rev("x1", "b", "extras"), rev("x2", "x1")});
}

// A chain r0 … r(n-1), newest r(n-1).
std::shared_ptr<const RevisionGraph> chain(int n)
{
    QList<Revision> revisions;
    for (int i = 0; i < n; ++i) {
        const QByteArray id = "r" + QByteArray::number(i);
        const QByteArray down = i == 0 ? QByteArray() : "r" + QByteArray::number(i - 1);
        revisions.append(rev(id.constData(), down.constData()));
    }
    return RevisionGraph::build(revisions);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x5c, 0x9d, 0xff));
    return p;
}

const GraphLegend::Entry* entry(const QList<GraphLegend::Entry>& entries, const char* key)
{
    for (const GraphLegend::Entry& e : entries)
        if (e.key == QLatin1String(key))
            return &e;
    return nullptr;
}

} // namespace

class TestGraphNewcomer : public QObject
{
    Q_OBJECT

private slots:
    void tooltipsExplainEachKind()
    {
        const auto graph = shapes();
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        auto tip = [&](const char* id) { return scene.nodeItem(QLatin1String(id))->toolTip(); };

        QVERIFY2(tip("m").contains(QStringLiteral(
                     "Merge point: joins the main line and the `reporting` branch; upgrading "
                     "past it needs both.")),
                 qPrintable(tip("m")));
        QVERIFY2(tip("b").contains(QStringLiteral(
                     "Branch point: 3 branches start here: the main line, the `reporting` "
                     "branch and the `extras` branch.")),
                 qPrintable(tip("b")));
        QVERIFY2(tip("x2").contains(
                     QStringLiteral("Head of the `extras` branch: the newest revision on it.")),
                 qPrintable(tip("x2")));
        QVERIFY2(tip("a").contains(QStringLiteral("Base: the first revision; nothing before it.")),
                 qPrintable(tip("a")));
        QVERIFY(tip("r1").contains(QStringLiteral("Declares the branch label `reporting`.")));
        QVERIFY(tip("r2").contains(QStringLiteral("On the branch of `reporting` (inherited labels).")));
        // Message and id lead, and an ordinary revision says where it lies.
        QVERIFY(tip("c").startsWith(QStringLiteral("c — message of c")));
        QVERIFY2(tip("r2").contains(QStringLiteral("Revision on the `reporting` branch: one step "
                                                   "after r1 (message of r1).")),
                 qPrintable(tip("r2")));

        // Where a database stands, in words.
        scene.setDatabaseStates(derived(graph, {{QStringLiteral("dev"),
                                                 DatabaseState::fromRows({QStringLiteral("c")})}}),
                                QStringLiteral("dev"));
        QVERIFY2(tip("c").contains(QStringLiteral("dev is here.")), qPrintable(tip("c")));
        QVERIFY(tip("c").contains(QStringLiteral("Current: dev stands here")));
        QVERIFY(tip("a").contains(QStringLiteral("Applied: dev has run this migration.")));
        QVERIFY(tip("d").contains(QStringLiteral("Pending: dev has not run this migration yet.")));
    }

    void tooltipsNameDependenciesAndHeadsWithoutLabels()
    {
        // No labels at all: lines are named by their heads; depends_on in words.
        const auto graph = RevisionGraph::build(
            {rev("a"), rev("b", "a"), rev("c", "a"), rev("e", "c", "", "b")});
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        const QString a = scene.nodeItem(QStringLiteral("a"))->toolTip();
        QVERIFY2(a.contains(QStringLiteral("Branch point: 2 branches start here: head b "
                                           "(message of b) and the line to head e "
                                           "(message of e).")),
                 qPrintable(a));
        const QString e = scene.nodeItem(QStringLiteral("e"))->toolTip();
        QVERIFY2(e.contains(QStringLiteral("Depends on b (message of b): alembic applies it first.")),
                 qPrintable(e));
        QVERIFY(e.contains(QStringLiteral("Head: the newest revision of its line (one of 2 heads).")));
        QVERIFY(scene.nodeItem(QStringLiteral("b"))
                    ->toolTip()
                    .contains(QStringLiteral("Needed first by e (message of e) (depends_on).")));
    }

    void tooltipsNameUnlabelledLinesThatMeetAgain()
    {
        // a ─┬─ b ─┬─ m        both lines lead to the same head: named where they end
        //    └─ c ─┘            (at the merge) and start (at the branch point)
        const auto graph = RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b c")});
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        const QString m = scene.nodeItem(QStringLiteral("m"))->toolTip();
        QVERIFY2(m.contains(QStringLiteral("Merge point: joins the line ending at b (message of b) "
                                           "and the line ending at c (message of c); upgrading "
                                           "past it needs both.")),
                 qPrintable(m));
        QVERIFY(m.contains(QStringLiteral("Head: the newest revision; \"upgrade head\" ends here.")));
        const QString a = scene.nodeItem(QStringLiteral("a"))->toolTip();
        QVERIFY2(a.contains(QStringLiteral("Branch point: 2 branches start here: the line starting "
                                           "at b (message of b) and the line starting at c "
                                           "(message of c).")),
                 qPrintable(a));
    }

    void onlyOwnLabelsAreBadges()
    {
        // A head that inherits 30 labels and declares one: one badge, its own.
        QList<Revision> revisions;
        QStringList inherited;
        for (int i = 0; i < 30; ++i) {
            const QByteArray id = "l" + QByteArray::number(i);
            const QByteArray down = i == 0 ? QByteArray() : "l" + QByteArray::number(i - 1);
            const QByteArray label = "label" + QByteArray::number(i);
            revisions.append(rev(id.constData(), down.constData(), label.constData()));
            inherited << QString::fromLatin1(label);
        }
        revisions.append(rev("head", "l29", "own"));
        const auto graph = RevisionGraph::build(revisions);
        QCOMPARE(graph->branchLabels(QStringLiteral("head")).size(), 31);
        GraphScene scene;
        scene.setGraph(graph, layoutFor(*graph));
        RevisionNodeItem* head = scene.nodeItem(QStringLiteral("head"));
        QVERIFY(head->isHead());
        QCOMPARE(head->shownLabels(), QStringList{QStringLiteral("own")});
        QCOMPARE(head->labels().size(), 31);
        // The badge row stays one badge wide: the box plus its own label.
        QVERIFY2(head->occupiedRect().width() < 300, qPrintable(QString::number(head->occupiedRect().width())));
        QCOMPARE(scene.nodeItem(QStringLiteral("l5"))->shownLabels(),
                 QStringList{QStringLiteral("label5")});
        // The tooltip names a few inherited ones and points at Details for the rest.
        QVERIFY(head->toolTip().contains(QStringLiteral("and 25 more (see Details)")));
    }

    void legendListsWhatIsInUseWithThePalettesColours()
    {
        const auto graph = shapes();
        GraphView view;
        view.resize(900, 700);
        view.setGraph(graph, layoutFor(*graph),
                      derived(graph, {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("c")})}}),
                      QStringLiteral("dev"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.legend()->isVisible());
        QVERIFY(view.legendButton()->isVisible());
        QVERIFY(view.legendAction()->isCheckable());
        QVERIFY(view.legendAction()->text().contains(u'&'));

        // From the action (the View menu's).
        QSignalSpy toggled(&view, &GraphView::legendShownChanged);
        view.legendAction()->trigger();
        QVERIFY(view.legend()->isVisible());
        QVERIFY(view.legendButton()->isChecked());
        QCOMPARE(toggled.count(), 1);
        QVERIFY(view.viewport()->geometry().contains(view.legend()->geometry()));

        const QStringList keys = view.legend()->keys();
        // Node kinds first, in this order.
        QCOMPARE(keys.mid(0, 5), (QStringList{QStringLiteral("head"), QStringLiteral("base"),
                                             QStringLiteral("branchPoint"),
                                             QStringLiteral("mergePoint"),
                                             QStringLiteral("revision")}));
        for (const char* key : {"label", "current", "applied", "pending", "selectedMarker"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        // Not in use: not listed.
        for (const char* key : {"ghost", "planned", "failed", "warnings", "errors", "search"})
            QVERIFY2(!keys.contains(QLatin1String(key)), key);

        const GraphStyle& light = view.graphScene()->style();
        const QList<GraphLegend::Entry> entries = view.legend()->entries();
        QCOMPARE(entry(entries, "head")->fill, light.glyphFill);
        QCOMPARE(entry(entries, "current")->border, light.currentBorder);
        QCOMPARE(entry(entries, "current")->fill, light.currentFill);
        QCOMPARE(entry(entries, "pending")->borderStyle, Qt::DashLine);
        QCOMPARE(entry(entries, "label")->border, light.labelBorder);

        // A run and a search add their entries while they last.
        view.setRunMarks({QStringLiteral("d")}, {}, {}, {});
        view.setSearchText(QStringLiteral("message of x"));
        QVERIFY(view.legend()->keys().contains(QStringLiteral("planned")));
        QVERIFY(view.legend()->keys().contains(QStringLiteral("search")));
        view.clearRunMarks();
        QVERIFY(!view.legend()->keys().contains(QStringLiteral("planned")));

        // A dark palette: the legend follows the scene's new colours.
        const QColor lightFill = light.nodeFill;
        view.setPalette(darkPalette());
        QCoreApplication::processEvents();
        const GraphStyle& dark = view.graphScene()->style();
        QVERIFY(dark.nodeFill != lightFill);
        QCOMPARE(entry(view.legend()->entries(), "revision")->fill, dark.nodeFill);
        QCOMPARE(entry(view.legend()->entries(), "current")->border, dark.currentBorder);
        view.setRevisionWarnings({{QStringLiteral("c"), {QStringLiteral("w")}}});
        view.centerOn(view.graphScene()->nodeItem(QStringLiteral("c")));
        // Room enough: no scroll bar, every text whole.
        QVERIFY(!view.legend()->verticalScrollBar()->isVisible());
        QCOMPARE(view.legend()->viewport()->width(), view.legend()->contentsSize().width());

        // The corner button hides it again.
        QTest::mouseClick(view.legendButton(), Qt::LeftButton);
        QVERIFY(!view.legend()->isVisible());
        QVERIFY(!view.legendAction()->isChecked());
        QCOMPARE(toggled.count(), 2);
        QCOMPARE(toggled.last().first().toBool(), false);
        // And the key L shows it.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_L);
        QVERIFY(view.legend()->isVisible());
    }

    void legendPaintsInASmallWindow()
    {
        const auto graph = shapes();
        GraphView view;
        view.resize(360, 240);
        view.setGraph(graph, layoutFor(*graph));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLegendShown(true);
        // More columns rather than running off the view.
        const QRect legend = view.legend()->geometry();
        QVERIFY2(legend.top() >= view.viewport()->geometry().top(),
                 qPrintable(QStringLiteral("%1").arg(legend.top())));
        QVERIFY(!view.legend()->grab().isNull());
    }

    void initialViewCentresOnTheCurrentRevision()
    {
        const auto graph = chain(80);
        GraphView view;
        view.resize(640, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString here = QStringLiteral("r30");
        view.requestInitialView();
        view.setGraph(graph, layoutFor(*graph),
                      derived(graph, {{QStringLiteral("dev"), DatabaseState::fromRows({here})}}),
                      QStringLiteral("dev"));
        QCOMPARE(view.initialRevision(), here);
        QVERIFY2(view.zoom() >= 1.0, qPrintable(QString::number(view.zoom())));
        const QPoint at = view.mapFromScene(view.graphScene()->nodeItem(here)->pos());
        const QRect viewport = view.viewport()->rect();
        const QRect central = viewport.adjusted(viewport.width() / 4, viewport.height() / 4,
                                                -viewport.width() / 4, -viewport.height() / 4);
        QVERIFY2(central.contains(at), qPrintable(QStringLiteral("%1,%2").arg(at.x()).arg(at.y())));

        // A reload (no request) keeps the person's view.
        view.centerOn(view.graphScene()->nodeItem(QStringLiteral("r60"))->pos());
        const QPoint before = view.mapFromScene(view.graphScene()->nodeItem(QStringLiteral("r60"))->pos());
        view.setGraph(graph, layoutFor(*graph));
        const QPoint after = view.mapFromScene(view.graphScene()->nodeItem(QStringLiteral("r60"))->pos());
        QVERIFY((after - before).manhattanLength() <= 2);
    }

    void initialViewShowsTheNewestHeadWithoutADatabase()
    {
        // Another project shown before: the new one opens on its newest head, not where the
        // old picture was scrolled to.
        GraphView view;
        view.resize(640, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto before = chain(40);
        view.setGraph(before, layoutFor(*before));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());

        QList<Revision> revisions;
        for (int i = 0; i < 60; ++i) {
            const QByteArray id = "n" + QByteArray::number(i);
            const QByteArray down = i == 0 ? QByteArray() : "n" + QByteArray::number(i - 1);
            revisions.append(rev(id.constData(), down.constData()));
        }
        const auto graph = RevisionGraph::build(revisions);
        view.requestInitialView();
        view.setGraph(graph, layoutFor(*graph));
        QCOMPARE(view.initialRevision(), QStringLiteral("n59"));
        QVERIFY(view.zoom() >= 1.0);
        RevisionNodeItem* head = view.graphScene()->nodeItem(QStringLiteral("n59"));
        const QRect box = view.mapFromScene(head->mapRectToScene(head->nodeRect())).boundingRect();
        QVERIFY2(view.viewport()->rect().contains(box),
                 qPrintable(QStringLiteral("%1,%2").arg(box.x()).arg(box.y())));
        // In the middle as far as the picture's edge allows: at the top edge, scrolled up.
        const QRect viewport = view.viewport()->rect();
        QVERIFY(std::abs(box.center().x() - viewport.center().x()) <= viewport.width() / 4);
        QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->minimum());
    }

    void warningMarkersAppearAndClear()
    {
        const auto graph = shapes();
        GraphView view;
        view.setGraph(graph, layoutFor(*graph));
        RevisionNodeItem* c = view.graphScene()->nodeItem(QStringLiteral("c"));
        QVERIFY(!c->hasWarnings());
        QVERIFY(c->warningRect().isNull());
        const QString empty = QStringLiteral("The downgrade is empty: it undoes nothing.");
        const QString drops = QStringLiteral("Drops column `books.isbn`: its data is lost.");
        view.setDatabaseStates(derived(graph, {{QStringLiteral("dev"),
                                                DatabaseState::fromRows({QStringLiteral("c")})}}),
                               QStringLiteral("dev"));
        view.setRevisionWarnings({{QStringLiteral("c"), {empty, drops}}});
        QVERIFY(c->hasWarnings());
        // The database marker keeps clear of the glyph.
        QCOMPARE(view.graphScene()->markerItems().size(), 1);
        DatabaseMarkerItem* marker = view.graphScene()->markerItems().first();
        QVERIFY(!marker->mapRectToScene(marker->labelRect())
                     .intersects(c->mapRectToScene(c->warningRect())));
        QVERIFY(!c->warningRect().isNull());
        QVERIFY(c->boundingRect().contains(c->warningRect()));
        QVERIFY(c->occupiedRect().contains(c->warningRect()));
        QVERIFY(c->toolTip().contains(empty));
        QVERIFY(c->toolTip().contains(drops));
        QVERIFY(!view.graphScene()->nodeItem(QStringLiteral("d"))->hasWarnings());
        view.setLegendShown(true);
        QVERIFY(view.legend()->keys().contains(QStringLiteral("warnings")));

        // Kept across a new layout.
        view.setGraph(graph, layoutFor(*graph));
        QCOMPARE(view.graphScene()->nodeItem(QStringLiteral("c"))->warnings(),
                 (QStringList{empty, drops}));
        view.setRevisionWarnings({});
        QVERIFY(!c->hasWarnings());
        QVERIFY(!c->toolTip().contains(empty));
        QVERIFY(!view.legend()->keys().contains(QStringLiteral("warnings")));
    }
};

QTEST_MAIN(TestGraphNewcomer)
#include "tst_graphnewcomer.moc"
