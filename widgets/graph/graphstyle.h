#pragma once

// GraphStyle: the colours and fonts the graph's items draw with, made from a palette and a
// font (light and dark palettes alike).

#include <QColor>
#include <QFont>
#include <QPalette>

namespace retort {

// Colours and fonts shared by every item of one scene, derived from the scene's palette
// and font once (not per paint) so both light and dark palettes stay readable.
struct GraphStyle
{
    QFont font;
    QFont idFont;
    QFont smallFont;

    QColor nodeFill;
    QColor nodeText;
    QColor nodeBorder;
    QColor appliedFill;
    QColor appliedBorder;
    QColor pendingFill;
    QColor pendingText;
    QColor pendingBorder;
    QColor currentFill;
    QColor currentText;
    QColor currentBorder;
    QColor currentGlyphText;
    QColor ghostFill;
    QColor ghostText;
    QColor ghostBorder;
    QColor selection;
    QColor selectionHalo; // translucent ring around a selected node
    QColor edge;
    QColor edgeEmphasized;
    QColor dependencyEdge;
    QColor labelFill;
    QColor labelText;
    QColor labelBorder;
    QColor glyphFill;
    QColor glyphText;
    QColor errorFill;
    QColor errorText;
    QColor warningFill; // a revision's lint warnings: an amber triangle
    QColor warningText;
    QColor warningBorder;
    QColor markerFill;
    QColor markerText;
    QColor selectedMarkerFill;
    QColor selectedMarkerText;
    QColor searchMatch;
    // Two databases compared: a bar beside each revision only the first (A) or only the
    // second (B) has applied.
    QColor compareOnlyA;
    QColor compareOnlyB;
    // False while the picture is drawn without the database overlay (see
    // GraphScene::setDatabaseOverlayShown): nodes then ignore the database states.
    bool showStates = true;

    static GraphStyle fromPalette(const QPalette& palette, const QFont& font);
};

} // namespace retort
