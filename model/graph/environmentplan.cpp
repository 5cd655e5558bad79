#include "model/graph/environmentplan.h"

#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

#include <algorithm>

namespace retort {

namespace {

QStringList sorted(QStringList rows)
{
    rows.sort();
    rows.removeDuplicates();
    return rows;
}

// How good a candidate command is: it must remove (or add) something the destination wants
// changed; among those, one that touches nothing else beats one that does, then more
// progress beats less.
struct Score
{
    bool clean = false;
    qsizetype progress = 0;
    qsizetype collateral = 0;

    bool betterThan(const Score& other) const
    {
        if (clean != other.clean)
            return clean;
        if (progress != other.progress)
            return progress > other.progress;
        return collateral < other.collateral;
    }
};

} // namespace

EnvironmentPlanner::EnvironmentPlanner(std::shared_ptr<const RevisionGraph> graph,
                                       std::shared_ptr<const MigrationPlanner> planner)
    : m_graph(std::move(graph)), m_planner(std::move(planner))
{
}

QSet<QString> EnvironmentPlanner::applied(const QStringList& rows) const
{
    QSet<QString> ids;
    for (const QString& row : rows) {
        if (ids.contains(row))
            continue;
        ids.insert(row);
        ids.unite(m_graph->ancestors(row, /*includeDependencies=*/true));
    }
    return ids;
}

QString EnvironmentPlanner::unknownRow(const QStringList& rows) const
{
    for (const QString& row : rows)
        if (!m_graph->contains(row))
            return row;
    return {};
}

QStringList EnvironmentPlanner::inUpgradeOrder(const QSet<QString>& ids) const
{
    QStringList order;
    order.reserve(ids.size());
    const QStringList newestFirst = m_graph->topologicalOrderNewestFirst();
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        if (ids.contains(*it))
            order << *it;
    return order;
}

std::optional<EnvironmentCommand>
EnvironmentPlanner::nextDowngrade(const QStringList& rows, const QSet<QString>& keep,
                                  const QSet<QString>& extra) const
{
    // Targets that stop just below the revisions to remove: for each one whose own parents
    // are all kept, the branch-aware `REV@PARENT` (alembic drops only what lies on REV's
    // lineage), the plain parent, and base for a base revision.
    QStringList candidates;
    for (const QString& id : inUpgradeOrder(extra)) {
        const QStringList parents = m_graph->parents(id);
        bool lowest = true;
        for (const QString& p : parents)
            lowest = lowest && !extra.contains(p);
        if (!lowest)
            continue;
        if (parents.isEmpty()) {
            candidates << id + QStringLiteral("@base") << QStringLiteral("base");
            continue;
        }
        for (const QString& p : parents)
            candidates << id + u'@' + p;
        for (const QString& p : parents)
            candidates << p;
    }
    candidates << QStringLiteral("base");
    candidates.removeDuplicates();

    std::optional<EnvironmentCommand> best;
    Score bestScore;
    for (const QString& target : std::as_const(candidates)) {
        Result<MigrationPlan> plan = m_planner->downgrade(rows, target);
        if (!plan || plan->isEmpty())
            continue;
        Score score;
        for (const MigrationStep& step : std::as_const(plan->steps)) {
            if (extra.contains(step.revision))
                ++score.progress;
            else if (keep.contains(step.revision))
                ++score.collateral;
        }
        score.clean = score.collateral == 0;
        if (score.progress == 0)
            continue;
        if (!best || score.betterThan(bestScore)) {
            best = EnvironmentCommand{MigrationStep::Direction::Downgrade, target,
                                      std::move(plan).value()};
            bestScore = score;
        }
    }
    return best;
}

std::optional<EnvironmentCommand>
EnvironmentPlanner::nextUpgrade(const QStringList& rows, const QStringList& toRows,
                                const QSet<QString>& applied) const
{
    // One upgrade per destination row not applied yet: `upgrade ROW` applies it and whatever
    // of its ancestors is missing. Rows are taken in upgrade order, so an older branch comes
    // first, as a person would run them.
    QSet<QString> missing;
    for (const QString& row : toRows)
        if (!applied.contains(row))
            missing.insert(row);
    for (const QString& row : inUpgradeOrder(missing)) {
        Result<MigrationPlan> plan = m_planner->upgrade(rows, row);
        if (plan && !plan->isEmpty())
            return EnvironmentCommand{MigrationStep::Direction::Upgrade, row,
                                      std::move(plan).value()};
    }
    return std::nullopt;
}

Result<QList<EnvironmentCommand>> EnvironmentPlanner::commandsTo(const QStringList& fromRows,
                                                                 const QStringList& toRows) const
{
    if (const QString row = unknownRow(fromRows); !row.isEmpty())
        return Failure{tr("The version table holds “%1”, which no revision script defines.")
                           .arg(row)};
    if (const QString row = unknownRow(toRows); !row.isEmpty())
        return Failure{tr("“%1” is not a revision of this project.").arg(row)};

    const QStringList wanted = sorted(toRows);
    const QSet<QString> keep = applied(toRows);
    QList<EnvironmentCommand> commands;
    QStringList rows = fromRows;
    // Each command removes or adds at least one revision for good, except a downgrade that
    // had to take a kept revision with it; the bound only guards against a planner surprise.
    const qsizetype limit = 2 * (m_graph->size() + toRows.size()) + 4;
    while (sorted(rows) != wanted) {
        if (commands.size() > limit)
            return Failure{tr("No sequence of alembic commands was found that leaves exactly %1.")
                               .arg(wanted.join(QStringLiteral(", ")))};
        const QSet<QString> now = applied(rows);
        QSet<QString> extra = now;
        extra.subtract(keep);
        std::optional<EnvironmentCommand> next = !extra.isEmpty()
                                                     ? nextDowngrade(rows, keep, extra)
                                                     : nextUpgrade(rows, toRows, now);
        if (!next)
            return Failure{
                tr("No alembic command takes the version rows %1 towards %2.")
                    .arg(sorted(rows).join(QStringLiteral(", ")),
                         wanted.isEmpty() ? tr("base") : wanted.join(QStringLiteral(", ")))};
        rows = next->plan.endHeads;
        commands << std::move(*next);
    }
    return commands;
}

Result<EnvironmentComparison> EnvironmentPlanner::compare(const QStringList& rowsA,
                                                          const QStringList& rowsB) const
{
    Result<QList<EnvironmentCommand>> commands = commandsTo(rowsA, rowsB);
    if (!commands)
        return Failure{commands.error()};
    EnvironmentComparison comparison;
    comparison.rowsA = rowsA;
    comparison.rowsB = rowsB;
    const QSet<QString> a = applied(rowsA);
    const QSet<QString> b = applied(rowsB);
    comparison.onlyA = inUpgradeOrder(QSet<QString>(a).subtract(b));
    comparison.onlyB = inUpgradeOrder(QSet<QString>(b).subtract(a));
    comparison.commands = std::move(commands).value();
    return comparison;
}

} // namespace retort
