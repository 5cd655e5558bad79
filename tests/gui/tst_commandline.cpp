// Issue 17: `retort [PATH] [-n SECTION] [--profile NAME] [--url URL]`, run as people run it.
// Mistakes that can be known before the window opens exit with status 2 and say why on
// stderr; a folder opens its config; --url's profile leaves nothing in the settings file.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo(QStringLiteral(RETORT_GUI_PATH)).isExecutable());
        const QString project = m_dir.filePath(QStringLiteral("shop"));
        QVERIFY(writeFile(project + QStringLiteral("/alembic.ini"),
                          "[alembic]\nscript_location = %(here)s/migrations\n"
                          "sqlalchemy.url = sqlite:///app.db\n"));
        QVERIFY(writeFile(project + QStringLiteral("/migrations/env.py"), QByteArray()));
        QVERIFY(writeFile(project + QStringLiteral("/migrations/versions/aaaa00000001_first.py"),
                          "revision = 'aaaa00000001'\ndown_revision = None\n"));
    }

    void helpListsTheOptions()
    {
        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const QString& expected :
             {QStringLiteral("[PATH]"), QStringLiteral("-n, --name <SECTION>"),
              QStringLiteral("--profile <NAME>"), QStringLiteral("--url <URL>"),
              QStringLiteral("--screenshot <FILE>"), QStringLiteral("[tool.alembic]")})
            QVERIFY2(help.out.contains(expected), qPrintable(help.out));
    }

    void mistakesExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString gone = m_dir.filePath(QStringLiteral("gone"));
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        const QString shop = m_dir.filePath(QStringLiteral("shop"));
        QTest::newRow("no such path") << QStringList{gone}
                                      << QStringLiteral("retort: %1 does not exist.")
                                             .arg(QDir::toNativeSeparators(gone));
        QTest::newRow("folder without config")
            << QStringList{empty}
            << QStringLiteral("retort: %1 has no alembic.ini, nor a pyproject.toml with a "
                              "[tool.alembic] table.")
                   .arg(QDir::toNativeSeparators(empty));
        QTest::newRow("--profile without a project")
            << QStringList{QStringLiteral("--profile"), QStringLiteral("staging")}
            << QStringLiteral("retort: --profile needs a project: give its PATH (no project "
                              "was open last time).");
        QTest::newRow("--url without a project")
            << QStringList{QStringLiteral("--url"), QStringLiteral("sqlite:///x.db")}
            << QStringLiteral("retort: --url needs a project");
        QTest::newRow("--profile and --url")
            << QStringList{shop, QStringLiteral("--profile"), QStringLiteral("a"),
                           QStringLiteral("--url"), QStringLiteral("sqlite:///x.db")}
            << QStringLiteral("retort: --profile and --url both choose the database");
        QTest::newRow("not a URL")
            << QStringList{shop, QStringLiteral("--url"), QStringLiteral("localhost:5432")}
            << QStringLiteral("retort: --url: ");
    }

    void mistakesExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    }

    void folderOpensItsConfigAndUrlLeavesNoTrace()
    {
        const QString picture = m_dir.filePath(QStringLiteral("window.png"));
        const Outcome outcome =
            run({m_dir.filePath(QStringLiteral("shop")), QStringLiteral("--url"),
                 QStringLiteral("postgresql://cliuser:Pw4CommandLine@/cli_shop_db?host=%1")
                     .arg(m_dir.filePath(QStringLiteral("no-server"))),
                 QStringLiteral("--screenshot"), picture});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(QFileInfo(picture).size() > 0);
        // The folder's alembic.ini is what loaded (and is now the last project).
        const QString file = settingsFile();
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("project/lastPath")).toString(),
                 m_dir.filePath(QStringLiteral("shop/alembic.ini")));
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray text = written.readAll();
        for (const QByteArray& trace : {QByteArray("Pw4CommandLine"), QByteArray("cliuser"),
                                        QByteArray("cli_shop_db"), QByteArray("no-server")})
            QVERIFY2(!text.contains(trace), trace.constData());
    }

    // Issue 18: the first complete picture after a load is logged, on by default, so the
    // time to a drawn graph can be measured from outside.
    void theFirstPictureIsLogged()
    {
        const QString picture = m_dir.filePath(QStringLiteral("demo.png"));
        const Outcome outcome = run({QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"),
                                     QStringLiteral("--screenshot"), picture});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        static const QRegularExpression line(
            QStringLiteral("^retort\\.graph: drawn 40 revisions in (\\d+) ms$"),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = line.match(outcome.err);
        QVERIFY2(match.hasMatch(), qPrintable(outcome.err));
        QCOMPARE(outcome.err.count(line), 1); // the first picture only
    }

private:
    QString settingsFile() const
    {
        return m_dir.filePath(QStringLiteral("config/Retort/retort.conf"));
    }

    Outcome run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The person's settings and keychain are left alone.
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("RETORT_KEYCHAIN"), QStringLiteral("off"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Qt's default logging: what a person starting Retort gets.
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.remove(QStringLiteral("QT_MESSAGE_PATTERN"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RETORT_GUI_PATH), arguments);
        Outcome outcome;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return outcome;
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        outcome.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        outcome.err = QString::fromLocal8Bit(process.readAllStandardError());
        return outcome;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
