// GraphStyle::fromPalette: the graph's colours and fonts, made from a palette and a font.
#include "widgets/graph/graphstyle.h"

#include <QFontDatabase>

#include <algorithm>
#include <cmath>

namespace retort {

namespace {

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Moves `color` towards `text` until it stands out from `base` (palettes with a dark Base
// often keep a dark Link colour).
QColor withContrast(const QColor& color, const QColor& base, const QColor& text)
{
    QColor c = color;
    for (int i = 0; i < 5 && std::abs(c.lightnessF() - base.lightnessF()) < 0.3; ++i)
        c = mix(c, text, 0.3);
    return c;
}

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, int(font.pixelSize() * factor)));
    return font;
}

} // namespace

GraphStyle GraphStyle::fromPalette(const QPalette& palette, const QFont& font)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor window = palette.color(QPalette::Window);
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor highlightedText = palette.color(QPalette::HighlightedText);
    const QColor link = palette.color(QPalette::Link);
    const bool dark = base.lightnessF() < 0.5;

    GraphStyle s;
    s.font = font;
    s.idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        s.idFont.setPointSizeF(font.pointSizeF());
    else if (font.pixelSize() > 0)
        s.idFont.setPixelSize(font.pixelSize());
    s.idFont.setBold(true);
    s.smallFont = scaled(font, 0.85);

    s.nodeFill = base;
    s.nodeText = text;
    s.nodeBorder = mix(base, text, 0.55);
    s.appliedFill = mix(base, highlight, 0.18);
    s.appliedBorder = mix(base, highlight, 0.75);
    s.pendingFill = mix(base, window, 0.6);
    s.pendingText = mix(base, text, 0.55);
    s.pendingBorder = mix(base, text, 0.4);
    // "You are here" is green, never the selection's colour: a database's position must not
    // look like the node someone clicked.
    QColor here = dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x8b, 0x3e);
    const int highlightHue = highlight.hslHue();
    if (highlightHue >= 70 && highlightHue <= 170) // a green highlight: "here" turns amber
        here = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc7, 0x6a, 0x00);
    s.currentFill = mix(base, here, dark ? 0.35 : 0.25);
    s.currentText = text;
    s.currentBorder = here;
    s.currentGlyphText = dark ? QColor(0x10, 0x20, 0x10) : QColor(Qt::white);
    s.errorFill = dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    s.errorText = QColor(Qt::white);
    s.warningFill = dark ? QColor(0xff, 0xca, 0x28) : QColor(0xff, 0xb3, 0x00);
    s.warningText = QColor(0x20, 0x18, 0x00);
    s.warningBorder = dark ? QColor(0xff, 0xe0, 0x82) : QColor(0x8d, 0x5a, 0x00);
    s.ghostFill = mix(base, s.errorFill, 0.08);
    s.ghostText = mix(base, text, 0.7);
    s.ghostBorder = s.errorFill;
    s.selection = dark ? highlight.lighter(130) : highlight.darker(115);
    s.selectionHalo = s.selection;
    s.selectionHalo.setAlphaF(0.55f);
    s.edge = mix(base, text, 0.5);
    s.edgeEmphasized = highlight;
    s.dependencyEdge = withContrast(mix(base, link, 0.8), base, text);
    s.labelFill = mix(base, link, 0.15);
    s.labelText = text;
    s.labelBorder = withContrast(mix(base, link, 0.7), base, text);
    s.glyphFill = mix(base, text, 0.65);
    s.glyphText = base;
    s.markerFill = mix(base, text, 0.7);
    s.markerText = base;
    s.selectedMarkerFill = highlight;
    s.selectedMarkerText = highlightedText;
    // A highlighter's yellow, toned to the palette: not the selection's highlight colour.
    s.searchMatch = dark ? QColor(0xb2, 0x8b, 0x00) : QColor(0xff, 0xd5, 0x4f);
    // Orange and blue: apart for the common colour blindnesses, and unlike the state colours.
    s.compareOnlyA = dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xe6, 0x51, 0x00);
    s.compareOnlyB = dark ? QColor(0x42, 0xa5, 0xf5) : QColor(0x15, 0x65, 0xc0);
    return s;
}

} // namespace retort
