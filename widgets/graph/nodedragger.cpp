#include "widgets/graph/nodedragger.h"

#include "widgets/graph/graphscene.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QPen>

namespace retort {

NodeDragger::NodeDragger(GraphScene* scene, QObject* parent) : QObject(parent), m_scene(scene)
{
    m_scene->installEventFilter(this);
    // A new picture replaces the nodes: a drag in progress ends with the old one.
    connect(m_scene, &GraphScene::graphAboutToChange, this, [this] { cancel(); });
}

RevisionNodeItem* NodeDragger::nodeAt(const QPointF& scenePos) const
{
    for (QGraphicsItem* item : m_scene->items(scenePos))
        if (auto* node = qgraphicsitem_cast<RevisionNodeItem*>(item); node && !node->isGhost())
            return node;
    return nullptr;
}

void NodeDragger::cancel()
{
    delete m_line;
    m_line = nullptr;
    m_source.clear();
}

bool NodeDragger::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_scene)
        return false;
    switch (event->type()) {
    case QEvent::GraphicsSceneMousePress: {
        auto* e = static_cast<QGraphicsSceneMouseEvent*>(event);
        cancel();
        if (e->button() == Qt::LeftButton) {
            if (RevisionNodeItem* node = nodeAt(e->scenePos())) {
                m_source = node->id();
                m_pressPos = e->screenPos();
            }
        }
        return false; // the scene selects as usual
    }
    case QEvent::GraphicsSceneMouseMove: {
        auto* e = static_cast<QGraphicsSceneMouseEvent*>(event);
        if (m_source.isEmpty() || !(e->buttons() & Qt::LeftButton))
            return false;
        if (!m_line) {
            if ((e->screenPos() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
                return false;
            RevisionNodeItem* node = m_scene->nodeItem(m_source);
            if (!node) {
                m_source.clear();
                return false;
            }
            m_line = new QGraphicsLineItem;
            QPen pen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine);
            pen.setCosmetic(true);
            m_line->setPen(pen);
            m_line->setZValue(1000);
            m_line->setAcceptedMouseButtons(Qt::NoButton);
            m_scene->addItem(m_line);
        }
        RevisionNodeItem* node = m_scene->nodeItem(m_source);
        const QPointF from = node ? node->sceneBoundingRect().center() : e->scenePos();
        m_line->setLine(QLineF(from, e->scenePos()));
        return true;
    }
    case QEvent::GraphicsSceneMouseRelease: {
        auto* e = static_cast<QGraphicsSceneMouseEvent*>(event);
        if (!m_line || e->button() != Qt::LeftButton) {
            if (e->button() == Qt::LeftButton)
                m_source.clear();
            return false;
        }
        const QString source = m_source;
        RevisionNodeItem* target = nodeAt(e->scenePos());
        cancel();
        if (target && target->id() != source)
            emit droppedOnto(source, target->id());
        return false; // the scene ends its own mouse grab
    }
    case QEvent::KeyPress:
        if (m_line && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace retort
