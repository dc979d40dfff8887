#pragma once

// The approval side of `quill-cli serve --dev` (issue #10): every pairing prompt, accounts
// prompt and session request is answered by one rule instead of a person. A product feature
// for app developers' CI, never used by the desktop app.

#include "api/AccountsApprover.h"
#include "api/PairingApprover.h"
#include "requests/RequestBroker.h"

#include <QObject>
#include <QString>

namespace quill::cli {

/// What a rule answers to every question.
enum class ApprovalRule
{
    All,      ///< pair, reveal the account, approve every request (without remembering)
    Remember, ///< as All, but "approve and remember" (1 day): later covered requests get no review
    None,     ///< refuse pairing and reject every request: the app sees 4001
};

/// Answers pairing, accounts and session requests by `rule`, for one `account`.
/// Misuse: the broker must outlive this object.
class RuleApprover final : public QObject, public api::PairingApprover, public api::AccountsApprover
{
    Q_OBJECT
public:
    RuleApprover(requests::RequestBroker &broker, QString account, ApprovalRule rule,
                 QObject *parent = nullptr);

    void requestPairing(const api::PairingRequest &request,
                        PairingApprover::Decision decide) override;
    void cancelPairing(quint64) override {}
    void requestAccounts(const api::AccountsRequest &request,
                         AccountsApprover::Decision decide) override;
    void cancelAccounts(quint64) override {}

    /// Decisions taken so far (for the summary printed at exit).
    int approved() const { return m_approved; }
    int rejected() const { return m_rejected; }

private:
    void onReviewRequested(quint64 id);

    requests::RequestBroker &m_broker;
    QString m_account;
    ApprovalRule m_rule;
    int m_approved = 0;
    int m_rejected = 0;
};

} // namespace quill::cli
