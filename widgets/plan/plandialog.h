#pragma once

#include "plan/plansummary.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace retort {

// Shows exactly what a migration command will do before it runs: the ordered revisions with
// their messages, the version table before and after, and for a downgrade what that costs.
// Return confirms, Escape cancels. For a protected profile the person types its name first.
// Opened window-modal with open(); accepted() starts the run.
class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(const PlanSummary& summary, QWidget* parent = nullptr);

    const PlanSummary& summary() const { return m_summary; }
    QPushButton* confirmButton() const { return m_confirm; }
    QLineEdit* confirmationEdit() const { return m_nameEdit; } // null unless protected
    QTreeWidget* stepList() const { return m_steps; }

signals:
    void previewSqlRequested();

private:
    void updateConfirm();

    PlanSummary m_summary;
    QTreeWidget* m_steps = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_confirm = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
