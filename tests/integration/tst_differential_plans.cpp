// Retort's plans against the real alembic (Debian's 1.8.1) on generated projects.
//
// For each generated project (branches, 2- and 3-parent merges, branch labels, depends_on)
// the test builds hundreds of (state, command, target) cases, asks alembic for all of them
// in one run of tests/fixtures/alembic_oracle.py (which stamps the SQLite version table to
// the state and runs the command for real), and requires MigrationPlanner to give the same
// steps in the same order, the same version rows afterwards, and to refuse exactly where
// alembic refuses (with alembic's text where alembic raises a CommandError).

#include "graph/migrationplanner.h"
#include "project/projectloader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

struct Case
{
    QStringList state;
    bool upgrade = true;
    QString target;
};

struct ProjectSpec
{
    int revisions;
    int seed;
    int labels;
    int depends;
    QStringList extra;
};

QString runPython(const QStringList& args, const QString& stdoutPath, QString* stdoutText)
{
    QProcess p;
    if (!stdoutPath.isEmpty())
        p.setStandardOutputFile(stdoutPath);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RETORT_TEST_PYTHON), args);
    if (!p.waitForFinished(600000))
        return QStringLiteral("python did not finish");
    if (stdoutText)
        *stdoutText = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("python failed: ") + QString::fromUtf8(p.readAllStandardError());
    return {};
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

QString describe(const Case& c)
{
    return QStringLiteral("%1 %2 from [%3]")
        .arg(c.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), c.target,
             c.state.join(QStringLiteral(", ")));
}

} // namespace

class TestDifferentialPlans : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plansMatchAlembic_data();
    void plansMatchAlembic();
    void cliPlanJson();
    void cleanupTestCase();

private:
    QList<Case> buildCases(const RevisionGraph& graph, quint32 seed) const;
    QString generate(const ProjectSpec& spec, const QString& name);

    QTemporaryDir m_dir;
    int m_totalCases = 0;
    int m_totalRefusals = 0;
    QString m_cliProject;
    QList<Case> m_cliCases;
    QJsonArray m_cliResults;
};

void TestDifferentialPlans::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFileInfo::exists(QStringLiteral(RETORT_TEST_PYTHON)))
        QSKIP("no /usr/bin/python3");
    QProcess probe;
    probe.start(QStringLiteral(RETORT_TEST_PYTHON),
                {QStringLiteral("-c"), QStringLiteral("import alembic, sqlalchemy")});
    probe.waitForFinished(60000);
    if (probe.exitCode() != 0)
        QSKIP("Debian's alembic is not importable by /usr/bin/python3");
}

QString TestDifferentialPlans::generate(const ProjectSpec& spec, const QString& name)
{
    const QString out = m_dir.filePath(name);
    QStringList args{QStringLiteral(RETORT_FIXTURES_DIR "/genproject.py"),
                     out,
                     QStringLiteral("--revisions"),
                     QString::number(spec.revisions),
                     QStringLiteral("--seed"),
                     QString::number(spec.seed),
                     QStringLiteral("--labels"),
                     QString::number(spec.labels),
                     QStringLiteral("--depends"),
                     QString::number(spec.depends)};
    args << spec.extra;
    const QString error = runPython(args, QString(), nullptr);
    if (!error.isEmpty())
        return error;
    return {};
}

QList<Case> TestDifferentialPlans::buildCases(const RevisionGraph& graph, quint32 seed) const
{
    QRandomGenerator rng(seed);
    const MigrationPlanner planner(graph);
    QStringList ids;
    for (const Revision& r : graph.revisions())
        ids << r.id;
    auto pick = [&](const QStringList& from) { return from.at(rng.bounded(int(from.size()))); };

    // States: base and positions reached by real upgrades (the planner's end rows; the
    // oracle checks those rows against alembic's for the same upgrade cases).
    QList<QStringList> states{QStringList()};
    auto addState = [&](const QStringList& s) {
        if (!states.contains(s))
            states << s;
    };
    for (const QString& h : graph.heads()) {
        const auto p = planner.upgrade({}, h);
        if (p)
            addState(p->endHeads);
    }
    for (int i = 0; i < 14; ++i) {
        const auto p = planner.upgrade({}, pick(ids));
        if (p)
            addState(p->endHeads);
    }
    for (int i = 0; i < 8 && states.size() > 1; ++i) {
        const QStringList from = states.at(1 + rng.bounded(int(states.size() - 1)));
        const auto p = planner.upgrade(from, pick(ids));
        if (p && !p->endHeads.isEmpty())
            addState(p->endHeads);
    }
    // a state in the order a database might return it: reversed
    for (int i = 0, n = int(states.size()); i < n; ++i)
        if (states.at(i).size() > 1) {
            QStringList rev = states.at(i);
            std::reverse(rev.begin(), rev.end());
            addState(rev);
            break;
        }

    // Targets
    QStringList targets{QStringLiteral("heads"),  QStringLiteral("head"), QStringLiteral("base"),
                        QStringLiteral("+1"),     QStringLiteral("+2"),   QStringLiteral("+3"),
                        QStringLiteral("-1"),     QStringLiteral("-2"),   QStringLiteral("-3"),
                        QStringLiteral("zzzzzz"), QStringLiteral("ab"),   QStringLiteral("+0")};
    targets << QStringLiteral("head+1") << QStringLiteral("head-1") << QStringLiteral("heads+1")
            << QStringLiteral("heads-1") << QStringLiteral("base+1") << QStringLiteral("base-1")
            << QStringLiteral("@head") << QStringLiteral("@-1") << QStringLiteral("base:heads")
            << QStringLiteral("nolabel@head") << QStringLiteral("nolabel@+1");
    for (int i = 0; i < 6; ++i) {
        const QString id = pick(ids);
        targets << id << id + QStringLiteral("+1") << id + QStringLiteral("-1")
                << id + QStringLiteral("+2") << id + QStringLiteral("-2");
        if (id.size() > 6)
            targets << id.left(6);
        targets << id.left(2);
    }
    // an ambiguous prefix, if there is one
    for (int i = 0; i + 1 < ids.size(); ++i) {
        int common = 0;
        while (common < ids.at(i).size() && common < ids.at(i + 1).size() &&
               ids.at(i).at(common) == ids.at(i + 1).at(common))
            ++common;
        if (common >= 4) {
            targets << ids.at(i).left(common);
            break;
        }
    }
    for (const QString& h : graph.heads())
        targets << h;
    for (const QString& label : graph.allBranchLabels()) {
        targets << label + QStringLiteral("@head") << label + QStringLiteral("@heads")
                << label + QStringLiteral("@base") << label + QStringLiteral("@+1")
                << label + QStringLiteral("@+2") << label + QStringLiteral("@-1")
                << label + QStringLiteral("@-2") << label;
        const QString id = pick(ids);
        targets << label + QLatin1Char('@') + id
                << label + QLatin1Char('@') + id + QStringLiteral("+1")
                << label + QLatin1Char('@') + id + QStringLiteral("-1")
                << label + QLatin1Char('@') + id + QStringLiteral("-2")
                << label + QLatin1Char('@') + id + QStringLiteral("+2")
                << label + QLatin1Char('@') + id.left(6);
    }
    targets.removeDuplicates();

    QList<Case> cases;
    for (const QStringList& state : std::as_const(states)) {
        // every state gets the symbolic targets; ids and labels are sampled
        for (int k = 0; k < targets.size(); ++k) {
            const bool always = k < 9;
            if (always || rng.bounded(100) < 16) {
                for (const bool up : {true, false}) {
                    if (always || rng.bounded(2) == 0)
                        cases << Case{state, up, targets.at(k)};
                }
            }
        }
    }
    return cases;
}

void TestDifferentialPlans::plansMatchAlembic_data()
{
    QTest::addColumn<int>("revisions");
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("labels");
    QTest::addColumn<int>("depends");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("branchy-30") << 30 << 3 << 3 << 3 << QStringList();
    QTest::newRow("branchy-45") << 45 << 11 << 4 << 5 << QStringList();
    QTest::newRow("merges-40") << 40 << 23 << 2 << 4
                               << QStringList{QStringLiteral("--merge-prob"), QStringLiteral("0.2"),
                                              QStringLiteral("--branch-prob"),
                                              QStringLiteral("0.2")};
    QTest::newRow("long-depends-35")
        << 35 << 5 << 3 << 2 << QStringList{QStringLiteral("--long-depends"), QStringLiteral("3")};
    QTest::newRow("words-30") << 30 << 41 << 3 << 3
                              << QStringList{QStringLiteral("--id-style"), QStringLiteral("words")};
    QTest::newRow("digits-30") << 30 << 42 << 3 << 3
                               << QStringList{QStringLiteral("--id-style"),
                                              QStringLiteral("digits")};
    QTest::newRow("linear-25") << 25 << 8 << 2 << 2 << QStringList{QStringLiteral("--linear")};
}

void TestDifferentialPlans::plansMatchAlembic()
{
    QFETCH(int, revisions);
    QFETCH(int, seed);
    QFETCH(int, labels);
    QFETCH(int, depends);
    QFETCH(QStringList, extra);

    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const QString error = generate(ProjectSpec{revisions, seed, labels, depends, extra}, name);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString ini = m_dir.filePath(name + QStringLiteral("/alembic.ini"));
    const Result<LoadedProject> project = ProjectLoader::load(ini);
    QVERIFY2(project.ok(), qPrintable(project.error()));
    const RevisionGraph& graph = *project->graph;
    QCOMPARE(graph.size(), revisions);

    const QList<Case> cases = buildCases(graph, quint32(seed) * 7919u + 17u);
    QJsonArray jsonCases;
    for (const Case& c : cases) {
        QJsonObject o;
        o.insert(QStringLiteral("state"), QJsonArray::fromStringList(c.state));
        o.insert(QStringLiteral("command"),
                 c.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"));
        o.insert(QStringLiteral("target"), c.target);
        jsonCases.append(o);
    }
    const QString casesPath = m_dir.filePath(name + QStringLiteral("-cases.json"));
    const QString resultsPath = m_dir.filePath(name + QStringLiteral("-results.json"));
    {
        QFile f(casesPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(jsonCases).toJson(QJsonDocument::Compact));
    }
    const QString oracleError =
        runPython({QStringLiteral(RETORT_FIXTURES_DIR "/alembic_oracle.py"), ini, casesPath},
                  resultsPath, nullptr);
    QVERIFY2(oracleError.isEmpty(), qPrintable(oracleError));
    QFile rf(resultsPath);
    QVERIFY(rf.open(QIODevice::ReadOnly));
    const QJsonArray results = QJsonDocument::fromJson(rf.readAll()).array();
    QCOMPARE(results.size(), cases.size());

    const MigrationPlanner planner(graph);
    int mismatches = 0, refusals = 0, withSteps = 0;
    QStringList report;
    for (int i = 0; i < cases.size(); ++i) {
        const Case& c = cases.at(i);
        const QJsonObject r = results.at(i).toObject();
        QStringList rows;
        for (const QJsonValue& v : r.value(QStringLiteral("rows")).toArray())
            rows << v.toString();
        QStringList expected;
        for (const QJsonValue& v : r.value(QStringLiteral("steps")).toArray())
            expected << v.toArray().at(0).toString() + QLatin1Char(' ') +
                            v.toArray().at(1).toString();
        const bool refused = !r.value(QStringLiteral("error")).isNull();
        const QString alembicError = r.value(QStringLiteral("error")).toString();
        const bool commandError = r.value(QStringLiteral("command_error")).toBool();

        const Result<MigrationPlan> plan = planner.plan(
            rows,
            c.upgrade ? MigrationStep::Direction::Upgrade : MigrationStep::Direction::Downgrade,
            c.target);
        if (!expected.isEmpty())
            ++withSteps;
        Case shown = c;
        shown.state = rows;
        QString problem;
        if (refused) {
            ++refusals;
            if (plan.ok())
                problem = QStringLiteral("alembic refuses (%1) but Retort plans [%2]")
                              .arg(alembicError, plan->revisions().join(QStringLiteral(", ")));
            else if (commandError && plan.error() != alembicError)
                problem = QStringLiteral("both refuse, different reasons:\n    alembic: %1\n"
                                         "    retort:  %2")
                              .arg(alembicError, plan.error());
        } else if (!plan.ok()) {
            problem = QStringLiteral("alembic runs [%1] but Retort refuses: %2")
                          .arg(expected.join(QStringLiteral(", ")), plan.error());
        } else {
            QStringList actual;
            for (const MigrationStep& s : plan->steps)
                actual << (s.direction == MigrationStep::Direction::Upgrade
                               ? QStringLiteral("upgrade ")
                               : QStringLiteral("downgrade ")) +
                              s.revision;
            QStringList after;
            for (const QJsonValue& v : r.value(QStringLiteral("after")).toArray())
                after << v.toString();
            if (actual != expected)
                problem = QStringLiteral("steps differ:\n    alembic: [%1]\n    retort:  [%2]")
                              .arg(expected.join(QStringLiteral(", ")),
                                   actual.join(QStringLiteral(", ")));
            else if (sorted(after) != plan->endHeads)
                problem = QStringLiteral("rows afterwards differ:\n    alembic: [%1]\n"
                                         "    retort:  [%2]")
                              .arg(sorted(after).join(QStringLiteral(", ")),
                                   plan->endHeads.join(QStringLiteral(", ")));
            else if (!plan->steps.isEmpty() &&
                     plan->rowsAfter(plan->steps.size() - 1) != plan->endHeads)
                problem = QStringLiteral("the steps' row changes do not add up to the rows "
                                         "afterwards: [%1]")
                              .arg(plan->rowsAfter(plan->steps.size() - 1)
                                       .join(QStringLiteral(", ")));
        }
        if (!problem.isEmpty()) {
            ++mismatches;
            if (report.size() < 25)
                report << QStringLiteral("  %1\n    %2").arg(describe(shown), problem);
        }
    }
    m_totalCases += int(cases.size());
    m_totalRefusals += refusals;
    qInfo("%s: %d cases (%d refused by alembic, %d running steps), %d mismatches", qPrintable(name),
          int(cases.size()), refusals, withSteps, mismatches);
    if (m_cliProject.isEmpty() && !cases.isEmpty()) {
        m_cliProject = ini;
        for (int i = 0; i < cases.size() && m_cliCases.size() < 6; i += 37) {
            m_cliCases << cases.at(i);
            m_cliCases.last().state.clear();
            for (const QJsonValue& v :
                 results.at(i).toObject().value(QStringLiteral("rows")).toArray())
                m_cliCases.last().state << v.toString();
            m_cliResults.append(results.at(i));
        }
    }
    QVERIFY2(mismatches == 0, qPrintable(QStringLiteral("%1 of %2 cases differ from alembic:\n%3")
                                             .arg(mismatches)
                                             .arg(cases.size())
                                             .arg(report.join(QLatin1Char('\n')))));
    QVERIFY(cases.size() >= 100);
}

void TestDifferentialPlans::cliPlanJson()
{
    if (m_cliProject.isEmpty())
        QSKIP("no project generated");
    if (!QFileInfo::exists(QStringLiteral(RETORT_CLI_PATH)))
        QSKIP("retort-cli is not built");
    for (int i = 0; i < m_cliCases.size(); ++i) {
        const Case& c = m_cliCases.at(i);
        const QJsonObject r = m_cliResults.at(i).toObject();
        QStringList args{QStringLiteral("-c"),
                         m_cliProject,
                         QStringLiteral("plan"),
                         c.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"),
                         c.target,
                         QStringLiteral("--json")};
        for (const QString& s : c.state)
            args << QStringLiteral("--current") << s;
        QProcess p;
        p.start(QStringLiteral(RETORT_CLI_PATH), args);
        QVERIFY(p.waitForFinished(60000));
        const bool refused = !r.value(QStringLiteral("error")).isNull();
        const QString stdErr = QString::fromUtf8(p.readAllStandardError());
        if (refused) {
            QVERIFY2(p.exitCode() == 1, qPrintable(describe(c) + QLatin1Char(' ') + stdErr));
            if (r.value(QStringLiteral("command_error")).toBool())
                QVERIFY2(stdErr.contains(r.value(QStringLiteral("error")).toString()),
                         qPrintable(stdErr));
            continue;
        }
        QVERIFY2(p.exitCode() == 0, qPrintable(describe(c) + QLatin1Char(' ') + stdErr));
        const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QJsonArray expected;
        for (const QJsonValue& v : r.value(QStringLiteral("steps")).toArray()) {
            QJsonObject o;
            o.insert(QStringLiteral("direction"), v.toArray().at(0));
            o.insert(QStringLiteral("revision"), v.toArray().at(1));
            expected.append(o);
        }
        QCOMPARE(out.value(QStringLiteral("steps")).toArray(), expected);
    }
}

void TestDifferentialPlans::cleanupTestCase()
{
    qInfo("differential plans: %d cases against alembic, %d of them refusals", m_totalCases,
          m_totalRefusals);
}

QTEST_GUILESS_MAIN(TestDifferentialPlans)
#include "tst_differential_plans.moc"
