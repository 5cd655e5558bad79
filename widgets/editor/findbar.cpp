#include "widgets/editor/findbar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QToolButton>

#include <iterator>

namespace retort {

FindBar::FindBar(ScriptEditor* editor, QWidget* parent) : QWidget(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("findBar"));
    m_find = new QLineEdit;
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace = new QLineEdit;
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setPlaceholderText(tr("Replace with (\\1 for a group)"));
    m_regex = new QCheckBox(tr("Re&gex"));
    m_regex->setToolTip(tr("Treat the text as a regular expression"));
    m_case = new QCheckBox(tr("Match &case"));
    m_word = new QCheckBox(tr("&Words"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("findStatus"));

    auto* previous = new QPushButton(tr("&Previous"));
    auto* next = new QPushButton(tr("&Next"));
    auto* replaceOne = new QPushButton(tr("&Replace"));
    auto* replaceAll = new QPushButton(tr("Replace &All"));
    auto* closeButton = new QToolButton;
    closeButton->setAutoRaise(true);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setToolTip(tr("Close (Escape)"));
    for (QPushButton* b : {previous, next, replaceOne, replaceAll})
        b->setAutoDefault(false);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(previous, 0, 1);
    grid->addWidget(next, 0, 2);
    auto* optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_regex);
    optionsRow->addWidget(m_case);
    optionsRow->addWidget(m_word);
    optionsRow->addWidget(m_status, 1);
    grid->addLayout(optionsRow, 0, 3);
    grid->addWidget(closeButton, 0, 4);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(3, 1);

    m_replaceRow = new QWidget;
    auto* replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceAll);
    grid->addWidget(m_replaceRow, 1, 0, 1, 3);

    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replaceOne);
    connect(replaceAll, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(m_find, &QLineEdit::textEdited, this, [this] {
        // Incremental: look from where the current match starts.
        int line, index, lineTo, indexTo;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
        if (line >= 0)
            m_editor->setCursorPosition(line, index);
        if (!m_find->text().isEmpty() && checkPattern())
            setStatus(m_editor->find(m_find->text(), options()) ? QString() : tr("No matches"),
                      false);
    });
    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);
    // Tab goes from the find field to the replace field (when shown), then the buttons and
    // options, not in the order the widgets happen to be laid out.
    QWidget* order[] = {m_find,     m_replace, next,   previous, replaceOne,
                        replaceAll, m_regex,   m_case, m_word,   closeButton};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    setFocusProxy(m_find);
    hide();
}

void FindBar::activate(bool replace)
{
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(u'\n'))
        m_find->setText(m_editor->selectedText());
    m_replaceRow->setVisible(replace);
    show();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

bool FindBar::isReplaceVisible() const
{
    return isVisible() && m_replaceRow->isVisible();
}

void FindBar::setRegularExpression(bool on)
{
    m_regex->setChecked(on);
}

void FindBar::setCaseSensitive(bool on)
{
    m_case->setChecked(on);
}

ScriptEditor::FindOptions FindBar::options() const
{
    return {m_regex->isChecked(), m_case->isChecked(), m_word->isChecked()};
}

QString FindBar::status() const
{
    return m_status->text();
}

void FindBar::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    // The palette has no role for "problem" text (BrightText is white on most styles): a red
    // chosen for the ground. Only that role is set, so the rest follows palette changes.
    QPalette pal;
    if (problem) {
        const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
        pal.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x7b, 0x7b) : QColor(0xb0, 0x00, 0x20));
    }
    m_status->setPalette(pal);
}

// Scintilla would quietly find nothing for a broken pattern; say what is wrong instead.
bool FindBar::checkPattern()
{
    if (!m_regex->isChecked())
        return true;
    const QRegularExpression re(m_find->text());
    if (re.isValid())
        return true;
    setStatus(tr("Invalid regular expression: %1").arg(re.errorString()), true);
    return false;
}

bool FindBar::findNext()
{
    if (m_find->text().isEmpty() || !checkPattern())
        return false;
    const bool found = m_editor->find(m_find->text(), options(), true);
    setStatus(found ? QString() : tr("No matches"));
    return found;
}

bool FindBar::findPrevious()
{
    if (m_find->text().isEmpty() || !checkPattern())
        return false;
    const bool found = m_editor->find(m_find->text(), options(), false);
    setStatus(found ? QString() : tr("No matches"));
    return found;
}

bool FindBar::replaceOne()
{
    if (m_find->text().isEmpty() || !checkPattern())
        return false;
    const bool replaced = m_editor->replaceCurrent(m_find->text(), m_replace->text(), options());
    setStatus(replaced ? QString() : (m_editor->hasSelectedText() ? QString() : tr("No matches")));
    return replaced;
}

int FindBar::replaceAll()
{
    if (m_find->text().isEmpty() || !checkPattern())
        return 0;
    const int count = m_editor->replaceAll(m_find->text(), m_replace->text(), options());
    setStatus(count == 0 ? tr("No matches") : tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::close()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == m_replace)
                replaceOne();
            else if (key->modifiers().testFlag(Qt::ShiftModifier))
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace retort
