#include "vault/WalletVault.h"

#include "crypto/Secp256k1.h"
#include "eth/Address.h"

#include <QJsonObject>
#include <QPointer>

#include <algorithm>

namespace quill::vault {

QString toString(AccountSource source)
{
    switch (source) {
    case AccountSource::PrivateKey:
        return QStringLiteral("private-key");
    case AccountSource::Mnemonic:
        return QStringLiteral("mnemonic");
    case AccountSource::Keystore:
        return QStringLiteral("keystore");
    case AccountSource::Created:
        return QStringLiteral("created");
    }
    return {};
}

bool parseAccountSource(const QString &text, AccountSource &out)
{
    for (auto s : {AccountSource::PrivateKey, AccountSource::Mnemonic, AccountSource::Keystore,
                   AccountSource::Created})
        if (toString(s) == text) {
            out = s;
            return true;
        }
    return false;
}

namespace {

std::optional<QString> checksummed(const QString &address)
{
    auto parsed = eth::Address::parse(address.toStdString());
    if (!parsed)
        return std::nullopt;
    return QString::fromStdString(parsed->toChecksummed());
}

std::optional<Account> accountFrom(const QJsonObject &o)
{
    Account a;
    const auto address = checksummed(o.value(QStringLiteral("address")).toString());
    if (!address || !parseAccountSource(o.value(QStringLiteral("source")).toString(), a.source))
        return std::nullopt;
    a.address = *address;
    a.label = o.value(QStringLiteral("label")).toString();
    a.derivationPath = o.value(QStringLiteral("path")).toString();
    a.createdAt =
        QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    return a;
}

QJsonObject toJson(const Account &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("address"), a.address);
    o.insert(QStringLiteral("label"), a.label);
    o.insert(QStringLiteral("source"), toString(a.source));
    if (!a.derivationPath.isEmpty())
        o.insert(QStringLiteral("path"), a.derivationPath);
    o.insert(QStringLiteral("createdAt"), a.createdAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

JournaledIndex::Layout layout()
{
    return {QStringLiteral("accounts.json"), QStringLiteral("accounts"),
            [](const QJsonObject &o) -> std::optional<QString> {
                const auto a = accountFrom(o);
                return a ? std::optional<QString>(a->address) : std::nullopt;
            },
            [](const QString &address) -> QString {
                // -> QString: with QT_USE_QSTRINGBUILDER the sum is a builder that refers to
                // the literal, which dies when the lambda returns.
                return QStringLiteral("wallet:") + address;
            }};
}

} // namespace

WalletVault::WalletVault(SecretStore &store, const QString &dataDir, QObject *parent)
    : QObject(parent), m_store(store), m_index(dataDir, layout(), &store)
{
    connect(&m_index, &JournaledIndex::changed, this, &WalletVault::onIndexChanged);
}

void WalletVault::onIndexChanged()
{
    if (m_index.decodeReady(m_accounts, accountFrom))
        Q_EMIT accountsChanged();
}

Result<Account> WalletVault::account(const QString &address) const
{
    for (const auto &a : m_accounts)
        if (a.address.compare(address, Qt::CaseInsensitive) == 0)
            return a;
    return Error{ErrorCode::AccountNotFound, address};
}

void WalletVault::importKey(crypto::SecureBytes privateKey, QString label, AccountSource source,
                            QString derivationPath, AccountCallback done)
{
    auto pub = crypto::secp256k1::publicKey(privateKey);
    if (!pub) {
        done(pub.error());
        return;
    }
    Account account;
    account.address = QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed());
    account.label =
        label.isEmpty() ? QStringLiteral("Account %1").arg(m_accounts.size() + 1) : label;
    account.source = source;
    account.derivationPath = derivationPath;
    account.createdAt = QDateTime::currentDateTimeUtc();
    m_index.add(toJson(account), std::move(privateKey),
                [account, done = std::move(done)](Status st) {
                    if (st)
                        done(account);
                    else
                        done(st.error());
                });
}

void WalletVault::adopt(const QString &address, QString label, AccountCallback done)
{
    const auto normalised = checksummed(address);
    if (!normalised) {
        done(Error{ErrorCode::InvalidAddress, address});
        return;
    }
    Account account;
    account.address = *normalised;
    QPointer<WalletVault> self(this);
    m_store.read(account.keychainKey(), [self, account, label, done = std::move(done)](
                                            Result<crypto::SecureBytes> key) mutable {
        if (!self)
            return;
        if (!key) {
            done(key.error());
            return;
        }
        auto pub = crypto::secp256k1::publicKey(*key);
        if (!pub || QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed()) !=
                        account.address) {
            done(Error{ErrorCode::InvalidPrivateKey,
                       QStringLiteral("the keychain item %1 does not hold the key of that address")
                           .arg(account.keychainKey())});
            return;
        }
        self->importKey(std::move(key).value(), label, AccountSource::PrivateKey, QString(),
                        std::move(done));
    });
}

void WalletVault::remove(const QString &address, DoneCallback done)
{
    const auto normalised = checksummed(address);
    if (!normalised) {
        done(Error{ErrorCode::AccountNotFound, address});
        return;
    }
    m_index.remove(*normalised, std::move(done));
}

Status WalletVault::rename(const QString &address, const QString &label)
{
    const QString trimmed = label.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxLabelLength ||
        std::any_of(trimmed.begin(), trimmed.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a label is 1 to %1 characters, without control characters")
                         .arg(kMaxLabelLength)};
    const auto normalised = checksummed(address);
    if (!normalised)
        return Error{ErrorCode::AccountNotFound, address};
    return m_index.update([&](QList<Record> &records) -> Status {
        for (auto &r : records)
            if (r.key == *normalised && r.state == RecordState::Ready) {
                r.data.insert(QStringLiteral("label"), trimmed);
                return okStatus();
            }
        return Error{ErrorCode::AccountNotFound, *normalised};
    });
}

void WalletVault::privateKey(const QString &address, KeyCallback done)
{
    const auto normalised = checksummed(address);
    if (!normalised) {
        done(Error{ErrorCode::AccountNotFound, address});
        return;
    }
    m_index.readSecret(*normalised, std::move(done));
}

} // namespace quill::vault
