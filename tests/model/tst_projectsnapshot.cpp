// ProjectId (the one place that knows alembic's default `-n` section) and ProjectSnapshot,
// the value ProjectSession publishes once per load: its planner holds its graph.
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/project/projectid.h"
#include "model/project/projectsnapshot.h"

#include "../support/testrevisions.h"

#include <QTest>

using namespace retort;
using retort::test::ids;
using retort::test::rev;

class TestProjectSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void defaultSectionIsNormalisedOnce()
    {
        QCOMPARE(ProjectId::defaultSection(), QStringLiteral("alembic"));
        const ProjectId unnamed(QStringLiteral("/p/alembic.ini"));
        const ProjectId named(QStringLiteral("/p/alembic.ini"), QStringLiteral("alembic"));
        QCOMPARE(unnamed.section(), QStringLiteral("alembic"));
        QVERIFY(unnamed == named);
        QVERIFY(unnamed.hasDefaultSection());
        const ProjectId other(QStringLiteral("/p/alembic.ini"), QStringLiteral("reports"));
        QVERIFY(other != named);
        QVERIFY(!other.hasDefaultSection());
        QVERIFY(ProjectId::isDefaultSection(QString()));
        QVERIFY(!ProjectId::isDefaultSection(QStringLiteral("reports")));
        QVERIFY(ProjectId().isEmpty());
        QCOMPARE(ProjectId().section(), QStringLiteral("alembic"));
    }

    void plannerHoldsItsGraph()
    {
        // No custom deleter, no "the graph must outlive the planner": the planner shares it.
        auto graph = RevisionGraph::build({rev("a"), rev("b", "a")});
        const std::weak_ptr<const RevisionGraph> watch = graph;
        const MigrationPlanner planner(std::move(graph));
        QVERIFY(!watch.expired());
        const Result<MigrationPlan> plan = planner.upgrade({}, QStringLiteral("heads"));
        QVERIFY(plan);
        QCOMPARE(plan->revisions(), ids("a b"));
    }

    void snapshotRootFallsBackToTheConfigFolder()
    {
        ProjectSnapshot snapshot;
        QVERIFY(!snapshot.isLoaded());
        QCOMPARE(snapshot.root(), QString());
        snapshot.id = ProjectId(QStringLiteral("/work/p/alembic.ini"));
        QCOMPARE(snapshot.root(), QStringLiteral("/work/p"));
    }
};

QTEST_GUILESS_MAIN(TestProjectSnapshot)
#include "tst_projectsnapshot.moc"
