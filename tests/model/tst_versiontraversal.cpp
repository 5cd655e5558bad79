// MigrationPlanner held to alembic's own traversal suite (tests/test_version_traversal.py):
// every step list, resulting heads and refusal its 71 tests assert, on their graphs, read
// from tests/data/version_traversal.json (tests/fixtures/version_traversal.py checks the same
// data against a real alembic). Each case runs under every alembic release it holds for:
// 1.8.1, 1.13.0, 1.13.1 (where #1373 changed the rows after an unmerge) and the newest.

#include "model/common/alembicrules.h"
#include "model/graph/migrationplanner.h"
#include "model/graph/revisiongraph.h"
#include "model/graph/targetresolver.h"
#include "model/graph/versionrows.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace retort;

namespace {

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

AlembicVersion versionOf(const QString& text)
{
    const std::optional<AlembicVersion> v = AlembicVersion::parse(text);
    return v ? *v : AlembicVersion{};
}

// The releases every case is planned for, where it holds.
QList<AlembicVersion> plannedVersions()
{
    return {{1, 8, 1}, {1, 13, 0}, {1, 13, 1}, AlembicRules::newest().version()};
}

// The case's "since" / "until" (inclusive) admit `version`.
bool holdsFor(const QJsonObject& c, AlembicVersion version)
{
    if (c.contains(QLatin1String("since"))
        && version < versionOf(c.value(QLatin1String("since")).toString()))
        return false;
    if (c.contains(QLatin1String("until"))
        && version > versionOf(c.value(QLatin1String("until")).toString()))
        return false;
    return true;
}

// One graph as alembic loads it from its files: each revision in `<id>_<name>.py`, loaded
// in file-name order (alembic >= 1.10; the data's ids make that the generation order too).
std::shared_ptr<const RevisionGraph> buildGraph(const QJsonArray& revisions)
{
    QList<Revision> list;
    QStringList files;
    for (const QJsonValue& value : revisions) {
        const QJsonObject r = value.toObject();
        Revision rev;
        rev.id = r.value(QLatin1String("id")).toString();
        rev.downRevisions = strings(r.value(QLatin1String("down")));
        rev.branchLabels = strings(r.value(QLatin1String("labels")));
        rev.dependsOn = strings(r.value(QLatin1String("dependsOn")));
        rev.message = r.value(QLatin1String("name")).toString();
        rev.path = rev.id + u'_' + rev.message + QStringLiteral(".py");
        files << rev.path;
        list << rev;
    }
    files.sort();
    for (Revision& rev : list)
        rev.loadOrder = int(files.indexOf(rev.path));
    return RevisionGraph::build(list);
}

} // namespace

class TestVersionTraversal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dataCoversTheSuite();
    void plans_data();
    void plans();
    void stamps_data();
    void stamps();
    void headMaintainerWalks_data();
    void headMaintainerWalks();

private:
    struct Case
    {
        QString graph;
        QJsonObject data;
    };
    // adds one row per (case of `direction`, version the case holds for)
    void addRows(const QStringList& directions) const;

    QHash<QString, std::shared_ptr<const RevisionGraph>> m_graphs;
    QList<Case> m_cases;
};

void TestVersionTraversal::initTestCase()
{
    const QString path = QFINDTESTDATA("../data/version_traversal.json");
    QVERIFY2(!path.isEmpty(), "tests/data/version_traversal.json not found");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    for (const QJsonValue& value : doc.object().value(QLatin1String("graphs")).toArray()) {
        const QJsonObject g = value.toObject();
        const QString name = g.value(QLatin1String("name")).toString();
        const auto graph = buildGraph(g.value(QLatin1String("revisions")).toArray());
        QVERIFY2(graph->diagnostics().isEmpty(), qPrintable(name));
        m_graphs.insert(name, graph);
        for (const QJsonValue& c : g.value(QLatin1String("cases")).toArray())
            m_cases.append({name, c.toObject()});
    }
}

// The data holds the whole suite: every test of alembic's file (71 in 16 classes), the
// #1373 cases once per side of the fix, and each case planned under the versions it holds for.
void TestVersionTraversal::dataCoversTheSuite()
{
    QCOMPARE(m_graphs.size(), 16);
    QSet<QString> tests;
    QHash<QString, int> byDirection;
    int since = 0;
    int until = 0;
    for (const Case& c : std::as_const(m_cases)) {
        QString name = c.data.value(QLatin1String("name")).toString();
        name = name.section(u'#', 0, 0).section(u' ', 0, 0);
        tests.insert(c.graph + u'.' + name);
        ++byDirection[c.data.value(QLatin1String("direction")).toString()];
        since += c.data.contains(QLatin1String("since")) ? 1 : 0;
        until += c.data.contains(QLatin1String("until")) ? 1 : 0;
    }
    QCOMPARE(tests.size(), 71);
    QCOMPARE(m_cases.size(), 92);
    QCOMPARE(byDirection.value(QStringLiteral("upgrade")), 27);
    QCOMPARE(byDirection.value(QStringLiteral("downgrade")), 49);
    QCOMPARE(byDirection.value(QStringLiteral("stamp")), 13);
    QCOMPARE(byDirection.value(QStringLiteral("apply")), 3);
    QCOMPARE(since, 2);
    QCOMPARE(until, 2);
    // the two sides of #1373 replace each other: 90 cases hold for any one release
    for (const AlembicVersion v : plannedVersions()) {
        const auto holding = std::count_if(m_cases.cbegin(), m_cases.cend(),
                                           [v](const Case& c) { return holdsFor(c.data, v); });
        QCOMPARE(holding, 90);
    }
}

void TestVersionTraversal::addRows(const QStringList& directions) const
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("version");
    for (const AlembicVersion v : plannedVersions()) {
        for (const Case& c : m_cases) {
            if (!directions.contains(c.data.value(QLatin1String("direction")).toString())
                || !holdsFor(c.data, v))
                continue;
            const QString row = v.toString() + u' ' + c.graph + u'/'
                                + c.data.value(QLatin1String("name")).toString();
            QTest::newRow(qPrintable(row)) << c.graph << c.data << v.toString();
        }
    }
}

void TestVersionTraversal::plans_data()
{
    addRows({QStringLiteral("upgrade"), QStringLiteral("downgrade")});
}

// _upgrade_revs / _downgrade_revs then HeadMaintainer, as the alembic test runs them: the
// steps in order (or the partial order the test checks), then the rows after the last step.
void TestVersionTraversal::plans()
{
    QFETCH(QString, graph);
    QFETCH(QJsonObject, data);
    QFETCH(QString, version);

    const MigrationPlanner planner(m_graphs.value(graph),
                                   AlembicRules::forVersion(versionOf(version)));
    const bool upgrade = data.value(QLatin1String("direction")).toString() == u"upgrade";
    const QString destination = data.value(QLatin1String("destination")).toString();
    const QStringList source = strings(data.value(QLatin1String("source")));
    const Result<MigrationPlan> plan =
        upgrade ? planner.upgrade(source, destination) : planner.downgrade(source, destination);

    if (data.contains(QLatin1String("refusal"))) {
        const QString refusal = data.value(QLatin1String("refusal")).toString();
        QVERIFY2(!plan.ok(), qPrintable(QStringLiteral("planned ")
                                        + (plan.ok() ? plan->revisions().join(u',') : QString())
                                        + QStringLiteral(", expected refusal: ") + refusal));
        // assert_raises_message searches the message for the text
        QVERIFY2(plan.error().contains(refusal),
                 qPrintable(QStringLiteral("refused with: ") + plan.error()));
        return;
    }
    QVERIFY2(plan.ok(), qPrintable(QStringLiteral("refused: ") + plan.error()));
    for (const MigrationStep& s : plan->steps)
        QCOMPARE(s.direction, upgrade ? MigrationStep::Direction::Upgrade
                                      : MigrationStep::Direction::Downgrade);
    const QStringList got = plan->revisions();
    if (data.contains(QLatin1String("steps"))) {
        QCOMPARE(got, strings(data.value(QLatin1String("steps"))));
    } else {
        QCOMPARE(sorted(got), sorted(strings(data.value(QLatin1String("stepSet")))));
        for (const QJsonValue& pair : data.value(QLatin1String("before")).toArray()) {
            const QStringList p = strings(pair);
            QVERIFY2(got.indexOf(p.at(0)) < got.indexOf(p.at(1)),
                     qPrintable(got.join(u',') + QStringLiteral(": ") + p.at(0)
                                + QStringLiteral(" not before ") + p.at(1)));
        }
    }
    if (!data.contains(QLatin1String("heads")))
        return; // the test checks the steps only
    const QStringList heads = sorted(strings(data.value(QLatin1String("heads"))));
    QCOMPARE(plan->endHeads, heads);
    QCOMPARE(plan->rowsAfter(plan->steps.size() - 1), heads);
}

void TestVersionTraversal::stamps_data()
{
    addRows({QStringLiteral("stamp")});
}

// _stamp_revs then HeadMaintainer: the test checks the StampSteps; the rows they leave are
// what the data states (and what tests/fixtures/version_traversal.py found them to leave).
void TestVersionTraversal::stamps()
{
    QFETCH(QString, graph);
    QFETCH(QJsonObject, data);
    QFETCH(QString, version);

    const MigrationPlanner planner(m_graphs.value(graph),
                                   AlembicRules::forVersion(versionOf(version)));
    const Result<StampPlan> stamp =
        planner.stamp(strings(data.value(QLatin1String("source"))),
                      {data.value(QLatin1String("destination")).toString()});
    QVERIFY2(stamp.ok(), qPrintable(QStringLiteral("refused: ") + stamp.error()));
    QCOMPARE(stamp->rowsAfter, sorted(strings(data.value(QLatin1String("heads")))));
}

void TestVersionTraversal::headMaintainerWalks_data()
{
    addRows({QStringLiteral("apply")});
}

// The tests that step HeadMaintainer through a given list of steps: the rows after each.
void TestVersionTraversal::headMaintainerWalks()
{
    QFETCH(QString, graph);
    QFETCH(QJsonObject, data);
    QFETCH(QString, version);

    const auto g = m_graphs.value(graph);
    const TargetResolver resolver(*g);
    const AlembicRules rules = AlembicRules::forVersion(versionOf(version));
    VersionRows rows(resolver, strings(data.value(QLatin1String("source"))), rules);
    const QJsonArray applied = data.value(QLatin1String("applied")).toArray();
    const QJsonArray after = data.value(QLatin1String("headsAfterEach")).toArray();
    QCOMPARE(applied.size(), after.size());
    for (qsizetype i = 0; i < applied.size(); ++i) {
        const QStringList step = strings(applied.at(i));
        const bool upgrade = step.at(0) == u"upgrade";
        MigrationStep s;
        s.direction =
            upgrade ? MigrationStep::Direction::Upgrade : MigrationStep::Direction::Downgrade;
        s.revision = step.at(1);
        const int rev = g->indexOf(step.at(1));
        QVERIFY(rev >= 0);
        const TargetResolver::Outcome<void> done = rows.apply(s, rev, upgrade);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(rows.sorted(), sorted(strings(after.at(i))));
    }
}

QTEST_GUILESS_MAIN(TestVersionTraversal)
#include "tst_versiontraversal.moc"
