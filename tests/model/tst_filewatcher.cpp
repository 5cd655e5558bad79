// FileWatcher: outside writes, atomic replace by rename, deletion and return, Retort's own
// saves staying silent, and bursts of events reported once.
#include "model/script/filewatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

bool write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// What editors like vim (backupcopy=no) and QSaveFile do: write a new file, rename it over.
bool replaceByRename(const QString& path, const QByteArray& bytes)
{
    const QString tmp = path + QStringLiteral(".tmp~");
    return write(tmp, bytes) && ::rename(QFile::encodeName(tmp), QFile::encodeName(path)) == 0;
}

} // namespace

class TestFileWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("rev.py"));
        QVERIFY(write(m_path, "one\n"));
        m_watcher = std::make_unique<FileWatcher>();
        m_watcher->setDebounceInterval(50);
        m_watcher->watchFile(m_path, "one\n");
    }

    void cleanup() { m_watcher.reset(); }

    void externalWrite()
    {
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        QVERIFY(write(m_path, "two\n"));
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QDir::cleanPath(m_path));
        // Still watched: a second write is seen too.
        QVERIFY(write(m_path, "three\n"));
        QTRY_COMPARE(changed.count(), 2);
    }

    void atomicReplaceIsRewatched()
    {
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        QSignalSpy removed(m_watcher.get(), &FileWatcher::fileRemoved);
        QVERIFY(replaceByRename(m_path, "two\n"));
        QTRY_COMPARE(changed.count(), 1);
        // The path was re-added after the rename: the next replace and an in-place write
        // are still reported.
        QVERIFY(replaceByRename(m_path, "three\n"));
        QTRY_COMPARE(changed.count(), 2);
        QVERIFY(write(m_path, "four\n"));
        QTRY_COMPARE(changed.count(), 3);
        QCOMPARE(removed.count(), 0);
    }

    void deleteAndReturn()
    {
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        QSignalSpy removed(m_watcher.get(), &FileWatcher::fileRemoved);
        QVERIFY(QFile::remove(m_path));
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), QDir::cleanPath(m_path));
        QTest::qWait(200);
        QCOMPARE(removed.count(), 1); // once per disappearance
        QCOMPARE(changed.count(), 0);
        // It comes back (git checkout of another branch and back): reported as changed.
        QVERIFY(write(m_path, "one\n"));
        QTRY_COMPARE(changed.count(), 1);
    }

    void ownSaveIsIgnored()
    {
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        // As ScriptFile::save does: QSaveFile, which renames a temporary file over it.
        QVERIFY(replaceByRename(m_path, "mine\n"));
        m_watcher->noteOwnSave(m_path, "mine\n");
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
        // A touch that changes nothing is not a change either.
        QVERIFY(write(m_path, "mine\n"));
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
        // But an outside write after our save is.
        QVERIFY(write(m_path, "theirs\n"));
        QTRY_COMPARE(changed.count(), 1);
    }

    void burstsAreDebounced()
    {
        m_watcher->setDebounceInterval(300);
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(write(m_path, QByteArray("burst ") + QByteArray::number(i) + '\n'));
            QTest::qWait(30);
        }
        QCOMPARE(changed.count(), 0); // still settling
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(400);
        QCOMPARE(changed.count(), 1);
    }

    void directoriesReportEntries()
    {
        const QString versions = m_dir->filePath(QStringLiteral("versions"));
        QVERIFY(QDir().mkpath(versions));
        m_watcher->setDirectories({versions});
        QCOMPARE(m_watcher->directories(), QStringList{QDir::cleanPath(versions)});
        QSignalSpy folders(m_watcher.get(), &FileWatcher::directoriesChanged);
        for (int i = 0; i < 3; ++i)
            QVERIFY(write(versions + QStringLiteral("/r%1.py").arg(i), "x\n"));
        QTRY_COMPARE(folders.count(), 1);
        QCOMPARE(folders.at(0).at(0).toStringList(), QStringList{QDir::cleanPath(versions)});
        // Unwatched files in the file's own folder do not count as version-folder changes.
        folders.clear();
        QVERIFY(write(m_dir->filePath(QStringLiteral("other.txt")), "x"));
        QTest::qWait(300);
        QCOMPARE(folders.count(), 0);
    }

    void inPlaceWritesOfFolderFilesCount()
    {
        // Editors that write in place leave the folder's entries alone: the scripts of the
        // folder are watched too, and a write to one is reported as a change of the folder.
        const QString versions = m_dir->filePath(QStringLiteral("versions"));
        QVERIFY(QDir().mkpath(versions));
        const QString script = versions + QStringLiteral("/r1.py");
        QVERIFY(write(script, "x\n"));
        m_watcher->setDirectories({versions}, {script});
        QSignalSpy folders(m_watcher.get(), &FileWatcher::directoriesChanged);
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        QVERIFY(write(script, "y\n"));
        QTRY_COMPARE(folders.count(), 1);
        QVERIFY(write(script, "z\n")); // and still watched afterwards
        QTRY_COMPARE(folders.count(), 2);
        QCOMPARE(changed.count(), 0); // not an open file
    }

    void scriptsCountOthersDoNot()
    {
        const QString versions = m_dir->filePath(QStringLiteral("versions"));
        QVERIFY(QDir().mkpath(versions));
        const QString script = versions + QStringLiteral("/r1.py");
        QVERIFY(write(script, "x\n"));
        m_watcher->setDirectories({versions}); // the script is not tracked as a file
        QSignalSpy folders(m_watcher.get(), &FileWatcher::directoriesChanged);
        // A folder's first event always counts (there is no baseline to compare with).
        QVERIFY(write(versions + QStringLiteral("/r2.py"), "y\n"));
        QTRY_COMPARE(folders.count(), 1);
        folders.clear();
        // What Python does while alembic loads the scripts, and an editor's swap file.
        QVERIFY(QDir().mkpath(versions + QStringLiteral("/__pycache__")));
        QVERIFY(write(versions + QStringLiteral("/__pycache__/r1.cpython-311.pyc"), "bytecode"));
        QVERIFY(write(versions + QStringLiteral("/.r1.py.swp"), "swap"));
        QTest::qWait(400);
        QCOMPARE(folders.count(), 0);
        // A script replaced by rename (git, editors) changes no name but is reported.
        QTest::qWait(20); // a new modification time
        QVERIFY(replaceByRename(script, "replaced and longer\n"));
        QTRY_COMPARE(folders.count(), 1);
    }

    void unwatchStopsReports()
    {
        QSignalSpy changed(m_watcher.get(), &FileWatcher::fileChanged);
        m_watcher->unwatchFile(m_path);
        QVERIFY(m_watcher->watchedFiles().isEmpty());
        QVERIFY(write(m_path, "two\n"));
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileWatcher> m_watcher;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestFileWatcher)
#include "tst_filewatcher.moc"
