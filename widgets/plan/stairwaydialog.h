#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;

namespace retort {

// Run → Run Stairway…: where to run it (a temporary SQLite file, or one of the profiles
// marked scratch) and what it does, for confirmation. It says that the project's own code
// runs (env.py and every migration) and how many alembic commands. Cancel is the default
// button: Return alone never starts it.
class StairwayDialog : public QDialog
{
    Q_OBJECT

public:
    // `scratchProfiles`: the names of the profiles marked scratch (the temporary SQLite file
    // comes first, always). `revisions` / `commands`: the size of the walk.
    StairwayDialog(const QStringList& scratchProfiles, int revisions, int commands,
                   QWidget* parent = nullptr);

    // The chosen profile; empty for the temporary SQLite file.
    QString chosenProfile() const;
    // Chooses by name (empty: the temporary SQLite file); false when there is no such choice.
    bool choose(const QString& profile);

private:
    QComboBox* m_database = nullptr;
    QStringList m_profiles;
};

} // namespace retort
