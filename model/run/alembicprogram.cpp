#include "model/run/alembicprogram.h"

#include "model/common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace retort {

namespace {

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() && info.isFile() && info.isExecutable();
}

QString findOnPath(const QString& name, const QStringList& searchPath)
{
    // QStandardPaths treats an empty list as "use $PATH"; here empty means "nowhere".
    if (searchPath.isEmpty())
        return {};
    return QStandardPaths::findExecutable(name, searchPath);
}

} // namespace

Result<AlembicProgram> AlembicProgram::find(const QString& configDir,
                                            const QString& configuredInterpreter)
{
    return find(configDir, configuredInterpreter,
                qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts));
}

Result<AlembicProgram> AlembicProgram::find(const QString& configDir,
                                            const QString& configuredInterpreter,
                                            const QStringList& searchPath)
{
    QString interpreter = configuredInterpreter.trimmed();
    if (!interpreter.isEmpty()) {
        // A bare name ("python3.11") is looked up like a shell would.
        if (!interpreter.contains(u'/')) {
            const QString found = findOnPath(interpreter, searchPath);
            if (found.isEmpty())
                return Result<AlembicProgram>::failure(
                    tr("The Python interpreter \"%1\" set in the project settings was not "
                       "found on PATH. Set the Python interpreter in the project settings to "
                       "the full path of one that has alembic installed.")
                        .arg(interpreter));
            interpreter = found;
        }
        const QFileInfo info(interpreter);
        if (!info.exists())
            return Result<AlembicProgram>::failure(
                tr("The Python interpreter %1 set in the project settings does not exist. Set "
                   "the Python interpreter in the project settings to one that has alembic "
                   "installed.")
                    .arg(interpreter));
        if (!info.isFile() || !info.isExecutable())
            return Result<AlembicProgram>::failure(
                tr("The Python interpreter %1 set in the project settings is not an executable "
                   "file. Set the Python interpreter in the project settings to one that has "
                   "alembic installed.")
                    .arg(interpreter));
    }

    AlembicProgram p;

    // 1. A virtual environment next to the project or a few folders above it.
    QDir dir(configDir.isEmpty() ? QDir::currentPath() : configDir);
    for (int level = 0; level <= kMaxParentLevels; ++level) {
        for (const char* venv : {".venv", "venv"}) {
            const QString script =
                dir.absoluteFilePath(QLatin1String(venv) + QStringLiteral("/bin/alembic"));
            if (isExecutableFile(script)) {
                p.m_source = Source::VirtualEnv;
                p.m_program = script;
                const QStringList shebang = readShebang(script, searchPath);
                if (!shebang.isEmpty()) {
                    p.m_interpreter = shebang.first();
                    p.m_interpreterArguments = shebang.mid(1);
                }
                if (p.m_interpreter.isEmpty()) {
                    // Relocated venvs keep a python next to the script.
                    const QString python =
                        dir.absoluteFilePath(QLatin1String(venv) + QStringLiteral("/bin/python"));
                    if (isExecutableFile(python))
                        p.m_interpreter = python;
                }
                qCDebug(lcRun) << "alembic from a virtual environment:" << script;
                return p;
            }
        }
        if (!dir.cdUp())
            break;
    }

    // 2. The configured interpreter.
    if (!interpreter.isEmpty()) {
        p.m_source = Source::Interpreter;
        p.m_program = interpreter;
        p.m_programArguments = {QStringLiteral("-m"), QStringLiteral("alembic")};
        p.m_interpreter = interpreter;
        qCDebug(lcRun) << "alembic through the configured interpreter" << interpreter;
        return p;
    }

    // 3. PATH.
    const QString onPath = findOnPath(QStringLiteral("alembic"), searchPath);
    if (!onPath.isEmpty()) {
        p.m_source = Source::Path;
        p.m_program = onPath;
        const QStringList shebang = readShebang(onPath, searchPath);
        if (!shebang.isEmpty()) {
            p.m_interpreter = shebang.first();
            p.m_interpreterArguments = shebang.mid(1);
        }
        qCDebug(lcRun) << "alembic from PATH:" << onPath;
        return p;
    }

    return Result<AlembicProgram>::failure(
        tr("alembic was not found: there is no .venv/bin/alembic or venv/bin/alembic in the "
           "project's folder or the folders above it, no Python interpreter is set in the "
           "project settings, and no alembic is on PATH. Set the Python interpreter in the "
           "project settings to one that has alembic installed."));
}

QStringList AlembicProgram::arguments(const QStringList& alembicArguments) const
{
    return m_programArguments + alembicArguments;
}

QStringList AlembicProgram::readShebang(const QString& scriptPath, const QStringList& searchPath)
{
    QFile f(scriptPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray first = f.readLine(4096).trimmed();
    if (!first.startsWith("#!"))
        return {};
    // The kernel splits a #! line into the interpreter and one optional argument; venv and
    // pip scripts never need more, so splitting at blanks is enough.
    QStringList words = QString::fromUtf8(first.mid(2)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    if (QFileInfo(words.first()).fileName() == QLatin1String("env") && words.size() >= 2) {
        words.removeFirst();
        while (!words.isEmpty() && words.first().startsWith(u'-')) // env -S and friends
            words.removeFirst();
        if (words.isEmpty())
            return {};
        const QString resolved = findOnPath(words.first(), searchPath);
        if (resolved.isEmpty())
            return {};
        words.first() = resolved;
    }
    return words;
}

} // namespace retort
