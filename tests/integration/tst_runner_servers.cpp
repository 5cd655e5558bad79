// AlembicRunner upgrading and downgrading step by step on real PostgreSQL 15 and MariaDB
// servers that the test starts itself (tests/support/testservers.h). The project is
// generated with real tables (genproject.py --ops tables); its alembic.ini points at a SQLite
// placeholder and every run reaches the server through RunRequest::urlOverride, as a
// connection profile would. After each run the progress events must be the plan's steps and
// the version table (read through Qt SQL) the plan's end state.

#include "db/versiontablereader.h"
#include "graph/migrationplanner.h"
#include "project/projectloader.h"
#include "run/alembicrunner.h"
#include "support/testservers.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <memory>

using namespace retort;
using namespace retort::test;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

} // namespace

class TestRunnerServers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServers> m_servers;
    QString m_project;
    std::shared_ptr<const RevisionGraph> m_graph;
    QList<RunEvent> m_events;

    QString ini() const { return m_project + QStringLiteral("/alembic.ini"); }

    QString urlFor(const QString& server) const
    {
        return server == QLatin1String("postgresql") ? m_servers->pgUrl(QStringLiteral("runner"))
                                                     : m_servers->myUrl(QStringLiteral("runner"));
    }

    QStringList rows(const QString& url, QString* error) const
    {
        const DatabaseState s = VersionTableReader::readNow(url, m_project);
        if (!s.isReadable())
            *error = s.error();
        return s.sortedCurrentRevisions();
    }

    // One planned run through the runner; false when the planner refuses the target.
    bool runPlanned(AlembicRunner& runner, const QString& server, bool upgrade,
                    const QString& target, int* steps)
    {
        const QString url = urlFor(server);
        QString error;
        const QStringList before = rows(url, &error);
        [&] { QVERIFY2(error.isEmpty(), qPrintable(error)); }();
        const MigrationPlanner planner(*m_graph);
        const Result<MigrationPlan> plan =
            upgrade ? planner.upgrade(before, target) : planner.downgrade(before, target);
        if (!plan.ok())
            return false;

        RunRequest r;
        r.command = {upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), target};
        r.configPath = ini();
        r.workingDirectory = m_project;
        r.interpreter = kPython;
        r.urlOverride = url;
        r.databaseKey = server;
        r.plannedRevisions = plan->revisions();
        m_events.clear();
        const quint64 id = runner.start(r);
        const bool done = QTest::qWaitFor(
            [&] { return !m_events.isEmpty() && m_events.last().kind == RunEvent::Kind::Finished; },
            120000);
        [&] {
            QVERIFY2(done, "the run did not finish");
            QStringList log;
            QList<RunEvent> progress;
            for (const RunEvent& e : std::as_const(m_events)) {
                QCOMPARE(e.runId, id);
                log << e.text;
                if (e.kind == RunEvent::Kind::Progress)
                    progress << e;
                QVERIFY2(!e.text.contains(kPassword), qPrintable(e.text)); // URL never shown
            }
            const QString all = server + u' ' + target + u'\n' + log.join(u'\n');
            QVERIFY2(m_events.last().status == RunEvent::Status::Succeeded, qPrintable(all));
            QCOMPARE(progress.size(), plan->steps.size());
            for (int i = 0; i < progress.size(); ++i) {
                QCOMPARE(progress.at(i).revision, plan->steps.at(i).revision);
                QCOMPARE(progress.at(i).stepIndex, i + 1);
                QCOMPARE(progress.at(i).stepCount, int(plan->steps.size()));
                QCOMPARE(progress.at(i).upgrade, upgrade);
            }
            QString readError;
            QCOMPARE(rows(url, &readError), plan->endHeads);
            QVERIFY2(readError.isEmpty(), qPrintable(readError));
        }();
        *steps += int(plan->steps.size());
        return true;
    }

private slots:
    void initTestCase()
    {
        m_servers = std::make_unique<TestServers>(QStringLiteral("/tmp/retort-run-XXXXXX"));
        QVERIFY(m_servers->valid());

        m_project = m_servers->root() + QStringLiteral("/proj");
        const Run gen =
            run(kPython,
                {QStringLiteral(RETORT_FIXTURES_DIR) + QStringLiteral("/genproject.py"), m_project,
                 QStringLiteral("--revisions"), QStringLiteral("14"), QStringLiteral("--seed"),
                 QStringLiteral("5"), QStringLiteral("--linear"), QStringLiteral("--styles"),
                 QStringLiteral("typed"), QStringLiteral("--id-style"), QStringLiteral("hex"),
                 QStringLiteral("--ops"), QStringLiteral("tables"), QStringLiteral("--url"),
                 QStringLiteral("sqlite:///placeholder.db")});
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.describe()));
        const Result<LoadedProject> project = ProjectLoader::load(ini());
        QVERIFY2(project.ok(), qPrintable(project.error()));
        m_graph = project->graph;
        QCOMPARE(m_graph->size(), 14);

        QElapsedTimer timer;
        timer.start();
        const QString pgError = m_servers->startPostgres();
        QVERIFY2(pgError.isEmpty(), qPrintable(pgError));
        const Run pg =
            m_servers->psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE runner"));
        QVERIFY2(pg.exitCode == 0, qPrintable(pg.describe() + readText(m_servers->pgLog())));
        qInfo("PostgreSQL ready after %lld ms", qint64(timer.elapsed()));

        const QString myError = m_servers->startMariaDb();
        QVERIFY2(myError.isEmpty(), qPrintable(myError));
        const Run my = m_servers->mariadb(
            QStringLiteral("CREATE USER 'retort'@'localhost' IDENTIFIED BY '%1'; "
                           "GRANT ALL ON *.* TO 'retort'@'localhost'; CREATE DATABASE runner;")
                .arg(kPassword));
        QVERIFY2(my.exitCode == 0, qPrintable(my.describe() + readText(m_servers->myLog())));
        qInfo("MariaDB ready after %lld ms", qint64(timer.elapsed()));
    }

    void cleanupTestCase()
    {
        if (m_servers)
            m_servers->stop();
        m_servers.reset();
    }

    void stepByStep_data()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }

    void stepByStep()
    {
        QFETCH(QString, server);
        AlembicRunner runner;
        connect(&runner, &AlembicRunner::event, this, [this](const RunEvent& e) { m_events << e; });
        int steps = 0;

        // Up one step at a time while alembic can (a branch point makes "+1" ambiguous).
        int singleSteps = 0;
        while (singleSteps < 6 && runPlanned(runner, server, true, QStringLiteral("+1"), &steps)) {
            if (QTest::currentTestFailed())
                return;
            ++singleSteps;
        }
        QVERIFY2(singleSteps >= 3, qPrintable(QString::number(singleSteps)));
        QVERIFY(runPlanned(runner, server, true, QStringLiteral("heads"), &steps));
        if (QTest::currentTestFailed())
            return;
        QString error;
        QStringList heads = m_graph->heads();
        heads.sort();
        QCOMPARE(rows(urlFor(server), &error), heads);
        QCOMPARE(steps, 14);

        // Down again: one step at a time, then the rest.
        int downSteps = 0;
        while (downSteps < 3 && runPlanned(runner, server, false, QStringLiteral("-1"), &steps)) {
            if (QTest::currentTestFailed())
                return;
            ++downSteps;
        }
        QCOMPARE(downSteps, 3);
        QVERIFY(runPlanned(runner, server, false, QStringLiteral("base"), &steps));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(rows(urlFor(server), &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(steps, 28);

        // The ini's own database was never touched.
        QVERIFY(!QFileInfo::exists(m_project + QStringLiteral("/placeholder.db")));
    }
};

QTEST_GUILESS_MAIN(TestRunnerServers)
#include "tst_runner_servers.moc"
