// AlembicRunner upgrading and downgrading step by step on real PostgreSQL 15 and MariaDB
// servers that the test starts itself (tests/support/testservers.h). The project is
// generated with real tables (genproject.py --ops tables); its alembic.ini points at a SQLite
// placeholder and every run reaches the server through RunRequest::urlOverride, as a
// connection profile would. After each run the progress events must be the plan's steps and
// the version table (read through Qt SQL) the plan's end state.

#include "support/testfiles.h"
#include "support/alembicundertest.h"
#include "model/db/versiontablereader.h"
#include "model/graph/migrationplanner.h"
#include "model/project/projectloader.h"
#include "model/run/alembicrunner.h"
#include "support/testservers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <memory>

using namespace retort;
using namespace retort::test;

using retort::testsupport::copyTree;

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
    AlembicRules m_rules = AlembicRules::newest();
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
        const MigrationPlanner planner(m_graph, m_rules);
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
        // the alembic the runner starts (Debian 12's, or the newer one first on PYTHONPATH
        // in the @trixie / @sid runs) is the one the project was read for
        retort::test::AlembicUnderTest alembic;
        QVERIFY(retort::test::AlembicUnderTest::check(kPython, &alembic));
        QCOMPARE(project->alembic.rules.version().toString(), alembic.version);
        m_rules = project->alembic.rules;

        QElapsedTimer timer;
        timer.start();
        const QString pgError = m_servers->startPostgres();
        QVERIFY2(pgError.isEmpty(), qPrintable(pgError));
        for (const char* db : {"runner", "stopper"}) {
            const Run pg =
                m_servers->psql(QStringLiteral("postgres"),
                                QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(db)));
            QVERIFY2(pg.exitCode == 0, qPrintable(pg.describe() + readText(m_servers->pgLog())));
        }
        qInfo("PostgreSQL ready after %lld ms", qint64(timer.elapsed()));

        const QString myError = m_servers->startMariaDb();
        QVERIFY2(myError.isEmpty(), qPrintable(myError));
        const Run my = m_servers->mariadb(
            QStringLiteral("CREATE USER 'retort'@'localhost' IDENTIFIED BY '%1'; "
                           "GRANT ALL ON *.* TO 'retort'@'localhost'; CREATE DATABASE runner; "
                           "CREATE DATABASE stopper;")
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

    // Stopping a run in the middle of a step, after its DDL (tests/fixtures/runner_project,
    // whose migrations sleep when told to): what the runner's log says about it must be
    // what the database then holds. PostgreSQL rolls the whole run back (one transaction, as
    // env.py does not commit per migration); MariaDB keeps the finished steps and the
    // stopped step's table while the version table names the step before it.
    void stopMidStep_data()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }

    void stopMidStep()
    {
        QFETCH(QString, server);
        const QString project = m_servers->root() + QStringLiteral("/stop-") + server;
        QVERIFY(copyTree(QStringLiteral(RETORT_FIXTURES_DIR "/runner_project"), project));
        const QString url = server == QLatin1String("postgresql")
                                ? m_servers->pgUrl(QStringLiteral("stopper"))
                                : m_servers->myUrl(QStringLiteral("stopper"));

        AlembicRunner runner;
        runner.setStopGracePeriod(2000);
        QList<RunEvent> events;
        connect(&runner, &AlembicRunner::event, this, [&](const RunEvent& e) { events << e; });
        auto has = [&](RunEvent::Stream stream, const QString& text) {
            for (const RunEvent& e : std::as_const(events))
                if (e.kind == RunEvent::Kind::Output && e.stream == stream && e.text.contains(text))
                    return true;
            return false;
        };
        RunRequest r;
        r.command = {QStringLiteral("upgrade"), QStringLiteral("heads")};
        r.configPath = project + QStringLiteral("/alembic.ini");
        r.workingDirectory = project;
        r.interpreter = kPython;
        r.urlOverride = url;
        r.databaseKey = server;
        r.environment.insert(QStringLiteral("RETORT_SLEEP_AFTER_AT"), QStringLiteral("c3a"));
        runner.start(r);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return has(RunEvent::Stream::Stdout,
                                    QStringLiteral("sleeping after the DDL of c3a"));
                     },
                     120000),
                 "the migration did not reach its sleep");
        runner.stop(events.first().runId);
        QVERIFY(
            QTest::qWaitFor([&] { return events.last().kind == RunEvent::Kind::Finished; }, 15000));
        QCOMPARE(events.last().status, RunEvent::Status::Stopped);

        const DatabaseState state = VersionTableReader::readNow(url, project);
        QVERIFY2(state.isReadable(), qPrintable(state.error()));
        QString tables;
        if (server == QLatin1String("postgresql")) {
            QVERIFY(has(RunEvent::Stream::Runner, QStringLiteral("DDL as transactional")));
            QVERIFY(state.sortedCurrentRevisions().isEmpty()); // all rolled back
            const Run t = m_servers->psql(
                QStringLiteral("stopper"),
                QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename LIKE 't\\_%'"));
            QVERIFY2(t.exitCode == 0, qPrintable(t.describe()));
            QVERIFY2(t.out.contains(QLatin1String(" 0\n")), qPrintable(t.out));
        } else {
            QVERIFY(has(RunEvent::Stream::Runner, QStringLiteral("non-transactional")));
            QCOMPARE(state.sortedCurrentRevisions(), QStringList{QStringLiteral("c3b")});
            const Run t = m_servers->mariadb(QStringLiteral("SHOW TABLES FROM stopper"));
            QVERIFY2(t.exitCode == 0, qPrintable(t.describe()));
            QVERIFY2(t.out.contains(QLatin1String("t_c3a")), qPrintable(t.out)); // partly applied
        }
    }
};

QTEST_GUILESS_MAIN(TestRunnerServers)
#include "tst_runner_servers.moc"
