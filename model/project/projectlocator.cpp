#include "model/project/projectlocator.h"

#include "model/config/tomlfile.h"

#include <QDir>
#include <QFileInfo>

namespace retort {

QString ProjectLocator::configInFolder(const QString& folder)
{
    const QDir dir(folder);
    const QFileInfo ini(dir.filePath(QStringLiteral("alembic.ini")));
    if (ini.isFile())
        return QDir::cleanPath(ini.absoluteFilePath());
    // A pyproject.toml is every Python project's: it counts only with alembic's own table.
    const QFileInfo pyproject(dir.filePath(QStringLiteral("pyproject.toml")));
    if (!pyproject.isFile())
        return {};
    const Result<TomlFile> toml = TomlFile::load(pyproject.absoluteFilePath());
    if (!toml || !toml->table({QStringLiteral("tool"), QStringLiteral("alembic")}))
        return {};
    return QDir::cleanPath(pyproject.absoluteFilePath());
}

bool ProjectLocator::isConfigFileName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.endsWith(QLatin1StringView(".ini"), Qt::CaseInsensitive) ||
           name == QLatin1StringView("pyproject.toml");
}

Result<QString> ProjectLocator::resolve(const QString& path)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty() || !info.exists())
        return Failure{tr("%1 does not exist.").arg(shown)};
    if (!info.isDir())
        return QDir::cleanPath(info.absoluteFilePath());
    const QString config = configInFolder(path);
    if (config.isEmpty())
        return Failure{tr("%1 has no alembic.ini, nor a pyproject.toml with a [tool.alembic] "
                          "table.")
                           .arg(shown)};
    return config;
}

} // namespace retort
