#include "widgets/editor/scripteditor.h"

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QWheelEvent>
#include <QRegularExpression>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscistyle.h>

namespace retort {

namespace {

constexpr int kLineMargin = 0;
constexpr int kMarkerMargin = 1;
constexpr int kFoldMargin = 2;
constexpr int kAnnotationErrorStyle = 200; // style numbers beyond the lexer's range
constexpr int kAnnotationWarningStyle = 201;

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

enum class ZoomKey
{
    None,
    In,
    Out,
    Reset
};

// Ctrl+= and Ctrl++ (Shift or not, main row or keypad) zoom in, Ctrl+- out, Ctrl+0 resets.
ZoomKey zoomKey(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (mods != Qt::ControlModifier)
        return event->matches(QKeySequence::ZoomIn)    ? ZoomKey::In
               : event->matches(QKeySequence::ZoomOut) ? ZoomKey::Out
                                                       : ZoomKey::None;
    switch (event->key()) {
    case Qt::Key_Equal:
    case Qt::Key_Plus:
        return ZoomKey::In;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: // Ctrl+Shift+-
        return ZoomKey::Out;
    case Qt::Key_0:
        return ZoomKey::Reset;
    default:
        return ZoomKey::None;
    }
}

// A command chord, not typing: Ctrl, Alt or Meta held. Except where those type characters:
// Option (Alt) on a Mac, AltGr (which arrives as Ctrl+Alt) on Windows.
bool isCommandChord(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrl = mods.testFlag(Qt::ControlModifier);
    const bool alt = mods.testFlag(Qt::AltModifier);
    const bool meta = mods.testFlag(Qt::MetaModifier);
#if defined(Q_OS_MACOS)
    Q_UNUSED(alt)
    return ctrl || meta;
#elif defined(Q_OS_WIN)
    if (ctrl && alt)
        return false;
    return ctrl || alt || meta;
#else
    return ctrl || alt || meta;
#endif
}

} // namespace

ScriptEditor::ScriptEditor(QWidget* parent)
    : QsciScintilla(parent), m_codeFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    setUtf8(true);
    setAccessibleName(tr("Script editor"));

    // Margins: line numbers, diagnostics markers, folding.
    setMarginType(kLineMargin, NumberMargin);
    setMarginLineNumbers(kLineMargin, true);
    setMarginType(kMarkerMargin, SymbolMargin);
    setMarginWidth(kMarkerMargin, 14);
    setMarginSensitivity(kMarkerMargin, false);
    setFolding(BoxedTreeFoldStyle, kFoldMargin);

    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setIndentationGuides(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setAutoIndent(true);
    setBackspaceUnindents(true);
    setEdgeMode(EdgeNone);
    setWrapMode(WrapNone);
    // Standard, not boxed: the box's frame covers the underscores of identifiers in messages.
    setAnnotationDisplay(AnnotationStandard);

    m_errorMarker = markerDefine(Circle);
    m_warningMarker = markerDefine(Circle);
    setMarginMarkerMask(kMarkerMargin, (1 << m_errorMarker) | (1 << m_warningMarker));
    setMarginMarkerMask(kLineMargin, 0);
    m_lintIndicator = indicatorDefine(SquiggleIndicator);

    m_python = new QsciLexerPython(this);
    m_python->setFoldComments(true);
    m_python->setFoldQuotes(true);
    m_python->setIndentationWarning(QsciLexerPython::Inconsistent);
    setLexer(m_python);

    connect(this, &QsciScintilla::linesChanged, this, &ScriptEditor::updateLineNumberWidth);
    connect(this, &QsciScintillaBase::SCN_ZOOM, this, &ScriptEditor::updateLineNumberWidth);
    connect(this, &QsciScintilla::selectionChanged, this, [this] {
        if (!m_applying)
            m_found = false;
    });
    updateLineNumberWidth();
}

ScriptEditor::~ScriptEditor() = default;

void ScriptEditor::setLexer(QsciLexer* lexer)
{
    QsciScintilla::setLexer(lexer);
    applyColours();
}

bool ScriptEditor::isDarkPalette() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5;
}

int ScriptEditor::zoomLevel() const
{
    return int(SendScintilla(SCI_GETZOOM));
}

void ScriptEditor::resetZoom()
{
    zoomTo(0);
}

bool ScriptEditor::event(QEvent* event)
{
    // The zoom keys are the editor's while it has the focus: no window shortcut (the
    // graph's zoom, say) takes them away.
    if (event->type() == QEvent::ShortcutOverride &&
        zoomKey(static_cast<QKeyEvent*>(event)) != ZoomKey::None) {
        event->accept();
        return true;
    }
    return QsciScintilla::event(event);
}

void ScriptEditor::keyPressEvent(QKeyEvent* event)
{
    switch (zoomKey(event)) {
    case ZoomKey::In:
        zoomIn();
        event->accept();
        return;
    case ZoomKey::Out:
        zoomOut();
        event->accept();
        return;
    case ZoomKey::Reset:
        resetZoom();
        event->accept();
        return;
    case ZoomKey::None:
        break;
    }
    if (isCommandChord(event) && !event->text().isEmpty()) {
        // Let Scintilla run its command for the chord (Ctrl+Z, Ctrl+Left…), but without the
        // text it would otherwise insert when it has none.
        QKeyEvent silent(event->type(), event->key(), event->modifiers(),
                         event->nativeScanCode(), event->nativeVirtualKey(),
                         event->nativeModifiers(), QString(), event->isAutoRepeat(),
                         quint16(event->count()));
        QsciScintilla::keyPressEvent(&silent);
        event->setAccepted(silent.isAccepted());
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void ScriptEditor::wheelEvent(QWheelEvent* event)
{
    if (!event->modifiers().testFlag(Qt::ControlModifier)) {
        m_wheelZoom = 0;
        QsciScintilla::wheelEvent(event);
        return;
    }
    // One step per notch; touchpads send small deltas that add up to one.
    m_wheelZoom += event->angleDelta().y();
    while (m_wheelZoom >= 120) {
        zoomIn();
        m_wheelZoom -= 120;
    }
    while (m_wheelZoom <= -120) {
        zoomOut();
        m_wheelZoom += 120;
    }
    event->accept();
}

void ScriptEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColours();
}

void ScriptEditor::applyColours()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor window = pal.color(QPalette::Window);
    const bool dark = isDarkPalette();
    const QFont font = m_codeFont;

    if (QsciLexer* lex = lexer()) {
        lex->setDefaultPaper(base);
        lex->setDefaultColor(text);
        lex->setDefaultFont(font);
        lex->setPaper(base, -1);
        lex->setColor(text, -1);
        lex->setFont(font, -1);
        if (lex == m_python) {
            using L = QsciLexerPython;
            // Two tuned sets rather than computed hues: readable on both grounds.
            const QColor comment = dark ? QColor(0x7f, 0x9f, 0x7f) : QColor(0x3f, 0x7f, 0x3f);
            const QColor keyword = dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x00, 0x33, 0x99);
            const QColor string = dark ? QColor(0xe6, 0xb4, 0x73) : QColor(0xa3, 0x15, 0x15);
            const QColor docstring = dark ? QColor(0xa8, 0xc0, 0x8a) : QColor(0x5f, 0x7f, 0x2f);
            const QColor number = dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0x09, 0x86, 0x58);
            const QColor name = dark ? QColor(0x7d, 0xd3, 0xc8) : QColor(0x26, 0x7f, 0x99);
            const QColor decorator = dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x80, 0x30, 0x80);
            lex->setColor(comment, L::Comment);
            lex->setColor(comment, L::CommentBlock);
            lex->setColor(number, L::Number);
            for (int s : {L::DoubleQuotedString, L::SingleQuotedString, L::DoubleQuotedFString,
                          L::SingleQuotedFString, L::UnclosedString})
                lex->setColor(string, s);
            for (int s : {L::TripleSingleQuotedString, L::TripleDoubleQuotedString,
                          L::TripleSingleQuotedFString, L::TripleDoubleQuotedFString})
                lex->setColor(docstring, s);
            lex->setColor(keyword, L::Keyword);
            lex->setColor(name, L::ClassName);
            lex->setColor(name, L::FunctionMethodName);
            lex->setColor(decorator, L::Decorator);
            lex->setColor(text, L::Operator);
            lex->setColor(text, L::Identifier);
            QFont bold = font;
            bold.setBold(true);
            lex->setFont(bold, L::Keyword);
            lex->setFont(bold, L::ClassName);
            lex->setFont(bold, L::FunctionMethodName);
            lex->setPaper(dark ? QColor(0x5a, 0x1d, 0x1d) : QColor(0xff, 0xe0, 0xe0),
                          L::UnclosedString);
        }
    } else {
        setPaper(base);
        setColor(text);
        setFont(font);
    }

    const QColor margin = mix(window, base, 0.5);
    setMarginsBackgroundColor(margin);
    setMarginsForegroundColor(mix(text, margin, 0.45));
    setMarginsFont(font);
    setFoldMarginColors(margin, margin);
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(mix(base, pal.color(QPalette::Highlight), dark ? 0.18 : 0.10));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setIndentationGuidesForegroundColor(mix(base, text, 0.25));
    setIndentationGuidesBackgroundColor(base);
    setMatchedBraceBackgroundColor(mix(base, pal.color(QPalette::Highlight), 0.35));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x00, 0x00));

    const QColor error = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x20, 0x20);
    const QColor warning = dark ? QColor(0xff, 0xc8, 0x57) : QColor(0xc0, 0x80, 0x00);
    setMarkerBackgroundColor(error, m_errorMarker);
    setMarkerForegroundColor(error, m_errorMarker);
    setMarkerBackgroundColor(warning, m_warningMarker);
    setMarkerForegroundColor(warning, m_warningMarker);
    setIndicatorForegroundColor(error, m_lintIndicator);

    // Annotation styles (beyond the lexer's styles, which a lexer change resets): messages
    // in the UI font, set apart from the code by it and by a tinted ground.
    const QByteArray family = QWidget::font().family().toUtf8();
    for (const auto& [style, colour] :
         {std::pair{kAnnotationErrorStyle, error}, std::pair{kAnnotationWarningStyle, warning}}) {
        SendScintilla(SCI_STYLESETBACK, style, mix(base, colour, dark ? 0.25 : 0.15));
        SendScintilla(SCI_STYLESETFORE, style, text);
        SendScintilla(SCI_STYLESETFONT, style, family.constData());
        SendScintilla(SCI_STYLESETSIZE, style, qMax(6, QWidget::font().pointSize() - 1));
        SendScintilla(SCI_STYLESETBOLD, style, 0L);
    }
    updateLineNumberWidth();
    if (!m_diagnostics.isEmpty())
        setDiagnostics(m_diagnostics);
}

void ScriptEditor::setCodeFont(const QFont& font)
{
    if (font == m_codeFont)
        return;
    m_codeFont = font;
    applyColours(); // the lexer's styles carry the font: set again with the colours
}

void ScriptEditor::setIndentWidth(int columns)
{
    setTabWidth(columns);
    setIndentationWidth(columns);
}

void ScriptEditor::updateLineNumberWidth()
{
    setMarginWidth(kLineMargin, QStringLiteral("0%1").arg(qMax(lines(), 99)));
}

bool ScriptEditor::find(const QString& text, const FindOptions& options, bool forward)
{
    if (text.isEmpty())
        return false;
    // Backwards, start before the current match so the same one is not found again.
    int line = -1, index = -1;
    if (!forward && hasSelectedText()) {
        int lineTo, indexTo;
        getSelection(&line, &index, &lineTo, &indexTo);
    }
    m_applying = true;
    const bool found = findFirst(text, options.regularExpression, options.caseSensitive,
                                 options.wholeWord, /*wrap*/ true, forward, line, index,
                                 /*show*/ true, /*posix*/ false,
                                 /*cxx11*/ options.regularExpression);
    m_applying = false;
    m_found = found;
    return found;
}

bool ScriptEditor::replaceCurrent(const QString& text, const QString& replacement,
                                  const FindOptions& options)
{
    if (!m_found || !hasSelectedText()) {
        find(text, options);
        return false;
    }
    m_applying = true;
    replace(replacement);
    m_applying = false;
    find(text, options);
    return true;
}

int ScriptEditor::replaceAll(const QString& text, const QString& replacement,
                             const FindOptions& options)
{
    if (text.isEmpty())
        return 0;
    int flags = 0;
    if (options.caseSensitive)
        flags |= SCFIND_MATCHCASE;
    if (options.wholeWord)
        flags |= SCFIND_WHOLEWORD;
    if (options.regularExpression)
        flags |= SCFIND_REGEXP | SCFIND_CXX11REGEX;
    const QByteArray needle = text.toUtf8();
    const QByteArray with = replacement.toUtf8();
    SendScintilla(SCI_SETSEARCHFLAGS, flags);

    int count = 0;
    long pos = 0;
    long end = SendScintilla(SCI_GETLENGTH);
    beginUndoAction();
    while (pos <= end) {
        SendScintilla(SCI_SETTARGETRANGE, pos, end);
        const long found = SendScintilla(
            SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()), needle.constData());
        if (found < 0)
            break;
        const long matchLength = SendScintilla(SCI_GETTARGETEND) - found;
        const long written =
            SendScintilla(options.regularExpression ? SCI_REPLACETARGETRE : SCI_REPLACETARGET,
                          static_cast<unsigned long>(with.size()), with.constData());
        ++count;
        end += written - matchLength;
        pos = found + written;
        // An empty match (e.g. "^") would be found again at the same place: step over a
        // character.
        if (matchLength == 0) {
            if (pos >= end)
                break;
            pos = SendScintilla(SCI_POSITIONAFTER, static_cast<unsigned long>(pos));
        }
    }
    endUndoAction();
    m_found = false;
    return count;
}

void ScriptEditor::goToLine(int line)
{
    const int target = qBound(1, line, qMax(1, lines())) - 1;
    setCursorPosition(target, 0);
    ensureLineVisible(target);
    // Show it with some context rather than at the very edge.
    const int visible = int(SendScintilla(SCI_LINESONSCREEN));
    setFirstVisibleLine(qMax(0, target - visible / 3));
    setFocus(Qt::OtherFocusReason);
}

int ScriptEditor::currentLineNumber() const
{
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void ScriptEditor::setDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    markerDeleteAll(m_errorMarker);
    markerDeleteAll(m_warningMarker);
    clearAnnotations();
    clearIndicatorRange(0, 0, qMax(0, lines() - 1), lineLength(qMax(0, lines() - 1)),
                        m_lintIndicator);

    QHash<int, QStringList> messages;
    QHash<int, bool> errors;
    for (const Diagnostic& d : diagnostics) {
        const int line = qBound(0, d.line - 1, qMax(0, lines() - 1));
        messages[line] << d.message;
        errors[line] = errors.value(line) || d.isError();
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        const int line = it.key();
        const bool error = errors.value(line);
        markerAdd(line, error ? m_errorMarker : m_warningMarker);
        annotate(line, it.value().join(u'\n'),
                 error ? kAnnotationErrorStyle : kAnnotationWarningStyle);
        const QString lineText = text(line);
        int first = 0;
        while (first < lineText.size() && lineText.at(first).isSpace())
            ++first;
        int last = int(lineText.size());
        while (last > first && lineText.at(last - 1).isSpace())
            --last;
        if (last > first)
            fillIndicatorRange(line, first, line, last, m_lintIndicator);
    }
}

QList<int> ScriptEditor::markedLines() const
{
    QList<int> out;
    const unsigned mask = (1u << m_errorMarker) | (1u << m_warningMarker);
    for (int line = markerFindNext(0, mask); line >= 0; line = markerFindNext(line + 1, mask))
        out << line + 1;
    return out;
}

QString ScriptEditor::annotationAt(int line) const
{
    return annotation(line - 1);
}

} // namespace retort
