#pragma once

#include "model/common/result.h"
#include "model/graph/migrationplan.h"
#include "model/run/runkind.h"

#include <QString>
#include <QStringList>

namespace retort {

class DatabaseState;
class MigrationPlanner;
class RevisionGraph;

// What a confirmation shows about one command, as facts (the application words them): the
// arguments alembic runs with, the steps, the version rows before and after, what stops
// alembic from loading the project, and whether the offline mode (--sql) can preview it.
struct RunFacts
{
    // Why `alembic … --sql` cannot preview the plan (None: it can).
    enum class SqlLimit
    {
        None,
        SeveralStarts, // offline mode starts from one revision
        SeveralEnds    // offline mode downgrades to one revision
    };

    RunKind kind = RunKind::Upgrade;
    QStringList arguments; // alembic's, e.g. {"upgrade", "+1"}
    MigrationPlan plan;    // the steps (none for a stamp)
    QStringList rowsBefore; // sorted
    QStringList rowsAfter;  // sorted; for a stamp exactly what alembic's HeadMaintainer leaves
    bool purge = false;     // a stamp that empties the version table first (ghost rows)
    // Alembic cannot load the project: every command would fail (the plan may be a stand-in).
    bool cannotLoad = false;
    // "file:line: message" (relative to the project's folder) for each problem at which
    // alembic stops loading the project, and for each value Retort could not read though
    // alembic loads the files (the plan leaves those out).
    QStringList loadErrors;
    QStringList unreadValues;
    SqlLimit sqlLimit = SqlLimit::None;

    // Nothing would change and alembic can load the project: there is nothing to confirm.
    bool isNothingToRun() const { return kind != RunKind::Stamp && plan.isEmpty() && !cannotLoad; }
};

// The rules of running alembic, apart from any window: the command line, when an upgrade or
// downgrade is refused before planning, the plan or stamp and its rows, and the offline
// (--sql) range. Plain functions of plain values; tests/model/tst_runrules covers them.
namespace RunRules {

// Why an upgrade or downgrade cannot start from a database (None: it can).
enum class Refusal
{
    None,
    NotRead, // where it stands is not known (not read yet, or the read failed)
    Ghosts   // its version table names revisions that have no script
};

// "alembic upgrade +1": alembic's name, then the arguments, those with spaces in quotes.
QString commandLine(const QStringList& arguments);
// {"upgrade", target}, {"downgrade", target} or {"stamp", ["--purge",] target}.
QStringList arguments(RunKind kind, const QString& target, bool purge = false);
// Checked before an upgrade or downgrade is planned.
Refusal refusal(const DatabaseState& state);
// Plans `kind` to `target` from where `state` stands. A stamp purges when the table holds
// ghost rows (alembic's stamp fails on them otherwise). Where alembic cannot load the
// project, a plan it would refuse becomes an empty stand-in so the confirmation can say why.
// Fails with the planner's reason when alembic would refuse the command.
Result<RunFacts> plan(const MigrationPlanner& planner, const RevisionGraph& graph,
                      const DatabaseState& state, RunKind kind, const QString& target,
                      const QString& projectRoot = {});
// Why the offline mode cannot preview `plan`.
RunFacts::SqlLimit sqlLimit(const MigrationPlan& plan);
// The offline command that previews `plan`'s SQL: {"upgrade"|"downgrade", "FROM:TO", "--sql"},
// starting where the database really is (FROM), not at base. Empty when there is nothing to
// downgrade from.
QStringList offlineSqlArguments(const MigrationPlan& plan);

} // namespace RunRules

} // namespace retort
