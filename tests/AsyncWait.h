#pragma once

// Test helper: wait for an asynchronous callback-based call to report, running the event
// loop meanwhile (tests may nest event loops; core never does).

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <optional>
#include <utility>

namespace quill::test {

/// Calls `start(callback)` and spins the event loop until the callback ran (or 20 s pass).
/// Returns: the value handed to the callback, or std::nullopt on timeout.
template <typename T, typename Start>
std::optional<T> await(Start start, int timeoutMs = 20000)
{
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace quill::test
