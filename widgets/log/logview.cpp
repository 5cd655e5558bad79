#include "widgets/log/logview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QMenu>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

namespace retort {

namespace {

enum FormatKind
{
    StdoutFormat,
    StderrFormat,
    WarningFormat,
    ErrorFormat,
    RunnerFormat,
    FormatCount
};

int formatFor(RunEvent::Stream stream, RunEvent::Level level)
{
    if (level == RunEvent::Level::Error)
        return ErrorFormat;
    if (level == RunEvent::Level::Warning)
        return WarningFormat;
    switch (stream) {
    case RunEvent::Stream::Stdout:
        return StdoutFormat;
    case RunEvent::Stream::Stderr:
        return StderrFormat;
    case RunEvent::Stream::Runner:
        return RunnerFormat;
    }
    return StdoutFormat;
}

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(kMaxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setPlaceholderText(tr("The output of alembic appears here while a migration runs."));

    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(40);
    connect(m_flushTimer, &QTimer::timeout, this, &LogView::flush);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_following)
            verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    });

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (textCursor().hasSelection())
            QPlainTextEdit::copy();
        else
            copyAll();
    });
    addAction(copy);
    updateFormats();
}

void LogView::appendLine(const QDateTime& time, RunEvent::Stream stream, RunEvent::Level level,
                         const QString& text)
{
    m_pending.append({time.toString(QStringLiteral("HH:mm:ss.zzz")), text, formatFor(stream, level)});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void LogView::appendNote(const QString& text, RunEvent::Level level)
{
    appendLine(QDateTime::currentDateTime(), RunEvent::Stream::Runner, level, text);
}

void LogView::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    const bool follow = m_following;
    m_flushing = true;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    for (const Pending& line : std::as_const(m_pending)) {
        if (!document()->isEmpty())
            cursor.insertBlock();
        cursor.insertText(line.time + QLatin1String("  "), m_timeFormat);
        cursor.insertText(line.text, m_formats.at(line.format));
    }
    cursor.endEditBlock();
    m_pending.clear();
    m_flushing = false;
    if (follow)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

QString LogView::logText()
{
    flush();
    return document()->toPlainText();
}

int LogView::lineCount()
{
    flush();
    return document()->isEmpty() ? 0 : document()->blockCount();
}

void LogView::copyAll()
{
    QApplication::clipboard()->setText(logText());
}

void LogView::clearLog()
{
    m_pending.clear();
    clear();
    m_following = true;
    emit followingChanged(true);
}

void LogView::onScrolled()
{
    if (m_flushing)
        return;
    const bool atEnd = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    if (atEnd != m_following) {
        m_following = atEnd;
        emit followingChanged(atEnd);
    }
}

void LogView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateFormats();
}

void LogView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    QAction* copy = menu.addAction(textCursor().hasSelection() ? tr("&Copy") : tr("&Copy All"));
    QAction* selectAll = menu.addAction(tr("Select &All"));
    menu.addSeparator();
    QAction* clear = menu.addAction(tr("C&lear"));
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen == copy) {
        if (textCursor().hasSelection())
            QPlainTextEdit::copy();
        else
            copyAll();
    } else if (chosen == selectAll) {
        QPlainTextEdit::selectAll();
    } else if (chosen == clear) {
        clearLog();
    }
}

// Colours from the palette, so the log reads well in light and dark themes alike. Existing
// lines keep the colours they were written with; new lines get the new ones.
void LogView::updateFormats()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x28);
    const QColor amber = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    const QColor blue = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);

    m_formats.resize(FormatCount);
    for (QTextCharFormat& f : m_formats)
        f = QTextCharFormat();
    m_formats[StdoutFormat].setForeground(text);
    m_formats[StderrFormat].setForeground(mix(text, base, 0.25));
    m_formats[WarningFormat].setForeground(amber);
    m_formats[ErrorFormat].setForeground(red);
    m_formats[ErrorFormat].setFontWeight(QFont::DemiBold);
    m_formats[RunnerFormat].setForeground(blue);
    m_formats[RunnerFormat].setFontItalic(true);
    m_timeFormat = QTextCharFormat();
    m_timeFormat.setForeground(mix(text, base, 0.55));
}

} // namespace retort
