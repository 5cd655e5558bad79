// Which alembic a project runs, found without running Python (InstalledAlembic, and
// ProjectLoader::findAlembic on top of AlembicProgram), checked against what the
// interpreter itself imports (InstalledAlembic::ask) on Debian 12's python3 and on a venv
// made as teams make theirs.
#include "model/project/projectloader.h"
#include "model/run/alembicprogram.h"
#include "model/run/installedalembic.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

void writeFile(const QString& path, const QByteArray& text, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// a package folder holding alembic/__init__.py with this version
QString fakeAlembic(const QString& dir, const char* version)
{
    writeFile(dir + QStringLiteral("/alembic/__init__.py"),
              QByteArray("import sys\n\n__version__ = \"") + version +
                  "\"\n");
    return dir;
}

QProcessEnvironment envWith(const QString& pythonPath)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONPATH"));
    if (!pythonPath.isEmpty())
        env.insert(QStringLiteral("PYTHONPATH"), pythonPath);
    return env;
}

// `python3 -m venv --without-pip [extra] DIR`, as teams make their .venv; returns its
// site-packages folder, or "" (with a failure recorded) when the venv could not be made.
QString makeVenv(const QString& dir, const QStringList& extra = {})
{
    QProcess make;
    make.start(QStringLiteral("/usr/bin/python3"),
               QStringList{QStringLiteral("-m"), QStringLiteral("venv"), QStringLiteral("--without-pip")} +
                   extra + QStringList{dir});
    if (!make.waitForFinished(60000) || make.exitCode() != 0) {
        QTest::qFail(make.readAllStandardError().constData(), __FILE__, __LINE__);
        return {};
    }
    const QStringList libs = QDir(dir + QStringLiteral("/lib")).entryList({QStringLiteral("python3.*")});
    if (libs.size() != 1) {
        QTest::qFail("the venv has no single lib/python3.X", __FILE__, __LINE__);
        return {};
    }
    return dir + QStringLiteral("/lib/") + libs.first() + QStringLiteral("/site-packages");
}

} // namespace

class TestInstalledAlembic : public QObject
{
    Q_OBJECT

private slots:
    void systemPython();
    void pythonPathComesFirst();
    void ignoreEnvironmentFlag();
    void venvWithPthFile();
    void venvIncludingSystemSitePackages();
    void projectVenvBesideTheConfig();
    void teamVenvWithDebiansNewestAlembic();
    void givenVersionWins();
    void askedWhereAlembicRuns();
    void notFoundSaysWhy();
    void readVersionFile_data();
    void readVersionFile();

private:
    QTemporaryDir m_dir;
};

void TestInstalledAlembic::systemPython()
{
    // Debian 12: python3-alembic in /usr/lib/python3/dist-packages (scripts/setup)
    const QProcessEnvironment env = envWith({});
    const Result<InstalledAlembic> found =
        InstalledAlembic::find(QStringLiteral("/usr/bin/python3"), {}, env);
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->packageDir, QStringLiteral("/usr/lib/python3/dist-packages"));
    // the same answer as the interpreter's own
    const Result<AlembicProgram> program =
        AlembicProgram::find(m_dir.path(), QStringLiteral("/usr/bin/python3"),
                             env.value(QStringLiteral("PATH")).split(u':'));
    QVERIFY2(program.ok(), qPrintable(program.error()));
    const Result<InstalledAlembic> asked = InstalledAlembic::ask(*program, env, m_dir.path(), 60000);
    QVERIFY2(asked.ok(), qPrintable(asked.error()));
    QCOMPARE(found->version, asked->version);
}

void TestInstalledAlembic::pythonPathComesFirst()
{
    const QString site = fakeAlembic(m_dir.filePath(QStringLiteral("pp")), "1.15.2");
    const Result<InstalledAlembic> found =
        InstalledAlembic::find(QStringLiteral("/usr/bin/python3"), {}, envWith(site));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->version.toString(), QStringLiteral("1.15.2"));
    QCOMPARE(found->packageDir, site);
}

void TestInstalledAlembic::ignoreEnvironmentFlag()
{
    // `#!/usr/bin/python3 -E`: PYTHONPATH does not count
    const QString site = fakeAlembic(m_dir.filePath(QStringLiteral("pe")), "1.15.2");
    const Result<InstalledAlembic> found =
        InstalledAlembic::find(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-E")},
                               envWith(site));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->packageDir, QStringLiteral("/usr/lib/python3/dist-packages"));
}

void TestInstalledAlembic::venvWithPthFile()
{
    // python3 -m venv --without-pip, and a .pth file naming where the packages are
    const QString venv = m_dir.filePath(QStringLiteral("venv1"));
    const QString site = makeVenv(venv);
    QVERIFY(!site.isEmpty());
    const QString packages = fakeAlembic(m_dir.filePath(QStringLiteral("packages")), "1.16.5");
    writeFile(site + QStringLiteral("/team.pth"), "# the team's packages\nimport os\n" +
                                                      packages.toUtf8() + "\n");
    const QString python = venv + QStringLiteral("/bin/python3");
    const Result<InstalledAlembic> found = InstalledAlembic::find(python, {}, envWith({}));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->version.toString(), QStringLiteral("1.16.5"));
    QCOMPARE(found->packageDir, packages);
    // the system's alembic is not on a plain venv's path: what Python itself says
    QProcess p;
    p.start(python, {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QStringLiteral("1.16.5"));
}

void TestInstalledAlembic::venvIncludingSystemSitePackages()
{
    const QString venv = m_dir.filePath(QStringLiteral("venv2"));
    QVERIFY(!makeVenv(venv, {QStringLiteral("--system-site-packages")}).isEmpty());
    const Result<InstalledAlembic> found =
        InstalledAlembic::find(venv + QStringLiteral("/bin/python3"), {}, envWith({}));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found->packageDir, QStringLiteral("/usr/lib/python3/dist-packages"));
}

void TestInstalledAlembic::projectVenvBesideTheConfig()
{
    // project/.venv/bin/alembic with the venv's python in its #! line, alembic.ini in
    // project/db/: AlembicProgram picks the venv, and its alembic is the one found
    const QString project = m_dir.filePath(QStringLiteral("project"));
    const QString venv = project + QStringLiteral("/.venv");
    const QString sitePackages = makeVenv(venv);
    QVERIFY(!sitePackages.isEmpty());
    fakeAlembic(sitePackages, "1.12.1");
    writeFile(venv + QStringLiteral("/bin/alembic"),
              "#!" + venv.toUtf8() + "/bin/python3\nimport sys\nfrom alembic.config import main\n"
                                     "sys.exit(main())\n",
              true);
    writeFile(project + QStringLiteral("/db/alembic.ini"), "[alembic]\nscript_location = .\n");
    LoadOptions options;
    options.environment = envWith({});
    const ProjectAlembic alembic = ProjectLoader::findAlembic(project + QStringLiteral("/db"), options);
    QCOMPARE(alembic.source, ProjectAlembic::Source::Found);
    QCOMPARE(alembic.rules.version().toString(), QStringLiteral("1.12.1"));
    QCOMPARE(alembic.detail, sitePackages);
    QVERIFY(alembic.rules.loadsFilesSortedByName());
    QCOMPARE(alembic.describe(), QStringLiteral("alembic 1.12.1"));
}

// A team's .venv as Retort meets it: made with `python3 -m venv --without-pip`, its packages
// (Debian unstable's real alembic 1.18.4 with SQLAlchemy 2.0) reached through a .pth file, and
// the alembic script pip would have written in .venv/bin. Found without running Python, and
// what the venv's python imports when asked.
void TestInstalledAlembic::teamVenvWithDebiansNewestAlembic()
{
    const QString site = QStringLiteral(RETORT_ALEMBIC_CACHE_DIR "/" RETORT_ALEMBIC_NEWEST_SUITE
                                        "/root/usr/lib/python3/dist-packages");
    QVERIFY2(QFileInfo::exists(site + QStringLiteral("/alembic/__init__.py")),
             qPrintable(site + QStringLiteral(" is missing: run scripts/setup")));
    const Result<AlembicVersion> expected =
        InstalledAlembic::readVersionFile(site + QStringLiteral("/alembic/__init__.py"));
    QVERIFY2(expected.ok(), qPrintable(expected.error()));

    const QString project = m_dir.filePath(QStringLiteral("team"));
    const QString venv = project + QStringLiteral("/.venv");
    const QString sitePackages = makeVenv(venv);
    QVERIFY(!sitePackages.isEmpty());
    writeFile(sitePackages + QStringLiteral("/debian-sid.pth"), site.toUtf8() + "\n");
    writeFile(venv + QStringLiteral("/bin/alembic"),
              "#!" + venv.toUtf8() + "/bin/python3\nimport sys\nfrom alembic.config import main\n"
                                     "sys.exit(main())\n",
              true);
    writeFile(project + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = db\n");

    LoadOptions options;
    options.environment = envWith({});
    const ProjectAlembic alembic = ProjectLoader::findAlembic(project, options);
    QCOMPARE(alembic.source, ProjectAlembic::Source::Found);
    QCOMPARE(alembic.rules.version(), expected.value());
    QCOMPARE(alembic.detail, site);

    const Result<AlembicProgram> program = AlembicProgram::find(project, QString(), {});
    QVERIFY2(program.ok(), qPrintable(program.error()));
    QCOMPARE(program->source(), AlembicProgram::Source::VirtualEnv);
    const Result<InstalledAlembic> asked = InstalledAlembic::ask(*program, envWith({}), m_dir.path(), 60000);
    QVERIFY2(asked.ok(), qPrintable(asked.error()));
    QCOMPARE(asked->version, expected.value());
}

// alembic runs in the config's folder, which `-m alembic` puts first on sys.path: an alembic
// package there is the one that runs, and asking in that folder gets its version, as the run
// would import it (asking elsewhere would name another alembic).
void TestInstalledAlembic::askedWhereAlembicRuns()
{
    const QString project = fakeAlembic(m_dir.filePath(QStringLiteral("shadowing")), "9.1.7");
    const QProcessEnvironment env = envWith({});
    const Result<AlembicProgram> program =
        AlembicProgram::find(project, QStringLiteral("/usr/bin/python3"),
                             env.value(QStringLiteral("PATH")).split(u':'));
    QVERIFY2(program.ok(), qPrintable(program.error()));
    const Result<InstalledAlembic> there = InstalledAlembic::ask(*program, env, project, 60000);
    QVERIFY2(there.ok(), qPrintable(there.error()));
    QCOMPARE(there->version.toString(), QStringLiteral("9.1.7"));
    const Result<InstalledAlembic> elsewhere =
        InstalledAlembic::ask(*program, env, m_dir.path(), 60000);
    QVERIFY2(elsewhere.ok(), qPrintable(elsewhere.error()));
    QVERIFY(elsewhere->version.toString() != QStringLiteral("9.1.7"));
}

void TestInstalledAlembic::givenVersionWins()
{
    LoadOptions options;
    options.alembicVersion = AlembicVersion{1, 9, 2};
    const ProjectAlembic alembic = ProjectLoader::findAlembic(m_dir.path(), options);
    QCOMPARE(alembic.source, ProjectAlembic::Source::Given);
    QVERIFY(!alembic.rules.loadsFilesSortedByName());
}

void TestInstalledAlembic::notFoundSaysWhy()
{
    // no venv, no interpreter configured, nothing on PATH
    LoadOptions options;
    options.environment = envWith({});
    options.environment.insert(QStringLiteral("PATH"), m_dir.filePath(QStringLiteral("empty")));
    const ProjectAlembic alembic = ProjectLoader::findAlembic(m_dir.path(), options);
    QCOMPARE(alembic.source, ProjectAlembic::Source::NotFound);
    QVERIFY(!alembic.detail.isEmpty());
    QCOMPARE(alembic.rules.version(), AlembicRules::newest().version());
    QVERIFY(alembic.describe().contains(QStringLiteral("not found")));
}

void TestInstalledAlembic::readVersionFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("version");
    QTest::newRow("double quotes") << QByteArray("__version__ = \"1.8.1\"\n") << "1.8.1";
    QTest::newRow("single quotes") << QByteArray("x = 1\n__version__ = '1.13.2'\n") << "1.13.2";
    QTest::newRow("none") << QByteArray("version = '1.0'\n") << "";
    QTest::newRow("not a version") << QByteArray("__version__ = \"dev\"\n") << "";
}

void TestInstalledAlembic::readVersionFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, version);
    const QString path = m_dir.filePath(QStringLiteral("v/") + QString::fromLatin1(QTest::currentDataTag()) +
                                        QStringLiteral("/__init__.py"));
    writeFile(path, text);
    const Result<AlembicVersion> v = InstalledAlembic::readVersionFile(path);
    QCOMPARE(v.ok(), !version.isEmpty());
    if (v)
        QCOMPARE(v->toString(), version);
    else
        QVERIFY(v.error().contains(path));
}

QTEST_GUILESS_MAIN(TestInstalledAlembic)
#include "tst_installedalembic.moc"
