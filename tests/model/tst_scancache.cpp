// ScanCache: a second scan of unchanged files reads none of them again, and every kind of
// change (rewritten with the same size, deleted, added, broken) is read as it now is.
#include "model/project/projectloader.h"
#include "model/script/scancache.h"
#include "model/script/scriptdirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include "support/testfiles.h"
#include <QThread>

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
    return out;
}

// File times are as fine as the kernel's clock tick: wait past one before writing again.
void nextTick()
{
    QThread::msleep(30);
}

} // namespace

class TestScanCache : public QObject
{
    Q_OBJECT

private slots:
    void unchangedFilesAreNotReadAgain()
    {
        QTemporaryDir dir;
        const QString versions = dir.filePath(QStringLiteral("versions"));
        write(versions + QStringLiteral("/a.py"), testsupport::revisionScript("aaa"));
        write(versions + QStringLiteral("/b.py"), testsupport::revisionScript("bbb", "aaa"));
        write(versions + QStringLiteral("/c.py"), "revision = 'ccc'\ndown_revision = (\n"); // broken
        ScanCache cache(0);
        const ScanResult first = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QCOMPARE(first.reusedFiles, 0);
        QCOMPARE(cache.size(), 3);
        const ScanResult second = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QCOMPARE(second.reusedFiles, 3);
        QCOMPARE(idsOf(second), idsOf(first));
        QCOMPARE(second.files, first.files);
        QCOMPARE(second.diagnostics.size(), first.diagnostics.size());
        QVERIFY(!second.diagnostics.isEmpty()); // the broken file's diagnostic comes back too
        for (qsizetype i = 0; i < first.revisions.size(); ++i) {
            QCOMPARE(second.revisions.at(i), first.revisions.at(i)); // loadOrder, location too
        }
        // Without a cache nothing is reused, and the result is the same.
        const ScanResult plain = ScriptDirectory::scan({versions}, false);
        QCOMPARE(plain.reusedFiles, 0);
        QCOMPARE(idsOf(plain), idsOf(first));
    }

    void everyChangeIsReadAsItIsNow()
    {
        QTemporaryDir dir;
        const QString versions = dir.filePath(QStringLiteral("versions"));
        write(versions + QStringLiteral("/a.py"), testsupport::revisionScript("aaa"));
        write(versions + QStringLiteral("/b.py"), testsupport::revisionScript("bbb", "aaa"));
        write(versions + QStringLiteral("/c.py"), testsupport::revisionScript("ccc", "bbb"));
        ScanCache cache(0);
        ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        nextTick();
        // Rewritten with the same size: only its times tell.
        const QByteArray renamed = testsupport::revisionScript("bbx", "aaa");
        QCOMPARE(renamed.size(), testsupport::revisionScript("bbb", "aaa").size());
        write(versions + QStringLiteral("/b.py"), renamed);
        QFile::remove(versions + QStringLiteral("/c.py"));
        write(versions + QStringLiteral("/d.py"), testsupport::revisionScript("ddd", "bbx"));
        const ScanResult after = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QCOMPARE(after.reusedFiles, 1); // a.py
        QCOMPARE(idsOf(after), QStringList({QStringLiteral("aaa"), QStringLiteral("bbx"),
                                            QStringLiteral("ddd")}));
        QCOMPARE(cache.size(), 3); // c.py is forgotten
        // Broken now, fixed again: each time as it is.
        nextTick();
        write(versions + QStringLiteral("/d.py"), "revision = 'ddd'\ndown_revision = (\n");
        ScanResult broken = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QVERIFY(!broken.diagnostics.isEmpty());
        nextTick();
        write(versions + QStringLiteral("/d.py"), testsupport::revisionScript("ddd", "bbx"));
        broken = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QVERIFY(broken.diagnostics.isEmpty());
        QCOMPARE(broken.reusedFiles, 2);
    }

    // A file changed within the racy window before the scan is not kept: a second write in the
    // same clock tick with the same size would otherwise go unseen.
    void justWrittenFilesAreReadAgain()
    {
        QTemporaryDir dir;
        const QString versions = dir.filePath(QStringLiteral("versions"));
        write(versions + QStringLiteral("/a.py"), testsupport::revisionScript("aaa"));
        ScanCache cache; // the real window
        ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QCOMPARE(cache.size(), 0);
        const ScanResult again = ScriptDirectory::scan({versions}, false, AlembicRules::newest(), &cache);
        QCOMPARE(again.reusedFiles, 0);
        QCOMPARE(idsOf(again), QStringList{QStringLiteral("aaa")});
    }

    void stampsTellFilesApart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.py"));
        QVERIFY(!FileStamp::of(path).isValid());
        write(path, "x");
        const FileStamp first = FileStamp::of(path);
        QVERIFY(first.isValid());
        QCOMPARE(first.size, 1);
        QCOMPARE(FileStamp::of(path), first);
        nextTick();
        write(path, "y");
        QVERIFY(!(FileStamp::of(path) == first));
    }

    void loaderUsesTheCache()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("alembic.ini")),
              "[alembic]\nscript_location = %(here)s/migrations\n");
        write(dir.filePath(QStringLiteral("migrations/versions/a.py")), testsupport::revisionScript("aaa"));
        write(dir.filePath(QStringLiteral("migrations/versions/b.py")), testsupport::revisionScript("bbb", "aaa"));
        LoadOptions options;
        options.scanCache = std::make_shared<ScanCache>(0);
        const auto first = ProjectLoader::load(dir.filePath(QStringLiteral("alembic.ini")), options);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(options.scanCache->size(), 2);
        const auto second = ProjectLoader::load(dir.filePath(QStringLiteral("alembic.ini")), options);
        QVERIFY(second.ok());
        QCOMPARE(second->graph->revisions(), first->graph->revisions());
    }
};

QTEST_GUILESS_MAIN(TestScanCache)
#include "tst_scancache.moc"
