// The bundled demo as a user meets it: an installed demo (read-only under /usr/share) is
// copied once into the user's data folder, without databases or Python caches, and that copy
// is what opens from then on; a demo from the source tree opens where it is.
#include "app/demoproject.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QStringList filesUnder(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

bool copyTree(const QString& from, const QString& to)
{
    for (const QString& relative : filesUnder(from)) {
        const QString target = QDir(to).filePath(relative);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) ||
            !QFile::copy(QDir(from).filePath(relative), target))
            return false;
    }
    return true;
}

DemoProject demo(const QString& config, bool installed)
{
    DemoProject project;
    project.config = config;
    project.installed = installed;
    return project;
}

} // namespace

class TestDemoProject : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An "installed" demo: the source tree's demo plus what a used demo folder collects,
    // every file read-only as a package installs it.
    QString installedDemo()
    {
        const QString root = m_dir.filePath(QStringLiteral("usr/share/retort/demo"));
        if (QFileInfo::exists(root))
            return QDir(root).filePath(QStringLiteral("alembic.ini"));
        [&] { QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root)); }();
        QFile db(QDir(root).filePath(QStringLiteral("demo.db")));
        db.open(QIODevice::WriteOnly);
        db.write("SQLite format 3");
        db.close();
        QDir().mkpath(QDir(root).filePath(QStringLiteral("migrations/__pycache__")));
        QFile cache(QDir(root).filePath(QStringLiteral("migrations/__pycache__/env.cpython-311.pyc")));
        cache.open(QIODevice::WriteOnly);
        cache.close();
        for (const QString& relative : filesUnder(root))
            QFile::setPermissions(QDir(root).filePath(relative),
                                  QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        return QDir(root).filePath(QStringLiteral("alembic.ini"));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void anInstalledDemoIsCopiedWithoutDatabasesOrCaches()
    {
        const QString ini = installedDemo();
        const QString user = m_dir.filePath(QStringLiteral("home/.local/share/retort/demo"));
        const Result<QString> opened = demo(ini, true).prepare(user);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(*opened, QDir(user).filePath(QStringLiteral("alembic.ini")));

        QStringList expected = filesUnder(QFileInfo(ini).absolutePath());
        expected.removeIf([](const QString& file) {
            return file.endsWith(QLatin1String(".db")) || file.contains(QLatin1String("__pycache__"));
        });
        QCOMPARE(filesUnder(user), expected);
        QVERIFY(expected.size() > 40); // the ini, env.py, the template and 40 revisions
        QVERIFY(!QFileInfo::exists(user + QStringLiteral(".part")));
        // The copy is the user's: a file in it can be saved.
        QVERIFY(QFileInfo(QDir(user).filePath(QStringLiteral("alembic.ini"))).permissions() &
                QFileDevice::WriteOwner);
    }

    void theCopyIsKeptOnTheNextOpen()
    {
        const QString ini = installedDemo();
        const QString user = m_dir.filePath(QStringLiteral("home2/demo"));
        QVERIFY(demo(ini, true).prepare(user).ok());
        const QString edited = QDir(user).filePath(QStringLiteral("alembic.ini"));
        QFile file(edited);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n# edited by the user\n");
        file.close();

        const Result<QString> again = demo(ini, true).prepare(user);
        QVERIFY(again.ok());
        QCOMPARE(*again, edited);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("# edited by the user\n"));
    }

    void aDemoOutsideAnInstallationOpensWhereItIs()
    {
        const QString source = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini");
        const QString user = m_dir.filePath(QStringLiteral("home3/demo"));
        const Result<QString> opened = demo(source, false).prepare(user);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, source);
        QVERIFY(!QFileInfo::exists(user));
    }

    void aCopyThatCannotBeMadeSaysWhereAndLeavesNothing()
    {
        const QString ini = installedDemo();
        // A folder under a plain file cannot be made, whoever runs the test (root included).
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString user = blocker + QStringLiteral("/demo");
        const Result<QString> opened = demo(ini, true).prepare(user);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(blocker), qPrintable(opened.error()));
        QVERIFY(!QFileInfo::exists(user + QStringLiteral(".part")));

        QVERIFY(!DemoProject{}.prepare(user).ok()); // no demo at all
    }
};

QTEST_GUILESS_MAIN(TestDemoProject)
#include "tst_demoproject.moc"
