#pragma once

#include "common/Result.h"
#include "lit/SessionKey.h"
#include "vault/IndexFile.h"
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
};

/// One Ed25519 session key per (app, account), created on first use. The 32-byte seed lives
/// only in the SecretStore ("session:<app>:<address>"); the index in the data folder lists
/// which keys exist, with the same pending/ready/removing journal as WalletVault.
class SessionKeyStore : public QObject
{
    Q_OBJECT
public:
    using KeyCallback = std::function<void(Result<std::shared_ptr<lit::SessionKey>>)>;
    using DoneCallback = SecretStore::DoneCallback;

    SessionKeyStore(SecretStore &store, const QString &dataDir, QObject *parent = nullptr);

    [[nodiscard]] Status load();
    /// Rolls back interrupted creations and completes interrupted deletions.
    void recover(DoneCallback done);

    QList<SessionKeyInfo> list() const;

    /// The app's key for the account: loaded from the keychain, or created and stored.
    void sessionKey(const QString &appId, const QString &address, KeyCallback done);
    /// The stored key's public half from the index (no keychain access), if there is one.
    std::optional<QString> publicKey(const QString &appId, const QString &address) const;
    /// Stores `seed` as the app's key for the account (a key first shown in a review and
    /// persisted only once the user approved). Errors: AccountExists if one is stored.
    void adopt(const QString &appId, const QString &address, crypto::SecureBytes seed, KeyCallback done);
    /// Deletes the key (revocation); the next sessionKey() creates a fresh one.
    void remove(const QString &appId, const QString &address, DoneCallback done);
    /// Deletes and recreates the key.
    void rotate(const QString &appId, const QString &address, KeyCallback done);

Q_SIGNALS:
    void keysChanged();

private:
    struct Entry
    {
        SessionKeyInfo info;
        RecordState state;
    };
    static QString keychainKey(const QString &appId, const QString &address);
    int find(const QString &appId, const QString &address) const;
    [[nodiscard]] Status save() const;
    void create(const QString &appId, const QString &address, crypto::SecureBytes seed, KeyCallback done);
    void dropAndContinue(QList<std::pair<QString, QString>> rest, DoneCallback done);

    SecretStore &m_store;
    IndexFile m_index;
    QList<Entry> m_entries;
};

} // namespace quill::vault
