// Browsing runs no project code (issue 14): opening a project and browsing it in the real
// window (graph, list, search, details, scripts in the editor, diagnostics, export, Refresh of
// the database state) and through every retort-cli command that runs no migration imports
// nothing of the project and starts no Python, alembic or other program.
//
// The project (tests/fixtures/nocode_project) leaves a mark in a folder outside it whenever
// one of its Python files is imported (env.py and each revision, at module level); a folder
// first on PATH holds recorders named python3, python, alembic, dot, sh, bash, env and git
// that note every call (program, folder, arguments) in a log. Where Retort looks for the
// project's Python is a recorder too: a `.venv` in the project, the configured interpreter,
// `alembic` on PATH (one row each). For the window, a process started by any other path would
// show too: the CPU time of reaped children (getrusage) must not move, and none may be
// running. The same test then proves it could have seen a call:
// the SQL preview (an explicit action) is recorded, and the real alembic leaves the marks.
#include "support/testfiles.h"
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "model/config/connectionprofile.h"
#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "widgets/details/revisiondetailsview.h"
#include "widgets/diagnostics/diagnosticsview.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/plan/plandialog.h"
#include "widgets/plan/sqlpreviewdialog.h"
#include "widgets/revisions/revisionlistview.h"
#include "widgets/editor/scripttabs.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace retort;

namespace {

const QStringList kRevisions = {
    QStringLiteral("1a2b3c4d5e6f"), QStringLiteral("2b3c4d5e6f7a"), QStringLiteral("3c4d5e6f7a8b"),
    QStringLiteral("4d5e6f7a8b9c"), QStringLiteral("5e6f7a8b9c0d"), QStringLiteral("6f7a8b9c0d1e")};

// The programs a folder first on PATH records; git is let through to the real one (a
// read-only query would be allowed), every other exits at once.
const QStringList kRecorded = {QStringLiteral("python3"), QStringLiteral("python"),
                               QStringLiteral("python3.11"), QStringLiteral("alembic"),
                               QStringLiteral("dot"), QStringLiteral("sh"), QStringLiteral("bash"),
                               QStringLiteral("env"), QStringLiteral("git")};
// git subcommands that only read
const QStringList kReadOnlyGit = {QStringLiteral("log"), QStringLiteral("rev-parse"),
                                  QStringLiteral("status"), QStringLiteral("show"),
                                  QStringLiteral("ls-files"), QStringLiteral("cat-file"),
                                  QStringLiteral("blame"), QStringLiteral("diff")};

bool writeFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return false;
    f.close();
    return !executable || f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}

QByteArray shellQuote(const QString& s)
{
    QByteArray q = s.toUtf8();
    q.replace('\'', "'\\''");
    return '\'' + q + '\'';
}

// A script that appends "$0 <TAB> cwd <TAB> args..." to `log`; then `tail` (exit 0).
QByteArray recorder(const QString& log, const QByteArray& tail = "exit 0\n")
{
    return "#!/bin/sh\n"
           "# tst_browsingrunsnocode: notes the call and starts nothing\n"
           "{ printf '%s\\t%s' \"$0\" \"$PWD\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done;"
           " printf '\\n'; } >> "
           + shellQuote(log) + "\n" + tail;
}

struct Call
{
    QString program;
    QString cwd;
    QStringList arguments;
    QString describe() const
    {
        return QStringLiteral("%1 %2   (in %3)").arg(program, arguments.join(u' '), cwd);
    }
};

QList<Call> readCalls(const QString& log)
{
    QList<Call> calls;
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return calls;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        QStringList fields = line.split(u'\t');
        Call call;
        call.program = fields.takeFirst();
        call.cwd = fields.isEmpty() ? QString() : fields.takeFirst();
        call.arguments = fields;
        calls << call;
    }
    return calls;
}

QString describe(const QList<Call>& calls)
{
    QStringList lines;
    for (const Call& c : calls)
        lines << c.describe();
    return lines.join(u'\n');
}

// Calls browsing must not make: all but read-only git queries.
QList<Call> forbidden(const QList<Call>& calls)
{
    QList<Call> bad;
    for (const Call& c : calls) {
        const bool git = QFileInfo(c.program).fileName() == QLatin1String("git");
        const QString sub = c.arguments.value(0);
        if (!git || !kReadOnlyGit.contains(sub))
            bad << c;
    }
    return bad;
}

// CPU time of every child process this process has reaped (and theirs), in microseconds: any
// program started and ended, found on PATH or not, adds to it.
qint64 reapedChildrenCpuUs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000 + u.ru_utime.tv_usec +
           u.ru_stime.tv_usec;
}

// The children of this process still running (/proc/self/task/*/children).
QStringList liveChildren()
{
    QStringList pids;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(task + QStringLiteral("/children")));
        if (f.open(QIODevice::ReadOnly))
            pids << QString::fromLatin1(f.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return pids;
}

bool makeDatabase(const QString& path, const QString& revision)
{
    const QString name = QStringLiteral("nocode-") + path;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) "
                                       "NOT NULL PRIMARY KEY)")) &&
                 q.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(revision));
            if (!ok)
                qWarning() << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

struct CliRun
{
    QStringList args;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestBrowsingRunsNoCode : public QObject
{
    Q_OBJECT

private slots:
    void browsingStartsNothing_data();
    void browsingStartsNothing();

private:
    // Copies the fixture with the marker folder filled in; true when done.
    bool makeProject(const QString& root, const QString& markerDir);
    CliRun cli(const QStringList& args, const QString& cwd, const QProcessEnvironment& env);
};

bool TestBrowsingRunsNoCode::makeProject(const QString& root, const QString& markerDir)
{
    const QString fixture = QStringLiteral(RETORT_FIXTURES_DIR "/nocode_project");
    if (!retort::testsupport::copyTree(fixture, root))
        return false;
    QDirIterator it(root, {QStringLiteral("*.py"), QStringLiteral("*.ini")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QByteArray text = f.readAll();
        f.close();
        text.replace("@MARKER_DIR@", markerDir.toUtf8());
        if (!writeFile(path, text))
            return false;
    }
    return makeDatabase(root + QStringLiteral("/app.db"), QStringLiteral("4d5e6f7a8b9c")) &&
           makeDatabase(root + QStringLiteral("/other.db"), QStringLiteral("3c4d5e6f7a8b"));
}

CliRun TestBrowsingRunsNoCode::cli(const QStringList& args, const QString& cwd,
                                   const QProcessEnvironment& env)
{
    CliRun r;
    r.args = args;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(RETORT_CLI_PATH), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestBrowsingRunsNoCode::browsingStartsNothing_data()
{
    QTest::addColumn<QString>("layout");
    // How Retort finds the project's alembic (AlembicProgram::find), each pointing at a recorder.
    QTest::newRow("venv in the project") << QStringLiteral("venv");
    QTest::newRow("configured interpreter") << QStringLiteral("interpreter");
    QTest::newRow("alembic on PATH") << QStringLiteral("path");
}

void TestBrowsingRunsNoCode::browsingStartsNothing()
{
    QFETCH(QString, layout);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(QStringLiteral("project"));
    const QString markers = dir.filePath(QStringLiteral("markers"));
    const QString marker = markers + QStringLiteral("/imported");
    const QString bin = dir.filePath(QStringLiteral("bin"));
    const QString log = dir.filePath(QStringLiteral("calls.log"));
    QVERIFY(QDir().mkpath(markers));
    QVERIFY(makeProject(root, markers));
    const QString ini = root + QStringLiteral("/alembic.ini");

    // The recorders, first on PATH.
    for (const QString& name : kRecorded) {
        const QByteArray tail = name == QLatin1String("git")
                                    ? QByteArray("exec /usr/bin/git \"$@\"\n")
                                    : QByteArray("exit 0\n");
        QVERIFY(writeFile(bin + u'/' + name, recorder(log, tail), true));
    }
    // alembic on PATH as pip writes it, run by the python3 found on PATH (a recorder)
    QVERIFY(writeFile(bin + QStringLiteral("/alembic"),
                      "#!/usr/bin/env python3\nimport sys\nfrom alembic.config import main\n"
                      "sys.exit(main())\n",
                      true));
    QString expectedInterpreter = bin + QStringLiteral("/python3");
    if (layout == QLatin1String("venv")) {
        // a venv's alembic script whose #! names the venv's python (a recorder)
        const QString venvPython = root + QStringLiteral("/.venv/bin/python");
        QVERIFY(writeFile(venvPython, recorder(log), true));
        QVERIFY(writeFile(root + QStringLiteral("/.venv/bin/alembic"),
                          "#!" + venvPython.toUtf8() +
                              "\nimport sys\nfrom alembic.config import main\nsys.exit(main())\n",
                          true));
        QVERIFY(writeFile(root + QStringLiteral("/.venv/pyvenv.cfg"),
                          "home = " + bin.toUtf8() + "\ninclude-system-site-packages = false\n"));
        expectedInterpreter = venvPython;
    }

    const QByteArray savedPath = qgetenv("PATH");
    const auto restorePath = qScopeGuard([&] { qputenv("PATH", savedPath); });
    qputenv("PATH", bin.toUtf8() + ':' + savedPath);

    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    if (layout == QLatin1String("interpreter"))
        settings.setPythonInterpreter(RecentProject{ini, QStringLiteral("alembic")},
                                      bin + QStringLiteral("/python3"));

    {
        MainWindow window(settings);
        window.resize(1200, 800);
        window.show();
        // Load.
        const qint64 childCpuBefore = reapedChildrenCpuUs();
        window.openProject(ini);
        DatabaseSession* databases = window.databases();
        GraphScene* scene = window.graphView()->graphScene();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->project().isLoaded() &&
                                     !databases->profiles().isEmpty() &&
                                     databases->selectedState().isReadable() &&
                                     scene->nodeItems().size() == kRevisions.size(),
                                 30000);
        // Retort knows the recorder as the project's Python: it could have started it.
        QCOMPARE(window.session()->project().alembic.interpreter, expectedInterpreter);
        QCOMPARE(window.session()->project().graph->size(), kRevisions.size());
        QCOMPARE(databases->selectedState().sortedCurrentRevisions(),
                 QStringList{QStringLiteral("4d5e6f7a8b9c")});
        // Lint: the marker code is read as the module-level code it is.
        QCOMPARE(window.diagnosticsView()->count(), 0);

        // Select every revision in the graph, then in the list: the details follow.
        for (const QString& id : kRevisions) {
            QVERIFY(window.graphView()->selectRevision(id));
            QTRY_COMPARE(window.detailsView()->shownRevision(), id);
        }
        for (const QString& id : kRevisions) {
            QVERIFY(window.revisionList()->setCurrentRevision(id));
            QTRY_COMPARE(window.detailsView()->shownRevision(), id);
        }
        // Search the graph and filter the list.
        QVERIFY(window.graphView()->findAndSelect(QStringLiteral("feature")));
        window.graphView()->setSearchText(QStringLiteral("orders"));
        QVERIFY(window.graphView()->findNext());
        QVERIFY(window.graphView()->findPrevious());
        window.graphView()->setSearchText(QString());
        window.revisionList()->setFilterText(QStringLiteral("users"));
        QCOMPARE(window.revisionList()->visibleCount(), 2);
        window.revisionList()->setFilterText(QString());

        // Open every script in the editor, env.py and the template too, by each way there is.
        ScriptsController* scripts = window.scriptsController();
        for (const QString& id : kRevisions)
            QVERIFY(scripts->openRevision(id));
        QVERIFY(scripts->openScript(root + QStringLiteral("/migrations/env.py"), 5));
        QVERIFY(scripts->openScript(root + QStringLiteral("/migrations/script.py.mako")));
        emit window.revisionList()->revisionActivated(kRevisions.first());
        emit window.detailsView()->openScriptRequested(
            root + QStringLiteral("/migrations/versions/5e6f7a8b9c0d_merge.py"));
        emit window.diagnosticsView()->diagnosticActivated(
            root + QStringLiteral("/migrations/env.py"), 3);
        QCOMPARE(window.scriptTabs()->pages().size(), kRevisions.size() + 2);

        // Export the graph picture in every format.
        for (const char* suffix : {"svg", "png", "dot"}) {
            const QString file = dir.filePath(QStringLiteral("graph.") + QLatin1String(suffix));
            QString error = QStringLiteral("not finished");
            window.exportGraph(file, [&error](const QString& e) { error = e; });
            QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("not finished"), 20000);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(QFileInfo(file).size() > 0);
        }

        // Another SQLite profile, selected and read; Refresh both; reload the project.
        ConnectionProfile other(QStringLiteral("other"),
                                QStringLiteral("sqlite:///") + root + QStringLiteral("/other.db"));
        QVERIFY(databases->saveProfile(other));
        databases->setSelectedProfile(QStringLiteral("other"));
        QTRY_VERIFY_WITH_TIMEOUT(databases->state(QStringLiteral("other")).isReadable(), 20000);
        QCOMPARE(databases->state(QStringLiteral("other")).sortedCurrentRevisions(),
                 QStringList{QStringLiteral("3c4d5e6f7a8b")});
        window.runController()->refreshAction()->trigger();
        databases->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!databases->isReading(QStringLiteral("other")), 20000);
        QSignalSpy reloaded(window.session(), &ProjectSession::loaded);
        window.session()->reload();
        QVERIFY(reloaded.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItems().size() == kRevisions.size(), 30000);
        QTest::qWait(300); // let what was started in the background end
        // No process at all, by any path, was started by the window (git would be allowed).
        const QList<Call> windowCalls = readCalls(log);
        QVERIFY2(forbidden(windowCalls).isEmpty(),
                 qPrintable(QStringLiteral("the window started:\n") + describe(windowCalls)));
        QVERIFY2(liveChildren().isEmpty(), qPrintable(liveChildren().join(u' ')));
        const qint64 childCpuAfter = reapedChildrenCpuUs();
        QVERIFY2(!windowCalls.isEmpty() || childCpuAfter == childCpuBefore,
                 qPrintable(QStringLiteral("the window started a process by another path: its "
                                           "children's CPU time grew from %1 to %2 µs")
                                .arg(childCpuBefore)
                                .arg(childCpuAfter)));

        // Every retort-cli command that runs no migration, with and without --json.
        const QString png = dir.filePath(QStringLiteral("cli.png"));
        const QString svg = dir.filePath(QStringLiteral("cli.svg"));
        const QString dotFile = dir.filePath(QStringLiteral("cli.dot"));
        const QString otherUrl = QStringLiteral("sqlite:///") + root + QStringLiteral("/other.db");
        const QList<QPair<QStringList, int>> commands = {
            {{QStringLiteral("--version")}, 0},
            {{QStringLiteral("--help")}, 0},
            {{QStringLiteral("graph"), QStringLiteral("--json")}, 0},
            {{QStringLiteral("graph")}, 2},
            {{QStringLiteral("heads")}, 0},
            {{QStringLiteral("heads"), QStringLiteral("--json")}, 2},
            {{QStringLiteral("history")}, 0},
            {{QStringLiteral("history"), QStringLiteral("--json")}, 2},
            {{QStringLiteral("lint")}, 0},
            {{QStringLiteral("lint"), QStringLiteral("--json")}, 0},
            {{QStringLiteral("lint"), QStringLiteral("--alembic-version"), QStringLiteral("1.8.1")}, 0},
            {{QStringLiteral("current")}, 0},
            {{QStringLiteral("current"), QStringLiteral("--url"), otherUrl}, 0},
            {{QStringLiteral("plan"), QStringLiteral("upgrade"), QStringLiteral("heads")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("upgrade"), QStringLiteral("heads"),
              QStringLiteral("--json")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("downgrade"), QStringLiteral("base"),
              QStringLiteral("--url"), otherUrl, QStringLiteral("--json")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("upgrade"), QStringLiteral("feature@head"),
              QStringLiteral("--at-base")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("downgrade"), QStringLiteral("-1"),
              QStringLiteral("--current"), QStringLiteral("6f7a8b9c0d1e"), QStringLiteral("--json")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("stamp"), QStringLiteral("heads")}, 0},
            {{QStringLiteral("plan"), QStringLiteral("stamp"), QStringLiteral("3c4d5e6f7a8b"),
              QStringLiteral("--purge"), QStringLiteral("--json")}, 0},
            {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("png"),
              QStringLiteral("-o"), png}, 0},
            {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("svg"),
              QStringLiteral("-o"), svg}, 0},
            {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("dot"),
              QStringLiteral("-o"), dotFile}, 0},
        };
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // PATH as set
        QVERIFY(env.value(QStringLiteral("PATH")).startsWith(bin + u':'));
        for (const auto& [args, expected] : commands) {
            // from the project's folder (./alembic.ini) and with -c from elsewhere
            for (const bool inProject : {true, false}) {
                const QStringList full =
                    inProject ? args : QStringList{QStringLiteral("-c"), ini} + args;
                const CliRun r = cli(full, inProject ? root : dir.path(), env);
                QVERIFY2(r.exitCode == expected,
                         qPrintable(QStringLiteral("retort-cli %1: exit %2, not %3\n%4\n%5")
                                        .arg(full.join(u' '))
                                        .arg(r.exitCode)
                                        .arg(expected)
                                        .arg(r.out.left(2000), r.err.left(2000))));
            }
        }
        QVERIFY(QFileInfo(png).size() > 0 && QFileInfo(svg).size() > 0 &&
                QFileInfo(dotFile).size() > 0);

        // Nothing imported, nothing started.
        QVERIFY2(!QFile::exists(marker), qPrintable(QStringLiteral("project code was imported:\n") +
                                                    QString::fromUtf8([&] {
                                                        QFile f(marker);
                                                        return f.open(QIODevice::ReadOnly)
                                                                   ? f.readAll()
                                                                   : QByteArray();
                                                    }())));
        const QList<Call> browsed = forbidden(readCalls(log));
        QVERIFY2(browsed.isEmpty(),
                 qPrintable(QStringLiteral("browsing started:\n") + describe(browsed)));

        // Control: an explicit action (the SQL preview of Upgrade All Heads) is recorded, by
        // the recorder Retort found. (It may ask the interpreter for its alembic first.)
        databases->setSelectedProfile(databases->profiles().first().name());
        window.runController()->upgradeHeadsAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.runController()->planDialog(), 30000);
        PlanDialog* dialog = window.runController()->planDialog();
        auto* preview = dialog->findChild<QPushButton*>(QStringLiteral("previewSql"));
        QVERIFY(preview);
        preview->click();
        const auto sqlCall = [&] {
            for (const Call& c : readCalls(log))
                if (c.arguments.contains(QStringLiteral("--sql")))
                    return c;
            return Call{};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!sqlCall().program.isEmpty(), 30000);
        QCOMPARE(sqlCall().program, expectedInterpreter);
        QCOMPARE(sqlCall().cwd, root);
        QVERIFY2(sqlCall().arguments.contains(QStringLiteral("upgrade")),
                 qPrintable(sqlCall().describe()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.runController()->runner() ||
                                     !window.runController()->isRunning(),
                                 30000);
        if (window.runController()->sqlPreview())
            window.runController()->sqlPreview()->reject();
        dialog->reject();
        QVERIFY(!QFile::exists(marker)); // a recorder imports nothing
        qInfo().noquote() << "the explicit action was recorded:\n" << describe(readCalls(log));
    }

    // Control: the real alembic imports the revisions and env.py, and each leaves its mark.
    QString output;
    const QStringList alembic = {QStringLiteral("-m"), QStringLiteral("alembic"),
                                 QStringLiteral("-c"), ini, QStringLiteral("current")};
    qputenv("PATH", savedPath);
    QVERIFY2(retort::testsupport::runProcess(QStringLiteral(RETORT_TEST_PYTHON), alembic, root,
                                             &output),
             qPrintable(output));
    QFile f(marker);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString marks = QString::fromUtf8(f.readAll());
    QVERIFY2(marks.contains(QStringLiteral("env.py pid=")), qPrintable(marks));
    for (const QString& id : kRevisions)
        QVERIFY2(marks.contains(id + u'_'), qPrintable(marks));
}

QTEST_MAIN(TestBrowsingRunsNoCode)
#include "tst_browsingrunsnocode.moc"
