#include "scriptdirectory.h"

#include "common/logging.h"
#include "config/alembicconfig.h"
#include "script/revisionparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ScriptDirectory", text);
}

// Files of one folder, sorted by name, as alembic's _list_py_dir sees them.
void listFolder(const QString& folder, bool recursive, QStringList* out)
{
    QDir dir(folder);
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo& info : entries) {
        if (ScriptDirectory::isRevisionFileName(info.fileName()))
            out->append(info.absoluteFilePath());
    }
    if (!recursive)
        return;
    const QFileInfoList subdirs =
        dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo& sub : subdirs) {
        if (sub.fileName().endsWith(QLatin1StringView("__pycache__")))
            continue;
        if (sub.isSymLink()) {
            // os.walk does not follow links to folders by default.
            continue;
        }
        listFolder(sub.absoluteFilePath(), true, out);
    }
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
                                           Diagnostics* diagnostics)
{
    QStringList files;
    QSet<QString> seen;
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
        listFolder(info.absoluteFilePath(), recursive, &found);
        for (const QString& file : std::as_const(found)) {
            const QString canonical = QFileInfo(file).canonicalFilePath();
            const QString key = canonical.isEmpty() ? file : canonical;
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

ScanResult ScriptDirectory::scan(const AlembicConfig& config)
{
    return scan(config.versionLocations(), config.recursiveVersionLocations());
}

ScanResult ScriptDirectory::scan(const QStringList& versionLocations, bool recursive)
{
    QElapsedTimer timer;
    timer.start();
    ScanResult result;
    result.files = revisionFiles(versionLocations, recursive, &result.diagnostics);

    // Which version location each file came from (the longest matching prefix).
    auto locationOf = [&](const QString& file) {
        QString best;
        for (const QString& location : versionLocations) {
            const QString absolute = QFileInfo(location).absoluteFilePath();
            if (file.startsWith(absolute + u'/') && absolute.size() > best.size())
                best = absolute;
        }
        return best;
    };

    const QList<ParseResult> parsed =
        QtConcurrent::blockingMapped(result.files, &RevisionParser::parseFile);
    for (int i = 0; i < parsed.size(); ++i) {
        const ParseResult& p = parsed.at(i);
        result.diagnostics.append(p.diagnostics);
        if (p.revision) {
            Revision rev = *p.revision;
            rev.versionLocation = locationOf(rev.path);
            result.revisions.append(std::move(rev));
        }
    }
    qCDebug(lcScript) << "scanned" << result.files.size() << "files in" << timer.elapsed()
                      << "ms";
    return result;
}

} // namespace retort
