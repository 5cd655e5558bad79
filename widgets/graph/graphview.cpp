#include "graph/graphview.h"

#include "graph/graphscene.h"
#include "graph/revisiongraph.h"
#include "graph/revisionnodeitem.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace retort {

namespace {

constexpr qreal kKeyZoomStep = 1.25;
// Below this, node text is hard to read: the first view zooms in to it instead of fitting.
constexpr qreal kReadableZoom = 0.8;
constexpr qreal kMaximumFitZoom = 1.5;
constexpr qreal kFitMargin = 20.0;
constexpr int kVisibleMargin = 60;

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
    m_scene->setPalette(palette());
    m_scene->setFont(font());

    connect(m_scene, &GraphScene::currentRevisionChanged, this, &GraphView::currentRevisionChanged);
    connect(m_scene, &GraphScene::revisionActivated, this, &GraphView::revisionActivated);
    connect(m_scene, &GraphScene::contextMenuRequested, this, &GraphView::contextMenuRequested);
    connect(m_scene, &GraphScene::graphAboutToChange, this, &GraphView::rememberViewport);
    connect(m_scene, &GraphScene::graphChanged, this, &GraphView::restoreViewport);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minimumZoom(), maximumZoom());
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(zoom, zoom));
    setTransformationAnchor(old);
    emit zoomChanged(zoom);
}

void GraphView::zoomBy(qreal factor, ViewportAnchor anchor)
{
    const qreal target = std::clamp(zoom() * factor, minimumZoom(), maximumZoom());
    if (qFuzzyCompare(target, zoom()))
        return;
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(anchor);
    scale(target / zoom(), target / zoom());
    setTransformationAnchor(old);
    emit zoomChanged(zoom());
}

void GraphView::zoomIn()
{
    zoomBy(kKeyZoomStep, AnchorViewCenter);
}

void GraphView::zoomOut()
{
    zoomBy(1.0 / kKeyZoomStep, AnchorViewCenter);
}

void GraphView::resetZoom()
{
    setZoom(1.0);
    if (!currentRevision().isEmpty())
        centerOnRevision(currentRevision());
}

void GraphView::fitToWindow()
{
    const QRectF rect = m_scene->graphRect();
    if (rect.isEmpty())
        return;
    fitInView(rect.adjusted(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin), Qt::KeepAspectRatio);
    // A small graph is not blown up beyond readable.
    if (zoom() > kMaximumFitZoom) {
        setTransform(QTransform::fromScale(kMaximumFitZoom, kMaximumFitZoom));
        centerOn(rect.center());
    } else if (zoom() < minimumZoom()) {
        setTransform(QTransform::fromScale(minimumZoom(), minimumZoom()));
        centerOn(rect.center());
    }
    m_fitPending = false;
    emit zoomChanged(zoom());
}

bool GraphView::selectRevision(const QString& id)
{
    if (!m_scene->selectRevision(id))
        return false;
    if (RevisionNodeItem* item = m_scene->nodeItem(id))
        ensureVisible(item, kVisibleMargin, kVisibleMargin);
    return true;
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

bool GraphView::findAndSelect(const QString& text)
{
    const QString needle = text.trimmed();
    const QStringList matches = m_scene->findRevisions(needle);
    if (matches.isEmpty()) {
        m_searchText.clear();
        m_searchMatches.clear();
        m_searchIndex = -1;
        return false;
    }
    if (needle.compare(m_searchText, Qt::CaseInsensitive) == 0 && matches == m_searchMatches)
        m_searchIndex = (m_searchIndex + 1) % int(matches.size());
    else
        m_searchIndex = 0;
    m_searchText = needle;
    m_searchMatches = matches;
    const QString id = matches.at(m_searchIndex);
    m_scene->selectRevision(id);
    centerOnRevision(id);
    return true;
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

void GraphView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::ZoomIn) ||
        (event->modifiers().testFlag(Qt::ControlModifier) &&
         (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal))) {
        zoomIn();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut) ||
        (event->modifiers().testFlag(Qt::ControlModifier) && event->key() == Qt::Key_Minus)) {
        zoomOut();
        event->accept();
        return;
    }
    if (event->modifiers().testFlag(Qt::ControlModifier) && event->key() == Qt::Key_0) {
        resetZoom();
        event->accept();
        return;
    }

    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_F:
            fitToWindow();
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
                static constexpr Move moves[] = {Move::Previous, Move::Newer, Move::Next,
                                                 Move::Older};
                moveSelection(moves[event->key() - Qt::Key_Left]);
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
    const int delta = event->angleDelta().y();
    if (delta == 0 || event->modifiers().testFlag(Qt::ShiftModifier)) {
        QGraphicsView::wheelEvent(event); // horizontal wheels and Shift scroll
        return;
    }
    zoomBy(std::pow(2.0, delta / 480.0), AnchorUnderMouse);
    event->accept();
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

void GraphView::showInitialView()
{
    fitToWindow();
    if (zoom() >= kReadableZoom)
        return;
    setZoom(kReadableZoom);
    RevisionNodeItem* newest = nullptr;
    for (RevisionNodeItem* node : m_scene->nodeItems()) {
        if (!newest || node->pos().y() < newest->pos().y())
            newest = node;
    }
    if (newest)
        centerOn(newest);
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
    if (!m_hadGraph) {
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
}

} // namespace retort
