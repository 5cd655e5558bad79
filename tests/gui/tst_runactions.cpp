// The run actions in the real main window, offscreen, against the real alembic and a SQLite
// database: Step up / Step down through the plan dialog, what the version table holds after
// each, the graph following it, Escape cancelling, a protected profile, a migration that
// raises, a ghost row and the stamp that gets out of it, and the SQL preview.
#include "support/alembicundertest.h"
#include "support/testfiles.h"
#include "widgets/databases/databasesview.h"
#include "app/databasesession.h"
#include "model/db/versiontablereader.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"
#include "widgets/log/logpane.h"
#include "widgets/log/logview.h"
#include "app/mainwindow.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/sqlpreviewdialog.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QLabel>
#include <QStatusBar>
#include <QScopeGuard>
#include <QTest>
#include <QTreeWidget>

#include <Qsci/qsciscintilla.h>

using namespace retort;

using retort::testsupport::runProcess;

namespace {

// A generated project (real tables, mostly linear) in its own folder, at base.
QString makeProject(const QTemporaryDir& dir, const QString& name, int revisions)
{
    const QString path = dir.filePath(name);
    QString out;
    if (!runProcess(QStringLiteral(RETORT_TEST_PYTHON),
                    {QStringLiteral(RETORT_FIXTURES_DIR "/genproject.py"), path,
                     QStringLiteral("--revisions"), QString::number(revisions),
                     QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--linear"),
                     QStringLiteral("--ops"), QStringLiteral("tables"), QStringLiteral("--styles"),
                     QStringLiteral("old"), QStringLiteral("--id-style"), QStringLiteral("hex")},
                    dir.path(), &out)) {
        qWarning().noquote() << out;
        return {};
    }
    return path + QStringLiteral("/alembic.ini");
}

QStringList tableRows(const QString& ini)
{
    const DatabaseState state = VersionTableReader::readNow(
        QStringLiteral("sqlite:///%(here)s/test.db").replace(QStringLiteral("%(here)s"),
                                                             QFileInfo(ini).absolutePath()),
        QFileInfo(ini).absolutePath());
    return state.sortedCurrentRevisions();
}

struct Window
{
    explicit Window(const QString& settingsFile, const QString& ini)
        : settings(settingsFile), window(settings)
    {
        settings.setPythonInterpreter(RecentProject{QFileInfo(ini).absoluteFilePath(),
                                                    QStringLiteral("alembic")},
                                      QStringLiteral(RETORT_TEST_PYTHON));
        window.openProject(ini);
    }
    Settings settings;
    MainWindow window;
    RunController* runs() { return window.runController(); }
    GraphScene* scene() { return window.graphView()->graphScene(); }
    QString profile() { return window.databases()->profiles().first().name(); }
};

bool waitReady(Window& w)
{
    QTest::qWait(0);
    return QTest::qWaitFor(
        [&] {
            return !w.window.databases()->profiles().isEmpty() &&
                   w.window.databases()->state(w.profile()).isReadable() &&
                   !w.scene()->nodeItems().isEmpty() && w.runs()->stepUpAction()->isEnabled();
        },
        30000);
}

// Confirms the dialog on screen with Return, waits for the run's end; returns its status.
RunEvent::Status confirmAndWait(Window& w)
{
    PlanDialog* dialog = w.runs()->planDialog();
    if (!dialog)
        return RunEvent::Status::FailedToStart;
    QSignalSpy finished(w.runs(), &RunController::runFinished);
    QTest::keyClick(dialog, Qt::Key_Return);
    if (!finished.wait(120000) && finished.isEmpty())
        return RunEvent::Status::FailedToStart;
    return finished.first().at(1).value<RunEvent::Status>();
}

} // namespace

class TestRunActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Debian 12's alembic, or (@trixie / @sid) the newer one first on PYTHONPATH
        QVERIFY(retort::test::AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &m_alembic));
        m_ini = makeProject(m_dir, QStringLiteral("steps"), 6);
        QVERIFY(!m_ini.isEmpty());
    }

    // An interpreter whose alembic cannot be read from its files (here a wrapper script):
    // nothing starts while browsing; the first plan asks it once, the project is read again
    // for the alembic it names, and the plan goes on, saying which alembic it is for.
    void asksTheInterpreterWhenItsFilesSayNothing()
    {
        const QByteArray savedPath = qgetenv("PYTHONPATH");
        qunsetenv("PYTHONPATH"); // the wrapper's python finds Debian 12's alembic
        const auto restore = qScopeGuard([&] {
            if (!savedPath.isEmpty())
                qputenv("PYTHONPATH", savedPath);
        });
        const QString wrapper = m_dir.filePath(QStringLiteral("bin/py-wrapper"));
        QVERIFY(QDir().mkpath(QFileInfo(wrapper).absolutePath()));
        {
            QFile f(wrapper);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\nexec " RETORT_TEST_PYTHON " \"$@\"\n");
            f.close();
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        }
        const QString ini = makeProject(m_dir, QStringLiteral("asked"), 3);
        QVERIFY(!ini.isEmpty());
        Settings settings(m_dir.filePath(QStringLiteral("s9.ini")));
        settings.setPythonInterpreter(RecentProject{QFileInfo(ini).absoluteFilePath(),
                                                    QStringLiteral("alembic")},
                                      wrapper);
        MainWindow window(settings);
        window.openProject(ini);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->project().isLoaded() &&
                                     !window.databases()->profiles().isEmpty() &&
                                     window.databases()
                                         ->state(window.databases()->profiles().first().name())
                                         .isReadable() &&
                                     window.runController()->stepUpAction()->isEnabled(),
                                 30000);
        QCOMPARE(window.session()->project().alembic.source, ProjectAlembic::Source::NotFound);
        QCOMPARE(window.session()->project().alembic.interpreter, wrapper);

        window.runController()->stepUpAction()->trigger();
        QVERIFY(!window.runController()->planDialog()); // asking first
        QTRY_VERIFY_WITH_TIMEOUT(window.runController()->planDialog(), 30000);
        QCOMPARE(window.session()->project().alembic.source, ProjectAlembic::Source::Asked);
        const auto* planAlembic =
            window.runController()->planDialog()->findChild<QLabel*>(QStringLiteral("planAlembic"));
        QVERIFY(planAlembic);
        QProcess python; // what the wrapper's python imports, asked here directly
        python.start(QStringLiteral(RETORT_TEST_PYTHON),
                     {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")});
        QVERIFY(python.waitForFinished(60000));
        const QString version = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        QCOMPARE(planAlembic->text(), QStringLiteral("Planned as alembic %1 runs it.").arg(version));
        window.runController()->planDialog()->reject();

        // asked once: the next plan does not ask again
        window.runController()->stepUpAction()->trigger();
        QVERIFY(window.runController()->planDialog());
        window.runController()->planDialog()->reject();
    }

    void stepUpAndDown()
    {
        Window w(m_dir.filePath(QStringLiteral("s1.ini")), m_ini);
        QVERIFY(waitReady(w));
        QCOMPARE(tableRows(m_ini), QStringList());

        // Step up from base: the dialog shows the one revision that will run.
        w.runs()->stepUpAction()->trigger();
        PlanDialog* dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->summary().kind, PlanSummary::Kind::Upgrade);
        QCOMPARE(dialog->summary().command, QStringLiteral("alembic upgrade +1"));
        // the plan says whose order it follows: the alembic the project runs, found by itself
        const auto* planAlembic = dialog->findChild<QLabel*>(QStringLiteral("planAlembic"));
        QVERIFY(planAlembic);
        QCOMPARE(planAlembic->text(),
                 QStringLiteral("Planned as alembic %1 runs it.").arg(m_alembic.version));
        QCOMPARE(dialog->summary().steps.size(), 1);
        QCOMPARE(dialog->stepList()->topLevelItemCount(), 1);
        const QString first = dialog->summary().steps.first().revision;
        // the plan is drawn on the graph while it is being confirmed
        QCOMPARE(w.scene()->plannedRevisions(), QStringList{first});
        QCOMPARE(w.scene()->nodeItem(first)->runMark(), RevisionNodeItem::RunMark::Planned);
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("planWarning")) == nullptr);

        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(m_ini), QStringList{first});
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->nodeItem(first)->isCurrent(), 20000);
        QCOMPARE(w.scene()->nodeItem(first)->runMark(), RevisionNodeItem::RunMark::None);
        // the log has alembic's own line for the step
        QVERIFY(w.window.logPane()->logView()->logText().contains(
            QStringLiteral("Running upgrade  -> ") + first));

        // Step up again: the next revision, whose down revision is the first.
        QTRY_VERIFY_WITH_TIMEOUT(w.runs()->stepUpAction()->isEnabled(), 20000);
        w.runs()->stepUpAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        const QString second = w.runs()->planDialog()->summary().steps.first().revision;
        QVERIFY(second != first);
        QCOMPARE(w.runs()->planDialog()->summary().rowsBefore, QStringList{first});
        QCOMPARE(w.runs()->planDialog()->summary().rowsAfter, QStringList{second});
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(m_ini), QStringList{second});
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->nodeItem(second)->isCurrent(), 20000);
        QVERIFY(!w.scene()->nodeItem(first)->isCurrent());

        // Step down: the dialog warns about what a downgrade drops.
        QTRY_VERIFY_WITH_TIMEOUT(w.runs()->stepDownAction()->isEnabled(), 20000);
        w.runs()->stepDownAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        QCOMPARE(w.runs()->planDialog()->summary().kind, PlanSummary::Kind::Downgrade);
        QCOMPARE(w.runs()->planDialog()->summary().command, QStringLiteral("alembic downgrade -1"));
        QVERIFY(w.runs()->planDialog()->findChild<QWidget*>(QStringLiteral("planWarning")));
        // its first line says what it removes
        QCOMPARE(w.runs()->planDialog()->headingText(),
                 QStringLiteral("Downgrade 1 revision on “%1”: the schema changes it made are "
                                "undone")
                     .arg(w.profile()));
        // Return confirms it (the profile is not protected)
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(m_ini), QStringList{first});
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->nodeItem(first)->isCurrent(), 20000);
    }

    // The keyboard reaches every run action: Ctrl+Shift+Up / Down step, and the others
    // have shortcuts of their own.
    void shortcutsOpenThePlan()
    {
        Window w(m_dir.filePath(QStringLiteral("s9.ini")), m_ini);
        QVERIFY(waitReady(w));
        w.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.window.graphView()->setFocus();
        QTest::keyClick(&w.window, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(w.runs()->planDialog());
        QCOMPARE(w.runs()->planDialog()->summary().command, QStringLiteral("alembic upgrade +1"));
        QPointer<PlanDialog> up = w.runs()->planDialog();
        up->reject();
        QTRY_VERIFY(up.isNull());
        for (QAction* a : {w.runs()->stepUpAction(), w.runs()->stepDownAction(),
                           w.runs()->upgradeHeadsAction(), w.runs()->upgradeSelectedAction(),
                           w.runs()->downgradeSelectedAction(), w.runs()->stampSelectedAction(),
                           w.runs()->refreshAction(), w.runs()->stopAction()})
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
        QCOMPARE(w.runs()->stepDownAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    }

    void escapeCancels()
    {
        Window w(m_dir.filePath(QStringLiteral("s2.ini")), m_ini);
        QVERIFY(waitReady(w));
        const QStringList before = tableRows(m_ini);
        QSignalSpy started(w.runs(), &RunController::runStarted);
        w.runs()->upgradeHeadsAction()->trigger();
        QPointer<PlanDialog> dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        QVERIFY(!w.scene()->plannedRevisions().isEmpty());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(dialog.isNull()); // closed and deleted
        QTest::qWait(300);
        QCOMPARE(started.size(), 0);
        QCOMPARE(tableRows(m_ini), before);
        QVERIFY(w.scene()->plannedRevisions().isEmpty());
    }

    void upgradeHeadsMovesTheMarkerStepByStep()
    {
        const QString ini = makeProject(m_dir, QStringLiteral("heads"), 5);
        QVERIFY(!ini.isEmpty());
        Window w(m_dir.filePath(QStringLiteral("s3.ini")), ini);
        QVERIFY(waitReady(w));
        // every state the window showed for the database during the run
        QList<QStringList> shown;
        connect(w.window.databases(), &DatabaseSession::stateChanged, this, [&](const QString& n) {
            const DatabaseState s = w.window.databases()->state(n);
            if (s.isReadable() && (shown.isEmpty() || shown.last() != s.sortedCurrentRevisions()))
                shown.append(s.sortedCurrentRevisions());
        });
        w.runs()->upgradeHeadsAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        const auto steps = w.runs()->planDialog()->summary().steps;
        QCOMPARE(steps.size(), 5);
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(ini), QStringList{steps.last().revision});
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->nodeItem(steps.last().revision)->isCurrent(), 20000);
        // the marker went through every revision in plan order (at base first)
        QStringList expectedPath;
        for (qsizetype i = 0; i + 1 < steps.size(); ++i)
            expectedPath << steps.at(i).revision;
        QStringList path;
        for (const QStringList& rows : std::as_const(shown))
            if (rows.size() == 1 && !path.contains(rows.first()))
                path << rows.first();
        for (const QString& id : std::as_const(expectedPath))
            QVERIFY2(path.contains(id), qPrintable(id + QStringLiteral(" never shown")));
        QCOMPARE(w.window.logPane()->progressMaximum(), 5);
    }

    void protectedProfileAsksForItsName()
    {
        Window w(m_dir.filePath(QStringLiteral("s4.ini")), m_ini);
        QVERIFY(waitReady(w));
        ConnectionProfile prod(QStringLiteral("prod"),
                               QStringLiteral("sqlite:///") + QFileInfo(m_ini).absolutePath() +
                                   QStringLiteral("/test.db"));
        prod.setProtected(true);
        QVERIFY(w.window.databases()->saveProfile(prod));
        w.window.databasesView()->setCurrentProfile(QStringLiteral("prod"));
        QTRY_VERIFY_WITH_TIMEOUT(w.window.databases()->state(QStringLiteral("prod")).isReadable(),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.runs()->stepUpAction()->isEnabled(), 20000);
        w.runs()->stepUpAction()->trigger();
        PlanDialog* dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->summary().protectedProfile);
        QVERIFY(dialog->confirmationEdit());
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("pro"));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("d"));
        QVERIFY(dialog->confirmButton()->isEnabled());
        dialog->reject();
    }

    void sqlPreviewShowsTheSql()
    {
        Window w(m_dir.filePath(QStringLiteral("s5.ini")), m_ini);
        QVERIFY(waitReady(w));
        w.runs()->upgradeHeadsAction()->trigger();
        PlanDialog* dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("previewSql"))->click();
        QVERIFY(w.runs()->sqlPreview());
        QTRY_VERIFY_WITH_TIMEOUT(w.runs()->sqlPreview()->statusText().startsWith(
                                     QStringLiteral("Complete")),
                                 60000);
        const QString sql = w.runs()->sqlPreview()->sql();
        QVERIFY2(sql.contains(QStringLiteral("UPDATE alembic_version")) ||
                     sql.contains(QStringLiteral("INSERT INTO alembic_version")),
                 qPrintable(sql.left(2000)));
        QVERIFY(sql.contains(QStringLiteral("CREATE TABLE")));
        const auto* sqlAlembic = w.runs()->sqlPreview()->findChild<QLabel*>(QStringLiteral("sqlAlembic"));
        QVERIFY(sqlAlembic);
        QCOMPARE(sqlAlembic->text(), QStringLiteral("SQL as alembic %1 writes it.").arg(m_alembic.version));
        // and the status bar names it too
        const QStringList status = [&] {
            QStringList texts;
            for (const QLabel* l : w.window.statusBar()->findChildren<QLabel*>())
                texts << l->text();
            return texts;
        }();
        QVERIFY2(status.join(u'|').contains(QStringLiteral("alembic ") + m_alembic.version),
                 qPrintable(status.join(u'|')));
        // the preview ran offline: the database did not move
        const QStringList before = tableRows(m_ini);
        QCOMPARE(tableRows(m_ini), before);
        // Escape reaches the preview from its editor; a second preview is closed with the
        // confirmation it came from.
        QPointer<SqlPreviewDialog> preview = w.runs()->sqlPreview();
        preview->editor()->setFocus();
        QTest::keyClick(preview->editor(), Qt::Key_Escape);
        QTRY_VERIFY(preview.isNull());
        QVERIFY(dialog->isVisible());
        dialog->findChild<QPushButton*>(QStringLiteral("previewSql"))->click();
        preview = w.runs()->sqlPreview();
        QVERIFY(preview);
        QVERIFY(preview->isVisible());
        dialog->reject();
        QTRY_VERIFY(preview.isNull());
    }

    void sqlPreviewSaysWhenOfflineModeFails()
    {
        const QString ini = makeProject(m_dir, QStringLiteral("online-only"), 3);
        QVERIFY(!ini.isEmpty());
        const QString envPath = QFileInfo(ini).absolutePath() + QStringLiteral("/migrations/env.py");
        QFile env(envPath);
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        const QString marker = QStringLiteral("\"\"\"Emit SQL to stdout instead of running it.\"\"\"\n");
        QVERIFY(text.contains(marker));
        text.replace(marker, marker + QStringLiteral("    raise RuntimeError('this project has no offline mode')\n"));
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(text.toUtf8());
        env.close();

        Window w(m_dir.filePath(QStringLiteral("s8.ini")), ini);
        QVERIFY(waitReady(w));
        w.runs()->upgradeHeadsAction()->trigger();
        PlanDialog* dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("previewSql"))->click();
        QVERIFY(w.runs()->sqlPreview());
        QTRY_VERIFY_WITH_TIMEOUT(!w.runs()->sqlPreview()->statusText().startsWith(
                                     QStringLiteral("Running")),
                                 60000);
        const QString status = w.runs()->sqlPreview()->statusText();
        QVERIFY2(status.contains(QStringLiteral("could not run")) &&
                     status.contains(QStringLiteral("this project has no offline mode")),
                 qPrintable(status));
        dialog->reject();
    }

    void failingMigrationIsMarkedAndStateIsTrue()
    {
        const QString ini = makeProject(m_dir, QStringLiteral("failing"), 4);
        QVERIFY(!ini.isEmpty());
        // the third revision in upgrade order raises
        Window probe(m_dir.filePath(QStringLiteral("s6probe.ini")), ini);
        QVERIFY(waitReady(probe));
        probe.runs()->upgradeHeadsAction()->trigger();
        QVERIFY(probe.runs()->planDialog());
        const QString third = probe.runs()->planDialog()->summary().steps.at(2).revision;
        probe.runs()->planDialog()->reject();
        const Revision* r = probe.window.session()->graph()->revision(third);
        QVERIFY(r);
        QFile script(r->path);
        QVERIFY(script.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(script.readAll());
        script.close();
        const qsizetype at = text.indexOf(QStringLiteral("def upgrade()"));
        QVERIFY(at >= 0);
        const qsizetype bodyAt = text.indexOf(u'\n', at) + 1;
        text.insert(bodyAt, QStringLiteral("    raise RuntimeError('boom in the third step')\n"));
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write(text.toUtf8());
        script.close();

        Window w(m_dir.filePath(QStringLiteral("s6.ini")), ini);
        QVERIFY(waitReady(w));
        w.runs()->upgradeHeadsAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Failed);
        RevisionNodeItem* node = w.scene()->nodeItem(third);
        QCOMPARE(node->runMark(), RevisionNodeItem::RunMark::Failed);
        QVERIFY2(node->runMessage().contains(QStringLiteral("boom in the third step")),
                 qPrintable(node->runMessage()));
        // after the failure the window shows what the table really holds
        const QString profile = w.profile();
        QTRY_VERIFY_WITH_TIMEOUT(!w.window.databases()->isReading(profile), 20000);
        QCOMPARE(w.window.databases()->state(profile).sortedCurrentRevisions(), tableRows(ini));
    }

    void ghostRowOffersStamp()
    {
        const QString ini = makeProject(m_dir, QStringLiteral("ghost"), 3);
        QVERIFY(!ini.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("ghostwriter"));
            db.setDatabaseName(QFileInfo(ini).absolutePath() + QStringLiteral("/test.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('feedface0000')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ghostwriter"));

        Window w(m_dir.filePath(QStringLiteral("s7.ini")), ini);
        QVERIFY(waitReady(w));
        QCOMPARE(w.window.databases()->state(w.profile()).ghosts(),
                 QStringList{QStringLiteral("feedface0000")});
        w.runs()->stepUpAction()->trigger();
        QVERIFY(!w.runs()->planDialog());
        QVERIFY2(w.runs()->lastProblem().contains(QStringLiteral("feedface0000")) &&
                     w.runs()->lastProblem().contains(QStringLiteral("Stamp")),
                 qPrintable(w.runs()->lastProblem()));

        // Stamp the first revision: --purge clears the ghost first.
        const QString base = w.window.session()->graph()->bases().first();
        QVERIFY(w.window.graphView()->selectRevision(base));
        QTRY_VERIFY(w.runs()->stampSelectedAction()->isEnabled());
        w.runs()->stampSelectedAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        QVERIFY(w.runs()->planDialog()->summary().purge);
        QCOMPARE(w.runs()->planDialog()->summary().command,
                 QStringLiteral("alembic stamp --purge ") + base);
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(ini), QStringList{base});
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->ghostItems().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.scene()->nodeItem(base)->isCurrent(), 20000);
    }

    // The demo with both branches applied: Stamp Selected on 1ff12e825ce1 (below one of the
    // rows) shows exactly the rows alembic then leaves: that branch's row moves, the other
    // branch's row stays.
    void stampOnSeveralRowsShowsAlembicsRows()
    {
        const QString root = m_dir.filePath(QStringLiteral("demo-stamp"));
        QVERIFY(retort::testsupport::copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root));
        const QString ini = root + QStringLiteral("/alembic.ini");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demostamp"));
            db.setDatabaseName(root + QStringLiteral("/demo.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('3a7c6088155f')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('7658f94855d0')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("demostamp"));

        Window w(m_dir.filePath(QStringLiteral("s8.ini")), ini);
        QVERIFY(waitReady(w));
        QVERIFY(w.window.graphView()->selectRevision(QStringLiteral("1ff12e825ce1")));
        QTRY_VERIFY(w.runs()->stampSelectedAction()->isEnabled());
        w.runs()->stampSelectedAction()->trigger();
        QVERIFY(w.runs()->planDialog());
        const QStringList expected{QStringLiteral("1ff12e825ce1"), QStringLiteral("7658f94855d0")};
        QCOMPARE(w.runs()->planDialog()->summary().rowsAfter, expected);
        QCOMPARE(confirmAndWait(w), RunEvent::Status::Succeeded);
        const DatabaseState after = VersionTableReader::readNow(
            QStringLiteral("sqlite:///") + root + QStringLiteral("/demo.db"), root);
        QCOMPARE(after.sortedCurrentRevisions(), expected);
    }

    // A revision file alembic cannot import: the plan says so first and will not run.
    void planRefusesWhenAlembicCannotLoad()
    {
        const QString ini = makeProject(m_dir, QStringLiteral("broken"), 3);
        QVERIFY(!ini.isEmpty());
        const QString versions = QFileInfo(ini).absolutePath() + QStringLiteral("/migrations/versions/");
        {
            QFile f(versions + QStringLiteral("zz_name_error.py"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("revision = 'zz01'\ndown_revision = parent_rev\n");
        }
        Window w(m_dir.filePath(QStringLiteral("s9.ini")), ini);
        QVERIFY(waitReady(w));
        w.runs()->stepUpAction()->trigger();
        PlanDialog* dialog = w.runs()->planDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->summary().loadErrors.size(), 1);
        QVERIFY2(dialog->summary().loadErrors.first().contains(QStringLiteral("zz_name_error.py")),
                 qPrintable(dialog->summary().loadErrors.first()));
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("planLoadErrors")));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QSignalSpy started(w.runs(), &RunController::runFinished);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY(started.isEmpty());
        QCOMPARE(tableRows(ini), QStringList());
        dialog->reject();
    }

private:
    QTemporaryDir m_dir;
    retort::test::AlembicUnderTest m_alembic;
    QString m_ini;
};

QTEST_MAIN(TestRunActions)
#include "tst_runactions.moc"
