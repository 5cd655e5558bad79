#include "model/db/databasestate.h"
#include "model/db/versiontablereader.h"
#include "model/graph/revisiongraph.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QStringList ids(const char* spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

Revision rev(const char* id, const char* downs = "", const char* labels = "", const char* deps = "")
{
    Revision r;
    r.id = QString::fromUtf8(id);
    r.downRevisions = ids(downs);
    r.branchLabels = ids(labels);
    r.dependsOn = ids(deps);
    r.path = QStringLiteral("/p/versions/%1.py").arg(r.id);
    return r;
}

QStringList sorted(const QSet<QString>& set)
{
    QStringList out(set.cbegin(), set.cend());
    out.sort();
    return out;
}

//   a - b - c - d          (main)
//        `- e - f          (branch "side"; f depends_on c)
//   x - y                  (second base, label "other"; y depends_on the label "side")
std::shared_ptr<const RevisionGraph> sample()
{
    return RevisionGraph::build({
        rev("a"),
        rev("b", "a"),
        rev("c", "b"),
        rev("d", "c"),
        rev("e", "b", "side"),
        rev("f", "e", "", "c"),
        rev("x", "", "other"),
        rev("y", "x", "", "side"),
    });
}

} // namespace

class TestDatabaseState : public QObject
{
    Q_OBJECT

private slots:
    void constructors()
    {
        const DatabaseState base = DatabaseState::atBase();
        QVERIFY(base.isReadable());
        QVERIFY(base.isTableMissing());
        QVERIFY(base.isAtBase());

        const DatabaseState empty = DatabaseState::fromRows({});
        QVERIFY(empty.isReadable());
        QVERIFY(!empty.isTableMissing());
        QVERIFY(empty.isAtBase());

        const DatabaseState broken = DatabaseState::failure(QStringLiteral("no server"));
        QVERIFY(!broken.isReadable());
        QCOMPARE(broken.error(), QStringLiteral("no server"));
        QVERIFY(!broken.isAtBase());

        const DatabaseState rows = DatabaseState::fromRows(ids("d b"));
        QCOMPARE(rows.currentRevisions(), ids("d b"));
        QCOMPARE(rows.sortedCurrentRevisions(), ids("b d"));
        QVERIFY(!rows.isDerived());
        QVERIFY(!rows.isFileMissing());
        QVERIFY(!base.isFileMissing());

        const DatabaseState noFile = DatabaseState::missingFile(QStringLiteral("/p/app.db"));
        QVERIFY(noFile.isReadable());
        QVERIFY(noFile.isAtBase());
        QVERIFY(noFile.isTableMissing());
        QVERIFY(noFile.isFileMissing());
        QCOMPARE(noFile.missingFile(), QStringLiteral("/p/app.db"));
        QVERIFY(!(noFile == base));
    }

    // A SQLite file that does not exist yet is at base (alembic would create it), and the
    // state says so; reading it does not create it. An existing empty file is just at base.
    // A write stopped halfway (alembic killed by Stop) leaves a hot journal that a read-only
    // connection cannot roll back: the reader says so, touches neither file, and reads the
    // database again once a program that writes has recovered it.
    void interruptedSqliteWriteIsExplained()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("stopped.db"));
        QProcess python;
        python.start(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-c"),
                      QStringLiteral(
                          "import os, signal, sqlite3, sys\n"
                          "c = sqlite3.connect(sys.argv[1])\n"
                          "c.execute('create table alembic_version (version_num varchar(32))')\n"
                          "c.execute(\"insert into alembic_version values ('aaaa')\")\n"
                          "c.commit()\n"
                          "w = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                          "w.execute('pragma cache_size = 10')\n" // spill pages to the file
                          "w.execute('begin')\n"
                          "w.execute(\"update alembic_version set version_num = 'bbbb'\")\n"
                          "w.execute('create table t as with recursive r(x) as (select 1 union all "
                          "select x + 1 from r where x < 100000) select x from r')\n"
                          "os.kill(os.getpid(), signal.SIGKILL)\n"),
                      file});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitStatus(), QProcess::CrashExit); // killed mid-write, as intended
        const QString journal = file + QStringLiteral("-journal");
        QVERIFY(QFileInfo(journal).size() > 0);
        auto bytes = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray before = bytes(file);
        const QByteArray journalBefore = bytes(journal);

        const DatabaseState stopped =
            VersionTableReader::readNow(QStringLiteral("sqlite:///stopped.db"), dir.path());
        QVERIFY(!stopped.isReadable());
        QVERIFY2(stopped.error().contains(QLatin1String("unfinished write"))
                     && stopped.error().contains(QLatin1String("stopped.db-journal")),
                 qPrintable(stopped.error()));
        QCOMPARE(bytes(file), before);
        QCOMPARE(bytes(journal), journalBefore);

        // A program that writes (here a plain read-write connection) rolls the write back.
        python.start(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sqlite3, sys\n"
                                     "sqlite3.connect(sys.argv[1]).execute("
                                     "'select * from alembic_version').fetchall()\n"),
                      file});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitCode(), 0);
        const DatabaseState recovered =
            VersionTableReader::readNow(QStringLiteral("sqlite:///stopped.db"), dir.path());
        QVERIFY2(recovered.isReadable(), qPrintable(recovered.error()));
        QCOMPARE(recovered.currentRevisions(), QStringList{QStringLiteral("aaaa")});
    }

    void missingSqliteFileIsFlagged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = QDir(dir.path()).absoluteFilePath(QStringLiteral("not-yet.db"));
        const DatabaseState missing =
            VersionTableReader::readNow(QStringLiteral("sqlite:///not-yet.db"), dir.path());
        QVERIFY2(missing.isReadable(), qPrintable(missing.error()));
        QVERIFY(missing.isAtBase());
        QVERIFY(missing.isFileMissing());
        QCOMPARE(missing.missingFile(), file);
        QVERIFY(!QFile::exists(file));

        QFile empty(file);
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const DatabaseState existing =
            VersionTableReader::readNow(QStringLiteral("sqlite:///not-yet.db"), dir.path());
        QVERIFY2(existing.isReadable(), qPrintable(existing.error()));
        QVERIFY(existing.isAtBase());
        QVERIFY(!existing.isFileMissing());

        // A missing folder stays an error, as it is for alembic.
        const DatabaseState noFolder =
            VersionTableReader::readNow(QStringLiteral("sqlite:///no/such/folder/x.db"), dir.path());
        QVERIFY(!noFolder.isReadable());
        QVERIFY(!noFolder.isFileMissing());
    }

    void atBaseEverythingPending()
    {
        const auto g = sample();
        const DatabaseState s = DatabaseState::derive(*g, DatabaseState::atBase());
        QVERIFY(s.isDerived());
        QVERIFY(s.isTableMissing());
        QVERIFY(s.applied().isEmpty());
        QCOMPARE(sorted(s.pending()), ids("a b c d e f x y"));
        QVERIFY(s.ghosts().isEmpty());
    }

    void linearRow()
    {
        const auto g = sample();
        const DatabaseState s = DatabaseState::derive(*g, ids("c"));
        QCOMPARE(sorted(s.applied()), ids("a b c"));
        QCOMPARE(sorted(s.pending()), ids("d e f x y"));
        QVERIFY(s.isCurrent(QStringLiteral("c")));
        QVERIFY(s.isApplied(QStringLiteral("a")));
        QVERIFY(s.isPending(QStringLiteral("d")));
    }

    void appliedFollowsDependsOn()
    {
        const auto g = sample();
        // f depends_on c: c (and its ancestors) count as applied though not on f's line.
        const DatabaseState s = DatabaseState::derive(*g, ids("f"));
        QCOMPARE(sorted(s.applied()), ids("a b c e f"));
        QCOMPARE(sorted(s.pending()), ids("d x y"));
    }

    void appliedFollowsLabelDependency()
    {
        const auto g = sample();
        // y depends_on the label "side" (= e, the revision declaring it), hence e, b, a.
        const DatabaseState s = DatabaseState::derive(*g, ids("y"));
        QCOMPARE(sorted(s.applied()), ids("a b e x y"));
        QCOMPARE(sorted(s.pending()), ids("c d f"));
    }

    void severalRows()
    {
        const auto g = sample();
        const DatabaseState s = DatabaseState::derive(*g, ids("d y"));
        QCOMPARE(s.currentRevisions(), ids("d y"));
        QCOMPARE(sorted(s.applied()), ids("a b c d e x y"));
        QCOMPARE(sorted(s.pending()), ids("f"));
        QVERIFY(s.ghosts().isEmpty());

        // A row that is already an ancestor of another row changes nothing.
        const DatabaseState t = DatabaseState::derive(*g, ids("b d y"));
        QCOMPARE(t.applied(), s.applied());
        QCOMPARE(t.pending(), s.pending());
    }

    void ghosts()
    {
        const auto g = sample();
        const DatabaseState s = DatabaseState::derive(*g, ids("zz9 c deadbeef zz9"));
        QCOMPARE(s.ghosts(), ids("zz9 deadbeef"));
        QVERIFY(s.isGhost(QStringLiteral("deadbeef")));
        QVERIFY(!s.isGhost(QStringLiteral("c")));
        QCOMPARE(sorted(s.applied()), ids("a b c"));
        QCOMPARE(sorted(s.pending()), ids("d e f x y"));
        // Rows are kept as read, ghosts included.
        QCOMPARE(s.currentRevisions(), ids("zz9 c deadbeef zz9"));
    }

    void onlyGhosts()
    {
        const auto g = sample();
        const DatabaseState s = DatabaseState::derive(*g, ids("gone"));
        QCOMPARE(s.ghosts(), ids("gone"));
        QVERIFY(s.applied().isEmpty());
        QCOMPARE(s.pending().size(), g->size());
    }

    void normalizedDependencies()
    {
        // m depends_on a, and so does its ancestor k: alembic drops the edge from m
        // (normalized), yet a is still applied through k.
        const auto g = RevisionGraph::build({
            rev("a"),
            rev("a2", "a"),
            rev("j"),
            rev("k", "j", "", "a"),
            rev("m", "k", "", "a"),
        });
        const DatabaseState s = DatabaseState::derive(*g, ids("m"));
        QCOMPARE(sorted(s.applied()), ids("a j k m"));
        QCOMPARE(sorted(s.pending()), ids("a2"));
    }

    void rederiveAgainstAnotherGraph()
    {
        const auto g = sample();
        const DatabaseState first = DatabaseState::derive(*g, ids("d"));
        const auto h = RevisionGraph::build({rev("a"), rev("b", "a")});
        const DatabaseState second = DatabaseState::derive(*h, first);
        QCOMPARE(second.ghosts(), ids("d"));
        QVERIFY(second.applied().isEmpty());
        QCOMPARE(sorted(second.pending()), ids("a b"));
    }

    void errorStateDerivesNothingApplied()
    {
        const auto g = sample();
        const DatabaseState s =
            DatabaseState::derive(*g, DatabaseState::failure(QStringLiteral("x")));
        QVERIFY(!s.isReadable());
        QVERIFY(s.applied().isEmpty());
        QVERIFY(s.ghosts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseState)
#include "tst_databasestate.moc"
