// The Environments dock in the real main window, offscreen, on tests/fixtures/drift_project
// with real SQLite databases and the real alembic: every profile's position, pending count,
// missing heads and read time; Refresh All; Check Drift from the keyboard (in sync, then with
// the model changed, then on a profile with its own URL that is not at head); the results kept
// across a restart; the place left for Compare….
//
// Registered once per alembic: Debian 12's 1.8.1 has no `alembic check`, and there the check
// is refused with a clear message before anything runs; trixie's and sid's really compare.
#include "support/alembicundertest.h"
#include "support/testfiles.h"
#include "app/databasesession.h"
#include "app/environmentscontroller.h"
#include "app/mainwindow.h"
#include "widgets/compare/compareview.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "model/run/alembicrunner.h"
#include "widgets/environments/environmentsview.h"
#include "widgets/log/logpane.h"
#include "widgets/log/logview.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace retort;
using namespace Qt::StringLiterals;
using retort::testsupport::copyTree;
using retort::testsupport::runProcess;

namespace {

const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

struct Window
{
    Window(const QString& settingsFile, const QString& ini) : settings(settingsFile), window(settings)
    {
        settings.setPythonInterpreter(RecentProject{ini, QStringLiteral("alembic")}, kPython);
        window.show();
        window.openProject(ini);
    }
    Settings settings;
    MainWindow window;
    EnvironmentsView* view() { return window.environmentsView(); }
    EnvironmentsController* controller() { return window.environmentsController(); }
    EnvironmentListModel* model() { return view()->model(); }
    QString text(const QString& profile, int column)
    {
        const int row = model()->indexOfName(profile);
        return row < 0 ? QString() : model()->index(row, column).data().toString();
    }
    const EnvironmentRow* row(const QString& profile)
    {
        const int i = model()->indexOfName(profile);
        return i < 0 ? nullptr : &model()->rows().at(i);
    }
};

} // namespace

class TestEnvironments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::AlembicUnderTest m_alembic;
    bool m_hasCheck = false;
    QString m_project;
    QString m_ini;
    QString m_settingsFile;
    QString m_iniProfile; // the name of the ini's own profile

    bool alembic(const QStringList& arguments)
    {
        QString out;
        const bool ok = runProcess(kPython, QStringList{u"-m"_s, u"alembic"_s} + arguments, m_project, &out);
        if (!ok)
            qWarning().noquote() << out;
        return ok;
    }

    bool waitRead(Window& w, const QStringList& profiles)
    {
        return QTest::qWaitFor(
            [&] {
                if (w.model()->rowCount() != profiles.size())
                    return false;
                for (const QString& p : profiles) {
                    const EnvironmentRow* row = w.row(p);
                    if (!row || !row->readAt.isValid() || row->pending < 0)
                        return false;
                }
                return true;
            },
            30000);
    }

    // Ctrl+Shift+K in the table of the Environments dock on `profile`; the result.
    DriftResult checkFromKeyboard(Window& w, const QString& profile)
    {
        w.window.environmentsDock()->show();
        w.window.environmentsDock()->raise();
        w.window.activateWindow();
        if (!QTest::qWaitForWindowActive(&w.window))
            return {};
        w.view()->setCurrentProfile(profile);
        w.view()->view()->setFocus();
        QSignalSpy finished(w.controller(), &EnvironmentsController::driftCheckFinished);
        QTest::keyClick(w.view()->view(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        if (!finished.wait(120000) && finished.isEmpty())
            return {};
        if (finished.first().at(0).toString() != profile)
            return {};
        return w.controller()->driftResult(profile);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::AlembicUnderTest::check(kPython, &m_alembic));
        m_hasCheck = AlembicVersion::parse(m_alembic.version).value_or(AlembicVersion{}) >=
                     DriftCheck::kMinimumVersion;
        m_project = m_dir.filePath(QStringLiteral("project"));
        QVERIFY(copyTree(QStringLiteral(RETORT_FIXTURES_DIR "/drift_project"), m_project));
        m_ini = m_project + QStringLiteral("/alembic.ini");
        m_settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        // "stale" stays at a1 (one revision behind); the ini's database goes to the head b2.
        QVERIFY(alembic({u"upgrade"_s, u"a1"_s}));
        QVERIFY(QFile::copy(m_project + QStringLiteral("/drift.db"),
                            m_project + QStringLiteral("/stale.db")));
        QVERIFY(alembic({u"upgrade"_s, u"head"_s}));
    }

    void showsWhereEachStands()
    {
        Window w(m_settingsFile, m_ini);
        QVERIFY(QTest::qWaitFor([&] { return !w.window.databases()->profiles().isEmpty(); }, 30000));
        m_iniProfile = w.window.databases()->profiles().first().name();
        QVERIFY(w.window.databases()->saveProfile(ConnectionProfile(
            u"stale"_s, QStringLiteral("sqlite:///%1/stale.db").arg(m_project))));
        QVERIFY(w.window.databases()->saveProfile(ConnectionProfile(
            u"fresh"_s, QStringLiteral("sqlite:///%1/fresh.db").arg(m_project))));
        const QStringList profiles{m_iniProfile, u"stale"_s, u"fresh"_s};
        QVERIFY(waitRead(w, profiles));

        QCOMPARE(w.text(m_iniProfile, EnvironmentListModel::StateColumn), QStringLiteral("b2"));
        QCOMPARE(w.text(m_iniProfile, EnvironmentListModel::PendingColumn), QStringLiteral("0"));
        QCOMPARE(w.text(m_iniProfile, EnvironmentListModel::MissingHeadsColumn), QStringLiteral("none"));
        QCOMPARE(w.text(u"stale"_s, EnvironmentListModel::StateColumn), QStringLiteral("a1"));
        QCOMPARE(w.text(u"stale"_s, EnvironmentListModel::PendingColumn), QStringLiteral("1"));
        QCOMPARE(w.text(u"stale"_s, EnvironmentListModel::MissingHeadsColumn), QStringLiteral("b2"));
        QVERIFY2(w.text(u"fresh"_s, EnvironmentListModel::StateColumn).contains(QStringLiteral("fresh.db")),
                 qPrintable(w.text(u"fresh"_s, EnvironmentListModel::StateColumn)));
        QCOMPARE(w.text(u"fresh"_s, EnvironmentListModel::PendingColumn), QStringLiteral("2"));
        for (const QString& p : profiles) {
            QCOMPARE(w.text(p, EnvironmentListModel::DriftColumn), QStringLiteral("not checked"));
            QVERIFY(!w.text(p, EnvironmentListModel::ReadColumn).isEmpty());
            QVERIFY(w.text(p, EnvironmentListModel::ReadColumn) != QStringLiteral("never"));
        }

        // Refresh All reads every version table again: every read time moves on.
        QHash<QString, QDateTime> before;
        for (const QString& p : profiles)
            before.insert(p, w.row(p)->readAt);
        QTest::qWait(20); // a later millisecond
        w.view()->view()->setFocus();
        w.window.environmentsDock()->show();
        w.window.environmentsDock()->raise();
        QVERIFY(w.view()->refreshAllAction()->isEnabled());
        w.view()->refreshAllAction()->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QString& p : profiles)
                    if (!w.row(p) || w.row(p)->readAt <= before.value(p))
                        return false;
                return true;
            },
            30000));
        QCOMPARE(w.text(u"stale"_s, EnvironmentListModel::StateColumn), QStringLiteral("a1"));

        // View → Environments, Alt+7, shows and hides the dock.
        QAction* toggle = w.window.environmentsDock()->toggleViewAction();
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | Qt::Key_7));
        bool inViewMenu = false;
        for (QAction* menu : w.window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(toggle))
                inViewMenu = menu->text() == QStringLiteral("&View");
        QVERIFY(inViewMenu);
    }

    void checkDrift()
    {
        Window w(m_settingsFile, m_ini);
        QVERIFY(waitRead(w, {m_iniProfile, u"stale"_s, u"fresh"_s}));
        QSignalSpy runs(w.window.runController()->runner(), &AlembicRunner::event);

        const DriftResult synced = checkFromKeyboard(w, m_iniProfile);
        if (!m_hasCheck) {
            // Debian 12's alembic: refused from its version, before anything runs.
            QCOMPARE(synced.status, DriftResult::Status::Unsupported);
            QCOMPARE(synced.alembicVersion, m_alembic.version);
            QVERIFY2(synced.message.contains(QStringLiteral("1.9.0")), qPrintable(synced.message));
            QVERIFY2(synced.message.contains(m_alembic.version), qPrintable(synced.message));
            QCOMPARE(runs.count(), 0);
            QVERIFY(w.view()->detailsView()->toPlainText().contains(synced.message));
            QVERIFY2(w.text(m_iniProfile, EnvironmentListModel::DriftColumn)
                         .startsWith(QStringLiteral("needs alembic 1.9")),
                     qPrintable(w.text(m_iniProfile, EnvironmentListModel::DriftColumn)));
            return;
        }
        QCOMPARE(synced.status, DriftResult::Status::InSync);
        QCOMPARE(synced.alembicVersion, m_alembic.version);
        QVERIFY(synced.checkedAt.isValid());
        QVERIFY(runs.count() > 0); // the real alembic ran
        QVERIFY2(w.text(m_iniProfile, EnvironmentListModel::DriftColumn).startsWith(QStringLiteral("in sync (")),
                 qPrintable(w.text(m_iniProfile, EnvironmentListModel::DriftColumn)));

        // The model moves on without a migration.
        QVERIFY(QFile::remove(m_project + QStringLiteral("/models.py")));
        QVERIFY(QFile::copy(m_project + QStringLiteral("/models_drifted.py"),
                            m_project + QStringLiteral("/models.py")));
        const DriftResult drifted = checkFromKeyboard(w, m_iniProfile);
        QCOMPARE(drifted.status, DriftResult::Status::Differences);
        QCOMPARE(drifted.differences.size(), 4);
        // The Log has the command and what alembic printed.
        const QString log = w.window.logPane()->findChild<LogView*>()->toPlainText();
        QVERIFY2(log.contains(u"▶ alembic check"_s), qPrintable(log));
        QVERIFY2(log.contains(u"New upgrade operations detected"_s), qPrintable(log));
        QVERIFY2(w.text(m_iniProfile, EnvironmentListModel::DriftColumn).startsWith(QStringLiteral("4 differences (")),
                 qPrintable(w.text(m_iniProfile, EnvironmentListModel::DriftColumn)));
        const QString details = w.view()->detailsView()->toPlainText();
        for (const char* expected : {"Add table orders", "Add column users.email",
                                     "Make users.name NOT NULL", "Add index ix_users_email"})
            QVERIFY2(details.contains(QLatin1String(expected)), qPrintable(details));
        const int iniRow = w.model()->indexOfName(m_iniProfile);
        QVERIFY(w.model()
                    ->index(iniRow, EnvironmentListModel::DriftColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Add table orders")));

        // A profile with its own URL (through the environment, as every run) that is behind:
        // alembic refuses to compare, and says why.
        const DriftResult stale = checkFromKeyboard(w, u"stale"_s);
        QCOMPARE(stale.status, DriftResult::Status::Failed);
        QCOMPARE(stale.message, QStringLiteral("Target database is not up to date."));
        QVERIFY(w.text(u"stale"_s, EnvironmentListModel::DriftColumn).startsWith(QStringLiteral("failed (")));
        // The other profile's result stays.
        QVERIFY(w.controller()->driftResult(m_iniProfile) == drifted);
    }

    // A SQLite file that does not exist yet is not checked: connecting would create it.
    void missingFileIsNotCreated()
    {
        Window w(m_settingsFile, m_ini);
        QVERIFY(waitRead(w, {m_iniProfile, u"stale"_s, u"fresh"_s}));
        QSignalSpy runs(w.window.runController()->runner(), &AlembicRunner::event);
        QSignalSpy started(w.controller(), &EnvironmentsController::driftCheckStarted);
        w.view()->setCurrentProfile(u"fresh"_s);
        w.view()->checkDriftAction()->trigger();
        QVERIFY2(w.controller()->lastProblem().contains(u"does not exist yet"_s),
                 qPrintable(w.controller()->lastProblem()));
        auto* box = w.window.findChild<QWidget*>(u"environmentsProblem"_s);
        QVERIFY(box && box->isVisible());
        box->close();
        QTest::qWait(200);
        QCOMPARE(started.count(), 0);
        QCOMPARE(runs.count(), 0);
        QVERIFY(!QFile::exists(m_project + u"/fresh.db"_s));
        QCOMPARE(w.text(u"fresh"_s, EnvironmentListModel::DriftColumn), u"not checked"_s);
    }

    // Closed and opened again: the last result of each profile is shown, with its time.
    void keptAfterRestart()
    {
        DriftResult kept;
        {
            Window w(m_settingsFile, m_ini);
            QVERIFY(waitRead(w, {m_iniProfile, u"stale"_s, u"fresh"_s}));
            kept = w.controller()->driftResult(m_iniProfile);
            QVERIFY(kept.isChecked());
        }
        Window w(m_settingsFile, m_ini);
        QVERIFY(waitRead(w, {m_iniProfile, u"stale"_s, u"fresh"_s}));
        QVERIFY(w.row(m_iniProfile)->drift == kept);
        QCOMPARE(w.text(u"fresh"_s, EnvironmentListModel::DriftColumn), QStringLiteral("not checked"));
        // A removed profile's result goes with it.
        w.window.databases()->removeProfile(u"stale"_s);
        QVERIFY(!w.controller()->driftResult(u"stale"_s).isChecked());
        QVERIFY(!w.settings.driftResults(RecentProject{m_ini, {}}).contains("\"stale\""));
    }

    // Compare… on a profile's row opens the Compare dock with that profile as A.
    void compareOpensTheCompareDock()
    {
        Window w(m_settingsFile, m_ini);
        QVERIFY(waitRead(w, {m_iniProfile, u"fresh"_s}));
        QAction* compare = w.view()->compareAction();
        QVERIFY(w.view()->view()->actions().contains(compare));
        QVERIFY(compare->isVisible());
        w.view()->setCurrentProfile(u"fresh"_s);
        QSignalSpy asked(w.view(), &EnvironmentsView::compareRequested);
        compare->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).toString(), u"fresh"_s);
        QVERIFY(!w.window.compareDock()->isHidden());
        QCOMPARE(w.window.compareView()->databaseA(), u"fresh"_s);
    }
};

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
