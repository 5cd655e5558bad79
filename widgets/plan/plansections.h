#pragma once

#include "widgets/plan/plansummary.h"

#include <QObject>
#include <QStringList>

class QAbstractButton;
class QFrame;
class QLabel;
class QLineEdit;
class QMessageBox;
class QTreeWidget;
class QVBoxLayout;
class QWidget;

namespace retort {

// What a confirmation shows about one migration command, as a column of sections appended
// to a layout: heading, load problems, command, steps, risks, rows, warning and, for a
// protected profile, the field its name is typed in. Each section is added only when it has
// something to show. PlanDialog shows one such column with its buttons; the dialog that
// applies one target to several databases shows one per database, so that every database is
// confirmed with the same words and the same typed name.
//
// The texts keep PlanDialog's translation context (they were written there first).
class PlanSections : public QObject
{
    Q_OBJECT

public:
    // Builds the sections into `layout` (whose widget is `owner`, and this object's parent).
    // `protectedIndex`: the place of this protected profile among several in one dialog (its
    // name field's shortcut, see ProtectedConfirmation).
    PlanSections(const PlanSummary& summary, QVBoxLayout* layout, QWidget* owner,
                 int protectedIndex = 0);

    const PlanSummary& summary() const { return m_summary; }
    QLineEdit* confirmationEdit() const { return m_nameEdit; } // null unless protected
    QTreeWidget* stepList() const { return m_steps; }          // null when there are no steps
    QString headingText() const;
    // The risk lines listed (empty when none or not checked).
    QStringList riskLines() const;
    // Whether confirming asks a second time (a downgrade through an irreversible step).
    bool needsSecondConfirmation() const;
    // Whether the command may be confirmed: alembic can load the project and a protected
    // profile's name is typed exactly.
    bool isConfirmable() const;

    // The second question before a downgrade through steps that cannot be undone (the
    // messages of those steps): its default and Escape button is Cancel; `go` receives its
    // "Downgrade Anyway" button, the only one that means yes. Not open yet.
    static QMessageBox* irreversibleQuestion(const QStringList& irreversible, QWidget* parent,
                                             QAbstractButton** go);
    // The messages of this plan's steps that cannot be undone.
    QStringList irreversibleLines() const;

signals:
    // The typed name changed: isConfirmable() may have changed.
    void confirmableChanged();

private:
    void addHeading();
    void addLoadProblems();
    void addCommand();
    void addSteps();
    void addRisks();
    void addRows();
    void addWarning();
    void addConfirmation();
    // A wrapped, selectable line of text appended to the column.
    QLabel* addLabel(const QString& text, const QString& objectName);
    // A framed, tinted notice appended to the column (what a command costs, what blocks it).
    QFrame* addNotice(const QString& text, const QString& objectName, bool severe);

    PlanSummary m_summary;
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_owner = nullptr;
    QLabel* m_heading = nullptr;
    QTreeWidget* m_steps = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLabel* m_risks = nullptr;
    int m_protectedIndex = 0;
};

} // namespace retort
