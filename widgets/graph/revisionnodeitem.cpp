#include "widgets/graph/revisionnodeitem.h"

#include "widgets/graph/graphstyle.h"
#include "widgets/graph/nodeexplainer.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace retort {

namespace {

constexpr qreal kPadding = 6.0;
constexpr qreal kGlyphSize = 13.0;
constexpr qreal kGlyphGap = 2.0;
constexpr qreal kBadgeGap = 3.0;
constexpr qreal kMinWidth = 72.0;
constexpr qreal kMinHeight = 30.0;
constexpr int kShortIdLength = 12;
// Below this level of detail only boxes are drawn: text would be unreadable anyway.
constexpr qreal kTextLevelOfDetail = 0.35;

QPen cosmeticPen(const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

RevisionNodeItem::RevisionNodeItem(const QString& id, const GraphStyle* style,
                                   QGraphicsItem* parent)
    : QGraphicsItem(parent), m_style(style), m_id(id), m_shortId(id.left(kShortIdLength))
{
    setFlag(ItemIsSelectable);
    setFlag(ItemUsesExtendedStyleOption);
    // No pixmap cache: painting is cheap already (strings elided once, text dropped when far
    // away), and item caches are blurry on HiDPI screens.
    setCacheMode(NoCache);
    setAcceptHoverEvents(false);
    setZValue(1);
    m_rect = QRectF(-kMinWidth / 2, -kMinHeight / 2, kMinWidth, kMinHeight);
    relayout();
}

void RevisionNodeItem::setContent(const QString& message, Markers markers,
                                  const QStringList& labels, const QStringList& shownLabels,
                                  bool hasErrors)
{
    const QString firstLine = message.section(u'\n', 0, 0).simplified();
    if (firstLine == m_message && markers == m_markers && labels == m_labels &&
        shownLabels == m_shownLabels && hasErrors == m_hasErrors)
        return;
    m_message = firstLine;
    m_markers = markers;
    m_labels = labels;
    m_shownLabels = shownLabels;
    m_hasErrors = hasErrors;
    relayout();
}

QStringList RevisionNodeItem::explanation() const
{
    return m_explainer && !m_ghost ? m_explainer->explain(m_id) : QStringList();
}

void RevisionNodeItem::setExplainer(std::shared_ptr<const NodeExplainer> explainer)
{
    m_explainer = std::move(explainer);
}

void RevisionNodeItem::setWarnings(const QStringList& warnings)
{
    if (warnings == m_warnings)
        return;
    m_warnings = warnings;
    relayout(); // the glyph takes a corner of the box
}

void RevisionNodeItem::setGhost(bool ghost)
{
    if (m_ghost == ghost)
        return;
    m_ghost = ghost;
    if (ghost)
        m_state = State::Ghost;
    relayout();
}

void RevisionNodeItem::setNodeSize(const QSizeF& size)
{
    const QSizeF s(std::max(size.width(), kMinWidth), std::max(size.height(), kMinHeight));
    if (s == m_rect.size())
        return;
    m_rect = QRectF(QPointF(-s.width() / 2, -s.height() / 2), s);
    relayout();
}

void RevisionNodeItem::setState(State state, bool current)
{
    if (m_ghost)
        state = State::Ghost;
    if (state == m_state && current == m_current)
        return;
    const bool glyphChanged = current != m_current;
    m_state = state;
    m_current = current;
    if (glyphChanged) {
        relayout(); // the database glyph takes a slot of the top line
        return;
    }
    update();
}

void RevisionNodeItem::setProfileMarkers(const QStringList& profiles,
                                         const QString& selectedProfile)
{
    const QString selected = profiles.contains(selectedProfile) ? selectedProfile : QString();
    if (profiles == m_profileMarkers && selected == m_selectedProfile &&
        selectedProfile == m_stateProfile)
        return;
    m_profileMarkers = profiles;
    m_selectedProfile = selected;
    m_stateProfile = selectedProfile;
}

void RevisionNodeItem::setStyle(const GraphStyle* style)
{
    m_style = style;
    relayout();
}

void RevisionNodeItem::relayout()
{
    prepareGeometryChange();
    m_labelBadges.clear();
    m_glyphs.clear();
    m_errorRect = {};

    const QFont font = m_style ? m_style->font : QFont();
    const QFont idFont = m_style ? m_style->idFont : QFont();
    const QFont smallFont = m_style ? m_style->smallFont : QFont();
    const QFontMetricsF fm(font);
    const QFontMetricsF idFm(idFont);
    const QFontMetricsF smallFm(smallFont);

    // Glyphs for the kinds of revision, right-aligned in the top line.
    QStringList glyphs;
    if (!m_ghost) {
        if (isHead())
            glyphs << QStringLiteral("H");
        if (isBase())
            glyphs << QStringLiteral("B");
        if (isBranchPoint())
            glyphs << QString(); // a fork, drawn as lines (fonts rarely have ⑂)
        if (isMergePoint())
            glyphs << QStringLiteral("M");
    }
    const QRectF inner = m_rect.adjusted(kPadding, 3, -kPadding, -3);
    qreal glyphX = inner.right();
    const qreal lineHeight = std::max(idFm.height(), kGlyphSize);
    for (int i = glyphs.size() - 1; i >= 0; --i) {
        glyphX -= kGlyphSize;
        const QRectF r(glyphX, inner.top() + (lineHeight - kGlyphSize) / 2, kGlyphSize, kGlyphSize);
        m_glyphs.prepend({r, glyphs.at(i)});
        glyphX -= kGlyphGap;
    }
    // "You are here": the selected database's current revision carries a database glyph.
    m_databaseGlyphRect = {};
    if (m_current) {
        glyphX -= kGlyphSize;
        m_databaseGlyphRect = QRectF(glyphX, inner.top() + (lineHeight - kGlyphSize) / 2,
                                     kGlyphSize, kGlyphSize);
        glyphX -= kGlyphGap;
    }

    const bool twoLines = inner.height() >= lineHeight + fm.height();
    if (twoLines) {
        m_idRect = QRectF(inner.left(), inner.top(), glyphX - inner.left(), lineHeight);
        m_messageRect = QRectF(inner.left(), m_idRect.bottom(), inner.width(),
                               inner.bottom() - m_idRect.bottom());
    } else {
        const qreal idWidth =
            std::min(idFm.horizontalAdvance(m_shortId) + kPadding, (glyphX - inner.left()) / 2);
        m_idRect = QRectF(inner.left(), inner.top(), idWidth, inner.height());
        m_messageRect =
            QRectF(m_idRect.right(), inner.top(), glyphX - m_idRect.right(), inner.height());
    }
    // Elided at the next paint: a graph of 10,000 boxes shows a few dozen of them, and
    // shaping every message at load cost a tenth of the time to the first picture.
    m_textStale = true;

    // Branch labels as badges above the box.
    const qreal badgeHeight = smallFm.height() + 2;
    qreal x = m_rect.left();
    for (const QString& label : std::as_const(m_shownLabels)) {
        const QString text = smallFm.elidedText(label, Qt::ElideRight, 160);
        const qreal w = smallFm.horizontalAdvance(text) + 10;
        m_labelBadges.append(
            {QRectF(x, m_rect.top() - badgeHeight - kBadgeGap, w, badgeHeight), text});
        x += w + kBadgeGap;
    }

    if (m_hasErrors)
        m_errorRect = QRectF(m_rect.left() - 7, m_rect.top() - 7, 14, 14);
    // Lint warnings: a triangle on the box's top right corner (errors take the left one).
    m_warningRect = {};
    if (!m_warnings.isEmpty())
        m_warningRect = QRectF(m_rect.right() - 8, m_rect.top() - 8, 16, 14);

    m_occupied = m_rect;
    for (const Badge& b : std::as_const(m_labelBadges))
        m_occupied |= b.rect;
    if (!m_errorRect.isNull())
        m_occupied |= m_errorRect;
    if (!m_warningRect.isNull())
        m_occupied |= m_warningRect;

    QRectF bounds = m_rect.adjusted(-7, -7, 7, 7); // room for a run mark
    for (const Badge& b : std::as_const(m_labelBadges))
        bounds |= b.rect;
    if (!m_errorRect.isNull())
        bounds |= m_errorRect;
    if (!m_warningRect.isNull())
        bounds |= m_warningRect;
    m_bounds = bounds.adjusted(-4, -4, 4, 4);

    update();
}

void RevisionNodeItem::setRunMark(RunMark mark, const QString& message)
{
    if (mark == m_runMark && message == m_runMessage)
        return;
    m_runMark = mark;
    m_runMessage = message;
    update();
}

void RevisionNodeItem::setCompareSide(CompareSide side, const QString& name)
{
    if (side == m_compareSide && name == m_compareName)
        return;
    m_compareSide = side;
    m_compareName = name;
    update();
}

void RevisionNodeItem::setSearchMatch(bool match)
{
    if (match == m_searchMatch)
        return;
    m_searchMatch = match;
    update();
}

QString RevisionNodeItem::toolTip() const
{
    QStringList lines;
    lines << (m_message.isEmpty() || m_ghost ? m_id : tr("%1 — %2").arg(m_id, m_message));
    if (m_ghost)
        lines << tr("No script: the version table names a revision that is not in the project.");
    lines += explanation();
    const QString who = m_stateProfile.isEmpty() ? tr("the selected database") : m_stateProfile;
    switch (m_state) {
    case State::Applied:
        lines << tr("Applied: %1 has run this migration.").arg(who);
        break;
    case State::Pending:
        lines << tr("Pending: %1 has not run this migration yet.").arg(who);
        break;
    case State::Current:
        lines << tr("Current: %1 stands here (its version table names this revision).").arg(who);
        break;
    case State::Ghost:
    case State::Unknown:
        break;
    }
    if (m_profileMarkers.size() == 1)
        lines << tr("%1 is here.").arg(m_profileMarkers.first());
    else if (m_profileMarkers.size() > 1)
        lines << tr("%1 are here.").arg(m_profileMarkers.join(QStringLiteral(", ")));
    if (m_hasErrors)
        lines << tr("The script has errors (see Diagnostics).");
    if (!m_warnings.isEmpty()) {
        lines << tr("Warnings:");
        for (const QString& warning : std::as_const(m_warnings))
            lines << QStringLiteral("  • %1").arg(warning);
    }
    if (m_compareSide != CompareSide::None)
        lines << (m_compareSide == CompareSide::OnlyA ? tr("Only %1 (A) has this applied.")
                                                      : tr("Only %1 (B) has this applied."))
                     .arg(m_compareName);
    switch (m_runMark) {
    case RunMark::None:
        break;
    case RunMark::Planned:
        lines << tr("Part of the migration plan");
        break;
    case RunMark::Running:
        lines << tr("Running now");
        break;
    case RunMark::Failed:
        lines << (m_runMessage.isEmpty() ? tr("This step failed.")
                                         : tr("This step failed: %1").arg(m_runMessage));
        break;
    }
    return lines.join(u'\n');
}

QRectF RevisionNodeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath RevisionNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

RevisionNodeItem::Appearance RevisionNodeItem::appearance(bool selected) const
{
    Appearance a;
    if (!m_style)
        return a;
    const GraphStyle& s = *m_style;
    a.fill = s.nodeFill;
    a.border = s.nodeBorder;
    a.text = s.nodeText;
    a.halo = selected;
    if (selected)
        a.haloColor = s.selectionHalo;
    if (!s.showStates && !m_ghost)
        return a;
    switch (m_state) {
    case State::Unknown:
        break;
    case State::Applied:
        a.fill = s.appliedFill;
        a.border = s.appliedBorder;
        break;
    case State::Pending:
        a.fill = s.pendingFill;
        a.border = s.pendingBorder;
        a.text = s.pendingText;
        a.borderStyle = Qt::DashLine;
        break;
    case State::Current:
        a.fill = s.currentFill;
        a.border = s.currentBorder;
        a.text = s.currentText;
        a.borderWidth = 2.5;
        break;
    case State::Ghost:
        a.fill = s.ghostFill;
        a.border = s.ghostBorder;
        a.text = s.ghostText;
        a.borderStyle = Qt::DashLine;
        break;
    }
    if (m_ghost && m_current) {
        a.border = s.currentBorder;
        a.borderWidth = 2.5;
    }
    a.databaseGlyph = m_current;
    return a;
}

void RevisionNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                             QWidget* widget)
{
    Q_UNUSED(widget)
    if (!m_style)
        return;
    const GraphStyle& s = *m_style;

    const Appearance look = appearance(option->state & QStyle::State_Selected);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());

    // Far away (hundreds of boxes on screen, no text): plain bars in the state's colours,
    // a border one pixel wide; rounded, antialiased outlines would cost most of the frame.
    if (lod < kTextLevelOfDetail) {
        const qreal pixel = 1 / std::max(lod, 0.01);
        if (m_searchMatch)
            painter->fillRect(m_rect.adjusted(-6, -6, 6, 6), s.searchMatch);
        if (look.halo)
            painter->fillRect(m_rect.adjusted(-5, -5, 5, 5), look.haloColor);
        if (m_runMark != RunMark::None)
            painter->fillRect(m_rect.adjusted(-3 * pixel, -3 * pixel, 3 * pixel, 3 * pixel),
                              m_runMark == RunMark::Failed ? s.errorFill : s.selection);
        painter->fillRect(m_rect, look.border);
        painter->fillRect(m_rect.adjusted(pixel * look.borderWidth, pixel * look.borderWidth,
                                          -pixel * look.borderWidth, -pixel * look.borderWidth),
                          look.fill);
        if (m_compareSide != CompareSide::None)
            painter->fillRect(QRectF(m_rect.left(), m_rect.top(), 6, m_rect.height()),
                              m_compareSide == CompareSide::OnlyA ? s.compareOnlyA
                                                                  : s.compareOnlyB);
        return;
    }

    // A search match: a marker-pen halo behind the box, unlike the selection's outline
    // and the current revision's fill.
    if (m_searchMatch) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.searchMatch);
        painter->drawRoundedRect(m_rect.adjusted(-6, -6, 6, 6), 8, 8);
    }

    // The selection: a halo around the box (in scene units, so it stays inside the bounding
    // rect at every zoom), unlike anything a database state draws.
    if (look.halo) {
        QPen halo(look.haloColor, 6);
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-4, -4, 4, 4), 7, 7);
    }

    painter->setPen(cosmeticPen(look.border, look.borderWidth, look.borderStyle));
    painter->setBrush(look.fill);
    painter->drawRoundedRect(m_rect, 4, 4);
    const QColor text = look.text;

    // A run's marks sit outside the box, so that the database states stay readable inside.
    if (m_runMark != RunMark::None) {
        const QColor markColor = m_runMark == RunMark::Failed ? s.errorFill : s.selection;
        const Qt::PenStyle markStyle =
            m_runMark == RunMark::Planned ? Qt::DotLine : Qt::SolidLine;
        painter->setPen(cosmeticPen(markColor, m_runMark == RunMark::Planned ? 2 : 3.5,
                                    markStyle));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-5, -5, 5, 5), 7, 7);
    }

    // A comparison: a bar along the box's left edge, A's colour or B's, inside the bounds.
    if (m_compareSide != CompareSide::None) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_compareSide == CompareSide::OnlyA ? s.compareOnlyA : s.compareOnlyB);
        painter->drawRoundedRect(QRectF(m_rect.left() - 1, m_rect.top() - 1, 6, m_rect.height() + 2),
                                 2, 2);
    }

    if (m_textStale) {
        m_elidedId = QFontMetricsF(s.idFont).elidedText(m_shortId, Qt::ElideRight,
                                                        std::max<qreal>(m_idRect.width(), 0));
        m_elidedMessage = QFontMetricsF(s.font).elidedText(
            m_ghost ? tr("no script") : m_message, Qt::ElideRight,
            std::max<qreal>(m_messageRect.width(), 0));
        m_textStale = false;
    }
    painter->setPen(text);
    painter->setFont(s.idFont);
    painter->drawText(m_idRect, Qt::AlignLeft | Qt::AlignVCenter, m_elidedId);
    painter->setFont(s.font);
    if (m_ghost)
        painter->setPen(s.ghostText);
    painter->drawText(m_messageRect, Qt::AlignLeft | Qt::AlignVCenter, m_elidedMessage);

    painter->setFont(s.smallFont);
    for (const Badge& g : std::as_const(m_glyphs)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.glyphFill);
        painter->drawEllipse(g.rect);
        if (g.text.isEmpty()) {
            const QRectF r = g.rect.adjusted(3.5, 3, -3.5, -3);
            const QPointF fork(r.center().x(), r.center().y() + 0.5);
            const QLineF lines[3] = {QLineF(QPointF(fork.x(), r.bottom()), fork),
                                     QLineF(fork, r.topLeft()), QLineF(fork, r.topRight())};
            painter->setPen(cosmeticPen(s.glyphText, 1.2));
            painter->drawLines(lines, 3);
        } else {
            painter->setPen(s.glyphText);
            painter->drawText(g.rect, Qt::AlignCenter, g.text);
        }
    }

    for (const Badge& b : std::as_const(m_labelBadges)) {
        painter->setPen(cosmeticPen(s.labelBorder, 1));
        painter->setBrush(s.labelFill);
        painter->drawRoundedRect(b.rect, b.rect.height() / 2, b.rect.height() / 2);
        painter->setPen(s.labelText);
        painter->drawText(b.rect, Qt::AlignCenter, b.text);
    }

    if (look.databaseGlyph && !m_databaseGlyphRect.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.currentBorder);
        painter->drawEllipse(m_databaseGlyphRect);
        const QRectF r = m_databaseGlyphRect.adjusted(3.5, 3, -3.5, -3);
        const qreal cap = r.height() / 3.5;
        QPainterPath body;
        body.moveTo(r.left(), r.top() + cap / 2);
        body.lineTo(r.left(), r.bottom() - cap / 2);
        body.arcTo(QRectF(r.left(), r.bottom() - cap, r.width(), cap), 180, 180);
        body.lineTo(r.right(), r.top() + cap / 2);
        painter->setPen(cosmeticPen(s.currentGlyphText, 1.1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(body);
        painter->drawEllipse(QRectF(r.left(), r.top(), r.width(), cap));
    }

    if (m_hasErrors) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.errorFill);
        painter->drawEllipse(m_errorRect);
        painter->setPen(s.errorText);
        painter->drawText(m_errorRect, Qt::AlignCenter, QStringLiteral("!"));
    }

    if (!m_warningRect.isNull()) {
        const QRectF& r = m_warningRect;
        const QPointF triangle[3] = {QPointF(r.center().x(), r.top()), r.bottomRight(),
                                     r.bottomLeft()};
        painter->setPen(cosmeticPen(s.warningBorder, 1));
        painter->setBrush(s.warningFill);
        painter->drawPolygon(triangle, 3);
        painter->setPen(s.warningText);
        painter->drawText(r.adjusted(0, 3, 0, 1), Qt::AlignCenter, QStringLiteral("!"));
    }
}

} // namespace retort
