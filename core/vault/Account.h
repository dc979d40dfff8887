#pragma once

#include <QDateTime>
#include <QString>

namespace quill::vault {

/// Where an account's key came from.
enum class AccountSource
{
    PrivateKey,
    Mnemonic,
    Keystore,
    Created
};

QString toString(AccountSource source);
bool parseAccountSource(const QString &text, AccountSource &out);

/// What Quill knows about an account without its secret. Stored in the account index; the
/// private key lives only in the keychain under keychainKey().
struct Account
{
    QString address; ///< EIP-55 checksummed
    QString label;
    AccountSource source = AccountSource::PrivateKey;
    QString derivationPath; ///< BIP-32 path for mnemonic/created accounts, else empty
    QDateTime createdAt;

    QString keychainKey() const { return QStringLiteral("wallet:") + address; }
    bool operator==(const Account &) const = default;
};

} // namespace quill::vault
