#include "demodatabases.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace retort::screenshots {

namespace {

// The demo's own URL, replaced in a throw-away copy of the ini for each other database.
constexpr auto kDemoUrl = "sqlite:///%(here)s/demo.db";
constexpr int kAlembicTimeoutMs = 120000;

} // namespace

DemoDatabases::DemoDatabases(QString demoDir, QString workDir, QString python)
    : m_demoDir(std::move(demoDir)), m_workDir(std::move(workDir)), m_python(std::move(python))
{
    const QString project = QDir(m_workDir).filePath(QStringLiteral("demo"));
    // Three databases a team might have: the developer's own (the ini's) at both heads,
    // staging a few revisions behind on the main line with the reporting branch applied,
    // and production (protected) on one branch, before the reviews branch was merged.
    m_databases = {
        {QStringLiteral("default"), project + QStringLiteral("/demo.db"),
         {QStringLiteral("heads")}, false},
        {QStringLiteral("staging"), QDir(m_workDir).filePath(QStringLiteral("staging.db")),
         {QStringLiteral("0e46b5fa5b0c"), QStringLiteral("reporting@head")}, false},
        {QStringLiteral("prod"), QDir(m_workDir).filePath(QStringLiteral("prod.db")),
         {QStringLiteral("4cc33c234038")}, true},
    };
}

QString DemoDatabases::configPath() const
{
    return QDir(m_workDir).filePath(QStringLiteral("demo/alembic.ini"));
}

QString DemoDatabases::sqliteUrl(const QString& file)
{
    return QStringLiteral("sqlite:///") + file;
}

bool DemoDatabases::prepare()
{
    if (!copyDemo())
        return false;
    for (const DemoDatabase& database : std::as_const(m_databases))
        if (!upgrade(database))
            return false;
    return true;
}

bool DemoDatabases::copyDemo()
{
    const QString to = QFileInfo(configPath()).absolutePath();
    if (!QFileInfo(m_demoDir + QStringLiteral("/alembic.ini")).isFile()) {
        m_error = QStringLiteral("no demo project in %1").arg(m_demoDir);
        return false;
    }
    QDir().mkpath(to);
    QDirIterator it(m_demoDir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // no bytecode, and no database someone left in the demo by hand
        if (path.contains(QLatin1String("__pycache__")) || path.endsWith(QLatin1String(".db")))
            continue;
        const QString target = to + path.mid(m_demoDir.size());
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else if (!QFile::copy(path, target)) {
            m_error = QStringLiteral("could not copy %1 to %2").arg(path, target);
            return false;
        }
    }
    return true;
}

bool DemoDatabases::upgrade(const DemoDatabase& database)
{
    // alembic reads a copy of the ini beside the original (so %(here)s still names the
    // project) that points at this database; the copy is removed afterwards
    const QString project = QFileInfo(configPath()).absolutePath();
    QString config = configPath();
    QFile ini(configPath());
    if (!ini.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(configPath());
        return false;
    }
    QString text = QString::fromUtf8(ini.readAll());
    const QString own = QFileInfo(project + QStringLiteral("/demo.db")).absoluteFilePath();
    if (QFileInfo(database.file).absoluteFilePath() != own) {
        if (!text.contains(QLatin1String(kDemoUrl))) {
            m_error = QStringLiteral("the demo's alembic.ini no longer names %1").arg(QLatin1String(kDemoUrl));
            return false;
        }
        text.replace(QLatin1String(kDemoUrl), sqliteUrl(database.file));
        config = project + QStringLiteral("/screenshots-") + database.name + QStringLiteral(".ini");
        QFile out(config);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0) {
            m_error = QStringLiteral("cannot write %1").arg(config);
            return false;
        }
    }
    bool ok = true;
    for (const QString& target : database.targets) {
        QProcess alembic;
        alembic.setWorkingDirectory(project);
        alembic.setProcessChannelMode(QProcess::MergedChannels);
        alembic.start(m_python, {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                                 config, QStringLiteral("upgrade"), target});
        const bool finished = alembic.waitForFinished(kAlembicTimeoutMs);
        if (!finished || alembic.exitStatus() != QProcess::NormalExit || alembic.exitCode() != 0) {
            m_error = QStringLiteral("alembic upgrade %1 for %2 failed (%3):\n%4")
                          .arg(target, database.name, alembic.errorString(),
                               QString::fromUtf8(alembic.readAll()));
            ok = false;
            break;
        }
    }
    if (config != configPath())
        QFile::remove(config);
    return ok;
}

} // namespace retort::screenshots
