// EnvironmentPlanner: the alembic commands that move a database from one set of version rows
// to another, and the comparison of two databases. Every command is checked here by planning
// it again from the rows the previous one left; tst_compare_alembic runs the same commands
// through the real alembic.
#include "model/graph/environmentplan.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"

#include "plannertestgraphs.h"
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

// a -> b -+- c1 -> d1
//         +- c2 -> d2 -> m (merge of d1 and d2)
std::shared_ptr<const RevisionGraph> forked()
{
    return RevisionGraph::build({rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
                                 rev("c2", "b"), rev("d2", "c2"), rev("m", "d1 d2")});
}

struct Fixture
{
    explicit Fixture(std::shared_ptr<const RevisionGraph> g)
        : graph(std::move(g)), planner(std::make_shared<MigrationPlanner>(graph)),
          environments(graph, planner)
    {
    }
    std::shared_ptr<const RevisionGraph> graph;
    std::shared_ptr<const MigrationPlanner> planner;
    EnvironmentPlanner environments;
};

// Every state alembic can leave: the heads of an ancestor-closed set. One revision, and two
// revisions neither of which is an ancestor of the other.
QList<QStringList> states(const RevisionGraph& graph)
{
    QList<QStringList> out{QStringList()};
    const QList<Revision>& revisions = graph.revisions();
    for (const Revision& r : revisions)
        out << QStringList{r.id};
    for (qsizetype i = 0; i < revisions.size(); ++i)
        for (qsizetype j = i + 1; j < revisions.size(); ++j) {
            const QString a = revisions.at(i).id, b = revisions.at(j).id;
            if (!graph.ancestors(a, true).contains(b) && !graph.ancestors(b, true).contains(a))
                out << QStringList{a, b};
        }
    return out;
}

} // namespace

class TestEnvironmentPlan : public QObject
{
    Q_OBJECT

private slots:
    void everyPairOfStatesIsJoined_data();
    void everyPairOfStatesIsJoined();
    void siblingBranchStaysOnADowngrade();
    void mergeIsUndoneOneStep();
    void comparisonListsBothSides();
    void unknownRowsAreRefused();
};

void TestEnvironmentPlan::everyPairOfStatesIsJoined_data()
{
    QTest::addColumn<QString>("graph");
    QTest::newRow("forked") << QStringLiteral("forked");
    QTest::newRow("alembic-shaped (labels, depends_on, 3-parent merge)") << QStringLiteral("g");
}

// For every pair of states the commands, replayed through the planner one after another,
// start where the previous one ended and end at exactly the destination's rows; every
// revision only the source has is downgraded and every one only the destination has is
// upgraded.
void TestEnvironmentPlan::everyPairOfStatesIsJoined()
{
    QFETCH(QString, graph);
    Fixture f(graph == QLatin1String("forked") ? forked() : testgraphs::makeGraph(graph));
    const QList<QStringList> all = states(*f.graph);
    QVERIFY(all.size() > 10);
    int pairs = 0;
    int roundTrips = 0; // pairs where a kept revision was downgraded and upgraded again
    for (const QStringList& from : all)
        for (const QStringList& to : all) {
            const QString what = from.join(u',') + QStringLiteral(" -> ") + to.join(u',');
            Result<EnvironmentComparison> c = f.environments.compare(from, to);
            QVERIFY2(c, qPrintable(what + QStringLiteral(": ") + c.error()));
            QStringList rows = from;
            QSet<QString> down, up;
            for (const EnvironmentCommand& command : std::as_const(c->commands)) {
                QCOMPARE(sorted(command.plan.startHeads), sorted(rows));
                Result<MigrationPlan> again = f.planner->plan(rows, command.direction, command.target);
                QVERIFY2(again, qPrintable(what));
                QCOMPARE(again->revisions(), command.plan.revisions());
                for (const QString& id : command.plan.revisions())
                    (command.isUpgrade() ? up : down).insert(id);
                rows = again->endHeads;
            }
            QVERIFY2(sorted(rows) == sorted(to), qPrintable(what));
            for (const QString& id : std::as_const(c->onlyA))
                QVERIFY2(down.contains(id), qPrintable(what + QStringLiteral(" keeps ") + id));
            for (const QString& id : std::as_const(c->onlyB))
                QVERIFY2(up.contains(id), qPrintable(what + QStringLiteral(" lacks ") + id));
            QCOMPARE(c->isInSync(), sorted(from) == sorted(to));
            QCOMPARE(c->commands.isEmpty(), sorted(from) == sorted(to));
            if (!(down & up).isEmpty())
                ++roundTrips;
            ++pairs;
        }
    qInfo("%d pairs of states joined, %d with a revision downgraded and upgraded again", pairs,
          roundTrips);
    // The branch-aware downgrade keeps what the destination has: no revision is run down and
    // up again on these graphs.
    QCOMPARE(roundTrips, 0);
}

// Two branches applied side by side; the destination lacks only the tip of one. A plain
// `downgrade d2`'s parent would take c2's lineage only, but `downgrade b` would drop both
// branches: the planner picks the branch-aware form that removes d2 alone.
void TestEnvironmentPlan::siblingBranchStaysOnADowngrade()
{
    Fixture f(forked());
    Result<QList<EnvironmentCommand>> commands = f.environments.commandsTo(ids("d1 d2"), ids("d1 c2"));
    QVERIFY2(commands, qPrintable(commands.error()));
    QCOMPARE(commands->size(), 1);
    QCOMPARE(commands->first().direction, MigrationStep::Direction::Downgrade);
    QCOMPARE(commands->first().plan.revisions(), ids("d2"));

    // Both tips away, back to the branch point: one downgrade drops the two branches.
    commands = f.environments.commandsTo(ids("d1 d2"), ids("b"));
    QVERIFY2(commands, qPrintable(commands.error()));
    QCOMPARE(commands->size(), 1);
    QCOMPARE(sorted(commands->first().plan.revisions()), ids("c1 c2 d1 d2"));

    // From one branch to the other: down to the branch point, then up the other side.
    commands = f.environments.commandsTo(ids("d1"), ids("d2"));
    QVERIFY2(commands, qPrintable(commands.error()));
    QCOMPARE(commands->size(), 2);
    QCOMPARE(commands->at(0).direction, MigrationStep::Direction::Downgrade);
    QCOMPARE(commands->at(0).plan.revisions(), ids("d1 c1"));
    QCOMPARE(commands->at(1).direction, MigrationStep::Direction::Upgrade);
    QCOMPARE(commands->at(1).target, QStringLiteral("d2"));
    QCOMPARE(commands->at(1).plan.revisions(), ids("c2 d2"));
}

// What the stairway needs at a merge: one downgrade that unapplies the merge only, leaving
// both parents as rows.
void TestEnvironmentPlan::mergeIsUndoneOneStep()
{
    Fixture f(forked());
    Result<QList<EnvironmentCommand>> commands = f.environments.commandsTo(ids("m"), ids("d1 d2"));
    QVERIFY2(commands, qPrintable(commands.error()));
    QCOMPARE(commands->size(), 1);
    QCOMPARE(commands->first().plan.revisions(), ids("m"));
    QCOMPARE(sorted(commands->first().plan.endHeads), ids("d1 d2"));
}

void TestEnvironmentPlan::comparisonListsBothSides()
{
    Fixture f(forked());
    Result<EnvironmentComparison> c = f.environments.compare(ids("d1"), ids("d2"));
    QVERIFY2(c, qPrintable(c.error()));
    QCOMPARE(c->onlyA, ids("c1 d1"));
    QCOMPARE(c->onlyB, ids("c2 d2"));
    QVERIFY(!c->isInSync());

    c = f.environments.compare({}, ids("m"));
    QVERIFY2(c, qPrintable(c.error()));
    QVERIFY(c->onlyA.isEmpty());
    QCOMPARE(c->onlyB.size(), 7);
    QCOMPARE(c->onlyB.first(), QStringLiteral("a"));
    QCOMPARE(c->onlyB.last(), QStringLiteral("m"));
    QCOMPARE(c->commands.size(), 1);
    QCOMPARE(c->commands.first().target, QStringLiteral("m"));

    c = f.environments.compare(ids("c1 d2"), ids("d2 c1"));
    QVERIFY2(c, qPrintable(c.error()));
    QVERIFY(c->isInSync());
    QVERIFY(c->commands.isEmpty());
}

void TestEnvironmentPlan::unknownRowsAreRefused()
{
    Fixture f(forked());
    Result<QList<EnvironmentCommand>> commands = f.environments.commandsTo(ids("ghost"), ids("d1"));
    QVERIFY(!commands);
    QVERIFY(commands.error().contains(QLatin1String("ghost")));
    commands = f.environments.commandsTo(ids("d1"), ids("nowhere"));
    QVERIFY(!commands);
    QVERIFY(commands.error().contains(QLatin1String("nowhere")));
}

QTEST_APPLESS_MAIN(TestEnvironmentPlan)
#include "tst_environmentplan.moc"
