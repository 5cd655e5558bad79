// Times `alembic upgrade heads` run directly (one QProcess, the same program, arguments and
// environment) against the same command through AlembicRunner (start -> Finished), each on
// a fresh SQLite database, alternating, median printed. Not a test; scripts/bench-run runs
// it on a generated 1,000-revision project.
//
//   bench_runner CONFIG [REPEATS] [INTERPRETER]
//
// The database is the ini's sqlite.url file, which must be given as DB in the environment
// variable RETORT_BENCH_DB so it can be removed before each run.
#include "model/run/alembicrunner.h"
#include "model/run/runcommand.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

#include <sys/resource.h>

using namespace retort;

namespace {

// CPU time this process (all its threads, not alembic) has used, in seconds: what the runner
// itself costs, whatever else the machine is doing at the time.
double ownCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    const QString db = qEnvironmentVariable("RETORT_BENCH_DB");
    if (args.size() < 2 || db.isEmpty()) {
        err << "usage: RETORT_BENCH_DB=FILE bench_runner CONFIG [REPEATS] [INTERPRETER]\n";
        return 2;
    }
    const int repeats = args.size() > 2 ? args.at(2).toInt() : 3;

    RunRequest request;
    request.command = {QStringLiteral("upgrade"), QStringLiteral("heads")};
    request.configPath = QFileInfo(args.at(1)).absoluteFilePath();
    request.workingDirectory = QFileInfo(request.configPath).absolutePath();
    request.interpreter = args.size() > 3 ? args.at(3) : QStringLiteral("/usr/bin/python3");
    request.databaseKey = QStringLiteral("bench");

    const Result<AlembicProgram> program =
        AlembicProgram::find(request.workingDirectory, request.interpreter);
    if (!program) {
        err << program.error() << '\n';
        return 3;
    }
    const Result<RunCommand> command = RunCommand::build(request, *program);
    if (!command) {
        err << command.error() << '\n';
        return 3;
    }

    QList<double> directCpu, runnerCpu;

    // Directly: one QProcess, output collected, waited for (fine in a benchmark).
    auto direct = [&]() -> double {
        QFile::remove(db);
        QProcess p;
        p.setProgram(command->program);
        p.setArguments(command->arguments);
        p.setProcessEnvironment(command->environment);
        p.setWorkingDirectory(command->workingDirectory);
        const double cpu0 = ownCpuSeconds();
        QElapsedTimer t;
        t.start();
        p.start();
        if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            err << "direct run failed: " << p.readAllStandardError().right(2000) << '\n';
            return -1;
        }
        const double s = t.nsecsElapsed() / 1e9;
        const int lines = int(p.readAllStandardError().count('\n'));
        directCpu << ownCpuSeconds() - cpu0;
        err << "  direct: " << s << " s, " << lines << " stderr lines\n";
        return s;
    };

    AlembicRunner runner;
    auto throughRunner = [&]() -> double {
        QFile::remove(db);
        QEventLoop loop;
        int progress = 0, lines = 0;
        RunEvent::Status status = RunEvent::Status::Failed;
        QObject::connect(&runner, &AlembicRunner::event, &loop, [&](const RunEvent& e) {
            if (e.kind == RunEvent::Kind::Progress)
                ++progress;
            else if (e.kind == RunEvent::Kind::Output)
                ++lines;
            else if (e.kind == RunEvent::Kind::Finished) {
                status = e.status;
                loop.quit();
            }
        });
        const double cpu0 = ownCpuSeconds();
        QElapsedTimer t;
        t.start();
        runner.start(request);
        loop.exec();
        const double s = t.nsecsElapsed() / 1e9;
        runnerCpu << ownCpuSeconds() - cpu0;
        if (status != RunEvent::Status::Succeeded) {
            err << "runner run failed\n";
            return -1;
        }
        err << "  runner: " << s << " s, " << lines << " lines, " << progress
            << " progress events\n";
        return s;
    };

    err << "warm-up (bytecode cache)\n";
    if (direct() < 0)
        return 1;
    directCpu.clear();
    QList<double> directTimes, runnerTimes;
    for (int i = 0; i < repeats; ++i) {
        // Alternate which goes first so that neither always meets a warmer machine.
        const bool runnerFirst = i % 2 == 1;
        const double a = runnerFirst ? throughRunner() : direct();
        const double b = runnerFirst ? direct() : throughRunner();
        if (a < 0 || b < 0)
            return 1;
        directTimes << (runnerFirst ? b : a);
        runnerTimes << (runnerFirst ? a : b);
    }
    const double d = median(directTimes);
    const double r = median(runnerTimes);
    out << QStringLiteral("alembic upgrade heads directly\t%1 s\n").arg(d, 0, 'f', 3);
    out << QStringLiteral("through AlembicRunner\t%1 s\n").arg(r, 0, 'f', 3);
    out << QStringLiteral("ratio (runner / direct)\t%1x\n").arg(r / d, 0, 'f', 3);
    // On a shared machine the fastest run of each is the least disturbed one: the ratio of
    // the best times says what the runner costs when nothing else gets in the way.
    const double bestD = *std::min_element(directTimes.cbegin(), directTimes.cend());
    const double bestR = *std::min_element(runnerTimes.cbegin(), runnerTimes.cend());
    out << QStringLiteral("best of each\tdirect %1 s, runner %2 s, ratio %3x\n")
               .arg(bestD, 0, 'f', 3)
               .arg(bestR, 0, 'f', 3)
               .arg(bestR / bestD, 0, 'f', 3);
    out << QStringLiteral("Retort's own CPU time per run\tdirect %1 ms, runner %2 ms\n")
               .arg(median(directCpu) * 1000, 0, 'f', 1)
               .arg(median(runnerCpu) * 1000, 0, 'f', 1);
    QFile::remove(db);
    return 0;
}
