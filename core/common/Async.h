#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

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
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [result, done = std::move(done)]() mutable { done(std::move(*result)); },
            Qt::QueuedConnection);
    });
}

} // namespace quill
