// Faults of the files under an open project, in the real main window offscreen (issue 14):
// the project folder renamed while open, the config file changed, a script deleted while
// edited, a save into a read-only folder or onto a full disk, a `git checkout` that rewrites
// the version folder, and the SQLite file deleted or made read-only before Refresh. Each
// checks that the window keeps working, that what it shows equals the real state (the files,
// the real alembic, the version table) and that nothing typed is lost.
//
// Read-only folders and full disks are real: a read-only bind mount and a small tmpfs, in a
// mount namespace of the test's own (root is not stopped by chmod). Every such test first
// proves the mount refuses writes.
#include "faultwindow.h"
#include "scriptproject.h"

#include "app/projectsession.h"
#include "app/scriptscontroller.h"
#include "model/graph/revisiongraph.h"
#include "model/script/filewatcher.h"
#include "widgets/databases/databaselistmodel.h"
#include "widgets/databases/databasesview.h"
#include "widgets/editor/scriptbanner.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"
#include "widgets/editor/scripttabs.h"
#include "widgets/log/logpane.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <memory>

using namespace retort;
using namespace retort::test;

namespace {

const QString kTyped = QStringLiteral("# typed here, never saved\n");

// The demo's logging sections, which its env.py reads.
QByteArray loggingSections()
{
    const QByteArray demo = readBytes(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini"));
    return demo.mid(demo.indexOf("[loggers]"));
}

// The script pane's project (a <- b <- c, a <- d) in `root`, its SQLite file at `dbPath`
// (relative to the ini's folder).
bool createProject(const QString& root, const QString& dbPath = QStringLiteral("app.db"))
{
    const QString demo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/migrations/");
    auto script = [&](const QString& id, const QString& down, const char* message) {
        return writeBytes(root + QStringLiteral("/migrations/versions/") + id +
                              QStringLiteral("_rev.py"),
                          revisionScript(id, down, QString::fromUtf8(message)));
    };
    return writeBytes(root + QStringLiteral("/alembic.ini"),
                      "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = "
                      "sqlite:///%(here)s/" +
                          dbPath.toUtf8() + "\n\n" + loggingSections()) &&
           writeBytes(root + QStringLiteral("/migrations/env.py"),
                      readBytes(demo + QStringLiteral("env.py"))) &&
           writeBytes(root + QStringLiteral("/migrations/script.py.mako"),
                      readBytes(demo + QStringLiteral("script.py.mako"))) &&
           script(QStringLiteral("aaaa00000001"), {}, "create users") &&
           script(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"), "add email") &&
           script(QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"), "create orders") &&
           script(QStringLiteral("dddd00000004"), QStringLiteral("aaaa00000001"), "add audit");
}

QString scriptIn(const QString& root, const QString& id)
{
    return root + QStringLiteral("/migrations/versions/") + id + QStringLiteral("_rev.py");
}

QStringList listing(const QString& folder)
{
    QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

} // namespace

class TestFaultsFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString freshFolder()
    {
        const QString path = m_dir.filePath(QStringLiteral("p%1").arg(++m_count));
        QDir().mkpath(path);
        return path;
    }
    std::unique_ptr<FaultWindow> open(const QString& ini)
    {
        auto w = std::make_unique<FaultWindow>(
            m_dir.filePath(QStringLiteral("settings%1.ini").arg(m_count)), ini);
        w->window.scriptsController()->watcher()->setDebounceInterval(50);
        w->window.scriptsController()->setReloadDelay(50);
        w->window.session()->watcher()->setDebounceInterval(50);
        // nothing may ask while the window goes
        w->window.scriptsController()->setSavePrompt(
            [](const QStringList&) { return ScriptsController::SaveChoice::Discard; });
        return w;
    }
    // Opens `path` and types into it without saving.
    static ScriptPage* openAndType(FaultWindow& w, const QString& path)
    {
        ScriptPage* page = w.window.scriptsController()->openScript(path);
        if (page)
            page->editor()->insertAt(kTyped, 0, 0);
        return page;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The project folder renamed while open (issue 14's probe): the window says so, runs and
    // New Revision are disabled, the graph and the unsaved text stay, a save fails with a
    // clear error and writes nothing; renamed back, it loads again, runs come back and the
    // text saves where it belongs.
    void projectFolderRenamedWhileOpen()
    {
        const QString base = freshFolder();
        const QString root = base + QStringLiteral("/project");
        const QString moved = base + QStringLiteral("/project-moved");
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        QVERIFY(w->window.scriptsController()->newRevisionAction()->isEnabled());
        ScriptPage* page = openAndType(*w, scriptIn(root, QStringLiteral("bbbb00000002")));
        QVERIFY(page);
        const QString typed = page->editor()->text();
        const int nodes = int(w->scene()->nodeItems().size());

        QVERIFY(QDir().rename(root, moved));
        auto back = qScopeGuard([&] { QDir().rename(moved, root); });
        ProjectSession* session = w->window.session();
        QTRY_VERIFY_WITH_TIMEOUT(session->isProjectMissing(), 10000);
        QVERIFY2(w->window.errorMessage().contains(QStringLiteral("was moved or deleted")) &&
                     w->window.errorMessage().contains(QDir::toNativeSeparators(root)),
                 qPrintable(w->window.errorMessage()));
        for (QAction* action : {w->runs()->stepUpAction(), w->runs()->stepDownAction(),
                                w->runs()->upgradeHeadsAction(), w->runs()->upgradeSelectedAction(),
                                w->runs()->stampSelectedAction(),
                                w->window.scriptsController()->newRevisionAction(),
                                w->window.scriptsController()->mergeHeadsAction()})
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
        // the graph and the text stay
        QCOMPARE(int(w->scene()->nodeItems().size()), nodes);
        QCOMPARE(page->editor()->text(), typed);
        QCOMPARE(page->banner()->state(), ScriptBanner::State::ProjectMissing);
        QVERIFY(page->banner()->message().contains(QStringLiteral("project folder was moved or deleted")));
        QVERIFY(page->isModified());
        QCOMPARE(w->window.scriptTabs()->tabText(0), QStringLiteral("bbbb00000002_rev.py (folder gone)"));
        // a save fails, says why, and writes nothing anywhere
        QSignalSpy errors(w->window.scriptsController(), &ScriptsController::errorOccurred);
        QVERIFY(!w->window.scriptsController()->save(page));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("no longer exists")),
                 qPrintable(errors.first().first().toString()));
        QVERIFY(!QFileInfo::exists(root));
        QCOMPARE(page->editor()->text(), typed);
        // a reload (Retry) keeps saying it instead of a reader's error
        session->reload();
        QVERIFY(session->isProjectMissing());
        QVERIFY(w->window.errorMessage().contains(QStringLiteral("was moved or deleted")));

        // renamed back: loaded again, runs back, the text saves in place
        back.dismiss();
        QVERIFY(QDir().rename(moved, root));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isProjectMissing(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w->runs()->upgradeHeadsAction()->isEnabled(), 10000);
        QVERIFY(w->window.scriptsController()->newRevisionAction()->isEnabled());
        QVERIFY(w->window.errorMessage().isEmpty());
        QCOMPARE(page->editor()->text(), typed);
        QVERIFY(page->editor()->isModified());
        QCOMPARE(page->banner()->state(), ScriptBanner::State::Hidden);
        QVERIFY(!page->isFileMissing());
        QVERIFY(w->window.scriptsController()->save(page));
        QCOMPARE(QString::fromUtf8(readBytes(scriptIn(root, QStringLiteral("bbbb00000002")))), typed);
    }

    // The project folder deleted while open: the same message, and the text stays.
    void projectFolderDeletedWhileOpen()
    {
        const QString root = freshFolder() + QStringLiteral("/project");
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        ScriptPage* page = openAndType(*w, scriptIn(root, QStringLiteral("cccc00000003")));
        QVERIFY(page);
        const QString typed = page->editor()->text();
        QVERIFY(QDir(root).removeRecursively());
        QTRY_VERIFY_WITH_TIMEOUT(w->window.session()->isProjectMissing(), 10000);
        QVERIFY(w->window.errorMessage().contains(QStringLiteral("was moved or deleted")));
        QVERIFY(!w->runs()->upgradeHeadsAction()->isEnabled());
        QVERIFY(w->window.session()->graph());
        QCOMPARE(page->editor()->text(), typed);
        QVERIFY(!w->window.scriptsController()->save(page));
        QVERIFY(!QFileInfo::exists(root)); // nothing half-written, no folder made
    }

    // The config file alone deleted: said (the configuration file, not the folder), runs
    // disabled; written back, the project loads again and runs return.
    void configFileDeletedWhileOpen()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        const QString ini = root + QStringLiteral("/alembic.ini");
        const QByteArray bytes = readBytes(ini);
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        QVERIFY(QFile::remove(ini));
        QTRY_VERIFY_WITH_TIMEOUT(w->window.session()->isProjectMissing(), 10000);
        QVERIFY2(w->window.errorMessage().contains(QStringLiteral("configuration file")) &&
                     w->window.errorMessage().contains(QDir::toNativeSeparators(ini)),
                 qPrintable(w->window.errorMessage()));
        QVERIFY(!w->runs()->upgradeHeadsAction()->isEnabled());
        QVERIFY(w->window.session()->graph()); // the graph stays
        QVERIFY(writeBytes(ini, bytes));
        QTRY_VERIFY_WITH_TIMEOUT(!w->window.session()->isProjectMissing(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w->runs()->upgradeHeadsAction()->isEnabled(), 10000);
        QVERIFY(w->window.errorMessage().isEmpty());
    }

    // The config file edited behind Retort's back is read again, as scripts are: here a
    // second version location with a revision of its own appears in the graph.
    void configFileChangeReloads()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        QVERIFY(!w->window.session()->graph()->contains(QStringLiteral("ffff00000006")));
        QVERIFY(writeBytes(root + QStringLiteral("/extra/ffff00000006_rev.py"),
                           revisionScript(QStringLiteral("ffff00000006"),
                                          QStringLiteral("aaaa00000001"), QStringLiteral("extra"))));
        QVERIFY(writeBytes(root + QStringLiteral("/alembic.ini"),
                           "[alembic]\nscript_location = %(here)s/migrations\n"
                           "version_locations = %(here)s/migrations/versions %(here)s/extra\n"
                           "sqlalchemy.url = sqlite:///%(here)s/app.db\n\n" + loggingSections()));
        QTRY_VERIFY_WITH_TIMEOUT(w->window.session()->graph()->contains(QStringLiteral("ffff00000006")),
                                 10000);
        // what alembic itself now calls the heads
        QString out;
        QCOMPARE(alembic(root + QStringLiteral("/alembic.ini"), {QStringLiteral("heads")}, &out), 0);
        QStringList heads = w->window.session()->graph()->heads();
        heads.sort();
        QCOMPARE(heads, idsIn(out));
    }

    // A script deleted while it holds unsaved text: the tab stays with the text, the page
    // says the file is gone, and Save writes the text back.
    void scriptDeletedWhileEdited()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        const QString path = scriptIn(root, QStringLiteral("dddd00000004"));
        ScriptPage* page = openAndType(*w, path);
        QVERIFY(page);
        const QString typed = page->editor()->text();
        QVERIFY(QFile::remove(path));
        QTRY_COMPARE_WITH_TIMEOUT(page->banner()->state(), ScriptBanner::State::Deleted, 10000);
        QVERIFY(page->banner()->message().contains(QStringLiteral("deleted")));
        QCOMPARE(page->editor()->text(), typed);
        QVERIFY(page->isModified());
        // the graph follows the files
        QTRY_VERIFY_WITH_TIMEOUT(!w->window.session()->graph()->contains(QStringLiteral("dddd00000004")),
                                 10000);
        QVERIFY(w->window.scriptsController()->save(page));
        QCOMPARE(QString::fromUtf8(readBytes(path)), typed);
        QTRY_VERIFY_WITH_TIMEOUT(w->window.session()->graph()->contains(QStringLiteral("dddd00000004")),
                                 10000);
    }

    // Saving into a folder that refuses writes (a read-only mount, which stops root too):
    // the save fails with the reason, the file and the folder stay as they were (no temporary
    // file left), the text stays modified in the editor; writable again, it saves.
    void saveIntoReadOnlyFolder()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        const QString folder = root + QStringLiteral("/migrations/versions");
        const QString path = scriptIn(root, QStringLiteral("bbbb00000002"));
        const QByteArray before = readBytes(path);
        ScriptPage* page = openAndType(*w, path);
        QVERIFY(page);
        const QString typed = page->editor()->text();
        const QStringList files = listing(folder);

        const QString mounted = mountReadOnly(folder);
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        auto undo = qScopeGuard([&] { unmount(folder); });
        QVERIFY2(!canWriteIn(folder), "the read-only mount still takes writes");

        QSignalSpy errors(w->window.scriptsController(), &ScriptsController::errorOccurred);
        QVERIFY(!w->window.scriptsController()->save(page));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("Could not save")) &&
                     errors.first().first().toString().contains(QStringLiteral("bbbb00000002_rev.py")),
                 qPrintable(errors.first().first().toString()));
        QCOMPARE(readBytes(path), before);
        QCOMPARE(listing(folder), files);
        QCOMPARE(page->editor()->text(), typed);
        QVERIFY(page->isModified());

        QCOMPARE(unmount(folder), QString());
        undo.dismiss();
        QVERIFY(w->window.scriptsController()->save(page));
        QCOMPARE(QString::fromUtf8(readBytes(path)), typed);
        QVERIFY(!page->isModified());
    }

    // Saving onto a full disk (a small tmpfs filled up): the save fails with the reason,
    // nothing is half-written (the file keeps its old bytes, no temporary file is left), the
    // text stays; with room again, it saves.
    void saveOntoFullDisk()
    {
        const QString mountPoint = freshFolder();
        QString out;
        QCOMPARE(runTool(QStringLiteral("mount"),
                         {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                          QStringLiteral("size=512k"), QStringLiteral("tmpfs"), mountPoint},
                         {}, &out),
                 0);
        auto undo = qScopeGuard([&] { unmount(mountPoint); });
        const QString root = mountPoint + QStringLiteral("/project");
        QVERIFY(createProject(root));
        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        const QString folder = root + QStringLiteral("/migrations/versions");
        const QString path = scriptIn(root, QStringLiteral("cccc00000003"));
        const QByteArray before = readBytes(path);
        ScriptPage* page = openAndType(*w, path);
        QVERIFY(page);
        // more text than a page of the disk holds
        page->editor()->append(QStringLiteral("# %1\n").arg(QString(20000, u'x')));
        const QString typed = page->editor()->text();
        const QStringList files = listing(folder);

        // fill the disk
        const QString filler = mountPoint + QStringLiteral("/filler");
        {
            QFile f(filler);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(4096, 'f');
            while (f.write(block) == block.size()) {
            }
        }
        QVERIFY2(!canWriteIn(folder, 8192), "the full tmpfs still takes writes");

        QSignalSpy errors(w->window.scriptsController(), &ScriptsController::errorOccurred);
        QVERIFY(!w->window.scriptsController()->save(page));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("Could not save")),
                 qPrintable(errors.first().first().toString()));
        QCOMPARE(readBytes(path), before);
        QCOMPARE(listing(folder), files);
        QCOMPARE(page->editor()->text(), typed);
        QVERIFY(page->isModified());

        QVERIFY(QFile::remove(filler));
        QVERIFY(w->window.scriptsController()->save(page));
        QCOMPARE(QString::fromUtf8(readBytes(path)), typed);
        w.reset(); // let go of the files before the mount goes
    }

    // A `git checkout` that rewrites the version folder while Retort is open (real git): the
    // graph reloads to the new branch's revisions and heads (as the real alembic reads them);
    // an unedited open script follows its new text; edited ones keep the text typed and say
    // the file changed on disk or was deleted.
    void gitCheckoutRewritesTheVersionFolder()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        auto git = [&](const QStringList& args) {
            QString output;
            const int code = runTool(QStringLiteral("git"),
                                     QStringList{QStringLiteral("-c"), QStringLiteral("user.name=t"),
                                                 QStringLiteral("-c"),
                                                 QStringLiteral("user.email=t@example.org")} +
                                         args,
                                     root, &output);
            if (code != 0)
                qWarning().noquote() << "git" << args << output;
            return code == 0;
        };
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("main")}));
        QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("other")}));
        // other: d deleted, b and c rewritten, e added on c
        QVERIFY(QFile::remove(scriptIn(root, QStringLiteral("dddd00000004"))));
        QVERIFY(writeBytes(scriptIn(root, QStringLiteral("bbbb00000002")),
                           revisionScript(QStringLiteral("bbbb00000002"),
                                          QStringLiteral("aaaa00000001"), QStringLiteral("add email v2"))));
        QVERIFY(writeBytes(scriptIn(root, QStringLiteral("cccc00000003")),
                           revisionScript(QStringLiteral("cccc00000003"),
                                          QStringLiteral("bbbb00000002"), QStringLiteral("orders v2"))));
        QVERIFY(writeBytes(scriptIn(root, QStringLiteral("eeee00000005")),
                           revisionScript(QStringLiteral("eeee00000005"),
                                          QStringLiteral("cccc00000003"), QStringLiteral("invoices"))));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("other")}));
        QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}));

        auto w = open(root + QStringLiteral("/alembic.ini"));
        QVERIFY(w->waitLoaded());
        ScriptPage* edited = openAndType(*w, scriptIn(root, QStringLiteral("bbbb00000002")));
        ScriptPage* deleted = openAndType(*w, scriptIn(root, QStringLiteral("dddd00000004")));
        ScriptPage* clean = w->window.scriptsController()->openScript(scriptIn(root, QStringLiteral("cccc00000003")));
        QVERIFY(edited && deleted && clean);
        const QString editedText = edited->editor()->text();
        const QString deletedText = deleted->editor()->text();

        QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("other")}));
        QTRY_VERIFY_WITH_TIMEOUT(w->window.session()->graph()->contains(QStringLiteral("eeee00000005")),
                                 10000);
        const auto graph = w->window.session()->graph();
        QVERIFY(!graph->contains(QStringLiteral("dddd00000004")));
        QString out;
        QCOMPARE(alembic(root + QStringLiteral("/alembic.ini"), {QStringLiteral("heads")}, &out), 0);
        QStringList heads = graph->heads();
        heads.sort();
        QCOMPARE(heads, idsIn(out));
        QCOMPARE(graph->revision(QStringLiteral("bbbb00000002"))->message, QStringLiteral("add email v2"));
        QTRY_VERIFY_WITH_TIMEOUT(w->scene()->nodeItem(QStringLiteral("eeee00000005")), 10000);

        QTRY_COMPARE_WITH_TIMEOUT(clean->editor()->text().toUtf8(),
                                  readBytes(scriptIn(root, QStringLiteral("cccc00000003"))), 10000);
        QVERIFY(!clean->isModified());
        QTRY_COMPARE_WITH_TIMEOUT(edited->banner()->state(), ScriptBanner::State::ChangedOnDisk, 10000);
        QCOMPARE(edited->editor()->text(), editedText);
        QTRY_COMPARE_WITH_TIMEOUT(deleted->banner()->state(), ScriptBanner::State::Deleted, 10000);
        QCOMPARE(deleted->editor()->text(), deletedText);
        QVERIFY(deleted->isModified());
    }

    // The SQLite file deleted before Refresh: the window says the file is missing (not "at
    // base"), creates nothing, and the runs still plan from base as alembic would.
    void sqliteFileDeletedBeforeRefresh()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root));
        const QString ini = root + QStringLiteral("/alembic.ini");
        QString out;
        QCOMPARE(alembic(ini, {QStringLiteral("upgrade"), QStringLiteral("bbbb00000002")}, &out), 0);
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(),
                 QStringList{QStringLiteral("bbbb00000002")});

        const QString db = root + QStringLiteral("/app.db");
        QVERIFY(QFile::remove(db));
        QVERIFY(w->refresh());
        const DatabaseState state = w->databases()->selectedState();
        QVERIFY(state.isFileMissing());
        QCOMPARE(QDir::cleanPath(state.missingFile()), QDir::cleanPath(db));
        const QString row = DatabaseListModel::stateText(w->window.databasesView()->model()->rows().first());
        QVERIFY2(row.contains(QStringLiteral("file missing")) && !row.contains(QStringLiteral("at base")),
                 qPrintable(row));
        QTRY_VERIFY2(w->scene()->caption().contains(QStringLiteral("app.db is missing")),
                     qPrintable(w->scene()->caption()));
        QVERIFY(!QFileInfo::exists(db)); // reading created nothing
        // a run would create it: the plan says so before anything runs
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QVERIFY(w->runs()->planDialog());
        auto* notice = w->runs()->planDialog()->findChild<QWidget*>(QStringLiteral("planCreatesFile"));
        QVERIFY(notice);
        QVERIFY(notice->findChild<QLabel*>()->text().contains(QDir::toNativeSeparators(db)));
        w->runs()->planDialog()->reject();
        QVERIFY(!QFileInfo::exists(db));
    }

    // A read-only SQLite file (its folder a read-only mount) before Refresh: it reads fine;
    // an upgrade fails, clearly, and the state shown afterwards is what the real alembic reads.
    void sqliteFileReadOnlyBeforeRefresh()
    {
        const QString root = freshFolder();
        QVERIFY(createProject(root, QStringLiteral("data/app.db")));
        QDir().mkpath(root + QStringLiteral("/data"));
        const QString ini = root + QStringLiteral("/alembic.ini");
        QString out;
        QCOMPARE(alembic(ini, {QStringLiteral("upgrade"), QStringLiteral("aaaa00000001")}, &out), 0);
        auto w = open(ini);
        QVERIFY(w->waitLoaded());
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(),
                 QStringList{QStringLiteral("aaaa00000001")});

        const QString data = root + QStringLiteral("/data");
        const QString mounted = mountReadOnly(data);
        QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        auto undo = qScopeGuard([&] { unmount(data); });
        QVERIFY2(!canWriteIn(data), "the read-only mount still takes writes");

        QVERIFY(w->refresh());
        QVERIFY2(w->databases()->selectedState().isReadable(),
                 qPrintable(w->databases()->selectedState().error()));
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(),
                 QStringList{QStringLiteral("aaaa00000001")});

        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QVERIFY(w->runs()->planDialog());
        QCOMPARE(w->confirmAndWait(), RunEvent::Status::Failed);
        const QString log = w->window.logPane()->logText();
        QVERIFY2(log.contains(QStringLiteral("readonly database"), Qt::CaseInsensitive), qPrintable(log.right(2000)));
        QVERIFY2(log.contains(QStringLiteral("failed")), qPrintable(log.right(2000)));
        QCOMPARE(alembic(ini, {QStringLiteral("current")}, &out), 0);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), idsIn(out));
        QCOMPARE(idsIn(out), QStringList{QStringLiteral("aaaa00000001")});
        // the window keeps working: writable again, the same upgrade goes through
        QCOMPARE(unmount(data), QString());
        undo.dismiss();
        QTRY_VERIFY(w->runs()->upgradeHeadsAction()->isEnabled());
        w->runs()->upgradeHeadsAction()->trigger();
        QCOMPARE(w->confirmAndWait(), RunEvent::Status::Succeeded);
        QCOMPARE(alembic(ini, {QStringLiteral("current")}, &out), 0);
        QCOMPARE(w->databases()->selectedState().sortedCurrentRevisions(), idsIn(out));
        QCOMPARE(idsIn(out).size(), 2);
    }
};

int main(int argc, char** argv)
{
    enterPrivateMountNamespace(argc, argv);
    QApplication app(argc, argv);
    TestFaultsFiles test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults_files.moc"
