#pragma once

#include "api/ApiConnection.h"
#include "api/ApiRequest.h"
#include "api/PairingApprover.h"
#include "api/PairingStore.h"

#include "common/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace quill::api {

class AccountsApprover;
class PairingApprover;
class RequestHandler;
struct JsonRpcRequest;
struct ApiRequest;

/// The limits ApiServer enforces on every connection (core/api/README.md).
struct ApiLimits
{
    qsizetype maxMessageBytes = 1 << 20; ///< larger → 4302 and the connection is closed
    double messagesPerSecond = 20;       ///< token-bucket refill per connection
    double messageBurst = 100;           ///< token-bucket size; over budget → 4303
    int maxPendingPerConnection = 64;    ///< requests + prompts awaiting an answer → 4304
    /// Connection caps (issue 14): each transport has its own, so WebSocket clients never
    /// take room on the local socket; within a transport per uid, and per party
    /// (PeerFacts::peerKey: a browser Origin, or a program) → 4304, then closed.
    int maxConnectionsPerTransport = 256;
    int maxConnectionsPerUid = 256; ///< on one transport
    int maxConnectionsPerPeer = 64; ///< per party on one transport
    /// Pairing prompts (issue 14): one at a time per party; at most pairingPromptsPerParty
    /// prompts per party within pairingBudgetMs that the user did not approve (rejected,
    /// expired, abandoned) → 4304; at most maxPendingPairings shown at once, the others wait
    /// in a queue (up to maxQueuedPairings, then 4304) instead of being refused.
    int maxPendingPairings = 8;
    int maxQueuedPairings = 64;
    int pairingPromptsPerParty = 8;
    qint64 pairingBudgetMs = 10 * 60 * 1000;
    qint64 maxOutgoingBytes = 16 << 20;  ///< unread answers queued for a peer → closed
    qint64 promptTimeoutMs = 5 * 60 * 1000; ///< pairing/accounts prompts unanswered → 4300
};

/// What quill_info tells any app, paired or not.
struct ApiInfo
{
    QString version;
    bool webSocket = false;               ///< the loopback WebSocket is enabled
    std::function<bool()> hasAccount = {}; ///< whether the user has at least one account
};

/// Why an app's pairing ended.
enum class UnpairedBy
{
    App,  ///< the app logged itself out (quill_revoke)
    Host, ///< the user forgot it (ApiServer::unpair)
};

/// The JSON-RPC dispatcher between untrusted apps and Quill's approval side. Transport-
/// independent: transports hand it ApiConnections. An app can ask, never take: every answer
/// that reveals or signs anything goes through an approver or the RequestHandler.
///
/// Methods (params are objects; unknown params are refused):
///   quill_hello {name, description?, url?, appId?, token?}
///       appId+token of a paired app → {"appId","name"}; neither → pairing prompt →
///       {"appId","token","name"} (the token is shown once; the app keeps it).
///   quill_requestSessionSigs {request, profile?} → the SessionSigs map (verbatim)
///   quill_requestAuthSig {request, sessionPublicKey, profile?} → the AuthSig (verbatim)
///   quill_signSiweMessage {message} → {"signature","authSig"} for a Lit session SIWE the
///       app's SDK built (lit::SessionSiwe::parse; anything else → -32602 naming the part)
///   quill_accounts {} → the addresses the user chose to reveal
///   quill_revoke {} → true; the app is unpaired and appUnpaired(appId, App) is emitted
/// Only quill_hello works before a connection is paired (others → 4100).
///
/// Threading: one thread (the GUI thread in `quill`); nothing here blocks. Callbacks from
/// handlers/approvers may come at once or later; answers for connections that are gone are
/// dropped.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(PairingStore &pairings, QObject *parent = nullptr);
    /// Cancels every pending request and prompt, and closes every connection.
    ~ApiServer() override;

    /// The approval side. Not owned; each must outlive the server or be reset to nullptr.
    /// Without a handler, session methods answer 4200; without an approver, pairing
    /// answers 4100 and quill_accounts 4200.
    void setRequestHandler(RequestHandler *handler) { m_handler = handler; }
    void setPairingApprover(PairingApprover *approver) { m_pairingApprover = approver; }
    void setAccountsApprover(AccountsApprover *approver) { m_accountsApprover = approver; }

    /// Rate buckets and the local socket's line cap are fixed when a connection arrives;
    /// the other limits apply at once.
    void setLimits(const ApiLimits &limits) { m_limits = limits; }
    void setInfo(ApiInfo info) { m_info = std::move(info); }
    /// A request of the handler now waits for the user: its app gets the notification
    /// quill_pending {id}, and quill_resolved {id, outcome} when it is answered.
    void notifyWaiting(quint64 requestId);
    const ApiLimits &limits() const { return m_limits; }

    /// Takes ownership of a transport's new connection.
    /// Returns: false if a connection cap refused it (it was told 4304 and closed).
    bool addConnection(ApiConnection *connection);

    /// The user forgets an app: its connections lose their pairing (their pending requests
    /// are cancelled and answered 4100), the token stops verifying, and
    /// appUnpaired(appId, Host) is emitted. Errors: Unauthorized (no such app), StorageFailure.
    void unpair(const QString &appId, std::function<void(Status)> done);

    int connectionCount() const { return int(m_clients.size()); }
    /// Requests and prompts awaiting an answer, over all connections.
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void appPaired(const QString &appId);
    /// An app's pairing ended: drop its grants and session keys (the broker's job).
    void appUnpaired(const QString &appId, quill::api::UnpairedBy by);

private:
    struct Client;
    enum class PendingKind
    {
        Verify,
        Pairing,
        Accounts,
        Request
    };
    struct Pending
    {
        quint64 clientId = 0;
        std::string rpcId;
        PendingKind kind = PendingKind::Request;
        bool announced = false; ///< quill_pending was sent
    };

    Client *client(quint64 clientId);
    void onMessage(quint64 clientId, const QByteArray &message);
    void onDisconnected(quint64 clientId);
    void dispatch(Client &c, JsonRpcRequest &request);
    void hello(Client &c, JsonRpcRequest &request);
    void info(Client &c, JsonRpcRequest &request);
    /// Answers the prompt `id` with 4300 if it is still pending after promptTimeoutMs.
    void expirePromptLater(quint64 id);
    void notifyResolved(Client &c, const std::string &rpcId, const char *outcome);
    void sessionRequest(Client &c, JsonRpcRequest &request, bool authSig);
    /// The checks every signing method makes first: a handler exists, only `allowed` params,
    /// room for one more pending request on `c`.
    Status admitRequest(const Client &c, const JsonRpcRequest &request,
                        std::initializer_list<std::string_view> allowed) const;
    void signSiweMessage(Client &c, JsonRpcRequest &request);
    void chainSecuredRequest(Client &c, JsonRpcRequest &request, bool typedData);
    /// Registers `out` as pending on `c` and hands it to the RequestHandler; the answer goes
    /// back as the JSON-RPC result (or error) of `rpcId`.
    void handToHandler(Client &c, const std::string &rpcId, ApiRequest out);
    void accounts(Client &c, JsonRpcRequest &request);
    void revoke(Client &c, JsonRpcRequest &request);

    quint64 addPending(Client &c, const std::string &rpcId, PendingKind kind);
    /// Removes a pending entry. Returns: it, if it was still pending (and its client alive).
    std::optional<Pending> takePending(quint64 id);
    /// Shows the pairing prompt of pending `id` (counted in m_pairingPrompts).
    void showPairing(quint64 id, const PairingRequest &prompt, const PairedApp &draft);
    /// A pairing prompt's pending entry ended. Returns: true if the approver was showing it
    /// (false: it was still queued and is dropped from the queue).
    bool releasePairing(quint64 id);
    /// Shows queued prompts while there is room (on the next turn of the event loop).
    void showQueuedPairingsLater();

    /// Cancels everything `c` has pending (handler/approvers told); answers each with
    /// `answer` unless it is std::nullopt (the connection is gone).
    void cancelPendingOf(Client &c, const std::optional<Error> &answer);
    /// Ends the pairing of every connection of `appId`.
    void dropPairing(const QString &appId, const Error &answer);

    void send(Client &c, const QByteArray &message);
    void sendError(Client &c, const std::string &rpcId, const Error &error);
    void closeClient(Client &c);

    PairingStore &m_pairings;
    RequestHandler *m_handler = nullptr;
    PairingApprover *m_pairingApprover = nullptr;
    AccountsApprover *m_accountsApprover = nullptr;
    ApiLimits m_limits;
    ApiInfo m_info;
    QElapsedTimer m_clock;
    quint64 m_nextClientId = 1;
    quint64 m_nextPendingId = 1;
    int m_pairingPrompts = 0; ///< prompts the approver is showing
    struct QueuedPairing
    {
        quint64 id = 0;
        PairingRequest prompt;
        PairedApp draft;
    };
    std::deque<QueuedPairing> m_pairingQueue;  ///< prompts waiting for room, oldest first
    std::set<quint64> m_shownPairings;         ///< pending ids the approver is showing
    std::map<quint64, QString> m_pairingParty; ///< shown or queued prompt → its party
    std::map<QString, std::deque<qint64>> m_pairingHistory; ///< party → prompt times (budget)
    bool m_pumpScheduled = false;
    std::map<quint64, std::unique_ptr<Client>> m_clients;
    std::map<quint64, Pending> m_pending;
};

} // namespace quill::api

Q_DECLARE_METATYPE(quill::api::UnpairedBy)
