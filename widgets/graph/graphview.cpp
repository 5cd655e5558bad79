// GraphView: the revision graph on screen (its commands, keys, the overview, the search and
// keeping the viewport across new layouts); zoom and fit are in graphviewzoom.cpp.
#include "widgets/graph/graphview.h"

#include "widgets/graph/graphoverview.h"
#include "widgets/graph/nodedragger.h"
#include "widgets/graph/graphscene.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QGestureEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace retort {

namespace {

constexpr int kVisibleMargin = 60;
// The overview: its longer side, and the room it leaves around it.
constexpr int kOverviewMaxSide = 180;
constexpr int kOverviewMinSide = 36;
constexpr int kOverviewMargin = 8;

} // namespace

GraphView::GraphView(GraphScene* scene, QWidget* parent)
    : QGraphicsView(parent), m_scene(scene ? scene : new GraphScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(ScrollHandDrag);
    // Many static items, few of them changing at a time.
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlag(DontSavePainterState); // items set all the state they use
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Revision graph"));
    viewport()->grabGesture(Qt::PinchGesture); // touch screens; touchpads send native gestures
    m_scene->setPalette(palette());
    m_scene->setFont(font());

    m_overview = new GraphOverview(this);
    m_overview->hide();
    createActions();
    createLegend();

    connect(m_scene, &GraphScene::currentRevisionChanged, this, &GraphView::currentRevisionChanged);
    connect(m_scene, &GraphScene::revisionActivated, this, &GraphView::revisionActivated);
    connect(m_scene, &GraphScene::contextMenuRequested, this, &GraphView::contextMenuRequested);
    connect(new NodeDragger(m_scene, this), &NodeDragger::droppedOnto, this,
            &GraphView::reparentRequested);
    connect(m_scene, &GraphScene::graphAboutToChange, this, &GraphView::rememberViewport);
    connect(m_scene, &GraphScene::graphChanged, this, &GraphView::restoreViewport);
    connect(m_scene, &GraphScene::currentRevisionChanged, m_overview,
            qOverload<>(&QWidget::update));
    connect(this, &GraphView::zoomChanged, this, &GraphView::updateOverview);
    connect(this, &GraphView::searchChanged, m_overview, qOverload<>(&QWidget::update));
    // For those who wait for a picture (the controllers do not reach into the scene).
    connect(m_scene, &GraphScene::graphChanged, this, &GraphView::graphChanged);
}

void GraphView::createActions()
{
    // Shortcuts act while the graph has the focus: elsewhere (a script editor) the same
    // keys keep their own meaning.
    auto make = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_zoomInAction =
        make(tr("Zoom &In"),
             {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)},
             &GraphView::zoomIn);
    m_zoomInAction->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    m_zoomOutAction =
        make(tr("Zoom &Out"), {QKeySequence(QKeySequence::ZoomOut)}, &GraphView::zoomOut);
    m_zoomOutAction->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    m_resetZoomAction =
        make(tr("&Reset Zoom"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, &GraphView::resetZoom);
    m_resetZoomAction->setIcon(QIcon::fromTheme(QStringLiteral("zoom-original")));
    m_fitAction = make(tr("Fi&t"), {QKeySequence(Qt::Key_F)}, &GraphView::fit);
    m_fitAction->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-best")));
    m_fitAction->setStatusTip(tr("Show the heads and the revisions below them at a readable size"));
    m_fitAllAction =
        make(tr("Fit &All"), {QKeySequence(Qt::SHIFT | Qt::Key_F)}, &GraphView::fitAll);
    m_fitAllAction->setStatusTip(tr("Show the whole graph"));
    m_overviewAction = new QAction(tr("Show Over&view"), this);
    m_overviewAction->setCheckable(true);
    m_overviewAction->setChecked(m_overviewEnabled);
    m_overviewAction->setShortcut(QKeySequence(Qt::Key_O));
    m_overviewAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_overviewAction->setStatusTip(
        tr("Show a map of the whole graph in its corner while it does not fit the window"));
    connect(m_overviewAction, &QAction::toggled, this, &GraphView::setOverviewEnabled);
    addAction(m_overviewAction);
}

bool GraphView::selectRevision(const QString& id)
{
    if (!m_scene->selectRevision(id))
        return false;
    if (RevisionNodeItem* item = m_scene->nodeItem(id))
        ensureVisible(item, kVisibleMargin, kVisibleMargin);
    return true;
}

void GraphView::setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout)
{
    m_scene->setGraph(std::move(graph), layout);
}

void GraphView::setGraph(std::shared_ptr<const RevisionGraph> graph, const GraphLayout& layout,
                         const GraphScene::ProfileStates& states, const QString& selectedProfile)
{
    m_scene->setGraph(std::move(graph), layout, states, selectedProfile);
}

void GraphView::clearGraph()
{
    m_scene->clearGraph();
}

bool GraphView::hasRevision(const QString& id) const
{
    return m_scene->nodeItem(id) != nullptr;
}

bool GraphView::setCurrentRevision(const QString& id)
{
    return m_scene->selectRevision(id);
}

void GraphView::setDatabaseStates(const GraphScene::ProfileStates& states,
                                  const QString& selectedProfile)
{
    m_scene->setDatabaseStates(states, selectedProfile);
    refreshLegend();
}

void GraphView::setRunMarks(const QStringList& planned, const QString& running,
                            const QString& failed, const QString& failure)
{
    m_scene->setRunMarks(planned, running, failed, failure);
    refreshLegend();
}

void GraphView::setCompareMarks(const QStringList& onlyA, const QStringList& onlyB,
                                const QString& nameA, const QString& nameB)
{
    m_scene->setCompareMarks(onlyA, onlyB, nameA, nameB);
}

void GraphView::clearRunMarks()
{
    m_scene->clearRunMarks();
    refreshLegend();
}

void GraphView::setRevisionWarnings(const QHash<QString, QStringList>& warningsByRevision)
{
    m_scene->setRevisionWarnings(warningsByRevision);
    refreshLegend();
}

QString GraphView::currentRevision() const
{
    return m_scene->currentRevision();
}

void GraphView::centerOnRevision(const QString& id)
{
    if (RevisionNodeItem* item = m_scene->nodeItem(id))
        centerOn(item->pos()); // the box, not its badges
}

void GraphView::setSearchText(const QString& text)
{
    const QString needle = text.trimmed();
    if (m_search.set(needle, m_scene->findRevisions(needle))) {
        m_scene->setSearchMatches(m_search.matches());
        emit searchChanged();
    }
}

void GraphView::refreshSearch()
{
    if (!m_search.text().isEmpty() && m_search.rematch(m_scene->findRevisions(m_search.text()))) {
        m_scene->setSearchMatches(m_search.matches());
        emit searchChanged();
    }
}

bool GraphView::stepSearch(int step)
{
    const QString id = m_search.step(step);
    if (id.isEmpty())
        return false;
    m_scene->selectRevision(id);
    centerOnRevision(id);
    emit searchChanged();
    return true;
}

bool GraphView::findNext()
{
    return stepSearch(1);
}

bool GraphView::findPrevious()
{
    return stepSearch(-1);
}

bool GraphView::findAndSelect(const QString& text)
{
    if (text.trimmed().compare(m_search.text(), Qt::CaseInsensitive) != 0)
        setSearchText(text);
    return findNext();
}

void GraphView::setOverviewEnabled(bool enabled)
{
    if (enabled == m_overviewEnabled)
        return;
    m_overviewEnabled = enabled;
    m_overviewAction->setChecked(enabled);
    updateOverview();
}

void GraphView::updateOverview()
{
    if (!m_overview) // scroll bars move while the constructor sets the scene
        return;
    const QRectF graph = m_scene->graphRect();
    const QRect area = viewport()->geometry();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool wanted = m_overviewEnabled && !graph.isEmpty() &&
                        !visible.contains(graph) && area.width() >= 3 * kOverviewMinSide &&
                        area.height() >= 3 * kOverviewMinSide;
    if (!wanted) {
        m_overview->hide();
        return;
    }
    // As big as a corner allows, in the graph's proportions (a long chain is a thin strip).
    const int maxSide = std::clamp(std::min(area.width(), area.height()) / 3, kOverviewMinSide,
                                   kOverviewMaxSide);
    QSizeF size = graph.size();
    size.scale(maxSide, maxSide, Qt::KeepAspectRatio);
    const QSize shown(std::max(int(size.width()), kOverviewMinSide),
                      std::max(int(size.height()), kOverviewMinSide));
    const QRect geometry(area.right() - kOverviewMargin - shown.width() + 1,
                         area.bottom() - kOverviewMargin - shown.height() + 1, shown.width(),
                         shown.height());
    if (m_overview->geometry() != geometry)
        m_overview->setGeometry(geometry);
    if (m_overview->isHidden()) {
        m_overview->show();
        m_overview->raise();
    }
    m_overview->update();
}

QString GraphView::neighbour(const QString& id, Move move) const
{
    const auto graph = m_scene->graph();
    RevisionNodeItem* from = m_scene->nodeItem(id);
    if (!graph || !from || !graph->contains(id))
        return {};
    const QPointF origin = from->pos();
    auto itemOf = [this](const QString& other) { return m_scene->nodeItem(other); };

    if (move == Move::Newer || move == Move::Older) {
        const QStringList candidates =
            move == Move::Newer ? graph->children(id) : graph->parents(id);
        // The one straightest above / below.
        QString best;
        qreal bestDistance = 0;
        for (const QString& c : candidates) {
            RevisionNodeItem* item = itemOf(c);
            if (!item)
                continue;
            const qreal d = std::abs(item->pos().x() - origin.x());
            if (best.isEmpty() || d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    // Siblings: the other children of its parents, and the other parents of the merges it
    // feeds, ordered left to right as drawn.
    QStringList siblings{id};
    for (const QString& p : graph->parents(id))
        siblings += graph->children(p);
    for (const QString& c : graph->children(id)) {
        if (graph->isMergePoint(c))
            siblings += graph->parents(c);
    }
    siblings.removeDuplicates();
    siblings.removeIf([&](const QString& s) { return !itemOf(s); });
    if (siblings.size() < 2)
        return {};
    std::sort(siblings.begin(), siblings.end(), [&](const QString& a, const QString& b) {
        const QPointF pa = itemOf(a)->pos();
        const QPointF pb = itemOf(b)->pos();
        if (!qFuzzyCompare(pa.x(), pb.x()))
            return pa.x() < pb.x();
        if (!qFuzzyCompare(pa.y(), pb.y()))
            return pa.y() < pb.y();
        return a < b;
    });
    const int index = int(siblings.indexOf(id));
    const int next = move == Move::Previous ? index - 1 : index + 1;
    if (next < 0 || next >= siblings.size())
        return {};
    return siblings.at(next);
}

bool GraphView::moveSelection(Move move)
{
    const QString target = neighbour(currentRevision(), move);
    if (target.isEmpty())
        return false;
    return selectRevision(target);
}

bool GraphView::viewportEvent(QEvent* event)
{
    // A touchpad pinch (macOS, Wayland, Windows precision touchpads).
    if (event->type() == QEvent::NativeGesture) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(1.0 + gesture->value(), gesture->position());
            event->accept();
            return true;
        }
    }
    // A pinch on a touch screen.
    if (event->type() == QEvent::Gesture) {
        auto* gestures = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags().testFlag(QPinchGesture::ScaleFactorChanged))
                zoomAt(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint()));
            gestures->accept(pinch);
            return true;
        }
    }
    if (event->type() == QEvent::Paint && m_afterPaint) {
        const bool handled = QGraphicsView::viewportEvent(event);
        std::exchange(m_afterPaint, {})();
        return handled;
    }
    return QGraphicsView::viewportEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    // The same keys as the actions' shortcuts, for when the view is used on its own.
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool ctrl = mods.testFlag(Qt::ControlModifier);
    if (event->matches(QKeySequence::ZoomIn) ||
        (ctrl && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal))) {
        zoomIn();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut) || (ctrl && event->key() == Qt::Key_Minus)) {
        zoomOut();
        event->accept();
        return;
    }
    if (ctrl && event->key() == Qt::Key_0) {
        resetZoom();
        event->accept();
        return;
    }
    if (mods == Qt::ShiftModifier && event->key() == Qt::Key_F) {
        fitAll();
        event->accept();
        return;
    }

    if (mods == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_F:
            fit();
            event->accept();
            return;
        case Qt::Key_O:
            m_overviewAction->toggle();
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!currentRevision().isEmpty()) {
                m_scene->activateCurrentRevision();
                event->accept();
                return;
            }
            break;
        case Qt::Key_Escape:
            if (!currentRevision().isEmpty()) {
                m_scene->selectRevision({});
                event->accept();
                return;
            }
            break;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Left:
        case Qt::Key_Right:
            if (!currentRevision().isEmpty()) {
                static constexpr Move kMoves[] = {Move::Previous, Move::Newer, Move::Next,
                                                 Move::Older};
                moveSelection(kMoves[event->key() - Qt::Key_Left]);
                event->accept();
                return;
            }
            break; // nothing selected: the arrows pan
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        // Ctrl+wheel zooms around the cursor: a notch is 120 units (hi-res wheels send
        // fractions of it; touchpads without angles send pixels).
        const QPoint angle = event->angleDelta();
        qreal notches = (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
        if (angle.isNull())
            notches = event->pixelDelta().y() / 120.0;
        if (notches != 0)
            zoomAt(std::pow(zoomStep(), notches), event->position());
        event->accept();
        return;
    }
    // The wheel scrolls; Shift+wheel scrolls sideways, line by line like the plain wheel
    // (the scroll bar would take Shift for page steps).
    QPoint angle = event->angleDelta();
    QPoint pixels = event->pixelDelta();
    Qt::KeyboardModifiers mods = event->modifiers();
    if (mods.testFlag(Qt::ShiftModifier)) {
        if (angle.x() == 0) {
            angle = angle.transposed();
            pixels = pixels.transposed();
        }
        mods &= ~Qt::ShiftModifier;
    }
    QWheelEvent scroll(event->position(), event->globalPosition(), pixels, angle,
                       event->buttons(), mods, event->phase(), event->inverted(),
                       event->source(), event->pointingDevice());
    QGraphicsView::wheelEvent(&scroll);
    event->setAccepted(scroll.isAccepted());
}

void GraphView::contextMenuEvent(QContextMenuEvent* event)
{
    // From the keyboard (Menu key, Shift+F10): the menu of the selected revision, at it.
    if (event->reason() == QContextMenuEvent::Keyboard) {
        if (RevisionNodeItem* item = m_scene->nodeItem(currentRevision())) {
            ensureVisible(item, kVisibleMargin, kVisibleMargin);
            const QPoint at = viewport()->mapToGlobal(mapFromScene(item->pos()));
            emit contextMenuRequested(item->id(), at);
            event->accept();
            return;
        }
    }
    QGraphicsView::contextMenuEvent(event);
}

void GraphView::changeEvent(QEvent* event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
    else if (event->type() == QEvent::FontChange)
        m_scene->setFont(font());
}

void GraphView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    if (m_fitPending)
        showInitialView();
}

void GraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    updateOverview();
    placeLegend();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateOverview();
}

void GraphView::rememberViewport()
{
    m_hadGraph = !m_scene->nodeItems().isEmpty();
    m_oldCenter = mapToScene(viewport()->rect().center());
    m_anchorId.clear();
    if (!m_hadGraph)
        return;
    // The selected node when it is on screen, otherwise the node nearest the centre.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    RevisionNodeItem* anchor = m_scene->nodeItem(currentRevision());
    if (anchor && !visible.contains(anchor->pos()))
        anchor = nullptr;
    if (!anchor) {
        qreal best = 0;
        const QList<QGraphicsItem*> items = m_scene->items(visible);
        for (QGraphicsItem* item : items) {
            auto* node = qgraphicsitem_cast<RevisionNodeItem*>(item);
            if (!node || node->isGhost())
                continue;
            const QPointF d = node->pos() - m_oldCenter;
            const qreal distance = QPointF::dotProduct(d, d);
            if (!anchor || distance < best) {
                anchor = node;
                best = distance;
            }
        }
    }
    if (anchor) {
        m_anchorId = anchor->id();
        m_anchorOffset = anchor->pos() - m_oldCenter;
    }
}

void GraphView::restoreViewport(bool sameRevisions)
{
    Q_UNUSED(sameRevisions)
    refreshSearch();
    m_overview->invalidate();
    updateOverview();
    refreshLegend();
    if (!m_hadGraph || m_initialViewPending) {
        m_initialViewPending = false;
        // The first graph: all of it when that stays readable, otherwise readable text
        // around the newest revisions (once the view has its size).
        if (isVisible())
            showInitialView();
        else
            m_fitPending = true;
        return;
    }
    RevisionNodeItem* anchor = m_anchorId.isEmpty() ? nullptr : m_scene->nodeItem(m_anchorId);
    if (anchor)
        centerOn(anchor->pos() - m_anchorOffset);
    else
        centerOn(m_oldCenter);
    updateOverview();
}

} // namespace retort
