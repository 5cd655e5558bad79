#pragma once

#include <QFont>
#include <QString>

namespace retort {

// What Settings → Configure Retort… edits: how the window looks and which Python runs
// alembic when a project names none. A plain value: the dialog edits a copy, the window
// applies one, Settings stores one.
struct Preferences
{
    enum class Theme
    {
        System, // the platform's own style and palette, following the system
        Light,  // Fusion with a light palette
        Dark    // Fusion with a dark palette
    };
    enum class GraphDensity
    {
        Compact,
        Normal,
        Spacious
    };

    static constexpr int kMinTabWidth = 1;
    static constexpr int kMaxTabWidth = 16;
    static constexpr int kMinFontSize = 6;
    static constexpr int kMaxFontSize = 48;

    Theme theme = Theme::System;
    QString editorFontFamily; // empty: the system's fixed-width font
    int editorFontSize = 0;   // points; 0: the system fixed-width font's size
    int tabWidth = 4;
    bool newestOnTop = true; // the graph's heads at the top (else at the bottom)
    GraphDensity graphDensity = GraphDensity::Normal;
    QString defaultInterpreter; // empty: the runner finds alembic itself

    // The font the script editors use: the family and size chosen, the system's fixed-width
    // font for what is left at its default.
    QFont editorFont() const;

    friend bool operator==(const Preferences&, const Preferences&) = default;
};

} // namespace retort
