#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace retort {

// Where Graphviz placed one revision: centre and size in points (1/72 inch), y growing
// downwards (already flipped against the bounding box).
struct NodeLayout
{
    QString id;
    QPointF center;
    QSizeF size;
};

// One edge as drawn: a cubic Bézier spline (start point, then three points per segment),
// with the arrow tip when Graphviz gave one. `dependency` marks depends_on edges.
struct EdgeLayout
{
    QString from; // the older revision (down revision / dependency)
    QString to;   // the newer revision
    bool dependency = false;
    QList<QPointF> points;
    bool hasArrow = false;
    QPointF arrowTip;
};

// The plain-data result of one layout run. Nothing Graphviz-owned is in here.
struct GraphLayout
{
    quint64 generation = 0; // the request it answers; stale ones are dropped by the caller
    QRectF boundingBox;
    QList<NodeLayout> nodes;
    QList<EdgeLayout> edges;
    QString error;          // empty on success
    qint64 elapsedMs = 0;
    QHash<QString, int> nodeIndex; // id -> index into nodes (filled by the layouter)
    bool simplified = false;       // large graph: linear runs collapsed, edges routed simply
    bool lanes = false;            // laid out by our own lanes (lanelayout.h), not by dot

    bool isValid() const { return error.isEmpty(); }
    const NodeLayout* node(const QString& id) const;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::GraphLayout)
