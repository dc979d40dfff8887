#include "vault/SessionKeyStore.h"

#include "crypto/Random.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace quill::vault {

namespace {

constexpr int kBusyRetries = 50;       ///< another process is creating the same key …
constexpr int kBusyRetryDelayMs = 100; ///< … so wait up to 5 s for it

std::optional<SessionKeyInfo> infoFrom(const QJsonObject &o)
{
    SessionKeyInfo info;
    info.appId = o.value(QStringLiteral("app")).toString();
    info.address = o.value(QStringLiteral("address")).toString();
    info.publicKey = o.value(QStringLiteral("publicKey")).toString();
    info.createdAt =
        QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    if (info.appId.isEmpty() || info.address.isEmpty())
        return std::nullopt;
    return info;
}

QJsonObject toJson(const SessionKeyInfo &info)
{
    QJsonObject o;
    o.insert(QStringLiteral("app"), info.appId);
    o.insert(QStringLiteral("address"), info.address);
    o.insert(QStringLiteral("publicKey"), info.publicKey);
    o.insert(QStringLiteral("createdAt"), info.createdAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

} // namespace

QString SessionKeyStore::keyOf(const QString &appId, const QString &address)
{
    return appId + QLatin1Char(':') + address.toLower();
}

SessionKeyStore::SessionKeyStore(SecretStore &store, const QString &dataDir, QObject *parent)
    : QObject(parent),
      m_index(dataDir,
              {QStringLiteral("session-keys.json"), QStringLiteral("sessionKeys"),
               [](const QJsonObject &o) -> std::optional<QString> {
                   const auto info = infoFrom(o);
                   return info ? std::optional<QString>(keyOf(info->appId, info->address))
                               : std::nullopt;
               },
               [](const QString &key) -> QString { // not a QStringBuilder: see WalletVault
                   return QStringLiteral("session:") + key;
               }},
              &store)
{
    connect(&m_index, &JournaledIndex::changed, this, &SessionKeyStore::onIndexChanged);
}

void SessionKeyStore::onIndexChanged()
{
    if (m_index.decodeReady(m_keys, infoFrom))
        Q_EMIT keysChanged();
}

std::optional<QString> SessionKeyStore::publicKey(const QString &appId,
                                                  const QString &address) const
{
    for (const auto &k : m_keys)
        if (k.appId == appId && k.address.compare(address, Qt::CaseInsensitive) == 0)
            return k.publicKey;
    return std::nullopt;
}

void SessionKeyStore::sessionKey(const QString &appId, const QString &address, KeyCallback done)
{
    sessionKeyAttempt(appId, address, kBusyRetries, std::move(done));
}

void SessionKeyStore::sessionKeyAttempt(const QString &appId, const QString &address,
                                        int attemptsLeft, KeyCallback done)
{
    if (auto st = m_index.refresh(); !st) {
        done(st.error());
        return;
    }
    QPointer<SessionKeyStore> self(this);
    auto retryLater = [self, appId, address, attemptsLeft, done](const Error &busy) {
        if (!self || attemptsLeft <= 0) {
            done(busy);
            return;
        }
        QTimer::singleShot(kBusyRetryDelayMs, self, [self, appId, address, attemptsLeft, done] {
            self->sessionKeyAttempt(appId, address, attemptsLeft - 1, done);
        });
    };
    const auto record = m_index.find(keyOf(appId, address));
    if (!record) {
        // Another process may create the same key at the same moment: the loser waits for
        // the winner's key instead of failing.
        create(appId, address, crypto::randomBytes(32),
               [retryLater, done](Result<std::shared_ptr<lit::SessionKey>> key) {
                   if (!key && key.error().code == ErrorCode::AccountExists)
                       retryLater(key.error());
                   else
                       done(std::move(key));
               });
        return;
    }
    if (record->state != RecordState::Ready) {
        retryLater(Error{ErrorCode::SecretNotFound,
                         QStringLiteral("session key is being changed; retry")});
        return;
    }
    m_index.readSecret(record->key, [done](Result<crypto::SecureBytes> seed) {
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

void SessionKeyStore::adopt(const QString &appId, const QString &address, crypto::SecureBytes seed,
                            KeyCallback done)
{
    create(appId, address, std::move(seed), [done](Result<std::shared_ptr<lit::SessionKey>> key) {
        if (!key && key.error().code == ErrorCode::AccountExists)
            done(Error{ErrorCode::AccountExists,
                       QStringLiteral("a session key is already stored for this app and account")});
        else
            done(std::move(key));
    });
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
    const SessionKeyInfo info{appId, address, QString::fromStdString(shared->publicKeyHex()),
                              QDateTime::currentDateTimeUtc()};
    m_index.add(toJson(info), std::move(seed), [shared, done](Status st) {
        if (st)
            done(shared);
        else
            done(st.error());
    });
}

void SessionKeyStore::remove(const QString &appId, const QString &address, DoneCallback done)
{
    const QString key = keyOf(appId, address);
    m_index.remove(key, [key, done](Status st) {
        if (!st && st.error().code == ErrorCode::AccountNotFound)
            done(Error{ErrorCode::SecretNotFound, QStringLiteral("session:") + key});
        else
            done(st);
    });
}

void SessionKeyStore::rotate(const QString &appId, const QString &address, KeyCallback done)
{
    QPointer<SessionKeyStore> self(this);
    remove(appId, address, [self, appId, address, done](Status st) {
        if (!self)
            return;
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            done(st.error());
            return;
        }
        self->create(appId, address, crypto::randomBytes(32), done);
    });
}

} // namespace quill::vault
