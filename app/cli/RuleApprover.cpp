#include "RuleApprover.h"

#include <iostream>

namespace quill::cli {

RuleApprover::RuleApprover(requests::RequestBroker &broker, QString account, ApprovalRule rule,
                           QObject *parent)
    : QObject(parent), m_broker(broker), m_account(std::move(account)), m_rule(rule)
{
    connect(&m_broker, &requests::RequestBroker::reviewRequested, this,
            &RuleApprover::onReviewRequested);
}

void RuleApprover::requestPairing(const api::PairingRequest &request,
                                  PairingApprover::Decision decide)
{
    if (m_rule != ApprovalRule::None) {
        ++m_approved;
        // Blank: the app keeps the name it claimed.
        return decide(QString());
    }
    ++m_rejected;
    std::cerr << "quill-cli serve: refused pairing of '" << request.claimedName.toStdString()
              << "' (--approve none)\n";
    decide(std::nullopt);
}

void RuleApprover::requestAccounts(const api::AccountsRequest &, AccountsApprover::Decision decide)
{
    if (m_rule != ApprovalRule::None)
        return decide(QStringList{m_account});
    decide(std::nullopt);
}

void RuleApprover::onReviewRequested(quint64 id)
{
    if (m_rule == ApprovalRule::None) {
        ++m_rejected;
        (void)m_broker.reject(id);
        return;
    }
    // A ChainSecured authorization is a one-off: approved, never remembered (issue #15).
    const auto *pending = m_broker.pending(id);
    const bool oneOff = pending && pending->incoming.kind == requests::RequestKind::ChainSecured;
    const bool remember = m_rule == ApprovalRule::Remember && !oneOff;
    if (auto st = m_broker.approve(id, {m_account, remember, std::nullopt}); !st) {
        // An approval the broker refuses (e.g. an expiry nodes would reject) is a rejection.
        std::cerr << "quill-cli serve: cannot approve request " << id << ": "
                  << describe(st.error()).toStdString() << '\n';
        ++m_rejected;
        (void)m_broker.reject(id);
        return;
    }
    ++m_approved;
    std::cerr << "quill-cli serve: approved request " << id << (remember ? " and remembered it" : "") << '\n';
}

} // namespace quill::cli
