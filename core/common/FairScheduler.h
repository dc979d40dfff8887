#pragma once

#include <QString>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>

class QThreadPool;

namespace quill {

/// Runs batches of independent tasks (one node's signature each) for many parties (apps) on
/// a shared thread pool so that no batch waits behind another's whole run (issue 12):
/// - work is handed out in chunks of a few tasks, and every free worker picks its next chunk;
/// - each party offers only its oldest unfinished batch, so one app sending many requests
///   cannot crowd out another;
/// - among the offered batches the one with the least work left goes first (a small request
///   overtakes a large one at the next chunk; a burst of equal requests finishes in arrival
///   order, not all at once at the end); ties go to the party served least since the
///   scheduler was last idle, then to the earliest batch.
/// At most pool->maxThreadCount() workers run, as ordinary pool tasks: together with the rest
/// of the app they never oversubscribe the cores.
class FairScheduler
{
public:
    using Task = std::function<void(std::size_t index)>;
    using Done = std::function<void()>;

    /// The scheduler the app shares, on QThreadPool::globalInstance().
    static FairScheduler &shared();

    /// `pool` null: QThreadPool::globalInstance() at each submit.
    explicit FairScheduler(QThreadPool *pool, std::size_t chunk = kDefaultChunk);
    /// Waits until every submitted batch has finished.
    ~FairScheduler();
    FairScheduler(const FairScheduler &) = delete;
    FairScheduler &operator=(const FairScheduler &) = delete;

    /// Runs task(0) … task(n - 1), each exactly once, on pool threads (concurrently for
    /// different indices), then done() once on the thread that finished the last task.
    void submit(const QString &party, std::size_t n, Task task, Done done);

    /// About 100 µs of Ed25519 signing per chunk (4 × ~25 µs on the project machine).
    static constexpr std::size_t kDefaultChunk = 4;

private:
    struct Batch
    {
        std::uint64_t seq = 0;
        QString party;
        std::size_t n = 0;
        std::size_t next = 0;     ///< first task not handed out yet
        std::size_t finished = 0; ///< tasks done
        Task task;
        Done done;
    };
    using BatchPtr = std::shared_ptr<Batch>;

    QThreadPool *pool() const;
    BatchPtr pickLocked() const;
    void work();

    QThreadPool *m_pool;
    const std::size_t m_chunk;
    mutable std::mutex m_mutex;
    std::condition_variable *m_idle = nullptr; // set while the destructor waits
    std::list<BatchPtr> m_batches;             // in submission order
    std::map<QString, std::uint64_t> m_served; // batches finished per party this busy period
    std::uint64_t m_seq = 0;
    int m_workers = 0;
};

} // namespace quill
