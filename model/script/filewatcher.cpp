#include "model/script/filewatcher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace retort {

namespace {

QString cleanPath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

FileWatcher::FileWatcher(QObject* parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &FileWatcher::flush);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FileWatcher::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &FileWatcher::onDirectoryChanged);
}

FileWatcher::~FileWatcher() = default;

QByteArray FileWatcher::hashOf(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

void FileWatcher::setDebounceInterval(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

int FileWatcher::debounceInterval() const
{
    return m_debounce->interval();
}

void FileWatcher::watchFile(const QString& path, const QByteArray& knownBytes)
{
    const QString file = cleanPath(path);
    m_files.insert(file, Watched{hashOf(knownBytes), false});
    rewatch();
}

void FileWatcher::unwatchFile(const QString& path)
{
    const QString file = cleanPath(path);
    if (!m_files.remove(file))
        return;
    m_pendingFiles.remove(file);
    rewatch();
}

void FileWatcher::noteOwnSave(const QString& path, const QByteArray& bytes)
{
    const QString file = cleanPath(path);
    auto it = m_files.find(file);
    if (it == m_files.end())
        return;
    it->hash = hashOf(bytes);
    it->missing = false;
    rewatch(); // QSaveFile replaced the inode the watcher was on
}

void FileWatcher::setDirectories(const QStringList& folders, const QStringList& files)
{
    QSet<QString> wanted;
    for (const QString& folder : folders)
        wanted.insert(cleanPath(folder));
    QSet<QString> tracked;
    for (const QString& file : files.mid(0, kMaxTrackedFiles))
        tracked.insert(cleanPath(file));
    if (wanted == m_directories && tracked == m_tracked)
        return;
    m_directories = wanted;
    m_tracked = tracked;
    for (auto it = m_listings.begin(); it != m_listings.end();)
        it = wanted.contains(it.key()) ? std::next(it) : m_listings.erase(it);
    rewatch();
}

QHash<QString, FileWatcher::Listing> FileWatcher::list(const QStringList& folders)
{
    QHash<QString, Listing> out;
    for (const QString& folder : folders) {
        Listing listing;
        QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            const QString name = info.fileName();
            if (info.isDir()) {
                if (name != QLatin1String("__pycache__"))
                    listing.insert(name, {0, -1});
                continue;
            }
            if (!name.endsWith(QLatin1String(".py")) && !name.endsWith(QLatin1String(".pyc")) &&
                !name.endsWith(QLatin1String(".pyo")))
                continue;
            listing.insert(name, {info.lastModified().toMSecsSinceEpoch(), info.size()});
        }
        out.insert(folder, listing);
    }
    return out;
}

// Lists `folders` on a worker thread and says which of them differ from their last
// listing. A folder's first event always counts: a baseline taken asynchronously when the
// folder is added cannot be ordered against the events that follow, so there is none (at
// most one needless reload per folder instead of a missed change).
//
// The listing is a LatestJob: a newer one also lists the folders of the one it supersedes,
// whose result is then dropped, so every folder asked for is compared once, by the newest
// listing of it.
void FileWatcher::compareListings(const QStringList& folders)
{
    for (const QString& folder : folders)
        m_listingFolders.insert(folder);
    const QStringList asked = m_listingFolders.values();
    m_listing.start(
        this, [asked](const JobToken&) { return list(asked); },
        [this](const QHash<QString, Listing>& listings) {
            m_listingFolders.clear();
            QStringList changed;
            for (auto it = listings.cbegin(); it != listings.cend(); ++it) {
                if (!m_directories.contains(it.key()))
                    continue; // no longer watched
                const auto old = m_listings.constFind(it.key());
                if (old == m_listings.cend() || *old != it.value())
                    changed << it.key();
                m_listings.insert(it.key(), it.value());
            }
            if (!changed.isEmpty()) {
                changed.sort();
                emit directoriesChanged(changed);
            }
        });
}

// Makes QFileSystemWatcher watch exactly the files that exist, their folders and the asked
// folders. Called after every change: a path whose inode was replaced is silently dropped
// by the watcher and must be added again.
void FileWatcher::rewatch()
{
    QSet<QString> wantFiles;
    QSet<QString> wantDirs = m_directories;
    for (const QString& file : std::as_const(m_tracked))
        if (QFileInfo::exists(file))
            wantFiles.insert(file);
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        wantDirs.insert(QFileInfo(it.key()).absolutePath());
        if (QFileInfo::exists(it.key()))
            wantFiles.insert(it.key());
    }
    const QStringList watchedFiles = m_watcher->files();
    const QStringList watchedDirs = m_watcher->directories();
    const QSet<QString> haveFiles(watchedFiles.cbegin(), watchedFiles.cend());
    const QSet<QString> haveDirs(watchedDirs.cbegin(), watchedDirs.cend());
    QStringList remove;
    for (const QString& f : haveFiles)
        if (!wantFiles.contains(f))
            remove << f;
    for (const QString& d : haveDirs)
        if (!wantDirs.contains(d))
            remove << d;
    if (!remove.isEmpty())
        m_watcher->removePaths(remove);
    // Re-adding a path the watcher still has is harmless; it may have lost it silently.
    QStringList add;
    for (const QString& f : std::as_const(wantFiles))
        if (!haveFiles.contains(f))
            add << f;
    for (const QString& d : std::as_const(wantDirs))
        if (!haveDirs.contains(d) && QFileInfo(d).isDir())
            add << d;
    if (!add.isEmpty())
        m_watcher->addPaths(add);
}

void FileWatcher::onPathChanged(const QString& path)
{
    const QString file = cleanPath(path);
    if (m_files.contains(file))
        m_pendingFiles.insert(file);
    if (m_tracked.contains(file)) {
        const QString folder = QFileInfo(file).absolutePath();
        if (m_directories.contains(folder))
            m_pendingDirectories.insert(folder);
    }
    m_debounce->start();
}

void FileWatcher::onDirectoryChanged(const QString& path)
{
    const QString folder = cleanPath(path);
    if (m_directories.contains(folder))
        m_pendingDirectories.insert(folder);
    // A watched file in this folder may have been replaced, removed or recreated.
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (QFileInfo(it.key()).absolutePath() == folder)
            m_pendingFiles.insert(it.key());
    m_debounce->start();
}

void FileWatcher::flush()
{
    const QSet<QString> files = std::exchange(m_pendingFiles, {});
    const QSet<QString> folders = std::exchange(m_pendingDirectories, {});
    rewatch();

    QStringList sortedFiles = files.values();
    sortedFiles.sort();
    for (const QString& path : std::as_const(sortedFiles)) {
        auto it = m_files.find(path);
        if (it == m_files.end())
            continue;
        QFile file(path);
        if (!file.exists()) {
            if (!it->missing) {
                it->missing = true;
                it->hash.clear();
                emit fileRemoved(path);
            }
            continue;
        }
        if (!file.open(QIODevice::ReadOnly))
            continue; // being written right now: the write's own event brings us back
        const QByteArray hash = hashOf(file.readAll());
        // State first, then the signal: a slot may unwatch the file, which erases `it`.
        if (hash == it->hash && !it->missing)
            continue;
        it->hash = hash;
        it->missing = false;
        emit fileChanged(path);
    }
    if (!folders.isEmpty())
        compareListings(folders.values());
}

} // namespace retort
