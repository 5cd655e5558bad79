#include "derivedstates.h"
#include "widgets/graph/graphoverview.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphsearchbar.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QContextMenuEvent>
#include <QAction>
#include <QImage>
#include <QLineEdit>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace retort;
using retort::test::derived;

namespace {

QStringList ids(const char* spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

Revision rev(const char* id, const char* downs = "", const char* labels = "",
             const char* message = nullptr)
{
    Revision r;
    r.id = QString::fromUtf8(id);
    r.downRevisions = ids(downs);
    r.branchLabels = ids(labels);
    r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
    r.message = message ? QString::fromUtf8(message) : QStringLiteral("step %1").arg(r.id);
    return r;
}

// One rank per generation (newest at the top, y down), revisions of a rank side by side in
// the order given by `columns` (or by id).
GraphLayout layoutFor(const RevisionGraph& graph, QPointF offset = {})
{
    const QSizeF size(140, 40);
    QHash<QString, int> rank;
    QStringList order = graph.topologicalOrderNewestFirst();
    std::reverse(order.begin(), order.end());
    QHash<int, QStringList> byRank;
    for (const QString& id : std::as_const(order)) {
        int r = 0;
        for (const QString& p : graph.parents(id))
            r = std::max(r, rank.value(p) + 1);
        rank.insert(id, r);
        byRank[r].append(id);
    }
    GraphLayout layout;
    QHash<QString, QPointF> centers;
    for (auto it = byRank.begin(); it != byRank.end(); ++it) {
        QStringList row = it.value();
        row.sort();
        for (int column = 0; column < row.size(); ++column) {
            const QPointF c = offset + QPointF(100 + column * 180, 700 - it.key() * 80);
            layout.nodes.append({row.at(column), c, size});
            centers.insert(row.at(column), c);
            layout.boundingBox |= QRectF(c - QPointF(70, 20), size);
        }
    }
    for (const Revision& r : graph.revisions()) {
        for (const QString& p : graph.parents(r.id)) {
            EdgeLayout e;
            e.from = p;
            e.to = r.id;
            const QPointF a = centers.value(p) - QPointF(0, 20);
            const QPointF b = centers.value(r.id) + QPointF(0, 20);
            e.points = {a, a + (b - a) / 3, a + (b - a) * 2 / 3, b};
            layout.edges.append(e);
        }
    }
    return layout;
}

//                       x1
//   a - b - bp  ------  x2(feature) -- m -- top -- mm
//                       x3 ("Add users table")   /
//   q - r ------------------------------------- /
std::shared_ptr<const RevisionGraph> sampleGraph()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("bp", "b"), rev("x1", "bp"),
                                 rev("x2", "bp", "feature"), rev("x3", "bp", "", "Add users table"),
                                 rev("m", "x1 x2 x3"), rev("top", "m"), rev("q"), rev("r", "q"),
                                 rev("mm", "top r")});
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

class TestGraphView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GraphView> makeView()
    {
        auto view = std::make_unique<GraphView>();
        view->resize(480, 360);
        const auto graph = sampleGraph();
        view->graphScene()->setGraph(graph, layoutFor(*graph));
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qWarning("window not exposed");
        return view;
    }

    static QString current(const GraphView& view) { return view.currentRevision(); }

private slots:
    void controllersDrawThroughTheView()
    {
        // The view's own API reaches the scene: controllers never need graphScene().
        GraphView view;
        const auto graph = sampleGraph();
        view.setGraph(graph, layoutFor(*graph));
        const QString some = graph->revisions().first().id;
        const QString other = graph->revisions().last().id;
        QVERIFY(view.hasRevision(some));
        QVERIFY(!view.hasRevision(QStringLiteral("nosuchrev")));
        QVERIFY(view.setCurrentRevision(some));
        QCOMPARE(view.currentRevision(), some);
        view.setRunMarks({some, other}, other);
        QCOMPARE(view.graphScene()->plannedRevisions(), QStringList({some, other}));
        QCOMPARE(view.graphScene()->runningRevision(), other);
        view.setRunMarks({}, {}, some, QStringLiteral("boom"));
        QCOMPARE(view.graphScene()->failedRevision(), some);
        view.clearRunMarks();
        QVERIFY(view.graphScene()->plannedRevisions().isEmpty());
        QVERIFY(view.graphScene()->failedRevision().isEmpty());
        view.setDatabaseStates(derived(view.graphScene()->graph(), {{QStringLiteral("dev"), DatabaseState::fromRows({some})}}),
                               QStringLiteral("dev"));
        QCOMPARE(view.graphScene()->databaseStates().size(), 1);
        QSignalSpy drawn(&view, &GraphView::graphChanged);
        view.setGraph(graph, layoutFor(*graph));
        QCOMPARE(drawn.count(), 1);
        view.clearGraph();
        QVERIFY(!view.hasRevision(some));
    }

    void firstGraphIsFitted()
    {
        // A graph that fits readably is shown whole.
        auto view = makeView();
        view->resize(1600, 1200);
        view->showInitialView();
        const QRect shown = view->mapFromScene(view->graphScene()->graphRect()).boundingRect();
        QVERIFY(view->viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown));
    }

    void firstGraphTooBigToReadIsZoomedToText()
    {
        // One that would shrink below readable text opens at the size its text is made for,
        // on the newest head (no database).
        auto view = makeView();
        view->resize(160, 120);
        view->showInitialView();
        QCOMPARE(view->zoom(), 1.0);
        RevisionNodeItem* newest = nullptr;
        for (RevisionNodeItem* node : view->graphScene()->nodeItems())
            if (!newest || node->pos().y() < newest->pos().y())
                newest = node;
        QVERIFY(newest);
        const QPoint at = view->mapFromScene(newest->pos());
        QVERIFY(view->viewport()->rect().contains(at));
    }

    void zoom()
    {
        auto view = makeView();
        view->resetZoom();
        QCOMPARE(view->zoom(), 1.0);
        QSignalSpy zoomed(view.get(), &GraphView::zoomChanged);

        view->zoomIn();
        QVERIFY(view->zoom() > 1.0);
        QCOMPARE(view->transform().m11(), view->zoom());
        QCOMPARE(view->transform().m22(), view->zoom());
        view->zoomOut();
        view->zoomOut();
        QVERIFY(view->zoom() < 1.0);
        QCOMPARE(zoomed.size(), 3);

        // Keys: Ctrl++, Ctrl+-, Ctrl+0.
        view->resetZoom();
        QTest::keyClick(view.get(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->zoom() > 1.0);
        QTest::keyClick(view.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), 1.0);
        QTest::keyClick(view.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < 1.0);
        QTest::keyClick(view.get(), Qt::Key_0, Qt::ControlModifier);

        // Small steps: one key press is one wheel notch, 1.15x.
        QCOMPARE(GraphView::zoomStep(), 1.15);
        view->zoomIn();
        QCOMPARE(view->zoom(), 1.15);
        QTest::keyClick(view.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view->zoom(), 1.15 * 1.15);
        QTest::keyClick(view.get(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view->zoom(), 1.15);

        // Clamped.
        view->setZoom(1000);
        QCOMPARE(view->zoom(), GraphView::maximumZoom());
        view->setZoom(0);
        QCOMPARE(view->zoom(), view->minimumZoom());
    }

    void wheelScrolls()
    {
        // The plain wheel scrolls, as in every other viewer; it does not zoom.
        auto view = makeView();
        view->setZoom(2);
        view->centerOnRevision(QStringLiteral("bp"));
        const QTransform before = view->transform();
        QScrollBar* vertical = view->verticalScrollBar();
        QScrollBar* horizontal = view->horizontalScrollBar();
        const int v = vertical->value();
        const int h = horizontal->value();
        const QPointF at = view->viewport()->rect().center();
        QWheelEvent down(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120),
                         Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &down);
        QCOMPARE(view->transform(), before);
        QVERIFY2(vertical->value() > v, qPrintable(QString::number(vertical->value())));
        QCOMPARE(horizontal->value(), h);

        // Shift+wheel scrolls sideways, by lines (not pages).
        const int v2 = vertical->value();
        QWheelEvent shifted(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120),
                            Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &shifted);
        QCOMPARE(view->transform(), before);
        QCOMPARE(vertical->value(), v2);
        QVERIFY(horizontal->value() > h);
        QVERIFY(horizontal->value() - h < horizontal->pageStep());
    }

    void ctrlWheelZoomsAroundTheCursor()
    {
        auto view = makeView();
        view->setZoom(2);
        view->centerOnRevision(QStringLiteral("x2"));
        // Off centre, so that zooming around the centre would move it.
        const QPointF at(120, 90);
        const QPointF scenePoint = view->mapToScene(at.toPoint());
        QWheelEvent up(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120),
                       Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &up);
        QCOMPARE(view->zoom(), 2 * 1.15); // one notch, one small step
        QPointF after = view->mapFromScene(scenePoint);
        QVERIFY2((after - at).manhattanLength() <= 3,
                 qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));

        // Hi-res wheels send parts of a notch: parts of a step.
        QWheelEvent part(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -40),
                         Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &part);
        QVERIFY(qAbs(view->zoom() - 2 * std::pow(1.15, 2.0 / 3.0)) < 1e-9);
        after = view->mapFromScene(scenePoint);
        QVERIFY((after - at).manhattanLength() <= 3);

        // A pinch on a touchpad zooms around the fingers too.
        const qreal zoom = view->zoom();
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(),
                                  2, at, at, view->viewport()->mapToGlobal(at), 0.25, QPointF());
        QCoreApplication::sendEvent(view->viewport(), &pinch);
        QVERIFY(qAbs(view->zoom() - zoom * 1.25) < 1e-9);
        after = view->mapFromScene(scenePoint);
        QVERIFY((after - at).manhattanLength() <= 3);
    }

    void fitAll()
    {
        auto view = makeView();
        const QRectF graphRect = view->graphScene()->graphRect();
        QVERIFY(!graphRect.isEmpty());
        QRect viewport = view->viewport()->rect().adjusted(-1, -1, 1, 1);

        view->setZoom(4);
        QVERIFY(!viewport.contains(view->mapFromScene(graphRect).boundingRect()));
        view->fitAll();
        QRect shown = view->mapFromScene(graphRect).boundingRect();
        QVERIFY(viewport.contains(shown));
        // It fills the window in at least one direction.
        QVERIFY(shown.width() > viewport.width() * 0.7 || shown.height() > viewport.height() * 0.7);

        // A graph that is readable whole: Fit is Fit All.
        view->resize(1000, 900);
        viewport = view->viewport()->rect().adjusted(-1, -1, 1, 1);
        view->setZoom(4);
        QTest::keyClick(view.get(), Qt::Key_F);
        shown = view->mapFromScene(graphRect).boundingRect();
        QVERIFY(viewport.contains(shown));
        view->setZoom(4);
        QTest::keyClick(view.get(), Qt::Key_F, Qt::ShiftModifier);
        QVERIFY(viewport.contains(view->mapFromScene(graphRect).boundingRect()));
    }

    void fitOnABigGraph()
    {
        // 5,000 revisions: Fit shows the heads readably, Fit All shows everything.
        QList<Revision> revisions;
        QList<QByteArray> names;
        for (int i = 0; i < 5000; ++i)
            names.append(QByteArray("r") + QByteArray::number(i));
        for (int i = 0; i < 5000; ++i) {
            Revision r = rev(names.at(i).constData(), i ? names.at(i - 1).constData() : "");
            if (i > 0 && i % 500 == 0) // a side branch every 500, merged 3 later
                revisions.append(rev(("s" + names.at(i)).constData(), names.at(i - 1).constData()));
            if (i > 3 && (i - 3) % 500 == 0)
                r.downRevisions.append(QStringLiteral("s") + QString::fromLatin1(names.at(i - 3)));
            revisions.append(r);
        }
        revisions.append(rev("headA", "r4999"));
        revisions.append(rev("headB", "r4999"));
        const auto graph = RevisionGraph::build(revisions);
        QCOMPARE(graph->heads(), (QStringList{QStringLiteral("headA"), QStringLiteral("headB")}));
        GraphView view;
        view.resize(480, 360);
        view.graphScene()->setGraph(graph, layoutFor(*graph));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect viewport = view.viewport()->rect().adjusted(-1, -1, 1, 1);
        const QRectF graphRect = view.graphScene()->graphRect();

        view.fitAll();
        QVERIFY(viewport.contains(view.mapFromScene(graphRect).boundingRect()));
        QVERIFY(view.zoom() < GraphView::readableZoom());

        view.fit();
        QVERIFY2(view.zoom() >= GraphView::readableZoom(), qPrintable(QString::number(view.zoom())));
        for (const char* head : {"headA", "headB"}) {
            RevisionNodeItem* item = view.graphScene()->nodeItem(QString::fromLatin1(head));
            const QRect box = view.mapFromScene(item->mapRectToScene(item->nodeRect())).boundingRect();
            QVERIFY2(viewport.contains(box), head);
        }
        // ... with the revisions just below them.
        RevisionNodeItem* below = view.graphScene()->nodeItem(QStringLiteral("r4998"));
        QVERIFY(viewport.contains(view.mapFromScene(below->pos())));

        // The keys: F and Shift+F.
        QTest::keyClick(&view, Qt::Key_F, Qt::ShiftModifier);
        QVERIFY(view.zoom() < GraphView::readableZoom());
        QTest::keyClick(&view, Qt::Key_F);
        QVERIFY(view.zoom() >= GraphView::readableZoom());
        // The first picture of a big project is the same as Fit.
        view.setZoom(0.1);
        view.showInitialView();
        QVERIFY(view.zoom() >= GraphView::readableZoom());
    }

    void fitWithManyHeads()
    {
        // More heads side by side than a readable window holds: as many of them as fit.
        QList<Revision> revisions{rev("c0")};
        for (int i = 1; i < 30; ++i)
            revisions.append(rev(QByteArray("c" + QByteArray::number(i)).constData(),
                                 QByteArray("c" + QByteArray::number(i - 1)).constData()));
        for (int i = 0; i < 12; ++i)
            revisions.append(rev(QByteArray("h" + QByteArray::number(i + 10)).constData(), "c29"));
        const auto graph = RevisionGraph::build(revisions);
        QCOMPARE(graph->heads().size(), 12);
        GraphView view;
        view.resize(480, 360);
        view.graphScene()->setGraph(graph, layoutFor(*graph));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fit();
        QVERIFY(view.zoom() >= GraphView::readableZoom());
        int shown = 0;
        for (const QString& head : graph->heads()) {
            RevisionNodeItem* item = view.graphScene()->nodeItem(head);
            const QRect box =
                view.mapFromScene(item->mapRectToScene(item->nodeRect())).boundingRect();
            shown += view.viewport()->rect().contains(box) ? 1 : 0;
        }
        QVERIFY2(shown >= 2, qPrintable(QString::number(shown)));
    }

    void overview()
    {
        auto view = makeView();
        GraphOverview* overview = view->overview();
        QVERIFY(overview);
        // Nothing to show while the whole graph fits.
        view->fitAll();
        QVERIFY(!overview->isVisible());
        view->setZoom(3);
        view->centerOnRevision(QStringLiteral("a"));
        QVERIFY(overview->isVisible());
        // In a corner, inside the viewport.
        const QRect area = view->viewport()->geometry();
        QVERIFY(area.contains(overview->geometry()));
        QVERIFY(overview->geometry().right() > area.center().x());
        QVERIFY(overview->geometry().bottom() > area.center().y());

        // The frame is where the view looks.
        const QPointF aInOverview =
            overview->mapFromScene(view->graphScene()->nodeItem(QStringLiteral("a"))->pos());
        QVERIFY(overview->viewportFrame().adjusted(-2, -2, 2, 2).contains(aInOverview));

        // A click moves the view there.
        RevisionNodeItem* x2 = view->graphScene()->nodeItem(QStringLiteral("x2"));
        const QPoint target = overview->mapFromScene(x2->pos()).toPoint();
        QVERIFY(!overview->viewportFrame().contains(target));
        QTest::mouseClick(overview, Qt::LeftButton, Qt::NoModifier, target);
        const QPointF centre = view->mapToScene(view->viewport()->rect().center());
        // Within the rounding of the click to whole overview pixels.
        const qreal scale =
            (overview->mapFromScene(QPointF(100, 0)) - overview->mapFromScene(QPointF(0, 0))).x() /
            100;
        QVERIFY2(QLineF(centre, x2->pos()).length() <= 2 / scale,
                 qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(x2->pos())));

        // Dragging the frame drags the view along.
        const QPointF from = overview->viewportFrame().center();
        const QPointF to = from + QPointF(0, 12);
        const QPointF sceneBefore = view->mapToScene(view->viewport()->rect().center());
        QTest::mousePress(overview, Qt::LeftButton, Qt::NoModifier, from.toPoint());
        QMouseEvent move(QEvent::MouseMove, to, overview->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(overview, &move);
        QTest::mouseRelease(overview, Qt::LeftButton, Qt::NoModifier, to.toPoint());
        const QPointF sceneAfter = view->mapToScene(view->viewport()->rect().center());
        QVERIFY2(sceneAfter.y() > sceneBefore.y() + 10,
                 qPrintable(QStringLiteral("%1 -> %2").arg(sceneBefore.y()).arg(sceneAfter.y())));

        // The wheel over it scrolls the view.
        const int scrolled = view->verticalScrollBar()->value();
        const QPointF inside = QRectF(overview->rect()).center();
        QWheelEvent wheel(inside, overview->mapToGlobal(inside), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(overview, &wheel);
        QVERIFY(view->verticalScrollBar()->value() < scrolled);

        // It can be switched off (and on again).
        view->overviewAction()->trigger();
        QVERIFY(!view->isOverviewEnabled());
        QVERIFY(!overview->isVisible());
        view->setOverviewEnabled(true);
        QVERIFY(view->overviewAction()->isChecked());
        QVERIFY(overview->isVisible());

        // It draws the graph, where the database stands and the search matches.
        view->graphScene()->setDatabaseStates(derived(view->graphScene()->graph(),
            {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("a")})}}),
            QStringLiteral("dev"));
        view->setSearchText(QStringLiteral("users table"));
        view->centerOnRevision(QStringLiteral("mm"));
        const QImage image = overview->grab().toImage();
        QVERIFY(distinctColours(image) > 3);
        auto pointOf = [&](const char* id) {
            return overview->mapFromScene(view->graphScene()->nodeItem(QString::fromLatin1(id))->pos())
                .toPoint();
        };
        for (const char* id : {"a", "x3", "x1"})
            QVERIFY2(!overview->viewportFrame().contains(pointOf(id)), id);
        auto pixelAt = [&](const char* id) { return image.pixelColor(pointOf(id)); };
        const QColor current = pixelAt("a");
        const QColor match = pixelAt("x3");
        const QColor plain = pixelAt("x1");
        QCOMPARE(current, view->graphScene()->style().currentBorder); // as the nodes draw it
        QVERIFY(current != view->palette().color(QPalette::Highlight)); // not the selection's
        QVERIFY(match != plain && match != current);
    }

    void searchHighlightsAndCounts()
    {
        auto view = makeView();
        GraphSearchBar bar(view.get());
        QLineEdit* field = bar.lineEdit();
        QCOMPARE(bar.statusText(), QString());

        // Typing highlights every match and counts them.
        QTest::keyClicks(field, QStringLiteral("x"));
        QCOMPARE(bar.statusText(), QStringLiteral("3 matches"));
        QStringList highlighted;
        for (RevisionNodeItem* node : view->graphScene()->nodeItems())
            if (node->isSearchMatch())
                highlighted << node->id();
        QCOMPARE(highlighted, (QStringList{QStringLiteral("x1"), QStringLiteral("x2"),
                                           QStringLiteral("x3")}));
        QCOMPARE(current(*view), QString()); // nothing selected yet

        // Return: the next match, "n of m".
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(bar.statusText(), QStringLiteral("1 of 3"));
        const QString first = current(*view);
        QVERIFY(highlighted.contains(first));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(bar.statusText(), QStringLiteral("2 of 3"));
        QTest::keyClick(field, Qt::Key_F3);
        QCOMPARE(bar.statusText(), QStringLiteral("3 of 3"));
        QTest::keyClick(field, Qt::Key_F3);
        QCOMPARE(bar.statusText(), QStringLiteral("1 of 3")); // wrapped
        QCOMPARE(current(*view), first);
        // Shift+Return and Shift+F3 go back.
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar.statusText(), QStringLiteral("3 of 3"));
        QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(bar.statusText(), QStringLiteral("2 of 3"));
        // The buttons' actions too.
        bar.findNextAction()->trigger();
        QCOMPARE(bar.statusText(), QStringLiteral("3 of 3"));
        // The highlight differs from the selection: both show on the selected match.
        RevisionNodeItem* selected = view->graphScene()->nodeItem(current(*view));
        QVERIFY(selected->isSelected() && selected->isSearchMatch());

        // A single match.
        field->setText(QStringLiteral("users table"));
        QCOMPARE(bar.statusText(), QStringLiteral("1 match"));

        // Nothing: said plainly, nothing highlighted, the selection stays.
        const QString before = current(*view);
        field->setText(QStringLiteral("no such thing"));
        QCOMPARE(bar.statusText(), QStringLiteral("No match"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(bar.statusText(), QStringLiteral("No match"));
        QCOMPARE(current(*view), before);
        for (RevisionNodeItem* node : view->graphScene()->nodeItems())
            QVERIFY(!node->isSearchMatch());

        // Clearing the field clears the highlights and the count.
        field->setText(QStringLiteral("m"));
        QCOMPARE(bar.statusText(), QStringLiteral("2 matches"));
        QTest::keyClick(field, Qt::Key_Escape);
        QCOMPARE(field->text(), QString());
        QCOMPARE(bar.statusText(), QString());
        for (RevisionNodeItem* node : view->graphScene()->nodeItems())
            QVERIFY(!node->isSearchMatch());
    }

    void searchSurvivesANewGraph()
    {
        auto view = makeView();
        view->setSearchText(QStringLiteral("x"));
        QVERIFY(view->findNext());
        QCOMPARE(view->searchIndex(), 0);
        const QString selected = current(*view);
        const auto graph = view->graphScene()->graph();
        view->graphScene()->setGraph(graph, layoutFor(*graph, QPointF(50, 50)));
        QCOMPARE(view->searchMatches().size(), 3);
        QCOMPARE(view->searchIndex(), 0);
        QVERIFY(view->graphScene()->nodeItem(selected)->isSearchMatch());
    }

    void keyboardNavigation()
    {
        auto view = makeView();
        QSignalSpy changed(view.get(), &GraphView::currentRevisionChanged);
        QVERIFY(view->selectRevision(QStringLiteral("bp")));
        QCOMPARE(changed.size(), 1);

        // Up: a child (the one straight above).
        QTest::keyClick(view.get(), Qt::Key_Up);
        QCOMPARE(current(*view), QStringLiteral("x1"));
        // Left / Right: siblings, in drawing order, no wrapping.
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(current(*view), QStringLiteral("x2"));
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(current(*view), QStringLiteral("x3"));
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(current(*view), QStringLiteral("x3"));
        QTest::keyClick(view.get(), Qt::Key_Left);
        QCOMPARE(current(*view), QStringLiteral("x2"));
        QTest::keyClick(view.get(), Qt::Key_Up);
        QCOMPARE(current(*view), QStringLiteral("m"));
        // Down from a merge: the parent straightest below.
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(current(*view), QStringLiteral("x1"));
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(current(*view), QStringLiteral("bp"));
        QTest::keyClick(view.get(), Qt::Key_Down);
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(current(*view), QStringLiteral("a"));
        QTest::keyClick(view.get(), Qt::Key_Down); // a base: stays
        QCOMPARE(current(*view), QStringLiteral("a"));

        // The other parents of a merge are siblings too: r and top both feed mm.
        QVERIFY(view->selectRevision(QStringLiteral("r")));
        const bool rIsLeft = view->graphScene()->nodeItem(QStringLiteral("r"))->pos().x() <
                             view->graphScene()->nodeItem(QStringLiteral("top"))->pos().x();
        QTest::keyClick(view.get(), rIsLeft ? Qt::Key_Right : Qt::Key_Left);
        QCOMPARE(current(*view), QStringLiteral("top"));
        QTest::keyClick(view.get(), Qt::Key_Up);
        QCOMPARE(current(*view), QStringLiteral("mm"));
        QTest::keyClick(view.get(), Qt::Key_Up); // a head: stays
        QCOMPARE(current(*view), QStringLiteral("mm"));

        // The selected node is kept visible.
        view->setZoom(3);
        view->selectRevision(QStringLiteral("x3"));
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(current(*view), QStringLiteral("bp"));
        RevisionNodeItem* bp = view->graphScene()->nodeItem(QStringLiteral("bp"));
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(bp->pos())));
        QTest::keyClick(view.get(), Qt::Key_Down);
        QTest::keyClick(view.get(), Qt::Key_Down);
        RevisionNodeItem* a = view->graphScene()->nodeItem(QStringLiteral("a"));
        QCOMPARE(current(*view), QStringLiteral("a"));
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(a->pos())));

        // Enter activates.
        QSignalSpy activated(view.get(), &GraphView::revisionActivated);
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("a"));

        // Escape clears; then the arrows pan.
        QTest::keyClick(view.get(), Qt::Key_Escape);
        QCOMPARE(current(*view), QString());
        view->centerOn(view->graphScene()->graphRect().center());
        const int before = view->horizontalScrollBar()->value();
        QTest::keyClick(view.get(), Qt::Key_Right);
        QVERIFY(view->horizontalScrollBar()->value() > before);
        QCOMPARE(current(*view), QString());
    }

    void findAndSelect()
    {
        auto view = makeView();

        // An id prefix, case-insensitive, cycling newest first through the matches.
        QVERIFY(view->findAndSelect(QStringLiteral("X")));
        const QString first = current(*view);
        QVERIFY(first.startsWith(u'x'));
        QVERIFY(view->findAndSelect(QStringLiteral("x")));
        const QString second = current(*view);
        QVERIFY(view->findAndSelect(QStringLiteral("x")));
        const QString third = current(*view);
        QCOMPARE((QSet<QString>{first, second, third}),
                 (QSet<QString>{QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")}));
        QVERIFY(view->findAndSelect(QStringLiteral("x")));
        QCOMPARE(current(*view), first); // wrapped

        // A full id beats prefixes.
        QVERIFY(view->findAndSelect(QStringLiteral("m")));
        QCOMPARE(current(*view), QStringLiteral("m"));
        QVERIFY(view->findAndSelect(QStringLiteral("m")));
        QCOMPARE(current(*view), QStringLiteral("mm"));

        // A branch label: the revision that declares it first.
        QVERIFY(view->findAndSelect(QStringLiteral("FEATURE")));
        QCOMPARE(current(*view), QStringLiteral("x2"));

        // Message text.
        QVERIFY(view->findAndSelect(QStringLiteral("users TABLE")));
        QCOMPARE(current(*view), QStringLiteral("x3"));
        RevisionNodeItem* x3 = view->graphScene()->nodeItem(QStringLiteral("x3"));
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(x3->pos())));

        // Nothing.
        QVERIFY(!view->findAndSelect(QStringLiteral("no such thing")));
        QCOMPARE(current(*view), QStringLiteral("x3"));
        QVERIFY(!view->findAndSelect(QString()));
    }

    void centerOnRevision()
    {
        auto view = makeView();
        view->setZoom(2);
        view->centerOnRevision(QStringLiteral("x2"));
        const QPoint centre = view->viewport()->rect().center();
        const QPoint x2 =
            view->mapFromScene(view->graphScene()->nodeItem(QStringLiteral("x2"))->pos());
        QVERIFY((x2 - centre).manhattanLength() <= 3);
    }

    void keepsViewportOnNewLayout()
    {
        auto view = makeView();
        view->setZoom(2);
        view->selectRevision(QStringLiteral("x2"));
        view->centerOnRevision(QStringLiteral("x2"));
        RevisionNodeItem* x2 = view->graphScene()->nodeItem(QStringLiteral("x2"));
        const QPoint before = view->mapFromScene(x2->pos());

        const auto graph = view->graphScene()->graph();
        view->graphScene()->setGraph(graph, layoutFor(*graph, QPointF(300, 170)));
        QCOMPARE(view->zoom(), 2.0);
        QCOMPARE(view->graphScene()->nodeItem(QStringLiteral("x2")), x2);
        QVERIFY(x2->isSelected());
        const QPoint after = view->mapFromScene(x2->pos());
        QVERIFY2((after - before).manhattanLength() <= 3,
                 qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                                .arg(before.x())
                                .arg(before.y())
                                .arg(after.x())
                                .arg(after.y())));
    }

    void mouse()
    {
        auto view = makeView();
        view->setZoom(1);
        view->centerOnRevision(QStringLiteral("x2"));
        QSignalSpy changed(view.get(), &GraphView::currentRevisionChanged);
        QSignalSpy activated(view.get(), &GraphView::revisionActivated);
        const QPoint at =
            view->mapFromScene(view->graphScene()->nodeItem(QStringLiteral("x2"))->pos());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(current(*view), QStringLiteral("x2"));
        QCOMPARE(changed.size(), 1);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("x2"));

        // The context menu request names the revision under the mouse, and selects it.
        QSignalSpy menu(view.get(), &GraphView::contextMenuRequested);
        const QPoint atM =
            view->mapFromScene(view->graphScene()->nodeItem(QStringLiteral("m"))->pos());
        QContextMenuEvent mouseMenu(QContextMenuEvent::Mouse, atM,
                                    view->viewport()->mapToGlobal(atM));
        QCoreApplication::sendEvent(view->viewport(), &mouseMenu);
        QCOMPARE(menu.size(), 1);
        QCOMPARE(menu.first().at(0).toString(), QStringLiteral("m"));
        QCOMPARE(menu.first().at(1).toPoint(), view->viewport()->mapToGlobal(atM));
        QCOMPARE(current(*view), QStringLiteral("m"));

        // From the keyboard: the selected revision's menu.
        QContextMenuEvent keyMenu(QContextMenuEvent::Keyboard, QPoint(1, 1),
                                  view->mapToGlobal(QPoint(1, 1)));
        QCoreApplication::sendEvent(view.get(), &keyMenu);
        QCOMPARE(menu.size(), 2);
        QCOMPARE(menu.last().at(0).toString(), QStringLiteral("m"));
    }

    void rendersSomething()
    {
        auto view = makeView();
        view->graphScene()->setDatabaseStates(derived(view->graphScene()->graph(),
            {{QStringLiteral("dev"), DatabaseState::fromRows({QStringLiteral("x2")})},
             {QStringLiteral("prod"),
              DatabaseState::fromRows({QStringLiteral("bp"), QStringLiteral("deadbeef")})}}),
            QStringLiteral("dev"));
        view->selectRevision(QStringLiteral("m"));
        QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
        const QColor background = view->palette().color(QPalette::Base);
        image.fill(background);
        QPainter painter(&image);
        view->graphScene()->render(&painter);
        painter.end();
        QVERIFY(distinctColours(image) > 8);
        int changed = 0;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                changed += image.pixelColor(x, y) != background ? 1 : 0;
        }
        QVERIFY(changed > 500);

        // The view's own paint works too.
        const QImage grabbed = view->grab().toImage();
        QVERIFY(distinctColours(grabbed) > 4);
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
