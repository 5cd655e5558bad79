#pragma once

#include "model/common/workerthread.h"
#include "model/run/runevent.h"
#include "model/run/runrequest.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace retort {

// Runs the real alembic as a QProcess on a worker thread of its own.
//
// start() returns at once with a run id; everything that follows arrives as event() signals,
// queued to the runner's thread (the GUI thread), in order: Started, Output and Progress as the
// lines come, then exactly one Finished. Output is read line by line as it arrives, stdout and
// stderr kept apart, ANSI escape codes removed. Lines "Running upgrade A -> B, msg" and
// "Running downgrade B -> A, msg" become Progress events counted against the request's
// plannedRevisions.
//
// stop() terminates the process and kills it after a grace period. Only one run per
// databaseKey at a time: a second start() for a busy key finishes at once with FailedToStart.
// Destroying the runner kills what still runs (on the worker thread) and shuts the thread
// down as WorkerThread::shutdown() does, with a grace that covers reaping the processes.
class AlembicRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultStopGraceMs = 3000;

    explicit AlembicRunner(QObject* parent = nullptr);
    ~AlembicRunner() override;

    quint64 start(const RunRequest& request);
    void stop(quint64 runId);
    void setStopGracePeriod(int milliseconds);

    bool isBusy(const QString& databaseKey) const { return m_busyKeys.contains(databaseKey); }
    bool isRunning(quint64 runId) const { return m_running.contains(runId); }

signals:
    void event(const retort::RunEvent& event);

private:
    void onWorkerEvent(const RunEvent& event);

    std::unique_ptr<WorkerThread> m_thread;
    QObject* m_worker = nullptr; // a RunWorker on m_thread, deleted when the thread ends
    quint64 m_nextId = 0;
    QSet<QString> m_busyKeys;
    QHash<quint64, QString> m_running; // run id -> database key
    int m_graceMs = kDefaultStopGraceMs;
};

} // namespace retort
