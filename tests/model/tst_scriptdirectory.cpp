#include "model/graph/revisiongraph.h"
#include "model/script/scriptdirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QSemaphore>
#include <QTest>
#include "support/testfiles.h"
#include <QThreadPool>

#include <sys/stat.h>

#include <atomic>

using namespace retort;

namespace {

void write(const QString& path, const QByteArray& content)
{
    QVERIFY2(testsupport::writeFile(path, content), qPrintable(path));
}

QStringList idsOf(const ScanResult& r)
{
    QStringList out;
    for (const Revision& rev : r.revisions)
        out << rev.id;
    out.sort();
    return out;
}

QStringList names(const QStringList& paths)
{
    QStringList out;
    for (const QString& p : paths)
        out << QFileInfo(p).fileName();
    return out;
}

} // namespace

class TestScriptDirectory : public QObject
{
    Q_OBJECT

private slots:
    void fileNamesAsAlembic_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("counts");
        QTest::newRow("plain") << QStringLiteral("ae1027a6acf_add.py") << true;
        QTest::newRow("date prefix") << QStringLiteral("2021_01_20_122127_ab12_slug.py") << true;
        QTest::newRow("extra dots") << QStringLiteral("2022-02-21-19.56.24_ab12_slug.py") << true;
        QTest::newRow("version dots") << QStringLiteral("059_v3.4_initial.py") << true;
        QTest::newRow("init") << QStringLiteral("__init__.py") << false;
        QTest::newRow("init-ish") << QStringLiteral("__init__backup.py") << false;
        QTest::newRow("emacs lock") << QStringLiteral(".#abc.py") << false;
        QTest::newRow("readme") << QStringLiteral("README") << false;
        QTest::newRow("expand head") << QStringLiteral("EXPAND_HEAD") << false;
        QTest::newRow("keep") << QStringLiteral(".keep") << false;
        QTest::newRow("pyc") << QStringLiteral("abc.pyc") << false;
        QTest::newRow("backup") << QStringLiteral("abc.py~") << false;
        QTest::newRow("hidden py") << QStringLiteral(".hidden.py") << true;
    }

    void fileNamesAsAlembic()
    {
        QFETCH(QString, name);
        QFETCH(bool, counts);
        QCOMPARE(ScriptDirectory::isRevisionFileName(name), counts);
    }

    void scanSkipsNonRevisionFiles()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        write(v + QStringLiteral("/a1_first.py"), testsupport::revisionScript("a1"));
        write(v + QStringLiteral("/b2_second.py"), testsupport::revisionScript("b2", "a1"));
        write(v + QStringLiteral("/README"), "not python");
        write(v + QStringLiteral("/EXPAND_HEAD"), "b2\n");
        write(v + QStringLiteral("/.keep"), "");
        write(v + QStringLiteral("/__init__.py"), "");
        write(v + QStringLiteral("/.#a1_first.py"), "garbage (");
        write(v + QStringLiteral("/__pycache__/a1_first.cpython-311.pyc"), "\x00\x01");
        write(v + QStringLiteral("/nested/c3_deep.py"), testsupport::revisionScript("c3", "b2"));

        const ScanResult r = ScriptDirectory::scan({v}, false);
        QVERIFY(r.diagnostics.isEmpty());
        QCOMPARE(names(r.files), (QStringList{QStringLiteral("a1_first.py"), QStringLiteral("b2_second.py")}));
        QCOMPARE(idsOf(r), (QStringList{QStringLiteral("a1"), QStringLiteral("b2")}));
        for (const Revision& rev : r.revisions)
            QCOMPARE(rev.versionLocation, QFileInfo(v).absoluteFilePath());
    }

    void recursiveVersionLocations()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        write(v + QStringLiteral("/base_r.py"), testsupport::revisionScript("r0"));
        write(v + QStringLiteral("/2024.1/expand/e1.py"), testsupport::revisionScript("e1", "r0"));
        write(v + QStringLiteral("/2024.1/contract/c1.py"), testsupport::revisionScript("c1", "r0"));
        write(v + QStringLiteral("/2024.2/expand/e2.py"), testsupport::revisionScript("e2", "e1"));
        write(v + QStringLiteral("/2024.2/__pycache__/zz.py"), testsupport::revisionScript("zz"));

        const ScanResult flat = ScriptDirectory::scan({v}, false);
        QCOMPARE(idsOf(flat), QStringList{QStringLiteral("r0")});

        const ScanResult deep = ScriptDirectory::scan({v}, true);
        QVERIFY(deep.diagnostics.isEmpty());
        QCOMPARE(idsOf(deep), (QStringList{QStringLiteral("c1"), QStringLiteral("e1"),
                                           QStringLiteral("e2"), QStringLiteral("r0")}));
    }

    void severalLocationsAndDuplicates()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("core"));
        const QString b = dir.filePath(QStringLiteral("plugin"));
        write(a + QStringLiteral("/c1.py"), testsupport::revisionScript("c1"));
        write(b + QStringLiteral("/p1.py"), testsupport::revisionScript("p1"));
        // The same folder named twice (once through a different spelling): loaded once.
        const ScanResult r = ScriptDirectory::scan({a, b, a + QStringLiteral("/../core")}, false);
        QCOMPARE(idsOf(r), (QStringList{QStringLiteral("c1"), QStringLiteral("p1")}));
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().severity, Diagnostic::Severity::Warning);
        QCOMPARE(r.revisions.at(0).versionLocation == QFileInfo(a).absoluteFilePath()
                     || r.revisions.at(1).versionLocation == QFileInfo(a).absoluteFilePath(),
                 true);
    }

    void missingFolderIsADiagnostic()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("versions"));
        write(good + QStringLiteral("/a.py"), testsupport::revisionScript("a0a0"));
        const ScanResult r = ScriptDirectory::scan({dir.filePath(QStringLiteral("nope")), good}, false);
        QCOMPARE(idsOf(r), QStringList{QStringLiteral("a0a0")});
        QCOMPARE(r.diagnostics.size(), 1);
        QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("does not exist")));

        write(dir.filePath(QStringLiteral("file")), "x");
        const ScanResult notDir = ScriptDirectory::scan({dir.filePath(QStringLiteral("file"))}, false);
        QCOMPARE(notDir.diagnostics.size(), 1);
        QVERIFY(notDir.diagnostics.first().message.contains(QStringLiteral("not a folder")));
    }

    void emptyFolder()
    {
        QTemporaryDir dir;
        const ScanResult r = ScriptDirectory::scan({dir.path()}, false);
        QVERIFY(r.revisions.isEmpty());
        QVERIFY(r.diagnostics.isEmpty());
        QVERIFY(RevisionGraph::build(r.revisions, r.diagnostics)->isEmpty());
    }

    // Broken files: each one a diagnostic on that file, the rest loads.
    void badInputLoadsTheRest()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        write(v + QStringLiteral("/a_ok.py"), testsupport::revisionScript("aaaa"));
        write(v + QStringLiteral("/b_ok.py"), testsupport::revisionScript("bbbb", "aaaa"));
        write(v + QStringLiteral("/c_syntax.py"), "revision = 'cccc\ndown_revision = None\n");
        write(v + QStringLiteral("/d_binary.py"), QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16));
        write(v + QStringLiteral("/e_latin1.py"), "revision = 'eeee'\ndown_revision = None\n# caf\xe9\n");
        write(v + QStringLiteral("/f_dup.py"), testsupport::revisionScript("bbbb", "aaaa"));
        write(v + QStringLiteral("/g_dangling.py"), testsupport::revisionScript("gggg", "missing0"));
        QByteArray big = testsupport::revisionScript("hhhh", "bbbb");
        big += QByteArray(10 * 1024 * 1024, '#');
        write(v + QStringLiteral("/h_big.py"), big);
        write(v + QStringLiteral("/i_cycle1.py"), testsupport::revisionScript("iiii", "jjjj"));
        write(v + QStringLiteral("/j_cycle2.py"), testsupport::revisionScript("jjjj", "iiii"));
        write(v + QStringLiteral("/k_noid_slug.py"), "down_revision = None\n");
        write(v + QStringLiteral("/l_empty.py"), "");

        ScanResult r = ScriptDirectory::scan({v}, false);
        const auto g = RevisionGraph::build(r.revisions, r.diagnostics);
        QStringList loaded;
        for (const Revision& rev : g->revisions())
            loaded << rev.id;
        QCOMPARE(loaded, (QStringList{QStringLiteral("aaaa"), QStringLiteral("bbbb"),
                                      QStringLiteral("eeee"), QStringLiteral("gggg"),
                                      QStringLiteral("hhhh"), QStringLiteral("iiii"),
                                      QStringLiteral("jjjj")}));
        auto diagsOf = [&](const char* file) {
            return g->diagnosticsFor(v + u'/' + QString::fromUtf8(file));
        };
        QVERIFY(diagsOf("a_ok.py").isEmpty());
        QCOMPARE(diagsOf("c_syntax.py").size(), 1);
        QVERIFY(diagsOf("c_syntax.py").first().message.contains(QStringLiteral("syntax")));
        QCOMPARE(diagsOf("c_syntax.py").first().line, 1);
        QCOMPARE(diagsOf("d_binary.py").size(), 1);
        // not UTF-8 only in a comment: Python 3.11 imports it, so it loads
        QVERIFY(diagsOf("e_latin1.py").isEmpty());
        QCOMPARE(diagsOf("f_dup.py").size(), 1);
        QCOMPARE(diagsOf("b_ok.py").size(), 1); // told about its twin
        QCOMPARE(diagsOf("g_dangling.py").size(), 1);
        QVERIFY(diagsOf("h_big.py").isEmpty());
        QCOMPARE(diagsOf("i_cycle1.py").size(), 1);
        QCOMPARE(diagsOf("j_cycle2.py").size(), 1);
        QCOMPARE(diagsOf("k_noid_slug.py").size(), 1);
        QCOMPARE(diagsOf("l_empty.py").size(), 1);
        for (const Diagnostic& d : g->diagnostics())
            QVERIFY2(!d.message.isEmpty() && d.isError(), qPrintable(d.path + u' ' + d.message));
    }

    // Found by probing (issue 14): brackets nested 13,000 deep overflowed a worker's stack
    // (exit 139); a named pipe called *.py hung the scan. Python refuses more than 200 open
    // brackets ("too many nested parentheses"); a pipe is no regular file.
    void hostileFilesLoadTheRest()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        write(v + QStringLiteral("/a_ok.py"), testsupport::revisionScript("aaaa"));
        write(v + QStringLiteral("/b_deep.py"),
              "x = " + QByteArray(13000, '[') + QByteArray(13000, ']') + "\n" + testsupport::revisionScript("bbbb"));
        write(v + QStringLiteral("/c_200.py"),
              "x = " + QByteArray(200, '(') + "1" + QByteArray(200, ')') + "\n" + testsupport::revisionScript("cccc"));
        write(v + QStringLiteral("/d_201.py"),
              "x = " + QByteArray(201, '(') + "1" + QByteArray(201, ')') + "\n" + testsupport::revisionScript("dddd"));
        const QString fifo = v + QStringLiteral("/e_pipe.py");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);

        const ScanResult r = ScriptDirectory::scan({v}, false); // returns: nothing blocks
        const auto g = RevisionGraph::build(r.revisions, r.diagnostics);
        QCOMPARE(idsOf(r), (QStringList{QStringLiteral("aaaa"), QStringLiteral("cccc")}));
        auto only = [&](const char* file) {
            const Diagnostics d = g->diagnosticsFor(v + u'/' + QString::fromUtf8(file));
            return d.size() == 1 ? d.first() : Diagnostic{};
        };
        for (const char* file : {"b_deep.py", "d_201.py"}) {
            const Diagnostic d = only(file);
            QVERIFY2(d.message.contains(QStringLiteral("too many nested parentheses")), file);
            QVERIFY(d.stopsAlembic); // Python's SyntaxError: alembic cannot import it either
            QCOMPARE(d.line, 1);
        }
        QVERIFY(g->diagnosticsFor(v + QStringLiteral("/c_200.py")).isEmpty());
        QVERIFY2(only("e_pipe.py").message.contains(QStringLiteral("not a regular file")),
                 qPrintable(only("e_pipe.py").message));
    }

    void manyFilesInParallel()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        const int n = 2000;
        for (int i = 0; i < n; ++i) {
            const QByteArray id = "r" + QByteArray::number(i);
            const QByteArray down = "r" + QByteArray::number(i - 1);
            write(QStringLiteral("%1/%2_x.py").arg(v).arg(i, 5, 10, QLatin1Char('0')),
                  testsupport::revisionScript(id.constData(), i ? down.constData() : nullptr));
        }
        const ScanResult r = ScriptDirectory::scan({v}, false);
        QVERIFY(r.diagnostics.isEmpty());
        QCOMPARE(r.revisions.size(), n);
        // Every revision knows its place in alembic's load order (directory order).
        QSet<int> orders;
        for (const Revision& rev : r.revisions)
            orders.insert(rev.loadOrder);
        QCOMPARE(orders.size(), n);
        QCOMPARE(*std::min_element(orders.cbegin(), orders.cend()), 0);
        QCOMPARE(*std::max_element(orders.cbegin(), orders.cend()), n - 1);
        const auto g = RevisionGraph::build(r.revisions);
        QCOMPARE(g->heads(), QStringList{QStringLiteral("r%1").arg(n - 1)});
    }

    // scan() parses on the global pool; called from one of that pool's threads while every
    // other thread of it is busy, it still finishes (the caller does the parsing itself).
    void scanFromAFullGlobalPoolDoesNotDeadlock()
    {
        QTemporaryDir dir;
        const QString v = dir.filePath(QStringLiteral("versions"));
        for (int i = 0; i < 50; ++i) {
            const QByteArray id = "r" + QByteArray::number(i);
            const QByteArray down = "r" + QByteArray::number(i - 1);
            write(QStringLiteral("%1/%2_x.py").arg(v).arg(i, 3, 10, QLatin1Char('0')),
                  testsupport::revisionScript(id.constData(), i ? down.constData() : nullptr));
        }
        QThreadPool* pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore blockersRunning;
        QSemaphore release;
        for (int i = 0; i < threads - 1; ++i)
            pool->start([&] {
                blockersRunning.release();
                release.acquire();
            });
        QVERIFY(blockersRunning.tryAcquire(threads - 1, 5000));
        std::atomic<int> found = -1;
        pool->start([&] { found = int(ScriptDirectory::scan({v}, false).revisions.size()); });
        QTRY_VERIFY_WITH_TIMEOUT(found.load() >= 0, 10000);
        release.release(threads - 1);
        pool->waitForDone();
        QCOMPARE(found.load(), 50);
    }
};

QTEST_GUILESS_MAIN(TestScriptDirectory)
#include "tst_scriptdirectory.moc"
