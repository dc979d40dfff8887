#pragma once

#include "common/Result.h"
#include "common/Time.h"
#include "lit/SessionRequest.h"
#include "vault/JournaledIndex.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <set>
#include <utility>

namespace quill::requests {

/// "Approve and remember": what one app may get for one account without asking again,
/// until `expiresAt` (chosen by the user when remembering).
struct Grant
{
    QString appId;
    QString account;
    std::set<std::pair<std::string, std::string>> capabilities; ///< (resource key, Lit ability)
    UnixMillis expiresAt = 0;
    UnixMillis createdAt = 0;
    bool operator==(const Grant &) const = default;
};

/// Remembered grants in the data folder (grants.json), non-secret: a vault::JournaledIndex,
/// so every change is a locked read-modify-write and other processes' grants survive it.
class PermissionStore : public QObject
{
    Q_OBJECT
public:
    PermissionStore(const QString &dataDir, QObject *parent = nullptr);

    /// Reads grants.json (again, if another process changed it).
    [[nodiscard]] Status load() { return m_index.refresh(); }
    QList<Grant> grants() const { return m_grants; }
    vault::JournaledIndex &index() { return m_index; }

    /// Records (or replaces) the grant for (app, account).
    [[nodiscard]] Status remember(Grant grant);

    /// The live grant of `appId` (the pairing, never a claimed name) that covers every
    /// (resource, ability) of `request`: each pair is in the grant, or the grant holds
    /// `prefix://*` for that ability (never the reverse). The request's expiration does
    /// not matter: what is signed under a grant expires no later than the grant. A non-empty
    /// `account` only considers that account's grant.
    std::optional<Grant> covering(const QString &appId, const lit::SessionRequest &request,
                                  UnixMillis now, const QString &account = {}) const;

    /// Removes the grant(s); an empty `account` removes every grant of the app.
    [[nodiscard]] Status revoke(const QString &appId, const QString &account = {});

    /// Drops expired grants.
    [[nodiscard]] Status prune(UnixMillis now);

Q_SIGNALS:
    void grantsChanged();

private:
    void onIndexChanged();

    vault::JournaledIndex m_index;
    QList<Grant> m_grants;
};

} // namespace quill::requests
