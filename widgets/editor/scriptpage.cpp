#include "widgets/editor/scriptpage.h"

#include "widgets/editor/findbar.h"
#include "widgets/editor/scriptbanner.h"
#include "widgets/editor/scripteditor.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QVBoxLayout>

namespace retort {

ScriptPage::ScriptPage(const QString& path, QWidget* parent) : QWidget(parent), m_path(path)
{
    m_banner = new ScriptBanner;
    m_editor = new ScriptEditor;
    m_editor->setObjectName(QStringLiteral("scriptEditor"));
    m_findBar = new FindBar(m_editor);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    auto makeAction = [this](const QString& text, const QKeySequence& key) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_findAction = makeAction(tr("&Find…"), QKeySequence(Qt::CTRL | Qt::Key_F));
    m_replaceAction = makeAction(tr("&Replace…"), QKeySequence(Qt::CTRL | Qt::Key_H));
    m_findNextAction = makeAction(tr("Find &Next"), QKeySequence(Qt::Key_F3));
    m_goToLineAction = makeAction(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_findAction, &QAction::triggered, this, [this] { m_findBar->activate(false); });
    connect(m_replaceAction, &QAction::triggered, this, [this] { m_findBar->activate(true); });
    connect(m_findNextAction, &QAction::triggered, m_findBar, &FindBar::findNext);
    connect(m_goToLineAction, &QAction::triggered, this, &ScriptPage::askGoToLine);

    connect(m_editor, &ScriptEditor::modificationChanged, this, &ScriptPage::modificationChanged);
}

QString ScriptPage::title() const
{
    const QString name = QFileInfo(m_path).fileName();
    if (m_fileMissing && m_banner->state() == ScriptBanner::State::ProjectMissing)
        return tr("%1 (folder gone)", "tab of a script whose project folder was moved or deleted")
            .arg(name);
    if (m_fileMissing)
        return tr("%1 (deleted)", "tab of a script whose file is gone").arg(name);
    return isModified() ? tr("%1 ●", "tab of a modified script").arg(name) : name;
}

bool ScriptPage::isModified() const
{
    return m_editor->isModified() || m_fileMissing;
}

void ScriptPage::setFileMissing(bool missing)
{
    if (m_fileMissing == missing)
        return;
    m_fileMissing = missing;
    emit modificationChanged(isModified());
}

void ScriptPage::askGoToLine()
{
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("goToLineDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setLabelText(tr("Line (1–%1):").arg(m_editor->lines()));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, qMax(1, m_editor->lines()));
    dialog->setIntValue(m_editor->currentLineNumber());
    connect(dialog, &QInputDialog::intValueSelected, m_editor, &ScriptEditor::goToLine);
    dialog->open();
}

} // namespace retort
