#pragma once

#include "common/Result.h"
#include "lit/AuthSig.h"
#include "lit/LitVocabulary.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quill::lit {

/// One requested capability: a Lit resource and what may be done with it.
struct ResourceAbilityRequest
{
    ResourcePrefix prefix;
    /// The id after "<prefix>://" as it is signed, e.g. a hashed ACC key or "*". PKP ids are
    /// normalised on parse as the SDK's LitPKPResource does (formatPkpResourceId).
    std::string resource;
    Ability ability;
    /// Optional `data` object as JSON text in the app's key order; it becomes the ReCap
    /// nota-bene and is echoed in the payload.
    std::optional<std::string> dataJson;
    /// The id as the app sent it, when normalisation changed it (else empty): for the review.
    std::string requestedResource = {};

    std::string key() const { return resourceKey(prefix, resource); }
};

/// The session request document (REQ.json), the same for quill-cli and the local API:
/// what an app asks Quill to sign. Every field is validated on parse.
struct SessionRequest
{
    std::string domain = "localhost";
    /// The user-facing statement; the ReCap sentence is appended after one space. Absent:
    /// Quill's default wording (kDefaultStatement).
    std::optional<std::string> statement;
    std::uint64_t chainId = 1;
    std::optional<std::string> nonce;      ///< absent: a random one is made
    std::optional<std::string> issuedAt;   ///< absent: now
    std::optional<std::string> expiration; ///< absent: the profile's default (SessionSigIssuer)
    std::vector<ResourceAbilityRequest> resourceAbilityRequests;
    std::vector<std::string> nodeUrls;
    /// App-supplied delegations (capacity credits, payment), placed before the wallet's
    /// AuthSig; `capabilityJson` keeps each one's exact JSON text in the app's key order.
    std::vector<AuthSig> capabilityAuthSigs;
    std::vector<std::string> capabilityJson;
    /// lit-v8 only: node URL → maxPrice in wei, in document order. The app may give decimal
    /// or 0x hex; it is stored in the form the v8 SDK signs ("0x" + lowercase hex without
    /// leading zeros, MaxPrice::toSdkHex).
    std::vector<std::pair<std::string, std::string>> maxPrices;

    static constexpr std::string_view kDefaultStatement =
        "Quill signs a Lit Protocol session for this app.";

    /// Parses and validates REQ.json. Unknown keys are refused.
    /// Returns: the request, or an error whose context names the field
    /// (e.g. "resourceAbilityRequests[1].ability: …").
    [[nodiscard]] static Result<SessionRequest> fromJson(std::string_view json);

    /// The maxPrice given for `nodeUrl`, if any.
    std::optional<std::string> maxPriceFor(std::string_view nodeUrl) const;
};

/// Checks the text of a resource id as it may be signed: ASCII without spaces, quotes,
/// controls or disguising characters (issue 14). The SDK's own normalisation is separate.
/// Returns: ok, or LitRequestField saying what is wrong (without the field name).
[[nodiscard]] Status checkResourceIdText(std::string_view id);

/// At most this many node URLs per request (issue 14: 10,000 URLs made a 15.5 MB answer).
constexpr std::size_t kMaxNodeUrls = 256;

/// Checks a Lit node URL: https://host:port with an explicit decimal port (1–5 digits, no
/// leading zeros, ≤ 65535) and nothing after it (nodes compare "host:port" with their own,
/// spec §9.6).
[[nodiscard]] Status validateNodeUrl(std::string_view url);

/// The URL as validateNodeUrl reads it, with the host in lower case: the key under which two
/// URLs name the same node. Only for comparison; the URL is signed as the app wrote it
/// (the SDK does the same).
/// Returns: the normalised URL, or LitNodeUrl saying what is wrong.
[[nodiscard]] Result<std::string> normalizedNodeUrl(std::string_view url);

} // namespace quill::lit
