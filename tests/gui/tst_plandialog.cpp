// The confirmation shown before a run: steps in order with messages, the rows before and
// after, the downgrade warning, Return / Escape, and the typed name of a protected profile.
#include "widgets/plan/plandialog.h"

#include <QApplication>
#include <QLabel>
#include <QLayout>
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

    // alembic orders these steps by its hash seed: said, the run allowed; absent otherwise
    void orderThatMayVaryIsSaid()
    {
        PlanSummary s = summary(PlanSummary::Kind::Upgrade);
        {
            PlanDialog plain(s);
            QVERIFY(!plain.findChild<QWidget*>(QStringLiteral("planOrderVaries")));
        }
        s.orderVariesWith = {QStringLiteral("d1")};
        PlanDialog dialog(s);
        auto* frame = dialog.findChild<QWidget*>(QStringLiteral("planOrderVaries"));
        QVERIFY(frame);
        QVERIFY(frame->findChild<QLabel*>()->text().contains(QStringLiteral("depends_on of d1")));
        QVERIFY(dialog.confirmButton()->isEnabled());
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

    // The first line says what a downgrade removes, with the count in words (%n).
    void downgradeHeadingSaysWhatItUndoes()
    {
        PlanSummary three = summary(PlanSummary::Kind::Downgrade);
        three.profile = QStringLiteral("dev");
        three.steps.append({QStringLiteral("c3"), QStringLiteral("add orders")});
        PlanDialog dialog(three);
        QCOMPARE(dialog.headingText(),
                 QStringLiteral("Downgrade 3 revisions on “dev”: the schema changes they made are "
                                "undone"));
        // the heading is the dialog's first line
        auto* heading = dialog.findChild<QLabel*>(QStringLiteral("planHeading"));
        QVERIFY(heading);
        QCOMPARE(heading->text(), dialog.headingText());
        QCOMPARE(dialog.layout()->itemAt(0)->widget(), heading);

        PlanSummary one = summary(PlanSummary::Kind::Downgrade);
        one.profile = QStringLiteral("dev");
        one.steps.resize(1);
        PlanDialog single(one);
        QCOMPARE(single.headingText(),
                 QStringLiteral("Downgrade 1 revision on “dev”: the schema changes it made are "
                                "undone"));
    }

    // Return keeps confirming a downgrade on an unprotected profile: the keyboard flow.
    void returnConfirmsDowngrade()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Downgrade));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.confirmButton()->isDefault());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                    : static_cast<QWidget*>(&dialog),
                        Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
    }

    // A protected profile keeps asking for its name, for a downgrade as for an upgrade.
    void protectedDowngradeNeedsTheName()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Downgrade, true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("staging"));
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
    }

    // stamp --purge says that it rewrites the whole version table.
    void purgeSaysItRewritesTheWholeTable()
    {
        PlanSummary s = summary(PlanSummary::Kind::Stamp);
        s.steps.clear();
        s.command = QStringLiteral("alembic stamp --purge a1");
        s.rowsBefore = {QStringLiteral("feedface")};
        s.rowsAfter = {QStringLiteral("a1")};
        s.purge = true;
        PlanDialog purge(s);
        QVERIFY2(purge.headingText().contains(QStringLiteral("whole version table")),
                 qPrintable(purge.headingText()));
        const QLabel* warning =
            purge.findChild<QWidget*>(QStringLiteral("planWarning"))->findChild<QLabel*>();
        QVERIFY(warning->text().contains(QStringLiteral("rewrites the whole version table")));

        s.purge = false;
        s.command = QStringLiteral("alembic stamp a1");
        PlanDialog plain(s);
        QVERIFY(!plain.headingText().contains(QStringLiteral("whole")));
    }

    // The stamp dialog is as tall as what it shows: no large empty gaps between its lines.
    void stampHasNoGaps()
    {
        PlanSummary s = summary(PlanSummary::Kind::Stamp);
        s.steps.clear();
        s.command = QStringLiteral("alembic stamp a1");
        PlanDialog dialog(s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.stepList());
        QList<QWidget*> column;
        for (QObject* child : dialog.children())
            if (auto* w = qobject_cast<QWidget*>(child); w && w->isVisible())
                column << w;
        std::sort(column.begin(), column.end(),
                  [](QWidget* a, QWidget* b) { return a->y() < b->y(); });
        QVERIFY(column.size() >= 4);
        const int spacing = dialog.layout()->spacing();
        for (qsizetype i = 1; i < column.size(); ++i) {
            const int gap = column.at(i)->geometry().top() - column.at(i - 1)->geometry().bottom();
            QVERIFY2(gap <= spacing + 8,
                     qPrintable(QStringLiteral("%1 px between %2 and %3")
                                    .arg(gap)
                                    .arg(column.at(i - 1)->objectName(), column.at(i)->objectName())));
        }
        // Each line is as tall as its wrapped text, not stretched around it.
        for (QWidget* w : std::as_const(column)) {
            const int needed = w->hasHeightForWidth() ? w->heightForWidth(w->width())
                                                      : w->sizeHint().height();
            QVERIFY2(w->height() <= needed + 4,
                     qPrintable(QStringLiteral("%1 is %2 px tall for %3 px of content")
                                    .arg(w->objectName())
                                    .arg(w->height())
                                    .arg(needed)));
        }
        // and nothing empty below the buttons either
        QVERIFY(dialog.height() - column.last()->geometry().bottom() <= 2 * spacing + 16);
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
