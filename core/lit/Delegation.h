#pragma once

#include "common/Result.h"
#include "common/Time.h"
#include "lit/AuthSig.h"
#include "recap/Recap.h"
#include "siwe/SiweMessage.h"

#include <cstddef>
#include <string>

namespace quill::lit {

/// An app-supplied capability AuthSig (a capacity or payment delegation) that Quill has
/// checked before it is shown or signed over (issue 14, item 4): its text is an EIP-4361
/// message, its EIP-191 signature recovers to the address it names, and its ReCap decodes.
struct Delegation
{
    /// At most this many capabilityAuthSigs per request, each at most kMaxBytes of JSON.
    static constexpr std::size_t kMaxCount = 16;
    static constexpr std::size_t kMaxBytes = 64 * 1024;

    std::string signer;        ///< EIP-55 address the signature recovers to (verified)
    siwe::SiweMessage message; ///< the parsed signedMessage
    recap::Recap recap;        ///< the merged attenuations of its urn:recap resources

    /// Checks `authSig` as a Lit node checks a capability (spec §7, §9): the signedMessage
    /// parses as SIWE and re-renders to itself, the signature (node rules: optional 0x, any
    /// hex case, v ∈ {0,1,27,28}) recovers to both `address` and the SIWE address, and the
    /// SIWE carries at least one urn:recap resource, all of which decode (node mode).
    /// Deterministic: no clock (see checkTime).
    /// Returns: the delegation, or LitCapability saying what is wrong (without the index;
    /// callers prefix "capabilityAuthSigs[i]: ").
    [[nodiscard]] static Result<Delegation> verify(const AuthSig &authSig);

    /// The SIWE time window at `at` (Expiration Time ≥ at, Not Before ≤ at), as nodes check it.
    /// Returns: ok, or LitCapability naming the expiry or start.
    [[nodiscard]] Status checkTime(UnixMillis at) const;
};

} // namespace quill::lit
