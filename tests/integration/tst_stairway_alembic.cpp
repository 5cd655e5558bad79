// `retort-cli stairway` against the real alembic (Debian's 1.8.1 through /usr/bin/alembic, or
// the newer ones of the ctest variants) on the bundled demo project: on a temporary SQLite
// file it passes; on a copy whose downgrade raises it fails at that revision, direction
// "downgrade", with alembic's error; on a real PostgreSQL scratch database it passes and then
// refuses the same database, which is no longer at base. The project's own database file and
// any database not given as the scratch one are byte for byte what they were.

#include "support/alembicundertest.h"
#include "support/testfiles.h"
#include "support/testservers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace retort::test;
using retort::testsupport::copyTree;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);
const QString kCli = QStringLiteral(RETORT_CLI_PATH);
const QString kDemo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");
// The demo revision whose downgrade the broken copy makes raise (a rename on the main line,
// with revisions from two branches before it and more after it).
const QString kBroken = QStringLiteral("0e46b5fa5b0c");

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(exitCode).arg(out, err);
    }
};

// The temporary folder retort-cli makes its SQLite file in (TMPDIR), private to this test.
QString g_tempDir;

CliRun runCli(const QString& dir, const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), g_tempDir);
    p.setProcessEnvironment(env);
    p.start(kCli, QStringList{QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                              QStringLiteral("stairway")} + args);
    CliRun r;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray fingerprint(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("missing");
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A SQLite file with a version table at `revision` (as a real database in use would be).
bool makeDatabase(const QString& path, const QString& revision)
{
    const Run r = run(kPython,
                      {QStringLiteral("-c"),
                       QStringLiteral("import sqlite3, sys\n"
                                      "c = sqlite3.connect(sys.argv[1])\n"
                                      "c.execute('CREATE TABLE alembic_version (version_num "
                                      "VARCHAR(32) NOT NULL PRIMARY KEY)')\n"
                                      "c.execute('CREATE TABLE customers (id INTEGER, phone TEXT)')\n"
                                      "c.execute('INSERT INTO alembic_version VALUES (?)', (sys.argv[2],))\n"
                                      "c.commit()\n"),
                       path, revision});
    return r.exitCode == 0;
}

QStringList revisionsWalked(const QString& cli)
{
    QStringList ids;
    for (const QString& line : cli.split(u'\n'))
        if (line.startsWith(QLatin1String("ok  ")))
            ids << line.mid(4).section(QStringLiteral("  "), 0, 0);
    return ids;
}

} // namespace

class TestStairwayAlembic : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    AlembicUnderTest m_alembic;
    QStringList m_order; // the demo's revisions in alembic's upgrade order (retort-cli history)

    QString copyDemo(const QString& name)
    {
        const QString dir = m_tmp->filePath(name);
        if (!copyTree(kDemo, dir))
            return {};
        QFile::remove(dir + QStringLiteral("/demo.db"));
        // the project's own database (sqlalchemy.url), at an early revision with a table
        if (!makeDatabase(dir + QStringLiteral("/demo.db"), QStringLiteral("c1d7b7decc0c")))
            return {};
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(AlembicUnderTest::check(kPython, &m_alembic));
        QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        g_tempDir = m_tmp->filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(g_tempDir));
        // alembic's order, newest first, as `retort-cli history` prints it (checked against
        // alembic itself in tst_differential_alembic)
        QProcess history;
        history.start(kCli, {QStringLiteral("-c"), kDemo + QStringLiteral("/alembic.ini"),
                             QStringLiteral("history")});
        QVERIFY(history.waitForFinished(60000));
        QCOMPARE(history.exitCode(), 0);
        for (const QString& line : QString::fromUtf8(history.readAllStandardOutput()).split(u'\n'))
            if (line.contains(QLatin1String(" -> ")))
                m_order.prepend(line.section(QStringLiteral(" -> "), 1).section(u' ', 0, 0).section(u',', 0, 0));
        QCOMPARE(m_order.size(), 40);
        QVERIFY(m_order.contains(kBroken));
    }

    void demoPasses()
    {
        const QString dir = copyDemo(QStringLiteral("pass"));
        QVERIFY(!dir.isEmpty());
        const QByteArray own = fingerprint(dir + QStringLiteral("/demo.db"));
        const CliRun json = runCli(dir, {QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("revisions")).toInt(), 40);
        QCOMPARE(o.value(QStringLiteral("checked")).toInt(), 40);
        QCOMPARE(o.value(QStringLiteral("commands")).toInt(), 120);
        QVERIFY(o.value(QStringLiteral("failed")).isNull());
        QCOMPARE(o.value(QStringLiteral("alembic")).toObject().value(QStringLiteral("version")).toString(),
                 m_alembic.version);
        QVERIFY2(json.err.contains(QLatin1String("runs the project's env.py")), qPrintable(json.err));
        // the project's own database was never touched, and the temporary one is gone
        QCOMPARE(fingerprint(dir + QStringLiteral("/demo.db")), own);
        QCOMPARE(QDir(g_tempDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void brokenDowngradeFailsThere()
    {
        const QString dir = copyDemo(QStringLiteral("broken"));
        QVERIFY(!dir.isEmpty());
        const QStringList files = QDir(dir + QStringLiteral("/migrations/versions"))
                                      .entryList({u'*' + kBroken + QStringLiteral("_*.py")});
        QCOMPARE(files.size(), 1);
        const QString script = dir + QStringLiteral("/migrations/versions/") + files.first();
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        const QString head = QStringLiteral("def downgrade() -> None:\n");
        QVERIFY(text.contains(head));
        text.replace(head, head + QStringLiteral("    raise RuntimeError(\"phone_number has no way back\")\n"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        f.close();

        // another database (a normal one, never named to the stairway): left alone
        const QString other = dir + QStringLiteral("/staging.db");
        QVERIFY(makeDatabase(other, kBroken));
        const QByteArray own = fingerprint(dir + QStringLiteral("/demo.db"));
        const QByteArray otherBefore = fingerprint(other);

        const CliRun json = runCli(dir, {QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 1, qPrintable(json.describe()));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("revisions")).toInt(), 40);
        // every revision before it passed all three commands; it passed its upgrade only
        QCOMPARE(o.value(QStringLiteral("checked")).toInt(), int(m_order.indexOf(kBroken)));
        const QJsonObject failed = o.value(QStringLiteral("failed")).toObject();
        QCOMPARE(failed.value(QStringLiteral("revision")).toString(), kBroken);
        QCOMPARE(failed.value(QStringLiteral("direction")).toString(), QStringLiteral("downgrade"));
        QCOMPARE(failed.value(QStringLiteral("error")).toString(),
                 QStringLiteral("RuntimeError: phone_number has no way back"));
        // alembic's own output (its traceback) for the failing command is on stderr
        QVERIFY2(json.err.contains(QLatin1String("Running downgrade 0e46b5fa5b0c")), qPrintable(json.err));
        QVERIFY2(json.err.contains(QLatin1String("Traceback")), qPrintable(json.err));

        // the text form: one line per revision checked, then the failure
        const CliRun text2 = runCli(dir, {});
        QVERIFY2(text2.exitCode == 1, qPrintable(text2.describe()));
        QCOMPARE(revisionsWalked(text2.out), m_order.mid(0, m_order.indexOf(kBroken)));
        QVERIFY2(text2.out.contains(QStringLiteral("FAILED  %1  downgrade").arg(kBroken)),
                 qPrintable(text2.out));

        QCOMPARE(fingerprint(dir + QStringLiteral("/demo.db")), own);
        QCOMPARE(fingerprint(other), otherBefore);
    }

    void refusesADatabaseNotAtBase()
    {
        const QString dir = copyDemo(QStringLiteral("refuse"));
        QVERIFY(!dir.isEmpty());
        const QString used = dir + QStringLiteral("/used.db");
        QVERIFY(makeDatabase(used, QStringLiteral("c1d7b7decc0c")));
        const QByteArray before = fingerprint(used);
        const CliRun r = runCli(dir, {QStringLiteral("--url"), QStringLiteral("sqlite:///") + used});
        QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QLatin1String("not at base")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fingerprint(used), before);

        const CliRun usage = runCli(dir, {QStringLiteral("--bogus")});
        QCOMPARE(usage.exitCode, 2);
    }

    void envPyThatIgnoresTheUrlIsReported()
    {
        // env.py sets its own URL (as projects reading DATABASE_URL do): the walk then runs
        // on that database, not the scratch one, and must not be reported as a pass
        const QString dir = copyDemo(QStringLiteral("elsewhere"));
        QVERIFY(!dir.isEmpty());
        QFile env(dir + QStringLiteral("/migrations/env.py"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        const QString anchor = QStringLiteral("config = context.config\n");
        QVERIFY(text.contains(anchor));
        text.replace(anchor, anchor + QStringLiteral("config.set_main_option(\"sqlalchemy.url\", "
                                                     "\"sqlite:///%1/elsewhere.db\")\n")
                                          .arg(dir));
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(text.toUtf8());
        env.close();

        const CliRun json = runCli(dir, {QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 3, qPrintable(json.describe()));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(o.value(QStringLiteral("problem")).toString().contains(
                     QLatin1String("does not use the sqlalchemy.url")),
                 qPrintable(json.out));
        QVERIFY(json.err.contains(QLatin1String("does not use the sqlalchemy.url")));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/elsewhere.db"))); // where it ran
    }

    void postgresScratchDatabase()
    {
        TestServers servers;
        QVERIFY(servers.valid());
        const QString started = servers.startPostgres();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Run created = servers.psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE scratch"));
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));

        const QString dir = copyDemo(QStringLiteral("postgres"));
        QVERIFY(!dir.isEmpty());
        const QByteArray own = fingerprint(dir + QStringLiteral("/demo.db"));
        const QString url = servers.pgUrl(QStringLiteral("scratch"));
        const CliRun json = runCli(dir, {QStringLiteral("--url"), url, QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe() + readText(servers.pgLog())));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("checked")).toInt(), 40);
        // the password is nowhere in what retort-cli printed
        QVERIFY(!json.out.contains(kPassword));
        QVERIFY(!json.err.contains(kPassword));
        QCOMPARE(fingerprint(dir + QStringLiteral("/demo.db")), own);

        // the walk leaves the heads there, as alembic's own table says
        const Run rows = servers.psql(QStringLiteral("scratch"),
                                      QStringLiteral("SELECT version_num FROM alembic_version ORDER BY 1"));
        QVERIFY2(rows.exitCode == 0, qPrintable(rows.describe()));
        QVERIFY2(rows.out.contains(QLatin1String("da0aaa72870b")), qPrintable(rows.out));

        // and the same database, no longer at base, is refused
        const CliRun again = runCli(dir, {QStringLiteral("--url"), url});
        QVERIFY2(again.exitCode == 3, qPrintable(again.describe()));
        QVERIFY2(again.err.contains(QLatin1String("not at base")), qPrintable(again.err));
        QVERIFY(!again.err.contains(kPassword));
    }
};

QTEST_GUILESS_MAIN(TestStairwayAlembic)
#include "tst_stairway_alembic.moc"
