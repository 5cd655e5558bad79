// AlembicVersion parsing and the per-release rules (AlembicRules), including the one plan
// difference found inside the planner itself: alembic #1373, fixed in 1.13.1.
#include "model/common/alembicrules.h"
#include "model/graph/migrationplanner.h"

#include <QTest>

using namespace retort;

class TestAlembicRules : public QObject
{
    Q_OBJECT

private slots:
    void parsesVersions_data();
    void parsesVersions();
    void rulesByRelease();
    void unknownVersionsUseTheNearestRules();
    void unmergeThroughDependsOn_data();
    void unmergeThroughDependsOn();
};

void TestAlembicRules::parsesVersions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("version");
    QTest::newRow("plain") << "1.13.2" << true << "1.13.2";
    QTest::newRow("egg-info suffix") << "1.8.1.dev0" << true << "1.8.1";
    QTest::newRow("two numbers") << "1.9" << true << "1.9.0";
    QTest::newRow("release candidate") << "1.18.0rc1" << true << "1.18.0";
    QTest::newRow("leading space") << "  1.10.4\n" << true << "1.10.4";
    QTest::newRow("words") << "unknown" << false << "";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("one number") << "1" << false << "";
}

void TestAlembicRules::parsesVersions()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, version);
    const std::optional<AlembicVersion> v = AlembicVersion::parse(text);
    QCOMPARE(v.has_value(), ok);
    if (ok)
        QCOMPARE(v->toString(), version);
}

void TestAlembicRules::rulesByRelease()
{
    const AlembicRules old = AlembicRules::forVersion({1, 8, 1});
    QVERIFY(!old.loadsFilesSortedByName());
    QVERIFY(!old.readsSubfolders());
    QVERIFY(!old.unmergeDropsImpliedRows());
    QVERIFY(!old.hasCheckCommand());
    QVERIFY(AlembicRules::forVersion({1, 9, 4}).hasCheckCommand());
    QVERIFY(!AlembicRules::forVersion({1, 9, 4}).loadsFilesSortedByName());
    QVERIFY(AlembicRules::forVersion({1, 10, 0}).loadsFilesSortedByName());
    QVERIFY(AlembicRules::forVersion({1, 10, 0}).readsSubfolders());
    QVERIFY(!AlembicRules::forVersion({1, 13, 0}).unmergeDropsImpliedRows());
    QVERIFY(AlembicRules::forVersion({1, 13, 1}).unmergeDropsImpliedRows());
    QVERIFY(!AlembicRules::forVersion({1, 15, 2}).readsPyprojectToml());
    QVERIFY(AlembicRules::forVersion({1, 16, 0}).readsPyprojectToml());
    QVERIFY(!AlembicRules::forVersion({1, 17, 0}).refusesColonInIds());
    QVERIFY(AlembicRules::forVersion({1, 17, 1}).refusesColonInIds());
    // the newest rules are those of the newest proven release
    QCOMPARE(AlembicRules::newest().version(), AlembicRules::provenVersions().constLast());
    for (const AlembicVersion& v : AlembicRules::provenVersions())
        QVERIFY2(AlembicRules::forVersion(v).isKnown(), qPrintable(v.toString()));
    QCOMPARE(old.describe(), QStringLiteral("alembic 1.8.1"));
}

void TestAlembicRules::unknownVersionsUseTheNearestRules()
{
    const AlembicRules future = AlembicRules::forVersion({2, 0, 0});
    QVERIFY(!future.isKnown());
    QCOMPARE(future.rulesVersion(), AlembicRules::newestKnown());
    QVERIFY(future.loadsFilesSortedByName());
    QVERIFY(future.describe().contains(QStringLiteral("2.0.0")));
    QVERIFY(future.describe().contains(QStringLiteral("nearest")));

    const AlembicRules ancient = AlembicRules::forVersion({1, 4, 3});
    QVERIFY(!ancient.isKnown());
    QCOMPARE(ancient.rulesVersion(), AlembicRules::oldestKnown());
    QVERIFY(!ancient.loadsFilesSortedByName());
}

// a1; b1 (a base) depends on a1; m1 merges a1 and b1. Downgrading m1 to b1: alembic before
// 1.13.1 leaves the rows {a1, b1}, which it then refuses to upgrade from ("overlaps"); from
// 1.13.1 on it leaves {b1}. Both checked with the real 1.8.1, 1.13.2 and 1.18.4.
void TestAlembicRules::unmergeThroughDependsOn_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QStringList>("rowsAfter");
    QTest::newRow("1.8.1") << "1.8.1" << QStringList{QStringLiteral("a1"), QStringLiteral("b1")};
    QTest::newRow("1.13.0") << "1.13.0" << QStringList{QStringLiteral("a1"), QStringLiteral("b1")};
    QTest::newRow("1.13.1") << "1.13.1" << QStringList{QStringLiteral("b1")};
    QTest::newRow("1.18.4") << "1.18.4" << QStringList{QStringLiteral("b1")};
}

void TestAlembicRules::unmergeThroughDependsOn()
{
    QFETCH(QString, version);
    QFETCH(QStringList, rowsAfter);
    QList<Revision> revisions(3);
    revisions[0].id = QStringLiteral("a1");
    revisions[1].id = QStringLiteral("b1");
    revisions[1].dependsOn = {QStringLiteral("a1")};
    revisions[2].id = QStringLiteral("m1");
    revisions[2].downRevisions = {QStringLiteral("a1"), QStringLiteral("b1")};
    for (int i = 0; i < revisions.size(); ++i)
        revisions[i].loadOrder = i;
    const MigrationPlanner planner(RevisionGraph::build(revisions),
                                   AlembicRules::forVersion(*AlembicVersion::parse(version)));
    const Result<MigrationPlan> plan = planner.downgrade({QStringLiteral("m1")}, QStringLiteral("b1"));
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(plan->revisions(), QStringList{QStringLiteral("m1")});
    QStringList after = plan->endHeads;
    after.sort();
    QCOMPARE(after, rowsAfter);
}

QTEST_GUILESS_MAIN(TestAlembicRules)
#include "tst_alembicrules.moc"
