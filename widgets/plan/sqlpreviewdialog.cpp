#include "widgets/plan/sqlpreviewdialog.h"

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

SqlPreviewDialog::SqlPreviewDialog(const QString& command, const QString& alembic, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sqlPreview"));
    setWindowTitle(tr("SQL Preview"));
    setAttribute(Qt::WA_DeleteOnClose);

    auto* commandLabel = new QLabel(command);
    commandLabel->setTextFormat(Qt::PlainText);
    commandLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    commandLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_editor = new QsciScintilla;
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_editor->setUtf8(true);
    m_editor->setLexer(new QsciLexerSQL(m_editor));
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginWidth(0, QStringLiteral("00000"));
    m_editor->setReadOnly(true);
    // Scintilla takes Escape for itself (it cancels a selection or a call tip), so the
    // dialog would never see it: Escape closes the preview from the editor too.
    m_editor->installEventFilter(this);
    applyPalette();

    m_status = new QLabel(tr("Running alembic in offline mode…"));
    m_status->setObjectName(QStringLiteral("sqlStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &SqlPreviewDialog::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(commandLabel);
    if (!alembic.isEmpty()) {
        auto* alembicLabel = new QLabel(tr("SQL as %1 writes it.").arg(alembic));
        alembicLabel->setObjectName(QStringLiteral("sqlAlembic"));
        alembicLabel->setTextFormat(Qt::PlainText);
        layout->addWidget(alembicLabel);
    }
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(820, 560);
}

void SqlPreviewDialog::appendLine(const QString& line)
{
    m_editor->setReadOnly(false);
    m_editor->append(line + u'\n');
    m_editor->setReadOnly(true);
}

void SqlPreviewDialog::finish(const QString& problem)
{
    m_status->setText(problem.isEmpty() ? tr("Complete: this is the SQL alembic would run.")
                                        : problem);
    m_save->setEnabled(!m_editor->text().isEmpty());
}

QString SqlPreviewDialog::sql() const
{
    return m_editor->text();
}

QString SqlPreviewDialog::statusText() const
{
    return m_status->text();
}

bool SqlPreviewDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            reject();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SqlPreviewDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

// QScintilla's lexers carry their own colours; bring the paper and default text in line with
// the palette so the preview reads in dark themes too.
void SqlPreviewDialog::applyPalette()
{
    QsciLexer* lexer = m_editor->lexer();
    const QPalette pal = palette();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(fixed);
    lexer->setFont(fixed, -1);
    lexer->setPaper(pal.color(QPalette::Base), -1);
    lexer->setDefaultPaper(pal.color(QPalette::Base));
    lexer->setDefaultColor(pal.color(QPalette::Text));
    const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
    if (dark) {
        lexer->setColor(pal.color(QPalette::Text), QsciLexerSQL::Default);
        lexer->setColor(pal.color(QPalette::Text), QsciLexerSQL::Identifier);
        lexer->setColor(pal.color(QPalette::Text), QsciLexerSQL::Operator);
        lexer->setColor(QColor(0x79, 0xc0, 0xff), QsciLexerSQL::Keyword);
        lexer->setColor(QColor(0xa5, 0xd6, 0xff), QsciLexerSQL::SingleQuotedString);
        lexer->setColor(QColor(0x8b, 0x94, 0x9e), QsciLexerSQL::Comment);
        lexer->setColor(QColor(0x8b, 0x94, 0x9e), QsciLexerSQL::CommentLine);
        lexer->setColor(QColor(0xff, 0xa6, 0x57), QsciLexerSQL::Number);
    } else {
        // back from a dark palette (Settings → Theme while the preview is open)
        for (int style : {int(QsciLexerSQL::Default), int(QsciLexerSQL::Identifier),
                          int(QsciLexerSQL::Operator), int(QsciLexerSQL::Keyword),
                          int(QsciLexerSQL::SingleQuotedString), int(QsciLexerSQL::Comment),
                          int(QsciLexerSQL::CommentLine), int(QsciLexerSQL::Number)})
            lexer->setColor(lexer->defaultColor(style), style);
    }
    m_editor->setMarginsBackgroundColor(pal.color(QPalette::Window));
    m_editor->setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    m_editor->setCaretForegroundColor(pal.color(QPalette::Text));
}

} // namespace retort
