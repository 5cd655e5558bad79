#include "widgets/settings/preferences.h"

#include <QFontDatabase>

namespace retort {

QFont Preferences::editorFont() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!editorFontFamily.isEmpty())
        font.setFamily(editorFontFamily);
    if (editorFontSize > 0)
        font.setPointSize(editorFontSize);
    // A family that is not monospaced would still be drawn fixed where Qt can.
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace retort
