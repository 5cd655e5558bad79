#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace retort {

// The strip above a script that says its file changed behind Retort's back: changed on
// disk while edited here (Reload / Keep Mine), or deleted (the text stays; Save writes it
// again), or its project folder gone (moved or deleted while open: the text stays; saving
// fails until the folder is back). Hidden otherwise.
class ScriptBanner : public QFrame
{
    Q_OBJECT

public:
    enum class State
    {
        Hidden,
        ChangedOnDisk,
        Deleted,
        ProjectMissing
    };

    explicit ScriptBanner(QWidget* parent = nullptr);

    void showChangedOnDisk();
    void showDeleted();
    void showProjectMissing();
    void dismiss();
    State state() const { return m_state; }
    QString message() const;

    QPushButton* reloadButton() const { return m_reload; }
    QPushButton* keepButton() const { return m_keep; }

signals:
    void reloadRequested();
    void keepRequested();

private:
    State m_state = State::Hidden;
    QLabel* m_icon = nullptr;
    QLabel* m_label = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_keep = nullptr;
};

} // namespace retort
