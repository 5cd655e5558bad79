// Faults around runs, in the real main window offscreen with the real alembic (issue 14): the
// PostgreSQL server stopped before a read and in the middle of an upgrade, a migration that
// raises, Stop during a slow step (a real PostgreSQL server the test starts,
// tests/support/testservers.h), and an interpreter without alembic, not executable, or
// exiting at once (SQLite). After each: the window keeps working (the next run goes through)
// and the state it shows equals what the real `alembic current` reads.
#include "faultwindow.h"

#include "model/graph/revisiongraph.h"
#include "support/testservers.h"
#include "widgets/graph/revisionnodeitem.h"
#include "widgets/log/logpane.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

#include <signal.h>

using namespace retort;
using namespace retort::test;

namespace {

const QStringList kIds{QStringLiteral("aaaa00000001"), QStringLiteral("bbbb00000002"),
                       QStringLiteral("cccc00000003"), QStringLiteral("dddd00000004")};

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A linear project a <- b <- c <- d whose steps create a table each, at `url`. `slow` sleeps
// in its upgrade after its DDL; `raising` raises there.
bool createRunProject(const QString& root, const QString& url, const QString& slow = {},
                      const QString& raising = {})
{
    const QString demo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/");
    const QByteArray ini = read(demo + QStringLiteral("alembic.ini"));
    bool ok = write(root + QStringLiteral("/alembic.ini"),
                    "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = " +
                        url.toUtf8() + "\n\n" + ini.mid(ini.indexOf("[loggers]"))) &&
              write(root + QStringLiteral("/migrations/env.py"),
                    read(demo + QStringLiteral("migrations/env.py")));
    for (qsizetype i = 0; i < kIds.size(); ++i) {
        const QString& id = kIds.at(i);
        QString body = QStringLiteral("    op.create_table('t_%1', sa.Column('id', sa.Integer, "
                                      "primary_key=True))\n")
                           .arg(id);
        if (id == slow)
            body += QStringLiteral("    time.sleep(10)\n");
        if (id == raising)
            body += QStringLiteral("    raise RuntimeError('boom in %1')\n").arg(id);
        const QString text =
            QStringLiteral("\"\"\"step %1\n\nRevision ID: %1\n\"\"\"\nimport time\n\nfrom alembic "
                           "import op\nimport sqlalchemy as sa\n\nrevision = '%1'\ndown_revision = "
                           "%2\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n%3\n\n"
                           "def downgrade():\n    op.drop_table('t_%1')\n")
                .arg(id, i == 0 ? QStringLiteral("None") : QStringLiteral("'%1'").arg(kIds.at(i - 1)),
                     body);
        ok = ok && write(root + QStringLiteral("/migrations/versions/") + id + QStringLiteral("_step.py"),
                         text.toUtf8());
    }
    return ok;
}

// The rows the real alembic reads (`alembic current`), or "error" when it cannot.
QStringList realRows(const QString& ini)
{
    QString out;
    if (alembic(ini, {QStringLiteral("current")}, &out) != 0)
        return {QStringLiteral("error: ") + out.right(400)};
    return idsIn(out);
}

// Writes an executable (or not) stand-in for python3.
QString fakePython(const QString& path, const QByteArray& script, bool executable = true)
{
    if (!write(path, script))
        return {};
    QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        perms |= QFile::ExeOwner;
    QFile::setPermissions(path, perms);
    return path;
}

} // namespace

class TestFaultsRuns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServers> m_servers;
    int m_count = 0;

    QString pgCtl(const QStringList& args)
    {
        const Run r = run(QStringLiteral("runuser"),
                          QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                                      QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"), QStringLiteral("-D"),
                                      m_servers->root() + QStringLiteral("/pgdata")} +
                              args,
                          {}, 60000);
        return r.exitCode == 0 ? QString() : r.describe() + readText(m_servers->pgLog());
    }
    QString stopPostgres()
    {
        return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
    }
    QString startPostgres()
    {
        return pgCtl({QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-l"),
                      m_servers->pgLog(), QStringLiteral("-o"),
                      QStringLiteral("-p %1 -k %2 -c listen_addresses=''")
                          .arg(m_servers->pgPort())
                          .arg(m_servers->pgSocketDir()),
                      QStringLiteral("start")});
    }

    // A project on a fresh PostgreSQL database of its own; its ini.
    QString pgProject(const QString& slow = {}, const QString& raising = {})
    {
        const QString db = QStringLiteral("faults%1").arg(++m_count);
        const Run created = m_servers->psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE ") + db);
        if (created.exitCode != 0) {
            qWarning().noquote() << created.describe();
            return {};
        }
        const QString root = m_dir.filePath(db);
        return createRunProject(root, m_servers->pgUrl(db), slow, raising)
                   ? root + QStringLiteral("/alembic.ini")
                   : QString();
    }
    std::unique_ptr<FaultWindow> open(const QString& ini)
    {
        return std::make_unique<FaultWindow>(
            m_dir.filePath(QStringLiteral("settings%1.ini").arg(++m_count)), ini);
    }
    // Upgrade all heads through the plan dialog; waits until alembic announces `revision`.
    static bool startUpgradeAndWaitFor(FaultWindow& w, const QString& revision)
    {
        if (!QTest::qWaitFor([&] { return w.runs()->upgradeHeadsAction()->isEnabled(); }, 30000))
            return false;
        w.runs()->upgradeHeadsAction()->trigger();
        if (!w.runs()->planDialog())
            return false;
        QTest::keyClick(w.runs()->planDialog(), Qt::Key_Return);
        return QTest::qWaitFor(
            [&] { return w.window.logPane()->logText().contains(QStringLiteral("-> ") + revision); },
            60000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_servers = std::make_unique<TestServers>();
        QVERIFY(m_servers->valid());
        const QString started = m_servers->startPostgres();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanupTestCase() { m_servers.reset(); }

    // The server stopped before a read, shut down (its socket gone) or frozen (SIGSTOP: it
    // takes connections and never answers): Refresh comes back within the connect timeout
    // with a clear error and the GUI thread never stalls; running again, Refresh shows what
    // alembic reads.
    void serverStoppedBeforeRead_data()
    {
        QTest::addColumn<bool>("frozen");
        QTest::newRow("shut down") << false;
        QTest::newRow("frozen") << true;
    }

    void serverStoppedBeforeRead()
    {
        QFETCH(bool, frozen);
        const QString ini = pgProject();
        QVERIFY(!ini.isEmpty());
        QCOMPARE(alembic(ini, {QStringLiteral("upgrade"), kIds.at(1)}), 0);
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));

        const qint64 postmaster =
            read(m_servers->root() + QStringLiteral("/pgdata/postmaster.pid")).split('\n').value(0).toLongLong();
        QVERIFY(postmaster > 0);
        if (frozen) {
            QCOMPARE(::kill(pid_t(postmaster), SIGSTOP), 0);
        } else {
            const QString stopped = stopPostgres();
            QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
        }
        auto restart = qScopeGuard([&] {
            if (frozen)
                ::kill(pid_t(postmaster), SIGCONT);
            else
                startPostgres();
        });
        // the GUI thread keeps turning while the read waits
        qint64 longestGap = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer tick;
        tick.setInterval(20);
        connect(&tick, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, sinceTick.restart());
        });
        tick.start();
        QElapsedTimer took;
        took.start();
        QVERIFY(w->refresh(30000));
        tick.stop();
        QVERIFY2(took.elapsed() < 20000, qPrintable(QString::number(took.elapsed())));
        QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
        const DatabaseState down = w->databases()->selectedState();
        QVERIFY(!down.isReadable());
        QVERIFY2(down.error().contains(QStringLiteral("Cannot connect")), qPrintable(down.error()));
        QVERIFY(!down.error().contains(kPassword));
        QVERIFY(!w->runs()->upgradeHeadsAction()->isEnabled()); // nothing planned from an unknown state

        restart.dismiss();
        if (frozen) {
            QCOMPARE(::kill(pid_t(postmaster), SIGCONT), 0);
        } else {
            const QString started = startPostgres();
            QVERIFY2(started.isEmpty(), qPrintable(started));
        }
        QVERIFY(w->refresh());
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QCOMPARE(realRows(ini), QStringList{kIds.at(1)});
    }

    // The server stopped while a step sleeps: the run ends failed, and after the restart
    // Refresh shows the rows the database really holds.
    void serverStoppedMidUpgrade()
    {
        const QString ini = pgProject(kIds.at(1));
        QVERIFY(!ini.isEmpty());
        QCOMPARE(alembic(ini, {QStringLiteral("upgrade"), kIds.at(0)}), 0);
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QSignalSpy finished(w->runs(), &RunController::runFinished);
        QVERIFY(startUpgradeAndWaitFor(*w, kIds.at(1)));
        QTest::qWait(500); // inside the sleep
        const QString stopped = stopPostgres();
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
        auto restart = qScopeGuard([&] { startPostgres(); });
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QCOMPARE(finished.first().at(1).value<RunEvent::Status>(), RunEvent::Status::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(!w->databases()->isReading(w->profile()), 30000);
        QVERIFY(!w->databases()->selectedState().isReadable()); // read after the run: server down

        restart.dismiss();
        const QString started = startPostgres();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(w->refresh());
        const QStringList real = realRows(ini);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), real);
        QCOMPARE(real, QStringList{kIds.at(0)}); // transactional DDL: the run rolled back
    }

    // A migration that raises: the run fails, the failing step is named (on its node and in
    // the status line), and the state shown is what alembic reads.
    void migrationRaises()
    {
        const QString ini = pgProject({}, kIds.at(2));
        QVERIFY(!ini.isEmpty());
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QSignalSpy status(w->runs(), &RunController::statusMessage);
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QCOMPARE(w->confirmAndWait(), RunEvent::Status::Failed);
        RevisionNodeItem* node = w->scene()->nodeItem(kIds.at(2));
        QVERIFY(node);
        QCOMPARE(node->runMark(), RevisionNodeItem::RunMark::Failed);
        QVERIFY2(node->runMessage().contains(QStringLiteral("boom in cccc00000003")),
                 qPrintable(node->runMessage()));
        bool named = false;
        for (const QList<QVariant>& args : std::as_const(status))
            named = named || args.first().toString().contains(QStringLiteral("failed at cccc00000003"));
        QVERIFY(named);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QVERIFY(!realRows(ini).value(0).startsWith(QStringLiteral("error")));
    }

    // Stop during a slow step: the run ends stopped, the state shown is alembic's, and the
    // next run goes through.
    void stopDuringASlowStep()
    {
        const QString ini = pgProject(kIds.at(1));
        QVERIFY(!ini.isEmpty());
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QSignalSpy finished(w->runs(), &RunController::runFinished);
        QVERIFY(startUpgradeAndWaitFor(*w, kIds.at(1)));
        QVERIFY(w->runs()->stopAction()->isEnabled());
        QElapsedTimer took;
        took.start();
        w->runs()->stopAction()->trigger();
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        QVERIFY2(took.elapsed() < 8000, qPrintable(QString::number(took.elapsed()))); // not the sleep's end
        QCOMPARE(finished.first().at(1).value<RunEvent::Status>(), RunEvent::Status::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!w->databases()->isReading(w->profile()), 30000);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QVERIFY(!realRows(ini).value(0).startsWith(QStringLiteral("error")));

        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QCOMPARE(w->confirmAndWait(), RunEvent::Status::Succeeded);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QCOMPARE(realRows(ini), QStringList{kIds.last()});
    }

    // A Python without alembic, one that is not executable, one that exits at once, one that
    // does not exist: the run fails and says why, the database is untouched and shown as it
    // is, and with the right Python again the same run goes through.
    void brokenInterpreter_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<bool>("executable");
        QTest::addColumn<QString>("says");
        // python3 without its site packages, where Debian's alembic lives
        QTest::newRow("without alembic")
            << QByteArray("#!/bin/sh\nexec " RETORT_TEST_PYTHON " -S \"$@\"\n") << true
            << QStringLiteral("No module named alembic");
        QTest::newRow("not executable") << QByteArray("#!/bin/sh\nexit 0\n") << false << QString();
        QTest::newRow("exits at once") << QByteArray("#!/bin/sh\nexit 3\n") << true << QStringLiteral("3");
        QTest::newRow("does not exist") << QByteArray() << false << QStringLiteral("does not exist");
    }

    void brokenInterpreter()
    {
        QFETCH(QByteArray, script);
        QFETCH(bool, executable);
        QFETCH(QString, says);
        const QString root = m_dir.filePath(QStringLiteral("py%1").arg(++m_count));
        QVERIFY(createRunProject(root, QStringLiteral("sqlite:///%(here)s/app.db")));
        const QString ini = root + QStringLiteral("/alembic.ini");
        QCOMPARE(alembic(ini, {QStringLiteral("upgrade"), kIds.at(0)}), 0);
        const QString python =
            script.isEmpty() ? root + QStringLiteral("/no-such-python")
                             : fakePython(root + QStringLiteral("/python3"), script, executable);
        QVERIFY(!python.isEmpty());

        auto w = open(ini);
        const RecentProject key{QFileInfo(ini).absoluteFilePath(), QStringLiteral("alembic")};
        w->settings.setPythonInterpreter(key, python);
        w->window.session()->reload();
        QVERIFY(w->waitLoaded());
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        // the interpreter may be asked which alembic it has first; the plan follows
        QTRY_VERIFY_WITH_TIMEOUT(w->runs()->planDialog(), 30000);
        const RunEvent::Status status = w->confirmAndWait();
        QVERIFY(status == RunEvent::Status::Failed || status == RunEvent::Status::FailedToStart);
        const QString log = w->window.logPane()->logText();
        QVERIFY2(log.contains(QStringLiteral("Python")), qPrintable(log.right(1500)));
        if (!says.isEmpty())
            QVERIFY2(log.contains(says), qPrintable(log.right(1500)));
        QCOMPARE(realRows(ini), QStringList{kIds.at(0)});
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QVERIFY(w->window.isVisible());

        // the window keeps working: the right Python, the same run
        w->settings.setPythonInterpreter(key, kPython);
        w->window.session()->reload();
        QTRY_VERIFY(!w->window.session()->isLoading());
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w->runs()->planDialog(), 30000);
        QCOMPARE(w->confirmAndWait(), RunEvent::Status::Succeeded);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), realRows(ini));
        QCOMPARE(realRows(ini), QStringList{kIds.last()});
    }
};

QTEST_MAIN(TestFaultsRuns)
#include "tst_faults_runs.moc"
