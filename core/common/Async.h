#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <openssl/crypto.h>

#include <memory>
#include <type_traits>
#include <utility>

namespace quill {

/// Runs `work` on Qt's global thread pool and delivers its result to `done` on `context`'s
/// thread (queued), unless `context` has been destroyed meanwhile. For slow work (KDFs,
/// signing for many nodes) that must never run on the GUI thread. No nested event loop.
template <typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work &>;
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<R>(work());
        // Pool threads outlive the task: release OpenSSL's per-thread state (DRBG, error
        // queue) now rather than leaving it to thread exit, which the pool may never reach
        // before the process ends.
        OPENSSL_thread_stop();
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [result, done = std::move(done)]() mutable { done(std::move(*result)); },
            Qt::QueuedConnection);
    });
}

} // namespace quill
