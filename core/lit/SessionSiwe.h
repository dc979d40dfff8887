#pragma once

#include "common/Result.h"
#include "lit/SessionRequest.h"
#include "lit/SessionSigIssuer.h"
#include "recap/Recap.h"
#include "siwe/SiweMessage.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quill::lit {

/// A Lit session SIWE message that an app's own SDK built (v7 createSiweMessageWithRecaps,
/// v8 createSiweMessageWithResources) and asks Quill to sign as it is (issue 10,
/// quill_signSiweMessage). Parsing is strict so that what the user reviews is all the
/// message says: EIP-4361 grammar rendering back to the same bytes, `URI` = lit:session:
/// <64 hex>, exactly one resource, a canonical Lit ReCap, and a statement that ends with the
/// sentence that ReCap implies.
struct SessionSiwe
{
    /// Larger messages are refused before parsing (a 30-capability ReCap is ~6 KB).
    static constexpr std::size_t kMaxBytes = 32 * 1024;

    siwe::SiweMessage message;
    recap::Recap recap;
    std::string sessionPublicKey; ///< the 64 lowercase hex digits after "lit:session:"
    /// The statement before the ReCap sentence: the app's own words ("" if none).
    std::string appStatement;
    /// The ReCap's attenuations as Lit capabilities, in ReCap (canonical) order; a nota-bene
    /// other than {} is carried as `dataJson`.
    std::vector<ResourceAbilityRequest> capabilities;

    /// Returns: the message, or an error whose context starts with the part at fault
    /// ("message line 3 (URI): …", "recap: …", "statement: …") — Siwe*, Recap* or
    /// LitRequestField codes.
    [[nodiscard]] static Result<SessionSiwe> parse(std::string_view text);

    /// The same request as a SessionRequest (domain, chain, times, nonce, capabilities; no
    /// node URLs) for the review, grant coverage and the activity log.
    SessionRequest asRequest() const;
    /// The issuance plan the message fixes (its ReCap, times and nonce) for the time checks.
    IssuancePlan plan() const;
};

} // namespace quill::lit
