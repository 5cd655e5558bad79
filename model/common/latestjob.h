#pragma once

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace retort {

// Work off the GUI thread whose result comes back to an object's thread.
//
// Threading: `work` runs on a QThreadPool (the global one unless another is given); `done`
// runs on the thread of `guard`, always through a queued call (never inside start(), even
// when the work is quick). Only what `work` returns crosses threads: capture copies.
//
// Ownership and lifetime: the job holds its own copies of `work` and `done`. The result is
// handed over by a signal of a small courier object connected to `guard`; Qt removes that
// connection (and any call already queued) when `guard` is destroyed, so a dead guard gets
// nothing and is never touched from the worker thread. Nothing waits for the work.
//
// runInBackground(): every job delivers (one-shot work such as an export).
// LatestJob: "the latest result wins". Each start() takes a new generation; a job whose
// generation is no longer the latest (a newer start(), or cancel()) is stale: it is
// skipped if it has not begun, its JobToken says isCancelled() so long work can give up,
// and its result is dropped instead of delivered. The check before `done` happens on the
// guard's thread, so a result never arrives after the cancel() or start() that made it stale.
class JobToken
{
public:
    JobToken() = default;
    // A newer start() or a cancel() happened: the result will be dropped. Any thread.
    bool isCancelled() const
    {
        return !m_latest || m_latest->load(std::memory_order_acquire) != m_generation;
    }
    quint64 generation() const { return m_generation; }

private:
    friend class LatestJob;
    JobToken(std::shared_ptr<const std::atomic<quint64>> latest, quint64 generation)
        : m_latest(std::move(latest)), m_generation(generation)
    {
    }
    std::shared_ptr<const std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
};

namespace detail {

// Lives on the starting thread; its signal carries "the result is ready" to the guard.
class JobCourier : public QObject
{
    Q_OBJECT

public:
    JobCourier() = default;
    ~JobCourier() override;

signals:
    void arrived();
};

// Runs work() on `pool` unless stale() says otherwise before it starts, then queues
// deliver(result) to `guard`'s thread.
template<class Stale, class Work, class Deliver>
void dispatchJob(QThreadPool* pool, QObject* guard, Stale stale, Work work, Deliver deliver)
{
    using T = std::decay_t<std::invoke_result_t<Work&>>;
    static_assert(!std::is_void_v<T>, "the work must return its result");
    auto box = std::make_shared<std::optional<T>>();
    // Made and connected here, on the guard's thread, while the guard is surely alive;
    // emitted and deleted by the job (a courier never receives events).
    auto courier = std::make_shared<JobCourier>();
    QObject::connect(
        courier.get(), &JobCourier::arrived, guard,
        [box, deliver]() mutable {
            if (*box)
                deliver(std::move(**box));
        },
        Qt::QueuedConnection);
    pool->start([box, courier, stale, work]() mutable {
        if (stale())
            return;
        box->emplace(work());
        if (!stale())
            emit courier->arrived();
    });
}

} // namespace detail

template<class Work, class Done>
void runInBackground(QObject* guard, Work work, Done done,
                     QThreadPool* pool = QThreadPool::globalInstance())
{
    detail::dispatchJob(pool, guard, [] { return false; }, std::move(work), std::move(done));
}

class LatestJob
{
public:
    // `pool` must outlive the jobs (null: the global pool).
    explicit LatestJob(QThreadPool* pool = nullptr)
        : m_pool(pool ? pool : QThreadPool::globalInstance())
    {
    }
    ~LatestJob() { cancel(); }
    LatestJob(const LatestJob&) = delete;
    LatestJob& operator=(const LatestJob&) = delete;

    // work(const JobToken&) -> T on the pool; done(T) on guard's thread if still the latest.
    template<class Work, class Done>
    quint64 start(QObject* guard, Work work, Done done)
    {
        const quint64 generation = ++m_generation;
        m_latest->store(generation, std::memory_order_release);
        const JobToken token(m_latest, generation);
        detail::dispatchJob(
            m_pool, guard, [token] { return token.isCancelled(); },
            [token, work]() mutable { return work(token); },
            [token, done](auto&& result) mutable {
                if (!token.isCancelled())
                    done(std::forward<decltype(result)>(result));
            });
        return generation;
    }

    // Makes every started job stale.
    void cancel() { m_latest->store(0, std::memory_order_release); }
    // The generation of the last start().
    quint64 generation() const { return m_generation; }
    // `generation` is the last start() and was not cancelled since.
    bool isLatest(quint64 generation) const
    {
        return generation != 0 && m_latest->load(std::memory_order_acquire) == generation;
    }

private:
    QThreadPool* m_pool;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_generation = 0;
};

} // namespace retort
