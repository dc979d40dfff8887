#include "api/PairingStore.h"

#include "crypto/Encoding.h"
#include "crypto/Random.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QScopeGuard>

namespace quill::api {

namespace {

bool parseTransport(const QString &text, Transport &out)
{
    for (auto t : {Transport::LocalSocket, Transport::WebSocket})
        if (toString(t) == text) {
            out = t;
            return true;
        }
    return false;
}

Error unauthorized()
{
    return Error{ErrorCode::Unauthorized, QString()};
}

} // namespace

PairingStore::PairingStore(vault::SecretStore &secrets, const QString &dataDir, QObject *parent)
    : QObject(parent), m_secrets(secrets),
      m_index(dataDir + QStringLiteral("/apps.json"), QStringLiteral("apps"))
{
}

Status PairingStore::load()
{
    m_entries.clear();
    auto records = m_index.read();
    if (!records)
        return records.error();
    for (const auto &v : *records) {
        const auto o = v.toObject();
        Entry e;
        e.app.appId = o.value(QStringLiteral("appId")).toString();
        e.app.name = o.value(QStringLiteral("name")).toString();
        e.app.claimedName = o.value(QStringLiteral("claimedName")).toString();
        e.app.description = o.value(QStringLiteral("description")).toString();
        e.app.url = o.value(QStringLiteral("url")).toString();
        e.app.origin = o.value(QStringLiteral("origin")).toString();
        e.app.executable = o.value(QStringLiteral("executable")).toString();
        e.app.pairedAt = static_cast<UnixMillis>(o.value(QStringLiteral("pairedAt")).toDouble());
        if (!crypto::isLowerHex(e.app.appId.toStdString(), 32) ||
            !parseTransport(o.value(QStringLiteral("transport")).toString(), e.app.transport) ||
            !vault::parseRecordState(o.value(QStringLiteral("state")).toString(), e.state) ||
            find(e.app.appId) >= 0)
            return Error{ErrorCode::IndexCorrupt, m_index.path()};
        m_entries.push_back(e);
    }
    return okStatus();
}

Status PairingStore::save() const
{
    QJsonArray list;
    for (const auto &e : m_entries) {
        QJsonObject o;
        o.insert(QStringLiteral("appId"), e.app.appId);
        o.insert(QStringLiteral("name"), e.app.name);
        o.insert(QStringLiteral("claimedName"), e.app.claimedName);
        if (!e.app.description.isEmpty())
            o.insert(QStringLiteral("description"), e.app.description);
        if (!e.app.url.isEmpty())
            o.insert(QStringLiteral("url"), e.app.url);
        o.insert(QStringLiteral("transport"), toString(e.app.transport));
        o.insert(QStringLiteral("origin"), e.app.origin);
        if (!e.app.executable.isEmpty())
            o.insert(QStringLiteral("executable"), e.app.executable);
        o.insert(QStringLiteral("pairedAt"), double(e.app.pairedAt));
        o.insert(QStringLiteral("state"), vault::toString(e.state));
        list.append(o);
    }
    return m_index.write(list);
}

int PairingStore::find(const QString &appId) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].app.appId == appId)
            return i;
    return -1;
}

QList<PairedApp> PairingStore::apps() const
{
    QList<PairedApp> out;
    for (const auto &e : m_entries)
        if (e.state == vault::RecordState::Ready)
            out.push_back(e.app);
    return out;
}

std::optional<PairedApp> PairingStore::app(const QString &appId) const
{
    const int i = find(appId);
    if (i < 0 || m_entries[i].state != vault::RecordState::Ready)
        return std::nullopt;
    return m_entries[i].app;
}

void PairingStore::pair(PairedApp draft, PairCallback done)
{
    const auto idBytes = crypto::randomBytes(16);
    draft.appId = QString::fromStdString(crypto::toHex(idBytes.span()));
    draft.pairedAt = nowMillis();
    m_entries.push_back({draft, vault::RecordState::Pending});
    if (auto st = save(); !st) {
        m_entries.pop_back();
        done(st.error());
        return;
    }
    auto token = crypto::randomBytes(kTokenBytes);
    auto copy = std::make_shared<crypto::SecureBytes>(token.clone());
    QPointer<PairingStore> self(this);
    m_secrets.write(
        secretKey(draft.appId), std::move(token),
        [self, draft, copy, done = std::move(done)](Status st) {
            if (!self) {
                done(Error{ErrorCode::StorageFailure, QStringLiteral("pairing store closed")});
                return;
            }
            const int i = self->find(draft.appId);
            if (!st) {
                if (i >= 0)
                    self->m_entries.removeAt(i);
                (void)self->save(); // best effort; recover() also drops the pending record
                done(st.error());
                return;
            }
            if (i < 0) {
                done(Error{ErrorCode::StorageFailure, QStringLiteral("pairing vanished")});
                return;
            }
            self->m_entries[i].state = vault::RecordState::Ready;
            if (auto saved = self->save(); !saved) {
                self->m_entries[i].state =
                    vault::RecordState::Pending; // recover() removes the token
                done(saved.error());
                return;
            }
            Q_EMIT self->appsChanged();
            done(Pairing{draft, std::move(*copy)});
        });
}

void PairingStore::verify(const QString &appId, std::string_view tokenHex, const QString &origin,
                          AppCallback done)
{
    const auto app = this->app(appId);
    auto presented = crypto::secretFromHex(tokenHex);
    if (!app || app->origin != origin || !presented || presented->size() != kTokenBytes) {
        done(unauthorized());
        return;
    }
    auto shared = std::make_shared<crypto::SecureBytes>(std::move(presented).value());
    m_secrets.read(secretKey(appId), [app = *app, shared,
                                      done = std::move(done)](Result<crypto::SecureBytes> stored) {
        auto wipe = qScopeGuard([&] { shared->clear(); });
        if (!stored) {
            const auto code = stored.error().code;
            if (code == ErrorCode::KeychainUnavailable || code == ErrorCode::KeychainFailure)
                done(stored.error());
            else
                done(unauthorized());
            return;
        }
        // SecureBytes::equals is CRYPTO_memcmp over equal sizes (sizes are not secret).
        const bool match = stored->size() == shared->size() && stored->equals(shared->span());
        if (match)
            done(app);
        else
            done(unauthorized());
    });
}

void PairingStore::unpair(const QString &appId, DoneCallback done)
{
    const int i = find(appId);
    if (i < 0 || m_entries[i].state != vault::RecordState::Ready) {
        done(unauthorized());
        return;
    }
    m_entries[i].state = vault::RecordState::Removing;
    if (auto st = save(); !st) {
        m_entries[i].state = vault::RecordState::Ready;
        done(st.error());
        return;
    }
    Q_EMIT appsChanged();
    QPointer<PairingStore> self(this);
    m_secrets.remove(secretKey(appId), [self, appId, done = std::move(done)](Status st) {
        if (!self) {
            done(okStatus());
            return;
        }
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            // The token is still in the keychain but no longer verifies (record "removing");
            // recover() retries the deletion.
            done(okStatus());
            return;
        }
        if (const int j = self->find(appId); j >= 0)
            self->m_entries.removeAt(j);
        (void)self->save(); // a stale "removing" record is harmless and recover() drops it
        done(okStatus());
    });
}

void PairingStore::recover(DoneCallback done)
{
    QList<QString> unfinished;
    for (const auto &e : m_entries)
        if (e.state != vault::RecordState::Ready)
            unfinished.push_back(e.app.appId);
    recoverNext(unfinished, std::move(done));
}

void PairingStore::recoverNext(QList<QString> ids, DoneCallback done)
{
    if (ids.isEmpty()) {
        done(okStatus());
        return;
    }
    const QString appId = ids.takeFirst();
    QPointer<PairingStore> self(this);
    m_secrets.remove(secretKey(appId), [self, appId, ids, done](Status st) {
        if (!self)
            return;
        if (!st && st.error().code != ErrorCode::SecretNotFound) {
            done(st.error());
            return;
        }
        if (const int j = self->find(appId); j >= 0)
            self->m_entries.removeAt(j);
        if (auto saved = self->save(); !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT self->appsChanged();
        self->recoverNext(ids, done);
    });
}

} // namespace quill::api
