#pragma once

#include "common/Result.h"
#include "common/Time.h"
#include "crypto/SecureBytes.h"
#include "lit/AuthSig.h"
#include "lit/SessionKey.h"
#include "lit/SessionRequest.h"
#include "recap/Recap.h"
#include "siwe/SiweMessage.h"

#include <string>
#include <vector>

namespace quill::lit {

/// Payload profiles (spec §8.1, §10).
enum class Profile {
    LitV7, ///< Datil, SDK v6/v7 (default): resource before resourcePrefix, no maxPrice
    LitV8, ///< Naga, SDK v8: resourcePrefix first, maxPrice per node (required)
};
std::string_view toString(Profile profile);
std::optional<Profile> parseProfile(std::string_view text);

/// One node's session signature (spec §8.3).
struct SessionSig
{
    std::string nodeUrl;
    std::string sig;           ///< 128 lowercase hex
    std::string signedMessage; ///< the payload JSON
    std::string address;       ///< session public key hex
};

/// The SessionSigs map, in node order.
struct SessionSigs
{
    std::vector<SessionSig> entries;
    /// {"<url>":{"sig","derivedVia","signedMessage","address","algo"},…} with no whitespace.
    std::string toJson() const;
};

/// The fixed times and ReCap of one issuance, resolved from a request and the clock.
struct IssuancePlan
{
    recap::Recap recap;
    std::string issuedAt;
    std::string expiration;
    std::string nonce;
    /// The validity window of each capabilityAuthSig's SIWE, in request order: checkTimes()
    /// refuses a delegation that is expired or not yet valid (issue 14).
    struct DelegationWindow
    {
        std::optional<std::string> notBefore;
        std::optional<std::string> expirationTime;
    };
    std::vector<DelegationWindow> delegations;
};

/// From this many nodes on, issue() signs on idle cores too (measured: bench_core
/// BM_SessionSigs/N, issue 12).
constexpr std::size_t kParallelSigningMinNodes = 6;

/// Turns an approved SessionRequest into the exact bytes the official Lit SDK would make.
/// Stateless; all functions are thread-safe.
class SessionSigIssuer
{
public:
    /// Resolves defaults (issuedAt = now, expiration = issuedAt + defaultLifetime(profile),
    /// random nonce) and checks the time rules nodes enforce (spec §8): expiration after
    /// issuedAt, at most 30 days after it, not already past, issuedAt not more than 60 s in
    /// the future.
    /// Returns: the plan, or LitTimeRange / InvalidTime naming the field.
    [[nodiscard]] static Result<IssuancePlan> plan(const SessionRequest &request, UnixMillis now,
                                                   Profile profile = Profile::LitV7);

    /// As plan() without the time-range checks: for showing a request whose times are wrong
    /// (with a warning) before the user shortens or rejects it. Errors: InvalidTime only.
    [[nodiscard]] static Result<IssuancePlan>
    resolvePlan(const SessionRequest &request, UnixMillis now, Profile profile = Profile::LitV7);

    /// The session lifetime when the request gives no expiration: 24 h for lit-v7 (v7
    /// getSessionSigs), 15 min for lit-v8 (v8 AuthConfigSchema; issue #8).
    static UnixMillis defaultLifetime(Profile profile);

    /// The time-range checks of plan() on a resolved plan, and every delegation's SIWE window
    /// at max(now, issuedAt) (nodes check it when the session is used; issue 14).
    /// Returns: ok, LitTimeRange naming the field, or LitCapability naming
    /// "capabilityAuthSigs[i]".
    [[nodiscard]] static Status checkTimes(const IssuancePlan &plan, UnixMillis now);

    /// The SIWE message the wallet signs (spec §6): statement = S + " " + ReCap sentence,
    /// URI = lit:session:<pub>, one urn:recap resource.
    /// Returns: the validated message, or the Siwe* error of the bad field.
    [[nodiscard]] static Result<siwe::SiweMessage>
    buildSiwe(const SessionRequest &request, const IssuancePlan &plan,
              const std::string &walletAddress, const std::string &sessionPublicKeyHex);

    /// Signs the SIWE text with the wallet key (EIP-191) into the wallet AuthSig (spec §7).
    /// Secrets: `walletKey` is only read.
    [[nodiscard]] static Result<AuthSig> signAuthSig(const crypto::SecureBytes &walletKey,
                                                     const siwe::SiweMessage &message);

    /// Signs one payload per node URL with the session key (spec §8). App capability
    /// AuthSigs go before the wallet's: lit-v7 as the app wrote them (key order and all),
    /// lit-v8 rebuilt in the v8 schema's key order sig, derivedVia, signedMessage, address
    /// [, algo] (issue #8).
    /// Returns: the map, or LitMaxPrice when lit-v8 lacks a node's maxPrice.
    [[nodiscard]] static Result<SessionSigs> issue(const SessionRequest &request,
                                                   const IssuancePlan &plan,
                                                   const AuthSig &walletAuthSig,
                                                   const SessionKey &sessionKey, Profile profile);

    /// One node's entry: `payload` signed with the session key. issue() is payloads() and
    /// this for every node; the broker hands the nodes to a FairScheduler instead (issue 12).
    [[nodiscard]] static SessionSig signPayload(std::string nodeUrl, std::string payload,
                                                const SessionKey &sessionKey);

    /// The payload for every node, unsigned (issue() signs these).
    [[nodiscard]] static Result<std::vector<std::string>>
    payloads(const SessionRequest &request, const IssuancePlan &plan, const AuthSig &walletAuthSig,
             const std::string &sessionPublicKeyHex, Profile profile);

    /// The ReCap of a request: one attenuation per resource/ability (spec §5.4).
    static recap::Recap recapFor(const SessionRequest &request);
};

} // namespace quill::lit
