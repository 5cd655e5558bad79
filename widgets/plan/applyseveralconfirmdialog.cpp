#include "widgets/plan/applyseveralconfirmdialog.h"

#include "widgets/plan/plansections.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace retort {

ApplySeveralConfirmDialog::ApplySeveralConfirmDialog(const QString& target,
                                                     const QList<Entry>& entries, QWidget* parent)
    : QDialog(parent), m_entries(entries)
{
    setObjectName(QStringLiteral("applySeveralConfirm"));
    setWindowTitle(tr("Apply %1 to Several Databases").arg(target));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(
        tr("Apply “%1” to each database below, one after another in this order. The first "
           "failure stops the rest; every database is read again at the end.")
            .arg(target));
    heading->setObjectName(QStringLiteral("applySeveralHeading"));
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);

    // every database's plan in one column that scrolls: several plans do not fit a screen
    auto* column = new QWidget;
    auto* columnLayout = new QVBoxLayout(column);
    QLineEdit* firstName = nullptr;
    int protectedCount = 0; // each protected name field gets its own shortcut
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry& entry = entries.at(i);
        auto* box = new QGroupBox(tr("%1. %2").arg(i + 1).arg(entry.profile));
        box->setObjectName(QStringLiteral("applySeveral_") + entry.profile);
        auto* boxLayout = new QVBoxLayout(box);
        if (entry.alreadyThere) {
            const QString rows = entry.summary.rowsBefore.isEmpty()
                                     ? tr("(empty: at base)")
                                     : entry.summary.rowsBefore.join(QStringLiteral(", "));
            auto* there = new QLabel(
                tr("“%1” is already at %2 (%3): nothing runs there.").arg(entry.profile, target, rows));
            there->setObjectName(QStringLiteral("applySeveralAlreadyThere"));
            there->setWordWrap(true);
            boxLayout->addWidget(there);
        } else {
            auto* sections = new PlanSections(entry.summary, boxLayout, box, protectedCount);
            if (entry.summary.protectedProfile)
                ++protectedCount;
            connect(sections, &PlanSections::confirmableChanged, this,
                    &ApplySeveralConfirmDialog::updateConfirm);
            m_sections << sections;
            if (!firstName && sections->confirmationEdit())
                firstName = sections->confirmationEdit();
        }
        columnLayout->addWidget(box);
    }
    columnLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(column);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    // English needs no translator: singular and plural are separate source texts.
    m_confirm = buttons->addButton(m_sections.size() == 1
                                       ? tr("&Apply to 1 Database")
                                       : tr("&Apply to %1 Databases").arg(m_sections.size()),
                                   QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmApplySeveral"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    // Return must never mean Cancel: only the confirm button is a default button.
    for (QAbstractButton* b : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b); push && push != m_confirm)
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    updateConfirm();
    if (firstName)
        firstName->setFocus();
    else
        m_confirm->setFocus();
    resize(qMax(640, column->sizeHint().width() + 40),
           qBound(360, column->sizeHint().height() + 140, 760));
}

PlanSections* ApplySeveralConfirmDialog::sectionsFor(const QString& profile) const
{
    for (PlanSections* s : m_sections)
        if (s->summary().profile == profile)
            return s;
    return nullptr;
}

void ApplySeveralConfirmDialog::accept()
{
    if (!m_confirm->isEnabled())
        return; // a protected database's name missing, or alembic cannot load the project
    // A downgrade through steps that cannot be undone is asked about once more, for all the
    // databases it concerns together.
    QStringList irreversible;
    for (const PlanSections* s : std::as_const(m_sections))
        if (s->needsSecondConfirmation())
            for (const QString& line : s->irreversibleLines())
                irreversible << tr("%1: %2").arg(s->summary().profile, line);
    if (irreversible.isEmpty()) {
        QDialog::accept();
        return;
    }
    if (m_second)
        return;
    QAbstractButton* go = nullptr;
    QMessageBox* box = PlanSections::irreversibleQuestion(irreversible, this, &go);
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        if (box->clickedButton() == go)
            QDialog::accept();
    });
    m_second = box;
    box->open();
}

void ApplySeveralConfirmDialog::updateConfirm()
{
    bool all = !m_sections.isEmpty();
    for (const PlanSections* s : std::as_const(m_sections))
        all = all && s->isConfirmable();
    m_confirm->setEnabled(all);
}

} // namespace retort
