#pragma once

#include "widgets/editor/scripteditor.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace retort {

// Find and replace under a script editor: text or regular expression, case, whole words;
// Enter finds the next match, Shift+Enter the previous, Escape closes the bar and returns
// to the editor. The replace row shows only when asked for (Ctrl+H).
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(ScriptEditor* editor, QWidget* parent = nullptr);

    // Shows the bar (with the replace row when `replace`), seeded with the selection.
    void activate(bool replace);
    bool isReplaceVisible() const;

    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }
    void setRegularExpression(bool on);
    void setCaseSensitive(bool on);
    ScriptEditor::FindOptions options() const;
    // What the last action found or replaced, in words ("No matches", "3 replaced").
    QString status() const;

public slots:
    bool findNext();
    bool findPrevious();
    bool replaceOne();
    int replaceAll();
    void close();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool checkPattern();
    void setStatus(const QString& text, bool problem = false);

    ScriptEditor* m_editor = nullptr;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QWidget* m_replaceRow = nullptr;
    QCheckBox* m_regex = nullptr;
    QCheckBox* m_case = nullptr;
    QCheckBox* m_word = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace retort
