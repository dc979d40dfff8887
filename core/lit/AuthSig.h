#pragma once

#include "common/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace quill::lit {

/// A Lit AuthSig (spec §7): a signature with the message it signs.
struct AuthSig
{
    std::string sig;
    std::string derivedVia;
    std::string signedMessage;
    std::string address;
    std::optional<std::string> algo;

    /// JSON in the SDK's key order: sig, derivedVia, signedMessage, address[, algo].
    std::string toJson() const;

    /// Parses an AuthSig JSON object as a Lit node does: only the keys sig, derivedVia,
    /// signedMessage, address (required, strings) and algo (optional, string or null).
    /// Returns: the AuthSig, or LitCapability naming the offending key.
    [[nodiscard]] static Result<AuthSig> fromJson(std::string_view json);
};

} // namespace quill::lit
