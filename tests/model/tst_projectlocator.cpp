// ProjectLocator: how a folder, dropped or named on the command line, becomes a project.
#include "model/project/projectlocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class TestProjectLocator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void folderWithAlembicIni()
    {
        const QString folder = m_dir.filePath(QStringLiteral("ini"));
        QVERIFY(writeFile(folder + QStringLiteral("/alembic.ini"), "[alembic]\n"));
        QCOMPARE(ProjectLocator::configInFolder(folder), folder + QStringLiteral("/alembic.ini"));
        const Result<QString> resolved = ProjectLocator::resolve(folder);
        QVERIFY2(resolved, qPrintable(resolved.error()));
        QCOMPARE(*resolved, folder + QStringLiteral("/alembic.ini"));
    }

    void iniWinsOverPyproject()
    {
        const QString folder = m_dir.filePath(QStringLiteral("both"));
        QVERIFY(writeFile(folder + QStringLiteral("/alembic.ini"), "[alembic]\n"));
        QVERIFY(writeFile(folder + QStringLiteral("/pyproject.toml"),
                          "[tool.alembic]\nscript_location = \"migrations\"\n"));
        QCOMPARE(ProjectLocator::configInFolder(folder), folder + QStringLiteral("/alembic.ini"));
    }

    void pyprojectWithAlembicTable()
    {
        const QString folder = m_dir.filePath(QStringLiteral("toml"));
        QVERIFY(writeFile(folder + QStringLiteral("/pyproject.toml"),
                          "[project]\nname = \"x\"\n\n[tool.alembic]\n"
                          "script_location = \"%(here)s/migrations\"\n"));
        QCOMPARE(ProjectLocator::configInFolder(folder),
                 folder + QStringLiteral("/pyproject.toml"));
    }

    void pyprojectWithoutAlembicIsNoProject()
    {
        const QString folder = m_dir.filePath(QStringLiteral("python"));
        QVERIFY(writeFile(folder + QStringLiteral("/pyproject.toml"),
                          "[project]\nname = \"x\"\n[tool.black]\nline-length = 99\n"));
        QVERIFY(ProjectLocator::configInFolder(folder).isEmpty());
        const Result<QString> resolved = ProjectLocator::resolve(folder);
        QVERIFY(!resolved);
        QVERIFY2(resolved.error().contains(QDir::toNativeSeparators(folder)),
                 qPrintable(resolved.error()));
        QVERIFY2(resolved.error().contains(QStringLiteral("[tool.alembic]")),
                 qPrintable(resolved.error()));
    }

    void brokenPyprojectIsNoProject()
    {
        const QString folder = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(writeFile(folder + QStringLiteral("/pyproject.toml"), "[tool.alembic\n"));
        QVERIFY(ProjectLocator::configInFolder(folder).isEmpty());
    }

    void emptyFolderIsNoProject()
    {
        const QString folder = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(ProjectLocator::configInFolder(folder).isEmpty());
        QVERIFY(!ProjectLocator::resolve(folder));
    }

    void fileIsTakenAsItIs()
    {
        // Any file: the loader says what is wrong with it, as for File → Open.
        const QString file = m_dir.filePath(QStringLiteral("files/custom.cfg"));
        QVERIFY(writeFile(file, "[alembic]\n"));
        const QString relative = QDir::current().relativeFilePath(file);
        const Result<QString> resolved = ProjectLocator::resolve(relative);
        QVERIFY2(resolved, qPrintable(resolved.error()));
        QCOMPARE(*resolved, file);
    }

    void missingPathFails()
    {
        const QString gone = m_dir.filePath(QStringLiteral("no/such/place"));
        const Result<QString> resolved = ProjectLocator::resolve(gone);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error(),
                 QStringLiteral("%1 does not exist.").arg(QDir::toNativeSeparators(gone)));
        QVERIFY(!ProjectLocator::resolve(QString()));
    }

    void configFileNames()
    {
        QVERIFY(ProjectLocator::isConfigFileName(QStringLiteral("/a/alembic.ini")));
        QVERIFY(ProjectLocator::isConfigFileName(QStringLiteral("/a/staging.INI")));
        QVERIFY(ProjectLocator::isConfigFileName(QStringLiteral("/a/pyproject.toml")));
        QVERIFY(!ProjectLocator::isConfigFileName(QStringLiteral("/a/other.toml")));
        QVERIFY(!ProjectLocator::isConfigFileName(QStringLiteral("/a/env.py")));
        QVERIFY(!ProjectLocator::isConfigFileName(QStringLiteral("/a/ini")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProjectLocator)
#include "tst_projectlocator.moc"
