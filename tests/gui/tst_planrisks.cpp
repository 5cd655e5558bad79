// The plan dialog's risks: every step that destroys data or cannot be undone is listed (and
// marked on its row) before anything runs; a downgrade through an irreversible step asks a
// second time; without the scripts' operations the risks are "not checked". First on the
// dialog with risks from MigrationRisks over read scripts, then in the real window against
// the real alembic and a SQLite database.
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "model/db/versiontablereader.h"
#include "model/graph/revisiongraph.h"
#include "model/migration/schemahistory.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/plan/plandialog.h"

#include "support/testfiles.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace retort;

namespace {

// books is created with an isbn column; the second revision drops it, and its downgrade is
// empty (it cannot give the column back); the third adds a column and drops it again.
const char* const kCreateBooks = R"("""create books

Revision ID: aaaa
Create Date: 2024-01-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'aaaa'
down_revision = None


def upgrade():
    op.create_table(
        "books",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("isbn", sa.String(length=13)),
    )


def downgrade():
    op.drop_table("books")
)";

const char* const kDropIsbn = R"("""drop isbn

Revision ID: bbbb
Create Date: 2024-01-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'bbbb'
down_revision = 'aaaa'


def upgrade():
    with op.batch_alter_table("books") as batch:
        batch.drop_column("isbn")


def downgrade():
    pass
)";

const char* const kEnvPy = R"(from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
)";

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString makeProject(const QString& root)
{
    const QString ini = root + QStringLiteral("/alembic.ini");
    const bool ok =
        writeFile(ini, "[alembic]\nscript_location = %(here)s/migrations\n"
                       "sqlalchemy.url = sqlite:///%(here)s/books.db\n") &&
        writeFile(root + QStringLiteral("/migrations/env.py"), kEnvPy) &&
        writeFile(root + QStringLiteral("/migrations/script.py.mako"), "") &&
        writeFile(root + QStringLiteral("/migrations/versions/aaaa_create_books.py"), kCreateBooks) &&
        writeFile(root + QStringLiteral("/migrations/versions/bbbb_drop_isbn.py"), kDropIsbn);
    return ok ? ini : QString();
}

MigrationOpsIndex indexOfScripts()
{
    MigrationOpsIndex index;
    index.insert(QStringLiteral("aaaa"), MigrationOpsReader::read(QString::fromUtf8(kCreateBooks)));
    index.insert(QStringLiteral("bbbb"), MigrationOpsReader::read(QString::fromUtf8(kDropIsbn)));
    return index;
}

MigrationPlan plan(MigrationStep::Direction direction, const QStringList& revisions)
{
    MigrationPlan p;
    p.direction = direction;
    for (const QString& revision : revisions) {
        MigrationStep step;
        step.direction = direction;
        step.revision = revision;
        p.steps.append(step);
    }
    return p;
}

PlanSummary summaryOf(const MigrationPlan& p, bool isProtected = false)
{
    PlanSummary s;
    s.kind = p.direction == MigrationStep::Direction::Upgrade ? PlanSummary::Kind::Upgrade
                                                               : PlanSummary::Kind::Downgrade;
    s.action = QStringLiteral("Run");
    s.profile = QStringLiteral("staging");
    s.protectedProfile = isProtected;
    s.command = QStringLiteral("alembic");
    for (const MigrationStep& step : p.steps)
        s.steps.append({step.revision, QStringLiteral("message of ") + step.revision});
    s.risks = MigrationRisks::forPlan(p, indexOfScripts());
    s.risksChecked = true;
    return s;
}

QString risksText(const PlanDialog& dialog)
{
    const auto* label = dialog.findChild<QLabel*>(QStringLiteral("planRisksText"));
    return label ? label->text() : QString();
}

QStringList tableRows(const QString& ini)
{
    const QString here = QFileInfo(ini).absolutePath();
    return VersionTableReader::readNow(QStringLiteral("sqlite:///") + here + QStringLiteral("/books.db"),
                                       here)
        .sortedCurrentRevisions();
}

} // namespace

class TestPlanRisks : public QObject
{
    Q_OBJECT

private slots:
    // Upgrading through the drop: the data-loss line is listed, and its step is marked.
    void upgradeWithADropShowsTheDataLoss()
    {
        PlanDialog dialog(summaryOf(plan(MigrationStep::Direction::Upgrade,
                                         {QStringLiteral("aaaa"), QStringLiteral("bbbb")})));
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("planRisks")));
        const QString text = risksText(dialog);
        QVERIFY2(text.contains(QStringLiteral("Step 2 drops column `books.isbn`: its data is lost")),
                 qPrintable(text));
        QCOMPARE(dialog.riskLines().size(), 1);
        QTreeWidget* steps = dialog.stepList();
        QVERIFY(steps->topLevelItem(0)->icon(0).isNull());
        QVERIFY(!steps->topLevelItem(1)->icon(0).isNull());
        QVERIFY(steps->topLevelItem(1)->toolTip(1).contains(QStringLiteral("books.isbn")));
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planRisksNotChecked")));
        // an upgrade asks once: Return runs it
        QVERIFY(!dialog.needsSecondConfirmation());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
        QVERIFY(!dialog.secondConfirmation());
    }

    // Downgrading through bbbb (an empty downgrade) and aaaa (drops books).
    void downgradeListsWhatItDestroysAndWhatItCannotUndo()
    {
        PlanDialog dialog(summaryOf(plan(MigrationStep::Direction::Downgrade,
                                         {QStringLiteral("bbbb"), QStringLiteral("aaaa")})));
        const QString text = risksText(dialog);
        QVERIFY2(text.contains(QStringLiteral("Step 1 cannot be downgraded")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Step 2 drops table `books`")), qPrintable(text));
        QVERIFY(!dialog.stepList()->topLevelItem(0)->icon(0).isNull());
        QVERIFY(!dialog.stepList()->topLevelItem(1)->icon(0).isNull());
        QVERIFY(dialog.needsSecondConfirmation());
    }

    void secondConfirmation_data()
    {
        QTest::addColumn<int>("answer"); // 0: Downgrade Anyway, 1: Cancel, 2: Escape, 3: Return
        QTest::addColumn<bool>("runs");
        QTest::newRow("downgrade anyway") << 0 << true;
        QTest::newRow("cancel") << 1 << false;
        QTest::newRow("escape") << 2 << false;
        QTest::newRow("return is cancel") << 3 << false;
    }

    void secondConfirmation()
    {
        QFETCH(int, answer);
        QFETCH(bool, runs);
        PlanDialog dialog(summaryOf(plan(MigrationStep::Direction::Downgrade, {QStringLiteral("bbbb")})));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(accepted.size(), 0); // not yet: asked again
        QMessageBox* box = dialog.secondConfirmation();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("Step 1 cannot be downgraded")));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QCOMPARE(box->escapeButton(), box->button(QMessageBox::Cancel));
        switch (answer) {
        case 0:
            box->findChild<QPushButton*>(QStringLiteral("irreversibleConfirmGo"))->click();
            break;
        case 1:
            box->button(QMessageBox::Cancel)->click();
            break;
        case 2:
            QTest::keyClick(box, Qt::Key_Escape);
            break;
        case 3:
            QTest::keyClick(box, Qt::Key_Return);
            break;
        }
        QTRY_VERIFY(!dialog.secondConfirmation());
        QCOMPARE(accepted.size(), runs ? 1 : 0);
        QCOMPARE(rejected.size(), 0); // a "no" goes back to the plan, which Escape then cancels
        if (!runs) {
            QVERIFY(dialog.isVisible());
            QTest::keyClick(&dialog, Qt::Key_Escape);
            QCOMPARE(rejected.size(), 1);
            QCOMPARE(accepted.size(), 0);
        }
    }

    // A protected profile: its name first, then the second question; both must be answered.
    void protectedProfileThenSecondConfirmation()
    {
        PlanDialog dialog(summaryOf(plan(MigrationStep::Direction::Downgrade, {QStringLiteral("bbbb")}),
                                    true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QVERIFY(!dialog.secondConfirmation()); // the name is missing: nothing asked yet
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("staging"));
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.secondConfirmation());
        dialog.secondConfirmation()->findChild<QPushButton*>(QStringLiteral("irreversibleConfirmGo"))->click();
        QCOMPARE(accepted.size(), 1);
    }

    // No operations read yet: said so, never taken as "no risk"; nothing asked twice.
    void notCheckedIsSaid()
    {
        PlanSummary s = summaryOf(plan(MigrationStep::Direction::Downgrade, {QStringLiteral("bbbb")}));
        s.risks.clear();
        s.risksChecked = false;
        PlanDialog dialog(s);
        auto* notice = dialog.findChild<QWidget*>(QStringLiteral("planRisksNotChecked"));
        QVERIFY(notice);
        QVERIFY(notice->findChild<QLabel*>()->text().startsWith(QStringLiteral("Not checked")));
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planRisks")));
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planRisksNone")));
        QVERIFY(!dialog.needsSecondConfirmation());
    }

    void checkedWithoutRisksSaysSo()
    {
        PlanSummary s = summaryOf(plan(MigrationStep::Direction::Upgrade, {QStringLiteral("aaaa")}));
        QVERIFY(s.risks.isEmpty());
        PlanDialog dialog(s);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("planRisksNone")));
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planRisksNotChecked")));
        QVERIFY(dialog.stepList()->topLevelItem(0)->icon(0).isNull());
    }

    // The real window, the real alembic, a SQLite file: once the window has read the
    // operations, the upgrade lists the drop; the step down through the empty downgrade asks again,
    // and only "Downgrade Anyway" runs it.
    void inTheWindow()
    {
        QTemporaryDir dir;
        const QString ini = makeProject(dir.filePath(QStringLiteral("books")));
        QVERIFY(!ini.isEmpty());
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setPythonInterpreter(RecentProject{QFileInfo(ini).absoluteFilePath(),
                                                    QStringLiteral("alembic")},
                                      QStringLiteral(RETORT_TEST_PYTHON));
        MainWindow window(settings);
        window.openProject(ini);
        RunController* runs = window.runController();
        DatabaseSession* databases = window.databases();
        QTRY_VERIFY_WITH_TIMEOUT(!databases->profiles().isEmpty() &&
                                     databases->state(databases->profiles().first().name()).isReadable() &&
                                     !window.graphView()->graphScene()->nodeItems().isEmpty() &&
                                     runs->upgradeHeadsAction()->isEnabled(),
                                 30000);

        // the window's OpsIndexSession reads the operations after the graph is drawn and hands
        // them to the run controller (before that a plan says "not checked":
        // notCheckedIsSaid)
        QTRY_VERIFY_WITH_TIMEOUT(runs->opsIndex() && runs->opsIndex()->size() == 2, 30000);
        runs->upgradeHeadsAction()->trigger();
        PlanDialog* up = runs->planDialog();
        QVERIFY(up);
        QVERIFY2(risksText(*up).contains(QStringLiteral("Step 2 drops column `books.isbn`")),
                 qPrintable(risksText(*up)));
        QSignalSpy finished(runs, &RunController::runFinished);
        QTest::keyClick(up, Qt::Key_Return);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).value<RunEvent::Status>(), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(ini), QStringList{QStringLiteral("bbbb")});
        QTRY_VERIFY_WITH_TIMEOUT(runs->stepDownAction()->isEnabled() &&
                                     databases->state(databases->profiles().first().name())
                                         .isCurrent(QStringLiteral("bbbb")),
                                 30000);

        // step down through bbbb's empty downgrade: asked twice; "no" runs nothing
        runs->stepDownAction()->trigger();
        PlanDialog* down = runs->planDialog();
        QVERIFY(down);
        QVERIFY(down->needsSecondConfirmation());
        QTest::keyClick(down, Qt::Key_Return);
        QVERIFY(down->secondConfirmation());
        QTest::keyClick(down->secondConfirmation(), Qt::Key_Escape);
        QTRY_VERIFY(!down->secondConfirmation());
        QVERIFY(down->isVisible());
        QTest::keyClick(down, Qt::Key_Escape);
        QTRY_VERIFY(!runs->planDialog());
        QTest::qWait(200);
        QVERIFY(!runs->isRunning());
        QCOMPARE(tableRows(ini), QStringList{QStringLiteral("bbbb")});

        // "Downgrade Anyway" runs it
        runs->stepDownAction()->trigger();
        down = runs->planDialog();
        QVERIFY(down);
        QTest::keyClick(down, Qt::Key_Return);
        QVERIFY(down->secondConfirmation());
        finished.clear();
        down->secondConfirmation()->findChild<QPushButton*>(QStringLiteral("irreversibleConfirmGo"))->click();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).value<RunEvent::Status>(), RunEvent::Status::Succeeded);
        QCOMPARE(tableRows(ini), QStringList{QStringLiteral("aaaa")});
    }
};

QTEST_MAIN(TestPlanRisks)
#include "tst_planrisks.moc"
