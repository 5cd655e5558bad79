#include "widgets/graph/edgeitem.h"

#include "widgets/graph/graphstyle.h"
#include "model/layout/graphlayout.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>
#include <initializer_list>
#include <limits>

namespace retort {

namespace {

constexpr qreal kArrowLength = 9.0;
// How many segments, or how long a path (scene units), make an edge long; and the longest
// part of a straight segment drawn at once.
constexpr int kLongEdgeSegments = 12;
constexpr qreal kLongEdgeLength = 800;
constexpr qreal kPartLength = 400;
// Below this zoom edges are drawn as hairlines (as the boxes lose their text).
constexpr qreal kHairlineLevelOfDetail = 0.35;
constexpr qreal kArrowHalfWidth = 4.0;

// Whether the cubic's control points lie on the line between its ends, in order (the
// layout's straight runs are written as such cubics).
bool isStraight(QPointF p0, QPointF c1, QPointF c2, QPointF p3)
{
    const QPointF d = p3 - p0;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 0.01)
        return false;
    auto onLine = [&](QPointF c) {
        const QPointF v = c - p0;
        const qreal cross = (d.x() * v.y() - d.y() * v.x()) / length;
        const qreal along = (d.x() * v.x() + d.y() * v.y()) / length;
        return std::abs(cross) < 0.01 && along >= -0.01 && along <= length + 0.01;
    };
    return onLine(c1) && onLine(c2);
}

QRectF boundsOf(std::initializer_list<QPointF> points)
{
    qreal left = std::numeric_limits<qreal>::max(), top = left;
    qreal right = std::numeric_limits<qreal>::lowest(), bottom = right;
    for (const QPointF& p : points) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-3, -3, 3, 3);
}

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

    m_segments.clear();
    const int segments = pts.size() > 1 ? int(pts.size() - 1) / 3 + int(pts.size() - 1) % 3 : 0;
    if (segments >= kLongEdgeSegments || m_path.length() > kLongEdgeLength) {
        qreal length = 0;
        for (int i = 1; i < pts.size();) {
            Segment seg;
            seg.p0 = pts.at(i - 1);
            if (i + 2 < pts.size()) {
                seg.c1 = pts.at(i);
                seg.c2 = pts.at(i + 1);
                seg.p3 = pts.at(i + 2);
                seg.straight = isStraight(seg.p0, seg.c1, seg.c2, seg.p3);
                i += 3;
            } else {
                seg.c1 = seg.p0;
                seg.p3 = seg.c2 = pts.at(i);
                seg.straight = true;
                i += 1;
            }
            if (seg.straight) {
                seg.length = QLineF(seg.p0, seg.p3).length();
            } else {
                QPainterPath curve(seg.p0);
                curve.cubicTo(seg.c1, seg.c2, seg.p3);
                seg.length = curve.length();
            }
            seg.lengthBefore = length;
            length += seg.length;
            m_segments.append(seg);
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
    // Far away (hundreds of edges on screen) a hairline: Qt draws one-pixel cosmetic pens
    // with its fast line rasteriser instead of stroking an outline and filling it, several
    // times faster. (Near, that rasteriser draws a line cut by a partial repaint's clip a
    // little differently from a full repaint, so the 1.2 pixel pen stays.)
    const qreal lod = option ? option->levelOfDetailFromTransform(painter->worldTransform()) : 1;
    const qreal width = m_emphasized ? 2.0 : lod < kHairlineLevelOfDetail ? 1.0 : 1.2;
    QPen pen(color, width, m_dependency ? Qt::DashLine : Qt::SolidLine);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (m_segments.isEmpty()) {
        painter->drawPath(m_path);
    } else {
        // Each segment (or part of one) is drawn the same whatever else is exposed, so a
        // partial repaint gives the pixels a full one does. The dashes continue from piece to
        // piece: a cosmetic pen's pattern is in pen widths on screen.
        const QRectF exposed = option ? option->exposedRect : m_bounds;
        const QTransform& world = painter->worldTransform();
        const qreal scale = std::sqrt(std::abs(world.determinant()));
        auto phase = [&](qreal lengthBefore) {
            if (m_dependency) {
                pen.setDashOffset(lengthBefore * scale / pen.widthF());
                painter->setPen(pen);
            }
        };
        for (const Segment& seg : std::as_const(m_segments)) {
            if (!seg.straight) {
                if (!boundsOf({seg.p0, seg.c1, seg.c2, seg.p3}).intersects(exposed))
                    continue;
                QPainterPath curve(seg.p0);
                curve.cubicTo(seg.c1, seg.c2, seg.p3);
                phase(seg.lengthBefore);
                painter->drawPath(curve);
                continue;
            }
            if (!boundsOf({seg.p0, seg.p3}).intersects(exposed))
                continue;
            // A solid line straight down a lane (or across): a filled rectangle as wide as the
            // pen, with its square caps. The same pixels as the stroke at a fraction of the
            // cost, and the same whatever part is exposed.
            const bool vertical = std::abs(seg.p0.x() - seg.p3.x()) < 0.01;
            if (!m_dependency && (vertical || std::abs(seg.p0.y() - seg.p3.y()) < 0.01)) {
                const qreal half = width / scale / 2;
                QRectF bar = QRectF(seg.p0, seg.p3).normalized().adjusted(-half, -half, half, half);
                painter->fillRect(bar, color);
                continue;
            }
            const int parts = std::max(1, int(std::ceil(seg.length / kPartLength)));
            const QLineF line(seg.p0, seg.p3);
            for (int k = 0; k < parts; ++k) {
                const QPointF a = line.pointAt(qreal(k) / parts);
                const QPointF b = line.pointAt(qreal(k + 1) / parts);
                if (!boundsOf({a, b}).intersects(exposed))
                    continue;
                phase(seg.lengthBefore + seg.length * k / parts);
                painter->drawLine(a, b);
            }
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
