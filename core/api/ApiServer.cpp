#include "api/ApiServer.h"

#include "api/AccountsApprover.h"
#include "api/JsonRpc.h"
#include "api/PairingApprover.h"
#include "api/RequestHandler.h"
#include "api/TokenBucket.h"

#include "common/JsonText.h"
#include "crypto/Encoding.h"

#include <QPointer>
#include <QTimer>

#include <sodium/utils.h>

#include <vector>

namespace quill::api {

namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxClaimBytes = 256;
constexpr std::string_view kHello = "quill_hello";

enum class Auth
{
    None,
    Verifying,
    Pairing,
    Paired
};

std::string sv(const QString &s)
{
    return s.toStdString();
}

Error err(ErrorCode code, const QString &context = {})
{
    return Error{code, context};
}

/// A display name as the user approved it: trimmed, at most kMaxNameBytes of UTF-8 (cut at
/// a character boundary), the claimed name if blank.
QString displayName(const QString &approved, const QString &claimed)
{
    QString name = approved.trimmed();
    if (name.isEmpty())
        name = claimed;
    while (name.toUtf8().size() > qsizetype(kMaxNameBytes))
        name.chop(1);
    return name;
}

/// Raw line breaks can only be whitespace between tokens in valid JSON; dropping them keeps
/// the value and makes it safe for line framing.
std::string singleLine(std::string text)
{
    // Answers are built on one line; two memchr-speed looks first (a 64 KB answer, issue 12).
    if (text.find('\n') != std::string::npos || text.find('\r') != std::string::npos)
        std::erase_if(text, [](char c) { return c == '\n' || c == '\r'; });
    return text;
}

} // namespace

struct ApiServer::Client
{
    Client(quint64 clientId, ApiConnection *connection, const ApiLimits &limits, qint64 now)
        : id(clientId), conn(connection), peer(connection->peer()),
          bucket(limits.messagesPerSecond, limits.messageBurst, now)
    {
    }

    quint64 id;
    QPointer<ApiConnection> conn; ///< null once deleted (after disconnected())
    PeerFacts peer;
    Auth auth = Auth::None;
    QString appId;
    QString appName;
    QString claimedName;
    TokenBucket bucket;
    std::map<std::string, quint64> pendingByRpcId; ///< JSON-RPC id → pending id
    bool closed = false;                           ///< no more messages processed or answers sent
    bool gone = false; ///< disconnected; erased on the next turn of the event loop
};

ApiServer::ApiServer(PairingStore &pairings, QObject *parent)
    : QObject(parent), m_pairings(pairings)
{
    qRegisterMetaType<quill::api::UnpairedBy>();
    m_clock.start();
}

ApiServer::~ApiServer()
{
    for (auto &[id, c] : m_clients) {
        if (c->conn)
            QObject::disconnect(c->conn, nullptr, this, nullptr);
        if (!c->closed) {
            c->closed = true;
            cancelPendingOf(*c, std::nullopt);
        }
        delete c->conn.data();
    }
    m_clients.clear();
}

ApiServer::Client *ApiServer::client(quint64 clientId)
{
    auto it = m_clients.find(clientId);
    return it == m_clients.end() ? nullptr : it->second.get();
}

bool ApiServer::addConnection(ApiConnection *connection)
{
    const quint64 id = m_nextClientId++;
    connection->setParent(this);
    const PeerFacts &peer = connection->peer();
    const QString peerKey = peer.peerKey();
    int sameTransport = 0;
    int sameUid = 0;
    int samePeer = 0;
    for (const auto &[otherId, other] : m_clients) {
        if (other->closed || other->peer.transport != peer.transport)
            continue;
        ++sameTransport;
        if (other->peer.uid == peer.uid)
            ++sameUid;
        if (other->peer.peerKey() == peerKey)
            ++samePeer;
    }
    auto owned = std::make_unique<Client>(id, connection, m_limits, m_clock.elapsed());
    Client &c = *owned;
    m_clients.emplace(id, std::move(owned));
    connect(connection, &ApiConnection::messageReceived, this,
            [this, id](const QByteArray &message) { onMessage(id, message); });
    connect(connection, &ApiConnection::messageTooLarge, this, [this, id] {
        if (Client *cl = client(id); cl && !cl->closed) {
            sendError(
                *cl, "null",
                err(ErrorCode::MessageTooLarge, QStringLiteral("messages are limited to %1 bytes")
                                                    .arg(m_limits.maxMessageBytes)));
            closeClient(*cl);
        }
    });
    connect(connection, &ApiConnection::disconnected, this, [this, id] { onDisconnected(id); });

    if (sameTransport >= m_limits.maxConnectionsPerTransport ||
        sameUid >= m_limits.maxConnectionsPerUid || samePeer >= m_limits.maxConnectionsPerPeer) {
        sendError(c, "null", err(ErrorCode::Busy, QStringLiteral("too many connections")));
        closeClient(c);
        return false;
    }
    return true;
}

void ApiServer::onDisconnected(quint64 clientId)
{
    Client *c = client(clientId);
    if (!c || c->gone)
        return;
    c->gone = true;
    if (!c->closed) {
        c->closed = true;
        cancelPendingOf(*c, std::nullopt);
    }
    if (c->conn) {
        QObject::disconnect(c->conn, nullptr, this, nullptr);
        c->conn->deleteLater();
    }
    // Callers up the stack (a transport's read loop, a dispatch) may still hold `c`.
    QMetaObject::invokeMethod(
        this, [this, clientId] { m_clients.erase(clientId); }, Qt::QueuedConnection);
}

void ApiServer::closeClient(Client &c)
{
    if (c.closed)
        return;
    c.closed = true;
    cancelPendingOf(c, std::nullopt);
    if (c.conn)
        c.conn->close(); // may emit disconnected() at once
}

void ApiServer::send(Client &c, const QByteArray &message)
{
    if (c.closed || !c.conn)
        return;
    if (c.conn->bytesPending() + message.size() > m_limits.maxOutgoingBytes) {
        // The peer does not read its answers; do not buffer for it without bound.
        closeClient(c);
        return;
    }
    c.conn->send(message);
}

void ApiServer::sendError(Client &c, const std::string &rpcId, const Error &error)
{
    send(c, JsonRpc::error(rpcId, error));
}

quint64 ApiServer::addPending(Client &c, const std::string &rpcId, PendingKind kind)
{
    const quint64 id = m_nextPendingId++;
    m_pending.emplace(id, Pending{c.id, rpcId, kind});
    c.pendingByRpcId[rpcId] = id;
    return id;
}

std::optional<ApiServer::Pending> ApiServer::takePending(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return std::nullopt;
    Pending p = it->second;
    m_pending.erase(it);
    if (p.kind == PendingKind::Pairing)
        releasePairing(id);
    Client *c = client(p.clientId);
    if (!c)
        return std::nullopt;
    c->pendingByRpcId.erase(p.rpcId);
    if (c->closed)
        return std::nullopt;
    return p;
}

void ApiServer::cancelPendingOf(Client &c, const std::optional<Error> &answer)
{
    const auto pending = std::move(c.pendingByRpcId);
    c.pendingByRpcId.clear();
    for (const auto &[rpcId, id] : pending) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        const PendingKind kind = it->second.kind;
        m_pending.erase(it);
        switch (kind) {
        case PendingKind::Request:
            if (m_handler)
                m_handler->cancel(id);
            break;
        case PendingKind::Pairing:
            if (releasePairing(id) && m_pairingApprover)
                m_pairingApprover->cancelPairing(id);
            break;
        case PendingKind::Accounts:
            if (m_accountsApprover)
                m_accountsApprover->cancelAccounts(id);
            break;
        case PendingKind::Verify:
            break; // a keychain job; its answer is dropped
        }
        if (answer)
            sendError(c, rpcId, *answer);
    }
    if (c.auth == Auth::Verifying || c.auth == Auth::Pairing)
        c.auth = Auth::None;
}

void ApiServer::dropPairing(const QString &appId, const Error &answer)
{
    std::vector<quint64> ids;
    for (const auto &[id, c] : m_clients)
        if (c->auth == Auth::Paired && c->appId == appId && !c->closed)
            ids.push_back(id);
    for (quint64 id : ids) {
        Client *c = client(id);
        if (!c)
            continue;
        c->auth = Auth::None;
        c->appId.clear();
        c->appName.clear();
        cancelPendingOf(*c, answer);
    }
}

// --- messages -------------------------------------------------------------------------------

void ApiServer::onMessage(quint64 clientId, const QByteArray &message)
{
    Client *c = client(clientId);
    if (!c || c->closed)
        return;
    if (message.size() > m_limits.maxMessageBytes) {
        sendError(
            *c, "null",
            err(ErrorCode::MessageTooLarge,
                QStringLiteral("messages are limited to %1 bytes").arg(m_limits.maxMessageBytes)));
        closeClient(*c);
        return;
    }
    std::string replyId;
    auto request = JsonRpc::parseRequest(
        std::string_view(message.constData(), std::size_t(message.size())), replyId);
    if (!c->bucket.take(m_clock.elapsed())) {
        sendError(*c, replyId, err(ErrorCode::RateLimited, QStringLiteral("slow down")));
        return;
    }
    if (!request) {
        sendError(*c, replyId, request.error());
        return;
    }
    dispatch(*c, *request);
}

void ApiServer::dispatch(Client &c, JsonRpcRequest &request)
{
    if (c.pendingByRpcId.count(request.id)) {
        sendError(c, request.id,
                  err(ErrorCode::InvalidRpcRequest,
                      QStringLiteral("id: already used by a pending request")));
        return;
    }
    if (request.method == kHello) {
        hello(c, request);
        return;
    }
    if (request.method == "quill_info") {
        info(c, request);
        return;
    }
    if (c.auth != Auth::Paired) {
        // One answer for everything before pairing: it does not reveal which methods exist.
        send(c, JsonRpc::error(request.id, RpcErrorCode::Unauthorized,
                               QStringLiteral("unauthorized: this connection is not paired; call quill_hello first"),
                               ErrorCode::Unauthorized));
        return;
    }
    if (request.method == "quill_requestSessionSigs")
        sessionRequest(c, request, false);
    else if (request.method == "quill_requestAuthSig")
        sessionRequest(c, request, true);
    else if (request.method == "quill_signSiweMessage")
        signSiweMessage(c, request);
    else if (request.method == "quill_signLitChainSecured")
        chainSecuredRequest(c, request, false);
    else if (request.method == "quill_signTypedData")
        chainSecuredRequest(c, request, true);
    else if (request.method == "quill_accounts")
        accounts(c, request);
    else if (request.method == "quill_revoke")
        revoke(c, request);
    else
        sendError(c, request.id,
                  err(ErrorCode::UnsupportedMethod, QString::fromStdString(request.method)));
}

void ApiServer::info(Client &c, JsonRpcRequest &request)
{
    if (auto st = request.params.allowOnly({}); !st) {
        sendError(c, request.id, st.error());
        return;
    }
    std::string result = R"({"name":"Quill","version":)";
    appendJsonString(result, sv(m_info.version));
    result += R"(,"apiVersion":1,"profiles":["lit-v7","lit-v8"],"transports":["local-socket")";
    result += m_info.webSocket ? R"(,"websocket"],)" : "],";
    result +=
        R"("methods":["quill_info","quill_hello","quill_requestSessionSigs","quill_requestAuthSig","quill_signSiweMessage","quill_accounts","quill_revoke","quill_signLitChainSecured","quill_signTypedData"],)";
    result += R"("notifications":["quill_pending","quill_resolved"],"paired":)";
    result += c.auth == Auth::Paired ? "true" : "false";
    result += R"(,"hasAccount":)";
    result += m_info.hasAccount && m_info.hasAccount() ? "true" : "false";
    result += '}';
    send(c, JsonRpc::result(request.id, result));
}

void ApiServer::expirePromptLater(quint64 id)
{
    QPointer<ApiServer> self(this);
    QTimer::singleShot(std::chrono::milliseconds(m_limits.promptTimeoutMs), this, [self, id] {
        if (!self || !self->m_pending.count(id))
            return;
        const PendingKind kind = self->m_pending.at(id).kind;
        const bool shown = self->m_shownPairings.count(id) > 0;
        const auto p = self->takePending(id);
        if (kind == PendingKind::Pairing && shown && self->m_pairingApprover)
            self->m_pairingApprover->cancelPairing(id);
        if (kind == PendingKind::Accounts && self->m_accountsApprover)
            self->m_accountsApprover->cancelAccounts(id);
        if (!p)
            return;
        Client *cl = self->client(p->clientId);
        if (kind == PendingKind::Pairing)
            cl->auth = Auth::None;
        self->sendError(*cl, p->rpcId,
                        Error{ErrorCode::RequestExpired, QStringLiteral("no decision within %1 s")
                                                             .arg(self->m_limits.promptTimeoutMs / 1000)});
    });
}

void ApiServer::notifyWaiting(quint64 requestId)
{
    auto it = m_pending.find(requestId);
    if (it == m_pending.end() || it->second.announced)
        return;
    it->second.announced = true;
    Client *c = client(it->second.clientId);
    if (!c || c->closed)
        return;
    send(*c, QByteArray(R"({"jsonrpc":"2.0","method":"quill_pending","params":{"id":)") +
                 QByteArray::fromStdString(it->second.rpcId) + "}}");
}

void ApiServer::notifyResolved(Client &c, const std::string &rpcId, const char *outcome)
{
    send(c, QByteArray(R"({"jsonrpc":"2.0","method":"quill_resolved","params":{"id":)") +
                QByteArray::fromStdString(rpcId) + R"(,"outcome":")" + outcome + "\"}}");
}

void ApiServer::hello(Client &c, JsonRpcRequest &request)
{
    const std::string &rpcId = request.id;
    if (c.auth == Auth::Paired) {
        sendError(c, rpcId,
                  err(ErrorCode::InvalidRpcRequest,
                      QStringLiteral("quill_hello: this connection is already paired")));
        return;
    }
    if (c.auth != Auth::None) {
        sendError(c, rpcId,
                  err(ErrorCode::Busy, QStringLiteral("a quill_hello is already in progress")));
        return;
    }
    const auto &params = request.params;
    if (auto st = params.allowOnly({"name", "description", "url", "appId", "token"}); !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    auto name = params.string("name", kMaxNameBytes);
    auto description = params.optionalString("description", kMaxClaimBytes);
    auto url = params.optionalString("url", kMaxClaimBytes);
    auto appId = params.optionalString("appId", 32);
    auto token = params.optionalString("token", 64);
    for (const Error *e :
         {name ? nullptr : &name.error(), description ? nullptr : &description.error(),
          url ? nullptr : &url.error(), appId ? nullptr : &appId.error(),
          token ? nullptr : &token.error()})
        if (e) {
            sendError(c, rpcId, *e);
            return;
        }
    if (QString::fromStdString(*name).trimmed().isEmpty()) {
        sendError(c, rpcId,
                  err(ErrorCode::InvalidParams, QStringLiteral("name: must not be empty")));
        return;
    }
    if (appId->has_value() != token->has_value()) {
        sendError(c, rpcId,
                  err(ErrorCode::InvalidParams,
                      appId->has_value() ? QStringLiteral("token: required with appId")
                                         : QStringLiteral("appId: required with token")));
        return;
    }
    if (int(c.pendingByRpcId.size()) >= m_limits.maxPendingPerConnection) {
        sendError(c, rpcId, err(ErrorCode::Busy, QStringLiteral("too many pending requests")));
        return;
    }
    c.claimedName = QString::fromStdString(*name);
    QPointer<ApiServer> self(this);

    if (appId->has_value()) {
        if (!crypto::isLowerHex(**appId, 32)) {
            sendError(c, rpcId,
                      err(ErrorCode::InvalidParams,
                          QStringLiteral("appId: must be 32 lowercase hex characters")));
            return;
        }
        if (!crypto::isLowerHex(**token, 64)) {
            sendError(c, rpcId,
                      err(ErrorCode::InvalidParams,
                          QStringLiteral("token: must be 64 lowercase hex characters")));
            return;
        }
        c.auth = Auth::Verifying;
        const quint64 pid = addPending(c, rpcId, PendingKind::Verify);
        const QString id = QString::fromStdString(**appId);
        m_pairings.verify(id, **token, c.peer, [self, pid, id](Result<PairedApp> app) {
            if (!self)
                return;
            const auto p = self->takePending(pid);
            if (!p)
                return;
            Client *cl = self->client(p->clientId);
            cl->auth = Auth::None;
            // Unpaired while the keychain was read: the token no longer counts.
            if (app && !self->m_pairings.app(id))
                app = Error{ErrorCode::Unauthorized, QString()};
            if (!app) {
                self->sendError(*cl, p->rpcId, app.error());
                return;
            }
            cl->auth = Auth::Paired;
            cl->appId = app->appId;
            cl->appName = app->name;
            std::string result = R"({"appId":)";
            appendJsonString(result, sv(app->appId));
            result += R"(,"name":)";
            appendJsonString(result, sv(app->name));
            result += '}';
            self->send(*cl, JsonRpc::result(p->rpcId, result));
        });
        sodium_memzero(token->value().data(), token->value().size());
        return;
    }

    if (!m_pairingApprover) {
        sendError(c, rpcId, err(ErrorCode::Unauthorized));
        return;
    }
    // Issue 14: one prompt at a time per party, a budget per party, and a queue instead of
    // a refusal when many parties ask at once.
    const QString party = c.peer.peerKey();
    for (const auto &[openId, openParty] : m_pairingParty)
        if (openParty == party) {
            sendError(c, rpcId,
                      err(ErrorCode::Busy,
                          QStringLiteral("a pairing prompt for this app is already open")));
            return;
        }
    const qint64 now = m_clock.elapsed();
    auto &history = m_pairingHistory[party];
    while (!history.empty() && now - history.front() >= m_limits.pairingBudgetMs)
        history.pop_front();
    if (int(history.size()) >= m_limits.pairingPromptsPerParty) {
        sendError(c, rpcId,
                  err(ErrorCode::Busy,
                      QStringLiteral("too many pairing attempts from this app; try again in "
                                     "%1 minutes")
                          .arg((m_limits.pairingBudgetMs - (now - history.front())) / 60000 + 1)));
        return;
    }
    if (m_pairingPrompts >= m_limits.maxPendingPairings &&
        int(m_pairingQueue.size()) >= m_limits.maxQueuedPairings) {
        sendError(c, rpcId, err(ErrorCode::Busy, QStringLiteral("too many pairing prompts open")));
        return;
    }
    history.push_back(now);
    PairingRequest prompt;
    prompt.claimedName = c.claimedName;
    prompt.description = QString::fromStdString(description->value_or(std::string()));
    prompt.url = QString::fromStdString(url->value_or(std::string()));
    prompt.peer = c.peer;
    PairedApp draft;
    draft.claimedName = prompt.claimedName;
    draft.description = prompt.description;
    draft.url = prompt.url;
    draft.transport = c.peer.transport;
    draft.origin = c.peer.origin;
    draft.executable = c.peer.executable;
    draft.uid = c.peer.uid;

    c.auth = Auth::Pairing;
    prompt.id = addPending(c, rpcId, PendingKind::Pairing);
    m_pairingParty[prompt.id] = party;
    if (m_pairingPrompts < m_limits.maxPendingPairings && m_pairingQueue.empty())
        showPairing(prompt.id, prompt, draft);
    else
        m_pairingQueue.push_back({prompt.id, prompt, draft});
}

bool ApiServer::releasePairing(quint64 id)
{
    m_pairingParty.erase(id);
    if (m_shownPairings.erase(id)) {
        --m_pairingPrompts;
        showQueuedPairingsLater();
        return true;
    }
    std::erase_if(m_pairingQueue, [id](const QueuedPairing &q) { return q.id == id; });
    return false;
}

void ApiServer::showQueuedPairingsLater()
{
    if (m_pumpScheduled || m_pairingQueue.empty())
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            while (m_pairingPrompts < m_limits.maxPendingPairings && !m_pairingQueue.empty()) {
                QueuedPairing next = std::move(m_pairingQueue.front());
                m_pairingQueue.pop_front();
                showPairing(next.id, next.prompt, next.draft);
            }
        },
        Qt::QueuedConnection);
}

void ApiServer::showPairing(quint64 id, const PairingRequest &prompt, const PairedApp &draftIn)
{
    if (!m_pairingApprover) { // removed while this prompt waited in the queue
        if (const auto p = takePending(id)) {
            Client *cl = client(p->clientId);
            cl->auth = Auth::None;
            sendError(*cl, p->rpcId, err(ErrorCode::Unauthorized));
        }
        return;
    }
    m_shownPairings.insert(id);
    ++m_pairingPrompts;
    const quint64 pid = id;
    PairedApp draft = draftIn;
    const QString party = m_pairingParty[id];
    QPointer<ApiServer> self(this);
    expirePromptLater(pid);
    m_pairingApprover->requestPairing(
        prompt, [self, pid, draft, party](std::optional<QString> approved) mutable {
            if (!self)
                return;
            const auto p = self->takePending(pid);
            if (!p)
                return; // cancelled, or the app went away
            Client *cl = self->client(p->clientId);
            if (!approved) {
                cl->auth = Auth::None;
                self->sendError(*cl, p->rpcId, Error{ErrorCode::UserRejected, QString()});
                return;
            }
            // The budget counts prompts the user did not want; an approved one is refunded.
            if (auto &h = self->m_pairingHistory[party]; !h.empty())
                h.pop_back();
            draft.name = displayName(*approved, draft.claimedName);
            // Writing the token to the keychain takes a moment; keep the id pending meanwhile.
            const quint64 storeId = self->addPending(*cl, p->rpcId, PendingKind::Verify);
            self->m_pairings.pair(draft, [self, storeId](Result<PairingStore::Pairing> pairing) {
                if (!self)
                    return;
                const auto q = self->takePending(storeId);
                if (!q) {
                    // Nobody to give the token to: do not leave a pairing nobody can use.
                    if (pairing)
                        self->m_pairings.unpair(pairing->app.appId, [](Status) {});
                    return;
                }
                Client *cl2 = self->client(q->clientId);
                cl2->auth = Auth::None;
                if (!pairing) {
                    self->sendError(*cl2, q->rpcId, pairing.error());
                    return;
                }
                cl2->auth = Auth::Paired;
                cl2->appId = pairing->app.appId;
                cl2->appName = pairing->app.name;
                std::string tokenHex = crypto::toHex(pairing->token.span());
                std::string result = R"({"appId":)";
                appendJsonString(result, sv(pairing->app.appId));
                result += R"(,"token":)";
                appendJsonString(result, tokenHex);
                result += R"(,"name":)";
                appendJsonString(result, sv(pairing->app.name));
                result += '}';
                self->send(*cl2, JsonRpc::result(q->rpcId, result));
                sodium_memzero(tokenHex.data(), tokenHex.size());
                sodium_memzero(result.data(), result.size());
                Q_EMIT self->appPaired(pairing->app.appId);
            });
        });
}

Status ApiServer::admitRequest(const Client &c, const JsonRpcRequest &request,
                               std::initializer_list<std::string_view> allowed) const
{
    if (!m_handler)
        return err(ErrorCode::UnsupportedMethod,
                   QString::fromStdString(request.method) + QStringLiteral(" (not available)"));
    if (auto st = request.params.allowOnly(allowed); !st)
        return st;
    if (int(c.pendingByRpcId.size()) >= m_limits.maxPendingPerConnection)
        return err(ErrorCode::Busy, QStringLiteral("too many pending requests"));
    return okStatus();
}

void ApiServer::sessionRequest(Client &c, JsonRpcRequest &request, bool authSig)
{
    const std::string &rpcId = request.id;
    const auto &params = request.params;
    if (auto st = authSig ? admitRequest(c, request, {"request", "sessionPublicKey", "profile"})
                          : admitRequest(c, request, {"request", "profile"});
        !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    auto text = params.objectText("request");
    if (!text) {
        sendError(c, rpcId, text.error());
        return;
    }
    auto parsed = lit::SessionRequest::fromJson(*text);
    if (!parsed) {
        const auto &inner = parsed.error();
        // Contexts from the request parser start with the field ("nodeUrls[0]: …").
        const QString what = inner.context.isEmpty()
                                 ? QStringLiteral(": ") + errorCodeName(inner.code)
                                 : QStringLiteral(".") + inner.context;
        send(c, JsonRpc::error(rpcId, RpcErrorCode::InvalidParams,
                               errorCodeName(ErrorCode::InvalidParams) +
                                   QStringLiteral(": request") + what,
                               inner.code));
        return;
    }
    ApiRequest out;
    out.kind = authSig ? ApiRequestKind::AuthSig : ApiRequestKind::SessionSigs;
    auto profile = params.optionalString("profile", 16);
    if (!profile) {
        sendError(c, rpcId, profile.error());
        return;
    }
    if (*profile) {
        auto p = lit::parseProfile(**profile);
        if (!p) {
            sendError(c, rpcId,
                      err(ErrorCode::InvalidParams,
                          QStringLiteral("profile: must be \"lit-v7\" or \"lit-v8\"")));
            return;
        }
        out.profile = *p;
    }
    if (authSig) {
        auto key = params.string("sessionPublicKey", 128);
        if (!key) {
            sendError(c, rpcId, key.error());
            return;
        }
        if (!crypto::isLowerHex(*key, 64)) {
            QString hint;
            if (key->rfind("lit:session:", 0) == 0)
                hint = QStringLiteral(" (give the key without the \"lit:session:\" prefix of the SIWE URI)");
            else if (key->rfind("0x", 0) == 0 || key->rfind("0X", 0) == 0)
                hint = QStringLiteral(" (without the 0x prefix)");
            sendError(c, rpcId,
                      err(ErrorCode::InvalidParams,
                          QStringLiteral("sessionPublicKey: must be 64 lowercase hex characters") + hint));
            return;
        }
        out.sessionPublicKey = std::move(*key);
    }
    out.request = std::move(parsed).value();
    out.requestJson = std::move(*text);
    handToHandler(c, rpcId, std::move(out));
}

void ApiServer::signSiweMessage(Client &c, JsonRpcRequest &request)
{
    const std::string &rpcId = request.id;
    if (auto st = admitRequest(c, request, {"message"}); !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    auto text = request.params.lines("message", lit::SessionSiwe::kMaxBytes);
    if (!text) {
        sendError(c, rpcId, text.error());
        return;
    }
    auto parsed = lit::SessionSiwe::parse(*text);
    if (!parsed) {
        const auto &inner = parsed.error();
        send(c, JsonRpc::error(rpcId, RpcErrorCode::InvalidParams,
                               errorCodeName(ErrorCode::InvalidParams) + QStringLiteral(": ") +
                                   inner.context,
                               inner.code));
        return;
    }
    ApiRequest out;
    out.kind = ApiRequestKind::SiweMessage;
    out.siwe = std::make_shared<const lit::SessionSiwe>(std::move(parsed).value());
    out.requestJson = std::move(*text);
    handToHandler(c, rpcId, std::move(out));
}

void ApiServer::handToHandler(Client &c, const std::string &rpcId, ApiRequest out)
{
    out.appId = c.appId;
    out.appName = c.appName;
    out.claimedName = c.claimedName;
    out.peer = c.peer;
    out.id = addPending(c, rpcId, PendingKind::Request);

    QPointer<ApiServer> self(this);
    const quint64 pid = out.id;
    m_handler->handle(out, [self, pid](Result<std::string> answer) {
        if (!self)
            return;
        const auto p = self->takePending(pid);
        if (!p)
            return; // cancelled, answered already, or the app went away
        Client *cl = self->client(p->clientId);
        if (p->announced) {
            const char *outcome = "failed";
            if (answer)
                outcome = "approved";
            else if (answer.error().code == ErrorCode::UserRejected)
                outcome = "rejected";
            else if (answer.error().code == ErrorCode::RequestExpired)
                outcome = "expired";
            self->notifyResolved(*cl, p->rpcId, outcome);
        }
        if (!answer) {
            self->sendError(*cl, p->rpcId, answer.error());
            return;
        }
        std::string json = singleLine(std::move(answer).value());
        if (!self->m_handler->answersAreCheckedJson() && !JsonRpc::isValidJson(json)) {
            self->send(*cl, JsonRpc::error(p->rpcId, RpcErrorCode::InternalError,
                                           QStringLiteral("internal error")));
            return;
        }
        self->send(*cl, JsonRpc::result(p->rpcId, json));
    });
}

void ApiServer::chainSecuredRequest(Client &c, JsonRpcRequest &request, bool typedData)
{
    // Lit Chipotle ChainSecured authorizations (issue #15): a one-off the user reviews every
    // time; same pairing, limits and activity log as session requests.
    const std::string &rpcId = request.id;
    const auto &params = request.params;
    if (auto st = typedData ? admitRequest(c, request, {"typedData"})
                            : admitRequest(c, request, {"purpose", "chainId"});
        !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    ApiRequest out;
    out.kind = ApiRequestKind::ChainSecured;
    if (typedData) {
        auto text = params.valueText("typedData");
        if (!text) {
            sendError(c, rpcId, text.error());
            return;
        }
        // Only typed data that passes the ChainSecured checker; the context names the first
        // difference.
        auto parsed = lit::parseChainSecuredTypedData(*text);
        if (!parsed) {
            send(c, JsonRpc::error(rpcId, RpcErrorCode::InvalidParams,
                                   errorCodeName(ErrorCode::InvalidParams) +
                                       QStringLiteral(": typedData: ") + parsed.error().context,
                                   parsed.error().code));
            return;
        }
        out.typedData = *parsed;
        out.chainSecuredPurpose = parsed->purpose;
        out.chainId = parsed->chainId;
    } else {
        auto purposeText = params.string("purpose", 32);
        if (!purposeText) {
            sendError(c, rpcId, purposeText.error());
            return;
        }
        const auto purpose = lit::purposeFromName(*purposeText);
        if (!purpose) {
            sendError(
                c, rpcId,
                err(ErrorCode::InvalidParams,
                    QStringLiteral(
                        "purpose: must be create-wallet, convert-account, add-usage-api-key or "
                        "billing-auth (or the primaryType: CreateWallet, …)")));
            return;
        }
        auto chainText = params.valueText("chainId");
        if (!chainText) {
            sendError(c, rpcId, chainText.error());
            return;
        }
        // A positive integer, as a JSON number or a decimal string.
        std::string_view digits = *chainText;
        if (digits.size() >= 2 && digits.front() == '"' && digits.back() == '"')
            digits = digits.substr(1, digits.size() - 2);
        std::uint64_t chainId = 0;
        bool ok = !digits.empty() && digits.size() <= 19 && digits[0] != '0';
        for (char ch : digits) {
            ok = ok && ch >= '0' && ch <= '9';
            if (ok)
                chainId = chainId * 10 + static_cast<std::uint64_t>(ch - '0');
        }
        if (!ok) {
            sendError(c, rpcId,
                      err(ErrorCode::InvalidParams,
                          QStringLiteral("chainId: must be a positive integer")));
            return;
        }
        out.chainSecuredPurpose = *purpose;
        out.chainId = chainId;
    }
    handToHandler(c, rpcId, std::move(out));
}

void ApiServer::accounts(Client &c, JsonRpcRequest &request)
{
    const std::string &rpcId = request.id;
    if (auto st = request.params.allowOnly({}); !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    if (!m_accountsApprover) {
        sendError(
            c, rpcId,
            err(ErrorCode::UnsupportedMethod, QStringLiteral("quill_accounts (not available)")));
        return;
    }
    if (int(c.pendingByRpcId.size()) >= m_limits.maxPendingPerConnection) {
        sendError(c, rpcId, err(ErrorCode::Busy, QStringLiteral("too many pending requests")));
        return;
    }
    AccountsRequest prompt;
    prompt.id = addPending(c, rpcId, PendingKind::Accounts);
    expirePromptLater(prompt.id);
    prompt.appId = c.appId;
    prompt.appName = c.appName;
    prompt.peer = c.peer;
    QPointer<ApiServer> self(this);
    const quint64 pid = prompt.id;
    m_accountsApprover->requestAccounts(prompt, [self, pid](std::optional<QStringList> addresses) {
        if (!self)
            return;
        const auto p = self->takePending(pid);
        if (!p)
            return;
        Client *cl = self->client(p->clientId);
        if (!addresses) {
            self->sendError(*cl, p->rpcId, Error{ErrorCode::UserRejected, QString()});
            return;
        }
        std::string list = "[";
        for (const auto &a : *addresses) {
            if (list.size() > 1)
                list += ',';
            appendJsonString(list, sv(a));
        }
        list += ']';
        self->send(*cl, JsonRpc::result(p->rpcId, list));
    });
}

void ApiServer::revoke(Client &c, JsonRpcRequest &request)
{
    const std::string rpcId = request.id;
    if (auto st = request.params.allowOnly({}); !st) {
        sendError(c, rpcId, st.error());
        return;
    }
    const QString appId = c.appId;
    const quint64 clientId = c.id;
    // Every connection of the app is logged out at once; what they had pending is dropped.
    dropPairing(appId, Error{ErrorCode::RequestCancelled, QStringLiteral("the app logged out")});
    QPointer<ApiServer> self(this);
    m_pairings.unpair(appId, [self, clientId, rpcId, appId](Status st) {
        if (!self)
            return;
        if (Client *cl = self->client(clientId); cl && !cl->closed) {
            if (st)
                self->send(*cl, JsonRpc::result(rpcId, "true"));
            else
                self->sendError(*cl, rpcId, st.error());
        }
        if (st)
            Q_EMIT self->appUnpaired(appId, UnpairedBy::App);
    });
}

void ApiServer::unpair(const QString &appId, std::function<void(Status)> done)
{
    dropPairing(appId, Error{ErrorCode::Unauthorized, QString()});
    QPointer<ApiServer> self(this);
    m_pairings.unpair(appId, [self, appId, done = std::move(done)](Status st) {
        if (self && st)
            Q_EMIT self->appUnpaired(appId, UnpairedBy::Host);
        done(st);
    });
}

} // namespace quill::api
