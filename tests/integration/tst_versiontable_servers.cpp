// The version table read through Qt SQL from real SQLite, PostgreSQL 15 and MariaDB servers,
// checked against the real `alembic current`, through VersionTableReader (async and
// blocking) and `retort-cli current`.
//
// The test starts its own throw-away servers (unix sockets only, private folders) and
// stops them at the end, also when something fails. A server that cannot start fails the
// test with its log.

#include "support/alembicundertest.h"
#include "model/db/databasestate.h"
#include "model/db/versiontablereader.h"
#include "support/testservers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace retort;
using namespace retort::test;

namespace {

const QString kWrongPassword = QStringLiteral("wr0ng-pw-7q");

QStringList sortedLines(const QString& text)
{
    QStringList out = text.split(u'\n', Qt::SkipEmptyParts);
    for (QString& s : out)
        s = s.trimmed();
    out.removeAll(QString());
    out.sort();
    return out;
}

// `alembic current` prints "id (label) (head)" per row: the ids are the first words.
QStringList idsOfAlembicCurrent(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const QString word = line.trimmed().section(u' ', 0, 0);
        if (!word.isEmpty())
            out << word;
    }
    out.sort();
    return out;
}

// One database brought to a state by the real alembic.
struct Scenario
{
    QString ini; // absolute path of its alembic.ini
    QString url;
    QString versionTable; // empty = alembic_version
    QString schema;
    QStringList expected; // sorted rows we put there
    bool tableMissing = false;
};

} // namespace

class TestVersionTableServers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServers> m_servers;
    QString m_project;
    QStringList m_heads;
    QStringList m_allIds;
    QString m_iniTemplate;
    QHash<QString, Scenario> m_scenarios; // "server/scenario"

    Run alembic(const QString& ini, const QStringList& args)
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON),
                   QStringList{QStringLiteral("-m"), QStringLiteral("alembic"),
                               QStringLiteral("-c"), ini} +
                       args,
                   m_project, 120000);
    }

    Run cli(const QStringList& args)
    {
        return run(QStringLiteral(RETORT_CLI_PATH), args, m_project, 60000);
    }

    // Writes an ini for `url` (+ options) next to the generated one.
    QString writeIni(const QString& name, const QString& url, const QString& table,
                     const QString& schema)
    {
        QString text = m_iniTemplate;
        QString extra = QStringLiteral("sqlalchemy.url = %1\n").arg(url);
        if (!table.isEmpty())
            extra += QStringLiteral("version_table = %1\n").arg(table);
        if (!schema.isEmpty())
            extra += QStringLiteral("version_table_schema = %1\n").arg(schema);
        const qsizetype at = text.indexOf(QLatin1String("sqlalchemy.url ="));
        const qsizetype end = text.indexOf(u'\n', at);
        text.replace(at, end - at + 1, extra);
        const QString path = m_project + u'/' + name + QStringLiteral(".ini");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text.toUtf8());
        return path;
    }

    // Adds the five states of one server; `urlFor(db)` gives a database's URL.
    bool addScenarios(const QString& server, const std::function<QString(QString)>& urlFor,
                      const QString& schemaName)
    {
        struct Spec
        {
            const char* name;
            const char* db;
            const char* table;
            bool schema;
        };
        const Spec specs[] = {{"plain", "plain", "", false},
                              {"multi", "multi", "", false},
                              {"custom", "custom", "retort_custom_version", false},
                              {"schema", "schemadb", "", true},
                              {"missing", "empty", "", false}};
        for (const Spec& s : specs) {
            Scenario sc;
            sc.url = urlFor(QString::fromLatin1(s.db));
            sc.versionTable = QString::fromLatin1(s.table);
            sc.schema = s.schema ? schemaName : QString();
            sc.ini = writeIni(server + u'-' + QString::fromLatin1(s.name), sc.url, sc.versionTable,
                              sc.schema);
            if (sc.ini.isEmpty())
                return false;
            const QString name = QString::fromLatin1(s.name);
            Run r;
            if (name == QLatin1String("plain") || name == QLatin1String("custom")) {
                r = alembic(sc.ini, {QStringLiteral("upgrade"), m_heads.first()});
                sc.expected = {}; // whatever alembic then reports; checked non-empty below
            } else if (name == QLatin1String("multi") || name == QLatin1String("schema")) {
                r = alembic(sc.ini, QStringList{QStringLiteral("stamp")} + m_heads);
                sc.expected = m_heads;
            } else {
                sc.tableMissing = true;
                r.exitCode = 0;
            }
            if (r.exitCode != 0) {
                qWarning().noquote() << "alembic failed for" << server << name << r.describe();
                return false;
            }
            m_scenarios.insert(server + u'/' + name, sc);
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        m_servers = std::make_unique<TestServers>();
        QVERIFY(m_servers->valid());
        // Debian 12's alembic, or (@trixie / @sid) the newer one first on PYTHONPATH
        retort::test::AlembicUnderTest alembic;
        QVERIFY(retort::test::AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &alembic));

        // The project (the URL is replaced per database).
        m_project = m_servers->root() + QStringLiteral("/proj");
        const QString manifest = m_servers->root() + QStringLiteral("/manifest.json");
        const Run gen = run(
            QStringLiteral(RETORT_TEST_PYTHON),
            {QStringLiteral(RETORT_FIXTURES_DIR) + QStringLiteral("/genproject.py"), m_project,
             QStringLiteral("--revisions"), QStringLiteral("30"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("--labels"), QStringLiteral("1"),
             QStringLiteral("--depends"), QStringLiteral("1"), QStringLiteral("--url"),
             QStringLiteral("sqlite:///placeholder.db"), QStringLiteral("--manifest"), manifest});
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.describe()));
        {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            for (const QJsonValue& v : o.value(QStringLiteral("heads")).toArray())
                m_heads << v.toString();
            for (const QJsonValue& v : o.value(QStringLiteral("revisions")).toArray())
                m_allIds << v.toObject().value(QStringLiteral("id")).toString();
        }
        m_heads.sort();
        QVERIFY2(m_heads.size() >= 2, "the generated project needs two heads");
        {
            QFile f(m_project + QStringLiteral("/alembic.ini"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            m_iniTemplate = QString::fromUtf8(f.readAll());
            QVERIFY(m_iniTemplate.contains(QLatin1String("sqlalchemy.url =")));
        }

        QElapsedTimer timer;
        timer.start();

        // PostgreSQL 15
        const QString pgError = m_servers->startPostgres();
        QVERIFY2(pgError.isEmpty(), qPrintable(pgError));
        for (const char* db : {"plain", "multi", "custom", "schemadb", "empty"}) {
            const Run r =
                m_servers->psql(QStringLiteral("postgres"),
                                QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(db)));
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe() + readText(m_servers->pgLog())));
        }
        const Run schema =
            m_servers->psql(QStringLiteral("schemadb"), QStringLiteral("CREATE SCHEMA retort_vt"));
        QVERIFY2(schema.exitCode == 0, qPrintable(schema.describe()));
        QVERIFY(addScenarios(
            QStringLiteral("postgresql"),
            [this](const QString& db) { return m_servers->pgUrl(db); },
            QStringLiteral("retort_vt")));
        qInfo("PostgreSQL ready after %lld ms", qint64(timer.elapsed()));

        // MariaDB
        const QString myError = m_servers->startMariaDb();
        QVERIFY2(myError.isEmpty(), qPrintable(myError));
        const Run setup = m_servers->mariadb(
            QStringLiteral("CREATE USER 'retort'@'localhost' IDENTIFIED BY '%1'; "
                           "GRANT ALL ON *.* TO 'retort'@'localhost'; "
                           "CREATE DATABASE plain; CREATE DATABASE multi; CREATE DATABASE custom; "
                           "CREATE DATABASE schemadb; CREATE DATABASE retort_other; "
                           "CREATE DATABASE empty;")
                .arg(kPassword));
        QVERIFY2(setup.exitCode == 0, qPrintable(setup.describe() + readText(m_servers->myLog())));
        QVERIFY(addScenarios(
            QStringLiteral("mariadb"), [this](const QString& db) { return m_servers->myUrl(db); },
            QStringLiteral("retort_other")));
        qInfo("MariaDB ready after %lld ms", qint64(timer.elapsed()));

        // SQLite: relative paths (alembic runs in the project folder; retort resolves them
        // against the ini's folder). "schema" makes no sense there.
        {
            QFile empty(m_project + QStringLiteral("/sqlite-empty.db"));
            QVERIFY(empty.open(QIODevice::WriteOnly)); // a zero-byte file is an empty database
        }
        QVERIFY(addScenarios(
            QStringLiteral("sqlite"),
            [](const QString& db) { return QStringLiteral("sqlite:///sqlite-%1.db").arg(db); },
            QString()));
        m_scenarios.remove(QStringLiteral("sqlite/schema"));
        const QString silentError = m_servers->startSilentSockets();
        QVERIFY2(silentError.isEmpty(), qPrintable(silentError));
        qInfo("all databases ready after %lld ms", qint64(timer.elapsed()));
    }

    void cleanupTestCase()
    {
        if (m_servers)
            m_servers->stop();
        m_servers.reset();
    }

    void agree_data()
    {
        QTest::addColumn<QString>("key");
        QStringList keys = m_scenarios.keys();
        keys.sort();
        for (const QString& k : keys)
            QTest::newRow(qPrintable(k)) << k;
    }

    void agree()
    {
        QFETCH(QString, key);
        const Scenario sc = m_scenarios.value(key);

        // What the real alembic says.
        const Run current = alembic(sc.ini, {QStringLiteral("current")});
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        const QStringList truth = idsOfAlembicCurrent(current.out);
        if (sc.tableMissing)
            QVERIFY2(truth.isEmpty(), qPrintable(current.out));
        else
            QVERIFY2(!truth.isEmpty(), qPrintable(current.describe()));
        if (!sc.expected.isEmpty())
            QCOMPARE(truth, sc.expected);
        for (const QString& id : truth)
            QVERIFY2(m_allIds.contains(id), qPrintable(id));

        // VersionTableReader, asynchronously.
        VersionTableReader reader;
        QSignalSpy spy(&reader, &VersionTableReader::finished);
        QElapsedTimer t;
        t.start();
        const quint64 id = reader.read(sc.url, m_project, sc.versionTable, sc.schema);
        QVERIFY(t.elapsed() < 200); // read() does not wait for the database
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 15000);
        QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
        const DatabaseState state = spy.at(0).at(1).value<DatabaseState>();
        QVERIFY2(state.isReadable(), qPrintable(state.error()));
        QCOMPARE(state.sortedCurrentRevisions(), truth);
        QCOMPARE(state.isTableMissing(), sc.tableMissing);
        QCOMPARE(state.currentRevisions().size(), truth.size());

        // The blocking helper.
        const DatabaseState now =
            VersionTableReader::readNow(sc.url, m_project, sc.versionTable, sc.schema);
        QVERIFY2(now.isReadable(), qPrintable(now.error()));
        QCOMPARE(now.sortedCurrentRevisions(), truth);

        // retort-cli current, from the ini (default URL and options) and with explicit options.
        const Run fromIni = cli({QStringLiteral("-c"), sc.ini, QStringLiteral("current")});
        QVERIFY2(fromIni.exitCode == 0, qPrintable(fromIni.describe()));
        QCOMPARE(fromIni.out.split(u'\n', Qt::SkipEmptyParts), truth); // already sorted
        QStringList explicitArgs{QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                                 QStringLiteral("current"), QStringLiteral("--url"), sc.url};
        if (!sc.versionTable.isEmpty())
            explicitArgs << QStringLiteral("--version-table") << sc.versionTable;
        if (!sc.schema.isEmpty())
            explicitArgs << QStringLiteral("--version-table-schema=") + sc.schema;
        const Run explicitRun = cli(explicitArgs);
        QVERIFY2(explicitRun.exitCode == 0, qPrintable(explicitRun.describe()));
        QCOMPARE(sortedLines(explicitRun.out), truth);
    }

    // Several requests in flight at once, answered with their own ids.
    void manyRequests()
    {
        VersionTableReader reader;
        QSignalSpy spy(&reader, &VersionTableReader::finished);
        QHash<quint64, QString> asked;
        for (auto it = m_scenarios.cbegin(); it != m_scenarios.cend(); ++it)
            asked.insert(reader.read(it->url, m_project, it->versionTable, it->schema), it.key());
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), asked.size(), 30000);
        QSet<quint64> seen;
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const quint64 id = args.at(0).value<quint64>();
            QVERIFY(asked.contains(id));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            const DatabaseState s = args.at(1).value<DatabaseState>();
            QVERIFY2(s.isReadable(), qPrintable(asked.value(id) + u' ' + s.error()));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret"); // must not appear in any message
        const QString dead = m_servers->root() + QStringLiteral("/nothing-here");
        QTest::newRow("postgresql bad password")
            << m_servers->pgUrl(QStringLiteral("plain"), kWrongPassword) << kWrongPassword;
        QTest::newRow("postgresql dead server (no socket on that port)")
            << QStringLiteral("postgresql+psycopg2://postgres:%1@/plain?host=%2&port=%3")
                   .arg(kPassword, m_servers->pgSocketDir())
                   .arg(m_servers->pgPort() == 65535 ? 65534 : m_servers->pgPort() + 1)
            << kPassword;
        QTest::newRow("postgresql bad socket folder")
            << QStringLiteral("postgresql+psycopg2://postgres:%1@/plain?host=%2&port=%3")
                   .arg(kPassword, dead)
                   .arg(m_servers->pgPort())
            << kPassword;
        QTest::newRow("postgresql unknown database")
            << m_servers->pgUrl(QStringLiteral("no_such_db")) << kPassword;
        QTest::newRow("mariadb bad password")
            << m_servers->myUrl(QStringLiteral("plain"), kWrongPassword) << kWrongPassword;
        QTest::newRow("mariadb bad socket path")
            << QStringLiteral(
                   "mysql+pymysql://retort:%1@localhost/plain?unix_socket=%2/mysqld.sock")
                   .arg(kPassword, dead)
            << kPassword;
        QTest::newRow("postgresql server that never answers (timeout)")
            << QStringLiteral("postgresql+psycopg2://postgres:%1@/plain?host=%2&port=%3")
                   .arg(kPassword, m_servers->silentDir())
                   .arg(m_servers->pgPort())
            << kPassword;
        QTest::newRow("mariadb server that never answers (timeout)")
            << QStringLiteral(
                   "mysql+pymysql://retort:%1@localhost/plain?unix_socket=%2/mysqld.sock")
                   .arg(kPassword, m_servers->silentDir())
            << kPassword;
        QTest::newRow("sqlite file in a missing folder")
            << QStringLiteral("sqlite:///%1/missing.db").arg(dead) << QString();
        QTest::newRow("unsupported dialect")
            << QStringLiteral("oracle://scott:%1@db/orcl").arg(kPassword) << kPassword;
    }

    void errors()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);

        VersionTableReader reader;
        QSignalSpy spy(&reader, &VersionTableReader::finished);
        QElapsedTimer t;
        t.start();
        reader.read(url, m_project);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QVERIFY2(t.elapsed() < 7000, qPrintable(QString::number(t.elapsed())));
        const DatabaseState state = spy.at(0).at(1).value<DatabaseState>();
        QVERIFY(!state.isReadable());
        QVERIFY(!state.error().isEmpty());
        qInfo().noquote() << "after" << t.elapsed() << "ms:" << state.error();
        if (!secret.isEmpty())
            QVERIFY2(!state.error().contains(secret), qPrintable(state.error()));

        const Run r = cli({QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                           QStringLiteral("current"), QStringLiteral("--url"), url});
        QVERIFY2(!r.timedOut, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        if (!secret.isEmpty())
            QVERIFY2(!r.err.contains(secret), qPrintable(r.err));
    }

    // A SQLite file that does not exist yet is a database at base, as for alembic, which
    // creates the file on connecting; Retort reads without creating it.
    void sqliteMissingFileIsAtBase()
    {
        const QString file = m_project + QStringLiteral("/not-yet.db");
        QVERIFY(!QFile::exists(file));
        const DatabaseState state =
            VersionTableReader::readNow(QStringLiteral("sqlite:///not-yet.db"), m_project);
        QVERIFY2(state.isReadable(), qPrintable(state.error()));
        QVERIFY(state.isAtBase());
        QVERIFY(!QFile::exists(file));
        const Run r = cli({QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                           QStringLiteral("current"), QStringLiteral("--url"),
                           QStringLiteral("sqlite:///not-yet.db")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.trimmed().isEmpty());
        QVERIFY(!QFile::exists(file));
        // alembic agrees: nothing current (and it creates the file doing so)
        const QString ini = writeIni(QStringLiteral("not-yet"), QStringLiteral("sqlite:///%(here)s/not-yet.db"), {}, {});
        const Run current = alembic(ini, {QStringLiteral("current")});
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        for (const QString& line : current.out.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1String("INFO")), qPrintable(line));
    }

    // A row naming a revision with no script is read like any other (the ghost is the
    // graph's business, see tst_databasestate); `alembic current` itself fails on it.
    void ghostRow()
    {
        const QString db = m_project + QStringLiteral("/sqlite-ghost.db");
        QVERIFY(QFile::copy(m_project + QStringLiteral("/sqlite-multi.db"), db));
        const Run insert = run(
            QStringLiteral(RETORT_TEST_PYTHON),
            {QStringLiteral("-c"),
             QStringLiteral("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                            "c.execute(\"INSERT INTO alembic_version VALUES ('feedface0000')\"); "
                            "c.commit()"),
             db});
        QVERIFY2(insert.exitCode == 0, qPrintable(insert.describe()));
        const QStringList expected = QStringList(m_heads) << QStringLiteral("feedface0000");
        const DatabaseState state =
            VersionTableReader::readNow(QStringLiteral("sqlite:///sqlite-ghost.db"), m_project);
        QVERIFY2(state.isReadable(), qPrintable(state.error()));
        QStringList sortedExpected = expected;
        sortedExpected.sort();
        QCOMPARE(state.sortedCurrentRevisions(), sortedExpected);
        const Run r = cli({QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                           QStringLiteral("current"), QStringLiteral("--url"),
                           QStringLiteral("sqlite:///sqlite-ghost.db")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts), sortedExpected);
    }

    void cliUsage()
    {
        const Run bogus = cli({QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                               QStringLiteral("current"), QStringLiteral("--bogus")});
        QCOMPARE(bogus.exitCode, 2);
        const Run noValue = cli({QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                                 QStringLiteral("current"), QStringLiteral("--url")});
        QCOMPARE(noValue.exitCode, 2);
        const Run noConfig = cli({QStringLiteral("-c"), m_project + QStringLiteral("/nope.ini"),
                                  QStringLiteral("current")});
        QCOMPARE(noConfig.exitCode, 3);
        QVERIFY(!noConfig.err.trimmed().isEmpty());
    }

    // A reader destroyed with requests in flight neither hangs nor delivers.
    void destroyWhileBusy()
    {
        QElapsedTimer t;
        t.start();
        {
            VersionTableReader reader;
            for (int i = 0; i < 20; ++i)
                reader.read(m_servers->pgUrl(QStringLiteral("plain")), m_project);
        }
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestVersionTableServers)
#include "tst_versiontable_servers.moc"
