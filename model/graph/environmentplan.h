#pragma once

#include "model/common/result.h"
#include "model/graph/migrationplan.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

class MigrationPlanner;
class RevisionGraph;

// One alembic command (`alembic upgrade|downgrade TARGET`) and the steps it runs from the
// rows before it (MigrationPlanner's plan of it).
struct EnvironmentCommand
{
    MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
    QString target; // as given to alembic
    MigrationPlan plan;

    bool isUpgrade() const { return direction == MigrationStep::Direction::Upgrade; }
};

// Two databases side by side: what each has applied that the other has not, and the commands
// that bring the first to where the second stands.
struct EnvironmentComparison
{
    QStringList rowsA;  // version rows of the first database, as given
    QStringList rowsB;  // ... of the second
    QStringList onlyA;  // applied in A and not in B, in alembic's upgrade order
    QStringList onlyB;  // applied in B and not in A, in alembic's upgrade order
    QList<EnvironmentCommand> commands; // A's rows to B's rows; empty when they are equal

    bool isInSync() const { return onlyA.isEmpty() && onlyB.isEmpty(); }
};

// Finds the alembic commands that move a database from one set of version rows to another.
// Alembic has no command for "make this database look like that one": a database on one
// branch that should be on another needs a downgrade and then one upgrade per row. The
// planner knows what each candidate command runs (it mirrors alembic's RevisionMap), so
// every command chosen here is checked by planning it from the rows the previous one leaves:
// the sequence is what alembic itself runs, and the last command leaves exactly the rows
// asked for.
//
// Downgrades prefer the branch-aware form `REV@PARENT` (alembic filters the revisions to drop
// to the lineage of REV, so a sibling branch applied beside it stays), then plain `PARENT`
// and `base`; a candidate that would remove a revision the destination keeps is taken only
// when no other makes progress (the upgrade that follows puts it back, and the plan says so
// by listing it twice).
class EnvironmentPlanner
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentPlanner)

public:
    EnvironmentPlanner(std::shared_ptr<const RevisionGraph> graph,
                       std::shared_ptr<const MigrationPlanner> planner);

    // The alembic commands, in order, that take a database whose version table holds
    // `fromRows` to exactly `toRows` (compared as sets), each checked with the planner.
    // Fails (with why) when a row names no revision or no such sequence is found.
    Result<QList<EnvironmentCommand>> commandsTo(const QStringList& fromRows,
                                                 const QStringList& toRows) const;

    // A and B compared: the revisions only one of them has, and commandsTo(rowsA, rowsB).
    Result<EnvironmentComparison> compare(const QStringList& rowsA,
                                          const QStringList& rowsB) const;

    // The revisions alembic counts as applied with `rows` in the version table: the rows and
    // all their ancestors, depends_on included.
    QSet<QString> applied(const QStringList& rows) const;

private:
    std::optional<EnvironmentCommand> nextDowngrade(const QStringList& rows,
                                                    const QSet<QString>& keep,
                                                    const QSet<QString>& extra) const;
    std::optional<EnvironmentCommand> nextUpgrade(const QStringList& rows,
                                                  const QStringList& toRows,
                                                  const QSet<QString>& applied) const;
    QStringList inUpgradeOrder(const QSet<QString>& ids) const;
    QString unknownRow(const QStringList& rows) const;

    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationPlanner> m_planner;
};

} // namespace retort
