// Proof that a profile's password rests nowhere in plain text: a profile made through the
// real profile dialog (the password typed into the URL, a secret environment variable), then
// Refresh, a SQL preview, a Step Up on a real PostgreSQL server that checks the password, an
// export, a failing connection (a wrong password) and a second session. Afterwards no file
// under the test's HOME (settings, caches, logs, exports, the project), no log line (Retort's
// debug output included), no window title and no text on screen holds any of the secrets.
// Run twice: with a real Secret Service (the second session reads the password from it) and
// with no keychain (the second session asks for it once).
#include "support/secretservice.h"
#include "support/testservers.h"
#include "app/databasescontroller.h"
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/profilesecrets.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "widgets/databases/profiledialog.h"
#include "widgets/databases/secretprompt.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/sqlpreviewdialog.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <Qsci/qsciscintilla.h>

using namespace retort;
using retort::test::Run;
using retort::test::TestServers;

namespace {

const QString kToken = QStringLiteral("Tok-Proof-7731");
const QString kWrongPassword = QStringLiteral("Wr0ng-Pw-5519");

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QStringList secrets()
{
    return {retort::test::kPassword, kToken, kWrongPassword};
}

// The secrets found in `text`, by name.
QStringList leaks(const QString& text)
{
    QStringList found;
    for (const QString& s : secrets())
        if (text.contains(s))
            found.append(s);
    return found;
}

QStringList filesHoldingSecrets(const QString& folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const QString& s : secrets())
            if (bytes.contains(s.toUtf8()))
                found.append(f.fileName() + QStringLiteral(": ") + s);
    }
    return found;
}

// Every title and text on screen except what a masked field holds.
QStringList screenTexts()
{
    QStringList texts;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        texts.append(top->windowTitle());
        for (const QLabel* l : top->findChildren<QLabel*>())
            texts.append(l->text());
        for (const QLineEdit* e : top->findChildren<QLineEdit*>())
            if (e->echoMode() == QLineEdit::Normal)
                texts.append(e->text());
        for (const QPlainTextEdit* e : top->findChildren<QPlainTextEdit*>())
            texts.append(e->toPlainText());
        for (const QsciScintilla* e : top->findChildren<QsciScintilla*>())
            texts.append(e->text());
        for (const QWidget* w : top->findChildren<QWidget*>())
            texts.append(w->windowTitle() + w->toolTip() + w->statusTip());
    }
    return texts;
}

} // namespace

class TestSecretsProof : public QObject
{
    Q_OBJECT

private:
    QString m_home;
    retort::test::SecretService m_service;
    bool m_keychain = false;
    std::unique_ptr<TestServers> m_servers;
    QString m_ini;
    QStringList m_seen; // titles and texts seen on screen during the test

    void look() { m_seen += screenTexts(); }

    static bool waitReadable(MainWindow& w, const QString& profile)
    {
        return QTest::qWaitFor(
            [&] {
                return w.databases()->profile(profile) &&
                       w.databases()->state(profile).isReadable() &&
                       !w.databases()->isReading(profile);
            },
            30000);
    }

    static bool waitFailed(MainWindow& w, const QString& profile)
    {
        return QTest::qWaitFor(
            [&] {
                return w.databases()->hasState(profile) && !w.databases()->isReading(profile) &&
                       !w.databases()->state(profile).isReadable();
            },
            30000);
    }

    // Adds a profile through the real dialog, the URL typed with its password in it.
    void addProfile(MainWindow& w, const QString& name, const QString& url, const QString& env)
    {
        w.databasesController()->addProfile();
        ProfileDialog* dialog = w.databasesController()->activeDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(name);
        auto* urlField = dialog->findChild<QLineEdit*>(QStringLiteral("url"));
        urlField->setText(url);
        emit urlField->editingFinished();
        auto* environment = dialog->findChild<QPlainTextEdit*>(QStringLiteral("environment"));
        environment->setFocus();
        QTRY_VERIFY(environment->hasFocus());
        environment->setPlainText(env);
        urlField->setFocus(); // typed secrets are masked once the focus moves on
        QTRY_VERIFY(!environment->toPlainText().contains(kToken));
        look();
        dialog->accept();
        QVERIFY(!dialog->isVisible());
    }

private slots:
    void initTestCase()
    {
        m_home = qEnvironmentVariable("HOME");
        QVERIFY(m_home.startsWith(QStringLiteral("/tmp/retort-proof-")));
        const QString error = m_service.startAsTestAsks(&m_keychain);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QLoggingCategory::setFilterRules(QStringLiteral("retort.*=true"));
        g_previousHandler = qInstallMessageHandler(recordMessage);

        m_servers = std::make_unique<TestServers>(QStringLiteral("/tmp/retort-proof-pg-XXXXXX"));
        QVERIFY(m_servers->valid());
        const QString pgError = m_servers->startPostgres();
        QVERIFY2(pgError.isEmpty(), qPrintable(pgError));
        const Run db = m_servers->psql(QStringLiteral("postgres"),
                                       QStringLiteral("CREATE DATABASE proof"));
        QVERIFY2(db.exitCode == 0, qPrintable(db.describe()));

        const QString project = m_home + QStringLiteral("/project");
        const Run gen = retort::test::run(
            QStringLiteral(RETORT_TEST_PYTHON),
            {QStringLiteral(RETORT_FIXTURES_DIR "/genproject.py"), project,
             QStringLiteral("--revisions"), QStringLiteral("4"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("--linear"), QStringLiteral("--ops"),
             QStringLiteral("tables"), QStringLiteral("--id-style"), QStringLiteral("hex")});
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.describe()));
        m_ini = project + QStringLiteral("/alembic.ini");
    }

    void passwordRestsNowhere()
    {
        const QString settingsFile = m_home + QStringLiteral("/.config/Retort/retort.ini");
        const RecentProject key{m_ini, {}};
        {
            Settings settings(settingsFile, SecretStore::Backend::Keychain);
            settings.setPythonInterpreter(key, QStringLiteral(RETORT_TEST_PYTHON));
            MainWindow w(settings);
            w.show();
            w.openProject(m_ini);
            QTRY_VERIFY_WITH_TIMEOUT(!w.databases()->profiles().isEmpty(), 30000);

            addProfile(w, QStringLiteral("prod"), m_servers->pgUrl(QStringLiteral("proof")),
                       QStringLiteral("RETORT_PROOF_TOKEN=") + kToken);
            const ConnectionProfile* prod = w.databases()->profile(QStringLiteral("prod"));
            QVERIFY(prod);
            QVERIFY(prod->hasPassword());
            QVERIFY(!prod->url().contains(retort::test::kPassword));
            w.databases()->setSelectedProfile(QStringLiteral("prod"));
            QVERIFY2(waitReadable(w, QStringLiteral("prod")),
                     qPrintable(w.databases()->state(QStringLiteral("prod")).error()));
            look();

            // Refresh
            w.databases()->refresh(QStringLiteral("prod"));
            QVERIFY(waitReadable(w, QStringLiteral("prod")));

            // SQL preview, then Step Up for real: the server checks the password
            QTRY_VERIFY_WITH_TIMEOUT(w.runController()->stepUpAction()->isEnabled(), 30000);
            w.runController()->stepUpAction()->trigger();
            QVERIFY(w.runController()->planDialog());
            look();
            w.runController()->planDialog()->findChild<QPushButton*>(QStringLiteral("previewSql"))
                ->click();
            QVERIFY(w.runController()->sqlPreview());
            QTRY_VERIFY_WITH_TIMEOUT(w.runController()->sqlPreview()->statusText().startsWith(
                                         QStringLiteral("Complete")),
                                     60000);
            look();
            w.runController()->sqlPreview()->close();
            if (w.runController()->planDialog())
                w.runController()->planDialog()->reject();
            QTest::qWait(100);
            w.runController()->stepUpAction()->trigger();
            QVERIFY(w.runController()->planDialog());
            QSignalSpy finished(w.runController(), &RunController::runFinished);
            QTest::keyClick(w.runController()->planDialog(), Qt::Key_Return);
            QVERIFY(finished.wait(120000));
            QCOMPARE(finished.first().at(1).value<RunEvent::Status>(), RunEvent::Status::Succeeded);
            QVERIFY(waitReadable(w, QStringLiteral("prod")));
            QCOMPARE(w.databases()->state(QStringLiteral("prod")).sortedCurrentRevisions().size(),
                     1);
            const Run rows = m_servers->psql(QStringLiteral("proof"),
                                             QStringLiteral("SELECT count(*) FROM alembic_version"));
            QVERIFY2(rows.out.contains(QLatin1Char('1')), qPrintable(rows.describe()));
            look();

            // an export of what the window draws, databases included
            QString exportError = QStringLiteral("(not done)");
            w.exportGraph(m_home + QStringLiteral("/export.svg"), true, 1.0,
                          [&](const QString& e) { exportError = e; });
            QTRY_VERIFY_WITH_TIMEOUT(exportError != QStringLiteral("(not done)"), 30000);
            QVERIFY2(exportError.isEmpty(), qPrintable(exportError));

            // a failing connection: the wrong password is refused by the server
            QString wrong = m_servers->pgUrl(QStringLiteral("proof"), kWrongPassword);
            addProfile(w, QStringLiteral("broken"), wrong, {});
            QVERIFY(waitFailed(w, QStringLiteral("broken")));
            const QString error = w.databases()->state(QStringLiteral("broken")).error();
            QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
            QVERIFY2(leaks(error).isEmpty(), qPrintable(error));
            look();
            settings.sync();

            if (m_keychain) {
                const QString stored = m_service.lookup(
                    QString::fromLatin1(SecretStore::kService),
                    ProfileSecrets::key(Settings::projectKey(key), QStringLiteral("prod"),
                                        QStringLiteral("password")));
                QCOMPARE(stored, retort::test::kPassword);
            }
        }

        // A second session: the keychain gives the password back; without one, Retort asks
        // once, and the database is read with what is typed.
        {
            Settings settings(settingsFile, SecretStore::Backend::Keychain);
            MainWindow w(settings);
            w.show();
            w.openProject(m_ini);
            QTRY_VERIFY_WITH_TIMEOUT(w.databases()->profile(QStringLiteral("prod")), 30000);
            if (!m_keychain) {
                // one question at a time, for each profile with a password, one after the
                // other
                QStringList asked;
                for (int i = 0; i < 2; ++i) {
                    QTRY_VERIFY_WITH_TIMEOUT(w.databasesController()->activePrompt() &&
                                                 w.databasesController()->activePrompt()->isVisible(),
                                             30000);
                    SecretPrompt* prompt = w.databasesController()->activePrompt();
                    const QString name = prompt->profileName();
                    QVERIFY(!asked.contains(name));
                    asked.append(name);
                    auto* note = prompt->findChild<QLabel*>(QStringLiteral("secretsNote"));
                    QVERIFY2(note->text().contains(QStringLiteral("no keychain")),
                             qPrintable(note->text()));
                    look();
                    if (name == u"prod") {
                        prompt->findChild<QLineEdit*>(QStringLiteral("password"))
                            ->setText(retort::test::kPassword);
                        prompt->findChild<QLineEdit*>(QStringLiteral("env/RETORT_PROOF_TOKEN"))
                            ->setText(kToken);
                    } else {
                        prompt->findChild<QLineEdit*>(QStringLiteral("password"))
                            ->setText(kWrongPassword);
                    }
                    prompt->accept();
                    QTest::qWait(0);
                }
                asked.sort();
                QCOMPARE(asked, QStringList({QStringLiteral("broken"), QStringLiteral("prod")}));
                QVERIFY(waitFailed(w, QStringLiteral("broken")));
            }
            QVERIFY2(waitReadable(w, QStringLiteral("prod")),
                     qPrintable(w.databases()->state(QStringLiteral("prod")).error()));
            QCOMPARE(w.databases()->profile(QStringLiteral("prod"))
                         ->environment()
                         .value(QStringLiteral("RETORT_PROOF_TOKEN")),
                     kToken);
            QVERIFY(!w.databasesController()->activePrompt() ||
                    w.databasesController()->activePrompt()->profileName() != u"prod");
            look();
            settings.sync();
        }

        // and now: nothing, anywhere
        const QStringList files = filesHoldingSecrets(m_home);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u'\n')));
        QFile settingsText(settingsFile);
        QVERIFY(settingsText.open(QIODevice::ReadOnly));
        QVERIFY(settingsText.readAll().contains("RETORT_PROOF_TOKEN")); // the name, not the value
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        QVERIFY2(log.size() > 3, "Retort's debug output was not captured");
        for (const QString& line : log)
            QVERIFY2(leaks(line).isEmpty(), qPrintable(line));
        QVERIFY(m_seen.size() > 50);
        for (const QString& text : std::as_const(m_seen))
            QVERIFY2(leaks(text).isEmpty(), qPrintable(text.left(500)));
    }
};

int main(int argc, char** argv)
{
    // A HOME of the test's own, made before anything reads it, scanned at the end.
    QTemporaryDir home(QStringLiteral("/tmp/retort-proof-XXXXXX"));
    if (!home.isValid())
        return 2;
    qputenv("HOME", home.path().toUtf8());
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
        qunsetenv(var);
    QApplication app(argc, argv);
    TestSecretsProof test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretsproof.moc"
