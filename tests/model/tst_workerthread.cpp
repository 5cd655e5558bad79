// WorkerThread: post runs on the worker thread in order, adopted objects live and die
// there, shutdown joins, and a call that outlasts the grace is left to finish with a warning.
#include "model/common/workerthread.h"

#include <QPointer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace retort;
using namespace std::chrono_literals;

namespace {

// Records the thread it is destroyed on.
class Probe : public QObject
{
public:
    explicit Probe(std::shared_ptr<std::atomic<QThread*>> diedOn) : m_diedOn(std::move(diedOn)) {}
    ~Probe() override { m_diedOn->store(QThread::currentThread()); }

private:
    std::shared_ptr<std::atomic<QThread*>> m_diedOn;
};

} // namespace

class TestWorkerThread : public QObject
{
    Q_OBJECT

private slots:
    void postRunsOnTheWorkerThreadInOrder();
    void adoptedObjectsLiveAndDieOnTheThread();
    void postWithAGuardRepliesOnTheGuardsThread();
    void shutdownJoins();
    void callOutlastingTheGraceIsLeftToFinish();
};

void TestWorkerThread::postRunsOnTheWorkerThreadInOrder()
{
    WorkerThread worker(QStringLiteral("test-worker"));
    std::atomic<QThread*> ranOn = nullptr;
    QList<int> order;
    QSemaphore done;
    for (int i = 0; i < 5; ++i)
        worker.post([&, i] {
            ranOn = QThread::currentThread();
            order << i; // one thread: no lock needed
            done.release();
        });
    QVERIFY(done.tryAcquire(5, 5000));
    QCOMPARE(ranOn.load(), worker.thread());
    QVERIFY(ranOn.load() != QThread::currentThread());
    QCOMPARE(worker.thread()->objectName(), QStringLiteral("test-worker"));
    QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
}

void TestWorkerThread::adoptedObjectsLiveAndDieOnTheThread()
{
    auto diedOn = std::make_shared<std::atomic<QThread*>>(nullptr);
    QThread* thread = nullptr;
    {
        WorkerThread worker(QStringLiteral("test-worker"));
        thread = worker.thread();
        auto* probe = worker.adopt(new Probe(diedOn));
        QCOMPARE(probe->thread(), thread);
    }
    QVERIFY(diedOn->load() != nullptr);
    QVERIFY(diedOn->load() != QThread::currentThread());
}

void TestWorkerThread::postWithAGuardRepliesOnTheGuardsThread()
{
    WorkerThread worker(QStringLiteral("test-worker"));
    QObject guard;
    std::atomic<QThread*> workedOn = nullptr;
    QThread* repliedOn = nullptr;
    int reply = 0;
    worker.post(
        &guard,
        [&workedOn] {
            workedOn = QThread::currentThread();
            return 7;
        },
        [&](int value) {
            repliedOn = QThread::currentThread();
            reply = value;
        });
    QTRY_COMPARE(reply, 7);
    QCOMPARE(workedOn.load(), worker.thread());
    QCOMPARE(repliedOn, QThread::currentThread());

    // A guard that is gone by the time the work is done gets nothing.
    QSemaphore release;
    auto called = std::make_shared<std::atomic<bool>>(false);
    auto* shortLived = new QObject;
    worker.post(
        shortLived,
        [&release] {
            release.acquire();
            return 1;
        },
        [called](int) { called->store(true); });
    delete shortLived;
    release.release();
    QSemaphore drained;
    worker.post([&drained] { drained.release(); });
    QVERIFY(drained.tryAcquire(1, 5000));
    QTest::qWait(20);
    QVERIFY(!called->load());
}

void TestWorkerThread::shutdownJoins()
{
    WorkerThread worker(QStringLiteral("test-worker"));
    auto diedOn = std::make_shared<std::atomic<QThread*>>(nullptr);
    worker.adopt(new Probe(diedOn));
    std::atomic<bool> finished = false;
    QSemaphore started;
    worker.post([&finished, &started] {
        started.release();
        QThread::msleep(100); // a call in progress
        finished = true;
    });
    QVERIFY(started.tryAcquire(1, 5000));
    QVERIFY(worker.shutdown());
    QVERIFY(finished.load());         // the call ran to its end before shutdown returned
    QVERIFY(diedOn->load() != nullptr); // and the objects are gone
    QVERIFY(worker.isStopping());
    QVERIFY(worker.shutdown()); // idempotent
    worker.post([] { QFAIL("posted after shutdown"); });
}

void TestWorkerThread::callOutlastingTheGraceIsLeftToFinish()
{
    auto diedOn = std::make_shared<std::atomic<QThread*>>(nullptr);
    auto release = std::make_shared<QSemaphore>();
    auto started = std::make_shared<QSemaphore>();
    auto laterRan = std::make_shared<std::atomic<bool>>(false);
    {
        WorkerThread worker(QStringLiteral("test-slow"), 50ms);
        worker.adopt(new Probe(diedOn));
        worker.post([release, started] {
            started->release();
            release->acquire();
        });
        worker.post([laterRan] { laterRan->store(true); }); // queued behind: skipped
        QVERIFY(started->tryAcquire(1, 5000));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("test-slow.*still busy")));
        QVERIFY(!worker.shutdown());
    } // the destructor does not wait either
    QCOMPARE(diedOn->load(), nullptr);
    release->release();
    QTRY_VERIFY(diedOn->load() != nullptr);
    QVERIFY(!laterRan->load());
}

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_workerthread.moc"
