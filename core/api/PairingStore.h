#pragma once

#include "api/PeerFacts.h"

#include "common/Result.h"
#include "common/Time.h"
#include "crypto/SecureBytes.h"
#include "vault/JournaledIndex.h"
#include "vault/SecretStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <string_view>

namespace quill::api {

/// A paired app: non-secret, stored in apps.json. Its token lives only in the keychain.
struct PairedApp
{
    QString appId;       ///< 32 lowercase hex characters, random
    QString name;        ///< the name the user approved (or edited)
    QString claimedName; ///< what the app called itself when it paired (a claim)
    QString description; ///< claim
    QString url;         ///< claim
    Transport transport = Transport::LocalSocket; ///< how it paired (fact)
    QString origin;     ///< the Origin it paired from ("" if none): later connections must match
    QString executable; ///< the executable it paired from (bound unless it has an Origin)
    qint64 uid = -1;    ///< the uid it paired from (bound unless it has an Origin); -1 in
                        ///< records written before issue 14 (see bindingMatches)
    UnixMillis pairedAt = 0;
    bool operator==(const PairedApp &) const = default;
};

/// Paired apps and their tokens: records in `<dataDir>/apps.json`, each token (32 random
/// bytes) in the SecretStore under "pairing:<appId>".
///
/// The records are a vault::JournaledIndex shared with other processes: a pairing is
/// recorded `pending` before its token is written and `ready` after; an unpairing is
/// recorded `removing` before the token is deleted. Only `ready` apps verify, so a token
/// stops working the moment unpair() has written the journal. recover() finishes what a dead
/// process left unfinished (the token goes either way).
class PairingStore : public QObject
{
    Q_OBJECT
public:
    /// A new pairing: the record and the token to give the app (once).
    struct Pairing
    {
        PairedApp app;
        crypto::SecureBytes token; ///< 32 bytes; the app gets it as 64 lowercase hex
    };
    using PairCallback = std::function<void(Result<Pairing>)>;
    using AppCallback = std::function<void(Result<PairedApp>)>;
    using DoneCallback = vault::SecretStore::DoneCallback;

    static constexpr std::size_t kTokenBytes = 32;

    PairingStore(vault::SecretStore &secrets, const QString &dataDir, QObject *parent = nullptr);

    /// Reads apps.json (again, if another process changed it). Returns: ok, IndexCorrupt
    /// (file left untouched) or StorageFailure.
    [[nodiscard]] Status load() { return m_index.refresh(); }
    /// Finishes interrupted pairings (rolled back) and unpairings (completed).
    void recover(DoneCallback done) { m_index.recover(std::move(done)); }

    /// Apps that are fully paired, in pairing order.
    QList<PairedApp> apps() const { return m_apps; }
    std::optional<PairedApp> app(const QString &appId) const;

    /// Pairs a new app described by `draft` (appId and pairedAt are assigned): writes the
    /// record, then a fresh random token to the keychain.
    /// Errors: KeychainUnavailable (nothing persisted), KeychainFailure, StorageFailure.
    /// Secrets: the token is handed to `done` once and kept nowhere else but the keychain.
    void pair(PairedApp draft, PairCallback done);

    /// Checks a presented token: the app must be paired (ready), `peer` must match the
    /// pairing's binding (bindingMatches), and the token must equal the stored one (constant
    /// time, sodium_memcmp).
    /// Errors: Unauthorized for every mismatch (one answer: it does not tell whether the app
    /// exists or which part differed), KeychainUnavailable / KeychainFailure if the keychain
    /// cannot be read.
    /// Secrets: the token copy is wiped before returning; nothing about it is logged.
    void verify(const QString &appId, std::string_view tokenHex, const PeerFacts &peer,
                AppCallback done);

    /// Whether a connection with `peer` may use `app`'s token (issue 14): the same transport
    /// and the same Origin ("" = none) always; for the local socket and for clients without
    /// an Origin also the same executable path and the same uid. A record from before issue
    /// 14 has no uid (-1): it is bound by what it stored (transport, Origin, executable);
    /// both transports admit only the owner's uid anyway.
    static bool bindingMatches(const PairedApp &app, const PeerFacts &peer);

    /// Unpairs: the token stops verifying at once (journal), then it is deleted from the
    /// keychain and the record dropped. Returns ok once the token can no longer be used,
    /// even if the keychain deletion failed (the record stays `removing`; recover() retries).
    /// Errors: Unauthorized (no such paired app), StorageFailure.
    void unpair(const QString &appId, DoneCallback done);

    QString indexPath() const { return m_index.path(); }
    vault::JournaledIndex &index() { return m_index; }
    static QString secretKey(const QString &appId) { return QStringLiteral("pairing:") + appId; }

Q_SIGNALS:
    void appsChanged();

private:
    void onIndexChanged();

    vault::SecretStore &m_secrets;
    vault::JournaledIndex m_index;
    QList<PairedApp> m_apps;
};

} // namespace quill::api
