#pragma once

#include "common/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace quill::lit {

/// Resource prefixes (URI schemes) of Lit resources, spec §5.1.
enum class ResourcePrefix {
    AccessControlCondition, ///< lit-accesscontrolcondition
    Pkp,                    ///< lit-pkp
    RateLimitIncrease,      ///< lit-ratelimitincrease (Datil / v7 only)
    LitAction,              ///< lit-litaction
    PaymentDelegation,      ///< lit-paymentdelegation (Naga / v8 only)
};

/// Lit abilities (LIT_ABILITY values), spec §5.1.
enum class Ability {
    AccessControlConditionDecryption, ///< access-control-condition-decryption
    AccessControlConditionSigning,    ///< access-control-condition-signing
    PkpSigning,                       ///< pkp-signing
    RateLimitIncreaseAuth,            ///< rate-limit-increase-auth
    LitActionExecution,               ///< lit-action-execution
    PaymentDelegation,                ///< lit-payment-delegation
};

std::string_view toString(ResourcePrefix prefix);
std::string_view toString(Ability ability);
std::optional<ResourcePrefix> parseResourcePrefix(std::string_view text);
std::optional<Ability> parseAbility(std::string_view text);

/// Returns: true if the SDK accepts `ability` on a resource with `prefix` (its "valid
/// ability" table; spec §5.1).
bool isValidPair(ResourcePrefix prefix, Ability ability);

/// The ReCap ability string a Lit ability maps to (spec §5.2), e.g. "Threshold/Decryption".
std::string_view recapAbility(Ability ability);

/// The resource key "<prefix>://<id>".
std::string resourceKey(ResourcePrefix prefix, std::string_view id);

/// The id a `LitPKPResource` carries for `id` (SDK `formatPKPResource`, auth-helpers 7.4.0
/// and 8.x; issue #8): one leading "0x" (lower-case x only) is removed; if the rest is
/// non-empty hex ([0-9A-Fa-f]+) it is left-padded with '0' to 64 characters, case kept;
/// anything else ("*", a non-hex string, "") is returned as it is.
/// Returns: the id as the SDK signs it, or LitRequestField when more than 64 characters
/// remain after "0x" (the SDK throws).
[[nodiscard]] Result<std::string> formatPkpResourceId(std::string_view id);

/// The id the SDK would sign for a resource of `prefix`: formatPkpResourceId for lit-pkp,
/// `id` unchanged for every other prefix.
[[nodiscard]] Result<std::string> sdkResourceId(ResourcePrefix prefix, std::string_view id);

/// Lit's session-key URI scheme and the capacity-delegation URI (spec §3.2).
constexpr std::string_view kSessionUriPrefix = "lit:session:";
constexpr std::string_view kDelegationUri = "lit:capability:delegation";
constexpr std::string_view kWalletDerivedVia = "web3.eth.personal.sign";
constexpr std::string_view kSessionDerivedVia = "litSessionSignViaNacl";
constexpr std::string_view kSessionAlgo = "ed25519";

} // namespace quill::lit
