#include "widgets/graph/databasemarkeritem.h"

#include "widgets/graph/graphstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace retort {

namespace {

constexpr qreal kGlyphWidth = 9.0;
constexpr qreal kMaxTextWidth = 140.0;

// A small database cylinder in `rect`.
void drawCylinder(QPainter* painter, const QRectF& rect, const QColor& color)
{
    const qreal capHeight = rect.height() / 4;
    QPainterPath body;
    body.moveTo(rect.left(), rect.top() + capHeight / 2);
    body.lineTo(rect.left(), rect.bottom() - capHeight / 2);
    body.arcTo(QRectF(rect.left(), rect.bottom() - capHeight, rect.width(), capHeight), 180, 180);
    body.lineTo(rect.right(), rect.top() + capHeight / 2);
    QPen pen(color, 1.1);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(body);
    painter->drawEllipse(QRectF(rect.left(), rect.top(), rect.width(), capHeight));
}

} // namespace

DatabaseMarkerItem::DatabaseMarkerItem(const QString& profile, const QString& revision,
                                       const GraphStyle* style, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_style(style), m_profile(profile), m_revision(revision)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(3); // above nodes and edges
    setToolTip(tr("Database %1 is at %2").arg(profile, revision));
    relayout();
}

void DatabaseMarkerItem::setSelectedProfile(bool selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

void DatabaseMarkerItem::setStyle(const GraphStyle* style)
{
    m_style = style;
    relayout();
}

void DatabaseMarkerItem::relayout()
{
    prepareGeometryChange();
    const QFontMetricsF fm(m_style ? m_style->smallFont : QFont());
    m_text = fm.elidedText(m_profile, Qt::ElideRight, kMaxTextWidth);
    const qreal width = fm.horizontalAdvance(m_text) + kGlyphWidth + 14;
    m_rect = QRectF(0, 0, width, fm.height() + 3);
    update();
}

QRectF DatabaseMarkerItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

void DatabaseMarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                               QWidget* widget)
{
    Q_UNUSED(widget)
    if (!m_style)
        return;
    const GraphStyle& s = *m_style;
    const QColor bg = m_selected ? s.selectedMarkerFill : s.markerFill;
    const QColor fg = m_selected ? s.selectedMarkerText : s.markerText;
    painter->setPen(Qt::NoPen);
    painter->setBrush(bg);
    painter->drawRoundedRect(m_rect, 3, 3);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35)
        return; // far away: the coloured label is enough
    const QRectF glyph(m_rect.left() + 4, m_rect.top() + 3, kGlyphWidth - 1, m_rect.height() - 6);
    drawCylinder(painter, glyph, fg);
    painter->setPen(fg);
    painter->setFont(s.smallFont);
    painter->drawText(m_rect.adjusted(kGlyphWidth + 5, 0, -4, 0), Qt::AlignCenter, m_text);
}

} // namespace retort
