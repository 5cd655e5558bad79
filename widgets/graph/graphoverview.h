#pragma once

#include <QImage>
#include <QPointer>
#include <QRectF>
#include <QWidget>

namespace retort {

class GraphView;

// A small map of the whole graph in a corner of a GraphView, with a frame around the part
// the view shows; clicking or dragging in it moves the view there. Drawn cheaply: revisions
// as small boxes and edges as straight lines, kept in an image until the graph changes;
// the search matches, the selected database's position, the selection and the frame are
// drawn on top at each paint.
class GraphOverview : public QWidget
{
    Q_OBJECT

public:
    explicit GraphOverview(GraphView* view);

    // Where a scene point is drawn, and the scene point drawn at a point of the widget.
    QPointF mapFromScene(const QPointF& scenePos) const;
    QPointF mapToScene(const QPointF& pos) const;
    // The part of the scene the view shows, in the widget's coordinates.
    QRectF viewportFrame() const;

    // The graph changed: the cached picture is drawn again at the next paint.
    void invalidate();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QRectF sceneArea() const;  // the part of the scene drawn: the graph plus a margin
    QRectF targetArea() const; // where it is drawn, in the graph's proportions
    void renderCache();
    void moveViewTo(const QPointF& pos);

    QPointer<GraphView> m_view;
    QImage m_cache;
    bool m_dirty = true;
    bool m_dragging = false;
    QPointF m_grabOffset; // a drag that starts on the frame keeps the frame under the mouse
};

} // namespace retort
