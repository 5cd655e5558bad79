#pragma once

#include "model/common/latestjob.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace retort {

// Watches open script files and the version folders, and says what changed once things
// have settled (debounced: a `git checkout` or an editor's save is many events, one report).
//
// Safe against atomic saves by other tools: a file replaced by rename drops out of
// QFileSystemWatcher (it watched the old inode), so after every change the path is added
// again, and each file's folder is watched too so a file that comes back after a
// delete-then-create is noticed (the idea of Tiled's filesystemwatcher.cpp).
//
// Files are compared by content: fileChanged() only fires when the bytes differ from the
// last ones the watcher knows (what was loaded, what Retort saved via noteOwnSave(), or what
// it last reported), so Retort's own saves and touches that change nothing stay silent.
class FileWatcher : public QObject
{
    Q_OBJECT

public:
    explicit FileWatcher(QObject* parent = nullptr);
    ~FileWatcher() override;

    // Watches `path`; `knownBytes` is the content Retort has of it.
    void watchFile(const QString& path, const QByteArray& knownBytes);
    void unwatchFile(const QString& path);
    // Retort just wrote `bytes` to `path`: that is not an outside change.
    void noteOwnSave(const QString& path, const QByteArray& bytes);
    QStringList watchedFiles() const { return m_files.keys(); }

    // The folders whose entries matter (the version folders) and the scripts in them;
    // replaces the previous sets. A change to one of `files` (an editor writing in place,
    // which leaves the folder's entries alone) counts as a change of its folder. At most
    // kMaxTrackedFiles files are watched, so a huge project cannot exhaust inotify.
    static constexpr int kMaxTrackedFiles = 2000;
    void setDirectories(const QStringList& folders, const QStringList& files = {});
    QStringList directories() const { return m_directories.values(); }

    void setDebounceInterval(int milliseconds);
    int debounceInterval() const;

signals:
    // The file's content differs from the last known; it exists.
    void fileChanged(const QString& path);
    // The file is gone (once per disappearance; fileChanged follows if it comes back).
    void fileRemoved(const QString& path);
    // Scripts in watched folders were added, removed, renamed, replaced or written. Folder
    // events that change none of them (Python writing __pycache__ while alembic runs, an
    // editor's swap file) are dropped by comparing a listing of the folder's scripts.
    void directoriesChanged(const QStringList& folders);

private:
    struct Watched
    {
        QByteArray hash; // of the last known content; empty when the file is missing
        bool missing = false;
    };

    void onPathChanged(const QString& path);
    void onDirectoryChanged(const QString& path);
    void flush();
    void rewatch();
    static QByteArray hashOf(const QByteArray& bytes);
    // Name -> (modified ms, size) of the scripts (*.py, *.pyc, *.pyo) and subfolders of a
    // folder, __pycache__ left out. Computed off the GUI thread.
    using Listing = QHash<QString, QPair<qint64, qint64>>;
    static QHash<QString, Listing> list(const QStringList& folders);
    void compareListings(const QStringList& folders);

    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_debounce = nullptr;
    QHash<QString, Watched> m_files; // clean absolute path -> state
    QSet<QString> m_directories;     // asked for by setDirectories()
    QSet<QString> m_tracked;         // files of those folders, watched for in-place writes
    QSet<QString> m_pendingFiles;
    QSet<QString> m_pendingDirectories;
    QHash<QString, Listing> m_listings; // the last listing of each watched folder
    LatestJob m_listing;                // lists folders off the GUI thread
    QSet<QString> m_listingFolders;     // asked of the listing in flight
};

} // namespace retort
