#include "requests/RequestBroker.h"

#include "common/Async.h"
#include "common/FairScheduler.h"
#include "common/JsonText.h"
#include "crypto/Encoding.h"
#include "crypto/Random.h"

#include <QPointer>

#include <algorithm>

namespace quill::requests {

namespace {
/// An approved answer that is not one JSON value: a Quill bug, never sent to an app.
Error notJson()
{
    return Error{ErrorCode::CryptoFailure,
                 QStringLiteral("the signed answer is not one JSON value (a Quill bug)")};
}
} // namespace

struct RequestBroker::Entry
{
    PendingRequest pending;
    Reply reply;
    /// Fresh session keys shown in reviews, per account, persisted only on approval.
    std::map<QString, std::shared_ptr<lit::SessionKey>> freshKeys;
    std::map<QString, crypto::SecureBytes> freshSeeds;
    QString account;         ///< the account that signs, once approved
    UnixMillis rememberFor = 0; ///< with remember: how long the grant lasts
    bool automatic = false;     ///< answered from a grant: never waits for the user
    std::optional<lit::ChainSecuredAuthorization> signedAuth; ///< ChainSecured: what was signed
};

QString toString(Decision decision, bool automatic)
{
    switch (decision) {
    case Decision::Approved: return automatic ? QStringLiteral("remembered") : QStringLiteral("approved");
    case Decision::Rejected: return QStringLiteral("rejected");
    case Decision::Expired: return QStringLiteral("expired");
    case Decision::Cancelled: return QStringLiteral("cancelled");
    case Decision::Failed: return QStringLiteral("failed");
    }
    return {};
}

RequestBroker::RequestBroker(vault::WalletVault &wallets, vault::SessionKeyStore &sessionKeys,
                             PermissionStore &permissions, ActivityLog &activity, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_wallets(wallets), m_sessionKeys(sessionKeys), m_permissions(permissions),
      m_activity(activity), m_clock(clock)
{
    qRegisterMetaType<quill::requests::Decision>();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &RequestBroker::checkTimeouts);
    m_timer.start();
}

RequestBroker::~RequestBroker() = default;

Result<quint64> RequestBroker::submit(IncomingRequest incoming, Reply reply)
{
    const UnixMillis now = m_clock.now();
    auto refuse = [&](const Error &e) -> Result<quint64> {
        logEvent(incoming, QStringLiteral("refused"), QString(), QString(), describe(e));
        return e;
    };
    if (incoming.kind == RequestKind::ChainSecured) {
        if (incoming.typedData) {
            incoming.chainSecuredPurpose = incoming.typedData->purpose;
            incoming.chainId = incoming.typedData->chainId;
            // Typed data the server would already refuse is refused before anyone is asked.
            const auto skew = now / kSecond - incoming.typedData->issuedAt;
            if (skew > lit::kChainSecuredSkewSeconds || skew < -lit::kChainSecuredSkewSeconds)
                return refuse(
                    Error{ErrorCode::ChainSecuredTime,
                          QStringLiteral("typedData.message.issuedAt: more than 300 s from now")});
        }
        if (incoming.chainId == 0)
            return refuse(Error{ErrorCode::InvalidParams,
                                QStringLiteral("chainId: must be a positive integer")});
        // A one-off the user reviews every time: no plan, no grant covers it.
        return enqueue(std::move(incoming), {}, now, std::move(reply), std::nullopt);
    }
    const bool siweKind = incoming.kind == RequestKind::SiweMessage;
    if (siweKind && !incoming.siwe)
        return refuse(Error{ErrorCode::InvalidParams, QStringLiteral("message: missing")});
    if (siweKind)
        incoming.request = incoming.siwe->asRequest();
    if (incoming.kind == RequestKind::AuthSig && !crypto::isLowerHex(incoming.sessionPublicKey, 64))
        return refuse(Error{ErrorCode::InvalidPublicKey, QStringLiteral("sessionPublicKey: expected 64 lowercase hex digits")});
    auto plan = siweKind
                    ? Result<lit::IssuancePlan>(incoming.siwe->plan())
                    : lit::SessionSigIssuer::resolvePlan(incoming.request, now, incoming.profile);
    if (!plan)
        return refuse(plan.error());
    // What nodes reject is refused here, as quill-cli issue refuses it: no dialog, no
    // checkbox turns it into a signature.
    if (auto st = lit::SessionSigIssuer::checkTimes(*plan, now); !st)
        return refuse(st.error());

    // A grant of this pairing covers it: sign without asking, expiring with the grant. A
    // message the app built is signed as it is, so it is covered only by the grant of its
    // own account and only if it ends no later than the grant.
    auto grant =
        siweKind ? m_permissions.covering(incoming.app.appId, incoming.request, now,
                                          QString::fromStdString(incoming.siwe->message.address))
                 : m_permissions.covering(incoming.app.appId, incoming.request, now);
    if (grant && siweKind && *parseRfc3339(plan->expiration) > grant->expiresAt)
        grant.reset();
    const bool automatic = grant && m_wallets.account(grant->account).ok();
    if (automatic && *parseRfc3339(plan->expiration) > grant->expiresAt)
        plan->expiration = formatIso(grant->expiresAt);

    return enqueue(std::move(incoming), std::move(plan).value(), now, std::move(reply),
                   automatic ? std::optional<QString>(grant->account) : std::nullopt);
}

quint64 RequestBroker::enqueue(IncomingRequest incoming, lit::IssuancePlan plan, UnixMillis now,
                               Reply reply, const std::optional<QString> &automaticAccount)
{
    const bool automatic = automaticAccount.has_value();
    auto entry = std::make_unique<Entry>();
    const quint64 id = m_nextId++;
    entry->pending.id = id;
    entry->pending.incoming = std::move(incoming);
    entry->pending.plan = std::move(plan);
    entry->pending.receivedAt = now;
    entry->pending.deadline = now + m_timeout;
    entry->pending.executing = automatic;
    entry->automatic = automatic;
    entry->reply = std::move(reply);
    m_entries.emplace(id, std::move(entry));
    // Answer on the next turn, like every other answer: never inside submit().
    if (automatic) {
        // A remembered request never waits for the user: the Requests view stays still.
        QMetaObject::invokeMethod(
            this, [this, id, account = *automaticAccount] { execute(id, account, false, true); },
            Qt::QueuedConnection);
        return id;
    }
    Q_EMIT pendingCountChanged(int(pendingIds().size()));
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            if (m_entries.count(id))
                Q_EMIT reviewRequested(id);
        },
        Qt::QueuedConnection);
    return id;
}

Status RequestBroker::checkSiweScope(const IncomingRequest &in, const QString &account,
                                     const std::optional<std::string> &expiration)
{
    const QString owner = QString::fromStdString(in.siwe->message.address);
    if (owner.compare(account, Qt::CaseInsensitive) != 0)
        return Error{
            ErrorCode::SiweAddress,
            QStringLiteral("the message is for %1; only that account can sign it").arg(owner)};
    if (expiration && *expiration != in.siwe->plan().expiration)
        return Error{ErrorCode::LitTimeRange,
                     QStringLiteral("expiration: a message the app built is signed as it is")};
    return okStatus();
}

std::shared_ptr<lit::SessionKey> RequestBroker::freshKey(Entry &entry, const QString &account)
{
    auto &key = entry.freshKeys[account.toLower()];
    if (!key) {
        auto seed = crypto::randomBytes(32);
        auto made = lit::SessionKey::fromSeed(seed);
        key = std::make_shared<lit::SessionKey>(std::move(made).value());
        entry.freshSeeds[account.toLower()] = std::move(seed);
    }
    return key;
}

Result<RequestReview> RequestBroker::review(quint64 id, const QString &account,
                                            const std::optional<std::string> &expiration)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return Error{ErrorCode::RequestNotFound, QString::number(id)};
    auto &entry = *it->second;
    if (entry.pending.incoming.kind == RequestKind::ChainSecured)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a ChainSecured request: use reviewChainSecured")};
    auto acct = m_wallets.account(account);
    if (!acct)
        return acct.error();
    const auto &in = entry.pending.incoming;
    if (in.kind == RequestKind::SiweMessage) {
        if (auto st = checkSiweScope(in, acct->address, expiration); !st)
            return st.error();
        return RequestReview::buildForSiwe(*in.siwe, in.app, m_clock.now());
    }
    std::string sessionPub = in.sessionPublicKey;
    if (in.kind == RequestKind::SessionSigs) {
        if (auto stored = m_sessionKeys.publicKey(in.app.appId, acct->address))
            sessionPub = stored->toStdString();
        else
            sessionPub = freshKey(entry, acct->address)->publicKeyHex();
    }
    lit::IssuancePlan plan = entry.pending.plan;
    if (expiration)
        plan.expiration = *expiration;
    return RequestReview::build(in.request, plan, in.app, acct->address, sessionPub, in.profile, m_clock.now());
}

Status RequestBroker::approve(quint64 id, const ApprovalScope &scope)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second->pending.executing)
        return Error{ErrorCode::RequestNotFound, QString::number(id)};
    auto &pending = it->second->pending;
    auto acct = m_wallets.account(scope.account);
    if (!acct)
        return acct.error();
    if (pending.incoming.kind == RequestKind::ChainSecured) {
        if (scope.remember)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral(
                             "a ChainSecured authorization is a one-off and is never remembered")};
        if (auto auth = chainSecuredAuth(pending, acct->address); !auth)
            return auth.error();
        pending.executing = true;
        executeChainSecured(id, acct->address);
        return okStatus();
    }
    if (pending.incoming.kind == RequestKind::SiweMessage) {
        if (auto st = checkSiweScope(pending.incoming, acct->address, scope.expiration); !st)
            return st;
    }
    if (scope.expiration) {
        auto requested = parseRfc3339(pending.plan.expiration);
        auto shorter = parseRfc3339(*scope.expiration);
        if (!shorter)
            return Error{ErrorCode::InvalidTime, QStringLiteral("expiration: ") + shorter.error().context};
        if (requested && *shorter > *requested)
            return Error{ErrorCode::LitTimeRange, QStringLiteral("expiration: can only be shortened")};
    }
    lit::IssuancePlan plan = pending.plan;
    if (scope.expiration)
        plan.expiration = *scope.expiration;
    if (auto st = lit::SessionSigIssuer::checkTimes(plan, m_clock.now()); !st)
        return st;
    pending.plan = plan;
    pending.executing = true;
    it->second->rememberFor = scope.rememberFor;
    execute(id, acct->address, scope.remember, false);
    return okStatus();
}

void RequestBroker::execute(quint64 id, const QString &account, bool remember, bool automatic)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    m_entries[id]->account = account;
    m_wallets.privateKey(account, [this, id, account, remember, automatic](Result<crypto::SecureBytes> key) {
        auto it2 = m_entries.find(id);
        if (it2 == m_entries.end())
            return; // cancelled meanwhile
        if (!key) {
            finish(id, Decision::Failed, key.error(), automatic);
            return;
        }
        auto walletKey = std::make_shared<crypto::SecureBytes>(std::move(key).value());
        auto &entry = *it2->second;
        const auto &in = entry.pending.incoming;

        // Continues once the session key is known (loaded, adopted or the app's own).
        auto withSessionKey = [this, id, account, remember, automatic, walletKey](
                                  std::shared_ptr<lit::SessionKey> sessionKey, std::string sessionPub) {
            auto it3 = m_entries.find(id);
            if (it3 == m_entries.end())
                return;
            const auto &p = it3->second->pending;
            auto siwe = p.incoming.kind == RequestKind::SiweMessage
                            ? Result<siwe::SiweMessage>(p.incoming.siwe->message)
                            : lit::SessionSigIssuer::buildSiwe(p.incoming.request, p.plan,
                                                               account.toStdString(), sessionPub);
            if (!siwe) {
                finish(id, Decision::Failed, siwe.error(), automatic);
                return;
            }
            auto authSig = lit::SessionSigIssuer::signAuthSig(*walletKey, *siwe);
            walletKey->clear();
            if (!authSig) {
                finish(id, Decision::Failed, authSig.error(), automatic);
                return;
            }
            if (remember) {
                Grant g;
                g.appId = p.incoming.app.appId;
                g.account = account;
                for (const auto &r : p.incoming.request.resourceAbilityRequests)
                    g.capabilities.insert({r.key(), std::string(lit::toString(r.ability))});
                g.createdAt = m_clock.now();
                g.expiresAt = g.createdAt + std::clamp(it3->second->rememberFor, kMinute, 30 * kDay);
                (void)m_permissions.remember(g); // a failed save only costs a later prompt
            }
            if (p.incoming.kind == RequestKind::AuthSig) {
                finish(id, Decision::Approved, authSig->toJson(), automatic);
                return;
            }
            if (p.incoming.kind == RequestKind::SiweMessage) {
                std::string json = R"({"signature":")" + authSig->sig + R"(","authSig":)";
                json += authSig->toJson();
                json += '}';
                finish(id, Decision::Approved, std::move(json), automatic);
                return;
            }
            // The nodes' signatures run off this (GUI) thread, on the scheduler the app
            // shares: chunks of nodes, the app's oldest request first, least work left first,
            // so no request waits behind another's whole batch (issue 12).
            auto bodies =
                lit::SessionSigIssuer::payloads(p.incoming.request, p.plan, *authSig,
                                                sessionKey->publicKeyHex(), p.incoming.profile);
            if (!bodies) {
                finish(id, Decision::Failed, bodies.error(), automatic);
                return;
            }
            struct Batch
            {
                std::vector<std::string> urls;
                std::vector<std::string> bodies;
                lit::SessionSigs sigs;
            };
            auto batch = std::make_shared<Batch>();
            batch->urls = p.incoming.request.nodeUrls;
            batch->bodies = std::move(bodies).value();
            batch->sigs.entries.resize(batch->bodies.size());
            QPointer<RequestBroker> self(this);
            FairScheduler::shared().submit(
                p.incoming.app.appId, batch->bodies.size(),
                [batch, sessionKey](std::size_t i) {
                    batch->sigs.entries[i] = lit::SessionSigIssuer::signPayload(
                        batch->urls[i], std::move(batch->bodies[i]), *sessionKey);
                },
                [self, thread = thread(), batch, id, automatic] {
                    // Serialising 30 nodes' 70 KB also stays off the GUI thread. It is
                    // not parsed back: SessionSigs::toJson is valid JSON by construction
                    // (fixed punctuation, every string through appendJsonString), which
                    // tst_sessionsigs and the interop suite check by parsing it; re-checking
                    // cost 0.4 ms of CPU per answer (BM_ValidateAnswer30, issue 12).
                    auto json = std::make_shared<std::string>(batch->sigs.toJson());
                    postToThread(thread, [self, json, id, automatic] {
                        if (self && self->m_entries.count(id))
                            self->finish(id, Decision::Approved, std::move(*json), automatic, true);
                    });
                });
        };

        if (in.kind == RequestKind::AuthSig) {
            withSessionKey(nullptr, in.sessionPublicKey);
            return;
        }
        if (in.kind == RequestKind::SiweMessage) {
            withSessionKey(nullptr, in.siwe->sessionPublicKey);
            return;
        }
        auto onKey = [withSessionKey, this, id, automatic](Result<std::shared_ptr<lit::SessionKey>> sk) {
            if (!m_entries.count(id))
                return;
            if (!sk) {
                finish(id, Decision::Failed, sk.error(), automatic);
                return;
            }
            withSessionKey(*sk, (*sk)->publicKeyHex());
        };
        const auto lower = account.toLower();
        if (m_sessionKeys.publicKey(in.app.appId, account) || !entry.freshSeeds.count(lower)) {
            m_sessionKeys.sessionKey(in.app.appId, account, onKey);
        } else {
            auto seed = std::move(entry.freshSeeds[lower]);
            entry.freshSeeds.erase(lower);
            m_sessionKeys.adopt(in.app.appId, account, std::move(seed), onKey);
        }
    });
}

Result<lit::ChainSecuredAuthorization> RequestBroker::chainSecuredAuth(const PendingRequest &p,
                                                                       const QString &account) const
{
    const auto &in = p.incoming;
    if (in.kind != RequestKind::ChainSecured)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("not a ChainSecured request")};
    auto address = eth::Address::parse(account.toStdString());
    if (!address)
        return address.error();
    if (in.typedData) {
        if (in.typedData->address != *address)
            return Error{ErrorCode::ChainSecuredSigner,
                         QStringLiteral("the typed data names %1; only that account can sign it")
                             .arg(QString::fromStdString(in.typedData->address.toChecksummed()))};
        return *in.typedData;
    }
    lit::ChainSecuredAuthorization auth;
    auth.purpose = in.chainSecuredPurpose;
    auth.chainId = in.chainId;
    auth.address = *address;
    auth.issuedAt = m_clock.now() / kSecond;
    return auth;
}

Result<ChainSecuredReview> RequestBroker::reviewChainSecured(quint64 id, const QString &account)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return Error{ErrorCode::RequestNotFound, QString::number(id)};
    auto acct = m_wallets.account(account);
    if (!acct)
        return acct.error();
    auto auth = chainSecuredAuth(it->second->pending, acct->address);
    if (!auth)
        return auth.error();
    return ChainSecuredReview::build(*auth, it->second->pending.incoming.app);
}

void RequestBroker::executeChainSecured(quint64 id, const QString &account)
{
    m_entries[id]->account = account;
    m_wallets.privateKey(account, [this, id, account](Result<crypto::SecureBytes> key) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return; // cancelled meanwhile
        if (!key) {
            finish(id, Decision::Failed, key.error(), false);
            return;
        }
        // issuedAt is the moment of signing (the keychain may have taken a while).
        auto auth = chainSecuredAuth(it->second->pending, account);
        if (!auth) {
            key->clear();
            finish(id, Decision::Failed, auth.error(), false);
            return;
        }
        const auto skew = m_clock.now() / kSecond - auth->issuedAt;
        if (skew > lit::kChainSecuredSkewSeconds || skew < -lit::kChainSecuredSkewSeconds) {
            key->clear();
            finish(id, Decision::Failed,
                   Error{ErrorCode::ChainSecuredTime,
                         QStringLiteral("the typed data's issuedAt is now over 300 s old")},
                   false);
            return;
        }
        auto sig = lit::signChainSecured(*key, *auth);
        key->clear();
        if (!sig) {
            finish(id, Decision::Failed, sig.error(), false);
            return;
        }
        it->second->signedAuth = *auth;
        finish(id, Decision::Approved, lit::chainSecuredBody(*auth, *sig), false);
    });
}

Status RequestBroker::reject(quint64 id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second->pending.executing)
        return Error{ErrorCode::RequestNotFound, QString::number(id)};
    finish(id, Decision::Rejected, Error{ErrorCode::UserRejected, QStringLiteral("the user rejected the request")}, false);
    return okStatus();
}

void RequestBroker::cancel(quint64 id)
{
    if (!m_entries.count(id))
        return;
    finish(id, Decision::Cancelled, Error{ErrorCode::RequestCancelled, QStringLiteral("the app disconnected")}, false);
}

void RequestBroker::checkTimeouts()
{
    const UnixMillis now = m_clock.now();
    QList<quint64> expired;
    for (const auto &[id, entry] : m_entries)
        if (!entry->pending.executing && entry->pending.deadline <= now)
            expired.push_back(id);
    for (auto id : expired)
        finish(id, Decision::Expired,
               Error{ErrorCode::RequestExpired, QStringLiteral("no decision within the request timeout")}, false);
}

void RequestBroker::finish(quint64 id, Decision decision, Result<std::string> result,
                           bool automatic, bool jsonChecked)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    if (decision == Decision::Approved && result && !jsonChecked && !isOneJsonValue(*result)) {
        decision = Decision::Failed;
        result = notJson();
    }
    std::unique_ptr<Entry> entry = std::move(it->second);
    m_entries.erase(it);
    log(*entry, decision, automatic, result.ok() ? QString() : describe(result.error()));
    if (decision != Decision::Cancelled && entry->reply)
        entry->reply(std::move(result));
    Q_EMIT requestFinished(id, decision);
    if (!automatic)
        Q_EMIT pendingCountChanged(int(pendingIds().size()));
}

void RequestBroker::log(const Entry &entry, Decision decision, bool automatic, const QString &error)
{
    const bool signedIt = decision == Decision::Approved;
    QString expiration;
    if (signedIt && entry.signedAuth)
        expiration = QString::fromStdString(
            formatIso((entry.signedAuth->issuedAt + lit::kChainSecuredSkewSeconds) * kSecond));
    else if (signedIt)
        expiration = QString::fromStdString(entry.pending.plan.expiration);
    logEvent(entry.pending.incoming, toString(decision, automatic), entry.account, expiration,
             signedIt ? QString() : error);
}

void RequestBroker::logEvent(const IncomingRequest &in, const QString &decision, const QString &account,
                             const QString &expiration, const QString &error)
{
    ActivityEntry a;
    a.time = m_clock.now();
    a.appId = in.app.appId;
    a.appName = in.app.claimedName;
    a.account = account;
    a.kind = in.kind == RequestKind::SessionSigs ? QStringLiteral("session-sigs")
             : in.kind == RequestKind::AuthSig   ? QStringLiteral("auth-sig")
             : in.kind == RequestKind::SiweMessage ? QStringLiteral("siwe-message")
                                                 : QStringLiteral("chainsecured");
    if (in.kind == RequestKind::ChainSecured)
        a.resources.push_back(
            QStringLiteral("%1 chain %2")
                .arg(QString::fromUtf8(lit::primaryTypeName(in.chainSecuredPurpose).data()))
                .arg(in.chainId));
    else
        for (const auto &r : in.request.resourceAbilityRequests)
            a.resources.push_back(
                QString::fromStdString(r.key() + " " + std::string(lit::toString(r.ability))));
    a.expiration = expiration;
    a.decision = decision;
    a.automatic = decision == QStringLiteral("remembered");
    a.error = error;
    (void)m_activity.append(a); // the log is best effort; it never blocks an answer
}

QList<quint64> RequestBroker::pendingIds() const
{
    QList<quint64> ids;
    for (const auto &[id, entry] : m_entries)
        if (!entry->automatic)
            ids.push_back(id);
    return ids;
}

const PendingRequest *RequestBroker::pending(quint64 id) const
{
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second->pending;
}

void RequestBroker::revoke(const QString &appId, const QString &account, std::function<void(Status)> done)
{
    (void)m_permissions.load(); // another process may have changed the grants
    std::optional<Grant> grant;
    for (const auto &g : m_permissions.grants())
        if (g.appId == appId && g.account.compare(account, Qt::CaseInsensitive) == 0)
            grant = g;
    if (auto st = m_permissions.revoke(appId, account); !st) {
        done(st);
        return;
    }
    ActivityEntry a;
    a.time = m_clock.now();
    a.appId = appId;
    a.account = account;
    a.decision = QStringLiteral("revoked");
    if (grant) {
        a.expiration = QString::fromStdString(formatIso(grant->expiresAt));
        for (const auto &[resource, ability] : grant->capabilities)
            a.resources.push_back(QString::fromStdString(resource + " " + ability));
    }
    (void)m_activity.append(a);
    if (!m_sessionKeys.publicKey(appId, account)) {
        done(okStatus());
        return;
    }
    m_sessionKeys.remove(appId, account, std::move(done));
}

void RequestBroker::forgetApp(const QString &appId, const QString &appName, std::function<void(Status)> done)
{
    (void)m_permissions.revoke(appId);
    ActivityEntry a;
    a.time = m_clock.now();
    a.appId = appId;
    a.appName = appName;
    a.decision = QStringLiteral("unpaired");
    (void)m_activity.append(a);
    QStringList accounts;
    for (const auto &k : m_sessionKeys.list())
        if (k.appId == appId)
            accounts << k.address;
    removeSessionKeys(appId, accounts, okStatus(), std::move(done));
}

void RequestBroker::removeSessionKeys(const QString &appId, QStringList accounts, Status firstError,
                                      std::function<void(Status)> done)
{
    if (accounts.isEmpty()) {
        done(firstError);
        return;
    }
    const QString account = accounts.takeFirst();
    m_sessionKeys.remove(appId, account, [this, appId, accounts, firstError, done](Status st) {
        removeSessionKeys(appId, accounts, firstError.ok() ? st : firstError, done);
    });
}

} // namespace quill::requests
