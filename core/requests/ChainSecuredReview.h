#pragma once

#include "requests/AppIdentity.h"
#include "requests/RequestReview.h"

#include "lit/ChainSecured.h"

#include <QList>
#include <QString>

#include <string>

namespace quill::requests {

/// What the user reads before the wallet signs a Lit Chipotle ChainSecured authorization
/// (issue #15): what the signature lets its holder do, on which chain, for which account,
/// for how long, and warnings. Pure function of its inputs; no I/O.
struct ChainSecuredReview
{
    QString action;   ///< one sentence: what the holder of the signature can do
    QString chain;    ///< "Base (chain id 8453)", "unknown chain (chain id 5)"
    QString account;  ///< EIP-55 address that signs
    QString validity; ///< "Valid for 5 minutes …; anyone who obtains it can repeat …"
    QString issuedAt; ///< ISO time of message.issuedAt
    QList<ReviewWarning> warnings;
    std::string typedDataJson; ///< exactly what is signed (EIP-712 typed data)

    bool hasWarning(const QString &code) const;

    /// Builds the review of `auth` as asked for by `app`.
    /// Warnings: `unknown-chain` (Warning) when the chain is not Base or Base Sepolia,
    /// `test-chain` (Info) for Anvil 175188, `origin-not-lit` (Danger) when the app calls
    /// itself Lit but its Origin is not a Lit Protocol domain, `unpaired` (Danger).
    static ChainSecuredReview build(const lit::ChainSecuredAuthorization &auth,
                                    const AppIdentity &app);
};

/// The plain-words sentence for a purpose ("Create a wallet (PKP) for your ChainSecured …").
QString describePurpose(lit::ChainSecuredPurpose purpose);

/// "Base", "Base Sepolia", "Anvil (local test chain)", or empty for chains Quill does not know.
QString chainName(std::uint64_t chainId);

} // namespace quill::requests
