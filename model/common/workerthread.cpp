#include "model/common/workerthread.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

namespace retort {

namespace {
Q_LOGGING_CATEGORY(lcWorker, "retort.worker", QtInfoMsg)
}

WorkerThread::WorkerThread(const QString& name, std::chrono::milliseconds grace)
    : m_grace(grace)
{
    // Not a child of anything: it may outlive its owner (see shutdown()).
    m_thread = new QThread;
    m_thread->setObjectName(name);
    m_anchor = new QObject;
    adoptObject(m_anchor);
    m_thread->start();
}

WorkerThread::~WorkerThread()
{
    shutdown();
}

void WorkerThread::adoptObject(QObject* object)
{
    Q_ASSERT(object && !object->parent());
    object->moveToThread(m_thread);
    // QThread deletes deferred deletions posted from its finished() before it ends.
    QObject::connect(m_thread, &QThread::finished, object, &QObject::deleteLater);
}

bool WorkerThread::shutdown()
{
    if (!m_thread)
        return true;
    m_stopping->store(true, std::memory_order_release);
    QThread* thread = std::exchange(m_thread, nullptr);
    thread->quit();
    if (thread->wait(QDeadlineTimer(m_grace))) {
        delete thread;
        return true;
    }
    qCWarning(lcWorker) << "thread" << thread->objectName() << "still busy after"
                        << m_grace.count() << "ms; leaving it to finish on its own";
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        thread->deleteLater();
    return false;
}

} // namespace retort
