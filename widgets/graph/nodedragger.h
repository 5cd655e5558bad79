#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

class QGraphicsLineItem;
class QGraphicsSceneMouseEvent;

namespace retort {

class GraphScene;
class RevisionNodeItem;

// Dragging a revision's node onto another node asks to re-parent it (droppedOnto): while
// the mouse moves, a dashed line runs from the node to the pointer. A press that does not
// travel the platform's drag distance stays a click (selection works as before); dropping on
// empty space, on the node itself or on a ghost does nothing. Watches the scene through an
// event filter, so the scene's own mouse handling is untouched. Escape during the drag
// cancels it.
class NodeDragger : public QObject
{
    Q_OBJECT

public:
    explicit NodeDragger(GraphScene* scene, QObject* parent = nullptr);

    bool isDragging() const { return m_line != nullptr; }

signals:
    void droppedOnto(const QString& revision, const QString& newParent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    RevisionNodeItem* nodeAt(const QPointF& scenePos) const;
    void cancel();

    GraphScene* m_scene = nullptr;
    QString m_source;
    QPointF m_pressPos;
    QGraphicsLineItem* m_line = nullptr;
};

} // namespace retort
