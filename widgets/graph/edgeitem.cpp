#include "widgets/graph/edgeitem.h"

#include "widgets/graph/graphstyle.h"
#include "model/layout/graphlayout.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace retort {

namespace {

constexpr qreal kArrowLength = 9.0;
// Segments per piece of a long edge, and how many segments make an edge long.
constexpr int kSegmentsPerPiece = 4;
constexpr int kLongEdgeSegments = 12;
constexpr qreal kArrowHalfWidth = 4.0;

QPolygonF arrowBetween(const QPointF& base, const QPointF& tip)
{
    QLineF line(tip, base);
    if (line.length() < 0.01)
        return {};
    const QPointF dir = (base - tip) / line.length();
    const QPointF normal(-dir.y(), dir.x());
    const qreal length = std::max(line.length(), kArrowLength * 0.6);
    const QPointF back = tip + dir * length;
    return QPolygonF({tip, back + normal * kArrowHalfWidth, back - normal * kArrowHalfWidth});
}

} // namespace

EdgeItem::EdgeItem(const EdgeLayout& layout, const GraphStyle* style, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_style(style)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(0);
    setLayout(layout);
}

void EdgeItem::setLayout(const EdgeLayout& layout)
{
    prepareGeometryChange();
    m_from = layout.from;
    m_to = layout.to;
    m_dependency = layout.dependency;
    m_path = QPainterPath();
    m_arrow.clear();

    const QList<QPointF>& pts = layout.points;
    if (!pts.isEmpty()) {
        m_path.moveTo(pts.first());
        int i = 1;
        for (; i + 2 < pts.size(); i += 3)
            m_path.cubicTo(pts.at(i), pts.at(i + 1), pts.at(i + 2));
        for (; i < pts.size(); ++i) // not a whole Bézier: straight lines
            m_path.lineTo(pts.at(i));
    }

    if (layout.hasArrow && !pts.isEmpty()) {
        m_arrow = arrowBetween(pts.last(), layout.arrowTip);
    } else if (pts.size() >= 2) {
        // No tip from Graphviz: draw the arrow over the end of the spline.
        const QPointF tip = pts.last();
        QPointF before = pts.at(pts.size() - 2);
        for (int j = pts.size() - 2; j >= 0 && QLineF(pts.at(j), tip).length() < 0.5; --j)
            before = pts.at(j);
        QLineF back(tip, before);
        if (back.length() > 0.01) {
            back.setLength(kArrowLength);
            m_arrow = arrowBetween(back.p2(), tip);
        }
    }

    m_bounds = m_path.controlPointRect() | m_arrow.boundingRect();
    m_bounds.adjust(-3, -3, 3, 3);

    m_pieces.clear();
    const int segments = pts.size() > 1 ? int(pts.size() - 1) / 3 + int(pts.size() - 1) % 3 : 0;
    if (segments >= kLongEdgeSegments) {
        qreal length = 0;
        int i = 1;
        while (i < pts.size()) {
            Piece piece;
            piece.lengthBefore = length;
            piece.path.moveTo(pts.at(i - 1));
            for (int k = 0; k < kSegmentsPerPiece && i < pts.size(); ++k) {
                if (i + 2 < pts.size()) {
                    piece.path.cubicTo(pts.at(i), pts.at(i + 1), pts.at(i + 2));
                    i += 3;
                } else {
                    piece.path.lineTo(pts.at(i));
                    i += 1;
                }
            }
            piece.bounds = piece.path.controlPointRect().adjusted(-3, -3, 3, 3);
            length += piece.path.length();
            m_pieces.append(piece);
        }
    }
    update();
}

void EdgeItem::setStyle(const GraphStyle* style)
{
    m_style = style;
    update();
}

void EdgeItem::setEmphasized(bool emphasized)
{
    if (m_emphasized == emphasized)
        return;
    m_emphasized = emphasized;
    setZValue(emphasized ? 0.5 : 0);
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path = m_path;
    path.addPolygon(m_arrow);
    return path;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    if (!m_style)
        return;
    const QColor color = m_emphasized   ? m_style->edgeEmphasized
                         : m_dependency ? m_style->dependencyEdge
                                        : m_style->edge;
    QPen pen(color, m_emphasized ? 2.0 : 1.2, m_dependency ? Qt::DashLine : Qt::SolidLine);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (m_pieces.isEmpty()) {
        painter->drawPath(m_path);
    } else {
        // Each piece is drawn the same whatever else is exposed, so a partial repaint gives
        // the pixels a full one does. The dashes continue from piece to piece: a cosmetic
        // pen's pattern is in pen widths on screen.
        const QRectF exposed = option ? option->exposedRect : m_bounds;
        const QTransform& world = painter->worldTransform();
        const qreal scale = std::sqrt(std::abs(world.determinant()));
        for (const Piece& piece : std::as_const(m_pieces)) {
            if (!piece.bounds.intersects(exposed))
                continue;
            if (m_dependency) {
                pen.setDashOffset(piece.lengthBefore * scale / pen.widthF());
                painter->setPen(pen);
            }
            painter->drawPath(piece.path);
        }
    }
    if (!m_arrow.isEmpty()) {
        pen.setStyle(Qt::SolidLine);
        painter->setPen(pen);
        painter->setBrush(color);
        painter->drawPolygon(m_arrow);
    }
}

} // namespace retort
