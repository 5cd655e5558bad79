#pragma once

#include "model/common/diagnostic.h"
#include "model/graph/migrationplan.h"
#include "model/migration/migrationops.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace retort {

class RevisionGraph;

// The operations of every revision of a graph, read from their files (MigrationOpsReader) on a
// pool of its own (never the global pool: callers run inside LatestJob work).
class MigrationOpsIndex
{
public:
    MigrationOpsIndex() = default;
    // `cancelled` (may be empty) is polled between files: a cancelled read returns what it has.
    static MigrationOpsIndex read(const RevisionGraph& graph,
                                  const std::function<bool()>& cancelled = {});
    // For tests and callers that already hold the ops.
    void insert(const QString& revision, MigrationOps ops) { m_ops.insert(revision, std::move(ops)); }

    const MigrationOps* ops(const QString& revision) const; // nullptr: not read
    qsizetype size() const { return m_ops.size(); }

private:
    QHash<QString, MigrationOps> m_ops;
};

// ---- the schema the migrations define ---------------------------------------------------

struct SchemaColumn
{
    QString name;
    QString type;          // as written in the last create/add/alter that set it
    bool nullable = true;  // as SQLAlchemy creates it (ColumnSpec::effectiveNullable)
    bool primaryKey = false;
    QString serverDefault;
    QString definedIn;     // revision that created the column (create_table / add_column)
    friend bool operator==(const SchemaColumn&, const SchemaColumn&) = default;
};

struct SchemaTable
{
    QString name;
    QString schema;                 // schema= when given
    QList<SchemaColumn> columns;    // in creation order
    QString createdIn;              // revision; empty when the table was never created by a
                                    // read op (it was only altered: created elsewhere)
    friend bool operator==(const SchemaTable&, const SchemaTable&) = default;
};

// A place the replay could not know: raw SQL, a NotRead op, a file that did not tokenize, an
// op on a table the replay does not have.
struct SchemaUnknown
{
    QString revision;
    int line = 0;
    QString why; // plain words (translated)
    friend bool operator==(const SchemaUnknown&, const SchemaUnknown&) = default;
};

struct Schema
{
    QStringList at;              // the revisions the schema is at (the plan's end rows), sorted
    QList<SchemaTable> tables;   // sorted by name
    QList<SchemaUnknown> unknown;// in replay order
    const SchemaTable* table(const QString& name) const;
};

// What changed from schema `a` to schema `b`.
struct SchemaChange
{
    enum class Kind { TableAdded, TableRemoved, ColumnAdded, ColumnRemoved, ColumnChanged };
    Kind kind;
    QString table;
    QString column;  // empty for table changes
    QString before;  // ColumnChanged: "VARCHAR(8), nullable" style summary before / after
    QString after;
};

// ---- a table's history ----------------------------------------------------------------

struct TableEvent
{
    QString revision;
    QString op;      // MigrationOp::opName()
    QString column;  // the column concerned, if any
    QString newName; // rename_table / alter_column new_column_name
    int line = 0;
    QString direction = QStringLiteral("upgrade"); // events come from upgrade() only
};

struct TableTimeline
{
    QString name;          // the name the table has (renamed tables: each name its own entry,
                           // linked by the rename events)
    QString createdIn;     // empty: never created by a read op
    QString droppedIn;     // empty: not dropped
    QList<TableEvent> events; // in alembic's upgrade order to heads
    QString renamedFrom;   // the table had this name before a rename_table (its last one)
    QString renamedTo;     // a rename_table gave the table this name: this name's timeline ends
};

// Replays upgrade() ops along alembic's upgrade order.
class SchemaHistory
{
    Q_DECLARE_TR_FUNCTIONS(SchemaHistory)
public:
    // The schema after running `upgradeFromBase` (MigrationPlanner::upgrade({}, target)).
    static Schema schemaAt(const MigrationOpsIndex& index, const MigrationPlan& upgradeFromBase);
    // Every table the upgrade ops mention, with its events, along `upgradeToHeads`
    // (MigrationPlanner::upgrade({}, "heads")). Sorted by name.
    static QList<TableTimeline> tables(const MigrationOpsIndex& index,
                                       const MigrationPlan& upgradeToHeads);
    static QList<SchemaChange> compare(const Schema& a, const Schema& b);
    // "VARCHAR(8), nullable" / "INTEGER, not null, primary key" (SchemaChange's summaries).
    static QString describeColumn(const SchemaColumn& column);
};

// ---- what a downgrade destroys -----------------------------------------------------------

struct StepRisk
{
    enum class Kind
    {
        DataLoss,      // drops a table or a column, or narrows a type: its data is lost
        Irreversible,  // the downgrade is empty or raises: it cannot be undone this way
        Unknown,       // raw SQL or unread code: Retort cannot tell
    };
    Kind kind;
    qsizetype step = 0;   // index into MigrationPlan::steps
    QString revision;
    int line = 0;
    QString message;      // "Step 3 drops column `books.isbn`: its data is lost"
};

class MigrationRisks
{
    Q_DECLARE_TR_FUNCTIONS(MigrationRisks)
public:
    // For each step of `plan` (upgrade runs upgrade(), downgrade runs downgrade()), what it
    // destroys or cannot undo.
    static QList<StepRisk> forPlan(const MigrationPlan& plan, const MigrationOpsIndex& index);
    // True when a downgrade plan passes through a step whose downgrade is empty or raises
    // (asks for a second confirmation).
    static bool passesIrreversible(const QList<StepRisk>& risks);
    // Lint warnings (Diagnostic::warning, with path, line and revision): empty downgrade,
    // downgrade that raises, downgrade that does not undo the upgrade (created table or added
    // column not dropped, rename not reversed), data-destroying ops in either direction.
    static Diagnostics lint(const RevisionGraph& graph, const MigrationOpsIndex& index);
};

} // namespace retort
