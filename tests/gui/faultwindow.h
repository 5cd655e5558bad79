#pragma once

// What the fault suites (tst_faults_files, tst_faults_runs) share: the real main window on a
// project, the real alembic's own answer to "where does this database stand", a plan
// confirmed and waited for, and mounts that make writes fail even for root.
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "support/testfiles.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/graphview.h"
#include "widgets/plan/plandialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cstdlib>
#include <vector>

#include <unistd.h>

namespace retort::test {

inline const QString kPython = QStringLiteral(RETORT_TEST_PYTHON);

// Runs `program` to its end; stdout and stderr merged. The exit code, or -1.
inline int runTool(const QString& program, const QStringList& args, const QString& cwd,
                   QString* output = nullptr, int timeoutMs = 120000)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// `python3 -m alembic -c ini <args>` in the ini's folder (the real alembic); its output.
inline int alembic(const QString& ini, const QStringList& args, QString* output = nullptr,
                   const QStringList& extra = {})
{
    return runTool(kPython,
                   QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                               ini} +
                       extra + args,
                   QFileInfo(ini).absolutePath(), output);
}

// The revision ids alembic prints first on its lines (`current`, `heads`), sorted.
inline QStringList idsIn(const QString& output)
{
    static const QRegularExpression line(QStringLiteral("^([0-9a-f]{6,})( \\(.*\\))?\\s*$"),
                                         QRegularExpression::MultilineOption);
    QStringList ids;
    for (auto it = line.globalMatch(output); it.hasNext();)
        ids << it.next().captured(1);
    ids.sort();
    return ids;
}

// Makes `folder` refuse writes, root's included: a read-only bind mount over it (the fault
// suites run in a mount namespace of their own, see their main()). "" or why not.
inline QString mountReadOnly(const QString& folder)
{
    QString out;
    if (runTool(QStringLiteral("mount"), {QStringLiteral("--bind"), folder, folder}, {}, &out) != 0)
        return QStringLiteral("mount --bind: ") + out;
    if (runTool(QStringLiteral("mount"),
                {QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), folder}, {}, &out) != 0)
        return QStringLiteral("mount -o remount,bind,ro: ") + out;
    return {};
}

inline QString unmount(const QString& folder)
{
    QString out;
    return runTool(QStringLiteral("umount"), {folder}, {}, &out) == 0 ? QString() : out;
}

// Whether a new file can be written in `folder` (the proof that a read-only or full mount
// really refuses, so that no test passes vacuously).
inline bool canWriteIn(const QString& folder, qint64 bytes = 1)
{
    const QString probe = QDir(folder).filePath(QStringLiteral(".write-probe"));
    bool written = false;
    {
        QFile f(probe);
        if (f.open(QIODevice::WriteOnly))
            written = f.write(QByteArray(bytes, 'x')) == bytes && f.flush();
    }
    QFile::remove(probe);
    return written;
}

// Before QApplication: runs this test again in a private mount namespace (`unshare -m`, or
// `unshare -rm` for a user that is not root: root of its own user namespace), so that the
// mounts the tests make are the process's alone and vanish with it, whatever happens. When
// unshare cannot run, the tests that mount fail and say why.
inline void enterPrivateMountNamespace(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet("RETORT_FAULTS_NAMESPACE"))
        return;
    qputenv("RETORT_FAULTS_NAMESPACE", "1");
    const char* flag = geteuid() == 0 ? "-m" : "-rm";
    // a container without the right to unshare: stay, and let the mounts fail with the reason
    const QByteArray probe = QByteArray("unshare ") + flag + " --propagation private true >/dev/null 2>&1";
    if (std::system(probe.constData()) != 0) {
        qWarning("unshare %s is not allowed here: the tests that mount will fail and say why", flag);
        return;
    }
    QList<QByteArray> args{"unshare", flag, "--propagation", "private", "--"};
    for (int i = 0; i < argc; ++i)
        args << QByteArray(argv[i]);
    std::vector<char*> raw;
    for (QByteArray& a : args)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    execvp("unshare", raw.data());
    qWarning("unshare failed to start: the tests that mount will fail");
}

// The real main window on `ini`, its alembic the test's Python.
struct FaultWindow
{
    FaultWindow(const QString& settingsFile, const QString& ini)
        : settings(settingsFile), window(settings)
    {
        settings.setPythonInterpreter(
            RecentProject{QFileInfo(ini).absoluteFilePath(), QStringLiteral("alembic")}, kPython);
        window.resize(1400, 900);
        window.show();
        window.openProject(ini);
    }
    Settings settings;
    MainWindow window;
    RunController* runs() { return window.runController(); }
    DatabaseSession* databases() { return window.databases(); }
    GraphScene* scene() { return window.graphView()->graphScene(); }
    QString profile() { return databases()->selectedProfile(); }

    // The graph drawn, the selected database read (readable or not).
    bool waitLoaded(int timeoutMs = 30000)
    {
        return QTest::qWaitFor(
            [&] {
                return window.session()->graph() && !scene()->nodeItems().isEmpty() &&
                       !profile().isEmpty() && databases()->hasState(profile()) &&
                       !databases()->isReading(profile());
            },
            timeoutMs);
    }
    // Refresh, then wait for the read to come back.
    bool refresh(int timeoutMs = 60000)
    {
        runs()->refreshAction()->trigger();
        return QTest::qWaitFor([&] { return !databases()->isReading(profile()); }, timeoutMs);
    }
    // Confirms the plan on screen, waits for the run's end and the read after it.
    RunEvent::Status confirmAndWait(int timeoutMs = 120000)
    {
        PlanDialog* dialog = runs()->planDialog();
        if (!dialog)
            return RunEvent::Status::FailedToStart;
        QSignalSpy finished(runs(), &RunController::runFinished);
        QTest::keyClick(dialog, Qt::Key_Return);
        if (!finished.wait(timeoutMs) && finished.isEmpty())
            return RunEvent::Status::FailedToStart;
        (void)QTest::qWaitFor([&] { return !databases()->isReading(profile()); }, 60000);
        return finished.first().at(1).value<RunEvent::Status>();
    }
};

} // namespace retort::test
