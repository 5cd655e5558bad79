// RunRules: the rules of running alembic that used to live in the window's RunController —
// the command line, the refusals before planning, the plan or stamp with its rows, and the
// offline (--sql) range.
#include "model/db/databasestate.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/run/runrules.h"

#include "../support/testrevisions.h"

#include <QTest>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

namespace {

// a -> b -> c
std::shared_ptr<const RevisionGraph> linear()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "b")});
}

// a -> b1, a -> b2 (two heads)
std::shared_ptr<const RevisionGraph> forked()
{
    return RevisionGraph::build({rev("a"), rev("b1", "a"), rev("b2", "a")});
}

MigrationPlan planFrom(QStringList start, QStringList end,
                       MigrationStep::Direction direction = MigrationStep::Direction::Upgrade)
{
    MigrationPlan plan;
    plan.direction = direction;
    plan.startHeads = std::move(start);
    plan.endHeads = std::move(end);
    return plan;
}

} // namespace

class TestRunRules : public QObject
{
    Q_OBJECT

private slots:
    void commandLineQuotesArgumentsWithSpaces()
    {
        QCOMPARE(RunRules::commandLine({QStringLiteral("upgrade"), QStringLiteral("+1")}),
                 QStringLiteral("alembic upgrade +1"));
        QCOMPARE(RunRules::commandLine({QStringLiteral("upgrade"), QStringLiteral("my head")}),
                 QStringLiteral("alembic upgrade \"my head\""));
    }

    void oneKindGivesEachCommand()
    {
        QCOMPARE(RunRules::arguments(RunKind::Upgrade, QStringLiteral("heads")),
                 ids("upgrade heads"));
        QCOMPARE(RunRules::arguments(RunKind::Downgrade, QStringLiteral("-1")),
                 ids("downgrade -1"));
        QCOMPARE(RunRules::arguments(RunKind::Stamp, QStringLiteral("b")), ids("stamp b"));
        QCOMPARE(RunRules::arguments(RunKind::Stamp, QStringLiteral("b"), true),
                 ids("stamp --purge b"));
    }

    void refusesUnreadAndGhosts()
    {
        const auto graph = linear();
        QCOMPARE(RunRules::refusal(DatabaseState::failure(QStringLiteral("no such host"))),
                 RunRules::Refusal::NotRead);
        QCOMPARE(RunRules::refusal(DatabaseState::derive(*graph, ids("zz"))),
                 RunRules::Refusal::Ghosts);
        QCOMPARE(RunRules::refusal(DatabaseState::derive(*graph, ids("b"))),
                 RunRules::Refusal::None);
        QCOMPARE(RunRules::refusal(DatabaseState::atBase()), RunRules::Refusal::None);
    }

    void plansUpgradeWithRows()
    {
        const auto graph = linear();
        MigrationPlanner planner(graph);
        const DatabaseState state = DatabaseState::derive(*graph, ids("a"));
        Result<RunFacts> facts =
            RunRules::plan(planner, *graph, state, RunKind::Upgrade, QStringLiteral("+1"));
        QVERIFY2(facts, qPrintable(facts.error()));
        QCOMPARE(facts->arguments, ids("upgrade +1"));
        QCOMPARE(facts->plan.revisions(), ids("b"));
        QCOMPARE(facts->rowsBefore, ids("a"));
        QCOMPARE(facts->rowsAfter, ids("b"));
        QVERIFY(!facts->isNothingToRun());
        QCOMPARE(facts->sqlLimit, RunFacts::SqlLimit::None);
    }

    void nothingToRunAtTheTarget()
    {
        const auto graph = linear();
        MigrationPlanner planner(graph);
        Result<RunFacts> facts = RunRules::plan(planner, *graph,
                                                DatabaseState::derive(*graph, ids("c")),
                                                RunKind::Upgrade, QStringLiteral("heads"));
        QVERIFY(facts);
        QVERIFY(facts->isNothingToRun());
    }

    void refusedPlanFailsWithThePlannersReason()
    {
        const auto graph = linear();
        MigrationPlanner planner(graph);
        Result<RunFacts> facts = RunRules::plan(planner, *graph, DatabaseState::atBase(),
                                                RunKind::Downgrade, QStringLiteral("-1"));
        QVERIFY(!facts);
        QVERIFY(!facts.error().isEmpty());
    }

    void stampPurgesGhostsAndGivesRowsAfter()
    {
        const auto graph = linear();
        MigrationPlanner planner(graph);
        const DatabaseState ghost = DatabaseState::derive(*graph, ids("zz"));
        Result<RunFacts> facts =
            RunRules::plan(planner, *graph, ghost, RunKind::Stamp, QStringLiteral("b"));
        QVERIFY2(facts, qPrintable(facts.error()));
        QVERIFY(facts->purge);
        QCOMPARE(facts->arguments, ids("stamp --purge b"));
        QCOMPARE(facts->rowsBefore, ids("zz"));
        QCOMPARE(facts->rowsAfter, ids("b"));
        QVERIFY(facts->plan.isEmpty());
        QVERIFY(!facts->isNothingToRun()); // a stamp is always confirmed

        Result<RunFacts> clean = RunRules::plan(planner, *graph, DatabaseState::derive(*graph, ids("a")),
                                                RunKind::Stamp, QStringLiteral("c"));
        QVERIFY(clean);
        QVERIFY(!clean->purge);
        QCOMPARE(clean->arguments, ids("stamp c"));
        QCOMPARE(clean->rowsAfter, ids("c"));
    }

    void projectAlembicCannotLoadIsPlannedAsAStandIn()
    {
        // A plan alembic would refuse still reaches the confirmation when alembic cannot even
        // load the project: the confirmation leads with why, paths relative to the project.
        const auto graph = RevisionGraph::build(
            {rev("a"), rev("b", "a")},
            {Diagnostic::fatal(QStringLiteral("/p/versions/c.py"), 3,
                               QStringLiteral("SyntaxError")),
             Diagnostic::error(QStringLiteral("/p/versions/b.py"), 0,
                               QStringLiteral("computed down_revision"))});
        MigrationPlanner planner(graph);
        Result<RunFacts> facts =
            RunRules::plan(planner, *graph, DatabaseState::atBase(), RunKind::Downgrade,
                           QStringLiteral("-1"), QStringLiteral("/p"));
        QVERIFY2(facts, qPrintable(facts.error()));
        QVERIFY(facts->cannotLoad);
        QVERIFY(facts->plan.isEmpty());
        QVERIFY(!facts->isNothingToRun());
        QCOMPARE(facts->loadErrors, QStringList{QStringLiteral("versions/c.py:3: SyntaxError")});
        QCOMPARE(facts->unreadValues,
                 QStringList{QStringLiteral("versions/b.py: computed down_revision")});
    }

    void offlineSqlStartsFromOneRevision()
    {
        QCOMPARE(RunRules::sqlLimit(planFrom(ids("b1 b2"), ids("c"))),
                 RunFacts::SqlLimit::SeveralStarts);
        QCOMPARE(RunRules::sqlLimit(planFrom(ids("c"), ids("b1 b2"),
                                             MigrationStep::Direction::Downgrade)),
                 RunFacts::SqlLimit::SeveralEnds);
        QCOMPARE(RunRules::sqlLimit(planFrom({}, ids("b1 b2"))), RunFacts::SqlLimit::None);

        const auto graph = forked();
        MigrationPlanner planner(graph);
        Result<RunFacts> facts = RunRules::plan(planner, *graph,
                                                DatabaseState::derive(*graph, ids("b1 b2")),
                                                RunKind::Downgrade, QStringLiteral("a"));
        QVERIFY(facts);
        QCOMPARE(facts->sqlLimit, RunFacts::SqlLimit::SeveralStarts);
    }

    void offlineSqlRangeIsFromTo()
    {
        QCOMPARE(RunRules::offlineSqlArguments(planFrom(ids("a"), ids("c"))),
                 ids("upgrade a:c --sql"));
        QCOMPARE(RunRules::offlineSqlArguments(planFrom({}, ids("c"))), ids("upgrade c --sql"));
        QCOMPARE(RunRules::offlineSqlArguments(planFrom({}, ids("b1 b2"))),
                 ids("upgrade heads --sql"));
        QCOMPARE(RunRules::offlineSqlArguments(
                     planFrom(ids("c"), {}, MigrationStep::Direction::Downgrade)),
                 ids("downgrade c:base --sql"));
        QCOMPARE(RunRules::offlineSqlArguments(
                     planFrom(ids("c"), ids("a"), MigrationStep::Direction::Downgrade)),
                 ids("downgrade c:a --sql"));
        QVERIFY(RunRules::offlineSqlArguments(
                    planFrom({}, {}, MigrationStep::Direction::Downgrade))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunRules)
#include "tst_runrules.moc"
