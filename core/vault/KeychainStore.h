#pragma once

#include "vault/SecretStore.h"

namespace quill::vault {

/// SecretStore over the OS keychain through QtKeychain (Secret Service on Linux, service
/// "quill"). The one file that calls QtKeychain. QtKeychain's insecure fallback (which
/// writes secrets in plain text to ~/.config) is never enabled: without a keychain every
/// call fails with KeychainUnavailable and nothing is persisted.
class KeychainStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainStore(QString service = QStringLiteral("quill"), QObject *parent = nullptr);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, crypto::SecureBytes value, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    /// QtKeychain 0.13 has no availability query: reads a key that does not exist and
    /// treats "entry not found" as available.
    void probe(DoneCallback done) override;

private:
    QString m_service;
};

} // namespace quill::vault
