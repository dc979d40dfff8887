#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "vault/Account.h"
#include "vault/JournaledIndex.h"
#include "vault/SecretStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace quill::vault {

/// The user's accounts: a non-secret index (address, label, source, path, creation time)
/// in the data folder, and each private key in the SecretStore.
///
/// The index is a JournaledIndex shared with every other Quill process: an import is
/// recorded `pending` before the key is written and `ready` after, a removal `removing`
/// before the key is deleted; recover() finishes only what a dead process left unfinished,
/// so index and keychain never disagree and no process rolls back another's live work.
class WalletVault : public QObject
{
    Q_OBJECT
public:
    using AccountCallback = std::function<void(Result<Account>)>;
    using KeyCallback = std::function<void(Result<crypto::SecureBytes>)>;
    using DoneCallback = SecretStore::DoneCallback;

    /// `dataDir` holds accounts.json; created if missing.
    WalletVault(SecretStore &store, const QString &dataDir, QObject *parent = nullptr);

    /// Reads the index (again, if another process changed it). Returns: ok, IndexCorrupt
    /// (the file is kept untouched for the user to inspect) or StorageFailure.
    [[nodiscard]] Status load() { return m_index.refresh(); }
    /// Finishes imports/removals that a dead process left unfinished. Call after load().
    void recover(DoneCallback done) { m_index.recover(std::move(done)); }

    /// Accounts that are fully imported, in import order (as of the last load/change).
    QList<Account> accounts() const { return m_accounts; }
    /// Returns: the account with this address (any case), or AccountNotFound.
    [[nodiscard]] Result<Account> account(const QString &address) const;

    /// Stores `privateKey` (32 bytes, valid secp256k1) in the keychain and lists it.
    /// Errors: InvalidPrivateKey, AccountExists, KeychainUnavailable (nothing persisted),
    /// KeychainTimeout, StorageFailure.
    void importKey(crypto::SecureBytes privateKey, QString label, AccountSource source,
                   QString derivationPath, AccountCallback done);
    /// Lists an account whose key is already in the keychain under its keychainKey() but in
    /// no index (left behind by an older Quill): reads the key and checks that it belongs
    /// to `address` first. Errors: AccountExists, SecretNotFound, InvalidPrivateKey (the key
    /// stored there is not this address's), the store's errors, StorageFailure.
    void adopt(const QString &address, QString label, AccountCallback done);
    /// Gives an account a new label: a read-modify-write of the shared index under the data
    /// folder's lock (another process's changes in between are kept); no keychain call, so
    /// it answers at once. `label` is trimmed. Returns: ok, InvalidArgument (empty after
    /// trimming, longer than kMaxLabelLength, or with control characters), AccountNotFound
    /// (no ready account with this address), IndexCorrupt or StorageFailure.
    [[nodiscard]] Status rename(const QString &address, const QString &label);
    static constexpr int kMaxLabelLength = 64;
    /// Deletes the key from the keychain and the account from the index.
    void remove(const QString &address, DoneCallback done);
    /// Reads an account's private key from the keychain. Secrets: the caller owns the copy.
    void privateKey(const QString &address, KeyCallback done);

    QString indexPath() const { return m_index.path(); }
    JournaledIndex &index() { return m_index; }

Q_SIGNALS:
    void accountsChanged();

private:
    void onIndexChanged();

    SecretStore &m_store;
    JournaledIndex m_index;
    QList<Account> m_accounts;
};

} // namespace quill::vault
