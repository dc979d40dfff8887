#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QObject>
#include <QString>

#include <functional>

namespace quill::vault {

/// Where secrets live: private keys, session seeds, pairing tokens. Every call is
/// asynchronous and reports through its callback, always later on the caller's event loop
/// (never re-entrantly), so the GUI thread never waits for the OS keychain.
///
/// Errors: KeychainUnavailable (no OS keychain answers; nothing was persisted),
/// SecretNotFound (read of a missing key), KeychainFailure (anything else, with
/// the backend's message; never contains the secret).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<crypto::SecureBytes>)>;
    using DoneCallback = std::function<void(Status)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString &key, ReadCallback done) = 0;
    /// Secrets: `value` is moved in and wiped after the backend has it.
    virtual void write(const QString &key, crypto::SecureBytes value, DoneCallback done) = 0;
    /// Removing a key that does not exist succeeds (the Secret Service reports no error for
    /// it either), so removal can be retried after a crash.
    virtual void remove(const QString &key, DoneCallback done) = 0;
    /// Reports whether the store can persist secrets right now (KeychainUnavailable if not).
    virtual void probe(DoneCallback done) = 0;

Q_SIGNALS:
    /// A call has been waiting for the keychain for a while (a locked keyring waits for the
    /// user to unlock it, a new one for a password): `waiting` is true until no call waits.
    /// Callers tell the user at once; the call itself fails with KeychainTimeout after a
    /// bounded wait.
    void waitingForUser(bool waiting);
};

} // namespace quill::vault
