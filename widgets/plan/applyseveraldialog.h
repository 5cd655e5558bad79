#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QComboBox;
class QListWidget;
class QPushButton;

namespace retort {

// Chooses what "Apply to Several Databases" does: one target (the revision selected in the
// graph, `heads`, or anything typed as alembic takes it) and the databases it is applied to,
// ticked, in the order they will run (Move Up / Move Down, or Alt+Up / Alt+Down on the list;
// Space ticks). Nothing runs from here: the plans are shown and confirmed next.
class ApplySeveralDialog : public QDialog
{
    Q_OBJECT

public:
    // One database as the list shows it.
    struct Database
    {
        QString name;
        bool isProtected = false;
        QString where; // where it stands, in words ("at a1b2", "not read yet")
    };

    ApplySeveralDialog(const QList<Database>& databases, const QString& selectedRevision,
                       QWidget* parent = nullptr);

    // The target as typed or chosen, trimmed.
    QString target() const;
    void setTarget(const QString& target);
    // The ticked databases' names, in the list's order.
    QStringList chosenProfiles() const;
    // Ticks (or unticks) a database by name; false when there is none.
    bool setChosen(const QString& name, bool chosen);
    // Moves the current database one place up (-1) or down (+1), keeping it current.
    void moveCurrent(int delta);

    QComboBox* targetEdit() const { return m_target; }
    QListWidget* databaseList() const { return m_list; }
    QPushButton* continueButton() const { return m_continue; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateButtons();

    QComboBox* m_target = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QPushButton* m_continue = nullptr;
};

} // namespace retort
