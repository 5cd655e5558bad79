// Saving one script in Retort's own editor with a large project open, timed to the picture of
// the reloaded graph: the real main window (offscreen), the Save action, the reload it starts,
// the layout and the first paint after the new graph is shown. Not a test (nothing passes or
// fails on time); scripts/bench-start prints its figure beside the others.
//
//   bench_reload CONFIG [--saves N]
//
// One untimed save first (the scan cache then knows every file), then N timed saves, each
// changing the message of the same script (a middle revision). Prints one line:
// "revisions=<n> saves=<N> median_ms=<t> runs=<t1,t2,...>".
#include "app/graphcontroller.h"
#include "app/mainwindow.h"
#include "app/scriptscontroller.h"
#include "app/settings.h"
#include "model/graph/revisiongraph.h"
#include "widgets/editor/scripteditor.h"
#include "widgets/editor/scriptpage.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>

using namespace retort;

namespace {

// The window logs "drawn N revisions in X ms" (category retort.graph) at the first paint after a
// load's picture is shown: the moment a save's reload is on screen.
std::function<void()> g_onDrawn;
QtMessageHandler g_previousHandler = nullptr;

void onMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && qstrcmp(context.category, "retort.graph") == 0 &&
        message.startsWith(QLatin1String("drawn ")) && g_onDrawn)
        g_onDrawn();
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    QString config;
    int saves = 5;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--saves") && i + 1 < args.size())
            saves = std::max(1, args.at(++i).toInt());
        else if (config.isEmpty())
            config = args.at(i);
    }
    if (config.isEmpty()) {
        err << "usage: bench_reload CONFIG [--saves N]\n";
        return 2;
    }

    g_previousHandler = qInstallMessageHandler(onMessage);
    QTemporaryDir home;
    Settings settings(home.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings);
    window.resize(1400, 900);
    window.show();
    window.openProject(config);
    GraphController* graph = window.graphController();
    if (!waitFor([&] { return graph->shownGraph() && !graph->isLayingOut(); }, 120000)) {
        err << "the project was never drawn\n";
        return 3;
    }
    const auto revisions = graph->shownGraph()->revisions();
    const QString path = revisions.at(revisions.size() / 2).path;
    ScriptsController* scripts = window.scriptsController();
    ScriptPage* page = scripts->openScript(path);
    if (!page) {
        err << "could not open " << path << '\n';
        return 3;
    }
    const QString original = page->editor()->text();

    QList<double> times;
    for (int i = 0; i <= saves; ++i) {
        // Settle: files older than the scan cache's racy window, no reload pending.
        QThread::msleep(i == 0 ? 2100 : 300);
        QCoreApplication::processEvents();
        // The message (the docstring's first line) changes; the rest of the file does not.
        QString edited = original;
        const qsizetype quotes = edited.indexOf(QStringLiteral("\"\"\""));
        edited.insert(quotes < 0 ? 0 : quotes + 3, QStringLiteral("Edited %1: ").arg(i));
        page->editor()->setText(edited);
        bool drawn = false;
        double ms = 0;
        QElapsedTimer timer;
        g_onDrawn = [&] {
            ms = timer.nsecsElapsed() / 1e6;
            drawn = true;
        };
        timer.start();
        scripts->saveAction()->trigger();
        const bool ok = waitFor([&] { return drawn; }, 60000);
        g_onDrawn = nullptr;
        if (!ok) {
            err << "no new picture after save " << i << '\n';
            return 3;
        }
        if (i > 0)
            times << ms;
    }
    page->editor()->setText(original);
    scripts->saveAction()->trigger();
    QStringList runs;
    for (double t : times)
        runs << QString::number(t, 'f', 0);
    std::sort(times.begin(), times.end());
    out << "revisions=" << revisions.size() << " saves=" << times.size()
        << " median_ms=" << QString::number(times.at(times.size() / 2), 'f', 0)
        << " runs=" << runs.join(u',') << '\n';
    return 0;
}
