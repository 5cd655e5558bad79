// Apply to Several Databases (issue 16) in the real main window, offscreen, with the real
// alembic and real SQLite files: the databases chosen and ordered with the keyboard, one
// confirmation for all of them, the runs one after another, a failure in the middle that
// stops the rest (the first database at the target, the second where alembic stopped, as its
// version table really holds, the third untouched and said not run), the success path with an
// upgrade and a downgrade and a database already there, and protected databases asking for
// their names before anything runs.
#include "dialogmnemonics.h"
#include "faultwindow.h"
#include "support/alembicundertest.h"

#include "app/multiapplycontroller.h"
#include "widgets/plan/applyseveralconfirmdialog.h"
#include "widgets/plan/applyseveraldialog.h"
#include "widgets/plan/plansections.h"

#include <QAction>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace retort;
using namespace retort::test;

namespace {

const QStringList kIds{QStringLiteral("aaaa00000001"), QStringLiteral("bbbb00000002"),
                       QStringLiteral("cccc00000003"), QStringLiteral("dddd00000004")};

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An ini for the project in `root` whose database is `url` (the window's own, or one the
// test points the real alembic at).
QByteArray iniFor(const QString& url)
{
    const QByteArray demo = read(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
    return "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = " + url.toUtf8() +
           "\n\n" + demo.mid(demo.indexOf("[loggers]"));
}

// A linear project a <- b <- c <- d whose every upgrade creates a table t_<id>; its ini.
// `slow` sleeps in its upgrade after its table is created.
QString createProject(const QString& root, const QString& slow = {})
{
    bool ok = write(root + QStringLiteral("/alembic.ini"),
                    iniFor(QStringLiteral("sqlite:///%(here)s/own.db"))) &&
              write(root + QStringLiteral("/migrations/env.py"),
                    read(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/env.py")));
    for (qsizetype i = 0; i < kIds.size(); ++i) {
        const QString& id = kIds.at(i);
        const QString text =
            QStringLiteral("\"\"\"step %1\n\nRevision ID: %1\n\"\"\"\nfrom alembic import op\n"
                           "import sqlalchemy as sa\nimport time\n\nrevision = '%1'\ndown_revision = %2\n"
                           "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                           "    op.create_table('t_%1', sa.Column('id', sa.Integer, "
                           "primary_key=True))\n%3\n\ndef downgrade():\n    op.drop_table('t_%1')\n")
                .arg(id, i == 0 ? QStringLiteral("None") : QStringLiteral("'%1'").arg(kIds.at(i - 1)),
                     id == slow ? QStringLiteral("    time.sleep(60)\n") : QString());
        ok = ok && write(root + QStringLiteral("/migrations/versions/") + id + QStringLiteral("_step.py"),
                         text.toUtf8());
    }
    return ok ? root + QStringLiteral("/alembic.ini") : QString();
}

QString sqliteUrl(const QString& file)
{
    return QStringLiteral("sqlite:///") + file;
}

// What the real alembic says the SQLite file `db` holds (`alembic current` through an ini
// of its own next to the project's), or "error: …".
QStringList alembicRows(const QString& root, const QString& db)
{
    const QString ini = root + QStringLiteral("/check-") + QFileInfo(db).baseName() + QStringLiteral(".ini");
    if (!write(ini, iniFor(sqliteUrl(db))))
        return {QStringLiteral("error: cannot write ") + ini};
    QString out;
    if (alembic(ini, {QStringLiteral("current")}, &out) != 0)
        return {QStringLiteral("error: ") + out.right(400)};
    return idsIn(out);
}

int alembicOn(const QString& root, const QString& db, const QStringList& args, QString* out)
{
    const QString ini = root + QStringLiteral("/check-") + QFileInfo(db).baseName() + QStringLiteral(".ini");
    if (!write(ini, iniFor(sqliteUrl(db))))
        return -1;
    return alembic(ini, args, out);
}

// Runs one statement on a SQLite file (creating it); "" or the error.
QString execSqlite(const QString& file, const QString& sql)
{
    const QString name = QStringLiteral("applyseveral-") + file;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (!db.open())
            error = db.lastError().text();
        else if (QSqlQuery q(db); !q.exec(sql))
            error = q.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QByteArray fileHash(const QString& path)
{
    return QCryptographicHash::hash(read(path), QCryptographicHash::Sha256);
}

MultiApplyController::Outcome outcomeOf(MultiApplyController* c, const QString& profile)
{
    for (const MultiApplyController::Outcome& o : c->outcomes())
        if (o.profile == profile)
            return o;
    return {};
}

} // namespace

class TestApplySeveral : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    struct Setup
    {
        QString root;
        QString ini;
    };

    Setup project(const QString& slow = {})
    {
        const QString root = m_dir.filePath(QStringLiteral("p%1").arg(++m_count));
        return {root, createProject(root, slow)};
    }

    // Saves profiles (name, SQLite file, protected) in this order and waits until each is read.
    static bool addProfiles(FaultWindow& w, const QList<std::tuple<QString, QString, bool>>& list)
    {
        for (const auto& [name, file, isProtected] : list) {
            ConnectionProfile p(name, sqliteUrl(file));
            p.setProtected(isProtected);
            if (!w.databases()->saveProfile(p))
                return false;
            w.databases()->refresh(name);
        }
        return QTest::qWaitFor(
            [&] {
                for (const auto& item : list)
                    if (!w.databases()->state(std::get<0>(item)).isReadable() ||
                        w.databases()->isReading(std::get<0>(item)))
                        return false;
                return true;
            },
            30000);
    }

    // Opens the chooser from the Run menu's action, ticks `names` in the list's order.
    static ApplySeveralDialog* choose(FaultWindow& w, const QString& target, const QStringList& names)
    {
        MultiApplyController* multi = w.window.multiApplyController();
        if (!QTest::qWaitFor([&] { return multi->applyAction()->isEnabled(); }, 30000))
            return nullptr;
        multi->applyAction()->trigger();
        ApplySeveralDialog* chooser = multi->chooser();
        if (!chooser)
            return nullptr;
        chooser->setTarget(target);
        for (const QString& name : names)
            if (!chooser->setChosen(name, true))
                return nullptr;
        return chooser;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Debian 12's alembic, or (@trixie / @sid) the newer one first on PYTHONPATH
        AlembicUnderTest alembic;
        QVERIFY(AlembicUnderTest::check(kPython, &alembic));
        qInfo("alembic %s (%s)", qPrintable(alembic.version), qPrintable(alembic.suite));
    }

    // Three databases; the second already has the table the second revision creates, so
    // alembic fails there after the first step. The first ends at the target, the second
    // where alembic stopped (read again: the window shows what its version table holds),
    // the third is never touched and is said not run.
    void failureInTheMiddleStopsTheRest()
    {
        const Setup s = project();
        QVERIFY(!s.ini.isEmpty());
        const QString dev = s.root + QStringLiteral("/dev.db");
        const QString staging = s.root + QStringLiteral("/staging.db");
        const QString prod = s.root + QStringLiteral("/prod.db");
        QCOMPARE(execSqlite(staging, QStringLiteral("CREATE TABLE t_bbbb00000002 (id INTEGER)")), QString());
        QCOMPARE(execSqlite(prod, QStringLiteral("CREATE TABLE keep_me (id INTEGER)")), QString());
        const QByteArray prodBefore = fileHash(prod);

        FaultWindow w(m_dir.filePath(QStringLiteral("s%1.ini").arg(m_count)), s.ini);
        QVERIFY(w.waitLoaded());
        // on the Run menu, next to the other commands that take a target
        const QList<QMenu*> menus = w.window.menuBar()->findChildren<QMenu*>();
        const auto runMenu = std::find_if(menus.cbegin(), menus.cend(), [](const QMenu* m) {
            return m->title() == QStringLiteral("&Run");
        });
        QVERIFY(runMenu != menus.cend());
        QVERIFY((*runMenu)->actions().contains(w.window.multiApplyController()->applyAction()));
        // saved as dev, prod, staging: the keyboard puts staging second
        QVERIFY(addProfiles(w, {{QStringLiteral("dev"), dev, false},
                                {QStringLiteral("prod"), prod, false},
                                {QStringLiteral("staging"), staging, false}}));

        ApplySeveralDialog* chooser = choose(w, kIds.last(),
                                             {QStringLiteral("dev"), QStringLiteral("prod"),
                                              QStringLiteral("staging")});
        QVERIFY(chooser);
        QStringList problems = retort::testsupport::mnemonicProblems(chooser);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QListWidget* list = chooser->databaseList();
        const QList<QListWidgetItem*> found = list->findItems(QStringLiteral("staging"), Qt::MatchStartsWith);
        QCOMPARE(found.size(), 1);
        list->setCurrentItem(found.first());
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(chooser->chosenProfiles(),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        // Space unticks and ticks the current one
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(chooser->chosenProfiles(), (QStringList{QStringLiteral("dev"), QStringLiteral("prod")}));
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(chooser->chosenProfiles(),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        QVERIFY(chooser->continueButton()->isEnabled());
        chooser->continueButton()->click();

        MultiApplyController* multi = w.window.multiApplyController();
        ApplySeveralConfirmDialog* confirm = multi->confirmation();
        QVERIFY2(confirm, qPrintable(multi->lastProblem()));
        // every database's plan in one dialog, in run order, each the four upgrades
        QCOMPARE(confirm->sections().size(), 3);
        QStringList order;
        for (PlanSections* sections : confirm->sections()) {
            order << sections->summary().profile;
            QCOMPARE(sections->summary().kind, RunKind::Upgrade);
            QCOMPARE(sections->summary().steps.size(), 4);
        }
        QCOMPARE(order, (QStringList{QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        QVERIFY(confirm->confirmButton()->isEnabled());

        QSignalSpy started(w.runs(), &RunController::runStarted);
        QSignalSpy finished(multi, &MultiApplyController::finished);
        QTest::keyClick(confirm, Qt::Key_Return);
        QVERIFY(finished.wait(180000));
        QCOMPARE(started.size(), 2); // prod never started
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("dev"));
        QCOMPARE(started.at(1).at(0).toString(), QStringLiteral("staging"));

        using Status = MultiApplyController::Outcome::Status;
        const auto devOutcome = outcomeOf(multi, QStringLiteral("dev"));
        const auto stagingOutcome = outcomeOf(multi, QStringLiteral("staging"));
        const auto prodOutcome = outcomeOf(multi, QStringLiteral("prod"));
        QCOMPARE(devOutcome.status, Status::Done);
        QCOMPARE(stagingOutcome.status, Status::Failed);
        QCOMPARE(stagingOutcome.failedAt, kIds.at(1));
        QVERIFY2(stagingOutcome.error.contains(QStringLiteral("already exists")),
                 qPrintable(stagingOutcome.error));
        QCOMPARE(prodOutcome.status, Status::NotRun);

        // what alembic itself reads from each file
        QCOMPARE(alembicRows(s.root, dev), QStringList{kIds.last()});
        const QStringList stagingRows = alembicRows(s.root, staging);
        QCOMPARE(stagingRows, QStringList{kIds.first()}); // SQLite kept the first step
        QCOMPARE(fileHash(prod), prodBefore);              // untouched, byte for byte

        // the window and the summary show exactly that, as read again
        QCOMPARE(w.databases()->state(QStringLiteral("dev")).sortedCurrentRevisions(), QStringList{kIds.last()});
        QCOMPARE(w.databases()->state(QStringLiteral("staging")).sortedCurrentRevisions(), stagingRows);
        QCOMPARE(stagingOutcome.rowsRead, stagingRows);
        QVERIFY(w.databases()->state(QStringLiteral("prod")).isAtBase());
        QVERIFY(multi->summaryBox());
        const QString summary = multi->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("dev: done (upgraded); now at ") + kIds.last()),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("staging: failed at ") + kIds.at(1)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("now at ") + kIds.first()), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("prod: not run; now at base (empty)")), qPrintable(summary));
        multi->summaryBox()->accept();
        QVERIFY(multi->applyAction()->isEnabled()); // ready for the next one
    }

    // Two databases brought to one target, one up and one down, a third already there and
    // left alone; the protected one asks for its name before anything runs.
    void successUpDownAndProtectedName()
    {
        const Setup s = project();
        QVERIFY(!s.ini.isEmpty());
        const QString dev = s.root + QStringLiteral("/dev.db");
        const QString staging = s.root + QStringLiteral("/staging.db");
        const QString qa = s.root + QStringLiteral("/qa.db");
        QString out;
        QCOMPARE(alembicOn(s.root, staging, {QStringLiteral("upgrade"), QStringLiteral("head")}, &out), 0);
        QCOMPARE(alembicOn(s.root, qa, {QStringLiteral("upgrade"), kIds.at(2)}, &out), 0);
        QCOMPARE(alembicRows(s.root, staging), QStringList{kIds.last()});

        FaultWindow w(m_dir.filePath(QStringLiteral("s%1.ini").arg(m_count)), s.ini);
        QVERIFY(w.waitLoaded());
        QVERIFY(addProfiles(w, {{QStringLiteral("dev"), dev, false},
                                {QStringLiteral("staging"), staging, true},
                                {QStringLiteral("qa"), qa, false}}));
        ApplySeveralDialog* chooser =
            choose(w, kIds.at(2), {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("qa")});
        QVERIFY(chooser);
        QTest::keyClick(chooser->databaseList(), Qt::Key_Return); // Return goes on as well
        MultiApplyController* multi = w.window.multiApplyController();
        ApplySeveralConfirmDialog* confirm = multi->confirmation();
        QVERIFY2(confirm, qPrintable(multi->lastProblem()));

        QCOMPARE(confirm->sections().size(), 2); // qa runs nothing
        const QLabel* there = confirm->findChild<QLabel*>(QStringLiteral("applySeveralAlreadyThere"));
        QVERIFY(there);
        QVERIFY2(there->text().contains(QStringLiteral("“qa” is already at")), qPrintable(there->text()));
        PlanSections* devPlan = confirm->sectionsFor(QStringLiteral("dev"));
        PlanSections* stagingPlan = confirm->sectionsFor(QStringLiteral("staging"));
        QVERIFY(devPlan && stagingPlan);
        QCOMPARE(devPlan->summary().kind, RunKind::Upgrade);
        QCOMPARE(devPlan->summary().steps.size(), 3);
        QCOMPARE(stagingPlan->summary().kind, RunKind::Downgrade);
        QCOMPARE(stagingPlan->summary().steps.size(), 1);
        QCOMPARE(stagingPlan->summary().steps.first().revision, kIds.last());

        const QStringList problems = retort::testsupport::mnemonicProblems(confirm);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // the protected database: nothing runs until its name is typed exactly
        QVERIFY(!devPlan->confirmationEdit());
        QLineEdit* name = stagingPlan->confirmationEdit();
        QVERIFY(name);
        QVERIFY(!confirm->confirmButton()->isEnabled());
        QSignalSpy started(w.runs(), &RunController::runStarted);
        QTest::keyClick(confirm, Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY(confirm->isVisible());
        QCOMPARE(started.size(), 0);
        QTest::keyClicks(name, QStringLiteral("stag"));
        QVERIFY(!confirm->confirmButton()->isEnabled());
        QTest::keyClicks(name, QStringLiteral("ing"));
        QVERIFY(confirm->confirmButton()->isEnabled());

        QSignalSpy finished(multi, &MultiApplyController::finished);
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(finished.wait(180000));
        QCOMPARE(started.size(), 2);

        using Status = MultiApplyController::Outcome::Status;
        QCOMPARE(outcomeOf(multi, QStringLiteral("dev")).status, Status::Done);
        QCOMPARE(outcomeOf(multi, QStringLiteral("staging")).status, Status::Done);
        QCOMPARE(outcomeOf(multi, QStringLiteral("qa")).status, Status::AlreadyThere);
        for (const QString& db : {dev, staging, qa})
            QCOMPARE(alembicRows(s.root, db), QStringList{kIds.at(2)});
        for (const QString& profile : {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("qa")})
            QCOMPARE(w.databases()->state(profile).sortedCurrentRevisions(), QStringList{kIds.at(2)});
        const QString summary = multi->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("staging: done (downgraded)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("qa: already there, nothing run")), qPrintable(summary));
        QCOMPARE(multi->summaryBox()->icon(), QMessageBox::Information);
        multi->summaryBox()->accept();
    }

    // Stop during the first database's run stops the sequence as it stops any run: that
    // database stays where alembic was stopped (as read again), the next one is not run.
    void stopEndsTheSequence()
    {
        const Setup s = project(kIds.at(2));
        QVERIFY(!s.ini.isEmpty());
        const QString dev = s.root + QStringLiteral("/dev.db");
        const QString staging = s.root + QStringLiteral("/staging.db");
        FaultWindow w(m_dir.filePath(QStringLiteral("s%1.ini").arg(m_count)), s.ini);
        QVERIFY(w.waitLoaded());
        QVERIFY(addProfiles(w, {{QStringLiteral("dev"), dev, false},
                                {QStringLiteral("staging"), staging, false}}));
        ApplySeveralDialog* chooser =
            choose(w, QStringLiteral("heads"), {QStringLiteral("dev"), QStringLiteral("staging")});
        QVERIFY(chooser);
        QCOMPARE(chooser->target(), QStringLiteral("heads"));
        chooser->continueButton()->click();
        MultiApplyController* multi = w.window.multiApplyController();
        QVERIFY2(multi->confirmation(), qPrintable(multi->lastProblem()));
        QSignalSpy finished(multi, &MultiApplyController::finished);
        multi->confirmation()->confirmButton()->click();
        QVERIFY(multi->isRunning());
        QVERIFY(!multi->applyAction()->isEnabled()); // one sequence at a time
        // the window shows dev past b while c sleeps
        QVERIFY(QTest::qWaitFor(
            [&] {
                return w.databases()->state(QStringLiteral("dev")).sortedCurrentRevisions() ==
                       QStringList{kIds.at(1)};
            },
            60000));
        // Stopped while c sleeps, not while it writes: a SQLite write killed half-way leaves a
        // hot journal that the window's read-only reader cannot roll back (alembic can).
        QTest::qWait(3000);
        QVERIFY(w.runs()->stopAction()->isEnabled());
        w.runs()->stopAction()->trigger();
        QVERIFY(finished.wait(60000));

        using Status = MultiApplyController::Outcome::Status;
        QCOMPARE(outcomeOf(multi, QStringLiteral("dev")).status, Status::Stopped);
        QCOMPARE(outcomeOf(multi, QStringLiteral("staging")).status, Status::NotRun);
        const QStringList devRows = alembicRows(s.root, dev);
        QVERIFY2(!devRows.isEmpty() && !devRows.first().startsWith(QStringLiteral("error")),
                 qPrintable(devRows.join(u' ')));
        const DatabaseState devState = w.databases()->state(QStringLiteral("dev"));
        QVERIFY2(devState.isReadable(), qPrintable(devState.error()));
        QCOMPARE(devState.sortedCurrentRevisions(), devRows);
        QVERIFY(!QFileInfo::exists(staging)); // alembic never opened it
        QVERIFY2(multi->summaryText().contains(QStringLiteral("dev: stopped")), qPrintable(multi->summaryText()));
        QVERIFY2(multi->summaryText().contains(QStringLiteral("staging: not run")), qPrintable(multi->summaryText()));
        QCOMPARE(multi->summaryBox()->icon(), QMessageBox::Warning);
        multi->summaryBox()->accept();
    }

    // A target alembic refuses for one of the databases runs nothing at all and names it.
    void refusedTargetRunsNothing()
    {
        const Setup s = project();
        QVERIFY(!s.ini.isEmpty());
        FaultWindow w(m_dir.filePath(QStringLiteral("s%1.ini").arg(m_count)), s.ini);
        QVERIFY(w.waitLoaded());
        QVERIFY(addProfiles(w, {{QStringLiteral("dev"), s.root + QStringLiteral("/dev.db"), false}}));
        QSignalSpy started(w.runs(), &RunController::runStarted);
        MultiApplyController* multi = w.window.multiApplyController();
        multi->planSeveral(QStringLiteral("ffff0000"), {QStringLiteral("dev")});
        QVERIFY(!multi->confirmation());
        QVERIFY2(multi->lastProblem().contains(QStringLiteral("“dev”")), qPrintable(multi->lastProblem()));
        QCOMPARE(started.size(), 0);
        QVERIFY(!QFileInfo::exists(s.root + QStringLiteral("/dev.db")));
    }
};

QTEST_MAIN(TestApplySeveral)
#include "tst_applyseveral.moc"
