#pragma once

#include <QWidget>

class QAction;

namespace retort {

class FindBar;
class ScriptBanner;
class ScriptEditor;

// One open script: the banner, the editor and its find bar. Find (Ctrl+F), Replace
// (Ctrl+H), Find Next (F3) and Go to Line (Ctrl+G) act while focus is inside the page
// (Qt::WidgetWithChildrenShortcut), so they never fight the window's own shortcuts.
// A view: the file behind it is the controller's business.
class ScriptPage : public QWidget
{
    Q_OBJECT

public:
    explicit ScriptPage(const QString& path, QWidget* parent = nullptr);

    QString path() const { return m_path; }
    // The tab's text: the file name, with a marker while modified.
    QString title() const;

    ScriptEditor* editor() const { return m_editor; }
    FindBar* findBar() const { return m_findBar; }
    ScriptBanner* banner() const { return m_banner; }
    // Modified in the editor, or its file is gone from disk: either way closing loses text.
    bool isModified() const;
    bool isFileMissing() const { return m_fileMissing; }
    void setFileMissing(bool missing);

    QAction* findAction() const { return m_findAction; }
    QAction* replaceAction() const { return m_replaceAction; }
    QAction* goToLineAction() const { return m_goToLineAction; }

    // Asks for a line number in a small dialog (not modal to the event loop: it returns at
    // once; the dialog, named "goToLineDialog", moves the cursor when accepted).
    void askGoToLine();

signals:
    void modificationChanged(bool modified);

private:
    QString m_path;
    bool m_fileMissing = false;
    ScriptBanner* m_banner = nullptr;
    ScriptEditor* m_editor = nullptr;
    FindBar* m_findBar = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_replaceAction = nullptr;
    QAction* m_findNextAction = nullptr;
    QAction* m_goToLineAction = nullptr;
};

} // namespace retort
