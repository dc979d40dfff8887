#include "vault/WalletVault.h"

#include "crypto/Secp256k1.h"
#include "eth/Address.h"

#include <QJsonObject>

#include <cstdlib>
#include <cstring>

namespace quill::vault {

QString toString(AccountSource source)
{
    switch (source) {
    case AccountSource::PrivateKey: return QStringLiteral("private-key");
    case AccountSource::Mnemonic: return QStringLiteral("mnemonic");
    case AccountSource::Keystore: return QStringLiteral("keystore");
    case AccountSource::Created: return QStringLiteral("created");
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

void crashPoint(const char *point)
{
    const char *at = std::getenv("QUILL_TEST_CRASH_AT");
    if (at && std::strcmp(at, point) == 0)
        std::_Exit(86);
}

WalletVault::WalletVault(SecretStore &store, QString dataDir, QObject *parent)
    : QObject(parent), m_store(store), m_index(dataDir + QStringLiteral("/accounts.json"), QStringLiteral("accounts"))
{
}

QString WalletVault::indexPath() const { return m_index.path(); }

Status WalletVault::load()
{
    m_entries.clear();
    auto records = m_index.read();
    if (!records)
        return records.error();
    for (const auto &v : *records) {
        const auto o = v.toObject();
        Entry e;
        e.account.label = o.value(QStringLiteral("label")).toString();
        e.account.derivationPath = o.value(QStringLiteral("path")).toString();
        e.account.createdAt = QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        auto address = eth::Address::parse(o.value(QStringLiteral("address")).toString().toStdString());
        if (!address || !parseAccountSource(o.value(QStringLiteral("source")).toString(), e.account.source) ||
            !parseRecordState(o.value(QStringLiteral("state")).toString(), e.state))
            return Error{ErrorCode::IndexCorrupt, m_index.path()};
        e.account.address = QString::fromStdString(address->toChecksummed());
        m_entries.push_back(e);
    }
    return okStatus();
}

Status WalletVault::save() const
{
    QJsonArray list;
    for (const auto &e : m_entries) {
        QJsonObject o;
        o.insert(QStringLiteral("address"), e.account.address);
        o.insert(QStringLiteral("label"), e.account.label);
        o.insert(QStringLiteral("source"), toString(e.account.source));
        if (!e.account.derivationPath.isEmpty())
            o.insert(QStringLiteral("path"), e.account.derivationPath);
        o.insert(QStringLiteral("createdAt"), e.account.createdAt.toUTC().toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("state"), toString(e.state));
        list.append(o);
    }
    return m_index.write(list);
}

int WalletVault::find(const QString &address) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].account.address.compare(address, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QList<Account> WalletVault::accounts() const
{
    QList<Account> out;
    for (const auto &e : m_entries)
        if (e.state == RecordState::Ready)
            out.push_back(e.account);
    return out;
}

Result<Account> WalletVault::account(const QString &address) const
{
    const int i = find(address);
    if (i < 0 || m_entries[i].state != RecordState::Ready)
        return Error{ErrorCode::AccountNotFound, address};
    return m_entries[i].account;
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
    account.label = label.isEmpty() ? QStringLiteral("Account %1").arg(accounts().size() + 1) : label;
    account.source = source;
    account.derivationPath = derivationPath;
    account.createdAt = QDateTime::currentDateTimeUtc();
    if (find(account.address) >= 0) {
        done(Error{ErrorCode::AccountExists, account.address});
        return;
    }
    m_entries.push_back({account, RecordState::Pending});
    if (auto st = save(); !st) {
        m_entries.pop_back();
        done(st.error());
        return;
    }
    crashPoint("import:after-index");
    m_store.write(account.keychainKey(), std::move(privateKey), [this, account, done](Status st) {
        const int i = find(account.address);
        if (!st) {
            if (i >= 0)
                m_entries.removeAt(i);
            (void)save(); // best effort; recover() also drops the pending entry
            done(st.error());
            return;
        }
        crashPoint("import:after-secret");
        if (i < 0) {
            done(Error{ErrorCode::StorageFailure, QStringLiteral("account vanished during import")});
            return;
        }
        m_entries[i].state = RecordState::Ready;
        if (auto saved = save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT accountsChanged();
        done(account);
    });
}

void WalletVault::remove(const QString &address, DoneCallback done)
{
    const int i = find(address);
    if (i < 0 || m_entries[i].state == RecordState::Pending) {
        done(Error{ErrorCode::AccountNotFound, address});
        return;
    }
    m_entries[i].state = RecordState::Removing;
    if (auto st = save(); !st) {
        m_entries[i].state = RecordState::Ready;
        done(st.error());
        return;
    }
    crashPoint("remove:after-index");
    const Account account = m_entries[i].account;
    m_store.remove(account.keychainKey(), [this, account, done](Status st) {
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            // The key is still in the keychain: keep the account (still "removing"; the
            // next recover() retries) and say why.
            done(st.error());
            return;
        }
        crashPoint("remove:after-secret");
        if (const int j = find(account.address); j >= 0)
            m_entries.removeAt(j);
        if (auto saved = save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT accountsChanged();
        done(okStatus());
    });
}

void WalletVault::privateKey(const QString &address, KeyCallback done)
{
    auto account = this->account(address);
    if (!account) {
        done(account.error());
        return;
    }
    m_store.read(account->keychainKey(), std::move(done));
}

void WalletVault::recover(DoneCallback done)
{
    QList<QString> unfinished;
    for (const auto &e : m_entries)
        if (e.state != RecordState::Ready)
            unfinished.push_back(e.account.address);
    recoverNext(unfinished, std::move(done));
}

void WalletVault::recoverNext(QList<QString> addresses, DoneCallback done)
{
    if (addresses.isEmpty()) {
        done(okStatus());
        return;
    }
    const QString address = addresses.takeFirst();
    const int i = find(address);
    if (i < 0) {
        recoverNext(addresses, done);
        return;
    }
    // A pending import is rolled back; a removal is completed. Either way the key goes.
    m_store.remove(m_entries[i].account.keychainKey(), [this, address, addresses, done](Status st) {
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            done(st.error());
            return;
        }
        if (const int j = find(address); j >= 0)
            m_entries.removeAt(j);
        if (auto saved = save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT accountsChanged();
        recoverNext(addresses, done);
    });
}

} // namespace quill::vault
