#pragma once

#include "requests/ActivityLog.h"
#include "requests/AppIdentity.h"
#include "requests/ChainSecuredReview.h"
#include "requests/Clock.h"
#include "requests/PermissionStore.h"
#include "requests/RequestReview.h"

#include "lit/ChainSecured.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSiwe.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace quill::requests {

enum class RequestKind
{
    SessionSigs, ///< Quill keeps the app's session key and returns the SessionSigs map
    AuthSig,     ///< the app keeps its own session key; Quill returns the wallet AuthSig
    /// The app's own SDK built the SIWE message (quill_signSiweMessage): Quill signs exactly
    /// that text and returns {"signature", "authSig"}; account and expiry are the message's.
    SiweMessage,
    /// Lit Chipotle ChainSecured authorization (EIP-712, issue #15): Quill returns the request
    /// body {typed_data, signature}. A one-off: never remembered, never answered from a grant.
    ChainSecured,
};

enum class Decision { Approved, Rejected, Expired, Cancelled, Failed };
/// The activity log's word for a decision ("remembered" for an automatic approval).
QString toString(Decision decision, bool automatic);

/// A request as it arrives from a transport, the CLI or the demo.
struct IncomingRequest
{
    AppIdentity app;
    RequestKind kind = RequestKind::SessionSigs;
    lit::SessionRequest request;
    lit::Profile profile = lit::Profile::LitV7;
    std::string sessionPublicKey; ///< AuthSig kind: the app's own key (64 lowercase hex)
    /// SiweMessage kind: the parsed message; submit() sets `request` from it.
    std::shared_ptr<const lit::SessionSiwe> siwe;
    /// ChainSecured kind: the flow and the chain. Quill builds the typed data for the account
    /// the user picks, issued at the moment of approval.
    lit::ChainSecuredPurpose chainSecuredPurpose = lit::ChainSecuredPurpose::CreateWallet;
    std::uint64_t chainId = 0;
    /// ChainSecured kind, quill_signTypedData: the app's own typed data (already accepted by
    /// lit::parseChainSecuredTypedData); signed as given, by message.address only.
    std::optional<lit::ChainSecuredAuthorization> typedData;
};

/// A request waiting for the user, as the UI sees it.
struct PendingRequest
{
    quint64 id = 0;
    IncomingRequest incoming;
    lit::IssuancePlan plan; ///< fixed on arrival: the reviewed text is the signed text
    UnixMillis receivedAt = 0;
    UnixMillis deadline = 0;
    bool executing = false; ///< approved, being signed
};

/// What the user decided to allow.
struct ApprovalScope
{
    QString account;
    /// Remember: later requests of this pairing for this account within the approved
    /// capabilities are answered without asking until now + rememberFor.
    bool remember = false;
    /// A shorter expiration chosen in the dialog (ISO); never later than the requested one.
    std::optional<std::string> expiration;
    UnixMillis rememberFor = kDay;
};

/// The choices the dialog offers for how long to remember (this request only = no grant).
inline constexpr UnixMillis kRememberChoices[] = {kHour, kDay, 7 * kDay, 30 * kDay};

/// The queue of session requests between untrusted apps and the user (ARCHITECTURE.md
/// "The flow of one request"). Never blocks and runs no nested event loop: keychain reads
/// and signing for many nodes are asynchronous; the answer goes to the request's Reply.
///
/// A request is answered exactly once: approved (result JSON), rejected (UserRejected),
/// expired after the timeout (RequestExpired), cancelled when the app disconnects
/// (RequestCancelled, the reply is not called), or failed (the error). A request that can
/// never be signed (bad times, spec §8) is refused by submit() before anyone is asked. A
/// live remembered grant of the same pairing that covers every capability answers without a
/// prompt, with the SIWE expiring no later than the grant.
class RequestBroker : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(Result<std::string>)>;
    static constexpr UnixMillis kDefaultTimeout = 5 * kMinute;

    RequestBroker(vault::WalletVault &wallets, vault::SessionKeyStore &sessionKeys,
                  PermissionStore &permissions, ActivityLog &activity, const Clock &clock,
                  QObject *parent = nullptr);
    ~RequestBroker() override;

    void setTimeout(UnixMillis timeout) { m_timeout = timeout; }

    /// Queues a request. Returns: its id, or an error when it can never be signed (times
    /// nodes reject, naming the field; an AuthSig request without a valid session key) —
    /// logged as refused, nobody is asked.
    [[nodiscard]] Result<quint64> submit(IncomingRequest incoming, Reply reply);

    /// The review of a pending request for `account`, optionally with a shorter
    /// expiration. Synchronous: the session key's public half comes from the index, or a
    /// fresh key is made (and kept only if the user approves).
    [[nodiscard]] Result<RequestReview> review(quint64 id, const QString &account,
                                               const std::optional<std::string> &expiration = {});

    /// The review of a pending ChainSecured request for `account` (issuedAt: now, or the app's
    /// own typed data). Returns: the review, RequestNotFound, AccountNotFound, InvalidArgument
    /// (not a ChainSecured request), or ChainSecuredSigner (the app's typed data names
    /// another account).
    [[nodiscard]] Result<ChainSecuredReview> reviewChainSecured(quint64 id, const QString &account);

    /// Approves: signs asynchronously and answers the app. Returns at once; an error here
    /// (unknown id, bad account, an expiration nodes would reject) leaves the request pending.
    [[nodiscard]] Status approve(quint64 id, const ApprovalScope &scope);
    [[nodiscard]] Status reject(quint64 id);
    /// The app went away: drop the request without answering.
    void cancel(quint64 id);
    /// Expires requests whose deadline passed (a timer calls it every second).
    void checkTimeouts();

    /// Requests waiting for (or approved by) the user; remembered ones are not listed.
    QList<quint64> pendingIds() const;
    const PendingRequest *pending(quint64 id) const;

    /// Forgets a remembered grant and deletes the app's session key for that account
    /// (logged as revoked). Signatures already issued stay valid until they expire.
    void revoke(const QString &appId, const QString &account, std::function<void(Status)> done);
    /// The app was unpaired: forgets all its grants and session keys (logged as unpaired).
    void forgetApp(const QString &appId, const QString &appName, std::function<void(Status)> done);

Q_SIGNALS:
    /// A request needs the user's decision.
    void reviewRequested(quint64 id);
    /// A request was answered (or dropped); it is no longer pending.
    void requestFinished(quint64 id, quill::requests::Decision decision);
    void pendingCountChanged(int count);

private:
    struct Entry;
    /// Keeps an accepted request and, on the next turn, either asks for a review or — with
    /// `automaticAccount`, a grant's account — signs it without asking. Returns: its id.
    quint64 enqueue(IncomingRequest incoming, lit::IssuancePlan plan, UnixMillis now, Reply reply,
                    const std::optional<QString> &automaticAccount);
    void execute(quint64 id, const QString &account, bool remember, bool automatic);
    void executeChainSecured(quint64 id, const QString &account);
    Result<lit::ChainSecuredAuthorization> chainSecuredAuth(const PendingRequest &p,
                                                            const QString &account) const;
    /// Ends a request. An approved answer is checked to be one JSON value here unless
    /// `jsonChecked` (a SessionSigs map: valid by construction, see the issuance); one that
    /// is not fails instead (BrokerRequestHandler promises the API checked answers).
    void finish(quint64 id, Decision decision, Result<std::string> result, bool automatic,
                bool jsonChecked = false);
    void log(const Entry &entry, Decision decision, bool automatic, const QString &error);
    void logEvent(const IncomingRequest &in, const QString &decision, const QString &account,
                  const QString &expiration, const QString &error);
    std::shared_ptr<lit::SessionKey> freshKey(Entry &entry, const QString &account);
    /// A SiweMessage request can only be signed by its own address, with its own expiry.
    static Status checkSiweScope(const IncomingRequest &in, const QString &account,
                                 const std::optional<std::string> &expiration);
    void removeSessionKeys(const QString &appId, QStringList accounts, Status firstError,
                           std::function<void(Status)> done);

    vault::WalletVault &m_wallets;
    vault::SessionKeyStore &m_sessionKeys;
    PermissionStore &m_permissions;
    ActivityLog &m_activity;
    const Clock &m_clock;
    UnixMillis m_timeout = kDefaultTimeout;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Entry>> m_entries;
    QTimer m_timer;
};

} // namespace quill::requests

Q_DECLARE_METATYPE(quill::requests::Decision)
