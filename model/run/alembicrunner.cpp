#include "model/run/alembicrunner.h"

#include "model/common/logging.h"
#include "model/run/runworker.h"

#include <QCoreApplication>

namespace retort {

AlembicRunner::AlembicRunner(QObject* parent)
    : QObject(parent),
      // RunWorker's destructor kills each process and reaps it for up to 3 s.
      m_thread(std::make_unique<WorkerThread>(QStringLiteral("retort-runner"),
                                              std::chrono::milliseconds(5000)))
{
    qRegisterMetaType<retort::RunEvent>();
    // The worker (and with it every QProcess) is deleted on its own thread as it ends.
    auto* worker = m_thread->adopt(new RunWorker);
    m_worker = worker;
    // Queued: events are made on the worker thread and delivered here in order.
    connect(worker, &RunWorker::event, this, &AlembicRunner::onWorkerEvent, Qt::QueuedConnection);
}

AlembicRunner::~AlembicRunner()
{
    // Deleting the worker kills the processes still running; nothing is delivered any more.
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->shutdown();
}

quint64 AlembicRunner::start(const RunRequest& request)
{
    const quint64 id = ++m_nextId;
    if (!request.databaseKey.isEmpty() && m_busyKeys.contains(request.databaseKey)) {
        qCInfo(lcRun) << "run" << id << "refused:" << request.databaseKey << "is busy";
        RunEvent e;
        e.kind = RunEvent::Kind::Finished;
        e.runId = id;
        e.timestamp = QDateTime::currentDateTime();
        e.stream = RunEvent::Stream::Runner;
        e.status = RunEvent::Status::FailedToStart;
        e.exitCode = -1;
        e.text = QCoreApplication::translate("AlembicRunner",
                                             "Another alembic command is still running on %1; "
                                             "wait for it to finish or stop it first.")
                     .arg(request.databaseKey);
        // Delivered later like every other event, so the caller has the id first.
        QMetaObject::invokeMethod(
            this, [this, e] { emit event(e); }, Qt::QueuedConnection);
        return id;
    }
    if (!request.databaseKey.isEmpty())
        m_busyKeys.insert(request.databaseKey);
    m_running.insert(id, request.databaseKey);
    auto* worker = static_cast<RunWorker*>(m_worker);
    const int grace = m_graceMs;
    m_thread->post([worker, id, request, grace] { worker->startRun(id, request, grace); });
    return id;
}

void AlembicRunner::stop(quint64 runId)
{
    if (!m_running.contains(runId))
        return;
    auto* worker = static_cast<RunWorker*>(m_worker);
    m_thread->post([worker, runId] { worker->stopRun(runId); });
}

void AlembicRunner::setStopGracePeriod(int milliseconds)
{
    m_graceMs = qMax(0, milliseconds);
}

void AlembicRunner::onWorkerEvent(const RunEvent& e)
{
    if (e.kind == RunEvent::Kind::Finished) {
        // Free the database before anyone hears of the end, so a slot reacting to Finished
        // may start the next run on it at once.
        const auto it = m_running.constFind(e.runId);
        if (it != m_running.cend()) {
            if (!it.value().isEmpty())
                m_busyKeys.remove(it.value());
            m_running.erase(it);
        }
    }
    emit event(e);
}

} // namespace retort
