// MigrationPlanner::stamp: the version rows `alembic stamp` leaves.
//
// The graphs and expectations of the stamp tests in alembic's own
// tests/test_version_traversal.py (the 13 `test_stamp_*` cases), restated as "rows before,
// destination -> rows after"; the demo project's case that the stamp dialog used to get wrong;
// and the refusals. tst_differential_plans checks many more cases against the real alembic.
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/project/projectloader.h"

#include "support/testrevisions.h"

#include <QTest>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

namespace {

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

// a -> b -> c -> d -> e
std::shared_ptr<const RevisionGraph> linear()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"),
                                 rev("e", "d")});
}

// a -> b -> c1 (c1branch) -> d1, b -> c2 (c2branch) -> d2
std::shared_ptr<const RevisionGraph> branched()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c1", "b", "c1branch"),
                                 rev("d1", "c1"), rev("c2", "b", "c2branch"), rev("d2", "c2")});
}

// lib1: a1 -> b1 -> c1 -> d1 -> e1 -> f1; a2 -> b2 -> c2, c2 depends on c1
std::shared_ptr<const RevisionGraph> dependsOnBranch()
{
    return RevisionGraph::build({rev("a1", "", "lib1"), rev("b1", "a1"), rev("c1", "b1"),
                                 rev("a2"), rev("b2", "a2"), rev("c2", "b2", "", "c1"),
                                 rev("d1", "c1"), rev("e1", "d1"), rev("f1", "e1")});
}

// two trees: a1 -> b1, a2 -> b2
std::shared_ptr<const RevisionGraph> forest()
{
    return RevisionGraph::build({rev("a1"), rev("b1", "a1"), rev("a2"), rev("b2", "a2")});
}

// a -> b -> c1 -> d1, b -> c2 (c2branch) -> d2, d1 + d2 -> e -> f
std::shared_ptr<const RevisionGraph> merged()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
                                 rev("c2", "b", "c2branch"), rev("d2", "c2"), rev("e", "d1 d2"),
                                 rev("f", "e")});
}

} // namespace

class TestStampPlan : public QObject
{
    Q_OBJECT

private slots:
    void matchesAlembicsOwnTests_data();
    void matchesAlembicsOwnTests();
    void demoKeepsTheOtherBranch();
    void purgeStartsFromAnEmptyTable();
    void refusals();
};

void TestStampPlan::matchesAlembicsOwnTests_data()
{
    QTest::addColumn<int>("graph");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("destinations");
    QTest::addColumn<QStringList>("after");

    enum { Linear, Branched, DependsOn, Forest, Merged };
    // RevisionPathTest
    QTest::newRow("stamp_to_base") << int(Linear) << ids("d") << ids("base") << QStringList();
    // BranchedPathTest
    QTest::newRow("stamp_down_across_multiple_branch_to_branchpoint")
        << int(Branched) << ids("d1 c2") << ids("b") << ids("b");
    QTest::newRow("stamp_to_labeled_base_multiple_heads")
        << int(Branched) << ids("d1 c2") << ids("c1branch@base") << ids("c2");
    QTest::newRow("stamp_to_labeled_head_multiple_heads")
        << int(Branched) << ids("d1 c2") << ids("c2branch@head") << ids("d1 d2");
    // DependsOnBranchTestOne
    QTest::newRow("stamp_across_dependency")
        << int(DependsOn) << ids("e1 c2") << ids("b1") << ids("b1");
    // ForestTest
    QTest::newRow("stamp_to_heads") << int(Forest) << QStringList() << ids("heads")
                                    << ids("b1 b2");
    QTest::newRow("stamp_to_heads_no_moves_needed")
        << int(Forest) << ids("b1 b2") << ids("heads") << ids("b1 b2");
    // MergedPathTest
    QTest::newRow("stamp_down_across_merge_point_branch")
        << int(Merged) << ids("e") << ids("c2") << ids("c2");
    QTest::newRow("stamp_down_across_merge_prior_branching")
        << int(Merged) << ids("e") << ids("a") << ids("a");
    QTest::newRow("stamp_up_across_merge_from_single_branch")
        << int(Merged) << ids("c2") << ids("e") << ids("e");
    QTest::newRow("stamp_labeled_head_across_merge_from_multiple_branch")
        << int(Merged) << ids("d1 c2") << ids("c2branch@head") << ids("f");
    QTest::newRow("stamp_up_across_merge_from_multiple_branch")
        << int(Merged) << ids("d1 c2") << ids("e") << ids("e");
    QTest::newRow("stamp_up_across_merge_prior_branching")
        << int(Merged) << ids("b") << ids("e") << ids("e");
    // and a new branch: the destination shares no lineage with the rows
    QTest::newRow("new_branch") << int(Forest) << ids("b1") << ids("a2") << ids("a2 b1");
}

void TestStampPlan::matchesAlembicsOwnTests()
{
    QFETCH(int, graph);
    QFETCH(QStringList, before);
    QFETCH(QStringList, destinations);
    QFETCH(QStringList, after);
    const std::shared_ptr<const RevisionGraph> graphs[] = {linear(), branched(), dependsOnBranch(),
                                                           forest(), merged()};
    const RevisionGraph& g = *graphs[graph];
    QVERIFY(g.diagnostics().isEmpty());
    const Result<StampPlan> plan = MigrationPlanner(graphs[graph]).stamp(before, destinations);
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(plan->rowsAfter, sorted(after));
    QCOMPARE(plan->rowsBefore, before);
    // the changes add up
    QStringList rebuilt = before;
    for (const QString& r : plan->removedRows)
        rebuilt.removeOne(r);
    rebuilt << plan->addedRows;
    QCOMPARE(sorted(rebuilt), sorted(after));
}

void TestStampPlan::demoKeepsTheOtherBranch()
{
    // The bookshop demo with the main line and the reviews branch both applied: stamping
    // 1ff12e825ce1 (on the main line, below 3a7c6088155f) moves only that branch's row.
    const Result<LoadedProject> demo =
        ProjectLoader::load(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    const Result<StampPlan> plan = MigrationPlanner(demo->graph)
                                       .stamp(ids("3a7c6088155f 7658f94855d0"), ids("1ff12e825ce1"));
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(plan->rowsAfter, ids("1ff12e825ce1 7658f94855d0"));
    QCOMPARE(plan->removedRows, ids("3a7c6088155f"));
    QCOMPARE(plan->addedRows, ids("1ff12e825ce1"));
}

void TestStampPlan::purgeStartsFromAnEmptyTable()
{
    const auto g = branched();
    // a row with no script: only --purge gets past it
    const Result<StampPlan> refused = MigrationPlanner(g).stamp(ids("ghost0000"), ids("d1"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(), QStringLiteral("Can't locate revision identified by 'ghost0000'"));
    const Result<StampPlan> purged = MigrationPlanner(g).stamp(ids("ghost0000 d2"), ids("d1"), true);
    QVERIFY2(purged.ok(), qPrintable(purged.error()));
    QCOMPARE(purged->rowsAfter, ids("d1"));
    QCOMPARE(purged->removedRows, ids("d2 ghost0000"));
    const Result<StampPlan> purgedToBase = MigrationPlanner(g).stamp(ids("d2"), ids("base"), true);
    QVERIFY(purgedToBase.ok());
    QCOMPARE(purgedToBase->rowsAfter, QStringList());
}

void TestStampPlan::refusals()
{
    const auto g = branched();
    const MigrationPlanner planner(g);
    const Result<StampPlan> unknown = planner.stamp(ids("d1"), ids("zzzz"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error(), QStringLiteral("Can't locate revision identified by 'zzzz'"));
    const Result<StampPlan> ambiguous = planner.stamp({}, ids("head"));
    QVERIFY(!ambiguous.ok());
    QCOMPARE(ambiguous.error(),
             QStringLiteral("Multiple heads are present; please specify a single target revision"));
}

QTEST_GUILESS_MAIN(TestStampPlan)
#include "tst_stampplan.moc"
