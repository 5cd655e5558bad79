#pragma once

#include "model/common/latestjob.h"
#include "model/migration/schemahistory.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace retort {

class MigrationPlanner;
class RevisionGraph;

// One entry of the target lists besides the revisions: a database's current revisions
// ("dev: at 3a7c6088155f"), with the target they stand for (ids separated by spaces).
struct SchemaTarget
{
    QString text;
    QString target;
};

// The schema the migrations define at a revision: pick a target (a revision, a label, heads,
// a database's current revisions, or anything alembic takes as a target, with completion)
// and see its tables and columns (type as SQL reads it, nullable, primary key, the revision
// that added it), replayed along alembic's upgrade order from base (SchemaHistory::schemaAt),
// with every place the replay could not know listed (revision, line, why; activating one
// opens the script at that line). A second target compares the two (SchemaHistory::compare).
// The replay runs off the GUI thread; the newest request wins.
class SchemaView : public QWidget
{
    Q_OBJECT

public:
    enum SchemaColumnIndex
    {
        NameColumn,
        TypeColumn,
        NullableColumn,
        KeyColumn,
        AddedInColumn,
        SchemaColumnCount
    };

    explicit SchemaView(QWidget* parent = nullptr);
    ~SchemaView() override;

    // The project's graph and planner and its operations (null while none is read;
    // `reading` while a read is under way). Replays the targets again.
    void setSource(std::shared_ptr<const RevisionGraph> graph,
                   std::shared_ptr<const MigrationPlanner> planner,
                   std::shared_ptr<const MigrationOpsIndex> index, bool reading);
    // The databases' current revisions, offered first in both target lists.
    void setDatabaseTargets(const QList<SchemaTarget>& targets);

    // Shows the schema at `target` (a choice's text or a target as alembic takes it).
    void setTarget(const QString& target);
    QString target() const;
    // Compares with `target`; empty: no comparison.
    void setCompareTarget(const QString& target);
    QString compareTarget() const;
    void focusTarget();

    // What is shown: the schema at target(), the comparison, whether a replay is under way.
    const Schema& schema() const { return m_schema; }
    const QList<SchemaChange>& changes() const { return m_changes; }
    bool isComputing() const { return m_computing; }
    QString statusText() const;
    QStringList targetChoices() const;

    QComboBox* targetBox() const { return m_at; }
    QComboBox* compareBox() const { return m_compare; }
    QTreeWidget* schemaTree() const { return m_schemaTree; }
    QTreeWidget* changesTree() const { return m_changesTree; }
    QTreeWidget* unknownTree() const { return m_unknownTree; }

    // "column `books.language` added" for one change.
    static QString changeText(const SchemaChange& change);

signals:
    void openScriptRequested(const QString& absolutePath, int line);
    void revisionActivated(const QString& id);
    // A replay's result is on screen.
    void schemaShown();

private:
    struct Outcome;
    static Outcome replay(const RevisionGraph& graph, const MigrationPlanner& planner,
                          const MigrationOpsIndex& index,
                          const QString& at, const QString& compare);
    void fillChoices();
    void compute();
    void show(const Outcome& outcome);
    void showUnknown(const QList<SchemaUnknown>& unknown);
    QString resolveChoice(const QComboBox* box) const;
    QString shortId(const QString& id) const;
    void openUnknown(QTreeWidgetItem* item);

    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationPlanner> m_planner;
    std::shared_ptr<const MigrationOpsIndex> m_index;
    bool m_reading = false;
    QList<SchemaTarget> m_databaseTargets;
    Schema m_schema;
    QList<SchemaChange> m_changes;
    bool m_computing = false;
    bool m_filling = false;

    QComboBox* m_at = nullptr;
    QComboBox* m_compare = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_schemaTree = nullptr;
    QWidget* m_changesSection = nullptr;
    QLabel* m_changesCaption = nullptr;
    QTreeWidget* m_changesTree = nullptr;
    QLabel* m_unknownCaption = nullptr;
    QTreeWidget* m_unknownTree = nullptr;
    LatestJob m_job;
};

} // namespace retort
