#include "api/PairingStore.h"

#include "crypto/Encoding.h"
#include "crypto/Random.h"

#include <QJsonArray>
#include <QJsonObject>
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

namespace {

std::optional<PairedApp> appFrom(const QJsonObject &o)
{
    PairedApp app;
    app.appId = o.value(QStringLiteral("appId")).toString();
    app.name = o.value(QStringLiteral("name")).toString();
    app.claimedName = o.value(QStringLiteral("claimedName")).toString();
    app.description = o.value(QStringLiteral("description")).toString();
    app.url = o.value(QStringLiteral("url")).toString();
    app.origin = o.value(QStringLiteral("origin")).toString();
    app.executable = o.value(QStringLiteral("executable")).toString();
    app.uid = o.contains(QStringLiteral("uid"))
                  ? static_cast<qint64>(o.value(QStringLiteral("uid")).toDouble(-1))
                  : -1;
    app.pairedAt = static_cast<UnixMillis>(o.value(QStringLiteral("pairedAt")).toDouble());
    if (!crypto::isLowerHex(app.appId.toStdString(), 32) ||
        !parseTransport(o.value(QStringLiteral("transport")).toString(), app.transport))
        return std::nullopt;
    return app;
}

QJsonObject toJson(const PairedApp &app)
{
    QJsonObject o;
    o.insert(QStringLiteral("appId"), app.appId);
    o.insert(QStringLiteral("name"), app.name);
    o.insert(QStringLiteral("claimedName"), app.claimedName);
    if (!app.description.isEmpty())
        o.insert(QStringLiteral("description"), app.description);
    if (!app.url.isEmpty())
        o.insert(QStringLiteral("url"), app.url);
    o.insert(QStringLiteral("transport"), toString(app.transport));
    o.insert(QStringLiteral("origin"), app.origin);
    if (!app.executable.isEmpty())
        o.insert(QStringLiteral("executable"), app.executable);
    if (app.uid >= 0)
        o.insert(QStringLiteral("uid"), double(app.uid));
    o.insert(QStringLiteral("pairedAt"), double(app.pairedAt));
    return o;
}

} // namespace

PairingStore::PairingStore(vault::SecretStore &secrets, const QString &dataDir, QObject *parent)
    : QObject(parent), m_secrets(secrets),
      m_index(dataDir,
              {QStringLiteral("apps.json"), QStringLiteral("apps"),
               [](const QJsonObject &o) -> std::optional<QString> {
                   const auto app = appFrom(o);
                   return app ? std::optional<QString>(app->appId) : std::nullopt;
               },
               &PairingStore::secretKey},
              &secrets)
{
    connect(&m_index, &vault::JournaledIndex::changed, this, &PairingStore::onIndexChanged);
}

void PairingStore::onIndexChanged()
{
    if (m_index.decodeReady(m_apps, appFrom))
        Q_EMIT appsChanged();
}

std::optional<PairedApp> PairingStore::app(const QString &appId) const
{
    for (const auto &a : m_apps)
        if (a.appId == appId)
            return a;
    return std::nullopt;
}

void PairingStore::pair(PairedApp draft, PairCallback done)
{
    const auto idBytes = crypto::randomBytes(16);
    draft.appId = QString::fromStdString(crypto::toHex(idBytes.span()));
    draft.pairedAt = nowMillis();
    auto token = crypto::randomBytes(kTokenBytes);
    auto copy = std::make_shared<crypto::SecureBytes>(token.clone());
    m_index.add(toJson(draft), std::move(token), [draft, copy, done = std::move(done)](Status st) {
        if (!st)
            done(st.error());
        else
            done(Pairing{draft, std::move(*copy)});
    });
}

bool PairingStore::bindingMatches(const PairedApp &app, const PeerFacts &peer)
{
    if (app.transport != peer.transport || app.origin != peer.origin)
        return false;
    // A browser page is its Origin (its pid and executable are the browser's, shared by
    // every page); anything else is the program that paired.
    if (!app.origin.isEmpty() && app.transport == Transport::WebSocket)
        return true;
    if (app.executable != peer.executable)
        return false;
    return app.uid < 0 || app.uid == peer.uid;
}

void PairingStore::verify(const QString &appId, std::string_view tokenHex, const PeerFacts &peer,
                          AppCallback done)
{
    (void)m_index.refresh(); // another process may have unpaired it; on error the last state holds
    const auto app = this->app(appId);
    auto presented = crypto::secretFromHex(tokenHex);
    if (!app || !bindingMatches(*app, peer) || !presented || presented->size() != kTokenBytes) {
        done(unauthorized());
        return;
    }
    auto shared = std::make_shared<crypto::SecureBytes>(std::move(presented).value());
    m_secrets.read(secretKey(appId), [app = *app, shared,
                                      done = std::move(done)](Result<crypto::SecureBytes> stored) {
        auto wipe = qScopeGuard([&] { shared->clear(); });
        if (!stored) {
            const auto code = stored.error().code;
            if (code == ErrorCode::KeychainUnavailable || code == ErrorCode::KeychainFailure ||
                code == ErrorCode::KeychainTimeout)
                done(stored.error());
            else
                done(unauthorized());
            return;
        }
        // SecureBytes::equals is sodium_memcmp over equal sizes (sizes are not secret).
        const bool match = stored->size() == shared->size() && stored->equals(shared->span());
        if (match)
            done(app);
        else
            done(unauthorized());
    });
}

void PairingStore::unpair(const QString &appId, DoneCallback done)
{
    m_index.remove(appId, [done = std::move(done)](Status st) {
        if (st) {
            done(okStatus());
            return;
        }
        switch (st.error().code) {
        case ErrorCode::AccountNotFound:
            done(unauthorized());
            return;
        case ErrorCode::StorageFailure:
        case ErrorCode::IndexCorrupt:
            done(st); // the journal could not be written: the token still verifies
            return;
        default:
            // The token is still in the keychain but no longer verifies (record "removing");
            // recover() retries the deletion.
            done(okStatus());
            return;
        }
    });
}

} // namespace quill::api
