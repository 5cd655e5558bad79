#pragma once

#include "model/common/latestjob.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <utility>

class QThread;

namespace retort {

// A thread of one's own for objects that must stay on one thread (a Graphviz context,
// Qt SQL connections, QProcesses), with one way to talk to it and one way to stop it.
//
// Threading: made, posted to and shut down from its owner's thread. post(f) queues f to run
// on the worker thread, in posting order; once shutdown() began, posted calls not yet run
// are skipped. Results go back through signals (queued connections to the owner, which Qt
// drops when the owner is gone), never through raw pointers: the adopted objects' own, or
// post(guard, work, done), which queues done(work()) to `guard`'s thread.
//
// Ownership: adopt(object) moves a parentless QObject to the thread; it is deleted on that
// thread when the thread ends (after the event loop quit), with whatever it owns.
//
// Shutdown, the one policy: stop taking calls, quit the event loop, wait up to `grace` for
// the call in progress to return. If it does, the thread and its objects are gone when
// shutdown() returns. If not (an uninterruptible library call, a slow connect), a warning is
// logged and the thread is left to finish on its own: it deletes its objects and itself
// when the call returns, and nothing it does afterwards reaches the owner (check
// isStopping() before emitting). The destructor calls shutdown() with the grace it was
// given at construction.
class WorkerThread
{
public:
    static constexpr std::chrono::milliseconds kDefaultGrace{3000};

    explicit WorkerThread(const QString& name, std::chrono::milliseconds grace = kDefaultGrace);
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // Moves `object` (no parent) to the thread; returns it for convenience.
    template<class T>
    T* adopt(T* object)
    {
        adoptObject(object);
        return object;
    }

    // Runs f() on the worker thread, queued. Dropped once shutdown() started.
    template<class F>
    void post(F f)
    {
        if (!m_thread)
            return;
        QMetaObject::invokeMethod(
            m_anchor,
            [stopping = m_stopping, f = std::move(f)]() mutable {
                if (!stopping->load(std::memory_order_acquire))
                    f();
            },
            Qt::QueuedConnection);
    }

    // Runs work() on the worker thread, then done(result) on `guard`'s thread (queued),
    // unless the guard is gone or shutdown() began by then.
    template<class Work, class Done>
    void post(QObject* guard, Work work, Done done)
    {
        using T = std::decay_t<std::invoke_result_t<Work&>>;
        auto box = std::make_shared<std::optional<T>>();
        auto courier = std::make_shared<detail::JobCourier>();
        QObject::connect(
            courier.get(), &detail::JobCourier::arrived, guard,
            [box, done, stopping = m_stopping]() mutable {
                if (*box && !stopping->load(std::memory_order_acquire))
                    done(std::move(**box));
            },
            Qt::QueuedConnection);
        post([box, courier, work, stopping = m_stopping]() mutable {
            box->emplace(work());
            if (!stopping->load(std::memory_order_acquire))
                emit courier->arrived();
        });
    }

    // True once shutdown() began; safe from any thread, also after this object is gone
    // (keep the flag from stoppingFlag()).
    bool isStopping() const { return m_stopping->load(std::memory_order_acquire); }
    std::shared_ptr<const std::atomic<bool>> stoppingFlag() const { return m_stopping; }

    // Returns true when the thread ended within the grace; idempotent.
    bool shutdown();
    QThread* thread() const { return m_thread; }

private:
    void adoptObject(QObject* object);

    QThread* m_thread = nullptr;
    QObject* m_anchor = nullptr; // on the thread: the context of post()
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
    std::chrono::milliseconds m_grace;
};

} // namespace retort
