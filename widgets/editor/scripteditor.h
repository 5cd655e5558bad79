#pragma once

#include "model/common/diagnostic.h"

#include <Qsci/qsciscintilla.h>

#include <QFont>

class QsciLexerPython;

namespace retort {

// A Python code editor for revision scripts: line numbers, folding, brace matching, the
// current line highlighted, indentation guides, and colours taken from the palette (light
// or dark). Diagnostics show as a margin marker and an annotation under their line.
//
// QScintilla resets every style colour when a lexer is set, so setLexer() re-applies the
// palette's colours afterwards; a palette change re-applies them too.
//
// The editor zooms on its own: Ctrl+wheel, Ctrl+= / Ctrl++ (in), Ctrl+- (out), Ctrl+0
// (back to 100 %). It claims those keys before any window shortcut sees them. A key
// pressed with Ctrl or Alt never types its character: QScintilla inserts the text of any
// key it has no command for, so Ctrl+Shift+= would otherwise type "+".
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT

public:
    struct FindOptions
    {
        bool regularExpression = false;
        bool caseSensitive = false;
        bool wholeWord = false;
    };

    explicit ScriptEditor(QWidget* parent = nullptr);
    ~ScriptEditor() override;

    void setLexer(QsciLexer* lexer = nullptr) override;

    // Selects the next (or previous) match after the cursor, wrapping around. False when
    // there is none.
    bool find(const QString& text, const FindOptions& options, bool forward = true);
    // Replaces the selected match (as the last find() left it) and finds the next; with a
    // regular expression, \1… in `replacement` are the captured groups. False when nothing
    // was selected by a find.
    bool replaceCurrent(const QString& text, const QString& replacement,
                        const FindOptions& options);
    // Replaces every match as one undo step; the number replaced.
    int replaceAll(const QString& text, const QString& replacement, const FindOptions& options);

    // Moves the cursor to the start of the 1-based line and shows it.
    void goToLine(int line);
    int currentLineNumber() const; // 1-based

    // The file's diagnostics (lines are 1-based; 0 = the whole file, shown on line 1).
    void setDiagnostics(const Diagnostics& diagnostics);
    // The 1-based lines carrying a diagnostic marker, in order.
    QList<int> markedLines() const;
    QString annotationAt(int line) const; // 1-based

    bool isDarkPalette() const;

    // The font the code, the line numbers and the lexer's styles use (the system's fixed-width
    // font until set), and the width of a tab and of one indentation level, in columns.
    void setCodeFont(const QFont& font);
    QFont codeFont() const { return m_codeFont; }
    void setIndentWidth(int columns);

    // Points added to (or taken from) every font size; 0 is the normal size.
    // zoomIn() / zoomOut() step it (QsciScintilla's); resetZoom() goes back to 0.
    int zoomLevel() const;
    void resetZoom();

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void applyColours();
    void updateLineNumberWidth();

    QsciLexerPython* m_python = nullptr;
    Diagnostics m_diagnostics;
    int m_errorMarker = -1;
    int m_warningMarker = -1;
    int m_lintIndicator = -1;
    bool m_applying = false;
    bool m_found = false; // the selection is a match from find()
    int m_wheelZoom = 0;  // Ctrl+wheel delta not yet turned into a zoom step
    QFont m_codeFont;
};

} // namespace retort
