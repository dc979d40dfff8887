#pragma once

#include "common/Result.h"
#include "lit/SessionKey.h"
#include "vault/JournaledIndex.h"
#include "vault/SecretStore.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace quill::vault {

/// Non-secret facts about one app's session key for one account.
struct SessionKeyInfo
{
    QString appId;
    QString address;   ///< the account (EIP-55)
    QString publicKey; ///< 64 lowercase hex
    QDateTime createdAt;
    bool operator==(const SessionKeyInfo &) const = default;
};

/// One Ed25519 session key per (app, account), created on first use. The 32-byte seed lives
/// only in the SecretStore ("session:<app>:<address>"); the index in the data folder
/// (session-keys.json, a JournaledIndex shared with other processes) lists which keys exist.
class SessionKeyStore : public QObject
{
    Q_OBJECT
public:
    using KeyCallback = std::function<void(Result<std::shared_ptr<lit::SessionKey>>)>;
    using DoneCallback = SecretStore::DoneCallback;

    SessionKeyStore(SecretStore &store, const QString &dataDir, QObject *parent = nullptr);

    /// Reads the index (again, if another process changed it).
    [[nodiscard]] Status load() { return m_index.refresh(); }
    /// Rolls back creations and completes deletions that a dead process left unfinished.
    void recover(DoneCallback done) { m_index.recover(std::move(done)); }

    QList<SessionKeyInfo> list() const { return m_keys; }

    /// The app's key for the account: loaded from the keychain, or created and stored. If
    /// another process is creating the same key right now, waits for it (up to a few s).
    void sessionKey(const QString &appId, const QString &address, KeyCallback done);
    /// The stored key's public half from the index (no keychain access), if there is one.
    std::optional<QString> publicKey(const QString &appId, const QString &address) const;
    /// Stores `seed` as the app's key for the account (a key first shown in a review and
    /// persisted only once the user approved). Errors: AccountExists if one is stored.
    void adopt(const QString &appId, const QString &address, crypto::SecureBytes seed,
               KeyCallback done);
    /// Deletes the key (revocation); the next sessionKey() creates a fresh one.
    /// Errors: SecretNotFound if there is none.
    void remove(const QString &appId, const QString &address, DoneCallback done);
    /// Deletes and recreates the key.
    void rotate(const QString &appId, const QString &address, KeyCallback done);

    JournaledIndex &index() { return m_index; }

Q_SIGNALS:
    void keysChanged();

private:
    static QString keyOf(const QString &appId, const QString &address);
    void create(const QString &appId, const QString &address, crypto::SecureBytes seed,
                KeyCallback done);
    void sessionKeyAttempt(const QString &appId, const QString &address, int attemptsLeft,
                           KeyCallback done);
    void onIndexChanged();

    JournaledIndex m_index;
    QList<SessionKeyInfo> m_keys;
};

} // namespace quill::vault
