#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "vault/Account.h"
#include "vault/IndexFile.h"
#include "vault/SecretStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace quill::vault {

/// The user's accounts: a non-secret index (address, label, source, path, creation time)
/// in the data folder, and each private key in the SecretStore.
///
/// Crash consistency: the index records an import as `pending` before the key is written
/// and as `ready` after; a removal is recorded as `removing` before the key is deleted.
/// recover() finishes what a crash interrupted — a pending import is rolled back (key
/// deleted), a removal is completed — so index and keychain never disagree: the user sees
/// the old state or the new one. The index is written atomically (QSaveFile).
class WalletVault : public QObject
{
    Q_OBJECT
public:
    using AccountCallback = std::function<void(Result<Account>)>;
    using KeyCallback = std::function<void(Result<crypto::SecureBytes>)>;
    using DoneCallback = SecretStore::DoneCallback;

    /// `dataDir` holds accounts.json; created if missing.
    WalletVault(SecretStore &store, QString dataDir, QObject *parent = nullptr);

    /// Reads the index. Returns: ok, IndexCorrupt (the file is kept untouched for the user
    /// to inspect) or StorageFailure.
    [[nodiscard]] Status load();
    /// Finishes interrupted imports/removals (see class comment). Call after load().
    void recover(DoneCallback done);

    /// Accounts that are fully imported, in import order.
    QList<Account> accounts() const;
    /// Returns: the account with this address (any case), or AccountNotFound.
    [[nodiscard]] Result<Account> account(const QString &address) const;

    /// Stores `privateKey` (32 bytes, valid secp256k1) in the keychain and lists it.
    /// Errors: InvalidPrivateKey, AccountExists, KeychainUnavailable (nothing persisted),
    /// StorageFailure.
    void importKey(crypto::SecureBytes privateKey, QString label, AccountSource source,
                   QString derivationPath, AccountCallback done);
    /// Deletes the key from the keychain and the account from the index.
    void remove(const QString &address, DoneCallback done);
    /// Reads an account's private key from the keychain. Secrets: the caller owns the copy.
    void privateKey(const QString &address, KeyCallback done);

    QString indexPath() const;

Q_SIGNALS:
    void accountsChanged();

private:
    struct Entry
    {
        Account account;
        RecordState state;
    };

    [[nodiscard]] Status save() const;
    int find(const QString &address) const;
    void recoverNext(QList<QString> addresses, DoneCallback done);

    SecretStore &m_store;
    IndexFile m_index;
    QList<Entry> m_entries;
};

/// Test seam for the crash-consistency tests: if the environment variable
/// QUILL_TEST_CRASH_AT equals `point`, the process exits at once (as if killed there).
void crashPoint(const char *point);

} // namespace quill::vault
