#include "lit/SessionSigIssuer.h"

#include "common/Parallel.h"

#include "common/JsonText.h"
#include "crypto/Encoding.h"
#include "crypto/Random.h"
#include "eth/PersonalSign.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace quill::lit {

namespace {

constexpr UnixMillis kDefaultLifetimeV7 = kDay;         // v7 getSessionSigs: now + 24 h
constexpr UnixMillis kDefaultLifetimeV8 = 15 * kMinute; // v8 AuthConfigSchema: + 15 min
constexpr UnixMillis kMaxLifetime = 30 * kDay; // nodes: expiration ≤ issuedAt + 30 days
constexpr UnixMillis kClockSlack = 60 * kSecond;

/// The ReCap nota-bene for a request's optional data: canonical (sorted-key) JSON.
std::string notaBeneFor(const ResourceAbilityRequest &r)
{
    if (!r.dataJson)
        return "{}";
    return nlohmann::json::parse(*r.dataJson).dump();
}

void appendRequests(std::string &out, const SessionRequest &request, Profile profile)
{
    out += '[';
    bool first = true;
    for (const auto &r : request.resourceAbilityRequests) {
        if (!first)
            out += ',';
        first = false;
        const auto prefix = toString(r.prefix);
        out += "{\"resource\":{";
        if (profile == Profile::LitV7) {
            out += "\"resource\":";
            appendJsonString(out, r.resource);
            out += ",\"resourcePrefix\":";
            appendJsonString(out, prefix);
        } else {
            out += "\"resourcePrefix\":";
            appendJsonString(out, prefix);
            out += ",\"resource\":";
            appendJsonString(out, r.resource);
        }
        out += "},\"ability\":";
        appendJsonString(out, toString(r.ability));
        if (r.dataJson) {
            out += ",\"data\":";
            out += *r.dataJson;
        }
        out += '}';
    }
    out += ']';
}

} // namespace

std::string_view toString(Profile profile)
{
    return profile == Profile::LitV7 ? "lit-v7" : "lit-v8";
}

std::optional<Profile> parseProfile(std::string_view text)
{
    if (text == "lit-v7")
        return Profile::LitV7;
    if (text == "lit-v8")
        return Profile::LitV8;
    return std::nullopt;
}

std::string SessionSigs::toJson() const
{
    std::string out = "{";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto &e = entries[i];
        if (i)
            out += ',';
        appendJsonString(out, e.nodeUrl);
        out += ":{\"sig\":";
        appendJsonString(out, e.sig);
        out += ",\"derivedVia\":";
        appendJsonString(out, kSessionDerivedVia);
        out += ",\"signedMessage\":";
        appendJsonString(out, e.signedMessage);
        out += ",\"address\":";
        appendJsonString(out, e.address);
        out += ",\"algo\":";
        appendJsonString(out, kSessionAlgo);
        out += '}';
    }
    out += '}';
    return out;
}

recap::Recap SessionSigIssuer::recapFor(const SessionRequest &request)
{
    recap::Recap recap;
    for (const auto &r : request.resourceAbilityRequests)
        recap.addAbility(r.key(), std::string(recapAbility(r.ability)), notaBeneFor(r));
    return recap;
}

UnixMillis SessionSigIssuer::defaultLifetime(Profile profile)
{
    return profile == Profile::LitV8 ? kDefaultLifetimeV8 : kDefaultLifetimeV7;
}

Result<IssuancePlan> SessionSigIssuer::resolvePlan(const SessionRequest &request, UnixMillis now,
                                                   Profile profile)
{
    IssuancePlan plan;
    plan.recap = recapFor(request);
    plan.issuedAt = request.issuedAt.value_or(formatIso(now));
    auto issued = parseRfc3339(plan.issuedAt);
    if (!issued)
        return Error{ErrorCode::InvalidTime, QStringLiteral("issuedAt: ") + issued.error().context};
    plan.expiration = request.expiration.value_or(formatIso(*issued + defaultLifetime(profile)));
    if (auto expires = parseRfc3339(plan.expiration); !expires)
        return Error{ErrorCode::InvalidTime, QStringLiteral("expiration: ") + expires.error().context};
    plan.nonce = request.nonce.value_or(crypto::toHex(crypto::randomBytes(16).span()));
    for (const auto &cap : request.capabilityAuthSigs) {
        // A text that does not parse has no window; fromJson refuses such a request.
        IssuancePlan::DelegationWindow window;
        if (auto m = siwe::SiweMessage::parse(cap.signedMessage)) {
            window.notBefore = m->notBefore;
            window.expirationTime = m->expirationTime;
        }
        plan.delegations.push_back(std::move(window));
    }
    return plan;
}

Status SessionSigIssuer::checkTimes(const IssuancePlan &plan, UnixMillis now)
{
    auto issued = parseRfc3339(plan.issuedAt);
    auto expires = parseRfc3339(plan.expiration);
    if (!issued || !expires)
        return Error{ErrorCode::InvalidTime, QStringLiteral("issuedAt/expiration")};
    if (*issued > now + kClockSlack)
        return Error{ErrorCode::LitTimeRange,
                     QStringLiteral("issuedAt: more than 60 s in the future; nodes reject it")};
    if (*expires <= *issued)
        return Error{ErrorCode::LitTimeRange, QStringLiteral("expiration: must be after issuedAt")};
    if (*expires - *issued > kMaxLifetime)
        return Error{ErrorCode::LitTimeRange,
                     QStringLiteral("expiration: more than 30 days after issuedAt; nodes reject it")};
    if (*expires <= now)
        return Error{ErrorCode::LitTimeRange, QStringLiteral("expiration: already in the past")};
    const UnixMillis at = std::max(now, *issued);
    for (std::size_t i = 0; i < plan.delegations.size(); ++i) {
        const auto &w = plan.delegations[i];
        const auto field = QStringLiteral("capabilityAuthSigs[%1]: ").arg(i);
        if (w.expirationTime) {
            auto t = parseRfc3339(*w.expirationTime);
            if (!t || *t < at)
                return Error{ErrorCode::LitCapability,
                             field + QStringLiteral("delegation expired at %1")
                                         .arg(QString::fromStdString(*w.expirationTime))};
        }
        if (w.notBefore) {
            auto t = parseRfc3339(*w.notBefore);
            if (!t || *t > at)
                return Error{ErrorCode::LitCapability,
                             field + QStringLiteral("delegation not valid before %1")
                                         .arg(QString::fromStdString(*w.notBefore))};
        }
    }
    return okStatus();
}

Result<IssuancePlan> SessionSigIssuer::plan(const SessionRequest &request, UnixMillis now,
                                            Profile profile)
{
    auto plan = resolvePlan(request, now, profile);
    if (!plan)
        return plan.error();
    if (auto st = checkTimes(*plan, now); !st)
        return st.error();
    return plan;
}

Result<siwe::SiweMessage> SessionSigIssuer::buildSiwe(const SessionRequest &request,
                                                      const IssuancePlan &plan,
                                                      const std::string &walletAddress,
                                                      const std::string &sessionPublicKeyHex)
{
    siwe::SiweMessage m;
    m.domain = request.domain;
    m.address = walletAddress;
    const std::string user(request.statement.value_or(std::string(SessionRequest::kDefaultStatement)));
    m.statement = user + " " + plan.recap.statement();
    m.uri = std::string(kSessionUriPrefix) + sessionPublicKeyHex;
    m.chainId = request.chainId;
    m.nonce = plan.nonce;
    m.issuedAt = plan.issuedAt;
    m.expirationTime = plan.expiration;
    m.resources = {plan.recap.encode()};
    if (auto st = m.validate(); !st)
        return st.error();
    return m;
}

Result<AuthSig> SessionSigIssuer::signAuthSig(const crypto::SecureBytes &walletKey,
                                              const siwe::SiweMessage &message)
{
    auto pub = crypto::secp256k1::publicKey(walletKey);
    if (!pub)
        return pub.error();
    const auto address = eth::Address::fromPublicKey(*pub).toChecksummed();
    if (address != message.address)
        return Error{ErrorCode::SiweAddress,
                     QStringLiteral("the SIWE address is not the signing key's address")};
    AuthSig authSig;
    authSig.signedMessage = message.render();
    auto sig = eth::personalSign(walletKey, authSig.signedMessage);
    if (!sig)
        return sig.error();
    authSig.sig = std::move(sig).value();
    authSig.derivedVia = std::string(kWalletDerivedVia);
    authSig.address = address;
    return authSig;
}

Result<std::vector<std::string>> SessionSigIssuer::payloads(const SessionRequest &request,
                                                            const IssuancePlan &plan,
                                                            const AuthSig &walletAuthSig,
                                                            const std::string &sessionPublicKeyHex,
                                                            Profile profile)
{
    // Everything up to the node address is the same for every node: build it once.
    std::string head = "{\"sessionKey\":";
    appendJsonString(head, sessionPublicKeyHex);
    head += ",\"resourceAbilityRequests\":";
    appendRequests(head, request, profile);
    head += ",\"capabilities\":[";
    // v7 passes the app's objects to JSON.stringify as they are; v8 parses them with
    // AuthSigSchema (zod), which rebuilds each in schema key order.
    if (profile == Profile::LitV7) {
        for (const auto &cap : request.capabilityJson) {
            head += cap;
            head += ',';
        }
    } else {
        for (const auto &cap : request.capabilityAuthSigs) {
            head += cap.toJson();
            head += ',';
        }
    }
    head += walletAuthSig.toJson();
    head += "],\"issuedAt\":";
    appendJsonString(head, plan.issuedAt);
    head += ",\"expiration\":";
    appendJsonString(head, plan.expiration);
    head += ",\"nodeAddress\":";

    std::vector<std::string> out;
    out.reserve(request.nodeUrls.size());
    for (const auto &url : request.nodeUrls) {
        std::string payload;
        payload.reserve(head.size() + url.size() + 64);
        payload += head;
        appendJsonString(payload, url);
        if (profile == Profile::LitV8) {
            const auto price = request.maxPriceFor(url);
            if (!price)
                return Error{ErrorCode::LitMaxPrice,
                             QStringLiteral("maxPrices has no entry for %1 (lit-v8 needs one per node)")
                                 .arg(QString::fromStdString(url))};
            payload += ",\"maxPrice\":";
            appendJsonString(payload, *price);
        }
        payload += '}';
        out.push_back(std::move(payload));
    }
    return out;
}

Result<SessionSigs> SessionSigIssuer::issue(const SessionRequest &request, const IssuancePlan &plan,
                                            const AuthSig &walletAuthSig,
                                            const SessionKey &sessionKey, Profile profile)
{
    auto bodies = payloads(request, plan, walletAuthSig, sessionKey.publicKeyHex(), profile);
    if (!bodies)
        return bodies.error();
    SessionSigs sigs;
    sigs.entries.resize(bodies->size());
    // Each node's signature on its own entry, on idle cores when there are enough nodes to
    // pay for the hand-off (issue 12; kParallelSigningMinNodes is measured); node order and
    // bytes are unchanged (RFC 8032 is deterministic).
    parallelFor(bodies->size(), kParallelSigningMinNodes, [&](std::size_t i) {
        sigs.entries[i] = signPayload(request.nodeUrls[i], std::move((*bodies)[i]), sessionKey);
    });
    return sigs;
}

SessionSig SessionSigIssuer::signPayload(std::string nodeUrl, std::string payload,
                                         const SessionKey &sessionKey)
{
    SessionSig e;
    e.nodeUrl = std::move(nodeUrl);
    e.signedMessage = std::move(payload);
    e.sig = crypto::toHex(sessionKey.key().sign(crypto::asBytes(e.signedMessage)));
    e.address = sessionKey.publicKeyHex();
    return e;
}

} // namespace quill::lit
