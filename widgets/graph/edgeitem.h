#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace retort {

struct EdgeLayout;
struct GraphStyle;

// One edge of the revision graph, drawn from Graphviz's spline as a QPainterPath with an
// arrowhead at the newer revision. `depends_on` edges are dashed. The path is built once
// per layout; painting allocates nothing big.
class EdgeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    EdgeItem(const EdgeLayout& layout, const GraphStyle* style, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }

    QString from() const { return m_from; }
    QString to() const { return m_to; }
    bool isDependency() const { return m_dependency; }
    // True when the edge is drawn with a dashed pen (depends_on edges).
    bool isDashed() const { return m_dependency; }
    QPainterPath path() const { return m_path; }
    QPolygonF arrowHead() const { return m_arrow; }

    void setLayout(const EdgeLayout& layout);
    void setStyle(const GraphStyle* style);
    // Drawn stronger when one of its ends is selected.
    void setEmphasized(bool emphasized);
    bool isEmphasized() const { return m_emphasized; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const GraphStyle* m_style = nullptr;
    QString m_from;
    QString m_to;
    bool m_dependency = false;
    bool m_emphasized = false;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    // A long edge (it may run past thousands of revisions, or down a lane of a large graph)
    // is drawn segment by segment, and only the segments in the exposed area; a long straight
    // segment in fixed parts of at most kPartLength. Qt's stroker otherwise strokes (and
    // dashes) the whole curve every frame. Empty for short edges, drawn as one path.
    struct Segment
    {
        QPointF p0, c1, c2, p3;
        qreal lengthBefore = 0; // along the edge, for the dash pattern's phase
        qreal length = 0;
        bool straight = false;
    };
    QList<Segment> m_segments;
};

} // namespace retort
