#include "widgets/graph/graphoverview.h"

#include "widgets/graph/edgeitem.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace retort {

namespace {

constexpr qreal kPadding = 4.0;
constexpr qreal kSceneMargin = 20.0;
constexpr qreal kMinimumNode = 2.0;
constexpr qreal kMinimumMark = 4.0;
constexpr qreal kMinimumFrame = 4.0;

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// At least `minimum` wide and high, around the same centre.
QRectF atLeast(QRectF r, qreal minimum)
{
    const QPointF c = r.center();
    r.setWidth(std::max(r.width(), minimum));
    r.setHeight(std::max(r.height(), minimum));
    r.moveCenter(c);
    return r;
}

} // namespace

GraphOverview::GraphOverview(GraphView* view) : QWidget(view), m_view(view)
{
    setObjectName(QStringLiteral("graphOverview"));
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::NoFocus);
    setToolTip(tr("Overview of the whole graph: click or drag to move the view"));
    setAccessibleName(tr("Graph overview"));
}

QRectF GraphOverview::sceneArea() const
{
    if (!m_view)
        return {};
    const QRectF graph = m_view->graphScene()->graphRect();
    if (graph.isEmpty())
        return {};
    return graph.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
}

QRectF GraphOverview::targetArea() const
{
    const QRectF source = sceneArea();
    const QRectF box = QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    if (source.isEmpty() || box.isEmpty())
        return {};
    QSizeF size = source.size();
    size.scale(box.size(), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(box.center());
    return target;
}

QPointF GraphOverview::mapFromScene(const QPointF& scenePos) const
{
    const QRectF source = sceneArea();
    const QRectF target = targetArea();
    if (source.isEmpty() || target.isEmpty())
        return {};
    const qreal scale = target.width() / source.width();
    return target.topLeft() + (scenePos - source.topLeft()) * scale;
}

QPointF GraphOverview::mapToScene(const QPointF& pos) const
{
    const QRectF source = sceneArea();
    const QRectF target = targetArea();
    if (source.isEmpty() || target.isEmpty())
        return {};
    const qreal scale = source.width() / target.width();
    return source.topLeft() + (pos - target.topLeft()) * scale;
}

QRectF GraphOverview::viewportFrame() const
{
    if (!m_view)
        return {};
    const QRectF visible =
        m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QRectF frame(mapFromScene(visible.topLeft()), mapFromScene(visible.bottomRight()));
    return atLeast(frame, kMinimumFrame).intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
}

void GraphOverview::invalidate()
{
    m_dirty = true;
    update();
}

void GraphOverview::renderCache()
{
    m_dirty = false;
    const qreal dpr = devicePixelRatioF();
    m_cache = QImage((QSizeF(size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    m_cache.setDevicePixelRatio(dpr);
    m_cache.fill(Qt::transparent);
    if (!m_view || m_cache.isNull())
        return;

    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    QPainter painter(&m_cache);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor background = base;
    background.setAlpha(235);
    painter.setPen(QPen(mix(base, text, 0.35), 1));
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);

    const QRectF target = targetArea();
    const QRectF source = sceneArea();
    if (target.isEmpty())
        return;
    const qreal scale = target.width() / source.width();
    GraphScene* scene = m_view->graphScene();

    // Edges as straight lines between the nodes' centres: the shape, not the splines.
    painter.setPen(QPen(mix(base, text, 0.35), 1));
    QList<QLineF> lines;
    lines.reserve(scene->edgeItems().size());
    for (EdgeItem* edge : scene->edgeItems()) {
        RevisionNodeItem* from = scene->nodeItem(edge->from());
        RevisionNodeItem* to = scene->nodeItem(edge->to());
        if (from && to)
            lines.append(QLineF(mapFromScene(from->pos()), mapFromScene(to->pos())));
    }
    painter.drawLines(lines);

    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(mix(base, text, 0.6));
    for (RevisionNodeItem* node : scene->nodeItems()) {
        const QRectF r = node->nodeRect();
        painter.drawRect(atLeast(QRectF(mapFromScene(node->pos()),
                                        r.size() * scale)
                                     .translated(-r.width() * scale / 2, -r.height() * scale / 2),
                                 kMinimumNode));
    }
}

void GraphOverview::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    if (m_dirty || m_cache.deviceIndependentSize() != QSizeF(size()) ||
        !qFuzzyCompare(m_cache.devicePixelRatio(), devicePixelRatioF()))
        renderCache();
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_cache);
    if (!m_view)
        return;

    // What changes without a new layout: where the database stands, the search matches,
    // the selection. Marks are drawn large enough to find on a long graph.
    const QPalette pal = palette();
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor text = pal.color(QPalette::Text);
    const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
    const QColor match = dark ? QColor(0xe0, 0xb0, 0x00) : QColor(0xf0, 0xb0, 0x00);
    const QRectF target = targetArea();
    const QRectF source = sceneArea();
    if (target.isEmpty())
        return;
    const qreal scale = target.width() / source.width();
    auto markRect = [&](const RevisionNodeItem* node, qreal minimum) {
        const QRectF r = node->nodeRect();
        QRectF shown(QPointF(), r.size() * scale);
        shown.moveCenter(mapFromScene(node->pos()));
        return atLeast(shown, minimum);
    };

    GraphScene* scene = m_view->graphScene();
    painter.setPen(Qt::NoPen);
    painter.setBrush(match);
    for (const QString& id : scene->searchMatches()) {
        if (RevisionNodeItem* node = scene->nodeItem(id))
            painter.drawRect(markRect(node, kMinimumMark));
    }
    painter.setBrush(scene->style().currentBorder); // "you are here", as on the nodes
    for (const auto& [profile, state] : scene->databaseStates()) {
        if (profile != scene->selectedProfile())
            continue;
        for (const QString& id : state.currentRevisions()) {
            if (RevisionNodeItem* node = scene->nodeItem(id))
                painter.drawRect(markRect(node, kMinimumMark));
        }
    }
    if (RevisionNodeItem* selected = scene->nodeItem(scene->currentRevision())) {
        painter.setPen(QPen(text, 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(markRect(selected, kMinimumMark + 2));
    }

    const QRectF frame = viewportFrame();
    QColor fill = highlight;
    fill.setAlpha(45);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(highlight, 1.5));
    painter.setBrush(fill);
    painter.drawRect(frame);
}

void GraphOverview::moveViewTo(const QPointF& pos)
{
    if (m_view)
        m_view->centerOn(mapToScene(pos + m_grabOffset));
}

void GraphOverview::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QRectF frame = viewportFrame();
    m_grabOffset = frame.contains(event->position()) ? frame.center() - event->position()
                                                     : QPointF();
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    moveViewTo(event->position());
    event->accept();
}

void GraphOverview::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    moveViewTo(event->position());
    event->accept();
}

void GraphOverview::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    setCursor(Qt::PointingHandCursor);
    event->accept();
}

void GraphOverview::wheelEvent(QWheelEvent* event)
{
    // The wheel scrolls (and Ctrl+wheel zooms) the view, also over its corner.
    if (!m_view) {
        QWidget::wheelEvent(event);
        return;
    }
    QWidget* viewport = m_view->viewport();
    // (mapFrom() needs an ancestor: the overview is the viewport's sibling.)
    const QPointF at = viewport->mapFrom(m_view, mapTo(m_view, event->position()));
    QWheelEvent forwarded(at, event->globalPosition(), event->pixelDelta(), event->angleDelta(),
                          event->buttons(), event->modifiers(), event->phase(), event->inverted(),
                          event->source(), event->pointingDevice());
    QCoreApplication::sendEvent(viewport, &forwarded);
    event->setAccepted(forwarded.isAccepted());
}

void GraphOverview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_dirty = true;
}

void GraphOverview::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        invalidate();
}

} // namespace retort
