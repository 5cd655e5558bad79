#pragma once

#include <QColor>
#include <QScrollArea>
#include <QList>
#include <QString>

namespace retort {

class GraphScene;
struct GraphStyle;

// What the graph's shapes, colours, badges and marks mean: a panel over a corner of the
// graph view, drawn with the scene's style (light and dark palettes alike). Lists only what
// the current picture uses (node kinds, database states and markers, branch label badges,
// run marks, search matches, errors and warnings), node kinds first. One column; it scrolls
// when the view is too short for it.
class GraphLegend : public QScrollArea
{
    Q_OBJECT

public:
    // How an entry's sample is drawn.
    enum class Sample
    {
        Box,     // a node's box in `fill` / `border` (style `borderStyle`, width `borderWidth`)
        Glyph,   // a round glyph with `glyph` in it (an empty glyph: the branch point fork)
        Badge,   // a branch label's pill
        Marker,  // a database marker's label
        Error,   // the red error dot
        Warning, // the amber warning triangle
        Halo,    // a halo around a box (selection, search match)
        Outline, // a run mark around a box
        Edge,    // an edge (dashed for depends_on)
    };

    struct Entry
    {
        QString key; // stable name: "head", "mergePoint", "current", "warnings", …
        QString text;
        Sample sample = Sample::Box;
        QColor fill;
        QColor border;
        QColor text2; // the sample's text colour (glyphs, markers)
        Qt::PenStyle borderStyle = Qt::SolidLine;
        qreal borderWidth = 1.0;
        QString glyph;
    };

    explicit GraphLegend(GraphScene* scene, QWidget* parent = nullptr);

    // The entries for what the scene shows now, in order (node kinds first).
    static QList<Entry> entriesFor(const GraphScene& scene);
    QList<Entry> entries() const { return m_entries; }
    QStringList keys() const;
    // Reads the scene again (its graph, states or marks changed).
    void refresh();
    // The size it takes within `maxSize` (it scrolls when shorter than its entries).
    QSize sizeFor(const QSize& maxSize) const;
    // The entries' size, unscrolled.
    QSize contentsSize() const;
    // Draws the entries into `rect` (the scrolled canvas calls it).
    void paintEntries(QPainter& painter, const QRect& rect) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void paintSample(QPainter& painter, const Entry& entry, const QRectF& rect) const;
    int rowHeight() const;
    int columnWidth() const;

    GraphScene* m_scene = nullptr;
    QWidget* m_canvas = nullptr;
    QList<Entry> m_entries;
};

} // namespace retort
