#include "widgets/plan/stairwaydialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

StairwayDialog::StairwayDialog(const QStringList& scratchProfiles, int revisions, int commands,
                               QWidget* parent)
    : QDialog(parent), m_profiles(scratchProfiles)
{
    setWindowTitle(tr("Run Stairway"));
    setObjectName(QStringLiteral("stairwayDialog"));

    auto* what = new QLabel(
        tr("Stairway proves every downgrade before production needs it: for each of the %n "
           "revision(s), in alembic's upgrade order, it upgrades to the revision, downgrades "
           "exactly that revision and upgrades again, and stops at the first failure.",
           nullptr, revisions));
    what->setWordWrap(true);
    auto* code = new QLabel(
        tr("<b>This runs the project's own code</b> (env.py and every migration): %n alembic "
           "command(s), in one process.",
           nullptr, commands));
    code->setObjectName(QStringLiteral("stairwayCommands"));
    code->setWordWrap(true);

    m_database = new QComboBox;
    m_database->setObjectName(QStringLiteral("stairwayDatabase"));
    m_database->addItem(tr("A temporary SQLite file (removed afterwards)"));
    for (const QString& name : scratchProfiles)
        m_database->addItem(tr("Scratch profile “%1”").arg(name));
    auto* where = new QLabel(
        scratchProfiles.isEmpty()
            ? tr("No profile is marked scratch: mark an empty throwaway database as scratch in "
                 "its profile to run Stairway on PostgreSQL or MariaDB. The project's own "
                 "database and every other profile are never touched.")
            : tr("A scratch database must be at base (its version table empty); it is left "
                 "at the heads afterwards. The project's own database and every other profile "
                 "are never touched."));
    where->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Database:"), m_database);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* run = buttons->addButton(tr("&Run Stairway"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("runStairway"));
    run->setAutoDefault(false);
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(code);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addWidget(buttons);
    m_database->setFocus();
    resize(520, sizeHint().height());
}

QString StairwayDialog::chosenProfile() const
{
    const int index = m_database->currentIndex();
    return index <= 0 ? QString() : m_profiles.value(index - 1);
}

bool StairwayDialog::choose(const QString& profile)
{
    if (profile.isEmpty()) {
        m_database->setCurrentIndex(0);
        return true;
    }
    const qsizetype at = m_profiles.indexOf(profile);
    if (at < 0)
        return false;
    m_database->setCurrentIndex(int(at) + 1);
    return true;
}

} // namespace retort
