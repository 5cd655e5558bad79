// Run → Run Stairway… in the real main window, offscreen, with the real alembic on the demo:
// the confirmation offers the temporary SQLite file and the scratch profiles only (never the
// ini's database or a normal profile) and says that the project's code runs and how many
// commands; the walk passes on a temporary file; on a copy whose downgrade raises it fails
// at that revision on a scratch profile, marked on the graph; that scratch database, no
// longer at base, is then refused. The project's own database and the normal profile's are
// unchanged byte for byte.
#include "support/alembicundertest.h"
#include "support/testfiles.h"
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "app/stairwaycontroller.h"
#include "model/config/connectionprofile.h"
#include "model/db/versiontablereader.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/log/logpane.h"
#include "widgets/plan/stairwaydialog.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using retort::testsupport::copyTree;

namespace {

const QString kBroken = QStringLiteral("0e46b5fa5b0c");

QByteArray fingerprint(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("missing");
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A SQLite file whose version table holds `revision` (a database in use).
bool makeDatabase(const QString& path, const QString& revision)
{
    QString out;
    return testsupport::runProcess(
        QStringLiteral(RETORT_TEST_PYTHON),
        {QStringLiteral("-c"),
         QStringLiteral("import sqlite3, sys\n"
                        "c = sqlite3.connect(sys.argv[1])\n"
                        "c.execute('CREATE TABLE alembic_version (version_num VARCHAR(32) "
                        "NOT NULL PRIMARY KEY)')\n"
                        "c.execute('INSERT INTO alembic_version VALUES (?)', (sys.argv[2],))\n"
                        "c.commit()\n"),
         path, revision},
        QDir::tempPath(), &out);
}

} // namespace

class TestStairwayGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    // The demo copied to `name`, with its own database and a normal and a scratch profile.
    QString makeProject(const QString& name, bool breakDowngrade)
    {
        const QString dir = m_tmp.filePath(name);
        if (!copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir))
            return {};
        QFile::remove(dir + QStringLiteral("/demo.db"));
        if (!makeDatabase(dir + QStringLiteral("/demo.db"), QStringLiteral("c1d7b7decc0c")) ||
            !makeDatabase(dir + QStringLiteral("/staging.db"), kBroken))
            return {};
        if (breakDowngrade) {
            const QStringList files = QDir(dir + QStringLiteral("/migrations/versions"))
                                          .entryList({u'*' + kBroken + QStringLiteral("_*.py")});
            QFile f(dir + QStringLiteral("/migrations/versions/") + files.value(0));
            if (!f.open(QIODevice::ReadOnly))
                return {};
            QString text = QString::fromUtf8(f.readAll());
            f.close();
            const QString head = QStringLiteral("def downgrade() -> None:\n");
            text.replace(head, head + QStringLiteral("    raise RuntimeError(\"no way back\")\n"));
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return {};
            f.write(text.toUtf8());
        }
        return dir;
    }

    struct Window
    {
        Window(const QString& settingsFile, const QString& dir)
            : settings(settingsFile), window(settings)
        {
            const QString ini = dir + QStringLiteral("/alembic.ini");
            settings.setPythonInterpreter(RecentProject{ini, QStringLiteral("alembic")},
                                          QStringLiteral(RETORT_TEST_PYTHON));
            window.openProject(ini);
        }
        Settings settings;
        MainWindow window;
        StairwayController* stairway() { return window.stairwayController(); }
    };

    bool ready(Window& w)
    {
        return QTest::qWaitFor(
            [&] {
                return !w.window.databases()->profiles().isEmpty() &&
                       !w.window.graphView()->graphScene()->nodeItems().isEmpty() &&
                       w.stairway()->runAction()->isEnabled();
            },
            30000);
    }

    void addProfiles(Window& w, const QString& dir)
    {
        ConnectionProfile staging(QStringLiteral("staging"),
                                  QStringLiteral("sqlite:///") + dir + QStringLiteral("/staging.db"));
        QVERIFY(w.window.databases()->saveProfile(staging));
        ConnectionProfile scratch(QStringLiteral("throwaway"),
                                  QStringLiteral("sqlite:///") + dir + QStringLiteral("/scratch.db"));
        scratch.setScratch(true);
        QVERIFY(w.window.databases()->saveProfile(scratch));
    }

    // Triggers Run Stairway… and returns its dialog.
    StairwayDialog* openDialog(Window& w)
    {
        w.stairway()->runAction()->trigger();
        if (!QTest::qWaitFor([&] { return w.stairway()->dialog() != nullptr; }, 30000))
            return nullptr;
        return w.stairway()->dialog();
    }

private slots:
    void initTestCase()
    {
        retort::test::AlembicUnderTest alembic;
        QVERIFY(retort::test::AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &alembic));
        QVERIFY(m_tmp.isValid());
    }

    void passesOnATemporaryFile()
    {
        const QString dir = makeProject(QStringLiteral("pass"), false);
        QVERIFY(!dir.isEmpty());
        Window w(m_tmp.filePath(QStringLiteral("pass.ini")), dir);
        QVERIFY(ready(w));
        addProfiles(w, dir);
        if (QTest::currentTestFailed())
            return;
        const QByteArray own = fingerprint(dir + QStringLiteral("/demo.db"));
        const QByteArray staging = fingerprint(dir + QStringLiteral("/staging.db"));

        StairwayDialog* dialog = openDialog(w);
        QVERIFY(dialog);
        // the temporary file and the scratch profile, nothing else
        auto* database = dialog->findChild<QComboBox*>(QStringLiteral("stairwayDatabase"));
        QVERIFY(database);
        QCOMPARE(database->count(), 2);
        QVERIFY(database->itemText(1).contains(QLatin1String("throwaway")));
        QVERIFY(!dialog->choose(QStringLiteral("staging")));
        QVERIFY(!dialog->choose(QStringLiteral("default")));
        auto* commands = dialog->findChild<QLabel*>(QStringLiteral("stairwayCommands"));
        QVERIFY(commands->text().contains(QLatin1String("project's own code")));
        QVERIFY(commands->text().contains(QLatin1String("120")));
        // Return alone does not start it: Cancel is the default
        auto* run = dialog->findChild<QPushButton*>(QStringLiteral("runStairway"));
        QVERIFY(run && !run->isDefault());

        QSignalSpy finished(w.stairway(), &StairwayController::finished);
        QVERIFY(dialog->choose({}));
        run->click();
        QVERIFY(w.stairway()->isRunning());
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(w.stairway()->lastResult().contains(QLatin1String("every revision (40)")),
                 qPrintable(w.stairway()->lastResult()));
        QCOMPARE(w.stairway()->progress()->checked(), 40);
        QVERIFY(w.window.graphView()->graphScene()->failedRevision().isEmpty());
        QVERIFY(w.window.logPane()->logText().contains(QLatin1String("Stairway passed")));
        QCOMPARE(fingerprint(dir + QStringLiteral("/demo.db")), own);
        QCOMPARE(fingerprint(dir + QStringLiteral("/staging.db")), staging);
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/scratch.db")));
    }

    void aWalkThatRanElsewhereIsNoPass()
    {
        // env.py sets its own URL: the walk runs on that database, not the temporary file
        const QString dir = makeProject(QStringLiteral("elsewhere"), false);
        QVERIFY(!dir.isEmpty());
        QFile env(dir + QStringLiteral("/migrations/env.py"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        const QString anchor = QStringLiteral("config = context.config\n");
        text.replace(anchor, anchor + QStringLiteral("config.set_main_option(\"sqlalchemy.url\", "
                                                     "\"sqlite:///%1/elsewhere.db\")\n")
                                          .arg(dir));
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(text.toUtf8());
        env.close();

        Window w(m_tmp.filePath(QStringLiteral("elsewhere.ini")), dir);
        QVERIFY(ready(w));
        StairwayDialog* dialog = openDialog(w);
        QVERIFY(dialog);
        QSignalSpy finished(w.stairway(), &StairwayController::finished);
        dialog->findChild<QPushButton*>(QStringLiteral("runStairway"))->click();
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(w.stairway()->lastResult().contains(QLatin1String("does not use the sqlalchemy.url")),
                 qPrintable(w.stairway()->lastResult()));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/elsewhere.db")));
        QVERIFY(w.stairway()->runAction()->isEnabled());
    }

    void stopEndsIt()
    {
        const QString dir = makeProject(QStringLiteral("stop"), false);
        QVERIFY(!dir.isEmpty());
        Window w(m_tmp.filePath(QStringLiteral("stop.ini")), dir);
        QVERIFY(ready(w));
        StairwayDialog* dialog = openDialog(w);
        QVERIFY(dialog);
        QVERIFY(!w.stairway()->stopAction()->isEnabled());
        QSignalSpy finished(w.stairway(), &StairwayController::finished);
        dialog->findChild<QPushButton*>(QStringLiteral("runStairway"))->click();
        QVERIFY(QTest::qWaitFor([&] { return w.stairway()->progress()->checked() >= 2; }, 120000));
        QVERIFY(w.stairway()->stopAction()->isEnabled());
        QVERIFY(!w.stairway()->runAction()->isEnabled()); // one stairway at a time
        w.stairway()->stopAction()->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!w.stairway()->isRunning());
        QVERIFY2(w.stairway()->lastResult().contains(QLatin1String("stopped")),
                 qPrintable(w.stairway()->lastResult()));
        QVERIFY(w.stairway()->progress()->checked() < 40);
        QVERIFY(w.stairway()->runAction()->isEnabled());
        QVERIFY(w.window.graphView()->graphScene()->failedRevision().isEmpty());
    }

    void failsOnAScratchProfileAndMarksTheRevision()
    {
        const QString dir = makeProject(QStringLiteral("broken"), true);
        QVERIFY(!dir.isEmpty());
        Window w(m_tmp.filePath(QStringLiteral("broken.ini")), dir);
        QVERIFY(ready(w));
        addProfiles(w, dir);
        if (QTest::currentTestFailed())
            return;
        const QByteArray own = fingerprint(dir + QStringLiteral("/demo.db"));
        const QByteArray staging = fingerprint(dir + QStringLiteral("/staging.db"));

        StairwayDialog* dialog = openDialog(w);
        QVERIFY(dialog);
        QVERIFY(dialog->choose(QStringLiteral("throwaway")));
        QSignalSpy finished(w.stairway(), &StairwayController::finished);
        dialog->findChild<QPushButton*>(QStringLiteral("runStairway"))->click();
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const auto& failure = w.stairway()->progress()->failure();
        QVERIFY(failure);
        QCOMPARE(failure->revision, kBroken);
        QCOMPARE(failure->direction, MigrationStep::Direction::Downgrade);
        QCOMPARE(failure->error, QStringLiteral("RuntimeError: no way back"));
        QCOMPARE(w.window.graphView()->graphScene()->failedRevision(), kBroken);
        QVERIFY(w.stairway()->lastResult().contains(kBroken));
        QVERIFY(w.stairway()->lastResult().contains(QLatin1String("downgrade")));
        QTRY_VERIFY(w.window.findChild<QMessageBox*>(QStringLiteral("stairwayResult")));
        // only the scratch database changed
        QCOMPARE(fingerprint(dir + QStringLiteral("/demo.db")), own);
        QCOMPARE(fingerprint(dir + QStringLiteral("/staging.db")), staging);
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/scratch.db")));

        // it stopped half way: no longer at base, so the next stairway there is refused
        const QByteArray scratch = fingerprint(dir + QStringLiteral("/scratch.db"));
        dialog = openDialog(w);
        QVERIFY(dialog);
        QVERIFY(dialog->choose(QStringLiteral("throwaway")));
        dialog->findChild<QPushButton*>(QStringLiteral("runStairway"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.stairway()->lastResult().contains(QLatin1String("not at base")), 30000);
        QVERIFY(!w.stairway()->isRunning());
        QCOMPARE(fingerprint(dir + QStringLiteral("/scratch.db")), scratch);
    }
};

QTEST_MAIN(TestStairwayGui)
#include "tst_stairwaygui.moc"
