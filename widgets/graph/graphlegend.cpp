// GraphLegend: what the picture's shapes and colours mean, for what the scene shows now.
#include "widgets/graph/graphlegend.h"

#include "widgets/graph/databasemarkeritem.h"
#include "widgets/graph/edgeitem.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphstyle.h"
#include "widgets/graph/revisionnodeitem.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <algorithm>

namespace retort {

namespace {

constexpr int kMargin = 8;
constexpr int kSampleWidth = 34;
constexpr int kSampleGap = 8;
constexpr int kMaxTextWidth = 300;

GraphLegend::Entry make(const QString& key, const QString& text, GraphLegend::Sample sample,
                       const QColor& fill, const QColor& border, const QColor& text2,
                       Qt::PenStyle borderStyle = Qt::SolidLine, qreal borderWidth = 1.0,
                       const QString& glyph = {})
{
    return {key, text, sample, fill, border, text2, borderStyle, borderWidth, glyph};
}

// What the legend scrolls: paints the legend's entries.
class LegendCanvas : public QWidget
{
public:
    explicit LegendCanvas(GraphLegend* legend) : m_legend(legend)
    {
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }
    QSize sizeHint() const override { return m_legend->contentsSize(); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        m_legend->paintEntries(painter, rect());
    }

private:
    GraphLegend* m_legend;
};

QPen cosmetic(const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

GraphLegend::GraphLegend(GraphScene* scene, QWidget* parent)
    : QScrollArea(parent), m_scene(scene), m_canvas(new LegendCanvas(this))
{
    setObjectName(QStringLiteral("graphLegend"));
    setAccessibleName(tr("Graph legend"));
    setFrameShape(QFrame::StyledPanel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidgetResizable(true);
    setWidget(m_canvas);
    refresh();
}

QList<GraphLegend::Entry> GraphLegend::entriesFor(const GraphScene& scene)
{
    const GraphStyle& s = scene.style();
    bool head = false, base = false, branchPoint = false, mergePoint = false, ordinary = false;
    bool label = false, errors = false, warnings = false, search = false, selected = false;
    bool current = false, applied = false, pending = false, ghost = false, unknown = false;
    bool planned = false, running = false, failed = false;
    const QList<RevisionNodeItem*> nodes = scene.nodeItems();
    for (const RevisionNodeItem* node : nodes) {
        head |= node->isHead();
        base |= node->isBase();
        branchPoint |= node->isBranchPoint();
        mergePoint |= node->isMergePoint();
        ordinary |= node->markers() == RevisionNodeItem::NoMarker;
        label |= !node->shownLabels().isEmpty();
        errors |= node->hasErrors();
        warnings |= node->hasWarnings();
        search |= node->isSearchMatch();
        selected |= node->isSelected();
        current |= node->state() == RevisionNodeItem::State::Current;
        applied |= node->state() == RevisionNodeItem::State::Applied;
        pending |= node->state() == RevisionNodeItem::State::Pending;
        unknown |= node->state() == RevisionNodeItem::State::Unknown;
        planned |= node->runMark() == RevisionNodeItem::RunMark::Planned;
        running |= node->runMark() == RevisionNodeItem::RunMark::Running;
        failed |= node->runMark() == RevisionNodeItem::RunMark::Failed;
    }
    ghost = !scene.ghostItems().isEmpty();
    bool marker = false, selectedMarker = false;
    for (const DatabaseMarkerItem* m : scene.markerItems()) {
        if (m->isSelectedProfile())
            selectedMarker = true;
        else
            marker = true;
    }
    bool edges = false, dependencies = false;
    for (const EdgeItem* e : scene.edgeItems()) {
        if (e->isDependency())
            dependencies = true;
        else
            edges = true;
    }
    // "Not read": a database is selected but the picture cannot say where it stands.
    const bool notRead = unknown && !scene.selectedProfile().isEmpty() && s.showStates;

    QList<Entry> out;
    auto add = [&out](bool inUse, Entry entry) {
        if (inUse)
            out.append(std::move(entry));
    };
    add(head, make(QStringLiteral("head"), tr("Head: the newest revision of a line"), Sample::Glyph,
               s.glyphFill, {}, s.glyphText, Qt::SolidLine, 1, QStringLiteral("H")));
    add(base, make(QStringLiteral("base"), tr("Base: a first revision, nothing before it"),
               Sample::Glyph, s.glyphFill, {}, s.glyphText, Qt::SolidLine, 1, QStringLiteral("B")));
    add(branchPoint, make(QStringLiteral("branchPoint"), tr("Branch point: two or more branches start here"),
                      Sample::Glyph, s.glyphFill, {}, s.glyphText, Qt::SolidLine, 1, QString()));
    add(mergePoint, make(QStringLiteral("mergePoint"), tr("Merge point: joins two or more branches"),
                     Sample::Glyph, s.glyphFill, {}, s.glyphText, Qt::SolidLine, 1,
                     QStringLiteral("M")));
    add(ordinary || unknown, make(QStringLiteral("revision"), tr("Revision (a migration script)"),
                              Sample::Box, s.nodeFill, s.nodeBorder, s.nodeText));
    add(edges, make(QStringLiteral("edge"), tr("Arrow: from a revision to the next one"), Sample::Edge,
                {}, s.edge, {}));
    add(dependencies, make(QStringLiteral("dependency"), tr("Dashed arrow: depends_on"), Sample::Edge,
                       {}, s.dependencyEdge, {}, Qt::DashLine));
    add(label, make(QStringLiteral("label"), tr("Branch label declared on the revision"),
                Sample::Badge, s.labelFill, s.labelBorder, s.labelText));
    if (s.showStates) {
        add(current, make(QStringLiteral("current"), tr("Current: the selected database stands here"),
                      Sample::Box, s.currentFill, s.currentBorder, s.currentGlyphText,
                      Qt::SolidLine, 2.5));
        add(applied, make(QStringLiteral("applied"), tr("Applied to the selected database"),
                      Sample::Box, s.appliedFill, s.appliedBorder, s.nodeText));
        add(pending, make(QStringLiteral("pending"), tr("Pending: not applied to it yet"), Sample::Box,
                      s.pendingFill, s.pendingBorder, s.pendingText, Qt::DashLine));
        add(ghost, make(QStringLiteral("ghost"), tr("No script: the version table names an unknown revision"),
                    Sample::Box, s.ghostFill, s.ghostBorder, s.ghostText, Qt::DashLine));
        add(notRead, make(QStringLiteral("notRead"), tr("Not read: where the database stands is not known"),
                      Sample::Box, s.nodeFill, s.nodeBorder, s.nodeText));
        add(selectedMarker, make(QStringLiteral("selectedMarker"), tr("The selected database is here"),
                             Sample::Marker, s.selectedMarkerFill, {}, s.selectedMarkerText));
        add(marker, make(QStringLiteral("marker"), tr("Another database is here"), Sample::Marker,
                     s.markerFill, {}, s.markerText));
    }
    add(planned, make(QStringLiteral("planned"), tr("Planned: a step of the run"), Sample::Outline, {},
                  s.selection, {}, Qt::DotLine, 2));
    add(running, make(QStringLiteral("running"), tr("Running now"), Sample::Outline, {}, s.selection,
                  {}, Qt::SolidLine, 3.5));
    add(failed, make(QStringLiteral("failed"), tr("Failed step (hover for alembic's error)"),
                 Sample::Outline, {}, s.errorFill, {}, Qt::SolidLine, 3.5));
    add(search, make(QStringLiteral("search"), tr("Matches the search"), Sample::Halo, s.searchMatch,
                 {}, {}));
    add(selected, make(QStringLiteral("selected"), tr("Selected revision"), Sample::Halo,
                   s.selectionHalo, {}, {}));
    add(errors, make(QStringLiteral("errors"), tr("The script has errors (see Diagnostics)"),
                 Sample::Error, s.errorFill, {}, s.errorText));
    add(warnings, make(QStringLiteral("warnings"), tr("Warnings about the script (hover to read them)"),
                   Sample::Warning, s.warningFill, s.warningBorder, s.warningText));
    return out;
}

QStringList GraphLegend::keys() const
{
    QStringList keys;
    for (const Entry& e : m_entries)
        keys << e.key;
    return keys;
}

void GraphLegend::refresh()
{
    m_entries = m_scene ? entriesFor(*m_scene) : QList<Entry>();
    m_canvas->setMinimumHeight(contentsSize().height());
    m_canvas->updateGeometry();
    m_canvas->update();
}

int GraphLegend::rowHeight() const
{
    return std::max(fontMetrics().height(), 18) + 4;
}

int GraphLegend::columnWidth() const
{
    int text = 0;
    const QFontMetrics fm = fontMetrics();
    for (const Entry& e : m_entries)
        text = std::max(text, fm.horizontalAdvance(e.text));
    return kSampleWidth + kSampleGap + std::min(text, kMaxTextWidth);
}

QSize GraphLegend::contentsSize() const
{
    const int rows = std::max(1, int(m_entries.size()));
    return QSize(2 * kMargin + columnWidth(), 2 * kMargin + rows * rowHeight());
}

QSize GraphLegend::sizeFor(const QSize& maxSize) const
{
    const QSize contents = contentsSize();
    const int frame = 2 * frameWidth();
    const bool scrolls = contents.height() + frame > maxSize.height();
    const int scrollBar = scrolls ? verticalScrollBar()->sizeHint().width() : 0;
    return QSize(std::min(contents.width() + frame + scrollBar, maxSize.width()),
                 std::min(contents.height() + frame, maxSize.height()));
}

void GraphLegend::changeEvent(QEvent* event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        refresh();
}

void GraphLegend::paintEntries(QPainter& painter, const QRect& area) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    const int rowH = rowHeight();
    const QFontMetrics fm = fontMetrics();
    if (m_entries.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area.adjusted(kMargin, kMargin, -kMargin, -kMargin),
                         Qt::AlignLeft | Qt::AlignVCenter, tr("No graph yet"));
        return;
    }
    const int textLeft = area.left() + kMargin + kSampleWidth + kSampleGap;
    const int textWidth = std::max(0, area.left() + area.width() - kMargin - textLeft);
    for (int i = 0; i < m_entries.size(); ++i) {
        const int y = area.top() + kMargin + i * rowH;
        const Entry& e = m_entries.at(i);
        paintSample(painter, e, QRectF(area.left() + kMargin, y + 2, kSampleWidth, rowH - 4));
        painter.setPen(palette().color(QPalette::Text));
        painter.setFont(font());
        painter.drawText(QRect(textLeft, y, textWidth, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(e.text, Qt::ElideRight, textWidth));
    }
}

void GraphLegend::paintSample(QPainter& painter, const Entry& e, const QRectF& rect) const
{
    const QRectF box = rect.adjusted(4, 2, -4, -2);
    QFont small = font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.85);
    switch (e.sample) {
    case Sample::Box:
        painter.setPen(cosmetic(e.border, e.borderWidth, e.borderStyle));
        painter.setBrush(e.fill);
        painter.drawRoundedRect(box, 3, 3);
        break;
    case Sample::Glyph: {
        const qreal d = std::min<qreal>(13, rect.height());
        const QRectF g(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(e.fill);
        painter.drawEllipse(g);
        if (e.glyph.isEmpty()) {
            const QRectF r = g.adjusted(3.5, 3, -3.5, -3);
            const QPointF fork(r.center().x(), r.center().y() + 0.5);
            const QLineF lines[3] = {QLineF(QPointF(fork.x(), r.bottom()), fork),
                                     QLineF(fork, r.topLeft()), QLineF(fork, r.topRight())};
            painter.setPen(cosmetic(e.text2, 1.2));
            painter.drawLines(lines, 3);
        } else {
            painter.setPen(e.text2);
            painter.setFont(small);
            painter.drawText(g, Qt::AlignCenter, e.glyph);
        }
        break;
    }
    case Sample::Badge:
        painter.setPen(cosmetic(e.border, 1));
        painter.setBrush(e.fill);
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
        break;
    case Sample::Marker:
        painter.setPen(Qt::NoPen);
        painter.setBrush(e.fill);
        painter.drawRoundedRect(box, 3, 3);
        break;
    case Sample::Error: {
        const QRectF dot(rect.center().x() - 7, rect.center().y() - 7, 14, 14);
        painter.setPen(Qt::NoPen);
        painter.setBrush(e.fill);
        painter.drawEllipse(dot);
        painter.setPen(e.text2);
        painter.setFont(small);
        painter.drawText(dot, Qt::AlignCenter, QStringLiteral("!"));
        break;
    }
    case Sample::Warning: {
        const QRectF r(rect.center().x() - 8, rect.center().y() - 7, 16, 14);
        const QPointF triangle[3] = {QPointF(r.center().x(), r.top()), r.bottomRight(),
                                     r.bottomLeft()};
        painter.setPen(cosmetic(e.border, 1));
        painter.setBrush(e.fill);
        painter.drawPolygon(triangle, 3);
        painter.setPen(e.text2);
        painter.setFont(small);
        painter.drawText(r.adjusted(0, 3, 0, 1), Qt::AlignCenter, QStringLiteral("!"));
        break;
    }
    case Sample::Halo:
        painter.setPen(Qt::NoPen);
        painter.setBrush(e.fill);
        painter.drawRoundedRect(rect, 5, 5);
        painter.setPen(cosmetic(palette().color(QPalette::Mid), 1));
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRoundedRect(box.adjusted(2, 1, -2, -1), 3, 3);
        break;
    case Sample::Outline:
        painter.setPen(cosmetic(e.border, e.borderWidth, e.borderStyle));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(1, 0, -1, 0), 5, 5);
        painter.setPen(cosmetic(palette().color(QPalette::Mid), 1));
        painter.drawRoundedRect(box.adjusted(2, 1, -2, -1), 3, 3);
        break;
    case Sample::Edge: {
        const QPointF from(rect.left() + 2, rect.center().y());
        const QPointF to(rect.right() - 4, rect.center().y());
        painter.setPen(cosmetic(e.border, 1.3, e.borderStyle));
        painter.drawLine(from, to);
        const QPointF head[3] = {to + QPointF(3, 0), to + QPointF(-4, -4), to + QPointF(-4, 4)};
        painter.setPen(Qt::NoPen);
        painter.setBrush(e.border);
        painter.drawPolygon(head, 3);
        break;
    }
    }
}

} // namespace retort
