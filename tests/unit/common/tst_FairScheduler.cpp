#include "common/FairScheduler.h"

#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

using namespace quill;

namespace {

/// Completion order of batches, and a gate that holds the only worker until every batch of
/// a case is submitted (so that the order depends on the policy alone).
struct Recorder
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<QString> finished;
    bool open = false;

    FairScheduler::Done doneOf(const QString &name)
    {
        return [this, name] {
            const std::lock_guard lock(mutex);
            finished.push_back(name);
            changed.notify_all();
        };
    }
    void holdFirstWorker(FairScheduler &s)
    {
        s.submit(
            QStringLiteral("gate"), 1,
            [this](std::size_t) {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return open; });
            },
            doneOf(QStringLiteral("gate")));
    }
    QStringList release(std::size_t batches)
    {
        std::unique_lock lock(mutex);
        open = true;
        changed.notify_all();
        changed.wait_for(lock, std::chrono::seconds(20),
                         [&] { return finished.size() == batches; });
        QStringList out;
        for (const auto &f : finished)
            out << f;
        return out;
    }
};

FairScheduler::Task noop()
{
    return [](std::size_t) {
    };
}

} // namespace

class TestFairScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTaskRunsOnce_andDoneOnce()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        std::vector<std::atomic<int>> runs(1000);
        std::atomic<int> done{0};
        {
            FairScheduler s(&pool, 3);
            for (int b = 0; b < 10; ++b)
                s.submit(
                    QStringLiteral("app-%1").arg(b % 3), 100,
                    [&, b](std::size_t i) { runs[std::size_t(b) * 100 + i]++; }, [&] { done++; });
        } // the destructor waits for every batch
        QCOMPARE(done.load(), 10);
        for (const auto &r : runs)
            QCOMPARE(r.load(), 1);
    }
    // A small request overtakes a large one at the next chunk: it does not wait for the large
    // one's whole batch.
    void smallOvertakesLarge()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        Recorder r;
        FairScheduler s(&pool, 2);
        r.holdFirstWorker(s);
        s.submit(QStringLiteral("big"), 100, noop(), r.doneOf(QStringLiteral("big")));
        s.submit(QStringLiteral("small"), 3, noop(), r.doneOf(QStringLiteral("small")));
        QCOMPARE(r.release(3), QStringLiteral("gate,small,big").split(QLatin1Char(',')));
    }
    // Equal requests from different apps finish in arrival order (not all at the end).
    void equalBurst_finishesInArrivalOrder()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        Recorder r;
        FairScheduler s(&pool, 4);
        r.holdFirstWorker(s);
        QStringList expected{QStringLiteral("gate")};
        for (int i = 0; i < 5; ++i) {
            const QString name = QStringLiteral("app-%1").arg(i);
            s.submit(name, 30, noop(), r.doneOf(name));
            expected << name;
        }
        QCOMPARE(r.release(6), expected);
    }
    // An app that queued many requests does not crowd out one that asks once.
    void oneAppsQueue_doesNotStarveAnother()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        Recorder r;
        FairScheduler s(&pool, 4);
        r.holdFirstWorker(s);
        for (int i = 1; i <= 4; ++i)
            s.submit(QStringLiteral("flood"), 30, noop(),
                     r.doneOf(QStringLiteral("flood-%1").arg(i)));
        s.submit(QStringLiteral("quiet"), 30, noop(), r.doneOf(QStringLiteral("quiet")));
        QCOMPARE(
            r.release(6),
            QStringLiteral("gate,flood-1,quiet,flood-2,flood-3,flood-4").split(QLatin1Char(',')));
    }
    void emptyBatch_isDoneAtOnce()
    {
        QThreadPool pool;
        FairScheduler s(&pool);
        bool done = false;
        s.submit(QStringLiteral("a"), 0, noop(), [&] { done = true; });
        QVERIFY(done);
    }
};

QTEST_GUILESS_MAIN(TestFairScheduler)
#include "tst_FairScheduler.moc"
