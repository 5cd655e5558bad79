#include "model/script/scriptdirectory.h"

#include "model/common/logging.h"
#include "model/config/alembicconfig.h"
#include "model/script/revisionparser.h"
#include "model/script/scancache.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

#include <algorithm>

namespace retort {

namespace {

// Python's sorted() on str: by code point (QString's operator< compares UTF-16 units,
// which differs for characters beyond the BMP)
bool codePointLess(const QString& a, const QString& b)
{
    return a.toUcs4() < b.toUcs4();
}

// The revision files of one folder as alembic's _list_py_dir lists them. From 1.10 on
// (`rules.loadsFilesSortedByName()`): the files sorted by name, then, when recursive, each
// sub-folder in name order, depth first (os.walk top-down, dirs sorted, __pycache__ skipped).
// Before 1.10: the folder's own files in os.listdir() order, which is the directory
// stream's order, and no sub-folders. Names come from the directory stream: no per-file stat.
void listFolder(const QString& folder, bool recursive, const AlembicRules& rules, QStringList* out)
{
    QStringList names;
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System);
    while (files.hasNext()) {
        files.next();
        const QString name = files.fileName();
        if (ScriptDirectory::isRevisionFileName(name))
            names.append(name);
    }
    if (rules.loadsFilesSortedByName())
        std::sort(names.begin(), names.end(), codePointLess);
    const QString prefix = folder.endsWith(u'/') ? folder : folder + u'/';
    for (const QString& name : std::as_const(names))
        out->append(prefix + name);
    if (!recursive || !rules.readsSubfolders())
        return;
    QStringList subdirs;
    QDirIterator dirs(folder, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks);
    while (dirs.hasNext()) {
        dirs.next();
        if (!dirs.fileName().endsWith(QLatin1StringView("__pycache__")))
            subdirs.append(dirs.fileName());
    }
    std::sort(subdirs.begin(), subdirs.end(), codePointLess);
    for (const QString& sub : std::as_const(subdirs))
        listFolder(prefix + sub, true, rules, out);
}

} // namespace

bool ScriptDirectory::isRevisionFileName(const QString& fileName)
{
    // alembic: re.match(r"(?!\.\#|__init__)(.*\.py)$", filename)
    return fileName.endsWith(QLatin1StringView(".py"))
           && !fileName.startsWith(QLatin1StringView(".#"))
           && !fileName.startsWith(QLatin1StringView("__init__"));
}

QStringList ScriptDirectory::revisionFiles(const QStringList& versionLocations, bool recursive,
                                           const AlembicRules& rules, Diagnostics* diagnostics)
{
    QStringList files;
    QSet<QString> seen;
    QHash<QString, QString> canonicalFolders;
    for (const QString& location : versionLocations) {
        const QFileInfo info(location);
        if (!info.exists()) {
            if (diagnostics)
                diagnostics->append(Diagnostic::error(
                    location, 0, tr("The version folder %1 does not exist.").arg(location)));
            continue;
        }
        if (!info.isDir()) {
            if (diagnostics)
                diagnostics->append(Diagnostic::error(
                    location, 0, tr("The version location %1 is not a folder.").arg(location)));
            continue;
        }
        QStringList found;
        listFolder(info.absoluteFilePath(), recursive, rules, &found);
        if (versionLocations.size() == 1) {
            files = std::move(found); // one folder listed once: nothing can repeat
            break;
        }
        // A file is the same file when its folder resolves to the same place: resolving
        // folders (not every file) keeps this to a handful of realpath calls.
        for (const QString& file : std::as_const(found)) {
            const qsizetype slash = file.lastIndexOf(u'/');
            const QString folder = file.left(slash);
            auto canonical = canonicalFolders.constFind(folder);
            if (canonical == canonicalFolders.constEnd()) {
                const QString resolved = QFileInfo(folder).canonicalFilePath();
                canonical = canonicalFolders.insert(folder, resolved.isEmpty() ? folder : resolved);
            }
            const QString key = *canonical + file.mid(slash);
            if (seen.contains(key)) {
                if (diagnostics)
                    diagnostics->append(Diagnostic::warning(
                        file, 0,
                        tr("This file is found twice through the version locations; it is "
                           "loaded once. Make version_locations unique.")));
                continue;
            }
            seen.insert(key);
            files.append(file);
        }
    }
    return files;
}

ScanResult ScriptDirectory::scan(const AlembicConfig& config, const AlembicRules& rules,
                                 ScanCache* cache)
{
    return scan(config.versionLocations(), config.recursiveVersionLocations(), rules, cache);
}

ScanResult ScriptDirectory::scan(const QStringList& versionLocations, bool recursive,
                                 const AlembicRules& rules, ScanCache* cache)
{
    QElapsedTimer timer;
    timer.start();
    ScanResult result;
    result.files = revisionFiles(versionLocations, recursive, rules, &result.diagnostics);
    const qint64 listed = timer.elapsed();

    // Which version location each file came from (the longest matching prefix).
    QStringList absoluteLocations;
    for (const QString& location : versionLocations)
        absoluteLocations.append(QFileInfo(location).absoluteFilePath());
    auto locationOf = [&](const QString& file) {
        if (absoluteLocations.size() == 1)
            return absoluteLocations.first();
        QString best;
        for (const QString& absolute : std::as_const(absoluteLocations)) {
            if (file.startsWith(absolute) && file.size() > absolute.size()
                && file.at(absolute.size()) == u'/' && absolute.size() > best.size())
                best = absolute;
        }
        return best;
    };

    // A pool of its own, made for this call: the callers are LatestJob and runInBackground
    // jobs running on a pool themselves. Waiting for work queued on the global pool from
    // one of its own threads deadlocks once every thread of it waits (Qt 6.4 does not run
    // the queued map in the waiting thread; tst_scriptdirectory's
    // scanFromAFullGlobalPoolDoesNotDeadlock hangs without this pool). Its threads end
    // with the call.
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    // Wall-clock nanoseconds, as file times are kept.
    const qint64 startNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    std::atomic<int> reused{0};
    std::function<ParseResult(const QString&)> parse = [&](const QString& file) {
        if (!cache)
            return RevisionParser::parseFile(file);
        // The stamp is taken before reading: a write after it shows as a change next time.
        const FileStamp stamp = FileStamp::of(file);
        if (std::optional<ParseResult> known = cache->find(file, stamp)) {
            ++reused;
            return std::move(*known);
        }
        ParseResult parsedFile = RevisionParser::parseFile(file);
        cache->store(file, stamp, parsedFile, startNs);
        return parsedFile;
    };
    const QList<ParseResult> parsed = QtConcurrent::blockingMapped(&pool, result.files, parse);
    if (cache)
        cache->retain(result.files);
    result.reusedFiles = reused.load();
    for (int i = 0; i < parsed.size(); ++i) {
        const ParseResult& p = parsed.at(i);
        result.diagnostics.append(p.diagnostics);
        if (p.revision) {
            Revision rev = *p.revision;
            rev.versionLocation = locationOf(rev.path);
            rev.loadOrder = i;
            result.revisions.append(std::move(rev));
        }
    }
    result.files.sort();
    std::sort(result.revisions.begin(), result.revisions.end(),
              [](const Revision& a, const Revision& b) { return a.path < b.path; });
    qCDebug(lcScript) << "scanned" << result.files.size() << "files in" << timer.elapsed()
                      << "ms, of which listing" << listed << "ms;" << result.reusedFiles
                      << "unchanged since the last scan";
    return result;
}

} // namespace retort
