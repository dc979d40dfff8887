#include "vault/SessionKeyStore.h"

#include "crypto/Random.h"
#include "vault/WalletVault.h"

#include <QJsonObject>

namespace quill::vault {

SessionKeyStore::SessionKeyStore(SecretStore &store, const QString &dataDir, QObject *parent)
    : QObject(parent), m_store(store),
      m_index(dataDir + QStringLiteral("/session-keys.json"), QStringLiteral("sessionKeys"))
{
}

QString SessionKeyStore::keychainKey(const QString &appId, const QString &address)
{
    return QStringLiteral("session:%1:%2").arg(appId, address.toLower());
}

int SessionKeyStore::find(const QString &appId, const QString &address) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].info.appId == appId &&
            m_entries[i].info.address.compare(address, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

Status SessionKeyStore::load()
{
    m_entries.clear();
    auto records = m_index.read();
    if (!records)
        return records.error();
    for (const auto &v : *records) {
        const auto o = v.toObject();
        Entry e;
        e.info.appId = o.value(QStringLiteral("app")).toString();
        e.info.address = o.value(QStringLiteral("address")).toString();
        e.info.publicKey = o.value(QStringLiteral("publicKey")).toString();
        e.info.createdAt = QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        if (e.info.appId.isEmpty() || e.info.address.isEmpty() ||
            !parseRecordState(o.value(QStringLiteral("state")).toString(), e.state))
            return Error{ErrorCode::IndexCorrupt, m_index.path()};
        m_entries.push_back(e);
    }
    return okStatus();
}

Status SessionKeyStore::save() const
{
    QJsonArray list;
    for (const auto &e : m_entries) {
        QJsonObject o;
        o.insert(QStringLiteral("app"), e.info.appId);
        o.insert(QStringLiteral("address"), e.info.address);
        o.insert(QStringLiteral("publicKey"), e.info.publicKey);
        o.insert(QStringLiteral("createdAt"), e.info.createdAt.toUTC().toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("state"), toString(e.state));
        list.append(o);
    }
    return m_index.write(list);
}

QList<SessionKeyInfo> SessionKeyStore::list() const
{
    QList<SessionKeyInfo> out;
    for (const auto &e : m_entries)
        if (e.state == RecordState::Ready)
            out.push_back(e.info);
    return out;
}

void SessionKeyStore::sessionKey(const QString &appId, const QString &address, KeyCallback done)
{
    const int i = find(appId, address);
    if (i < 0) {
        create(appId, address, crypto::randomBytes(32), std::move(done));
        return;
    }
    if (m_entries[i].state != RecordState::Ready) {
        done(Error{ErrorCode::SecretNotFound, QStringLiteral("session key is being changed; retry")});
        return;
    }
    m_store.read(keychainKey(appId, address), [done](Result<crypto::SecureBytes> seed) {
        if (!seed) {
            done(seed.error());
            return;
        }
        auto key = lit::SessionKey::fromSeed(*seed);
        if (!key) {
            done(key.error());
            return;
        }
        done(std::make_shared<lit::SessionKey>(std::move(key).value()));
    });
}

std::optional<QString> SessionKeyStore::publicKey(const QString &appId, const QString &address) const
{
    const int i = find(appId, address);
    if (i < 0 || m_entries[i].state != RecordState::Ready)
        return std::nullopt;
    return m_entries[i].info.publicKey;
}

void SessionKeyStore::adopt(const QString &appId, const QString &address, crypto::SecureBytes seed, KeyCallback done)
{
    if (find(appId, address) >= 0) {
        done(Error{ErrorCode::AccountExists, QStringLiteral("a session key is already stored for this app and account")});
        return;
    }
    create(appId, address, std::move(seed), std::move(done));
}

void SessionKeyStore::create(const QString &appId, const QString &address, crypto::SecureBytes seed,
                             KeyCallback done)
{
    auto key = lit::SessionKey::fromSeed(seed);
    if (!key) {
        done(key.error());
        return;
    }
    auto shared = std::make_shared<lit::SessionKey>(std::move(key).value());
    SessionKeyInfo info{appId, address, QString::fromStdString(shared->publicKeyHex()),
                        QDateTime::currentDateTimeUtc()};
    m_entries.push_back({info, RecordState::Pending});
    if (auto st = save(); !st) {
        m_entries.pop_back();
        done(st.error());
        return;
    }
    crashPoint("session:after-index");
    m_store.write(keychainKey(appId, address), std::move(seed), [this, info, shared, done](Status st) {
        const int i = find(info.appId, info.address);
        if (!st) {
            if (i >= 0)
                m_entries.removeAt(i);
            (void)save();
            done(st.error());
            return;
        }
        if (i < 0) {
            done(Error{ErrorCode::StorageFailure, QStringLiteral("session key vanished while created")});
            return;
        }
        m_entries[i].state = RecordState::Ready;
        if (auto saved = save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT keysChanged();
        done(shared);
    });
}

void SessionKeyStore::remove(const QString &appId, const QString &address, DoneCallback done)
{
    const int i = find(appId, address);
    if (i < 0) {
        done(Error{ErrorCode::SecretNotFound, keychainKey(appId, address)});
        return;
    }
    m_entries[i].state = RecordState::Removing;
    if (auto st = save(); !st) {
        done(st.error());
        return;
    }
    dropAndContinue({{appId, address}}, std::move(done));
}

void SessionKeyStore::rotate(const QString &appId, const QString &address, KeyCallback done)
{
    remove(appId, address, [this, appId, address, done](Status st) {
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            done(st.error());
            return;
        }
        create(appId, address, crypto::randomBytes(32), done);
    });
}

void SessionKeyStore::recover(DoneCallback done)
{
    QList<std::pair<QString, QString>> unfinished;
    for (const auto &e : m_entries)
        if (e.state != RecordState::Ready)
            unfinished.push_back({e.info.appId, e.info.address});
    dropAndContinue(unfinished, std::move(done));
}

void SessionKeyStore::dropAndContinue(QList<std::pair<QString, QString>> rest, DoneCallback done)
{
    if (rest.isEmpty()) {
        done(okStatus());
        return;
    }
    const auto [appId, address] = rest.takeFirst();
    m_store.remove(keychainKey(appId, address), [this, appId = appId, address = address, rest, done](Status st) {
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            done(st.error());
            return;
        }
        if (const int j = find(appId, address); j >= 0)
            m_entries.removeAt(j);
        if (auto saved = save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT keysChanged();
        dropAndContinue(rest, done);
    });
}

} // namespace quill::vault
