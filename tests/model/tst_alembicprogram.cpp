// How Retort finds alembic for a project: a venv next to (or above) the config file, the
// configured interpreter with `-m alembic`, then PATH; and the messages when none works.
// The found programs are also started for real (`--version`) where they exist here.

#include "model/run/alembicprogram.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

bool writeScript(const QString& path, const QByteArray& text, bool executable = true)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text);
    f.close();
    QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        perms |= QFile::ExeOwner;
    return f.setPermissions(perms);
}

// A venv-style alembic script that hands over to Debian's alembic.
QByteArray venvScript(const QString& interpreter)
{
    return "#!" + interpreter.toUtf8() +
           "\nimport sys\nfrom alembic.config import main\nsys.exit(main())\n";
}

QString runVersion(const AlembicProgram& p)
{
    QProcess proc;
    proc.start(p.program(), p.arguments({QStringLiteral("--version")}));
    if (!proc.waitForFinished(60000))
        return QStringLiteral("(did not finish)");
    return QString::fromUtf8(proc.readAllStandardOutput() + proc.readAllStandardError()).trimmed();
}

} // namespace

class TestAlembicProgram : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_emptyPathDir; // a PATH folder without alembic

    QString project(const QString& name)
    {
        const QString dir = m_tmp.path() + u'/' + name;
        QDir().mkpath(dir);
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFileInfo(kPython).isExecutable(), qPrintable(kPython));
        QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/alembic")).isExecutable(),
                 "Debian's alembic (/usr/bin/alembic) is needed");
        m_emptyPathDir = project(QStringLiteral("emptypath"));
    }

    void venvInConfigFolder()
    {
        const QString dir = project(QStringLiteral("p1"));
        QVERIFY(writeScript(dir + QStringLiteral("/.venv/bin/alembic"), venvScript(kPython)));
        // A configured interpreter and PATH are there too: the venv comes first.
        const auto found = AlembicProgram::find(dir, kPython, {QStringLiteral("/usr/bin")});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->source(), AlembicProgram::Source::VirtualEnv);
        QCOMPARE(found->program(), dir + QStringLiteral("/.venv/bin/alembic"));
        QCOMPARE(found->interpreter(), kPython);
        QCOMPARE(found->arguments({QStringLiteral("current")}),
                 QStringList{QStringLiteral("current")});
        QVERIFY2(runVersion(*found).startsWith(QLatin1String("alembic 1.")),
                 qPrintable(runVersion(*found)));
    }

    void venvInParentFolder()
    {
        const QString root = project(QStringLiteral("p2"));
        const QString config = root + QStringLiteral("/backend/db");
        QDir().mkpath(config);
        QVERIFY(writeScript(root + QStringLiteral("/venv/bin/alembic"),
                            "#!/usr/bin/env python3\nfrom alembic.config import main\nmain()\n"));
        const auto found = AlembicProgram::find(config, QString(), {QStringLiteral("/usr/bin")});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->source(), AlembicProgram::Source::VirtualEnv);
        QCOMPARE(found->program(), root + QStringLiteral("/venv/bin/alembic"));
        // "#!/usr/bin/env python3" resolved against the search path.
        QCOMPARE(found->interpreter(), QStringLiteral("/usr/bin/python3"));

        // The nearer venv wins over the one further up.
        QVERIFY(
            writeScript(root + QStringLiteral("/backend/.venv/bin/alembic"), venvScript(kPython)));
        const auto nearer = AlembicProgram::find(config, QString(), {QStringLiteral("/usr/bin")});
        QVERIFY(nearer.ok());
        QCOMPARE(nearer->program(), root + QStringLiteral("/backend/.venv/bin/alembic"));
    }

    void venvTooFarUpIsIgnored()
    {
        const QString root = project(QStringLiteral("p3"));
        QString config = root;
        for (int i = 0; i <= AlembicProgram::kMaxParentLevels; ++i)
            config += QStringLiteral("/d%1").arg(i);
        QDir().mkpath(config);
        QVERIFY(writeScript(root + QStringLiteral("/.venv/bin/alembic"), venvScript(kPython)));
        const auto found = AlembicProgram::find(config, QString(), {m_emptyPathDir});
        QVERIFY(!found.ok());

        // One level nearer and it is found.
        const auto near =
            AlembicProgram::find(QFileInfo(config).absolutePath(), QString(), {m_emptyPathDir});
        QVERIFY2(near.ok(), qPrintable(near.error()));
        QCOMPARE(near->program(), root + QStringLiteral("/.venv/bin/alembic"));
    }

    void nonExecutableVenvScriptIsSkipped()
    {
        const QString dir = project(QStringLiteral("p4"));
        QVERIFY(
            writeScript(dir + QStringLiteral("/.venv/bin/alembic"), venvScript(kPython), false));
        const auto found = AlembicProgram::find(dir, kPython, {m_emptyPathDir});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->source(), AlembicProgram::Source::Interpreter);
    }

    void configuredInterpreter()
    {
        const QString dir = project(QStringLiteral("p5"));
        const auto found = AlembicProgram::find(dir, kPython, {QStringLiteral("/usr/bin")});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->source(), AlembicProgram::Source::Interpreter);
        QCOMPARE(found->program(), kPython);
        QCOMPARE(found->interpreter(), kPython);
        QCOMPARE(found->arguments({QStringLiteral("heads")}),
                 (QStringList{QStringLiteral("-m"), QStringLiteral("alembic"),
                              QStringLiteral("heads")}));
        QVERIFY2(runVersion(*found).startsWith(QLatin1String("alembic 1.")),
                 qPrintable(runVersion(*found)));

        // A bare name is looked up on the search path.
        const auto byName =
            AlembicProgram::find(dir, QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
        QVERIFY2(byName.ok(), qPrintable(byName.error()));
        QCOMPARE(byName->program(), QStringLiteral("/usr/bin/python3"));
    }

    void onPath()
    {
        const QString dir = project(QStringLiteral("p6"));
        const auto found = AlembicProgram::find(dir, QString(), {QStringLiteral("/usr/bin")});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->source(), AlembicProgram::Source::Path);
        QCOMPARE(found->program(), QStringLiteral("/usr/bin/alembic"));
        QCOMPARE(found->interpreter(), QStringLiteral("/usr/bin/python3")); // from its #! line
        QVERIFY(found->arguments({}).isEmpty());
        QVERIFY2(runVersion(*found).startsWith(QLatin1String("alembic 1.")),
                 qPrintable(runVersion(*found)));

        // The two-argument form reads $PATH.
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", "/nonexistent-retort:/usr/bin");
        const auto fromEnv = AlembicProgram::find(dir, QString());
        qputenv("PATH", oldPath);
        QVERIFY2(fromEnv.ok(), qPrintable(fromEnv.error()));
        QCOMPARE(fromEnv->program(), QStringLiteral("/usr/bin/alembic"));
    }

    void missingAlembic()
    {
        const QString dir = project(QStringLiteral("p7"));
        const auto found = AlembicProgram::find(dir, QString(), {m_emptyPathDir});
        QVERIFY(!found.ok());
        QVERIFY2(found.error().contains(QLatin1String(".venv/bin/alembic")),
                 qPrintable(found.error()));
        QVERIFY2(found.error().contains(QLatin1String("PATH")), qPrintable(found.error()));
        QVERIFY2(found.error().contains(
                     QLatin1String("Set the Python interpreter in the project settings")),
                 qPrintable(found.error()));
        // An empty search path finds nothing either (it does not fall back to $PATH).
        QVERIFY(!AlembicProgram::find(dir, QString(), QStringList()).ok());
    }

    void brokenInterpreter_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("does not exist")
            << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("not executable")
            << QStringLiteral("plain") << QStringLiteral("not an executable");
        QTest::newRow("a folder") << QStringLiteral("folder")
                                  << QStringLiteral("not an executable");
        QTest::newRow("bare name not on PATH")
            << QStringLiteral("name") << QStringLiteral("not found on PATH");
    }

    void brokenInterpreter()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString dir = project(QStringLiteral("p8-") + kind);
        QString interpreter;
        if (kind == QLatin1String("missing")) {
            interpreter = dir + QStringLiteral("/no/python3");
        } else if (kind == QLatin1String("plain")) {
            interpreter = dir + QStringLiteral("/python3");
            QVERIFY(writeScript(interpreter, "not a program\n", false));
        } else if (kind == QLatin1String("folder")) {
            interpreter = dir + QStringLiteral("/pythondir");
            QVERIFY(QDir().mkpath(interpreter));
        } else {
            interpreter = QStringLiteral("python-retort-nonexistent");
        }
        // Broken even though alembic is on the search path: the setting is reported.
        const auto found = AlembicProgram::find(dir, interpreter, {QStringLiteral("/usr/bin")});
        QVERIFY(!found.ok());
        QVERIFY2(found.error().contains(expected), qPrintable(found.error()));
        QVERIFY2(found.error().contains(interpreter), qPrintable(found.error()));
        QVERIFY2(found.error().contains(
                     QLatin1String("Set the Python interpreter in the project settings")),
                 qPrintable(found.error()));
    }

    void shebang()
    {
        const QString dir = project(QStringLiteral("p9"));
        const QString withArg = dir + QStringLiteral("/a");
        QVERIFY(writeScript(withArg, "#!/usr/bin/python3 -s\nprint(1)\n"));
        QCOMPARE(AlembicProgram::readShebang(withArg, {}),
                 (QStringList{QStringLiteral("/usr/bin/python3"), QStringLiteral("-s")}));
        const QString none = dir + QStringLiteral("/b");
        QVERIFY(writeScript(none, "print(1)\n"));
        QVERIFY(AlembicProgram::readShebang(none, {QStringLiteral("/usr/bin")}).isEmpty());
        const QString envMissing = dir + QStringLiteral("/c");
        QVERIFY(writeScript(envMissing, "#!/usr/bin/env python-retort-nonexistent\n"));
        QVERIFY(AlembicProgram::readShebang(envMissing, {QStringLiteral("/usr/bin")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlembicProgram)
#include "tst_alembicprogram.moc"
