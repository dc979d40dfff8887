#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
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

/// Runs `f` on `thread`'s event loop (queued), from any thread. For results that a pool task
/// hands back to an object: `f` holds a QPointer to it and checks it there, on the object's
/// own thread, where it can be destroyed only between events.
template <typename F> void postToThread(QThread *thread, F f)
{
    auto *context = new QObject;
    context->moveToThread(thread);
    QMetaObject::invokeMethod(
        context,
        [context, f = std::move(f)]() mutable {
            f();
            context->deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace quill
