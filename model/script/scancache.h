// What earlier scans of a project's version folders parsed, file by file, so that loading the
// project again (after one script was saved) parses only the files that changed.
#pragma once

#include "model/script/revisionparser.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace retort {

// How a file stood when it was read: size, inode, and modification and status-change times
// in nanoseconds (a save, a `touch`, a rename over it or a `git checkout` changes one of
// them; the status-change time cannot be set back by a program).
struct FileStamp
{
    qint64 size = -1; // -1: the file could not be looked at
    quint64 inode = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;

    static FileStamp of(const QString& path);
    bool isValid() const { return size >= 0; }
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Thread safe: ScriptDirectory::scan asks it from its parsing threads.
class ScanCache
{
public:
    // `racyWindowNs`: see store(); tests make it 0 to keep files they have just written.
    explicit ScanCache(qint64 racyWindowNs = kRacyWindowNs) : m_racyWindowNs(racyWindowNs) {}

    // What parsing `path` gave when it stood as `stamp`; nothing when it changed since.
    std::optional<ParseResult> find(const QString& path, const FileStamp& stamp) const;
    // Keeps `result` for `path` read as `stamp`, unless the file changed within the last
    // racy window (2 s) before `scanStartNs`: file times are only as fine as the kernel's clock
    // tick, so a second write in the same tick with the same size would look unchanged (as in
    // git's "racily clean" entries). Such a file is parsed again next time.
    void store(const QString& path, const FileStamp& stamp, const ParseResult& result,
               qint64 scanStartNs);
    // Forgets every file not in `paths` (deleted or renamed ones).
    void retain(const QStringList& paths);
    qsizetype size() const;

    static constexpr qint64 kRacyWindowNs = 2'000'000'000;

private:
    qint64 m_racyWindowNs;
    mutable QMutex m_mutex;
    QHash<QString, std::pair<FileStamp, ParseResult>> m_entries;
};

} // namespace retort
