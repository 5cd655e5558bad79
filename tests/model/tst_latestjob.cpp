// LatestJob and runInBackground: the latest result wins, a stale result is dropped, a dead
// guard gets nothing, the work sees cancellation, results arrive queued on the guard's thread.
#include "model/common/latestjob.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace retort;

class TestLatestJob : public QObject
{
    Q_OBJECT

private slots:
    void deliversOnTheGuardsThreadQueued();
    void latestResultWins();
    void staleResultIsDropped();
    void cancelDropsTheResult();
    void deadGuardGetsNothing();
    void workSeesCancellation();
    void jobSupersededBeforeItStartsIsSkipped();
    void runInBackgroundDeliversEveryJob();
};

void TestLatestJob::deliversOnTheGuardsThreadQueued()
{
    QObject guard;
    LatestJob job;
    QThread* workThread = nullptr;
    QThread* doneThread = nullptr;
    int result = 0;
    job.start(
        &guard,
        [&workThread](const JobToken&) {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            doneThread = QThread::currentThread();
            result = value;
        });
    QCOMPARE(result, 0); // never inside start()
    QTRY_COMPARE(result, 42);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread != QThread::currentThread());
    QCOMPARE(job.generation(), quint64(1));
}

void TestLatestJob::latestResultWins()
{
    QObject guard;
    LatestJob job;
    QSemaphore release;
    QList<int> delivered;
    // The first job is still working when the second starts and finishes.
    job.start(
        &guard,
        [&release](const JobToken&) {
            release.acquire();
            return 1;
        },
        [&delivered](int v) { delivered << v; });
    const quint64 second =
        job.start(&guard, [](const JobToken&) { return 2; }, [&delivered](int v) { delivered << v; });
    QCOMPARE(second, quint64(2));
    QTRY_COMPARE(delivered, QList<int>{2});
    release.release();
    QTest::qWait(50); // the first job ends now; it must stay silent
    QCOMPARE(delivered, QList<int>{2});
}

void TestLatestJob::staleResultIsDropped()
{
    QObject guard;
    LatestJob job;
    QSemaphore finished;
    QList<int> delivered;
    job.start(
        &guard,
        [&finished](const JobToken&) {
            finished.release();
            return 1;
        },
        [&delivered](int v) { delivered << v; });
    // The first result is computed and queued to this thread, not yet delivered...
    QVERIFY(finished.tryAcquire(1, 5000));
    QThreadPool::globalInstance()->waitForDone(); // no event processed meanwhile
    // ...when a newer job starts: it is dropped on delivery.
    job.start(&guard, [](const JobToken&) { return 2; }, [&delivered](int v) { delivered << v; });
    QTRY_COMPARE(delivered, QList<int>{2});
}

void TestLatestJob::cancelDropsTheResult()
{
    QObject guard;
    LatestJob job;
    QSemaphore finished;
    bool called = false;
    const quint64 generation = job.start(
        &guard,
        [&finished](const JobToken&) {
            finished.release();
            return 1;
        },
        [&called](int) { called = true; });
    QVERIFY(job.isLatest(generation));
    QVERIFY(finished.tryAcquire(1, 5000));
    QThreadPool::globalInstance()->waitForDone(); // queued, not delivered
    job.cancel();
    QVERIFY(!job.isLatest(generation));
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestLatestJob::deadGuardGetsNothing()
{
    auto called = std::make_shared<std::atomic<bool>>(false);
    QSemaphore finished;
    LatestJob job;
    auto* guard = new QObject;
    job.start(
        guard,
        [&finished](const JobToken&) {
            finished.release();
            return 1;
        },
        [called](int) { called->store(true); });
    QVERIFY(finished.tryAcquire(1, 5000));
    QThreadPool::globalInstance()->waitForDone(); // the result is queued to the guard...
    delete guard;     // ...which dies before it is delivered
    QTest::qWait(50);
    QVERIFY(!called->load());

    // Also when the guard dies while the work runs.
    QSemaphore release;
    guard = new QObject;
    job.start(
        guard,
        [&release](const JobToken&) {
            release.acquire();
            return 2;
        },
        [called](int) { called->store(true); });
    delete guard;
    release.release();
    QTest::qWait(50);
    QVERIFY(!called->load());
    QThreadPool::globalInstance()->waitForDone();
}

void TestLatestJob::workSeesCancellation()
{
    QObject guard;
    LatestJob job;
    std::atomic<bool> sawCancel = false;
    std::atomic<bool> running = false;
    bool called = false;
    job.start(
        &guard,
        [&](const JobToken& token) {
            running = true;
            QElapsedTimer timer;
            timer.start();
            while (!token.isCancelled() && timer.elapsed() < 5000)
                QThread::msleep(1);
            sawCancel = token.isCancelled();
            return 0;
        },
        [&called](int) { called = true; });
    QTRY_VERIFY(running.load());
    job.cancel();
    QTRY_VERIFY(sawCancel.load());
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestLatestJob::jobSupersededBeforeItStartsIsSkipped()
{
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QObject guard;
    LatestJob job(&pool);
    QSemaphore release;
    std::atomic<int> ran = 0;
    QList<int> delivered;
    auto work = [&](int value) {
        return [&, value](const JobToken&) {
            ++ran;
            if (value == 1)
                release.acquire();
            return value;
        };
    };
    auto done = [&delivered](int v) { delivered << v; };
    job.start(&guard, work(1), done); // occupies the one thread
    QTRY_COMPARE(ran.load(), 1);
    job.start(&guard, work(2), done); // waits in the queue, superseded by 3 before it starts
    job.start(&guard, work(3), done);
    release.release();
    QTRY_COMPARE(delivered, QList<int>{3});
    QCOMPARE(ran.load(), 2); // 1 and 3: 2 never ran
}

void TestLatestJob::runInBackgroundDeliversEveryJob()
{
    QObject guard;
    QList<int> delivered;
    for (int i = 0; i < 5; ++i)
        runInBackground(&guard, [i] { return i; }, [&delivered](int v) { delivered << v; });
    QCOMPARE(delivered.size(), 0);
    QTRY_COMPARE(delivered.size(), 5);
    std::sort(delivered.begin(), delivered.end());
    QCOMPARE(delivered, (QList<int>{0, 1, 2, 3, 4}));
}

QTEST_GUILESS_MAIN(TestLatestJob)
#include "tst_latestjob.moc"
