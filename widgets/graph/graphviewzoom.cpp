// GraphView's zoom and fit: zooming in steps around a point, and Fit / Fit All, which
// choose a zoom and a centre from the graph's heads and bounding box.
#include "widgets/graph/graphview.h"

#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QScrollBar>
#include <QSet>

#include <algorithm>

namespace retort {

namespace {

// One wheel notch (120 units), one Ctrl++ or Ctrl+-: small steps, as in other viewers.
constexpr qreal kZoomStep = 1.15;
// Below this, node text is hard to read: Fit never goes smaller.
constexpr qreal kReadableZoom = 0.8;
constexpr qreal kMaximumFitZoom = 1.5;
// A project too big to show whole opens at this zoom: the size the node text is made for.
constexpr qreal kInitialZoom = 1.0;
constexpr qreal kMinimumZoom = 0.02;
constexpr qreal kFitMargin = 20.0;
// Fit shows the heads and this many ranks of their ancestors.
constexpr int kFitRanks = 4;

} // namespace

qreal GraphView::zoom() const
{
    return transform().m11();
}

qreal GraphView::zoomStep()
{
    return kZoomStep;
}

qreal GraphView::readableZoom()
{
    return kReadableZoom;
}

qreal GraphView::minimumZoom() const
{
    const QRectF rect = m_scene->graphRect();
    if (rect.isEmpty())
        return kMinimumZoom;
    return std::min(kMinimumZoom, fitZoom(rect));
}

qreal GraphView::fitZoom(const QRectF& rect) const
{
    const QRectF r = rect.adjusted(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin);
    const QSize size = viewport()->size();
    if (r.isEmpty() || size.isEmpty())
        return 1.0;
    return std::min(size.width() / r.width(), size.height() / r.height());
}

void GraphView::applyZoom(qreal zoom)
{
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    setTransform(QTransform::fromScale(zoom, zoom));
    setTransformationAnchor(old);
}

void GraphView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minimumZoom(), maximumZoom());
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    const QPointF center = mapToScene(viewport()->rect().center());
    applyZoom(zoom);
    centerOn(center);
    emit zoomChanged(zoom);
}

void GraphView::zoomAt(qreal factor, const QPointF& viewportPos)
{
    const qreal target = std::clamp(zoom() * factor, minimumZoom(), maximumZoom());
    if (qFuzzyCompare(target, zoom()))
        return;
    const QPointF scenePos = viewportTransform().inverted().map(viewportPos);
    applyZoom(target);
    // Scroll the point back under the cursor (as far as the scroll bars reach).
    const QPointF drift = viewportTransform().map(scenePos) - viewportPos;
    QScrollBar* h = horizontalScrollBar();
    h->setValue(h->value() + qRound(isRightToLeft() ? -drift.x() : drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    emit zoomChanged(zoom());
}

void GraphView::zoomIn()
{
    zoomAt(kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::zoomOut()
{
    zoomAt(1.0 / kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::resetZoom()
{
    setZoom(1.0);
    if (!currentRevision().isEmpty())
        centerOnRevision(currentRevision());
}

void GraphView::fitAll()
{
    const QRectF rect = m_scene->graphRect();
    if (rect.isEmpty())
        return;
    // A small graph is not blown up beyond readable.
    const qreal zoom = std::clamp(fitZoom(rect), minimumZoom(), kMaximumFitZoom);
    applyZoom(zoom);
    centerOn(rect.center());
    m_fitPending = false;
    emit zoomChanged(this->zoom());
}

void GraphView::showInitialView()
{
    const QRectF all = m_scene->graphRect();
    if (m_initialZoom > 0 && !all.isEmpty()) {
        // The zoom people left the project at, around where a first view centres.
        RevisionNodeItem* item = m_scene->nodeItem(initialRevision());
        applyZoom(std::clamp(m_initialZoom, minimumZoom(), maximumZoom()));
        centerOn(item && fitZoom(all) < zoom() ? item->pos() : all.center());
        m_fitPending = false;
        emit zoomChanged(zoom());
        return;
    }
    if (all.isEmpty() || fitZoom(all) >= kReadableZoom) {
        fitAll(); // all of it, readable
        return;
    }
    // Too big to read whole: where the database stands (or the newest head) in the middle,
    // at the zoom the text is drawn for.
    const QString focus = initialRevision();
    RevisionNodeItem* item = m_scene->nodeItem(focus);
    if (!item) {
        fit();
        return;
    }
    applyZoom(std::max(kInitialZoom, minimumZoom()));
    centerOn(item->pos());
    m_fitPending = false;
    emit zoomChanged(zoom());
}

void GraphView::fit()
{
    const QRectF all = m_scene->graphRect();
    const auto graph = m_scene->graph();
    if (all.isEmpty() || !graph || fitZoom(all) >= kReadableZoom) {
        fitAll();
        return;
    }

    // The heads (and the ghost rows, which sit beside them), then their ancestors rank by
    // rank.
    QRectF heads;
    QRectF region;
    QList<QRectF> headBoxes;
    QSet<QString> seen;
    QStringList frontier = graph->heads();
    for (int rank = 0; rank <= kFitRanks && !frontier.isEmpty(); ++rank) {
        QStringList next;
        for (const QString& id : std::as_const(frontier)) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            if (RevisionNodeItem* item = m_scene->nodeItem(id)) {
                region |= item->sceneBoundingRect();
                if (rank == 0) {
                    headBoxes.append(item->mapRectToScene(item->nodeRect()));
                    heads |= headBoxes.last();
                }
            }
            next += graph->parents(id);
        }
        frontier = next;
    }
    for (RevisionNodeItem* ghost : m_scene->ghostItems()) {
        region |= ghost->sceneBoundingRect();
        heads |= ghost->mapRectToScene(ghost->nodeRect());
    }
    if (region.isEmpty() || heads.isEmpty()) {
        fitAll();
        return;
    }

    const qreal zoom = std::clamp(fitZoom(region), kReadableZoom, kMaximumFitZoom);
    applyZoom(zoom);
    const QSizeF visible(viewport()->width() / zoom, viewport()->height() / zoom);
    QPointF center = region.center();
    // Too much to show at a readable size: the heads first, from the newest edge.
    if (region.height() + 2 * kFitMargin > visible.height()) {
        const bool newerUp = heads.center().y() <= all.center().y();
        center.setY(newerUp ? heads.top() - kFitMargin + visible.height() / 2
                            : heads.bottom() + kFitMargin - visible.height() / 2);
        // Heads further down the picture are out of sight anyway.
        const qreal top = center.y() - visible.height() / 2;
        const qreal bottom = center.y() + visible.height() / 2;
        headBoxes.removeIf([&](const QRectF& box) {
            return box.top() < top || box.bottom() > bottom;
        });
    }
    if (region.width() + 2 * kFitMargin > visible.width() && !headBoxes.isEmpty()) {
        // As many heads side by side as the window holds.
        std::sort(headBoxes.begin(), headBoxes.end(),
                  [](const QRectF& a, const QRectF& b) { return a.left() < b.left(); });
        QRectF best;
        int bestCount = 0;
        for (qsizetype i = 0; i < headBoxes.size(); ++i) {
            QRectF shown;
            int count = 0;
            for (qsizetype j = i; j < headBoxes.size(); ++j) {
                const QRectF candidate = shown | headBoxes.at(j);
                if (count > 0 && candidate.width() + 2 * kFitMargin > visible.width())
                    continue;
                shown = candidate;
                ++count;
            }
            if (count > bestCount) {
                best = shown;
                bestCount = count;
            }
        }
        center.setX(best.center().x());
    }
    centerOn(center);
    m_fitPending = false;
    emit zoomChanged(this->zoom());
}

} // namespace retort
