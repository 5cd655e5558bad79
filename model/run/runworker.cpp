#include "model/run/runworker.h"

#include "model/run/alembicprogram.h"
#include "model/run/linesplitter.h"
#include "model/run/outputclassifier.h"
#include "model/run/progressparser.h"
#include "model/run/runcommand.h"
#include "model/common/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace retort {

namespace {

QString trRun(const char* text)
{
    return QCoreApplication::translate("AlembicRunner", text);
}

RunEvent makeEvent(RunEvent::Kind kind, quint64 runId)
{
    RunEvent e;
    e.kind = kind;
    e.runId = runId;
    e.timestamp = QDateTime::currentDateTime();
    return e;
}

} // namespace

// Everything the worker knows about one run in flight.
struct WorkerRun
{
    quint64 id = 0;
    RunRequest request;
    QProcess* process = nullptr; // child of the worker; deleteLater() once finished
    QTimer* killTimer = nullptr; // child of the process
    LineSplitter outLines;
    LineSplitter errLines;
    QString lastErrorLine;  // stderr, at Error level
    QString lastStderrLine; // stderr, any non-empty line
    OutputClassifier outLevels;
    OutputClassifier errLevels;
    enum class Ddl
    {
        Unknown,
        Transactional,
        NonTransactional
    };

    int graceMs = 0;
    Ddl ddl = Ddl::Unknown; // from alembic's "Will assume [non-]transactional DDL."
    bool started = false;
    bool stopRequested = false;
    bool killed = false;
    bool hintedMissingModule = false;
};

RunWorker::RunWorker(QObject* parent) : QObject(parent) {}

RunWorker::~RunWorker()
{
    // The runner is going away (it waits for this thread): nobody listens any more, so the
    // processes are killed without events. Waiting here reaps them; it is bounded and runs on
    // the worker thread, never on the GUI thread.
    for (const std::shared_ptr<WorkerRun>& run : std::as_const(m_runs)) {
        if (!run->process)
            continue;
        run->process->disconnect(this);
        if (run->process->state() != QProcess::NotRunning) {
            qCInfo(lcRun) << "killing run" << run->id << "as the runner is destroyed";
            run->process->kill();
            run->process->waitForFinished(3000);
        }
    }
    m_runs.clear();
}

void RunWorker::startRun(quint64 runId, const RunRequest& request, int stopGraceMs)
{
    const QString configDir = request.configPath.isEmpty()
                                  ? request.workingDirectory
                                  : QFileInfo(request.configPath).absolutePath();
    const Result<AlembicProgram> program = AlembicProgram::find(configDir, request.interpreter);
    if (!program) {
        finish(runId, RunEvent::Status::FailedToStart, -1, program.error());
        return;
    }
    const Result<RunCommand> command = RunCommand::build(request, *program);
    if (!command) {
        finish(runId, RunEvent::Status::FailedToStart, -1, command.error());
        return;
    }

    // QProcess would report this as a failure to start the program, which points at the
    // interpreter; the folder is the problem.
    if (!QFileInfo(command->workingDirectory).isDir()) {
        finish(runId, RunEvent::Status::FailedToStart, -1,
               trRun("The folder to run alembic in, %1, does not exist.")
                   .arg(command->workingDirectory));
        return;
    }

    auto run = std::make_shared<WorkerRun>();
    run->id = runId;
    run->request = request;
    run->graceMs = stopGraceMs;
    run->process = new QProcess(this);
    m_runs.insert(runId, run);

    QProcess* p = run->process;
    p->setProgram(command->program);
    p->setArguments(command->arguments);
    p->setProcessEnvironment(command->environment);
    p->setWorkingDirectory(command->workingDirectory);

    const QString display = command->display;
    connect(p, &QProcess::started, this, [this, runId, display] {
        const auto run = m_runs.value(runId);
        if (!run)
            return;
        run->started = true;
        RunEvent e = makeEvent(RunEvent::Kind::Started, runId);
        e.stream = RunEvent::Stream::Runner;
        e.text = display;
        emit event(e);
        if (run->stopRequested) // asked before the process was up
            beginStop(*run);
    });
    connect(p, &QProcess::readyReadStandardOutput, this, [this, runId] {
        if (const auto run = m_runs.value(runId))
            readOutput(*run, false, false);
    });
    connect(p, &QProcess::readyReadStandardError, this, [this, runId] {
        if (const auto run = m_runs.value(runId))
            readOutput(*run, true, false);
    });
    connect(p, &QProcess::finished, this, [this, runId](int exitCode, QProcess::ExitStatus status) {
        onFinished(runId, exitCode, status == QProcess::CrashExit);
    });
    connect(p, &QProcess::errorOccurred, this, [this, runId](QProcess::ProcessError error) {
        // Other errors (a crash, a failed write) are followed by finished().
        if (error != QProcess::FailedToStart)
            return;
        if (const auto run = m_runs.value(runId))
            onFailedToStart(runId, run->process->errorString());
    });

    qCInfo(lcRun).noquote() << "run" << runId << "starting:" << display << "in"
                            << command->workingDirectory;
    p->start();
}

void RunWorker::stopRun(quint64 runId)
{
    const auto run = m_runs.value(runId);
    if (!run || run->stopRequested)
        return;
    run->stopRequested = true;
    qCInfo(lcRun) << "run" << runId << "stop requested";
    // Started comes first in every run's events: a stop asked for while the process is still
    // starting is carried out (and explained) once it has started.
    if (run->started)
        beginStop(*run);
}

void RunWorker::beginStop(WorkerRun& run)
{
    const quint64 runId = run.id;

    const int graceSeconds = qMax(1, (run.graceMs + 999) / 1000);
    emitRunnerLine(runId, RunEvent::Level::Warning,
                   QCoreApplication::translate("AlembicRunner",
                                               "Stopping alembic: it is asked to end now and is "
                                               "killed if it has not ended after %n second(s).",
                                               nullptr, graceSeconds));
    // alembic says at the start of each run whether it treats the database's DDL as
    // transactional; that, not the dialect's name, decides what an interrupted run leaves.
    // (SQLite counts as non-transactional: alembic assumes so, and Python's sqlite3 commits
    // a CREATE TABLE at once. Checked in tst_alembicrunner.)
    QString meaning;
    switch (run.ddl) {
    case WorkerRun::Ddl::Transactional:
        meaning = trRun("alembic treats this database's DDL as transactional: what was not "
                        "committed is rolled back, that is the step that was running and, "
                        "unless env.py commits each migration (transaction_per_migration), "
                        "the earlier steps of this run as well.");
        break;
    case WorkerRun::Ddl::NonTransactional:
        meaning = trRun("alembic treats this database's DDL as non-transactional (MySQL, "
                        "MariaDB, SQLite): steps that finished stay applied, and the step "
                        "that was running may be partly applied while the version table still "
                        "names the step before it.");
        break;
    case WorkerRun::Ddl::Unknown:
        meaning = trRun("Where the database has transactional DDL (PostgreSQL) the unfinished "
                        "work is rolled back; MySQL, MariaDB and SQLite commit each schema "
                        "change at once, so the step that was running may be partly applied.");
        break;
    }
    emitRunnerLine(runId, RunEvent::Level::Warning, meaning);
    emitRunnerLine(runId, RunEvent::Level::Info,
                   trRun("Retort reads the version table again when alembic has ended."));

    run.process->terminate();
    run.killTimer = new QTimer(run.process);
    run.killTimer->setSingleShot(true);
    connect(run.killTimer, &QTimer::timeout, this, [this, runId] {
        const auto run = m_runs.value(runId);
        if (!run || run->process->state() == QProcess::NotRunning)
            return;
        run->killed = true;
        emitRunnerLine(runId, RunEvent::Level::Warning,
                       trRun("alembic did not end when asked; killing it."));
        qCInfo(lcRun) << "run" << runId << "killed after the grace period";
        run->process->kill();
    });
    run.killTimer->start(run.graceMs);
}

void RunWorker::readOutput(WorkerRun& run, bool stdErr, bool atEnd)
{
    QProcess* p = run.process;
    LineSplitter& splitter = stdErr ? run.errLines : run.outLines;
    const QByteArray bytes = stdErr ? p->readAllStandardError() : p->readAllStandardOutput();
    QStringList lines = splitter.feed(bytes);
    if (atEnd)
        lines += splitter.finish();
    const RunEvent::Stream stream = stdErr ? RunEvent::Stream::Stderr : RunEvent::Stream::Stdout;
    for (const QString& line : std::as_const(lines))
        emitLine(run, stream, line);
}

void RunWorker::emitLine(WorkerRun& run, RunEvent::Stream stream, const QString& rawLine)
{
    RunEvent e = makeEvent(RunEvent::Kind::Output, run.id);
    e.stream = stream;
    e.text = OutputClassifier::stripAnsi(rawLine);
    OutputClassifier& classifier =
        stream == RunEvent::Stream::Stderr ? run.errLevels : run.outLevels;
    e.level = classifier.classify(e.text);
    emit event(e);
    if (stream == RunEvent::Stream::Stderr && !e.text.trimmed().isEmpty()) {
        run.lastStderrLine = e.text.trimmed();
        if (e.level == RunEvent::Level::Error)
            run.lastErrorLine = run.lastStderrLine;
    }

    if (e.text.contains(QLatin1String("Will assume non-transactional DDL")))
        run.ddl = WorkerRun::Ddl::NonTransactional;
    else if (e.text.contains(QLatin1String("Will assume transactional DDL")))
        run.ddl = WorkerRun::Ddl::Transactional;

    if (const std::optional<ProgressParser::Step> step = ProgressParser::parse(e.text)) {
        RunEvent progress = makeEvent(RunEvent::Kind::Progress, run.id);
        progress.revision = step->revision;
        progress.fromRevisions = step->fromRevisions;
        progress.toRevisions = step->toRevisions;
        progress.upgrade = step->upgrade;
        progress.text = step->message;
        progress.stepCount = int(run.request.plannedRevisions.size());
        const qsizetype at = run.request.plannedRevisions.indexOf(step->revision);
        progress.stepIndex = at < 0 ? -1 : int(at) + 1;
        emit event(progress);
    }

    if (!run.hintedMissingModule && stream == RunEvent::Stream::Stderr &&
        (e.text.contains(QLatin1String("No module named alembic")) ||
         e.text.contains(QLatin1String("No module named 'alembic'")))) {
        run.hintedMissingModule = true;
        emitRunnerLine(run.id, RunEvent::Level::Error,
                       trRun("This Python cannot import alembic. Set the Python interpreter in the "
                             "project settings to one that has alembic installed."));
    }
}

void RunWorker::emitRunnerLine(quint64 runId, RunEvent::Level level, const QString& text)
{
    RunEvent e = makeEvent(RunEvent::Kind::Output, runId);
    e.stream = RunEvent::Stream::Runner;
    e.level = level;
    e.text = text;
    emit event(e);
}

void RunWorker::onFinished(quint64 runId, int exitCode, bool crashed)
{
    const auto run = m_runs.value(runId);
    if (!run)
        return;
    // What the process wrote last may not have been announced yet.
    readOutput(*run, false, true);
    readOutput(*run, true, true);

    RunEvent::Status status = RunEvent::Status::Succeeded;
    QString text;
    const int code = crashed ? -1 : exitCode;
    if (run->stopRequested && (crashed || exitCode != 0)) {
        status = RunEvent::Status::Stopped;
        text = run->killed ? trRun("Stopped: alembic was killed after it did not end when asked.")
                           : trRun("Stopped: alembic ended when asked.");
    } else if (crashed) {
        status = RunEvent::Status::Failed;
        text = trRun("alembic crashed.");
    } else if (exitCode != 0) {
        status = RunEvent::Status::Failed;
        text = trRun("alembic exited with code %1.").arg(exitCode);
    } else {
        text = trRun("alembic finished successfully.");
    }
    const QString reason = status == RunEvent::Status::Succeeded ? QString()
                           : !run->lastErrorLine.isEmpty()       ? run->lastErrorLine
                                                                 : run->lastStderrLine;
    run->process->deleteLater();
    m_runs.remove(runId);
    finish(runId, status, code, text, reason);
}

void RunWorker::onFailedToStart(quint64 runId, const QString& why)
{
    const auto run = m_runs.value(runId);
    if (!run)
        return;
    const QString program = run->process->program();
    run->process->deleteLater();
    m_runs.remove(runId);
    finish(runId, RunEvent::Status::FailedToStart, -1,
           trRun("Could not start %1: %2. Set the Python interpreter in the project settings to "
                 "one that has alembic installed.")
               .arg(program, why));
}

void RunWorker::finish(quint64 runId, RunEvent::Status status, int exitCode, const QString& text,
                       const QString& reason)
{
    qCInfo(lcRun).noquote() << "run" << runId << "finished:" << text;
    RunEvent e = makeEvent(RunEvent::Kind::Finished, runId);
    e.stream = RunEvent::Stream::Runner;
    e.status = status;
    e.exitCode = exitCode;
    e.text = text;
    e.reason = reason;
    emit event(e);
}

} // namespace retort
