// ScanCache: parse results of a project's scripts kept by file stamp (see scancache.h).
#include "model/script/scancache.h"

#include <QFile>
#include <QMutexLocker>
#include <QSet>

#include <sys/stat.h>

namespace retort {

FileStamp FileStamp::of(const QString& path)
{
    FileStamp stamp;
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return stamp;
    stamp.size = qint64(info.st_size);
    stamp.inode = quint64(info.st_ino);
    stamp.modifiedNs = qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    stamp.changedNs = qint64(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec;
    return stamp;
}

std::optional<ParseResult> ScanCache::find(const QString& path, const FileStamp& stamp) const
{
    if (!stamp.isValid())
        return std::nullopt;
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd() || !(it->first == stamp))
        return std::nullopt;
    return it->second;
}

void ScanCache::store(const QString& path, const FileStamp& stamp, const ParseResult& result,
                      qint64 scanStartNs)
{
    const QMutexLocker locker(&m_mutex);
    if (!stamp.isValid() || stamp.modifiedNs > scanStartNs - m_racyWindowNs ||
        stamp.changedNs > scanStartNs - m_racyWindowNs) {
        m_entries.remove(path);
        return;
    }
    m_entries.insert(path, {stamp, result});
}

void ScanCache::retain(const QStringList& paths)
{
    const QSet<QString> keep(paths.cbegin(), paths.cend());
    const QMutexLocker locker(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (keep.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
}

qsizetype ScanCache::size() const
{
    const QMutexLocker locker(&m_mutex);
    return m_entries.size();
}

} // namespace retort
