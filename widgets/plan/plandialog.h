#pragma once

#include "widgets/plan/plansummary.h"

#include <QDialog>

class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace retort {

// Shows exactly what a migration command will do before it runs: the ordered revisions with
// their messages, the version table before and after, and for a downgrade what that costs.
// Return confirms, Escape cancels. For a protected profile the person types its name first.
// Opened window-modal with open(); accepted() starts the run.
//
// The dialog is a column of sections (heading, load problems, command, steps, rows, warning,
// confirmation, buttons), each added by its own add…() function only when it has something
// to show; the dialog is sized to what it holds.
class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(const PlanSummary& summary, QWidget* parent = nullptr);

    const PlanSummary& summary() const { return m_summary; }
    QPushButton* confirmButton() const { return m_confirm; }
    QLineEdit* confirmationEdit() const { return m_nameEdit; } // null unless protected
    QTreeWidget* stepList() const { return m_steps; } // null when there are no steps
    // The first line: what the command does, in words.
    QString headingText() const;

signals:
    void previewSqlRequested();

private:
    void addHeading();
    void addLoadProblems();
    void addCommand();
    void addSteps();
    void addRows();
    void addWarning();
    void addConfirmation();
    void addButtons();
    void sizeToContent();
    // A wrapped, selectable line of text appended to the column.
    QLabel* addLabel(const QString& text, const QString& objectName);
    // A framed, tinted notice appended to the column (what a command costs, what blocks it).
    QFrame* addNotice(const QString& text, const QString& objectName, bool severe);
    void updateConfirm();

    PlanSummary m_summary;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_heading = nullptr;
    QTreeWidget* m_steps = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_confirm = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace retort
