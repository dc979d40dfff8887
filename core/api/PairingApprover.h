#pragma once

#include "api/PeerFacts.h"

#include <QString>

#include <functional>
#include <optional>

namespace quill::api {

/// An unknown app asks to be paired (quill_hello without a token).
struct PairingRequest
{
    quint64 id = 0;      ///< for cancelPairing()
    QString claimedName; ///< what the app calls itself (a claim, untrusted)
    QString description; ///< claim, may be empty
    QString url;         ///< claim, may be empty
    PeerFacts peer;      ///< facts from the transport
};

/// Asks the user whether to pair an app (the UI implements it; tests script it).
class PairingApprover
{
public:
    /// std::nullopt: the user refused (the app gets 4001). A name: the user approved and
    /// chose this display name (the claimed one, or edited); blank means the claimed name.
    using Decision = std::function<void(std::optional<QString> approvedName)>;

    virtual ~PairingApprover() = default;

    /// Shows the prompt. Call `decide` exactly once, later or at once; a decision after
    /// cancelPairing() is ignored.
    virtual void requestPairing(const PairingRequest &request, Decision decide) = 0;

    /// The app disconnected before the user decided: close the prompt.
    virtual void cancelPairing(quint64 id) = 0;
};

} // namespace quill::api
