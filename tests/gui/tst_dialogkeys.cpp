// The dialogs from the keyboard: every dialog's accelerators are unique and reach every
// input (the generic check in dialogmnemonics.h, applied to each dialog); the profile
// dialog's Alt+T tests the connection and Alt+P toggles "Protected"; Escape closes the SQL
// preview even from its editor; Test Connection on a SQLite file that does not exist yet.
#include "dialogmnemonics.h"

#include "widgets/databases/databaselistmodel.h"
#include "widgets/databases/profiledialog.h"
#include "model/db/databasestate.h"
#include "widgets/dialogs/mergeheadsdialog.h"
#include "widgets/dialogs/newrevisiondialog.h"
#include "model/graph/revisiongraph.h"
#include "widgets/heads/reparentdialog.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/protectedconfirmation.h"
#include "widgets/plan/sqlpreviewdialog.h"
#include "widgets/plan/stairwaydialog.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using retort::testsupport::mnemonicProblems;

namespace {

Revision makeRevision(const QString& id, QStringList down)
{
    Revision r;
    r.id = id;
    r.downRevisions = std::move(down);
    r.message = QStringLiteral("Revision %1").arg(id);
    r.path = QStringLiteral("/p/versions/%1.py").arg(id);
    return r;
}

// Two heads, so that Merge Heads has something to merge.
std::shared_ptr<const RevisionGraph> twoHeads()
{
    return RevisionGraph::build({makeRevision(QStringLiteral("a1"), {}),
                                 makeRevision(QStringLiteral("b2"), {QStringLiteral("a1")}),
                                 makeRevision(QStringLiteral("c3"), {QStringLiteral("a1")})});
}

PlanSummary summary(PlanSummary::Kind kind, bool isProtected, bool purge = false)
{
    PlanSummary s;
    s.kind = kind;
    s.action = QStringLiteral("Run");
    s.profile = QStringLiteral("R&D");
    s.protectedProfile = isProtected;
    s.command = QStringLiteral("alembic upgrade heads");
    if (kind != PlanSummary::Kind::Stamp)
        s.steps = {{QStringLiteral("a1"), QStringLiteral("create users")}};
    s.rowsAfter = {QStringLiteral("a1")};
    s.purge = purge;
    return s;
}

#define VERIFY_NO_PROBLEMS(dialog)                                                        \
    do {                                                                                  \
        const QStringList problems = mnemonicProblems(dialog);                            \
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));     \
    } while (false)

} // namespace

class TestDialogKeys : public QObject
{
    Q_OBJECT

private slots:
    // The checker itself finds what it is meant to find.
    void checkerFindsClashesAndUnreachableInputs()
    {
        QCOMPARE(testsupport::mnemonicKey(QStringLiteral("Version &table:")), QStringLiteral("T"));
        QCOMPARE(testsupport::mnemonicKey(QStringLiteral("R&&D &go")), QStringLiteral("G"));
        QCOMPARE(testsupport::mnemonicKey(QStringLiteral("R&&D")), QString());

        QDialog dialog;
        auto* edit = new QLineEdit(&dialog);
        auto* label = new QLabel(QStringLiteral("&Test:"), &dialog);
        label->setBuddy(edit);
        auto* button = new QPushButton(QStringLiteral("&Test Connection"), &dialog);
        auto* check = new QCheckBox(QStringLiteral("Protected"), &dialog);
        auto* lonely = new QLineEdit(&dialog);
        const QStringList problems = mnemonicProblems(&dialog);
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.join(u'\n').contains(QStringLiteral("Alt+T")));
        QVERIFY(problems.join(u'\n').contains(QStringLiteral("Protected")));
        Q_UNUSED(button);
        Q_UNUSED(check);
        Q_UNUSED(lonely);
    }

    void profileDialogAccelerators()
    {
        ProfileDialog dialog(ConnectionProfile(QStringLiteral("dev"), QStringLiteral("sqlite://")),
                             {}, QString());
        VERIFY_NO_PROBLEMS(&dialog);
        ProfileDialog fresh(ConnectionProfile(), {}, QStringLiteral("sqlite:///app.db"));
        VERIFY_NO_PROBLEMS(&fresh);
    }

    // The keys: Alt+T is Test Connection, Alt+P toggles Protected (and types nothing).
    void profileDialogAltTAndAltP()
    {
        ProfileDialog dialog(ConnectionProfile(QStringLiteral("dev"), QStringLiteral("sqlite://")),
                             {}, QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("name"));
        auto* versionTable = dialog.findChild<QLineEdit*>(QStringLiteral("versionTable"));
        auto* protectedBox = dialog.findChild<QCheckBox*>(QStringLiteral("protected"));
        name->setFocus();
        QTRY_VERIFY(name->hasFocus());

        QSignalSpy tested(&dialog, &ProfileDialog::testRequested);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(tested.size(), 1); // a mnemonic clicks the button after a short flash
        QVERIFY(!versionTable->hasFocus());

        name->setFocus();
        QVERIFY(!protectedBox->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(protectedBox->isChecked());
        QCOMPARE(name->text(), QStringLiteral("dev"));

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::AltModifier);
        QVERIFY(versionTable->hasFocus());
    }

    void planDialogAccelerators_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("isProtected");
        QTest::addColumn<bool>("purge");
        QTest::newRow("upgrade") << int(PlanSummary::Kind::Upgrade) << false << false;
        QTest::newRow("upgrade, protected") << int(PlanSummary::Kind::Upgrade) << true << false;
        QTest::newRow("downgrade") << int(PlanSummary::Kind::Downgrade) << false << false;
        QTest::newRow("downgrade, protected") << int(PlanSummary::Kind::Downgrade) << true << false;
        QTest::newRow("stamp") << int(PlanSummary::Kind::Stamp) << false << false;
        QTest::newRow("stamp, protected, purge") << int(PlanSummary::Kind::Stamp) << true << true;
    }

    void planDialogAccelerators()
    {
        QFETCH(int, kind);
        QFETCH(bool, isProtected);
        QFETCH(bool, purge);
        PlanDialog dialog(summary(PlanSummary::Kind(kind), isProtected, purge));
        VERIFY_NO_PROBLEMS(&dialog);
    }

    // Alt+N goes to the protected profile's name field.
    void planDialogNameHasAccelerator()
    {
        PlanDialog dialog(summary(PlanSummary::Kind::Downgrade, true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.confirmButton()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QVERIFY(dialog.confirmationEdit()->hasFocus());
    }

    void sqlPreviewAccelerators()
    {
        SqlPreviewDialog dialog(QStringLiteral("alembic upgrade a1:b2 --sql"), QString());
        VERIFY_NO_PROBLEMS(&dialog);
    }

    void newRevisionAccelerators()
    {
        NewRevisionDialog dialog(twoHeads());
        VERIFY_NO_PROBLEMS(&dialog);
    }

    void mergeHeadsAccelerators()
    {
        MergeHeadsDialog dialog(twoHeads());
        VERIFY_NO_PROBLEMS(&dialog);
    }

    void stairwayAccelerators()
    {
        StairwayDialog dialog({QStringLiteral("throwaway")}, 40, 120);
        VERIFY_NO_PROBLEMS(&dialog);
    }

    // The re-parent preview refused by three databases, two of them protected: the override
    // and each name are reachable, with no clash.
    void reparentDialogAccelerators()
    {
        ReparentDialog::Preview preview;
        preview.check.revision = QStringLiteral("c3");
        preview.check.oldParent = QStringLiteral("a1");
        preview.check.newParent = QStringLiteral("b2");
        preview.check.moved = {QStringLiteral("c3")};
        preview.check.blockers = {{QStringLiteral("dev"), false, {QStringLiteral("c3")}, false},
                                  {QStringLiteral("R&D"), true, {QStringLiteral("c3")}, false},
                                  {QStringLiteral("prod"), true, {}, true}};
        preview.fileName = QStringLiteral("c3_x.py");
        preview.diff = QStringLiteral("-down_revision = 'a1'\n+down_revision = 'b2'\n");
        ReparentDialog dialog(preview);
        QCOMPARE(dialog.confirmations().size(), 2);
        VERIFY_NO_PROBLEMS(&dialog);
        // Alt+2 reaches the second name.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::AltModifier);
        QVERIFY(dialog.confirmations().at(1)->edit()->hasFocus());
    }

    // Escape closes the preview, also when its editor (which takes Escape itself) has focus.
    void escapeClosesSqlPreview()
    {
        QPointer<SqlPreviewDialog> dialog = new SqlPreviewDialog(QStringLiteral("alembic --sql"), QStringLiteral("alembic 1.13.2"));
        dialog->appendLine(QStringLiteral("CREATE TABLE users (id INTEGER);"));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        dialog->editor()->setFocus();
        QTRY_VERIFY(dialog->editor()->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(dialog.isNull()); // closed, and deleted as it asks to be
    }

    // Test Connection on a SQLite file that is not there yet says so, not "Connected".
    void testConnectionOnMissingSqliteFile()
    {
        ProfileDialog dialog(ConnectionProfile(QStringLiteral("dev"),
                                               QStringLiteral("sqlite:///new.db")),
                             {}, QString());
        dialog.showTestResult(DatabaseState::missingFile(QStringLiteral("/p/new.db")));
        const QString text = dialog.testResultText();
        QVERIFY2(text.contains(QStringLiteral("/p/new.db")) &&
                     text.contains(QStringLiteral("does not exist yet")) &&
                     text.contains(QStringLiteral("alembic would create it on its first run")) &&
                     text.contains(QStringLiteral("at base")) &&
                     !text.contains(QStringLiteral("Connected")),
                 qPrintable(text));
        dialog.showTestResult(DatabaseState::atBase());
        QVERIFY(dialog.testResultText().contains(QStringLiteral("Connected")));

        // The databases pane says the same of the profile's row.
        DatabaseRow row;
        row.name = QStringLiteral("dev");
        row.status = DatabaseRow::Status::AtBase;
        row.missingFile = QStringLiteral("/p/new.db");
        QVERIFY2(DatabaseListModel::stateText(row).contains(QStringLiteral("file missing: new.db does not exist")),
                 qPrintable(DatabaseListModel::stateText(row)));
        QVERIFY(DatabaseListModel::stateToolTip(row).contains(
            QStringLiteral("alembic would create it, empty, on its first run")));
    }
};

QTEST_MAIN(TestDialogKeys)
#include "tst_dialogkeys.moc"
