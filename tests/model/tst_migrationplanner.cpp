// MigrationPlanner on hand-made DAGs: linear, branches, a 3-parent and a 2-parent merge,
// branch labels, depends_on, every target form and every refusal. The expected steps and
// messages were produced by alembic 1.8.1 itself (RevisionMap.iterate_revisions as
// ScriptDirectory._upgrade_revs / _downgrade_revs call it, under _catch_revision_errors) on
// the same graphs in the same load order; the 752 alembic cases are read from
// tests/data/migrationplanner_alembic.json, which tests/fixtures/gen_planner_expectations.py
// writes.

#include "model/graph/migrationplanner.h"

#include "plannertestgraphs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retort;
using retort::testgraphs::makeGraph;

namespace {

QStringList ids(const QStringList& list)
{
    return list;
}

QStringList rowList(const MigrationStep::Rows& rows)
{
    return QStringList(rows.begin(), rows.end());
}

} // namespace

class TestMigrationPlanner : public QObject
{
    Q_OBJECT

private slots:
    void alembicPlans_data();
    void alembicPlans();
    void versionRowsLinear();
    void versionRowsMergeAndUnmerge();
    void versionRowsDependsOn();
    void planCarriesTargetAndStart();
};

void TestMigrationPlanner::alembicPlans_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("ok");
    // ok: the revisions in execution order; refused: alembic's message (empty = alembic
    // fails internally, with no CommandError)
    QTest::addColumn<QStringList>("expected");

    // written by tests/fixtures/gen_planner_expectations.py planner
    const QString path = QFINDTESTDATA("../data/migrationplanner_alembic.json");
    QVERIFY2(!path.isEmpty(), "tests/data/migrationplanner_alembic.json not found");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray cases = doc.object().value(QStringLiteral("cases")).toArray();
    QVERIFY(!cases.isEmpty());
    const auto strings = [](const QJsonValue& v) {
        QStringList list;
        for (const QJsonValue& item : v.toArray())
            list << item.toString();
        return list;
    };
    for (const QJsonValue& value : cases) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString()))
            << c.value(QStringLiteral("graph")).toString()
            << c.value(QStringLiteral("upgrade")).toBool()
            << strings(c.value(QStringLiteral("current")))
            << c.value(QStringLiteral("target")).toString()
            << c.value(QStringLiteral("ok")).toBool()
            << strings(c.value(QStringLiteral("expected")));
    }
}

void TestMigrationPlanner::alembicPlans()
{
    QFETCH(QString, graph);
    QFETCH(bool, upgrade);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);

    const auto g = makeGraph(graph);
    const MigrationPlanner planner(g);
    const Result<MigrationPlan> plan =
        upgrade ? planner.upgrade(current, target) : planner.downgrade(current, target);
    QVERIFY2(plan.ok() == ok,
             qPrintable(plan.ok() ? QStringLiteral("planned ") + plan->revisions().join(u',')
                                  : QStringLiteral("refused: ") + plan.error()));
    if (ok) {
        QCOMPARE(plan->revisions(), expected);
        for (const MigrationStep& s : plan->steps)
            QCOMPARE(s.direction, upgrade ? MigrationStep::Direction::Upgrade
                                          : MigrationStep::Direction::Downgrade);
    } else if (!expected.isEmpty()) {
        QCOMPARE(plan.error(), expected.first());
    } else {
        QVERIFY(!plan.error().isEmpty());
    }
}

void TestMigrationPlanner::versionRowsLinear()
{
    const auto g = makeGraph(QStringLiteral("lin"));
    const MigrationPlanner planner(g);
    const auto up = planner.upgrade({}, QStringLiteral("+2"));
    QVERIFY(up.ok());
    QCOMPARE(up->steps.size(), 2);
    QCOMPARE(up->rowsBefore(0), QStringList());
    // from base the first step inserts, the next updates
    QCOMPARE(rowList(up->steps.at(0).removedRows), QStringList());
    QCOMPARE(rowList(up->steps.at(0).addedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(up->steps.at(1).removedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(up->steps.at(1).addedRows), QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(up->rowsAfter(0), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(up->rowsAfter(1), QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(up->endHeads, QStringList{QStringLiteral("bbbb0002")});

    const auto down = planner.downgrade({QStringLiteral("dddd0004")}, QStringLiteral("base"));
    QVERIFY(down.ok());
    QCOMPARE(down->revisions(), ids({QStringLiteral("dddd0004"), QStringLiteral("cccc0003"),
                                     QStringLiteral("bbbb0002"), QStringLiteral("aaaa0001")}));
    QCOMPARE(down->rowsAfter(down->steps.size() - 1), QStringList());
    // the last downgrade deletes the row
    QCOMPARE(rowList(down->steps.last().removedRows), QStringList{QStringLiteral("aaaa0001")});
    QCOMPARE(rowList(down->steps.last().addedRows), QStringList());
    QVERIFY(down->endHeads.isEmpty());
}

void TestMigrationPlanner::versionRowsMergeAndUnmerge()
{
    const auto g = makeGraph(QStringLiteral("g"));
    const MigrationPlanner planner(g);
    const QStringList three{QStringLiteral("e5000000"), QStringLiteral("f6000000"),
                            QStringLiteral("f6001000")};
    const auto merge = planner.upgrade(three, QStringLiteral("g7000000"));
    QVERIFY(merge.ok());
    QCOMPARE(merge->steps.size(), 1);
    QCOMPARE(merge->rowsBefore(0), three);
    QCOMPARE(merge->rowsAfter(0), QStringList{QStringLiteral("g7000000")});
    // the merge deletes two of the rows and updates the third to the merge revision
    QCOMPARE(rowList(merge->steps.first().addedRows), QStringList{QStringLiteral("g7000000")});
    QStringList removed = rowList(merge->steps.first().removedRows);
    removed.sort();
    QCOMPARE(removed, three);

    const auto unmerge =
        planner.downgrade({QStringLiteral("g7000000")}, QStringLiteral("d4000000"));
    QVERIFY(unmerge.ok());
    QCOMPARE(unmerge->steps.first().revision, QStringLiteral("g7000000"));
    QCOMPARE(unmerge->rowsAfter(0), three);
    QCOMPARE(rowList(unmerge->steps.first().removedRows), QStringList{QStringLiteral("g7000000")});
    QStringList added = rowList(unmerge->steps.first().addedRows);
    added.sort();
    QCOMPARE(added, three);
    QCOMPARE(unmerge->rowsAfter(unmerge->steps.size() - 1), unmerge->endHeads);
    QCOMPARE(unmerge->endHeads, ids({QStringLiteral("d4000000"), QStringLiteral("e5000000")}));

    const auto all = planner.upgrade({}, QStringLiteral("heads"));
    QVERIFY(all.ok());
    QCOMPARE(all->steps.size(), g->size());
    QCOMPARE(all->endHeads, ids({QStringLiteral("m1300000"), QStringLiteral("n1400000")}));
}

void TestMigrationPlanner::versionRowsDependsOn()
{
    const auto g = makeGraph(QStringLiteral("g"));
    const MigrationPlanner planner(g);
    // l12 depends on c3: upgrading to it from base applies c3's line first; l12 then merges
    // the rows of its down revision (k11) and of its dependency (c3) into one
    const auto p = planner.upgrade({}, QStringLiteral("l1200000"));
    QVERIFY(p.ok());
    QCOMPARE(p->revisions().last(), QStringLiteral("l1200000"));
    QVERIFY(p->revisions().contains(QStringLiteral("c3000000")));
    QVERIFY(p->revisions().indexOf(QStringLiteral("c3000000")) <
            p->revisions().indexOf(QStringLiteral("l1200000")));
    QCOMPARE(p->rowsBefore(p->steps.size() - 1),
             ids({QStringLiteral("c3000000"), QStringLiteral("k1100000")}));
    QCOMPARE(p->endHeads, QStringList{QStringLiteral("l1200000")});
}

void TestMigrationPlanner::planCarriesTargetAndStart()
{
    const auto g = makeGraph(QStringLiteral("lin"));
    const MigrationPlanner planner(g);
    const auto p = planner.downgrade({QStringLiteral("cccc0003")}, QStringLiteral("-1"));
    QVERIFY(p.ok());
    QCOMPARE(p->target, QStringLiteral("-1"));
    QCOMPARE(p->direction, MigrationStep::Direction::Downgrade);
    QCOMPARE(p->startHeads, QStringList{QStringLiteral("cccc0003")});
    QCOMPARE(p->endHeads, QStringList{QStringLiteral("bbbb0002")});
    QCOMPARE(p->steps.size(), 1);
    QCOMPARE(p->rowsBefore(0), QStringList{QStringLiteral("cccc0003")});

    // ranges are for --sql mode only
    const auto range = planner.upgrade({}, QStringLiteral("base:heads"));
    QVERIFY(!range.ok());
    QCOMPARE(range.error(), QStringLiteral("Range revision not allowed"));
    // "@-1" is not relative syntax: get_revisions walks down from heads carrying label ""
    const auto odd = planner.upgrade({QStringLiteral("bbbb0002")}, QStringLiteral("@-1"));
    QVERIFY(odd.ok());
    QVERIFY(odd->steps.isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrationPlanner)
#include "tst_migrationplanner.moc"
