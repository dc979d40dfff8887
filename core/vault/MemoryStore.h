#pragma once

#include "vault/SecretStore.h"

#include <QHash>

#include <map>
#include <optional>

namespace quill::vault {

/// In-memory SecretStore for tests and `quill --demo`. Answers asynchronously like the
/// keychain (queued to the event loop) and can inject failures.
class MemoryStore final : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, crypto::SecureBytes value, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    void probe(DoneCallback done) override;

    /// Every call fails with KeychainUnavailable while set.
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    /// The next call fails with `code` (once).
    void failNext(ErrorCode code) { m_failNext = code; }

    bool contains(const QString &key) const { return m_items.count(key) != 0; }
    std::size_t size() const { return m_items.size(); }

private:
    std::optional<Error> injected();

    std::map<QString, crypto::SecureBytes> m_items;
    bool m_unavailable = false;
    std::optional<ErrorCode> m_failNext;
};

} // namespace quill::vault
