#pragma once

#include "widgets/plan/plansummary.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace retort {

class PlanSections;

// Shows exactly what a migration command will do before it runs: the ordered revisions with
// their messages, the version table before and after, and for a downgrade what that costs.
// Return confirms, Escape cancels. For a protected profile the person types its name first.
// Opened window-modal with open(); accepted() starts the run.
//
// The steps' risks (PlanSummary::risks) are listed before anything runs, each marked on its
// step's row; risks not checked yet are said to be unchecked, never taken as none. A
// downgrade through a step that cannot be downgraded asks again when confirmed (after a
// protected profile's name): a message box whose default and Escape button is Cancel; only
// its "Downgrade Anyway" accepts the dialog.
//
// The dialog is a column of sections (heading, load problems, command, steps, rows, warning,
// confirmation; PlanSections adds each only when it has something to show) and the buttons;
// the dialog is sized to what it holds.
class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(const PlanSummary& summary, QWidget* parent = nullptr);

    const PlanSummary& summary() const { return m_summary; }
    QPushButton* confirmButton() const { return m_confirm; }
    QLineEdit* confirmationEdit() const; // null unless protected
    QTreeWidget* stepList() const;       // null when there are no steps
    // The first line: what the command does, in words.
    QString headingText() const;
    // The risk lines listed (empty when none or not checked).
    QStringList riskLines() const;
    // Whether confirming asks a second time (a downgrade through an irreversible step).
    bool needsSecondConfirmation() const;
    // The second confirmation while it is open (tests drive it), else null.
    QMessageBox* secondConfirmation() const { return m_second; }

public slots:
    // Confirms: accepted() at once, or after the second confirmation when one is needed.
    void accept() override;

signals:
    void previewSqlRequested();

private:
    void askSecondConfirmation();
    void addButtons();
    void sizeToContent();
    void updateConfirm();

    PlanSummary m_summary;
    QVBoxLayout* m_layout = nullptr;
    PlanSections* m_sections = nullptr; // the column above the buttons
    QPushButton* m_confirm = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPointer<QMessageBox> m_second;
};

} // namespace retort
