#include "model/run/installedalembic.h"

#include "model/run/alembicprogram.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace retort {

namespace {

// "3.11" from a folder name such as python3.11, or "" when it is not one
QString pythonVersionOf(const QString& name)
{
    static const QRegularExpression re(QStringLiteral(R"(^python(\d+\.\d+)$)"));
    const QRegularExpressionMatch m = re.match(name);
    return m.hasMatch() ? m.captured(1) : QString();
}

// The X.Y of the interpreter: from its resolved file name (python3 -> python3.11), else from
// the one lib/pythonX.Y folder of its installation.
QString pythonVersion(const QFileInfo& interpreter, const QString& prefix)
{
    const QString resolved = interpreter.canonicalFilePath();
    QString fromName = pythonVersionOf(QFileInfo(resolved).fileName());
    if (!fromName.isEmpty())
        return fromName;
    const QStringList libs =
        QDir(prefix + QStringLiteral("/lib")).entryList({QStringLiteral("python3.*")}, QDir::Dirs);
    for (const QString& lib : libs)
        if (QString v = pythonVersionOf(lib); !v.isEmpty())
            return v;
    return {};
}

// A site folder and the folders its .pth files add (lines that are paths; `import` lines
// run code and are left alone), as site.addsitedir does: the .pth files in name order.
void addSiteDir(const QString& dir, QStringList* path)
{
    if (!QFileInfo(dir).isDir())
        return;
    path->append(dir);
    const QDir site(dir);
    const QStringList pths = site.entryList({QStringLiteral("*.pth")}, QDir::Files, QDir::Name);
    for (const QString& pth : pths) {
        QFile file(site.filePath(pth));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(QLatin1StringView("import ")) ||
                line.startsWith(QLatin1StringView("import\t")))
                continue;
            const QString added = QDir::cleanPath(site.absoluteFilePath(line));
            if (QFileInfo(added).isDir() && !path->contains(added))
                path->append(added);
        }
    }
}

// The site folders of an installation at `prefix` (Debian's dist-packages layout where
// the prefix is /usr, the upstream site-packages layout otherwise)
void addInstallationSites(const QString& prefix, const QString& version, QStringList* path)
{
    if (prefix == QLatin1StringView("/usr")) {
        addSiteDir(QStringLiteral("/usr/local/lib/python%1/dist-packages").arg(version), path);
        addSiteDir(QStringLiteral("/usr/lib/python3/dist-packages"), path);
        addSiteDir(QStringLiteral("/usr/lib/python%1/dist-packages").arg(version), path);
    } else {
        addSiteDir(QStringLiteral("%1/lib/python%2/site-packages").arg(prefix, version), path);
    }
}

// `home = /usr/bin` and `include-system-site-packages = true` from a venv's pyvenv.cfg
QHash<QString, QString> readPyvenvCfg(const QString& file)
{
    QHash<QString, QString> values;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            values.insert(line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed());
    }
    return values;
}

} // namespace

QStringList InstalledAlembic::importPath(const QString& interpreter,
                                         const QStringList& interpreterArguments,
                                         const QProcessEnvironment& environment)
{
    QStringList path;
    const bool isolated = interpreterArguments.contains(QStringLiteral("-I"));
    const bool ignoreEnvironment = isolated || interpreterArguments.contains(QStringLiteral("-E"));
    if (!ignoreEnvironment) {
        const QStringList fromEnv =
            environment.value(QStringLiteral("PYTHONPATH")).split(u':', Qt::SkipEmptyParts);
        for (const QString& p : fromEnv)
            if (QFileInfo(p).isDir())
                path.append(QDir::cleanPath(QFileInfo(p).absoluteFilePath()));
    }
    const QFileInfo exe(interpreter);
    // sys.prefix: the venv when pyvenv.cfg sits beside bin/ (or in it), else the installation
    const QString binDir = exe.absolutePath();
    const QString prefix = QDir::cleanPath(binDir + QStringLiteral("/.."));
    QString cfgFile = prefix + QStringLiteral("/pyvenv.cfg");
    if (!QFileInfo::exists(cfgFile))
        cfgFile = binDir + QStringLiteral("/pyvenv.cfg");
    const bool noUserSite = interpreterArguments.contains(QStringLiteral("-s")) || isolated ||
                            (!ignoreEnvironment &&
                             !environment.value(QStringLiteral("PYTHONNOUSERSITE")).isEmpty());

    if (QFileInfo::exists(cfgFile)) {
        const QHash<QString, QString> cfg = readPyvenvCfg(cfgFile);
        const QString home = cfg.value(QStringLiteral("home"));
        const QString basePrefix = QDir::cleanPath(home + QStringLiteral("/.."));
        // "version = 3.11.2" (venv) or "version_info = 3.12.1.final.0" (virtualenv, uv)
        QString full = cfg.value(QStringLiteral("version"));
        if (full.isEmpty())
            full = cfg.value(QStringLiteral("version_info"));
        QString version = pythonVersionOf(QStringLiteral("python") + full.section(u'.', 0, 1));
        if (version.isEmpty())
            version = pythonVersion(exe, prefix);
        addSiteDir(QStringLiteral("%1/lib/python%2/site-packages").arg(prefix, version), &path);
        if (cfg.value(QStringLiteral("include-system-site-packages")).toLower() ==
            QLatin1StringView("true")) {
            if (!noUserSite)
                addSiteDir(QStringLiteral("%1/.local/lib/python%2/site-packages")
                               .arg(QDir::homePath(), version),
                           &path);
            addInstallationSites(basePrefix, version, &path);
        }
        return path;
    }
    const QString version = pythonVersion(exe, prefix);
    if (version.isEmpty())
        return path;
    if (!noUserSite)
        addSiteDir(
            QStringLiteral("%1/.local/lib/python%2/site-packages").arg(QDir::homePath(), version),
            &path);
    addInstallationSites(prefix, version, &path);
    return path;
}

Result<AlembicVersion> InstalledAlembic::readVersionFile(const QString& initPath)
{
    QFile file(initPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Failure{tr("%1 cannot be read: %2").arg(initPath, file.errorString())};
    static const QRegularExpression re(
        QStringLiteral(R"(^__version__\s*=\s*["']([^"']+)["'])"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(file.read(64 * 1024)));
    if (!m.hasMatch())
        return Failure{tr("%1 does not say which version it is.").arg(initPath)};
    const std::optional<AlembicVersion> v = AlembicVersion::parse(m.captured(1));
    if (!v)
        return Failure{tr("%1 names a version Retort cannot read: %2").arg(initPath, m.captured(1))};
    return *v;
}

Result<InstalledAlembic> InstalledAlembic::find(const QString& interpreter,
                                                const QStringList& interpreterArguments,
                                                const QProcessEnvironment& environment)
{
    if (interpreter.isEmpty())
        return Failure{tr("No Python interpreter is known for alembic.")};
    const QStringList path = importPath(interpreter, interpreterArguments, environment);
    for (const QString& dir : path) {
        const QString init = dir + QStringLiteral("/alembic/__init__.py");
        if (!QFileInfo::exists(init))
            continue;
        const Result<AlembicVersion> version = readVersionFile(init);
        if (!version)
            return Failure{version.error()};
        return InstalledAlembic{version.value(), dir, interpreter};
    }
    return Failure{tr("No alembic package was found on %1's import path.").arg(interpreter)};
}

Result<InstalledAlembic> InstalledAlembic::find(const AlembicProgram& program,
                                                const QProcessEnvironment& environment)
{
    return find(program.interpreter(), program.interpreterArguments(), environment);
}

Result<InstalledAlembic> InstalledAlembic::ask(const AlembicProgram& program,
                                               const QProcessEnvironment& environment,
                                               const QString& workingDirectory, int timeoutMs)
{
    if (program.interpreter().isEmpty())
        return Failure{tr("No Python interpreter is known for alembic.")};
    QProcess python;
    python.setProcessEnvironment(environment);
    python.setWorkingDirectory(workingDirectory);
    python.start(program.interpreter(),
                 program.interpreterArguments()
                     << QStringLiteral("-c")
                     << QStringLiteral("import alembic; print(alembic.__version__)"));
    if (!python.waitForFinished(timeoutMs)) {
        python.kill();
        python.waitForFinished(1000);
        return Failure{tr("%1 did not say which alembic it has.").arg(program.interpreter())};
    }
    const QString out = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    const std::optional<AlembicVersion> v = AlembicVersion::parse(out);
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0 || !v)
        return Failure{tr("%1 cannot import alembic: %2")
                           .arg(program.interpreter(),
                                QString::fromUtf8(python.readAllStandardError()).trimmed())};
    return InstalledAlembic{*v, QString(), program.interpreter()};
}

} // namespace retort
