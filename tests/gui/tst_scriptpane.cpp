// The script pane in the real main window: opening scripts from the graph, the details pane
// and the diagnostics; tabs and graph selection in step; saving byte-exact; files changed,
// replaced or deleted behind Retort's back; the prompts before unsaved text is lost; and the
// graph following an edit of down_revision.
#include "widgets/details/revisiondetailsview.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "widgets/editor/findbar.h"
#include "widgets/editor/scriptbanner.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "model/graph/revisiongraph.h"
#include "widgets/graph/revisionnodeitem.h"
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "widgets/revisions/revisionlistview.h"
#include "model/script/filewatcher.h"
#include "scriptproject.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTimer>

using namespace retort;
using namespace retort::test;

namespace {

// What QSaveFile and many editors do: write aside, rename over.
bool replaceByRename(const QString& path, const QByteArray& bytes)
{
    const QString tmp = path + QStringLiteral(".new~");
    return writeBytes(tmp, bytes) && ::rename(QFile::encodeName(tmp), QFile::encodeName(path)) == 0;
}

} // namespace

class TestScriptPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_settingsDir.isValid()); }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_settingsDir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
        m_project = std::make_unique<ScriptProject>();
        QVERIFY(m_project->create());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_scripts = m_window->scriptsController();
        m_scripts->watcher()->setDebounceInterval(50);
        m_scripts->setReloadDelay(50);
        m_window->openProject(m_project->ini());
        QTRY_VERIFY(m_window->graphController()->shownGraph());
        QTRY_VERIFY(!m_window->graphController()->isLayingOut());
    }

    void cleanup()
    {
        // Nothing may ask questions while the window goes.
        if (m_scripts)
            m_scripts->setSavePrompt(
                [](const QStringList&) { return ScriptsController::SaveChoice::Discard; });
        m_window.reset();
        m_project.reset();
        m_settings.reset();
    }

    void opensFromGraphDetailsAndDiagnostics()
    {
        ScriptTabs* tabs = m_window->scriptTabs();
        QVERIFY(!tabs->isVisible()); // no script yet: the pane is hidden
        GraphView* graph = m_window->graphView();

        // Double-click (activation) on a node.
        QVERIFY(graph->selectRevision(QStringLiteral("bbbb00000002")));
        emit graph->graphScene()->revisionActivated(QStringLiteral("bbbb00000002"));
        QCOMPARE(tabs->count(), 1);
        QVERIFY(tabs->isVisible());
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("bbbb00000002")));
        QVERIFY(tabs->currentPage()->editor()->text().contains(
            QStringLiteral("revision = 'bbbb00000002'")));
        auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("centralSplitter"));
        QVERIFY(splitter && splitter->sizes().value(1) > 300);

        // Enter on the current node.
        QVERIFY(graph->selectRevision(QStringLiteral("cccc00000003")));
        graph->setFocus();
        QTest::keyClick(graph, Qt::Key_Return);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("cccc00000003")));

        // The context menu's action acts on the current (right-clicked) revision.
        QVERIFY(graph->selectRevision(QStringLiteral("aaaa00000001")));
        m_scripts->openScriptAction()->trigger();
        QCOMPARE(tabs->count(), 3);

        // Opening an open script brings its tab forward instead of a second one.
        emit graph->graphScene()->revisionActivated(QStringLiteral("bbbb00000002"));
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("bbbb00000002")));

        // The details pane's file link.
        QVERIFY(graph->selectRevision(QStringLiteral("dddd00000004")));
        QTRY_COMPARE(m_window->detailsView()->shownRevision(), QStringLiteral("dddd00000004"));
        QLabel* pathField = m_window->detailsView()->field(RevisionDetailsView::kPathField);
        QVERIFY(pathField);
        emit pathField->linkActivated(QStringLiteral("script:open"));
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("dddd00000004")));

        // The active tab's revision is selected in the graph.
        tabs->setCurrentWidget(
            tabs->pageForPath(m_project->script(QStringLiteral("cccc00000003"))));
        QCOMPARE(graph->currentRevision(), QStringLiteral("cccc00000003"));

        // Enter or double-click in the revision list.
        emit m_window->revisionList()->revisionActivated(QStringLiteral("aaaa00000001"));
        QCOMPARE(tabs->count(), 4); // a was open already: brought forward
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("aaaa00000001")));

        // A diagnostic opens its file at its line.
        emit m_window->diagnosticsView()->diagnosticActivated(
            m_project->script(QStringLiteral("aaaa00000001")), 14);
        QCOMPARE(tabs->currentPage()->path(), m_project->script(QStringLiteral("aaaa00000001")));
        QCOMPARE(tabs->currentPage()->editor()->currentLineNumber(), 14);
    }

    void savesByteExact_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        const QByteArray lf =
            revisionScript(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
                           QStringLiteral("add email"));
        QByteArray edited = lf;
        edited.replace("    pass\n\n\ndef downgrade",
                       "    op.execute('select 1')\n\n\ndef downgrade");
        QTest::newRow("lf") << lf << edited;
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        QByteArray crlfEdited = edited;
        crlfEdited.replace("\n", "\r\n");
        QTest::newRow("crlf") << crlf << crlfEdited;
        QTest::newRow("no final newline") << lf.chopped(1) << edited.chopped(1);
        QTest::newRow("crlf, no final newline") << crlf.chopped(2) << crlfEdited.chopped(2);
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF") + lf
                             << QByteArray("\xEF\xBB\xBF") + edited;
    }

    void savesByteExact()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        const QString path = m_project->script(QStringLiteral("bbbb00000002"));
        QVERIFY(writeBytes(path, before));
        ScriptPage* page = m_scripts->openScript(path);
        QVERIFY(page);
        ScriptEditor* editor = page->editor();
        QVERIFY(!page->isModified());
        const int tab = m_window->scriptTabs()->indexOf(page);
        QCOMPARE(m_window->scriptTabs()->tabText(tab), QStringLiteral("bbbb00000002_rev.py"));

        // Type the edit the way a person would: select "pass" in upgrade, type over it.
        QVERIFY(editor->findFirst(QStringLiteral("pass"), false, true, true, false, true, 0, 0));
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("op.execute('select 1')"));
        QVERIFY(page->isModified());
        QVERIFY(m_window->scriptTabs()->tabText(tab).endsWith(QStringLiteral("●")));

        QSignalSpy changed(m_scripts->watcher(), &FileWatcher::fileChanged);
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(readBytes(path), after);
        QVERIFY(!page->isModified());
        QCOMPARE(m_window->scriptTabs()->tabText(tab), QStringLiteral("bbbb00000002_rev.py"));
        // Our own save is not an outside change: no banner, no reload prompt.
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(page->banner()->state(), ScriptBanner::State::Hidden);
    }

    void outsideChangeReloadsUnmodifiedTab()
    {
        const QString path = m_project->script(QStringLiteral("cccc00000003"));
        ScriptPage* page = m_scripts->openScript(path);
        QVERIFY(page);
        QByteArray changed = readBytes(path);
        changed.replace("create orders", "create orders and lines");
        // Replaced by rename, as other editors and git do; twice, to show it stays watched.
        QVERIFY(replaceByRename(path, changed));
        QTRY_VERIFY(page->editor()->text().contains(QStringLiteral("create orders and lines")));
        QVERIFY(!page->isModified());
        QCOMPARE(page->banner()->state(), ScriptBanner::State::Hidden);
        changed.replace("and lines", "and items");
        QVERIFY(replaceByRename(path, changed));
        QTRY_VERIFY(page->editor()->text().contains(QStringLiteral("create orders and items")));
        // The graph reloads too.
        QTRY_COMPARE(
            m_window->session()->graph()->revision(QStringLiteral("cccc00000003"))->message,
            QStringLiteral("create orders and items"));
    }

    void outsideChangeNeverLosesLocalEdits()
    {
        const QString path = m_project->script(QStringLiteral("cccc00000003"));
        ScriptPage* page = m_scripts->openScript(path);
        QVERIFY(page);
        page->editor()->append(QStringLiteral("# mine\n"));
        QVERIFY(page->isModified());

        QByteArray theirs = readBytes(path);
        theirs.replace("create orders", "theirs");
        QVERIFY(writeBytes(path, theirs));
        QTRY_COMPARE(page->banner()->state(), ScriptBanner::State::ChangedOnDisk);
        QVERIFY(page->banner()->isVisible());
        QVERIFY(page->editor()->text().contains(QStringLiteral("# mine")));
        QVERIFY(page->isModified());

        // Keep Mine: the banner goes, the text stays; saving writes ours.
        page->banner()->keepButton()->click();
        QCOMPARE(page->banner()->state(), ScriptBanner::State::Hidden);
        QVERIFY(page->editor()->text().contains(QStringLiteral("# mine")));

        // Another outside change, then Reload: theirs, and ours is one undo away.
        theirs.replace("theirs", "theirs again");
        QVERIFY(writeBytes(path, theirs));
        QTRY_COMPARE(page->banner()->state(), ScriptBanner::State::ChangedOnDisk);
        page->banner()->reloadButton()->click();
        QCOMPARE(page->editor()->text().toUtf8(), theirs);
        QVERIFY(!page->isModified());
        page->editor()->undo();
        QVERIFY(page->editor()->text().contains(QStringLiteral("# mine")));
    }

    void deletedFileKeepsItsTab()
    {
        const QString path = m_project->script(QStringLiteral("dddd00000004"));
        ScriptPage* page = m_scripts->openScript(path);
        QVERIFY(page);
        const QString text = page->editor()->text();
        QVERIFY(QFile::remove(path));
        QTRY_COMPARE(page->banner()->state(), ScriptBanner::State::Deleted);
        QVERIFY(page->banner()->message().contains(QStringLiteral("deleted")));
        QCOMPARE(m_window->scriptTabs()->count(), 1);
        QCOMPARE(page->editor()->text(), text);
        QVERIFY(page->isModified()); // closing would lose it
        QVERIFY(m_window->scriptTabs()->tabText(0).contains(QStringLiteral("deleted")));
        // The graph drops the revision.
        QTRY_VERIFY(!m_window->session()->graph()->contains(QStringLiteral("dddd00000004")));

        // Save writes it back.
        QVERIFY(m_scripts->save(page));
        QCOMPARE(QString::fromUtf8(readBytes(path)), text);
        QCOMPARE(page->banner()->state(), ScriptBanner::State::Hidden);
        QVERIFY(!page->isModified());
        QTRY_VERIFY(m_window->session()->graph()->contains(QStringLiteral("dddd00000004")));
    }

    void closingModifiedTabAsks()
    {
        const QString path = m_project->script(QStringLiteral("bbbb00000002"));
        const QByteArray original = readBytes(path);
        ScriptPage* page = m_scripts->openScript(path);
        page->editor()->append(QStringLiteral("# edit\n"));
        QStringList asked;
        ScriptsController::SaveChoice answer = ScriptsController::SaveChoice::Cancel;
        m_scripts->setSavePrompt([&](const QStringList& names) {
            asked = names;
            return answer;
        });
        // Cancel: the tab stays.
        emit m_window->scriptTabs()->tabCloseRequested(0);
        QCOMPARE(asked, QStringList{QStringLiteral("bbbb00000002_rev.py")});
        QCOMPARE(m_window->scriptTabs()->count(), 1);
        // Discard: closed, nothing written.
        answer = ScriptsController::SaveChoice::Discard;
        emit m_window->scriptTabs()->tabCloseRequested(0);
        QCOMPARE(m_window->scriptTabs()->count(), 0);
        QCOMPARE(readBytes(path), original);
        QVERIFY(!m_window->scriptTabs()->isVisible());
        // Save: written, then closed.
        page = m_scripts->openScript(path);
        page->editor()->append(QStringLiteral("# saved edit\n"));
        answer = ScriptsController::SaveChoice::Save;
        asked.clear();
        QVERIFY(m_scripts->closePage(page));
        QCOMPARE(asked.size(), 1);
        QVERIFY(readBytes(path).endsWith("# saved edit\n"));
        // An unmodified tab closes without a question.
        page = m_scripts->openScript(path);
        asked.clear();
        QVERIFY(m_scripts->closePage(page));
        QVERIFY(asked.isEmpty());
    }

    void realMessageBoxIsAsked()
    {
        // The default prompt is a real QMessageBox: answer it as a person would.
        ScriptPage* page = m_scripts->openScript(m_project->script(QStringLiteral("bbbb00000002")));
        page->editor()->append(QStringLiteral("# edit\n"));
        bool seen = false;
        QTimer::singleShot(100, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            seen = box->text().contains(QStringLiteral("bbbb00000002_rev.py"));
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!m_scripts->closePage(page));
        QVERIFY(seen);
        QCOMPARE(m_window->scriptTabs()->count(), 1);
    }

    void closingTheWindowAsks()
    {
        ScriptPage* a = m_scripts->openScript(m_project->script(QStringLiteral("aaaa00000001")));
        ScriptPage* b = m_scripts->openScript(m_project->script(QStringLiteral("bbbb00000002")));
        m_scripts->openScript(m_project->script(QStringLiteral("cccc00000003")));
        a->editor()->append(QStringLiteral("# a\n"));
        b->editor()->append(QStringLiteral("# b\n"));
        QStringList asked;
        m_scripts->setSavePrompt([&](const QStringList& names) {
            asked = names;
            return ScriptsController::SaveChoice::Cancel;
        });
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QCOMPARE(asked, (QStringList{QStringLiteral("aaaa00000001_rev.py"),
                                     QStringLiteral("bbbb00000002_rev.py")}));
        m_scripts->setSavePrompt(
            [](const QStringList&) { return ScriptsController::SaveChoice::Save; });
        QVERIFY(m_window->close());
        QVERIFY(readBytes(m_project->script(QStringLiteral("aaaa00000001"))).endsWith("# a\n"));
        QVERIFY(readBytes(m_project->script(QStringLiteral("bbbb00000002"))).endsWith("# b\n"));
    }

    void graphFollowsDownRevisionEdit()
    {
        GraphView* view = m_window->graphView();
        QVERIFY(view->selectRevision(QStringLiteral("cccc00000003")));
        const QPointF centre = view->mapToScene(view->viewport()->rect().center());
        const qreal zoom = view->zoom();
        QCOMPARE(m_window->session()->graph()->heads(),
                 (QStringList{QStringLiteral("cccc00000003"), QStringLiteral("dddd00000004")}));

        // d moves from a onto c: one head, d after c.
        ScriptPage* page = m_scripts->openScript(m_project->script(QStringLiteral("dddd00000004")));
        QVERIFY(page);
        QCOMPARE(m_window->scriptTabs()->count(), 1);
        FindBar* bar = page->findBar();
        page->replaceAction()->trigger();
        bar->setRegularExpression(true);
        bar->findField()->setText(QStringLiteral("^down_revision = .*$"));
        bar->replaceField()->setText(QStringLiteral("down_revision = 'cccc00000003'"));
        QCOMPARE(bar->replaceAll(), 1);
        QVERIFY(view->selectRevision(QStringLiteral("cccc00000003")));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_scripts->save(page));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->graph()->heads(),
                                  QStringList{QStringLiteral("dddd00000004")}, 2000);
        QTRY_VERIFY(!m_window->graphController()->isLayingOut());
        QTRY_COMPARE(m_window->graphController()->shownGraph(), m_window->session()->graph());
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_window->graphController()->shownGraph()->parents(QStringLiteral("dddd00000004")),
                 QStringList{QStringLiteral("cccc00000003")});
        // The picture shows the new edge, and selection and viewport stayed.
        GraphScene* scene = view->graphScene();
        const QRectF c = scene->nodeItem(QStringLiteral("cccc00000003"))->sceneBoundingRect();
        const QRectF d = scene->nodeItem(QStringLiteral("dddd00000004"))->sceneBoundingRect();
        QVERIFY(d.center().y() < c.center().y()); // newer on top
        QCOMPARE(view->currentRevision(), QStringLiteral("cccc00000003"));
        QCOMPARE(view->zoom(), zoom);
        const QPointF after = view->mapToScene(view->viewport()->rect().center());
        QVERIFY2(QLineF(centre, after).length() < 200, qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                                                                      .arg(centre.x())
                                                                      .arg(centre.y())
                                                                      .arg(after.x())
                                                                      .arg(after.y())));
    }

    void inPlaceEditOfAClosedScriptReloadsTheGraph()
    {
        // Another editor writing in place: no folder entry changes, yet the graph follows.
        const QString path = m_project->script(QStringLiteral("cccc00000003"));
        QByteArray bytes = readBytes(path);
        bytes.replace("create orders", "create orders in place");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite)); // same inode, no truncate-by-rename
        QVERIFY(file.resize(0));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->session()->graph()->revision(QStringLiteral("cccc00000003"))->message,
            QStringLiteral("create orders in place"), 2000);
    }

    void contextMenuOffersOpenScript()
    {
        GraphView* graph = m_window->graphView();
        QString seen;
        QTimer::singleShot(100, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* action : menu->actions()) {
                if (action->text().remove(u'&') == QStringLiteral("Open Script")) {
                    seen = action->text();
                    menu->setActiveAction(action);
                    QTest::keyClick(menu, Qt::Key_Return);
                    return;
                }
            }
            menu->close();
        });
        emit graph->contextMenuRequested(QStringLiteral("bbbb00000002"),
                                         graph->mapToGlobal(graph->rect().center()));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(graph->currentRevision(), QStringLiteral("bbbb00000002")); // right-click selects
        QTRY_COMPARE(m_window->scriptTabs()->count(), 1);
        QCOMPARE(m_window->scriptTabs()->currentPage()->path(),
                 m_project->script(QStringLiteral("bbbb00000002")));
    }

    // Ctrl++ in an open script zoomed nothing and typed "+": the zoom keys are the editor's
    // while it has the focus, even against a window-wide zoom shortcut, and type nothing.
    void zoomKeysInAScriptZoomTheEditor()
    {
        ScriptPage* page = m_scripts->openScript(m_project->script(QStringLiteral("bbbb00000002")));
        QVERIFY(page);
        ScriptEditor* editor = page->editor();
        QTRY_VERIFY(editor->hasFocus());
        const QString before = editor->text();
        const qreal graphZoom = m_window->graphView()->zoom();
        // A window-wide zoom action, as a View menu may have: it must not fire from the editor.
        auto* windowZoom = new QAction(m_window.get());
        windowZoom->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Plus),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus),
                                  QKeySequence(Qt::CTRL | Qt::Key_Equal),
                                  QKeySequence(Qt::CTRL | Qt::Key_Minus),
                                  QKeySequence(Qt::CTRL | Qt::Key_0)});
        windowZoom->setShortcutContext(Qt::WindowShortcut);
        m_window->addAction(windowZoom);
        QSignalSpy fired(windowZoom, &QAction::triggered);

        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Plus, QStringLiteral("+"),
                            Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor->zoomLevel(), 1);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Equal, QStringLiteral("="),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 2);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Minus, QStringLiteral("-"),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 1);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_0, QStringLiteral("0"),
                            Qt::ControlModifier);
        QCOMPARE(editor->zoomLevel(), 0);
        QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_Plus, QStringLiteral("+"),
                            Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor->zoomLevel(), 1);

        QCOMPARE(editor->text(), before);
        QVERIFY(!page->isModified());
        QCOMPARE(fired.count(), 0);
        QCOMPARE(m_window->graphView()->zoom(), graphZoom);
        delete windowZoom;
    }

    // In the window, Ctrl+F in a script is the script's Find (not the Revisions filter) and
    // takes the selected text.
    void findTakesTheSelection()
    {
        ScriptPage* page = m_scripts->openScript(m_project->script(QStringLiteral("cccc00000003")));
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        ScriptEditor* editor = page->editor();
        QTRY_VERIFY(editor->hasFocus());
        const int line = int(editor->text().left(editor->text().indexOf(QStringLiteral("def upgrade"))).count(u'\n'));
        editor->setSelection(line, 4, line, 11); // "upgrade"
        QCOMPARE(editor->selectedText(), QStringLiteral("upgrade"));
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(page->findBar()->findField()->hasFocus());
        QCOMPARE(page->findBar()->findField()->text(), QStringLiteral("upgrade"));
        QCOMPARE(page->findBar()->findField()->selectedText(), QStringLiteral("upgrade"));
        auto* filter = m_window->findChild<QLineEdit*>(QStringLiteral("revisionFilter"));
        QVERIFY(filter->text().isEmpty());
    }

    void lintMarkersFromTheScan()
    {
        const QString path = m_project->script(QStringLiteral("cccc00000003"));
        ScriptPage* page = m_scripts->openScript(path);
        QVERIFY(page->editor()->markedLines().isEmpty());
        // down_revision that only Python could compute: a diagnostic at its line.
        QByteArray bytes = readBytes(path);
        bytes.replace("down_revision = 'bbbb00000002'", "down_revision = compute_parent()");
        QVERIFY(writeBytes(path, bytes));
        QTRY_VERIFY(!page->editor()->markedLines().isEmpty());
        const int line = page->editor()->markedLines().first();
        QVERIFY2(page->editor()->text(line - 1).startsWith(QStringLiteral("down_revision")),
                 qPrintable(page->editor()->text(line - 1)));
        QVERIFY(!page->editor()->annotationAt(line).isEmpty());
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ScriptProject> m_project;
    std::unique_ptr<MainWindow> m_window;
    ScriptsController* m_scripts = nullptr;
};

QTEST_MAIN(TestScriptPane)
#include "tst_scriptpane.moc"
