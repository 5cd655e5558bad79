#include "app/demoproject.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace retort {

namespace {

QString trDemo(const char* text)
{
    return QCoreApplication::translate("DemoProject", text);
}

// What the user's copy leaves out: databases made by earlier runs, and Python's caches.
bool isLeftOut(const QFileInfo& file)
{
    const QString suffix = file.suffix().toLower();
    return suffix == QLatin1String("db") || suffix == QLatin1String("pyc") ||
           file.fileName().endsWith(QLatin1String(".db-journal")) ||
           file.path().contains(QLatin1String("/__pycache__"));
}

} // namespace

DemoProject DemoProject::find()
{
    // In order: an explicit folder, the installation, the source tree of a developer build.
    const QString fromEnv = qEnvironmentVariable("RETORT_DEMO_DIR");
    if (!fromEnv.isEmpty()) {
        const QFileInfo ini(QDir(fromEnv).filePath(QStringLiteral("alembic.ini")));
        if (ini.isFile())
            return {QDir::cleanPath(ini.absoluteFilePath()), false};
    }
    const QFileInfo installed(QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral("../share/retort/demo/alembic.ini")));
    if (installed.isFile())
        return {QDir::cleanPath(installed.absoluteFilePath()), true};
#ifdef RETORT_SOURCE_TREE
    const QFileInfo source(QDir(QStringLiteral(RETORT_SOURCE_TREE))
                               .filePath(QStringLiteral("resources/demo/alembic.ini")));
    if (source.isFile())
        return {QDir::cleanPath(source.absoluteFilePath()), false};
#endif
    return {};
}

QString DemoProject::defaultCopyFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("demo"));
}

Result<QString> DemoProject::prepare(const QString& userDataDir) const
{
    if (config.isEmpty())
        return Result<QString>::failure(trDemo("The demo project is not installed."));
    if (!installed)
        return config;

    const QDir target(userDataDir);
    const QString copiedIni = target.filePath(QStringLiteral("alembic.ini"));
    if (QFileInfo(copiedIni).isFile())
        return QDir::cleanPath(copiedIni); // the user's copy, with what they did to it

    // Copy into a sibling folder, then rename it: an interrupted copy is never mistaken for
    // a complete one.
    const QDir source = QFileInfo(config).absoluteDir();
    const QString partial = QDir::cleanPath(userDataDir) + QStringLiteral(".part");
    QDir(partial).removeRecursively();
    auto fail = [&partial](const QString& why) {
        QDir(partial).removeRecursively();
        return Result<QString>::failure(why);
    };
    if (!QDir().mkpath(partial))
        return fail(trDemo("Could not create the folder %1 for a copy of the demo project.")
                        .arg(QDir::toNativeSeparators(partial)));
    QDirIterator it(source.absolutePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        if (isLeftOut(file))
            continue;
        const QString relative = source.relativeFilePath(file.absoluteFilePath());
        const QString to = QDir(partial).filePath(relative);
        if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(file.absoluteFilePath(), to))
            return fail(trDemo("Could not copy %1 of the demo project to %2.")
                            .arg(relative, QDir::toNativeSeparators(partial)));
        // Installed files are read-only; the copy is the user's to edit.
        QFile::setPermissions(to, QFile::permissions(to) | QFileDevice::WriteOwner);
    }
    if (!QDir().mkpath(QFileInfo(userDataDir).absolutePath()) ||
        !QDir().rename(partial, QDir::cleanPath(userDataDir)))
        return fail(trDemo("Could not move the copy of the demo project to %1.")
                        .arg(QDir::toNativeSeparators(userDataDir)));
    return QDir::cleanPath(copiedIni);
}

} // namespace retort
