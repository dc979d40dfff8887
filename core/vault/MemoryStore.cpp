#include "vault/MemoryStore.h"

#include <QMetaObject>

#include <memory>

namespace quill::vault {

namespace {

/// Runs `f` on the next turn of the event loop (never re-entrantly, like a keychain job).
template <typename F> void later(QObject *context, F f)
{
    QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
}

} // namespace

std::optional<Error> MemoryStore::injected()
{
    if (m_unavailable)
        return Error{ErrorCode::KeychainUnavailable, QStringLiteral("no OS keychain available")};
    if (m_failNext) {
        const auto code = *m_failNext;
        m_failNext.reset();
        return Error{code, QStringLiteral("injected failure")};
    }
    return std::nullopt;
}

void MemoryStore::read(const QString &key, ReadCallback done)
{
    Result<crypto::SecureBytes> result = Error{ErrorCode::SecretNotFound, key};
    if (auto e = injected())
        result = *e;
    else if (auto it = m_items.find(key); it != m_items.end())
        result = it->second.clone();
    auto shared = std::make_shared<Result<crypto::SecureBytes>>(std::move(result));
    later(this, [done = std::move(done), shared]() mutable { done(std::move(*shared)); });
}

void MemoryStore::write(const QString &key, crypto::SecureBytes value, DoneCallback done)
{
    Status status = okStatus();
    if (auto e = injected())
        status = *e;
    else
        m_items.insert_or_assign(key, std::move(value));
    later(this, [done = std::move(done), status] { done(status); });
}

void MemoryStore::remove(const QString &key, DoneCallback done)
{
    Status status = okStatus();
    if (auto e = injected())
        status = *e;
    else
        m_items.erase(key);
    later(this, [done = std::move(done), status] { done(status); });
}

void MemoryStore::probe(DoneCallback done)
{
    Status status = okStatus();
    if (auto e = injected())
        status = *e;
    later(this, [done = std::move(done), status] { done(status); });
}

} // namespace quill::vault
