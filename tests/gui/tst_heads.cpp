// Heads, resolved with the databases in view (issue 16), in the real window with the real
// alembic and a real SQLite database: the banner, the Heads panel's recommendation, the
// re-parent saved through the script editor (alembic then reports one head, the file's only
// change is the down_revision value, Ctrl+Z and Save take it back), the merge prefilled when
// both sides are applied, and the drag that refuses to move what a database applied.
#include "support/alembicundertest.h"
#include "app/databasesession.h"
#include "app/graphcontroller.h"
#include "app/headscontroller.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "model/graph/revisiongraph.h"
#include "scriptproject.h"
#include "widgets/dialogs/mergeheadsdialog.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/graph/revisionnodeitem.h"
#include "widgets/heads/headsbanner.h"
#include "widgets/heads/headspanel.h"
#include "widgets/heads/reparentdialog.h"
#include "widgets/plan/protectedconfirmation.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace retort;
using namespace retort::test;

namespace {

const QString kA = QStringLiteral("aaaa00000001");
const QString kB = QStringLiteral("bbbb00000002");
const QString kC = QStringLiteral("cccc00000003");
const QString kD = QStringLiteral("dddd00000004");

// Runs the real alembic on the project; its standard output, or a failure recorded.
bool alembic(const ScriptProject& project, const QStringList& arguments, QString* output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(project.dir.path());
    p.start(QStringLiteral(RETORT_TEST_PYTHON),
            QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                        project.ini()} +
                arguments);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("alembic %s failed: %s", qPrintable(arguments.join(u' ')),
                 p.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

// The project of scriptproject.h with the logging sections env.py's fileConfig() reads, so
// that alembic can run its env.py (upgrade) against the SQLite file.
bool createProject(ScriptProject& project)
{
    if (!project.create())
        return false;
    QByteArray ini = readBytes(project.ini());
    ini += "\n[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n\n[formatters]\n"
           "keys = generic\n\n[logger_root]\nlevel = WARN\nhandlers = console\n\n"
           "[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nlevel = NOTSET\n"
           "formatter = generic\n\n[formatter_generic]\nformat = %%(levelname)s %%(message)s\n";
    return writeBytes(project.ini(), ini);
}

// The window on the project, with the test's interpreter and a quick reload.
struct Window
{
    Settings settings;
    MainWindow window;

    Window(const QString& settingsFile, const ScriptProject& project)
        : settings(settingsFile), window((configure(settings, project), settings))
    {
        window.resize(1400, 900);
        window.show();
        window.scriptsController()->setReloadDelay(50);
        window.openProject(project.ini());
    }
    static void configure(Settings& settings, const ScriptProject& project)
    {
        settings.setPythonInterpreter(
            RecentProject{QFileInfo(project.ini()).absoluteFilePath(), QStringLiteral("alembic")},
            QStringLiteral(RETORT_TEST_PYTHON));
    }
    HeadsController* heads() const { return window.headsController(); }
    HeadsFix::Kind fixKind() const { return heads()->analysis().recommendation().kind; }
};

// Presses on `from`'s node, moves with the button held and releases over `to`'s node.
bool dragNode(GraphView* view, const QString& from, const QString& to)
{
    RevisionNodeItem* a = view->graphScene()->nodeItem(from);
    RevisionNodeItem* b = view->graphScene()->nodeItem(to);
    if (!a || !b)
        return false;
    QWidget* viewport = view->viewport();
    const QPoint start = view->mapFromScene(a->sceneBoundingRect().center());
    const QPoint end = view->mapFromScene(b->sceneBoundingRect().center());
    if (!viewport->rect().contains(start) || !viewport->rect().contains(end))
        return false;
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    for (int i = 1; i <= 6; ++i) {
        const QPoint p = start + (end - start) * i / 6;
        QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
    return true;
}

} // namespace

class TestHeads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(RETORT_TEST_PYTHON)), RETORT_TEST_PYTHON);
        AlembicUnderTest alembic;
        QVERIFY(AlembicUnderTest::check(QStringLiteral(RETORT_TEST_PYTHON), &alembic));
    }

    // d's side is applied (the database stands at d); b - c is applied nowhere: b moves
    // onto d.
    void reparentsTheSideAppliedNowhere()
    {
        ScriptProject project;
        QVERIFY(createProject(project));
        QVERIFY(alembic(project, {QStringLiteral("upgrade"), kD}));
        const QByteArray original = readBytes(project.script(kB));
        const QByteArray oldLine = "down_revision = 'aaaa00000001'";
        QCOMPARE(original.count(oldLine), 1);

        Window w(m_settingsDir.filePath(QStringLiteral("reparent.ini")), project);
        QTRY_VERIFY_WITH_TIMEOUT(w.window.graphController()->shownGraph(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w.fixKind(), HeadsFix::Kind::Reparent, 20000);
        HeadsBanner* banner = w.window.headsBanner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("2 heads")), qPrintable(banner->text()));

        // The banner opens the panel: each head, its branch, what only it has, who applied it.
        QVERIFY(!w.window.headsDock()->isVisible());
        banner->showButton()->click();
        QVERIFY(w.window.headsDock()->isVisible());
        HeadsPanel* panel = w.window.headsPanel();
        QCOMPARE(panel->headList()->topLevelItemCount(), 2);
        const HeadInfo* c = panel->analysis().head(kC);
        const HeadInfo* d = panel->analysis().head(kD);
        QVERIFY(c && d);
        QCOMPARE(c->own, (QStringList{kC, kB}));
        QVERIFY(c->isAppliedNowhere());
        QCOMPARE(d->appliedBy.size(), 1);
        QCOMPARE(d->appliedBy.first().revisions, QStringList{kD});
        const HeadsFix fix = panel->analysis().recommendation();
        QCOMPARE(fix.revision, kB);
        QCOMPARE(fix.oldParent, kA);
        QCOMPARE(fix.newParent, kD);
        QVERIFY2(panel->recommendationText().contains(QStringLiteral("has not applied them")),
                 qPrintable(panel->recommendationText()));

        // The diff first; nothing is written before the confirmation.
        QVERIFY(panel->reparentButton()->isVisible());
        panel->reparentButton()->click();
        ReparentDialog* dialog = w.heads()->reparentDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->refusalText().isEmpty());
        const QString diff = dialog->diffView()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("\n-down_revision = 'aaaa00000001'\n"
                                              "+down_revision = 'dddd00000004'\n")),
                 qPrintable(diff));
        QCOMPARE(readBytes(project.script(kB)), original);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Return);

        // Saved: the one value changed, nothing else in the file.
        QByteArray expected = original;
        expected.replace(oldLine, "down_revision = 'dddd00000004'");
        QTRY_COMPARE(readBytes(project.script(kB)), expected);
        // The real alembic agrees: one head.
        QString heads;
        QVERIFY(alembic(project, {QStringLiteral("heads")}, &heads));
        QCOMPARE(heads.trimmed(), QStringLiteral("cccc00000003 (head)"));
        // The reload follows the save; the heads are explained again.
        QTRY_COMPARE_WITH_TIMEOUT(w.window.session()->graph()->heads(), QStringList{kC}, 20000);
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(!w.window.headsController()->analysis().hasUnexplainedHeads());

        // Undoable: the edit is one step in the script's tab; Ctrl+Z and Save take it back.
        ScriptPage* page = w.window.scriptTabs()->pageForPath(project.script(kB));
        QVERIFY(page);
        QVERIFY(!page->isModified());
        page->editor()->setFocus();
        QTest::keyClick(page->editor(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(page->isModified());
        QVERIFY(w.window.scriptsController()->save(page));
        QCOMPARE(readBytes(project.script(kB)), original);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QTRY_COMPARE(w.window.session()->graph()->heads().size(), 2);
    }

    // Both sides applied (the database stands at both heads): merge, prefilled.
    void mergesWhenBothSidesAreApplied()
    {
        ScriptProject project;
        QVERIFY(createProject(project));
        QVERIFY(alembic(project, {QStringLiteral("upgrade"), QStringLiteral("heads")}));
        const QByteArray original = readBytes(project.script(kB));

        Window w(m_settingsDir.filePath(QStringLiteral("merge.ini")), project);
        // Until the database is read, nothing can be said to be applied nowhere: merge, and
        // the reason says why.
        QTRY_VERIFY_WITH_TIMEOUT(w.window.graphController()->shownGraph(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.window.databases()->state(
                                     w.window.databases()->profiles().first().name()).isReadable(),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w.fixKind(), HeadsFix::Kind::Merge, 20000);
        const HeadsFix fix = w.heads()->analysis().recommendation();
        QCOMPARE(fix.heads, (QStringList{kC, kD}));
        QVERIFY2(fix.reason.contains(QStringLiteral("Every side has been applied")),
                 qPrintable(fix.reason));
        HeadsPanel* panel = w.window.headsPanel();
        QVERIFY(panel->recommendationText().startsWith(QStringLiteral("Recommended: merge")));
        QVERIFY(!panel->reparentButton()->isVisibleTo(panel));

        panel->mergeButton()->click();
        MergeHeadsDialog* merge = nullptr;
        QTRY_VERIFY((merge = w.window.findChild<MergeHeadsDialog*>()));
        QCOMPARE(merge->selectedHeads(), (QStringList{kC, kD}));
        merge->reject();
        QCOMPARE(readBytes(project.script(kB)), original);
    }

    // A node dragged onto another: refused when a database applied what would move; the
    // override needs a tick and, for a protected database, its name typed.
    void dragRefusesWhatADatabaseApplied()
    {
        ScriptProject project;
        QVERIFY(createProject(project));
        QVERIFY(alembic(project, {QStringLiteral("upgrade"), kD}));
        const QByteArray original = readBytes(project.script(kD));

        Window w(m_settingsDir.filePath(QStringLiteral("drag.ini")), project);
        QTRY_VERIFY_WITH_TIMEOUT(w.window.graphController()->shownGraph(), 20000);
        ConnectionProfile prod(QStringLiteral("prod"),
                               QStringLiteral("sqlite:///") + project.dir.filePath(QStringLiteral("app.db")));
        prod.setProtected(true);
        QVERIFY(w.window.databases()->saveProfile(prod));
        w.window.databases()->refresh(QStringLiteral("prod"));
        QTRY_VERIFY_WITH_TIMEOUT(w.window.databases()->state(QStringLiteral("prod")).isReadable(),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.window.graphView()->graphScene()->nodeItem(kD), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w.fixKind(), HeadsFix::Kind::Reparent, 20000);
        w.window.graphView()->fitAll();

        QVERIFY(dragNode(w.window.graphView(), kD, kC));
        ReparentDialog* dialog = w.heads()->reparentDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->preview().check.revision, kD);
        QCOMPARE(dialog->preview().check.newParent, kC);
        QVERIFY2(dialog->refusalText().startsWith(QStringLiteral("Refused:")) &&
                     dialog->refusalText().contains(QStringLiteral("prod applied dddd00000004")),
                 qPrintable(dialog->refusalText()));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Return); // refused: Return does nothing
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->overrideBox());
        QCOMPARE(dialog->confirmations().size(), 1);
        QCOMPARE(dialog->confirmations().first()->profile(), QStringLiteral("prod"));
        dialog->overrideBox()->setChecked(true);
        QVERIFY(!dialog->confirmButton()->isEnabled()); // prod's name not typed yet
        QTest::keyClicks(dialog->confirmations().first()->edit(), QStringLiteral("prod"));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!w.heads()->reparentDialog());
        QCOMPARE(readBytes(project.script(kD)), original);

        // The side applied nowhere can be dragged: a preview with nothing refused.
        QVERIFY(dragNode(w.window.graphView(), kB, kD));
        dialog = w.heads()->reparentDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->refusalText().isEmpty());
        QVERIFY(!dialog->overrideBox());
        QVERIFY(dialog->confirmButton()->isEnabled());
        dialog->reject();

        // A loop is refused outright, with no way past it.
        QVERIFY(dragNode(w.window.graphView(), kA, kC));
        dialog = w.heads()->reparentDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->overrideBox());
        QVERIFY(!dialog->confirmButton()->isEnabled());
        dialog->reject();
        QCOMPARE(w.window.scriptTabs()->count(), 0); // nothing opened, nothing written

        // Without a mouse: the graph's Re-parent Onto… offers what b may follow.
        QVERIFY(w.window.graphView()->selectRevision(kB));
        QAction* action = w.heads()->reparentAction();
        QVERIFY(action->isEnabled());
        action->trigger();
        QInputDialog* ask = nullptr;
        QTRY_VERIFY((ask = w.window.findChild<QInputDialog*>(QStringLiteral("reparentOntoDialog"))));
        QCOMPARE(ask->comboBoxItems(), QStringList{kD}); // not b, c (after it) or a (its parent)
        ask->setTextValue(kD);
        ask->accept();
        QTRY_VERIFY(w.heads()->reparentDialog());
        dialog = w.heads()->reparentDialog();
        QCOMPARE(dialog->preview().check.newParent, kD);
        QVERIFY(dialog->confirmButton()->isEnabled());
        dialog->reject();
        QCOMPARE(readBytes(project.script(kD)), original);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestHeads)
#include "tst_heads.moc"
