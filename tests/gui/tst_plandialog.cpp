// The confirmation shown before a run: steps in order with messages, the rows before and
// after, the downgrade warning, Return / Escape, and the typed name of a protected profile.
#include "plan/plandialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace retort;

namespace {

PlanSummary summary(PlanSummary::Kind kind, bool isProtected = false)
{
    PlanSummary s;
    s.kind = kind;
    s.action = QStringLiteral("Step up");
    s.profile = QStringLiteral("staging");
    s.protectedProfile = isProtected;
    s.command = QStringLiteral("alembic upgrade heads");
    s.steps = {{QStringLiteral("a1"), QStringLiteral("create users")},
               {QStringLiteral("b2"), QStringLiteral("add email")}};
    s.rowsBefore = {};
    s.rowsAfter = {QStringLiteral("b2")};
    return s;
}

} // namespace

class TestPlanDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsStepsInOrder()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Upgrade));
        QTreeWidget* steps = dialog.stepList();
        QVERIFY(steps);
        QCOMPARE(steps->topLevelItemCount(), 2);
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("a1"));
        QCOMPARE(steps->topLevelItem(0)->text(2), QStringLiteral("create users"));
        QCOMPARE(steps->topLevelItem(1)->text(1), QStringLiteral("b2"));
        const QString rows = dialog.findChild<QLabel*>(QStringLiteral("planRows"))->text();
        QVERIFY(rows.contains(QStringLiteral("at base")));
        QVERIFY(rows.contains(QStringLiteral("b2")));
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planWarning")));
    }

    // alembic cannot load the project: the dialog says so first and nothing confirms it
    void loadErrorsRefuseTheRun()
    {
        PlanSummary s = summary(PlanSummary::Kind::Upgrade);
        s.loadErrors = {QStringLiteral("migrations/versions/x.py:3: `down_revision` uses a name "
                                       "that is not defined")};
        PlanDialog dialog(s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* frame = dialog.findChild<QWidget*>(QStringLiteral("planLoadErrors"));
        QVERIFY(frame);
        const QLabel* text = frame->findChild<QLabel*>();
        QVERIFY(text->text().contains(QStringLiteral("x.py:3")));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        // above the command and the steps: read first
        QVERIFY(frame->y() < dialog.stepList()->y());
    }

    // alembic loads the files but Retort could not read a value: said, and the run allowed
    void unreadValuesAreSaid()
    {
        PlanSummary s = summary(PlanSummary::Kind::Upgrade);
        s.unreadValues = {QStringLiteral("migrations/versions/y.py:4: The value of "
                                         "`down_revision` cannot be known without running Python")};
        PlanDialog dialog(s);
        auto* frame = dialog.findChild<QWidget*>(QStringLiteral("planUnreadValues"));
        QVERIFY(frame);
        QVERIFY(frame->findChild<QLabel*>()->text().contains(QStringLiteral("y.py:4")));
        QVERIFY(dialog.confirmButton()->isEnabled());
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("planLoadErrors")));
    }

    void returnConfirmsEscapeCancels()
    {
        {
            PlanDialog dialog(summary(PlanSummary::Kind::Upgrade));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            QTest::keyClick(&dialog, Qt::Key_Return);
            QCOMPARE(accepted.size(), 1);
        }
        {
            PlanDialog dialog(summary(PlanSummary::Kind::Upgrade));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QSignalSpy rejected(&dialog, &QDialog::rejected);
            QTest::keyClick(&dialog, Qt::Key_Escape);
            QCOMPARE(rejected.size(), 1);
        }
    }

    void downgradeWarns()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Downgrade));
        QWidget* warning = dialog.findChild<QWidget*>(QStringLiteral("planWarning"));
        QVERIFY(warning);
        const QLabel* text = warning->findChild<QLabel*>();
        QVERIFY(text->text().contains(QStringLiteral("drops")));
        QCOMPARE(dialog.confirmButton()->text(), QStringLiteral("&Downgrade"));
    }

    void protectedNeedsTheName()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Upgrade, true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.confirmationEdit());
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return); // not yet, and not Cancel
        QCOMPARE(accepted.size(), 0);
        QCOMPARE(rejected.size(), 0);
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("Staging"));
        QVERIFY(!dialog.confirmButton()->isEnabled()); // exactly the name
        dialog.confirmationEdit()->clear();
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("staging"));
        QVERIFY(dialog.confirmButton()->isEnabled());
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
    }

    void previewUnavailableSaysWhy()
    {
        PlanSummary s = summary(PlanSummary::Kind::Upgrade);
        s.canPreviewSql = false;
        s.sqlUnavailableReason = QStringLiteral("several heads");
        PlanDialog dialog(s);
        QPushButton* preview = dialog.findChild<QPushButton*>(QStringLiteral("previewSql"));
        QVERIFY(preview);
        QVERIFY(!preview->isEnabled());
        QCOMPARE(preview->toolTip(), QStringLiteral("several heads"));
    }
};

QTEST_MAIN(TestPlanDialog)
#include "tst_plandialog.moc"
