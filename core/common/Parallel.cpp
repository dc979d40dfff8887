#include "common/Parallel.h"

#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace quill {

namespace {

/// Shared by the caller and its helpers; a helper may still hold it for a moment after the
/// caller returned (it finds no index left and exits without calling `body`).
struct Work
{
    std::function<void(std::size_t)> body;
    std::size_t n = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> finished{0};
    std::mutex mutex;
    std::condition_variable allDone;

    void drain()
    {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            body(i);
            if (finished.fetch_add(1) + 1 == n) {
                const std::lock_guard lock(mutex);
                allDone.notify_all();
            }
        }
    }
};

} // namespace

void parallelFor(std::size_t n, std::size_t minParallel, const std::function<void(std::size_t)> &body)
{
    if (n < std::max<std::size_t>(minParallel, 2)) {
        for (std::size_t i = 0; i < n; ++i)
            body(i);
        return;
    }
    auto work = std::make_shared<Work>();
    work->body = body;
    work->n = n;
    auto *pool = QThreadPool::globalInstance();
    const std::size_t helpers = std::min<std::size_t>(n - 1, std::size_t(std::max(pool->maxThreadCount(), 1)));
    for (std::size_t h = 0; h < helpers; ++h)
        if (!pool->tryStart([work] { work->drain(); }))
            break;
    work->drain();
    std::unique_lock lock(work->mutex);
    work->allDone.wait(lock, [&] { return work->finished.load() == n; });
}

} // namespace quill
