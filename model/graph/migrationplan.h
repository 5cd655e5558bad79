#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

namespace retort {

// One revision script run by `alembic upgrade` / `alembic downgrade`, with the change it makes
// to the version table (as alembic's HeadMaintainer makes it): an UPDATE removes one row and
// adds one, an INSERT only adds, a DELETE only removes; an unmerge may add several. The whole
// table before or after a step is MigrationPlan::rowsBefore() / rowsAfter().
struct MigrationStep
{
    enum class Direction
    {
        Upgrade,
        Downgrade
    };

    Direction direction = Direction::Upgrade;
    QString revision;          // the revision applied (upgrade) or unapplied (downgrade)
    // Most steps change one row (an UPDATE), so the rows are kept inline: a plan of
    // thousands of steps then makes no allocation per step.
    using Rows = QVarLengthArray<QString, 1>;
    Rows removedRows; // version rows the step deletes (or updates away from)
    Rows addedRows;   // version rows the step inserts (or updates to)

    friend bool operator==(const MigrationStep&, const MigrationStep&) = default;
};

// The ordered steps alembic would run for one command from one database state.
struct MigrationPlan
{
    MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
    QString target;             // as given, e.g. "heads", "ae10@head", "-1"
    QList<MigrationStep> steps; // execution order
    QStringList startHeads;     // version rows before, in the order given
    QStringList endHeads;       // version rows after, sorted
    // Revisions among the steps whose depends_on alembic keeps in a Python set (two or more
    // after normalising, _normalize_depends_on): their parents' order, and so the order of
    // these steps, follows the interpreter's hash seed and may differ from run to run.
    QStringList orderVariesWith;

    bool isEmpty() const { return steps.isEmpty(); }
    // The version rows before / after step `index` (0-based), sorted. Derived from the
    // steps' changes on demand, so that a plan of thousands of steps does not carry a copy
    // of the table per step.
    QStringList rowsBefore(qsizetype index) const { return rowsAfterSteps(index); }
    QStringList rowsAfter(qsizetype index) const { return rowsAfterSteps(index + 1); }

    QStringList revisions() const
    {
        QStringList ids;
        for (const MigrationStep& s : steps)
            ids << s.revision;
        return ids;
    }

private:
    QStringList rowsAfterSteps(qsizetype count) const
    {
        QStringList rows = startHeads;
        for (qsizetype i = 0; i < count && i < steps.size(); ++i) {
            for (const QString& r : steps.at(i).removedRows)
                rows.removeOne(r);
            for (const QString& r : steps.at(i).addedRows)
                rows.append(r);
        }
        rows.sort();
        return rows;
    }
};

// What `alembic stamp` does to the version table: no script runs; rows are deleted, updated
// and inserted as alembic's HeadMaintainer does for each StampStep.
struct StampPlan
{
    QStringList destinations; // as given, e.g. {"ae10"}, {"heads"}, {"base"}
    bool purge = false;       // --purge: the table is emptied before stamping
    QStringList rowsBefore;   // version rows before, in the order given
    QStringList rowsAfter;    // version rows after, sorted
    QStringList removedRows;  // rows before that are gone after, sorted
    QStringList addedRows;    // rows after that were not there before, sorted
};

} // namespace retort
