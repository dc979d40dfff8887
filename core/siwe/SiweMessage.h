#pragma once

#include "common/Result.h"
#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quill::siwe {

/// An EIP-4361 (Sign-In with Ethereum) message. Fields hold the exact text that appears in
/// the rendered message (times keep their original RFC 3339 spelling, because Lit nodes
/// verify the signature over a re-rendering that keeps it).
struct SiweMessage
{
    std::string domain;                   ///< RFC 3986 authority; never a scheme (Lit nodes)
    std::string address;                  ///< EIP-55 checksummed
    std::optional<std::string> statement; ///< one line; empty renders as absent
    std::string uri;                      ///< RFC 3986 URI
    std::string version = "1";
    std::uint64_t chainId = 1;
    std::string nonce;                    ///< ≥ 8 ASCII alphanumerics
    std::string issuedAt;                 ///< RFC 3339
    std::optional<std::string> expirationTime;
    std::optional<std::string> notBefore;
    std::optional<std::string> requestId;
    std::vector<std::string> resources;   ///< RFC 3986 URIs

    /// Renders the message byte-identically to the `siwe` npm package's prepareMessage()
    /// (EIP-4361 §"Message Format"): LF line ends, no trailing LF, optional lines only when
    /// set. Misuse: rendering does not validate; call validate() first.
    std::string render() const;

    /// Checks every field against the EIP-4361 ABNF, naming the first bad field
    /// (SiweDomain, SiweAddress, …). Also requires the address to be EIP-55 checksummed.
    [[nodiscard]] Status validate() const;

    /// Strict parser following the ABNF: field order, nonce ≥ 8 alphanumerics, RFC 3339
    /// times, EIP-55 address, URIs, resources list. A scheme before the domain is refused
    /// (Lit nodes' parser, siwe-rs 0.5, does not accept it). Parsing then rendering gives
    /// back the input exactly.
    /// Returns: the message, or the Siwe* error of the first offending line.
    [[nodiscard]] static Result<SiweMessage> parse(std::string_view text);

    /// Time checks as a Lit node makes them for a session capability (no grace):
    /// expirationTime ≥ now and notBefore ≤ now when set.
    [[nodiscard]] Status checkTime(UnixMillis now) const;
};

/// Characters allowed in a statement (EIP-4361: RFC 3986 reserved / unreserved and space).
bool isValidStatement(std::string_view statement);

/// RFC 3986 URI: scheme ":" followed by URI characters (no spaces, no quotes).
bool isValidUri(std::string_view uri);

/// RFC 3986 authority: [userinfo "@"] host [":" port].
bool isValidAuthority(std::string_view domain);

} // namespace quill::siwe
