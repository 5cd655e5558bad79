// Soak: upgrade / downgrade cycles of the bookshop demo on a private PostgreSQL server,
// through the runner in one real window (MainWindow, offscreen), driven with the actions a
// person uses: Upgrade All Heads and Downgrade to Selected (the demo's first revision)
// confirmed in the plan dialog. After each cycle, once the version table has been read again
// and the window is idle, it measures this process: RSS (VmRSS), open file descriptors
// (/proc/self/fd) and threads (Threads). Prints a table and a summary; asserts nothing (not a
// test). scripts/bench-soak builds and runs it.
//
//   bench_soak DEMO_DIR [CYCLES] [--clear-log]
//
// --clear-log clears the log (its Clear button) after each cycle: what the window keeps of
// the runs' output is then left out of the growth.
#include "app/databasesession.h"
#include "app/mainwindow.h"
#include "app/projectsession.h"
#include "app/runcontroller.h"
#include "app/settings.h"
#include "model/db/databasestate.h"
#include "model/graph/revisiongraph.h"
#include "support/testfiles.h"
#include "support/testservers.h"
#include "widgets/graph/graphview.h"
#include "widgets/log/logpane.h"
#include "widgets/log/logview.h"
#include "widgets/plan/plandialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <functional>

#include <malloc.h>

using namespace retort;

namespace {

struct Sample
{
    int cycle = 0;
    double rssMb = 0;
    double heapMb = 0; // what malloc has handed out and not got back (mallinfo2)
    int fds = 0;
    int threads = 0;
    double seconds = 0;
    int logLines = 0;
    int objects = 0; // QObjects under the window (dialogs, items, timers left behind)
};

// "VmRSS:    123456 kB" and "Threads:  7" from /proc/self/status.
Sample measure(int cycle, double seconds, int logLines, const QObject* window)
{
    Sample s;
    s.logLines = logLines;
    s.objects = int(window->findChildren<QObject*>().size());
    s.cycle = cycle;
    s.seconds = seconds;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            const QList<QByteArray> words = line.simplified().split(' ');
            if (words.size() < 2)
                continue;
            if (words.first() == "VmRSS:")
                s.rssMb = words.at(1).toDouble() / 1024.0;
            else if (words.first() == "Threads:")
                s.threads = words.at(1).toInt();
        }
    }
    status.close();
    s.heapMb = double(mallinfo2().uordblks) / (1024.0 * 1024.0);
    // the listing itself holds one descriptor open, the same every time
    s.fds = int(QDir(QStringLiteral("/proc/self/fd"))
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                    .size());
    return s;
}

// Runs the event loop until `done` holds (checked every 10 ms) or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Lets queued work (late signals) run for `ms`, then deletes what was let go with
// deleteLater(). A person's clicks arrive from the application's own event loop, where such
// deletions happen as each click returns; here every click is made from main() with no loop
// running and the waits spin nested loops, which never process a deletion posted outside
// them (the plan dialogs, WA_DeleteOnClose, would pile up): this is that return.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// Least-squares slope of y over x.
double slope(const QList<double>& x, const QList<double>& y)
{
    const qsizetype n = x.size();
    if (n < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (qsizetype i = 0; i < n; ++i) {
        sx += x.at(i);
        sy += y.at(i);
        sxx += x.at(i) * x.at(i);
        sxy += x.at(i) * y.at(i);
    }
    const double d = double(n) * sxx - sx * sx;
    return d == 0 ? 0 : (double(n) * sxy - sx * sy) / d;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    const bool clearLog = args.removeAll(QStringLiteral("--clear-log")) > 0;
    if (args.size() < 2) {
        err << "usage: bench_soak DEMO_DIR [CYCLES] [--clear-log]\n";
        return 2;
    }
    const QString demo = QFileInfo(args.at(1)).absoluteFilePath();
    const int cycles = args.size() > 2 ? args.at(2).toInt() : 50;
    constexpr int kWarmUp = 5; // cycles before the figures are compared
    constexpr double kRssBoundMb = 5.0; // after the warm-up

    // PostgreSQL, private to this run; its password reaches libpq (Qt's QPSQL and psycopg2
    // alike) through a password file, so no URL or profile holds it.
    retort::test::TestServers servers(QStringLiteral("/tmp/retort-soak-XXXXXX"));
    if (!servers.valid()) {
        err << "cannot make a temporary folder\n";
        return 3;
    }
    err << "starting PostgreSQL...\n";
    if (const QString problem = servers.startPostgres(); !problem.isEmpty()) {
        err << problem << '\n';
        return 3;
    }
    const retort::test::Run created = servers.psql(QStringLiteral("postgres"),
                                                   QStringLiteral("CREATE DATABASE soak"));
    if (created.exitCode != 0) {
        err << "CREATE DATABASE failed: " << created.describe() << '\n';
        return 3;
    }
    const QString passFile = servers.root() + QStringLiteral("/pgpass");
    {
        QFile f(passFile);
        if (!f.open(QIODevice::WriteOnly))
            return 3;
        f.write("*:*:*:postgres:" + retort::test::kPassword.toUtf8() + '\n');
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    qputenv("PGPASSFILE", passFile.toUtf8());

    // A copy of the demo whose own database is the server's.
    const QString project = servers.root() + QStringLiteral("/demo");
    if (!retort::testsupport::copyTree(demo, project)) {
        err << "cannot copy " << demo << '\n';
        return 3;
    }
    QFile::remove(project + QStringLiteral("/demo.db"));
    const QString ini = project + QStringLiteral("/alembic.ini");
    const QString url = QStringLiteral("postgresql+psycopg2://postgres@/soak?host=%1&port=%2")
                            .arg(servers.pgSocketDir())
                            .arg(servers.pgPort());
    {
        QFile f(ini);
        if (!f.open(QIODevice::ReadOnly))
            return 3;
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        text.replace(QStringLiteral("sqlalchemy.url = sqlite:///%(here)s/demo.db"),
                     QStringLiteral("sqlalchemy.url = ") + url);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 3;
        f.write(text.toUtf8());
    }

    const Sample before = measure(0, 0, 0, &app);
    Settings settings(servers.root() + QStringLiteral("/settings.ini"));
    settings.setPythonInterpreter(RecentProject{ini, QStringLiteral("alembic")},
                                  QStringLiteral(RETORT_TEST_PYTHON));
    auto window = std::make_unique<MainWindow>(settings);
    window->resize(1400, 900);
    window->show();
    window->openProject(ini);
    DatabaseSession* databases = window->databases();
    RunController* runs = window->runController();
    const auto settled = [&] {
        const QString profile = databases->selectedProfile();
        const DatabaseState state = databases->state(profile);
        return !profile.isEmpty() && !databases->isReading(profile) && !state.isNotRead() &&
               state.isReadable() && !runs->isRunning();
    };
    if (!waitFor([&] { return window->session()->project().isLoaded() && settled(); }, 60000)) {
        err << "the demo did not load or its database could not be read: "
            << databases->state(databases->selectedProfile()).error() << '\n';
        return 3;
    }
    const RevisionGraph& graph = *window->session()->project().graph;
    QString root;
    for (const Revision& revision : graph.revisions())
        if (revision.downRevisions.isEmpty())
            root = revision.id;
    const QStringList heads = graph.heads();
    err << "demo: " << graph.size() << " revisions, heads " << heads.join(u' ') << ", first "
        << root << "\n";

    // One run through the plan dialog, as a person confirms it; true when it succeeded and
    // the version table, read again, holds `expected`.
    const auto confirmAndWait = [&](QAction* action, const QStringList& expected) -> bool {
        if (!action->isEnabled()) {
            err << action->text() << " is disabled\n";
            return false;
        }
        action->trigger();
        if (!waitFor([&] { return runs->planDialog() != nullptr; }, 60000)) {
            err << "no plan dialog for " << action->text() << ": " << runs->lastProblem() << '\n';
            return false;
        }
        bool finished = false;
        RunEvent::Status status = RunEvent::Status::Failed;
        const QMetaObject::Connection c = QObject::connect(
            runs, &RunController::runFinished, [&](const QString&, RunEvent::Status s) {
                finished = true;
                status = s;
            });
        runs->planDialog()->confirmButton()->click();
        const bool ended = waitFor([&] { return finished; }, 600000);
        QObject::disconnect(c);
        if (!ended || status != RunEvent::Status::Succeeded) {
            err << action->text() << " did not succeed\n";
            return false;
        }
        if (!waitFor([&] {
                return settled() &&
                       databases->selectedState().sortedCurrentRevisions() == expected;
            },
                     60000)) {
            err << "after " << action->text() << " the version table holds "
                << databases->selectedState().sortedCurrentRevisions().join(u' ') << '\n';
            return false;
        }
        return true;
    };
    QStringList sortedHeads = heads;
    sortedHeads.sort();

    QList<Sample> samples;
    settle(500);
    LogView* log = window->logPane()->logView();
    samples << measure(0, 0, log->lineCount(), window.get());
    out << QStringLiteral("%1 %2 %7 %3 %4 %8 %5 %6\n")
               .arg(QStringLiteral("cycle"), 5)
               .arg(QStringLiteral("RSS MB"), 8)
               .arg(QStringLiteral("fds"), 5)
               .arg(QStringLiteral("threads"), 7)
               .arg(QStringLiteral("s/cycle"), 7)
               .arg(QStringLiteral("log lines"), 9)
               .arg(QStringLiteral("heap MB"), 8)
               .arg(QStringLiteral("objects"), 7);
    const auto print = [&](const Sample& s) {
        out << QStringLiteral("%1 %2 %7 %3 %4 %8 %5 %6\n")
                   .arg(s.cycle, 5)
                   .arg(s.rssMb, 8, 'f', 1)
                   .arg(s.fds, 5)
                   .arg(s.threads, 7)
                   .arg(s.seconds, 7, 'f', 1)
                   .arg(s.logLines, 9)
                   .arg(s.heapMb, 8, 'f', 2)
                   .arg(s.objects, 7);
        out.flush();
    };
    print(samples.last());
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        QElapsedTimer t;
        t.start();
        if (!confirmAndWait(runs->upgradeHeadsAction(), sortedHeads))
            return 1;
        if (!window->graphView()->selectRevision(root)) {
            err << "cannot select " << root << " in the graph\n";
            return 1;
        }
        settle(0);
        if (!confirmAndWait(runs->downgradeSelectedAction(), {root}))
            return 1;
        const double seconds = t.nsecsElapsed() / 1e9;
        const int logLines = log->lineCount();
        if (clearLog)
            log->clearLog();
        settle(200);
        samples << measure(cycle, seconds, logLines, window.get());
        print(samples.last());
    }

    // Summary: from the end of the warm-up to the last cycle.
    const Sample& from = samples.at(qMin(kWarmUp, int(samples.size()) - 1));
    const Sample& last = samples.last();
    out << QStringLiteral("\nfrom cycle %1 to %2 (%3 upgrade/downgrade cycles of %4 revisions "
                          "on PostgreSQL%5):\n")
               .arg(from.cycle)
               .arg(last.cycle)
               .arg(cycles)
               .arg(graph.size())
               .arg(clearLog ? QStringLiteral(", the log cleared after each") : QString());
    bool stable = true;
    // One line per figure: first -> last, growth, least-squares slope per cycle, the bound.
    const auto summarize = [&](const QString& name, double (*value)(const Sample&), int decimals,
                               double allowedGrowth, const QString& bound) {
        QList<double> x, y;
        for (const Sample& s : std::as_const(samples)) {
            if (s.cycle >= from.cycle) {
                x << s.cycle;
                y << value(s);
            }
        }
        const double growth = value(last) - value(from);
        const bool ok = growth <= allowedGrowth;
        stable = stable && ok;
        out << QStringLiteral("  %1 %2 -> %3, growth %4, slope %5/cycle   bound: %6  %7\n")
                   .arg(name, -8)
                   .arg(value(from), 0, 'f', decimals)
                   .arg(value(last), 0, 'f', decimals)
                   .arg(growth, 0, 'f', decimals)
                   .arg(slope(x, y), 0, 'f', 3)
                   .arg(bound, ok ? QStringLiteral("ok") : QStringLiteral("EXCEEDED"));
    };
    const QString noMore = QStringLiteral("no more than at cycle %1").arg(from.cycle);
    summarize(QStringLiteral("RSS MB"), [](const Sample& s) { return s.rssMb; }, 1, kRssBoundMb,
              QStringLiteral("growth <= %1 MB").arg(kRssBoundMb, 0, 'f', 0));
    summarize(QStringLiteral("heap MB"), [](const Sample& s) { return s.heapMb; }, 2,
              kRssBoundMb, QStringLiteral("growth <= %1 MB").arg(kRssBoundMb, 0, 'f', 0));
    summarize(QStringLiteral("fds"), [](const Sample& s) { return double(s.fds); }, 0, 0, noMore);
    summarize(QStringLiteral("threads"), [](const Sample& s) { return double(s.threads); }, 0, 0,
              noMore);
    summarize(QStringLiteral("objects"), [](const Sample& s) { return double(s.objects); }, 0, 0,
              noMore);
    out << QStringLiteral("  verdict  %1\n")
               .arg(stable ? QStringLiteral("stable") : QStringLiteral("GROWING (see above)"));
    // Closing the window ends its worker threads (layout, version table reads, runner); the
    // global pool's idle threads would end after 30 s, waitForDone() ends them now.
    window.reset();
    settle(500);
    QThreadPool::globalInstance()->waitForDone(10000);
    const Sample closed = measure(last.cycle, 0, 0, &app);
    out << QStringLiteral("  after the window closed and the idle pool threads ended: RSS %1 MB, fds %2, threads %3 (at start, "
                          "before the window: fds %4, threads %5)\n")
               .arg(closed.rssMb, 0, 'f', 1)
               .arg(closed.fds)
               .arg(closed.threads)
               .arg(before.fds)
               .arg(before.threads);
    out.flush();
    return 0;
}
