// Where the scripts are, read by Retort and by the real alembic (Debian 12's 1.8.1 and, as
// tst_differential_config@trixie / @sid, 1.13.2 and 1.18.4): script_location,
// version_locations with each separator option, recursive_version_locations, and
// pyproject.toml's [tool.alembic] (read from 1.16 on; older releases refuse it, and Retort
// then says so on the config file while still drawing the graph).

#include "model/project/projectloader.h"
#include "support/alembicundertest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

class TestDifferentialConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameFoldersAsAlembic_data();
    void sameFoldersAsAlembic();
    void duplicateIdsAsAlembic();

private:
    QJsonObject askAlembic(const QString& config);

    QTemporaryDir m_dir;
    test::AlembicUnderTest m_alembic;
};

void TestDifferentialConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(test::AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &m_alembic));
}

QJsonObject TestDifferentialConfig::askAlembic(const QString& config)
{
    QProcess p;
    p.start(QStringLiteral(RETORT_TEST_PYTHON),
            {QStringLiteral(RETORT_FIXTURES_DIR "/alembic_config_oracle.py"), config});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {{QStringLiteral("oracle_failed"), QString::fromUtf8(p.readAllStandardError())}};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void TestDifferentialConfig::sameFoldersAsAlembic_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("text");
    const QByteArray head = "[alembic]\nscript_location = %(here)s/db\n";
    QTest::newRow("defaults") << "alembic.ini" << head;
    QTest::newRow("path_separator ;")
        << "alembic.ini"
        << head + "version_locations = %(here)s/db/versions;%(here)s/db/more\npath_separator = ;\n";
    QTest::newRow("version_path_separator os")
        << "alembic.ini"
        << head + "version_locations = %(here)s/db/versions:%(here)s/db/more\n"
                  "version_path_separator = os\n";
    QTest::newRow("legacy spaces and commas")
        << "alembic.ini" << head + "version_locations = %(here)s/db/versions, %(here)s/db/more\n";
    QTest::newRow("both separators")
        << "alembic.ini"
        << head + "version_locations = %(here)s/db/versions;%(here)s/db/more\n"
                  "path_separator = ;\nversion_path_separator = space\n";
    QTest::newRow("recursive")
        << "alembic.ini" << head + "recursive_version_locations = true\n";
    QTest::newRow("relative script_location") << "alembic.ini"
                                              << QByteArray("[alembic]\nscript_location = db\n");
    QTest::newRow("pyproject")
        << "pyproject.toml"
        << QByteArray("[tool.alembic]\nscript_location = \"%(here)s/db\"\n"
                      "version_locations = [\"%(here)s/db/versions\", \"%(here)s/db/more\"]\n");
}

void TestDifferentialConfig::sameFoldersAsAlembic()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, text);
    const QString root = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
    for (const char* sub : {"db/versions", "db/more"})
        QVERIFY(QDir().mkpath(root + u'/' + QLatin1StringView(sub)));
    // env.py and script.py.mako: alembic checks the script folder is one
    for (const char* file : {"db/env.py", "db/script.py.mako"}) {
        QFile f(root + u'/' + QLatin1StringView(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString config = root + u'/' + fileName;
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    const QJsonObject alembic = askAlembic(config);
    QVERIFY2(!alembic.contains(QStringLiteral("oracle_failed")),
             qPrintable(alembic.value(QStringLiteral("oracle_failed")).toString()));
    QCOMPARE(alembic.value(QStringLiteral("version")).toString(), m_alembic.version);

    const Result<LoadedProject> project = ProjectLoader::load(config);
    QVERIFY2(project.ok(), qPrintable(project.error()));
    QCOMPARE(project->alembic.rules.version().toString(), m_alembic.version);
    bool refusedByRetort = false;
    for (const Diagnostic& d : project->graph->diagnostics())
        refusedByRetort = refusedByRetort || (d.stopsAlembic && d.path == config);

    if (alembic.contains(QStringLiteral("error"))) {
        // alembic cannot read it: Retort must say so (and only then)
        QVERIFY2(refusedByRetort, qPrintable(alembic.value(QStringLiteral("error")).toString()));
        QVERIFY(!project->alembic.rules.readsPyprojectToml());
        return;
    }
    QVERIFY(!refusedByRetort);
    QCOMPARE(project->config.scriptLocation(),
             alembic.value(QStringLiteral("script_location")).toString());
    QStringList expected;
    for (const QJsonValue& v : alembic.value(QStringLiteral("version_locations")).toArray())
        expected << v.toString();
    QCOMPARE(project->config.versionLocations(), expected);
    QCOMPARE(project->config.recursiveVersionLocations() &&
                 project->alembic.rules.readsSubfolders(),
             alembic.value(QStringLiteral("recursive")).toBool());
}

// Two files with one revision id: alembic lets the one it loads later take the id (which one
// depends on its load order, so on the release and the folder), and still counts the other
// among its heads and bases. Retort must name the same winner, heads and bases.
void TestDifferentialConfig::duplicateIdsAsAlembic()
{
    const QString root = m_dir.filePath(QStringLiteral("duplicates"));
    const QString versions = root + QStringLiteral("/db/versions/");
    QVERIFY(QDir().mkpath(versions));
    for (const char* file : {"db/env.py", "db/script.py.mako"}) {
        QFile f(root + u'/' + QLatin1StringView(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    {
        QFile f(root + QStringLiteral("/alembic.ini"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[alembic]\nscript_location = %(here)s/db\n");
    }
    auto write = [&](const char* file, const char* id, const char* down) {
        QFile f(versions + QLatin1StringView(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("revision = '") + id + "'\ndown_revision = " + down +
                "\nbranch_labels = None\ndepends_on = None\n");
    };
    write("f1.py", "x1", "None");
    write("f2.py", "d1", "'x1'");
    write("f3.py", "d1", "None");
    write("f4.py", "c1", "'d1'");
    write("f5.py", "e1", "'x1'");
    write("f6.py", "e1", "'c1'");

    QProcess p;
    p.setWorkingDirectory(root);
    p.start(QStringLiteral(RETORT_TEST_PYTHON),
            {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-c"),
             QStringLiteral("import json, os, sys\n"
                            "from alembic.config import Config\n"
                            "from alembic.script import ScriptDirectory\n"
                            "s = ScriptDirectory.from_config(Config('alembic.ini'))\n"
                            "m = s.revision_map\n"
                            "print(json.dumps({'heads': sorted(set(m.heads)), 'bases': sorted(set(m.bases)),\n"
                            "  'd1': os.path.basename(s.get_revision('d1').path),\n"
                            "  'e1': os.path.basename(s.get_revision('e1').path)}))\n")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject alembic = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    auto strings = [](const QJsonValue& v) {
        QStringList out;
        for (const QJsonValue& x : v.toArray())
            out << x.toString();
        return out;
    };

    const Result<LoadedProject> project = ProjectLoader::load(root + QStringLiteral("/alembic.ini"));
    QVERIFY2(project.ok(), qPrintable(project.error()));
    const RevisionGraph& graph = *project->graph;
    QCOMPARE(QFileInfo(graph.revision(QStringLiteral("d1"))->path).fileName(),
             alembic.value(QStringLiteral("d1")).toString());
    QCOMPARE(QFileInfo(graph.revision(QStringLiteral("e1"))->path).fileName(),
             alembic.value(QStringLiteral("e1")).toString());
    QCOMPARE(graph.heads(), strings(alembic.value(QStringLiteral("heads"))));
    QCOMPARE(graph.bases(), strings(alembic.value(QStringLiteral("bases"))));
    // both files of each pair carry a diagnostic
    for (const char* file : {"f2.py", "f3.py", "f5.py", "f6.py"})
        QVERIFY2(!graph.diagnosticsFor(versions + QLatin1StringView(file)).isEmpty(), file);
}

QTEST_GUILESS_MAIN(TestDifferentialConfig)
#include "tst_differential_config.moc"
