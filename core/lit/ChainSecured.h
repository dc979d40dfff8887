#pragma once

// Lit Chipotle ("Lit v3") ChainSecured authorizations: EIP-712 typed data that a wallet on
// Base signs so that Chipotle's API server accepts it as the account's owner (issue #15;
// ../shared/spec/lit-chipotle-chainsecured.md; LIT-Protocol/chipotle
// lit-api-server/src/core/eip712.rs). The server accepts exactly one shape; so does Quill,
// both when it builds one and when it checks one.

#include "common/Result.h"
#include "crypto/Keccak256.h"
#include "crypto/SecureBytes.h"
#include "eth/Address.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quill::lit {

/// Which Chipotle flow an authorization is for; it is the EIP-712 primaryType, so a
/// signature for one flow does not verify for another.
enum class ChainSecuredPurpose
{
    CreateWallet,   ///< POST /core/v1/create_wallet_with_signature
    ConvertAccount, ///< POST /core/v1/convert_to_chain_secured_account
    AddUsageApiKey, ///< POST /core/v1/add_usage_api_key_with_signature
    BillingAuth,    ///< header X-Wallet-Auth: base64(JSON {typed_data, signature})
};

/// The server's window on issuedAt (eip712.rs TIMESTAMP_SKEW_SECONDS). There is no nonce
/// store: a signature can be replayed for this long.
constexpr std::int64_t kChainSecuredSkewSeconds = 300;
/// The server's cap on the compact JSON of the typed data (MAX_TYPED_DATA_LEN).
constexpr std::size_t kChainSecuredMaxBytes = 4096;
/// The EIP-712 domain's name and version.
constexpr std::string_view kChainSecuredDomainName = "Lit ChainSecured";
constexpr std::string_view kChainSecuredDomainVersion = "1";

/// "CreateWallet", "ConvertAccount", "AddUsageApiKey", "BillingAuth".
std::string_view primaryTypeName(ChainSecuredPurpose purpose);
/// "create-wallet", "convert-account", "add-usage-api-key", "billing-auth".
std::string_view purposeCliName(ChainSecuredPurpose purpose);
/// Returns: the purpose named by its primaryType or its CLI name, or nullopt.
std::optional<ChainSecuredPurpose> purposeFromName(std::string_view name);

/// One authorization: what the typed data says.
struct ChainSecuredAuthorization
{
    ChainSecuredPurpose purpose = ChainSecuredPurpose::CreateWallet;
    std::uint64_t chainId = 0;
    eth::Address address;
    std::int64_t issuedAt = 0; ///< Unix seconds

    /// The typed data as compact JSON, keys in the order of the spec; chainId and issuedAt
    /// as decimal strings, the address EIP-55 checksummed (what ethers' `wallet.address`
    /// gives).
    std::string typedDataJson() const;
    /// The EIP-712 digest keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)).
    crypto::Hash256 digest() const;
    /// The domain separator alone (for tests and reviews).
    crypto::Hash256 domainSeparator() const;
};

/// Signs `auth` with `key` (RFC 6979, low-S).
/// Returns: "0x" + r‖s‖v as 130 lowercase hex digits (v = 27/28, what ethers and viem
///          give), InvalidPrivateKey, or ChainSecuredSigner if `key` is not the key of
///          auth.address.
/// Secrets: `key` is only read.
[[nodiscard]] Result<std::string> signChainSecured(const crypto::SecureBytes &key,
                                                   const ChainSecuredAuthorization &auth);

/// The request body Chipotle takes: {"typed_data": {…}, "signature": "0x…"} (compact).
std::string chainSecuredBody(const ChainSecuredAuthorization &auth, std::string_view signature);
/// The X-Wallet-Auth header value for BillingAuth: standard base64 of chainSecuredBody.
std::string walletAuthHeader(const ChainSecuredAuthorization &auth, std::string_view signature);

/// Reads typed data strictly: exactly the ChainSecured shape (types, primaryType, domain,
/// message; no other key at any level; exactly the two types with their fields in order;
/// domain name "Lit ChainSecured", version "1", a chainId, no verifyingContract or salt;
/// message exactly {address, issuedAt}); at most 4 KiB as compact JSON. `json` is the
/// object, or a JSON string holding it (what eth_signTypedData_v4 callers forward).
/// uint256 values may be a decimal string, a 0x hex string or a JSON integer, as the
/// server takes them. Checks are made in the server's order and the first failure is
/// reported, naming the field and what differs.
/// Returns: the authorization, or InvalidJson, ChainSecuredSchema, ChainSecuredDomain.
[[nodiscard]] Result<ChainSecuredAuthorization> parseChainSecuredTypedData(std::string_view json);

/// What the verifying side expects (the server's chain, its clock, the endpoint's flow).
struct ChainSecuredExpectation
{
    std::uint64_t chainId = 0;
    std::int64_t nowSeconds = 0;
    std::optional<ChainSecuredPurpose> purpose; ///< nullopt: any of the four
};

/// The server's checks (eip712.rs verify_eip712_signature): parseChainSecuredTypedData,
/// primaryType = the expected purpose, chainId = the expected chain, |now − issuedAt| ≤
/// 300 s, then the signature (optional 0x, 65 bytes, v ∈ {0, 1, 27, 28}, low-S) must
/// recover to message.address.
/// Returns: the authorization, or the errors of parseChainSecuredTypedData, ChainSecuredSchema
///          (wrong purpose), ChainSecuredDomain (wrong chain), ChainSecuredTime,
///          InvalidSignature, ChainSecuredSigner.
[[nodiscard]] Result<ChainSecuredAuthorization>
verifyChainSecured(std::string_view typedDataJson, std::string_view signature,
                   const ChainSecuredExpectation &expected);

/// As verifyChainSecured, for a request body {"typed_data", "signature"} (no other key), or
/// an X-Wallet-Auth header value (base64 of that body).
[[nodiscard]] Result<ChainSecuredAuthorization>
verifyChainSecuredBody(std::string_view body, const ChainSecuredExpectation &expected);

} // namespace quill::lit
