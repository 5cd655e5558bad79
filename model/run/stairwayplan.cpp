#include "model/run/stairwayplan.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

namespace retort {

namespace {

QString directionWord(MigrationStep::Direction direction)
{
    return direction == MigrationStep::Direction::Upgrade ? QStringLiteral("upgrade")
                                                          : QStringLiteral("downgrade");
}

} // namespace

QStringList StairwayCommand::arguments() const
{
    return {directionWord(command.direction), command.target};
}

QList<QStringList> StairwayPlan::sequence() const
{
    QList<QStringList> out;
    out.reserve(commands.size());
    for (const StairwayCommand& c : commands)
        out << c.arguments();
    return out;
}

StairwayPlanner::StairwayPlanner(std::shared_ptr<const RevisionGraph> graph,
                                 std::shared_ptr<const MigrationPlanner> planner)
    : m_graph(std::move(graph)), m_planner(std::move(planner))
{
}

Result<StairwayPlan> StairwayPlanner::plan() const
{
    const Result<MigrationPlan> walk = m_planner->upgrade({}, QStringLiteral("heads"));
    if (!walk)
        return Failure{tr("Alembic cannot plan `upgrade heads` from an empty database: %1")
                           .arg(walk.error())};
    const EnvironmentPlanner environments(m_graph, m_planner);

    StairwayPlan plan;
    plan.revisions = walk->revisions();
    plan.endRows = walk->endHeads;
    for (qsizetype i = 0; i < walk->steps.size(); ++i) {
        const QString revision = walk->steps.at(i).revision;
        const QStringList before = walk->rowsBefore(i);
        const QStringList after = walk->rowsAfter(i);

        // `upgrade r` from the rows before r: its ancestors are applied (the walk's order
        // puts them first), so it must run r alone.
        const Result<MigrationPlan> up = m_planner->upgrade(before, revision);
        if (!up)
            return Failure{tr("Cannot plan `upgrade %1` from %2: %3")
                               .arg(revision, before.join(QStringLiteral(", ")), up.error())};
        if (up->revisions() != QStringList{revision} || up->endHeads != after)
            return Failure{tr("`upgrade %1` would run %2 instead of %1 alone; the stairway "
                              "cannot check this revision by itself.")
                               .arg(revision, up->revisions().join(QStringLiteral(", ")))};

        const Result<QList<EnvironmentCommand>> down = environments.commandsTo(after, before);
        if (!down)
            return Failure{tr("No downgrade takes the database from %1 back to %2 (removing "
                              "%3 alone): %4")
                               .arg(after.join(QStringLiteral(", ")),
                                    before.isEmpty() ? tr("base") : before.join(QStringLiteral(", ")),
                                    revision, down.error())};
        if (down->size() != 1 ||
            down->first().direction != MigrationStep::Direction::Downgrade ||
            down->first().plan.revisions() != QStringList{revision})
            return Failure{tr("No single downgrade removes %1 alone (the planner found %n "
                              "command(s)); the stairway cannot check this revision by itself.",
                              nullptr, int(down->size()))
                               .arg(revision)};

        const int index = int(i);
        const EnvironmentCommand upgrade{MigrationStep::Direction::Upgrade, revision, *up};
        plan.commands << StairwayCommand{StairwayCommand::Phase::Upgrade, index, upgrade}
                      << StairwayCommand{StairwayCommand::Phase::Downgrade, index, down->first()}
                      << StairwayCommand{StairwayCommand::Phase::UpgradeAgain, index, upgrade};
    }
    return plan;
}

} // namespace retort
