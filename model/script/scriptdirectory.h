#pragma once

#include "model/common/alembicrules.h"
#include "model/common/diagnostic.h"
#include "model/script/revision.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace retort {

class AlembicConfig;
class ScanCache;

// What a scan of the version folders found: every revision that parsed, and a diagnostic
// for everything that did not (unreadable files, syntax errors, unknown values...).
struct ScanResult
{
    QList<Revision> revisions;   // sorted by path
    Diagnostics diagnostics;
    QStringList files;           // every file that counted as a revision script, sorted
    int reusedFiles = 0;         // files a ScanCache knew unchanged (not read again)
};

// Finds revision scripts as alembic does (`*.py`, not `__init__*` nor `.#*`; recursion when
// asked) and parses them in parallel on a thread pool of its own, so it is safe to call
// from any thread, a pool thread included. It blocks the calling thread: the GUI calls it
// from a worker.
class ScriptDirectory
{
    Q_DECLARE_TR_FUNCTIONS(ScriptDirectory)

public:
    // `rules` are those of the alembic the project runs: they decide the order files load in
    // (Revision::loadOrder) and whether sub-folders count.
    //
    // With a `cache`, a file whose stamp (FileStamp) has not changed since the cache saw it is
    // not read again; the cache then holds exactly the files of this scan.
    static ScanResult scan(const AlembicConfig& config,
                           const AlembicRules& rules = AlembicRules::newest(),
                           ScanCache* cache = nullptr);
    static ScanResult scan(const QStringList& versionLocations, bool recursive,
                           const AlembicRules& rules = AlembicRules::newest(),
                           ScanCache* cache = nullptr);

    // The files alembic would load from these folders, in the order it loads them
    // (configured folder order, then within a folder as `rules` say); missing folders are
    // reported in `diagnostics` (alembic itself skips a missing folder silently).
    static QStringList revisionFiles(const QStringList& versionLocations, bool recursive,
                                     const AlembicRules& rules = AlembicRules::newest(),
                                     Diagnostics* diagnostics = nullptr);

    // Does alembic count this file name as a revision script?
    static bool isRevisionFileName(const QString& fileName);
};

} // namespace retort
