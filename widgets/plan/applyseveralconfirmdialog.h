#pragma once

#include "widgets/plan/plansummary.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QMessageBox;
class QPushButton;

namespace retort {

class PlanSections;

// The one confirmation before one target is applied to several databases: each database's
// plan in run order, shown with the same sections as a single run's confirmation (PlanSections:
// steps, rows before and after, risks, warnings), and for each protected database the field
// its name must be typed in. A database already at the target says so and runs nothing.
// "Apply" is enabled once every protected name is typed and alembic can load the project;
// Return confirms, Escape cancels. A downgrade through a step that cannot be undone asks a
// second time, as a single downgrade does.
class ApplySeveralConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString profile;
        bool alreadyThere = false; // nothing to run: `summary` only names the rows
        PlanSummary summary;
    };

    ApplySeveralConfirmDialog(const QString& target, const QList<Entry>& entries,
                              QWidget* parent = nullptr);

    QPushButton* confirmButton() const { return m_confirm; }
    // The sections of each database that has something to run, in run order.
    QList<PlanSections*> sections() const { return m_sections; }
    // The sections of `profile`, or null (already there, or not listed).
    PlanSections* sectionsFor(const QString& profile) const;
    QMessageBox* secondConfirmation() const { return m_second; }

public slots:
    void accept() override;

private:
    void updateConfirm();

    QList<Entry> m_entries;
    QList<PlanSections*> m_sections;
    QPushButton* m_confirm = nullptr;
    QPointer<QMessageBox> m_second;
};

} // namespace retort
