#pragma once

#include <cstddef>
#include <functional>

namespace quill {

/// Runs `body(i)` once for every i in [0, n): on the calling thread and, when n ≥ minParallel,
/// also on threads of Qt's global pool that are idle right now (QThreadPool::tryStart: nothing
/// is queued, so 20 concurrent callers never oversubscribe the cores, and a busy pool only
/// means the caller does the work itself). Returns when every index has run. `body` must be
/// safe to call concurrently for different indices.
void parallelFor(std::size_t n, std::size_t minParallel, const std::function<void(std::size_t)> &body);

} // namespace quill
