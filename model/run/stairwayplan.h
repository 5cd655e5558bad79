#pragma once

#include "model/common/result.h"
#include "model/graph/environmentplan.h"
#include "model/graph/migrationplan.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <memory>

namespace retort {

class MigrationPlanner;
class RevisionGraph;

// One alembic command of a stairway and what it is there to prove.
struct StairwayCommand
{
    enum class Phase
    {
        Upgrade,     // `upgrade r`: runs exactly r
        Downgrade,   // a downgrade that removes exactly r
        UpgradeAgain // `upgrade r` once more: r's upgrade still works after its downgrade
    };

    Phase phase = Phase::Upgrade;
    int revisionIndex = 0;        // into StairwayPlan::revisions
    EnvironmentCommand command;   // direction, target as given to alembic, the planned steps

    MigrationStep::Direction direction() const { return command.direction; }
    // {"upgrade", TARGET} / {"downgrade", TARGET}: alembic's arguments after its global options.
    QStringList arguments() const;
};

// The walk: every revision in alembic's upgrade order from an empty database, each upgraded
// to, downgraded by exactly itself and upgraded again; three commands per revision.
struct StairwayPlan
{
    QStringList revisions;          // the order of `alembic upgrade heads` from base
    QList<StairwayCommand> commands; // 3 per revision, in order
    QStringList endRows;             // the version rows after the walk (the heads), sorted

    // What RunRequest::sequence takes.
    QList<QStringList> sequence() const;
    qsizetype commandCount() const { return commands.size(); }
};

// Plans a stairway without running anything. The revisions and the version rows around each
// come from MigrationPlanner::upgrade({}, "heads") (alembic's order: branch-aware, a merge
// after all its parents). For revision r at step i, `upgrade r` is checked to run exactly r
// from rowsBefore(i); the downgrade is EnvironmentPlanner::commandsTo(rowsAfter(i),
// rowsBefore(i)) and must be one downgrade command that runs exactly r. Anything else is a
// planning problem, reported with the revision, never guessed around.
class StairwayPlanner
{
    Q_DECLARE_TR_FUNCTIONS(retort::StairwayPlanner)

public:
    StairwayPlanner(std::shared_ptr<const RevisionGraph> graph,
                    std::shared_ptr<const MigrationPlanner> planner);

    Result<StairwayPlan> plan() const;

private:
    std::shared_ptr<const RevisionGraph> m_graph;
    std::shared_ptr<const MigrationPlanner> m_planner;
};

} // namespace retort
