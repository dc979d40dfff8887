#pragma once

#include "api/PeerFacts.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quill::api {

/// A paired app asks which accounts it may see (quill_accounts).
struct AccountsRequest
{
    quint64 id = 0;  ///< for cancelAccounts()
    QString appId;   ///< the paired app
    QString appName; ///< the name the user gave it when pairing
    PeerFacts peer;
};

/// Asks the user which account addresses to reveal to an app (clef: ask before revealing
/// whether an account exists). The UI implements it; tests script it.
class AccountsApprover
{
public:
    /// std::nullopt: refused (the app gets 4001). A list: the EIP-55 addresses to reveal
    /// (may be empty or a subset of the wallet's).
    using Decision = std::function<void(std::optional<QStringList> addresses)>;

    virtual ~AccountsApprover() = default;

    /// Shows the prompt. Call `decide` exactly once, later or at once; a decision after
    /// cancelAccounts() is ignored.
    virtual void requestAccounts(const AccountsRequest &request, Decision decide) = 0;

    /// The app went away before the user decided: close the prompt.
    virtual void cancelAccounts(quint64 id) = 0;
};

} // namespace quill::api
