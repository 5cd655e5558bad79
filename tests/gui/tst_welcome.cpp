// Issue 17, first start: the welcome page in the real window (no project → welcome, docks
// hidden; recent projects; the demo), drops on the window, and the database the command line
// asks for (--profile, and --url's temporary profile that leaves no trace).
#include "dialogmnemonics.h"

#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/profilesecrets.h"
#include "app/projectsession.h"
#include "app/settings.h"
#include "model/config/connectionprofile.h"
#include "widgets/databases/databaselistmodel.h"
#include "widgets/databases/databasesview.h"
#include "widgets/welcome/welcomepage.h"

#include <QApplication>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

using namespace retort;

namespace {

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(QLatin1String("__pycache__")) || file.endsWith(QLatin1String(".db")))
            continue;
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

// A one-revision project in `folder`; its config is alembic.ini or, with `pyproject`, a
// pyproject.toml with [tool.alembic].
bool makeProject(const QString& folder, bool pyproject = false)
{
    const QByteArray revision = "\"\"\"first\n\nRevision ID: aaaa00000001\nRevises:\n\"\"\"\n"
                                "revision = 'aaaa00000001'\ndown_revision = None\n"
                                "branch_labels = None\ndepends_on = None\n\n"
                                "def upgrade():\n    pass\n\ndef downgrade():\n    pass\n";
    const QByteArray config =
        pyproject ? QByteArray("[tool.alembic]\nscript_location = \"%(here)s/migrations\"\n")
                  : QByteArray("[alembic]\nscript_location = %(here)s/migrations\n"
                               "sqlalchemy.url = sqlite:///app.db\n");
    return writeFile(folder + (pyproject ? QStringLiteral("/pyproject.toml")
                                         : QStringLiteral("/alembic.ini")),
                     config) &&
           writeFile(folder + QStringLiteral("/migrations/env.py"), QByteArray()) &&
           writeFile(folder + QStringLiteral("/migrations/versions/aaaa00000001_first.py"),
                     revision);
}

QList<QDockWidget*> docksOf(MainWindow& window)
{
    return window.findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly);
}

bool anyDockShown(MainWindow& window)
{
    for (QDockWidget* dock : docksOf(window))
        if (dock->isVisible())
            return true;
    return false;
}

QDockWidget* dockNamed(MainWindow& window, const QString& name)
{
    return window.findChild<QDockWidget*>(name, Qt::FindDirectChildrenOnly);
}

// Sends a drag entering the window, and the drop when asked; whether each was accepted.
struct DropResult
{
    bool enterAccepted = false;
    bool dropAccepted = false;
};

DropResult dropOn(MainWindow& window, const QList<QUrl>& urls, bool drop = true)
{
    QMimeData data;
    data.setUrls(urls);
    const QPoint at = window.rect().center();
    DropResult result;
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(&window, &enter);
    result.enterAccepted = enter.isAccepted();
    if (drop) {
        QDropEvent event(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        event.setAccepted(false);
        QCoreApplication::sendEvent(&window, &event);
        result.dropAccepted = event.isAccepted();
    }
    return result;
}

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A copy of the demo, so nothing here can touch the source tree's.
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), demoDir()));
        qputenv("RETORT_DEMO_DIR", demoDir().toUtf8());
        QVERIFY(makeProject(m_dir.filePath(QStringLiteral("shop"))));
        QVERIFY(makeProject(m_dir.filePath(QStringLiteral("billing")), true));
    }

    void init()
    {
        m_iniFile = m_dir.filePath(
            QStringLiteral("settings/%1.ini").arg(QLatin1String(QTest::currentTestFunction())));
        m_settings = std::make_unique<Settings>(m_iniFile);
    }

    void cleanup() { m_settings.reset(); }

    void noProjectShowsWelcomeWithoutDocks()
    {
        m_settings->addRecentProject({missingIni(), QStringLiteral("staging")});
        m_settings->addRecentProject({shopIni(), {}}); // newest first
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isWelcomeShown());
        QVERIFY(window.welcomePage()->isVisible());
        QVERIFY(!anyDockShown(window));
        QVERIFY(window.errorMessage().isEmpty());

        // The recent projects with their folder names, full paths and sections.
        QListWidget* list = window.welcomePage()->recentList();
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("shop"));
        QCOMPARE(list->item(0)->toolTip(), QDir::toNativeSeparators(shopIni()));
        QVERIFY(!list->item(0)->data(WelcomePage::MissingRole).toBool());
        QCOMPARE(list->item(1)->toolTip(),
                 QStringLiteral("%1 [staging]").arg(QDir::toNativeSeparators(missingIni())));
        QVERIFY(list->item(1)->data(WelcomePage::MissingRole).toBool());
        // The page has the focus for its list: Up/Down and Enter work at once.
        QTRY_VERIFY(list->hasFocus());
        QVERIFY(window.welcomePage()->demoButton()->isEnabled());
    }

    void pageButtonsAndKeys()
    {
        m_settings->addRecentProject({shopIni(), {}});
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WelcomePage* page = window.welcomePage();
        // Every control reachable with its own mnemonic, none shared.
        const QStringList problems = testsupport::mnemonicProblems(page);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Tab walks the page in reading order: the three buttons, then the list.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->openButton()->setFocus();
        const QList<QWidget*> order{page->demoButton(), page->gettingStartedButton(),
                                    page->recentList()};
        for (QWidget* next : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), next);
        }
        // Getting Started is the Help menu's command.
        QSignalSpy walk(window.gettingStartedAction(), &QAction::triggered);
        QVERIFY(!window.session()->isLoading());
        page->gettingStartedButton()->click();
        QCOMPARE(walk.count(), 1);
        // The demo's button says why it is off when there is no demo.
        page->setDemoAvailable(false, QStringLiteral("not installed"));
        QVERIFY(!page->demoButton()->isEnabled());
        auto* reason = page->findChild<QLabel*>(QStringLiteral("welcomeDemoReason"));
        QVERIFY(reason && reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("not installed"));
    }

    void clickingRecentOpensAndDocksComeBack()
    {
        m_settings->addRecentProject({shopIni(), {}});
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!anyDockShown(window));
        QListWidget* list = window.welcomePage()->recentList();
        const QRect item = list->visualItemRect(list->item(0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, item.center());
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(window.session()->loadedConfigPath(), shopIni());
        QVERIFY(!window.isWelcomeShown());
        QVERIFY(!window.welcomePage()->isVisible());
        // As on a first start: the databases, details and diagnostics docks.
        QTRY_VERIFY(dockNamed(window, QStringLiteral("databasesDock"))->isVisible());
        QVERIFY(dockNamed(window, QStringLiteral("detailsDock"))->isVisible());
    }

    void doubleClickOpensOnce()
    {
        m_settings->addRecentProject({shopIni(), {}});
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy started(window.session(), &ProjectSession::loadingStarted);
        QListWidget* list = window.welcomePage()->recentList();
        // The first click of the two opens; the double-click asks for the same project again.
        // (As a real double-click comes: press and release, the double-click, a release.)
        const QPoint at = list->visualItemRect(list->item(0)).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(started.count(), 1);
        QCOMPARE(window.session()->loadedConfigPath(), shopIni());
    }

    void enterOpensRecent()
    {
        m_settings->addRecentProject({shopIni(), {}});
        m_settings->addRecentProject({billingToml(), {}});
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget* list = window.welcomePage()->recentList();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(list->currentRow(), 1);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(window.session()->loadedConfigPath(), shopIni());
    }

    void openTheDemo()
    {
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QPushButton* demo = window.welcomePage()->demoButton();
        QVERIFY(demo->isEnabled());
        QTest::mouseClick(demo, Qt::LeftButton);
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(QFileInfo(window.session()->loadedConfigPath()).canonicalFilePath(),
                 QFileInfo(demoDir() + QStringLiteral("/alembic.ini")).canonicalFilePath());
        QVERIFY(!window.isWelcomeShown());
        QTRY_VERIFY(anyDockShown(window));
    }

    void missingRecentCanBeRemoved()
    {
        m_settings->addRecentProject({shopIni(), {}});
        m_settings->addRecentProject({missingIni(), {}});
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget* list = window.welcomePage()->recentList();
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->data(WelcomePage::MissingRole).toBool());
        // A missing entry does not open...
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(0)).center());
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(!window.session()->isLoading());
        QVERIFY(window.session()->configPath().isEmpty());
        // ... and Delete takes it off the list, the menu and the settings.
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->toolTip(), QDir::toNativeSeparators(shopIni()));
        QCOMPARE(m_settings->recentProjects(), (QList<RecentProject>{{shopIni(), {}}}));
        QCOMPARE(window.findChild<QMenu*>(QStringLiteral("recentMenu"))->actions().size(), 3);
    }

    void droppedFolderOpensItsConfig()
    {
        MainWindow window(*m_settings);
        window.show();
        // An unrelated file does not even enter.
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(notes, "hello\n"));
        DropResult result = dropOn(window, {QUrl::fromLocalFile(notes)});
        QVERIFY(!result.enterAccepted);
        QVERIFY(!result.dropAccepted);
        QVERIFY(window.session()->configPath().isEmpty());
        QVERIFY(!dropOn(window, {QUrl(QStringLiteral("https://example.com/alembic.ini"))})
                     .enterAccepted);

        // A folder without a project: the status bar says why.
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        result = dropOn(window, {QUrl::fromLocalFile(empty)});
        QVERIFY(result.enterAccepted);
        QVERIFY(!result.dropAccepted);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("has no alembic.ini")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.session()->configPath().isEmpty());

        // Several: the first that fits (the notes and the empty folder do not).
        result = dropOn(window, {QUrl::fromLocalFile(notes), QUrl::fromLocalFile(empty),
                                 QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("billing"))),
                                 QUrl::fromLocalFile(shopIni())});
        QVERIFY(result.enterAccepted);
        QVERIFY(result.dropAccepted);
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(window.session()->loadedConfigPath(), billingToml());
    }

    void droppedConfigFileOpens()
    {
        MainWindow window(*m_settings);
        window.show();
        const DropResult result = dropOn(window, {QUrl::fromLocalFile(shopIni())});
        QVERIFY(result.enterAccepted && result.dropAccepted);
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(window.session()->loadedConfigPath(), shopIni());
    }

    void dockLayoutSurvivesWelcomeAcrossRestarts()
    {
        {
            MainWindow window(*m_settings);
            window.show();
            window.openProject(shopIni());
            QTRY_VERIFY(window.session()->graph());
            QTRY_VERIFY(dockNamed(window, QStringLiteral("detailsDock"))->isVisible());
            dockNamed(window, QStringLiteral("detailsDock"))->hide(); // the person's choice
            QVERIFY(window.close());
        }
        m_settings->setLastProject({}); // started without a project: the welcome page
        {
            MainWindow window(*m_settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.isWelcomeShown());
            QVERIFY(!anyDockShown(window));
            QVERIFY(window.close()); // saves the layout the welcome page hid, not its own
        }
        MainWindow window(*m_settings);
        window.show();
        window.openProject(shopIni());
        QTRY_VERIFY(window.session()->graph());
        QTRY_VERIFY(dockNamed(window, QStringLiteral("databasesDock"))->isVisible());
        QVERIFY(!dockNamed(window, QStringLiteral("detailsDock"))->isVisible());
    }

    void failedLoadShowsTheErrorOnTheWelcomePage()
    {
        const QString folder = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(writeFile(folder + QStringLiteral("/alembic.ini"), "[alembic]\n"));
        MainWindow window(*m_settings);
        window.show();
        window.openProject(folder + QStringLiteral("/alembic.ini"));
        QTRY_VERIFY(!window.errorMessage().isEmpty());
        QVERIFY(window.isWelcomeShown());
        auto* panel = window.findChild<QWidget*>(QStringLiteral("errorPanel"));
        QVERIFY(panel && panel->isVisible());
        // Fixed on disk: Retry loads it and the project view takes over.
        QVERIFY(makeProject(folder));
        QToolButton* retry = nullptr;
        for (QToolButton* button : panel->findChildren<QToolButton*>())
            if (button->text() == QStringLiteral("&Retry"))
                retry = button;
        QVERIFY(retry);
        retry->click();
        QTRY_VERIFY(window.session()->graph());
        QVERIFY(window.errorMessage().isEmpty());
        QVERIFY(!window.isWelcomeShown());
    }

    void profileOptionSelectsSavedProfile()
    {
        ConnectionProfile staging(QStringLiteral("staging"), QStringLiteral("sqlite:///staging.db"));
        m_settings->setConnectionProfiles(
            {shopIni(), {}},
            QJsonDocument(ConnectionProfile::toJson({staging})).toJson(QJsonDocument::Compact));
        MainWindow window(*m_settings);
        window.show();
        window.setStartupDatabase(QStringLiteral("staging"), {});
        window.openProject(shopIni());
        QTRY_VERIFY(window.session()->graph());
        QCOMPARE(window.databases()->selectedProfile(), QStringLiteral("staging"));
    }

    void unknownProfileIsSaidWithTheNames()
    {
        MainWindow window(*m_settings);
        window.show();
        window.setStartupDatabase(QStringLiteral("prod"), {});
        window.openProject(shopIni());
        QTRY_VERIFY(window.session()->graph());
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("startupProfileMessage"))));
        QVERIFY2(box->text().contains(QStringLiteral("\"prod\"")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("Its profiles: default.")),
                 qPrintable(box->text()));
        QCOMPARE(window.databases()->selectedProfile(), QStringLiteral("default"));
        box->close();
    }

    void urlProfileIsTemporaryAndLeavesNoTrace()
    {
        // A server that is not there: the read fails at once, which is all this needs.
        const QString password = QStringLiteral("Pw4CommandLine");
        const QString url = QStringLiteral("postgresql://cliuser:%1@/cli_shop_db?host=%2")
                                .arg(password, m_dir.filePath(QStringLiteral("no-server")));
        {
            MainWindow window(*m_settings);
            window.show();
            window.setStartupDatabase({}, url);
            window.openProject(shopIni());
            QTRY_VERIFY(window.session()->graph());
            DatabaseSession* databases = window.databases();
            const QString name = MainWindow::sessionProfileName();
            QTRY_COMPARE(databases->selectedProfile(), name);
            QVERIFY(databases->isTemporary(name));
            QCOMPARE(databases->profile(name)->password(), password);
            // Marked in the Databases pane, its password hidden.
            const DatabaseListModel* model = window.databasesView()->model();
            const int row = model->indexOfName(name);
            QVERIFY(row >= 0);
            QCOMPARE(model->index(row, DatabaseListModel::NameColumn).data().toString(),
                     QStringLiteral("%1 (this session)").arg(name));
            QVERIFY(!model->index(row, DatabaseListModel::UrlColumn).data().toString()
                         .contains(password));
            QTRY_VERIFY(databases->hasState(name) && !databases->isReading(name));

            // Saving another profile writes the saved ones, never the temporary one; editing
            // the temporary one keeps it temporary.
            QVERIFY(databases->saveProfile(
                ConnectionProfile(QStringLiteral("local"), QStringLiteral("sqlite:///l.db"))));
            ConnectionProfile edited = *databases->profile(name);
            edited.setProtected(true);
            QVERIFY(databases->saveProfile(edited, name));
            QVERIFY(databases->isTemporary(name));

            // Nothing in the keychain store (memory here, RETORT_KEYCHAIN=off's store).
            bool answered = false;
            QString stored;
            m_settings->secrets().read(
                ProfileSecrets::key(Settings::projectKey({shopIni(), {}}), name,
                                    QString::fromLatin1(ConnectionProfile::kPasswordSlot)),
                &window, [&](const QString& value) {
                    answered = true;
                    stored = value;
                });
            QTRY_VERIFY(answered);
            QVERIFY2(stored.isNull(), qPrintable(stored));
            QVERIFY(window.close());
        }
        m_settings->sync();
        QFile file(m_iniFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("local")); // the file is the one written to
        for (const QByteArray& trace : {password.toUtf8(), QByteArray("cliuser"),
                                        QByteArray("cli_shop_db"), QByteArray("no-server"),
                                        MainWindow::sessionProfileName().toUtf8()})
            QVERIFY2(!written.contains(trace), trace.constData());

        // The next start knows nothing of it.
        m_settings = std::make_unique<Settings>(m_iniFile);
        MainWindow window(*m_settings);
        window.openProject(shopIni());
        QTRY_VERIFY(window.session()->graph());
        QTRY_VERIFY(window.databases()->profile(QStringLiteral("local")));
        QVERIFY(!window.databases()->profile(MainWindow::sessionProfileName()));
    }

private:
    QString demoDir() const { return m_dir.filePath(QStringLiteral("demo")); }
    QString shopIni() const { return m_dir.filePath(QStringLiteral("shop/alembic.ini")); }
    QString billingToml() const { return m_dir.filePath(QStringLiteral("billing/pyproject.toml")); }
    QString missingIni() const { return m_dir.filePath(QStringLiteral("gone/alembic.ini")); }

    QTemporaryDir m_dir;
    QString m_iniFile;
    std::unique_ptr<Settings> m_settings;
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
