// AlembicRunner against the real alembic (Debian's, through /usr/bin/python3) on SQLite.
//
// The project is tests/fixtures/runner_project, copied for each test:
//   a1 - b2 - c3a - d4 - e5       (d4 merges c3a and c3b)
//          `- c3b -'
// Its migrations fail, sleep, ignore SIGTERM or print awkward output when environment
// variables say so (migrations/retort_hooks.py); its env.py writes what reached it to a JSON
// file. Plans come from MigrationPlanner; the version table is read back after every run.

#include "support/testfiles.h"
#include "support/alembicundertest.h"
#include "model/db/versiontablereader.h"
#include "model/graph/migrationplanner.h"
#include "model/project/projectloader.h"
#include "model/run/alembicrunner.h"
#include "model/run/runcommand.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace retort;

using retort::testsupport::copyTree;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);
constexpr int kRunTimeoutMs = 60000;

QString describe(const QList<RunEvent>& events)
{
    QStringList lines;
    for (const RunEvent& e : events) {
        static const char* kinds[] = {"started", "output", "progress", "finished"};
        static const char* streams[] = {"out", "err", "runner"};
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(QLatin1String(kinds[int(e.kind)]), QLatin1String(streams[int(e.stream)]),
                          e.kind == RunEvent::Kind::Progress ? e.revision : QString(), e.text);
    }
    return lines.join(u'\n');
}

} // namespace

// A helper's failed QVERIFY only leaves the helper: stop the test there too.
#define RUN_PLANNED(upgrade, target)                                                               \
    do {                                                                                           \
        runPlanned(upgrade, QStringLiteral(target));                                               \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestAlembicRunner : public QObject
{
    Q_OBJECT

private:
    QString m_fixture = QStringLiteral(RETORT_FIXTURES_DIR "/runner_project");
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir; // this test's copy of the project
    std::shared_ptr<const RevisionGraph> m_graph;
    AlembicRules m_rules = AlembicRules::newest();
    std::unique_ptr<AlembicRunner> m_runner;
    QList<RunEvent> m_events;

    QString ini() const { return m_dir + QStringLiteral("/alembic.ini"); }

    RunRequest request(const QStringList& command) const
    {
        RunRequest r;
        r.command = command;
        r.configPath = ini();
        r.workingDirectory = m_dir;
        r.interpreter = kPython;
        r.databaseKey = QStringLiteral("ini");
        return r;
    }

    QList<RunEvent> eventsOf(quint64 id) const
    {
        QList<RunEvent> out;
        for (const RunEvent& e : m_events)
            if (e.runId == id)
                out << e;
        return out;
    }

    bool finished(quint64 id) const
    {
        for (const RunEvent& e : m_events)
            if (e.runId == id && e.kind == RunEvent::Kind::Finished)
                return true;
        return false;
    }

    bool waitFinished(quint64 id, int timeoutMs = kRunTimeoutMs)
    {
        return QTest::qWaitFor([&] { return finished(id); }, timeoutMs);
    }

    bool hasLine(quint64 id, RunEvent::Stream stream, const QString& text) const
    {
        for (const RunEvent& e : eventsOf(id))
            if (e.kind == RunEvent::Kind::Output && e.stream == stream && e.text.contains(text))
                return true;
        return false;
    }

    // Started first (unless it never started), exactly one Finished, last, and in time order.
    void checkShape(quint64 id, bool expectStarted = true)
    {
        const QList<RunEvent> ev = eventsOf(id);
        QVERIFY2(!ev.isEmpty(), "no events");
        QCOMPARE(ev.last().kind, RunEvent::Kind::Finished);
        if (ev.last().status == RunEvent::Status::Succeeded)
            QVERIFY2(ev.last().reason.isEmpty(), qPrintable(ev.last().reason));
        int finishedCount = 0, startedCount = 0;
        for (int i = 0; i < ev.size(); ++i) {
            finishedCount += ev.at(i).kind == RunEvent::Kind::Finished;
            startedCount += ev.at(i).kind == RunEvent::Kind::Started;
            QVERIFY(ev.at(i).timestamp.isValid());
            if (i > 0)
                QVERIFY(ev.at(i - 1).timestamp <= ev.at(i).timestamp);
            QVERIFY2(!ev.at(i).text.contains(QChar(0x1b)), qPrintable(ev.at(i).text));
        }
        QCOMPARE(finishedCount, 1);
        if (expectStarted) {
            QCOMPARE(startedCount, 1);
            QCOMPARE(ev.first().kind, RunEvent::Kind::Started);
        } else {
            QCOMPARE(startedCount, 0);
        }
    }

    RunEvent finishOf(quint64 id) const
    {
        const QList<RunEvent> ev = eventsOf(id);
        return ev.isEmpty() ? RunEvent{} : ev.last();
    }

    QList<RunEvent> progressOf(quint64 id) const
    {
        QList<RunEvent> out;
        for (const RunEvent& e : eventsOf(id))
            if (e.kind == RunEvent::Kind::Progress)
                out << e;
        return out;
    }

    // The version table of a SQLite file in the project; no file = at base.
    QStringList rows(const QString& file = QStringLiteral("runner.db")) const
    {
        if (!QFileInfo::exists(m_dir + u'/' + file))
            return {};
        const DatabaseState s =
            VersionTableReader::readNow(QStringLiteral("sqlite:///") + file, m_dir);
        if (!s.isReadable())
            return {QStringLiteral("<unreadable: %1>").arg(s.error())};
        return s.sortedCurrentRevisions();
    }

    QStringList tables(const QString& file = QStringLiteral("runner.db")) const
    {
        QProcess p;
        p.start(kPython, {QStringLiteral("-c"),
                          QStringLiteral("import sqlite3, sys\n"
                                         "c = sqlite3.connect(sys.argv[1])\n"
                                         "print('\\n'.join(sorted(r[0] for r in c.execute("
                                         "\"SELECT name FROM sqlite_master WHERE type='table' "
                                         "AND name LIKE 't_%'\"))))"),
                          m_dir + u'/' + file});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    }

    // Runs one planned upgrade/downgrade and checks progress and the version table against
    // the plan.
    void runPlanned(bool upgrade, const QString& target)
    {
        const QStringList before = rows();
        const MigrationPlanner planner(m_graph, m_rules);
        const Result<MigrationPlan> plan =
            upgrade ? planner.upgrade(before, target) : planner.downgrade(before, target);
        QVERIFY2(plan.ok(), qPrintable(target + u' ' + plan.error()));
        QVERIFY2(!plan->isEmpty(), qPrintable(target));

        RunRequest r =
            request({upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), target});
        r.plannedRevisions = plan->revisions();
        const quint64 id = m_runner->start(r);
        QVERIFY(m_runner->isRunning(id));
        QVERIFY(m_runner->isBusy(QStringLiteral("ini")));
        QVERIFY(waitFinished(id));
        checkShape(id);
        const RunEvent end = finishOf(id);
        QVERIFY2(end.status == RunEvent::Status::Succeeded, qPrintable(describe(eventsOf(id))));
        QCOMPARE(end.exitCode, 0);
        QVERIFY(!m_runner->isRunning(id));
        QVERIFY(!m_runner->isBusy(QStringLiteral("ini")));

        const QList<RunEvent> progress = progressOf(id);
        QCOMPARE(progress.size(), plan->steps.size());
        for (int i = 0; i < progress.size(); ++i) {
            const RunEvent& p = progress.at(i);
            const MigrationStep& s = plan->steps.at(i);
            QCOMPARE(p.revision, s.revision);
            QCOMPARE(p.stepIndex, i + 1);
            QCOMPARE(p.stepCount, int(plan->steps.size()));
            QCOMPARE(p.upgrade, upgrade);
            // The revision the step is about is on the side alembic names for it.
            QVERIFY(upgrade ? p.toRevisions == QStringList{s.revision}
                            : p.fromRevisions == QStringList{s.revision});
        }
        QCOMPARE(rows(), plan->endHeads);
        for (const MigrationStep& s : plan->steps)
            QVERIFY2(
                hasLine(id, RunEvent::Stream::Stdout,
                        QStringLiteral("hook %1 %2")
                            .arg(upgrade ? QLatin1String("upgrade") : QLatin1String("downgrade"),
                                 s.revision)),
                qPrintable(describe(eventsOf(id))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(kPython).isExecutable(), qPrintable(kPython));
        const Result<LoadedProject> project =
            ProjectLoader::load(m_fixture + QStringLiteral("/alembic.ini"));
        QVERIFY2(project.ok(), qPrintable(project.error()));
        m_graph = project->graph;
        QCOMPARE(m_graph->size(), 6);
        // the alembic the runner starts (Debian 12's, or the newer one first on PYTHONPATH
        // in the @trixie / @sid runs) is the one the project was read for
        retort::test::AlembicUnderTest alembic;
        QVERIFY(retort::test::AlembicUnderTest::check(kPython, &alembic));
        QCOMPARE(project->alembic.rules.version().toString(), alembic.version);
        m_rules = project->alembic.rules;
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_dir = m_tmp->path() + QStringLiteral("/project");
        QVERIFY(copyTree(m_fixture, m_dir));
        m_events.clear();
        m_runner = std::make_unique<AlembicRunner>();
        connect(m_runner.get(), &AlembicRunner::event, this,
                [this](const RunEvent& e) { m_events << e; });
    }

    void cleanup()
    {
        m_runner.reset();
        m_tmp.reset();
    }

    void stepByStep()
    {
        QVERIFY(rows().isEmpty());
        RUN_PLANNED(true, "+1"); // a1
        QCOMPARE(rows(), QStringList{QStringLiteral("a1")});
        RUN_PLANNED(true, "+1");  // b2
        RUN_PLANNED(true, "c3a"); // one branch
        QCOMPARE(rows(), QStringList{QStringLiteral("c3a")});
        RUN_PLANNED(true, "d4"); // the other branch, then the merge
        RUN_PLANNED(true, "+1"); // e5
        QCOMPARE(rows(), QStringList{QStringLiteral("e5")});
        QCOMPARE(tables().size(), 6);

        RUN_PLANNED(false, "-1");  // e5
        RUN_PLANNED(false, "c3a"); // the merge only: c3b is no descendant of c3a
        QCOMPARE(rows(), (QStringList{QStringLiteral("c3a"), QStringLiteral("c3b")}));
        RUN_PLANNED(false, "b2"); // both branches
        QCOMPARE(rows(), QStringList{QStringLiteral("b2")});
        RUN_PLANNED(false, "-1"); // b2
        QCOMPARE(rows(), QStringList{QStringLiteral("a1")});
        RUN_PLANNED(false, "base");
        QVERIFY(rows().isEmpty());
        QVERIFY(tables().isEmpty());

        // alembic refuses "-1" from a merge (two ways down); so does the planner, and the run
        // fails without touching the database.
        RUN_PLANNED(true, "heads");
        RUN_PLANNED(false, "-1");
        QVERIFY(!MigrationPlanner(m_graph, m_rules).downgrade(rows(), QStringLiteral("-1")).ok());
        const quint64 id =
            m_runner->start(request({QStringLiteral("downgrade"), QStringLiteral("-1")}));
        QVERIFY(waitFinished(id));
        QCOMPARE(finishOf(id).status, RunEvent::Status::Failed);
        QVERIFY2(hasLine(id, RunEvent::Stream::Stderr, QStringLiteral("Ambiguous walk")),
                 qPrintable(describe(eventsOf(id))));
        QCOMPARE(rows(), QStringList{QStringLiteral("d4")});
    }

    void mergeStepsNameBothSides()
    {
        RUN_PLANNED(true, "d4");
        const QList<RunEvent> up = progressOf(m_events.last().runId);
        QCOMPARE(up.last().revision, QStringLiteral("d4"));
        QCOMPARE(up.last().fromRevisions,
                 (QStringList{QStringLiteral("c3a"), QStringLiteral("c3b")}));
        QCOMPARE(up.last().text, QStringLiteral("merge c3a and c3b"));
        QCOMPARE(up.first().revision, QStringLiteral("a1"));
        QVERIFY(up.first().fromRevisions.isEmpty()); // from base

        RUN_PLANNED(false, "c3a");
        const QList<RunEvent> down = progressOf(m_events.last().runId);
        QCOMPARE(down.size(), 1);
        QCOMPARE(down.first().revision, QStringLiteral("d4"));
        QCOMPARE(down.first().fromRevisions, QStringList{QStringLiteral("d4")});
        QCOMPARE(down.first().toRevisions,
                 (QStringList{QStringLiteral("c3a"), QStringLiteral("c3b")}));
        QCOMPARE(down.first().text, QStringLiteral("merge c3a and c3b"));
        QVERIFY(!down.first().upgrade);

        RUN_PLANNED(false, "a1");
        const QList<RunEvent> more = progressOf(m_events.last().runId);
        QCOMPARE(more.size(), 3); // c3a and c3b in the plan's order, then b2
        QCOMPARE(more.last().revision, QStringLiteral("b2"));
        QCOMPARE(more.last().toRevisions, QStringList{QStringLiteral("a1")});
        QCOMPARE(more.last().text, QStringLiteral("create b2"));
    }

    void wholeRunAndUnplannedProgress()
    {
        RUN_PLANNED(true, "heads");
        QCOMPARE(rows(), QStringList{QStringLiteral("e5")});
        RUN_PLANNED(false, "base");

        // Without a plan the steps still come, counted as unknown.
        const quint64 id =
            m_runner->start(request({QStringLiteral("upgrade"), QStringLiteral("b2")}));
        QVERIFY(waitFinished(id));
        const QList<RunEvent> progress = progressOf(id);
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.at(1).revision, QStringLiteral("b2"));
        QCOMPARE(progress.at(1).stepIndex, -1);
        QCOMPARE(progress.at(1).stepCount, 0);
    }

    void migrationRaises()
    {
        const MigrationPlanner planner(m_graph, m_rules);
        const Result<MigrationPlan> plan = planner.upgrade({}, QStringLiteral("heads"));
        QVERIFY(plan.ok());
        const QStringList planned = plan->revisions();
        const qsizetype failAt = planned.indexOf(QStringLiteral("c3a"));
        QVERIFY(failAt >= 2);

        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("heads")});
        r.plannedRevisions = planned;
        r.environment.insert(QStringLiteral("RETORT_FAIL_AT"), QStringLiteral("c3a"));
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id));
        checkShape(id);
        const RunEvent end = finishOf(id);
        QVERIFY2(end.status == RunEvent::Status::Failed, qPrintable(describe(eventsOf(id))));
        QVERIFY(end.exitCode != 0);
        QVERIFY2(end.text.contains(QStringLiteral("exited with code %1").arg(end.exitCode)),
                 qPrintable(end.text));
        // the Finished event carries alembic's own reason: the exception's line
        QCOMPARE(end.reason, QStringLiteral("RuntimeError: planned failure in c3a"));

        // Progress up to and including the step that raised.
        const QList<RunEvent> progress = progressOf(id);
        QCOMPARE(progress.size(), failAt + 1);
        QCOMPARE(progress.last().revision, QStringLiteral("c3a"));
        QCOMPARE(progress.last().stepIndex, int(failAt) + 1);

        // The traceback is an error, the INFO lines before it are not.
        bool sawTraceback = false, sawException = false, sawInfo = false;
        for (const RunEvent& e : eventsOf(id)) {
            if (e.kind != RunEvent::Kind::Output)
                continue;
            if (e.text.startsWith(QLatin1String("Traceback"))) {
                sawTraceback = true;
                QCOMPARE(e.level, RunEvent::Level::Error);
                QCOMPARE(e.stream, RunEvent::Stream::Stderr);
            }
            if (e.text.startsWith(QLatin1String("  File \"")))
                QCOMPARE(e.level, RunEvent::Level::Error);
            if (e.text == QLatin1String("RuntimeError: planned failure in c3a")) {
                sawException = true;
                QCOMPARE(e.level, RunEvent::Level::Error);
            }
            if (e.text.startsWith(QLatin1String("INFO  ["))) {
                sawInfo = true;
                QCOMPARE(e.level, RunEvent::Level::Info);
                QCOMPARE(e.stream, RunEvent::Stream::Stderr);
            }
        }
        QVERIFY(sawTraceback);
        QVERIFY(sawException);
        QVERIFY(sawInfo);

        // SQLite has no transactional DDL in alembic: each step commits on its own, so the
        // steps before the failure stay, the failed one left nothing.
        QCOMPARE(rows(), plan->rowsAfter(failAt - 1));
        const QStringList t = tables();
        QVERIFY2(!t.contains(QStringLiteral("t_c3a")), qPrintable(t.join(u' ')));
        for (qsizetype i = 0; i < failAt; ++i)
            QVERIFY2(t.contains(QStringLiteral("t_") + planned.at(i)), qPrintable(t.join(u' ')));
    }

    void stop_data()
    {
        QTest::addColumn<bool>("ignoresTerm");
        QTest::newRow("ends when asked") << false;
        QTest::newRow("killed after the grace period") << true;
    }

    void stop()
    {
        QFETCH(bool, ignoresTerm);
        const int grace = 1500;
        m_runner->setStopGracePeriod(grace);
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("heads")});
        r.environment.insert(QStringLiteral("RETORT_SLEEP_AT"), QStringLiteral("c3a"));
        r.environment.insert(QStringLiteral("RETORT_SLEEP_SECONDS"), QStringLiteral("120"));
        if (ignoresTerm)
            r.environment.insert(QStringLiteral("RETORT_IGNORE_TERM"), QStringLiteral("1"));
        const quint64 id = m_runner->start(r);
        // The line arrives while the process sleeps: output streams, it is not held to the end.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return hasLine(id, RunEvent::Stream::Stdout,
                                        QStringLiteral("sleeping in c3a"));
                     },
                     kRunTimeoutMs),
                 qPrintable(describe(eventsOf(id))));
        QVERIFY(!finished(id));

        QElapsedTimer t;
        t.start();
        m_runner->stop(id);
        m_runner->stop(id); // twice is harmless
        QVERIFY(waitFinished(id, grace + 10000));
        const qint64 took = t.elapsed();
        checkShape(id);
        const RunEvent end = finishOf(id);
        QVERIFY2(end.status == RunEvent::Status::Stopped, qPrintable(describe(eventsOf(id))));
        QVERIFY2(took < grace + 5000, qPrintable(QString::number(took)));
        if (ignoresTerm) {
            QVERIFY2(took >= grace - 100, qPrintable(QString::number(took)));
            QVERIFY2(end.text.contains(QLatin1String("killed")), qPrintable(end.text));
        } else {
            QVERIFY2(took < grace, qPrintable(QString::number(took)));
        }
        // What stopping means is said in the log.
        QVERIFY(hasLine(id, RunEvent::Stream::Runner, QStringLiteral("partly applied")));
        QVERIFY(hasLine(id, RunEvent::Stream::Runner, QStringLiteral("MariaDB")));
        QVERIFY(hasLine(id, RunEvent::Stream::Runner, QStringLiteral("version table")));
        // alembic said SQLite's DDL is non-transactional; the log says what that means.
        QVERIFY(hasLine(id, RunEvent::Stream::Runner, QStringLiteral("non-transactional")));
        QVERIFY(!m_runner->isBusy(QStringLiteral("ini")));

        // The steps before the one that slept are applied; the database is not locked.
        QCOMPARE(rows(), QStringList{QStringLiteral("c3b")});
        RUN_PLANNED(true, "heads");
    }

    // What the stop message claims for SQLite, checked: a step stopped after its DDL keeps
    // its table while the version table names the step before it.
    void stopAfterDdlOnSqlite()
    {
        m_runner->setStopGracePeriod(1500);
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("b2")});
        r.environment.insert(QStringLiteral("RETORT_SLEEP_AFTER_AT"), QStringLiteral("b2"));
        const quint64 id = m_runner->start(r);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return hasLine(id, RunEvent::Stream::Stdout,
                               QStringLiteral("sleeping after the DDL of b2"));
            },
            kRunTimeoutMs));
        m_runner->stop(id);
        QVERIFY(waitFinished(id, 10000));
        QCOMPARE(finishOf(id).status, RunEvent::Status::Stopped);
        QCOMPARE(rows(), QStringList{QStringLiteral("a1")});
        QVERIFY2(tables().contains(QStringLiteral("t_b2")), qPrintable(tables().join(u' ')));
    }

    // stop() right after start(): the worker sees the stop after it started the process.
    void stopAtOnce()
    {
        const quint64 id =
            m_runner->start(request({QStringLiteral("upgrade"), QStringLiteral("heads")}));
        m_runner->stop(id);
        QVERIFY(waitFinished(id, 15000));
        checkShape(id);
        const RunEvent end = finishOf(id);
        QVERIFY2(end.status == RunEvent::Status::Stopped, qPrintable(describe(eventsOf(id))));
        QVERIFY(!m_runner->isBusy(QStringLiteral("ini")));
        const QStringList after = rows();
        QVERIFY2(!after.contains(QStringLiteral("e5")), qPrintable(after.join(u' ')));
    }

    void missingAlembic()
    {
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("heads")});
        r.interpreter = m_dir + QStringLiteral("/no-such-python");
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id, 10000));
        checkShape(id, false);
        const RunEvent end = finishOf(id);
        QCOMPARE(end.status, RunEvent::Status::FailedToStart);
        QVERIFY2(end.text.contains(QLatin1String("does not exist")), qPrintable(end.text));
        QVERIFY2(end.text.contains(QLatin1String("Set the Python interpreter")),
                 qPrintable(end.text));
        QVERIFY(!m_runner->isBusy(QStringLiteral("ini")));
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/runner.db")));
    }

    void noAlembicAnywhere()
    {
        // No venv, no interpreter set, and a PATH without alembic.
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("heads")});
        r.interpreter.clear();
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(m_tmp->path()));
        const quint64 id = m_runner->start(r);
        const bool done = waitFinished(id, 10000);
        qputenv("PATH", oldPath);
        QVERIFY(done);
        checkShape(id, false);
        const RunEvent end = finishOf(id);
        QCOMPARE(end.status, RunEvent::Status::FailedToStart);
        QVERIFY2(end.text.contains(QLatin1String("alembic was not found")), qPrintable(end.text));
        QVERIFY2(end.text.contains(QLatin1String("Set the Python interpreter")),
                 qPrintable(end.text));
    }

    void missingWorkingDirectory()
    {
        RunRequest r = request({QStringLiteral("current")});
        r.workingDirectory = m_dir + QStringLiteral("/gone");
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id, 10000));
        checkShape(id, false);
        QCOMPARE(finishOf(id).status, RunEvent::Status::FailedToStart);
        QVERIFY2(finishOf(id).text.contains(r.workingDirectory), qPrintable(finishOf(id).text));
    }

    void interpreterThatCannotStart()
    {
        // Executable, but its #! names nothing: exec fails inside QProcess.
        const QString fake = m_dir + QStringLiteral("/broken-python");
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/nonexistent/retort/interpreter\n");
        }
        QVERIFY(
            QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        RunRequest r = request({QStringLiteral("current")});
        r.interpreter = fake;
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id, 10000));
        checkShape(id, false);
        QCOMPARE(finishOf(id).status, RunEvent::Status::FailedToStart);
        QVERIFY2(finishOf(id).text.contains(fake), qPrintable(finishOf(id).text));
    }

    void interpreterWithoutAlembic()
    {
        // Stands in for a Python that has no alembic: says what such a Python says.
        const QString fake = m_dir + QStringLiteral("/python-without-alembic");
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho \"$0: No module named alembic\" >&2\nexit 1\n");
        }
        QVERIFY(
            QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        RunRequest r = request({QStringLiteral("current")});
        r.interpreter = fake;
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id, 10000));
        checkShape(id);
        QCOMPARE(finishOf(id).status, RunEvent::Status::Failed);
        QCOMPARE(finishOf(id).exitCode, 1);
        QVERIFY(
            hasLine(id, RunEvent::Stream::Runner, QStringLiteral("Set the Python interpreter")));
    }

    void environmentAndXArguments()
    {
        const QString probe = m_tmp->path() + QStringLiteral("/probe.json");
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("a1")});
        r.environment.insert(QStringLiteral("RETORT_PROBE_FILE"), probe);
        r.environment.insert(QStringLiteral("RETORT_PROBE_VALUE"),
                             QStringLiteral("h\u00e9llo world"));
        r.xArguments = {QStringLiteral("tenant=acme"), QStringLiteral("note=two words")};
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id));
        checkShape(id);
        QVERIFY2(finishOf(id).status == RunEvent::Status::Succeeded,
                 qPrintable(describe(eventsOf(id))));
        QFile f(probe);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("probe")).toString(), QStringLiteral("h\u00e9llo world"));
        QCOMPARE(o.value(QStringLiteral("unbuffered")).toString(), QStringLiteral("1"));
        QCOMPARE(o.value(QStringLiteral("x")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("tenant=acme"), QStringLiteral("note=two words")}));
        QCOMPARE(o.value(QStringLiteral("url")).toString(),
                 QStringLiteral("sqlite:///") + m_dir + QStringLiteral("/runner.db"));
        QCOMPARE(QFileInfo(o.value(QStringLiteral("cwd")).toString()).canonicalFilePath(),
                 QFileInfo(m_dir).canonicalFilePath());
        QVERIFY(hasLine(id, RunEvent::Stream::Stdout,
                        QStringLiteral("env.py stdout: probe=h\u00e9llo world")));
        // The command line shown names the -x arguments.
        QVERIFY(eventsOf(id).first().text.contains(QLatin1String("-x tenant=acme")));
        QCOMPARE(rows(), QStringList{QStringLiteral("a1")});
    }

    void section()
    {
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("b2")});
        r.section = QStringLiteral("second");
        r.databaseKey = QStringLiteral("second");
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id));
        QVERIFY2(finishOf(id).status == RunEvent::Status::Succeeded,
                 qPrintable(describe(eventsOf(id))));
        QVERIFY(eventsOf(id).first().text.contains(QLatin1String("-n second")));
        QCOMPARE(rows(QStringLiteral("second.db")), QStringList{QStringLiteral("b2")});
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/runner.db")));
    }

    void urlOverride()
    {
        // A '%' in the URL must survive configparser's interpolation.
        const QString file = m_dir + QStringLiteral("/over%ride.db");
        const QString url = QStringLiteral("sqlite:///") + file;
        const QString probe = m_tmp->path() + QStringLiteral("/probe.json");
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("heads")});
        r.urlOverride = url;
        r.databaseKey = QStringLiteral("override");
        r.environment.insert(QStringLiteral("RETORT_PROBE_FILE"), probe);
        r.xArguments = {QStringLiteral("k=v")};
        r.plannedRevisions =
            MigrationPlanner(m_graph, m_rules).upgrade({}, QStringLiteral("heads"))->revisions();

        // The URL is on no command line.
        const Result<AlembicProgram> program = AlembicProgram::find(m_dir, kPython);
        QVERIFY(program.ok());
        const Result<RunCommand> command = RunCommand::build(r, *program);
        QVERIFY2(command.ok(), qPrintable(command.error()));
        QVERIFY(!command->arguments.join(u' ').contains(url));
        QVERIFY(!command->display.contains(url));
        QCOMPARE(command->environment.value(QLatin1String(RunCommand::kUrlVariable)), url);

        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id));
        checkShape(id);
        QVERIFY2(finishOf(id).status == RunEvent::Status::Succeeded,
                 qPrintable(describe(eventsOf(id))));
        QVERIFY(!eventsOf(id).first().text.contains(url));
        QCOMPARE(progressOf(id).size(), 6);
        QCOMPARE(progressOf(id).last().stepIndex, 6);

        QFile f(probe);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("url")).toString(), url);
        QVERIFY(o.value(QStringLiteral("url_variable")).isNull()); // not passed further down
        QCOMPARE(o.value(QStringLiteral("x")).toArray().toVariantList(),
                 QVariantList{QStringLiteral("k=v")});
        for (const QJsonValue& a : o.value(QStringLiteral("argv")).toArray())
            QVERIFY(!a.toString().contains(url));

        QCOMPARE(rows(QStringLiteral("over%ride.db")), QStringList{QStringLiteral("e5")});
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/runner.db"))); // the ini's: untouched
    }

    void oneRunPerDatabase()
    {
        RunRequest slow = request({QStringLiteral("upgrade"), QStringLiteral("a1")});
        slow.environment.insert(QStringLiteral("RETORT_SLEEP_AT"), QStringLiteral("a1"));
        const quint64 first = m_runner->start(slow);
        QVERIFY(m_runner->isBusy(QStringLiteral("ini")));

        QElapsedTimer t;
        t.start();
        const quint64 second =
            m_runner->start(request({QStringLiteral("upgrade"), QStringLiteral("heads")}));
        QVERIFY(second != first);
        QVERIFY(!m_runner->isRunning(second));
        QVERIFY(waitFinished(second, 5000));
        QVERIFY(t.elapsed() < 2000);
        checkShape(second, false);
        QCOMPARE(finishOf(second).status, RunEvent::Status::FailedToStart);
        QVERIFY2(finishOf(second).text.contains(QLatin1String("ini")),
                 qPrintable(finishOf(second).text));
        QVERIFY(!finished(first));
        QVERIFY(m_runner->isRunning(first));

        // Another database, or none, is not held up.
        RunRequest other = request({QStringLiteral("heads")});
        other.databaseKey.clear();
        const quint64 third = m_runner->start(other);
        QVERIFY(waitFinished(third));
        QCOMPARE(finishOf(third).status, RunEvent::Status::Succeeded);
        QVERIFY(hasLine(third, RunEvent::Stream::Stdout, QStringLiteral("e5 (head)")));
        QVERIFY(!finished(first));

        m_runner->setStopGracePeriod(1000);
        m_runner->stop(first);
        QVERIFY(waitFinished(first, 10000));
        QCOMPARE(finishOf(first).status, RunEvent::Status::Stopped);
        QVERIFY(!m_runner->isBusy(QStringLiteral("ini")));

        // Free again.
        const quint64 fourth =
            m_runner->start(request({QStringLiteral("upgrade"), QStringLiteral("a1")}));
        QVERIFY(waitFinished(fourth));
        QCOMPARE(finishOf(fourth).status, RunEvent::Status::Succeeded);
    }

    void outputLines()
    {
        RunRequest r = request({QStringLiteral("upgrade"), QStringLiteral("a1")});
        r.environment.insert(QStringLiteral("RETORT_NOISY_AT"), QStringLiteral("a1"));
        r.environment.insert(QStringLiteral("RETORT_TAIL"), QStringLiteral("tail without newline"));
        const quint64 id = m_runner->start(r);
        QVERIFY(waitFinished(id));
        checkShape(id);
        QVERIFY2(finishOf(id).status == RunEvent::Status::Succeeded,
                 qPrintable(describe(eventsOf(id))));

        QStringList out, err;
        for (const RunEvent& e : eventsOf(id)) {
            if (e.kind != RunEvent::Kind::Output)
                continue;
            if (e.stream == RunEvent::Stream::Stdout)
                out << e.text;
            else if (e.stream == RunEvent::Stream::Stderr)
                err << e.text;
            if (e.text.startsWith(QLatin1String("WARNING [retort.test]")))
                QCOMPARE(e.level, RunEvent::Level::Warning);
            if (e.text.startsWith(QLatin1String("INFO  [")))
                QCOMPARE(e.level, RunEvent::Level::Info);
            if (e.text == QLatin1String("only on stderr"))
                QCOMPARE(e.level, RunEvent::Level::Info);
        }
        const QString all = describe(eventsOf(id));
        // Two writes with a pause between them: one line.
        QVERIFY2(out.contains(QStringLiteral("partial line joined")), qPrintable(all));
        QVERIFY2(!out.contains(QStringLiteral("partial ")), qPrintable(all));
        QVERIFY2(!out.contains(QStringLiteral("partial")), qPrintable(all));
        // Colour codes and a window-title escape removed, CRLF ended.
        QVERIFY2(out.contains(QStringLiteral("red and plain")), qPrintable(all));
        QVERIFY2(out.contains(QStringLiteral("caf\u00e9 \u2713")), qPrintable(all));
        // The streams are kept apart.
        QVERIFY2(err.contains(QStringLiteral("only on stderr")), qPrintable(all));
        QVERIFY2(!out.contains(QStringLiteral("only on stderr")), qPrintable(all));
        QVERIFY2(out.contains(QStringLiteral("hook upgrade a1")), qPrintable(all));
        QVERIFY2(!err.contains(QStringLiteral("hook upgrade a1")), qPrintable(all));
        QVERIFY2(err.contains(QStringLiteral(
                     "INFO  [alembic.runtime.migration] Running upgrade  -> a1, create a1")),
                 qPrintable(all));
        // A last line without a newline still arrives, before Finished.
        QCOMPARE(out.last(), QStringLiteral("tail without newline"));
    }

    void destroyWhileRunning()
    {
        RunRequest slow = request({QStringLiteral("upgrade"), QStringLiteral("a1")});
        slow.environment.insert(QStringLiteral("RETORT_SLEEP_AT"), QStringLiteral("a1"));
        slow.environment.insert(QStringLiteral("RETORT_IGNORE_TERM"), QStringLiteral("1"));
        const quint64 id = m_runner->start(slow);
        QVERIFY(QTest::qWaitFor(
            [&] { return hasLine(id, RunEvent::Stream::Stdout, QStringLiteral("sleeping in a1")); },
            kRunTimeoutMs));
        QElapsedTimer t;
        t.start();
        m_runner.reset();
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!finished(id)); // nobody left to tell
        // The process is gone: the database is not locked and a1 was never applied.
        QVERIFY(rows().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlembicRunner)
#include "tst_alembicrunner.moc"
