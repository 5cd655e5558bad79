#include "model/run/runrules.h"

#include "model/db/databasestate.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

#include <QDir>

namespace retort::RunRules {

namespace {

using Direction = MigrationStep::Direction;

QString quoteArgument(const QString& argument)
{
    return argument.contains(u' ') ? u'"' + argument + u'"' : argument;
}

// "file:line: message", the file relative to `base`.
QString describe(const Diagnostic& d, const QString& base)
{
    QString where = d.path.isEmpty() ? QString() : QDir(base).relativeFilePath(d.path);
    if (d.line > 0)
        where += u':' + QString::number(d.line);
    return where.isEmpty() ? d.message : where + QStringLiteral(": ") + d.message;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

QString commandLine(const QStringList& arguments)
{
    QStringList parts{QStringLiteral("alembic")};
    for (const QString& a : arguments)
        parts << quoteArgument(a);
    return parts.join(u' ');
}

QStringList arguments(RunKind kind, const QString& target, bool purge)
{
    switch (kind) {
    case RunKind::Upgrade:
        return {QStringLiteral("upgrade"), target};
    case RunKind::Downgrade:
        return {QStringLiteral("downgrade"), target};
    case RunKind::Stamp:
        break;
    }
    QStringList args{QStringLiteral("stamp")};
    if (purge)
        args << QStringLiteral("--purge");
    args << target;
    return args;
}

Refusal refusal(const DatabaseState& state)
{
    if (!state.isReadable())
        return Refusal::NotRead;
    if (!state.ghosts().isEmpty())
        return Refusal::Ghosts;
    return Refusal::None;
}

Result<RunFacts> plan(const MigrationPlanner& planner, const RevisionGraph& graph,
                      const DatabaseState& state, RunKind kind, const QString& target,
                      const QString& projectRoot)
{
    RunFacts facts;
    facts.kind = kind;
    // alembic loads every revision file before it runs anything
    for (const Diagnostic& d : alembicStoppers(graph.diagnostics()))
        facts.loadErrors << describe(d, projectRoot);
    for (const Diagnostic& d : unresolvedErrors(graph.diagnostics()))
        facts.unreadValues << describe(d, projectRoot);
    facts.cannotLoad = !facts.loadErrors.isEmpty();

    if (kind == RunKind::Stamp) {
        // A row that names no script makes alembic's stamp fail unless the table is emptied
        // first (--purge).
        facts.purge = !state.ghosts().isEmpty();
        Result<StampPlan> stamp = planner.stamp(state.currentRevisions(), {target}, facts.purge);
        if (!stamp && facts.cannotLoad) {
            StampPlan unchanged; // the confirmation leads with why alembic cannot load it
            unchanged.rowsBefore = state.currentRevisions();
            unchanged.rowsAfter = state.sortedCurrentRevisions();
            stamp = std::move(unchanged);
        }
        if (!stamp)
            return Result<RunFacts>::failure(stamp.error());
        facts.arguments = arguments(kind, target, facts.purge);
        facts.plan.startHeads = state.currentRevisions();
        facts.rowsBefore = sorted(state.currentRevisions());
        facts.rowsAfter = stamp->rowsAfter; // exactly what alembic's HeadMaintainer leaves
        facts.sqlLimit = sqlLimit(facts.plan);
        return facts;
    }

    const Direction direction = kind == RunKind::Downgrade ? Direction::Downgrade : Direction::Upgrade;
    Result<MigrationPlan> plan = planner.plan(state.currentRevisions(), direction, target);
    // Where alembic cannot even load the project, that comes first, whatever the plan.
    if (!plan && facts.cannotLoad) {
        MigrationPlan none;
        none.direction = direction;
        none.target = target;
        none.startHeads = state.currentRevisions();
        none.endHeads = state.sortedCurrentRevisions();
        plan = std::move(none);
    }
    if (!plan)
        return Result<RunFacts>::failure(plan.error());
    facts.arguments = arguments(kind, target);
    facts.plan = std::move(plan).value();
    facts.rowsBefore = sorted(facts.plan.startHeads);
    facts.rowsAfter = facts.plan.endHeads;
    facts.sqlLimit = sqlLimit(facts.plan);
    return facts;
}

RunFacts::SqlLimit sqlLimit(const MigrationPlan& plan)
{
    // alembic's offline mode starts from one revision (FROM:TO), never from several
    if (plan.startHeads.size() > 1)
        return RunFacts::SqlLimit::SeveralStarts;
    if (plan.endHeads.size() > 1 && plan.direction == Direction::Downgrade)
        return RunFacts::SqlLimit::SeveralEnds;
    return RunFacts::SqlLimit::None;
}

QStringList offlineSqlArguments(const MigrationPlan& plan)
{
    const bool upgrade = plan.direction == Direction::Upgrade;
    QString to;
    if (upgrade)
        to = plan.endHeads.size() == 1 ? plan.endHeads.first() : QStringLiteral("heads");
    else
        to = plan.endHeads.isEmpty() ? QStringLiteral("base") : plan.endHeads.first();
    const QString from = plan.startHeads.isEmpty() ? QString() : plan.startHeads.first();
    if (!upgrade && from.isEmpty())
        return {}; // nothing to downgrade from; the plan would have been empty
    // offline mode starts where the database really is (FROM), not at base
    const QString range = from.isEmpty() ? to : from + u':' + to;
    return {upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), range,
            QStringLiteral("--sql")};
}

} // namespace retort::RunRules
