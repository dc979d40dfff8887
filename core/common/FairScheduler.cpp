#include "common/FairScheduler.h"

#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <tuple>

namespace quill {

FairScheduler &FairScheduler::shared()
{
    // No pool pointer kept: Qt 6 deletes the global pool with the QCoreApplication and makes
    // a new one for the next (tests and benchmarks create several).
    static FairScheduler scheduler(nullptr);
    return scheduler;
}

QThreadPool *FairScheduler::pool() const
{
    return m_pool ? m_pool : QThreadPool::globalInstance();
}

FairScheduler::FairScheduler(QThreadPool *pool, std::size_t chunk)
    : m_pool(pool), m_chunk(std::max<std::size_t>(chunk, 1))
{
}

FairScheduler::~FairScheduler()
{
    std::condition_variable idle;
    std::unique_lock lock(m_mutex);
    m_idle = &idle;
    idle.wait(lock, [&] { return m_workers == 0; });
    m_idle = nullptr;
}

void FairScheduler::submit(const QString &party, std::size_t n, Task task, Done done)
{
    if (n == 0) {
        if (done)
            done();
        return;
    }
    auto batch = std::make_shared<Batch>();
    batch->party = party;
    batch->n = n;
    batch->task = std::move(task);
    batch->done = std::move(done);
    QThreadPool *target = pool();
    if (!target) { // the application is closing down: no pool any more, run it here
        for (std::size_t i = 0; i < n; ++i)
            batch->task(i);
        if (batch->done)
            batch->done();
        return;
    }
    bool startWorker = false;
    {
        const std::lock_guard lock(m_mutex);
        batch->seq = m_seq++;
        m_batches.push_back(std::move(batch));
        if (m_workers < std::max(target->maxThreadCount(), 1)) {
            ++m_workers;
            startWorker = true;
        }
    }
    if (startWorker)
        target->start([this] { work(); });
}

FairScheduler::BatchPtr FairScheduler::pickLocked() const
{
    // Each party's oldest batch with tasks left to hand out.
    std::map<QString, BatchPtr> offered;
    for (const auto &b : m_batches)
        if (b->next < b->n && !offered.count(b->party))
            offered.emplace(b->party, b);
    BatchPtr best;
    auto rank = [this](const BatchPtr &b) {
        const auto served = m_served.find(b->party);
        return std::make_tuple(b->n - b->next, served == m_served.end() ? 0 : served->second,
                               b->seq);
    };
    for (const auto &[party, b] : offered)
        if (!best || rank(b) < rank(best))
            best = b;
    return best;
}

void FairScheduler::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        BatchPtr batch = pickLocked();
        if (!batch)
            break;
        const std::size_t begin = batch->next;
        const std::size_t end = std::min(begin + m_chunk, batch->n);
        batch->next = end;
        lock.unlock();
        for (std::size_t i = begin; i < end; ++i)
            batch->task(i);
        lock.lock();
        batch->finished += end - begin;
        if (batch->finished == batch->n) {
            m_batches.remove(batch);
            ++m_served[batch->party];
            lock.unlock();
            if (batch->done)
                batch->done();
            lock.lock();
        }
    }
    if (--m_workers == 0) {
        if (m_batches.empty())
            m_served.clear(); // idle: a new busy period starts even
        if (m_idle)
            m_idle->notify_all();
    }
}

} // namespace quill
