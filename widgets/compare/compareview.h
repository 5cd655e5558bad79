#pragma once

#include "model/db/databasestate.h"
#include "model/graph/environmentplan.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace retort {

class MigrationPlanner;
class RevisionGraph;

// One database the comparison can take: a profile's name and where it stands (derived
// against the graph shown, or not readable with why).
struct CompareDatabase
{
    QString name;
    DatabaseState state;
};

// Two databases side by side (issue 16): pick A (a profile) and B (another profile, or "a
// revision" typed as alembic takes it); see the revisions only A has applied and those only
// B has, both ways, and the alembic commands that bring A to exactly where B stands
// (EnvironmentPlanner: each command planned as alembic runs it). Activating a revision selects
// it on the graph; while "Show on graph" is ticked the graph marks both sides. Planning is
// a few plans per command, so it runs on the GUI thread; a database not read yet says so.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    // The project on screen: its graph and planner (null: none loaded).
    void setSource(std::shared_ptr<const RevisionGraph> graph,
                   std::shared_ptr<const MigrationPlanner> planner);
    // The configured databases, in their order. The choices are kept by name.
    void setDatabases(const QList<CompareDatabase>& databases);

    // Chooses A and B; an empty `b` with a non-empty `revision` compares A with that revision.
    void compare(const QString& a, const QString& b, const QString& revision = {});
    // A chosen, B the next other database (or the one already chosen).
    void compareFrom(const QString& a);
    void swap();
    // Says the marks again (marksChanged), e.g. when the graph starts showing them.
    void refreshMarks() { emitMarks(); }

    QString databaseA() const;
    QString databaseB() const; // empty when B is a revision
    QString revisionB() const;

    // What is shown: the comparison, or why there is none.
    bool hasComparison() const { return m_comparison.has_value(); }
    const EnvironmentComparison& comparison() const { return *m_comparison; }
    QString summaryText() const;
    QString problem() const { return m_problem; }
    // The commands to run, one per line ("alembic downgrade X"), as Copy Commands copies them.
    QString commandsText() const;

    QComboBox* boxA() const { return m_a; }
    QComboBox* boxB() const { return m_b; }
    QLineEdit* revisionEdit() const { return m_revision; }
    QTreeWidget* onlyATree() const { return m_onlyA; }
    QTreeWidget* onlyBTree() const { return m_onlyB; }
    QTreeWidget* commandsTree() const { return m_commands; }
    QCheckBox* showOnGraphBox() const { return m_showOnGraph; }
    QPushButton* swapButton() const { return m_swap; }

signals:
    void revisionActivated(const QString& id);
    // The graph's marks: what only A and only B have (empty lists: none).
    void marksChanged(const QStringList& onlyA, const QStringList& onlyB, const QString& nameA,
                      const QString& nameB);

private:
    void rebuildChoices();
    void recompute();
    void showComparison();
    void clearResult(const QString& problem);
    void emitMarks();
    QString nameOfB() const;
    void fillRevisions(QTreeWidget* tree, const QStringList& ids) const;

    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationPlanner> m_planner;
    QList<CompareDatabase> m_databases;
    std::optional<EnvironmentComparison> m_comparison;
    QString m_problem;
    bool m_rebuilding = false;

    QComboBox* m_a = nullptr;
    QComboBox* m_b = nullptr;
    QLineEdit* m_revision = nullptr;
    QPushButton* m_swap = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_onlyATitle = nullptr;
    QLabel* m_onlyBTitle = nullptr;
    QTreeWidget* m_onlyA = nullptr;
    QTreeWidget* m_onlyB = nullptr;
    QLabel* m_commandsTitle = nullptr;
    QTreeWidget* m_commands = nullptr;
    QPushButton* m_copy = nullptr;
    QCheckBox* m_showOnGraph = nullptr;
};

} // namespace retort
