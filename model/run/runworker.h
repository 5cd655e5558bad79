#pragma once

#include "model/run/runevent.h"
#include "model/run/runrequest.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace retort {

struct WorkerRun;

// The runner's half that lives on its worker thread: creates, drives and reaps each alembic
// QProcess through signals only (no waitFor*), turns output into RunEvents and emits them.
// Private to model/run; AlembicRunner is the public face.
class RunWorker : public QObject
{
    Q_OBJECT

public:
    explicit RunWorker(QObject* parent = nullptr);
    ~RunWorker() override; // kills what still runs

    // Called through queued invocations from the runner's thread.
    void startRun(quint64 runId, const retort::RunRequest& request, int stopGraceMs);
    void stopRun(quint64 runId);

signals:
    void event(const retort::RunEvent& event);

private:
    void beginStop(WorkerRun& run);
    void readOutput(WorkerRun& run, bool stdErr, bool atEnd);
    void emitLine(WorkerRun& run, RunEvent::Stream stream, const QString& rawLine);
    void emitRunnerLine(quint64 runId, RunEvent::Level level, const QString& text);
    void onFinished(quint64 runId, int exitCode, bool crashed);
    void onFailedToStart(quint64 runId, const QString& why);
    void finish(quint64 runId, RunEvent::Status status, int exitCode, const QString& text,
                const QString& reason = {});

    QHash<quint64, std::shared_ptr<WorkerRun>> m_runs;
};

} // namespace retort
