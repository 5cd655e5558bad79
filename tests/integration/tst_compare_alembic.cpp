// `retort-cli compare` against the real alembic (issue 16): databases of the demo project
// are brought to several states by alembic itself; Retort compares each pair, and the
// commands it prints are then run by alembic on the first database. The test checks that
// every command runs exactly the revisions Retort said (alembic's own "Running ..." lines),
// that the first database then holds exactly the second one's version rows, and that the
// revisions "only in A" were downgraded and those "only in B" upgraded.
#include "support/alembicundertest.h"
#include "support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort::testsupport;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

struct Run
{
    bool ok = false;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QString& cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(program, args);
    Run r;
    r.ok = p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit
           && p.exitCode() == 0;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

// The revisions alembic says it ran, in order: "Running upgrade a -> b, msg" applies b (a
// merge: "a, b -> m, msg"); "Running downgrade b -> a, msg" unapplies b.
QStringList ranRevisions(const QString& log)
{
    static const QRegularExpression line(
        QStringLiteral("Running (upgrade|downgrade) (.*?) -> ([0-9a-f, ]*?)(?:, |$)"),
        QRegularExpression::MultilineOption);
    QStringList ids;
    for (auto it = line.globalMatch(log); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        ids << (m.captured(1) == QLatin1String("upgrade") ? m.captured(3) : m.captured(2)).trimmed();
    }
    return ids;
}

} // namespace

class TestCompareAlembic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printedCommandsReachTheSecondDatabase_data();
    void printedCommandsReachTheSecondDatabase();
    void comparesWithARevision();

private:
    // An ini beside the project's own (so %(here)s is the same) that points at `db`.
    QString iniFor(const QString& db) const;
    Run alembic(const QString& db, const QStringList& args) const;
    QStringList rowsOf(const QString& db) const;
    // A new database at the state alembic reaches by upgrading to each target in turn.
    QString databaseAt(const QString& name, const QStringList& targets);
    Run compare(const QStringList& args) const;

    QTemporaryDir m_tmp;
    QString m_project;
    retort::test::AlembicUnderTest m_alembic;
    int m_databases = 0;
    QHash<QString, QString> m_made; // targets -> a database alembic brought there
};

void TestCompareAlembic::initTestCase()
{
    QVERIFY(retort::test::AlembicUnderTest::check(kPython, &m_alembic));
    QVERIFY(m_tmp.isValid());
    m_project = m_tmp.filePath(QStringLiteral("demo"));
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), m_project));
    QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
}

QString TestCompareAlembic::iniFor(const QString& db) const
{
    const QString path = m_project + QStringLiteral("/") + QFileInfo(db).baseName()
                         + QStringLiteral(".ini");
    if (QFile::exists(path))
        return path;
    QFile in(m_project + QStringLiteral("/alembic.ini"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(in.readAll());
    text.replace(QRegularExpression(QStringLiteral("^sqlalchemy\\.url\\s*=.*$"),
                                    QRegularExpression::MultilineOption),
                 QStringLiteral("sqlalchemy.url = sqlite:///") + db);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(text.toUtf8());
    return path;
}

Run TestCompareAlembic::alembic(const QString& db, const QStringList& args) const
{
    return run(kPython,
               QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                           iniFor(db)}
                   + args,
               m_project);
}

QStringList TestCompareAlembic::rowsOf(const QString& db) const
{
    const QString connection = QStringLiteral("rows-%1").arg(db);
    QStringList rows;
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        sql.setDatabaseName(db);
        if (sql.open()) {
            QSqlQuery q(QStringLiteral("SELECT version_num FROM alembic_version"), sql);
            while (q.next())
                rows << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return sorted(rows);
}

QString TestCompareAlembic::databaseAt(const QString& name, const QStringList& targets)
{
    // Each state is made by alembic once, then copied: the pairs share states.
    const QString key = targets.join(u'+');
    const QString db = m_tmp.filePath(QStringLiteral("%1-%2.db").arg(name).arg(++m_databases));
    if (const QString made = m_made.value(key); !made.isEmpty())
        return QFile::copy(made, db) ? db : QString();
    for (const QString& target : targets) {
        const Run r = alembic(db, {QStringLiteral("upgrade"), target});
        if (!r.ok) {
            qWarning("alembic upgrade %s failed: %s", qPrintable(target), qPrintable(r.err));
            return {};
        }
    }
    const QString kept = m_tmp.filePath(QStringLiteral("state-%1.db").arg(m_made.size()));
    if (!targets.isEmpty() && !QFile::copy(db, kept))
        return {};
    if (!targets.isEmpty())
        m_made.insert(key, kept);
    return db;
}

Run TestCompareAlembic::compare(const QStringList& args) const
{
    return run(QStringLiteral(RETORT_CLI_PATH),
               QStringList{QStringLiteral("-c"), m_project + QStringLiteral("/alembic.ini"),
                           QStringLiteral("compare")}
                   + args + QStringList{QStringLiteral("--json")},
               m_project);
}

void TestCompareAlembic::printedCommandsReachTheSecondDatabase_data()
{
    QTest::addColumn<QStringList>("a");
    QTest::addColumn<QStringList>("b");
    const QStringList heads{QStringLiteral("heads")};
    QTest::newRow("base to heads") << QStringList() << heads;
    QTest::newRow("heads to base") << heads << QStringList();
    QTest::newRow("in sync") << heads << heads;
    QTest::newRow("main head to reporting head")
        << QStringList{QStringLiteral("da0aaa72870b")} << QStringList{QStringLiteral("3a7c6088155f")};
    QTest::newRow("heads to the reviews branch")
        << heads << QStringList{QStringLiteral("68340cc8af11")};
    QTest::newRow("two branches to a third")
        << QStringList{QStringLiteral("4cc33c234038"), QStringLiteral("68340cc8af11")}
        << QStringList{QStringLiteral("1ff12e825ce1")};
    QTest::newRow("drop the reporting branch only")
        << heads << QStringList{QStringLiteral("da0aaa72870b")};
    QTest::newRow("one side of the fork to the other")
        << QStringList{QStringLiteral("4de4ad915a36")} << QStringList{QStringLiteral("158d9a0b2361")};
}

void TestCompareAlembic::printedCommandsReachTheSecondDatabase()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    const QString dbA = databaseAt(QStringLiteral("a"), a);
    const QString dbB = databaseAt(QStringLiteral("b"), b);
    QVERIFY(!dbA.isEmpty() && !dbB.isEmpty());
    const QStringList rowsA = rowsOf(dbA);
    const QStringList rowsB = rowsOf(dbB);

    const Run c = compare({QStringLiteral("--url"), QStringLiteral("sqlite:///") + dbA,
                           QStringLiteral("--url"), QStringLiteral("sqlite:///") + dbB});
    QVERIFY2(c.ok, qPrintable(c.err));
    const QJsonObject json = QJsonDocument::fromJson(c.out.toUtf8()).object();
    QCOMPARE(sorted(strings(json.value(QStringLiteral("a"))[QStringLiteral("rows")])), rowsA);
    QCOMPARE(sorted(strings(json.value(QStringLiteral("b"))[QStringLiteral("rows")])), rowsB);
    const QStringList onlyA = strings(json.value(QStringLiteral("only_a")));
    const QStringList onlyB = strings(json.value(QStringLiteral("only_b")));
    QCOMPARE(json.value(QStringLiteral("in_sync")).toBool(), rowsA == rowsB);
    QCOMPARE(onlyA.isEmpty() && onlyB.isEmpty(), rowsA == rowsB);

    QStringList downgraded, upgraded;
    const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue& v : steps) {
        const QJsonObject step = v.toObject();
        const QString direction = step.value(QStringLiteral("direction")).toString();
        QVERIFY(direction == QLatin1String("upgrade") || direction == QLatin1String("downgrade"));
        const QString target = step.value(QStringLiteral("revision")).toString();
        const Run r = alembic(dbA, {direction, target});
        QVERIFY2(r.ok, qPrintable(QStringLiteral("alembic %1 %2: %3").arg(direction, target, r.err)));
        // alembic ran exactly the revisions Retort said, in its order
        QCOMPARE(ranRevisions(r.err), strings(step.value(QStringLiteral("runs"))));
        QCOMPARE(rowsOf(dbA), sorted(strings(step.value(QStringLiteral("rows_after")))));
        (direction == QLatin1String("upgrade") ? upgraded : downgraded)
            << strings(step.value(QStringLiteral("runs")));
    }
    QCOMPARE(rowsOf(dbA), rowsB);
    for (const QString& id : onlyA)
        QVERIFY2(downgraded.contains(id), qPrintable(id));
    for (const QString& id : onlyB)
        QVERIFY2(upgraded.contains(id), qPrintable(id));
    // nothing downgraded that B has and was not put back
    for (const QString& id : std::as_const(downgraded))
        QVERIFY2(onlyA.contains(id) || upgraded.contains(id), qPrintable(id));
}

// One database and a revision: the plan that brings the database to REV, as alembic names it.
void TestCompareAlembic::comparesWithARevision()
{
    const QString db = databaseAt(QStringLiteral("rev"), {QStringLiteral("heads")});
    QVERIFY(!db.isEmpty());
    const Run c = compare({QStringLiteral("--url"), QStringLiteral("sqlite:///") + db,
                           QStringLiteral("--revision"), QStringLiteral("reporting@head")});
    QVERIFY2(c.ok, qPrintable(c.err));
    const QJsonObject json = QJsonDocument::fromJson(c.out.toUtf8()).object();
    QCOMPARE(strings(json.value(QStringLiteral("b"))[QStringLiteral("rows")]),
             QStringList{QStringLiteral("3a7c6088155f")});
    for (const QJsonValue& v : json.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject step = v.toObject();
        const Run r = alembic(db, {step.value(QStringLiteral("direction")).toString(),
                                   step.value(QStringLiteral("revision")).toString()});
        QVERIFY2(r.ok, qPrintable(r.err));
    }
    QCOMPARE(rowsOf(db), QStringList{QStringLiteral("3a7c6088155f")});

    const Run unknown = compare({QStringLiteral("--url"), QStringLiteral("sqlite:///") + db,
                                 QStringLiteral("--revision"), QStringLiteral("ffffffffffff")});
    QVERIFY(!unknown.ok);
    QVERIFY2(unknown.err.contains(QLatin1String("ffffffffffff")), qPrintable(unknown.err));
}

QTEST_GUILESS_MAIN(TestCompareAlembic)
#include "tst_compare_alembic.moc"
