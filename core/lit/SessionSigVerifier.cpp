#include "lit/SessionSigVerifier.h"

#include "common/JsonText.h"
#include "common/Parallel.h"
#include "crypto/Ed25519Key.h"
#include "crypto/Encoding.h"
#include "eth/PersonalSign.h"
#include "lit/JsonUtil.h"
#include "lit/LitVocabulary.h"
#include "lit/MaxPrice.h"
#include "lit/SessionSigIssuer.h"
#include "recap/Recap.h"
#include "siwe/SiweMessage.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <mutex>

namespace quill::lit {

namespace {

using detail::OrderedJson;

constexpr UnixMillis kSlack = 60 * kSecond;
constexpr UnixMillis kMaxLifetime = 30 * kDay;

std::vector<std::string> keysOf(const OrderedJson &object)
{
    std::vector<std::string> keys;
    for (const auto &[k, v] : object.items())
        keys.push_back(k);
    return keys;
}

std::string joined(const std::vector<std::string> &keys)
{
    std::string out;
    for (const auto &k : keys)
        out += (out.empty() ? "" : ",") + k;
    return out;
}

/// Node normalisation of a node address (spec §9.6).
std::string normaliseNodeAddress(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    if (s.substr(0, 8) == "https://")
        s.remove_prefix(8);
    else if (s.substr(0, 7) == "http://")
        s.remove_prefix(7);
    std::string out(s);
    if (out.substr(0, 9) == "localhost")
        out.replace(0, 9, "127.0.0.1");
    return out;
}

/// True if `t` is exactly how JavaScript's toISOString would print its instant.
bool isJsIso(const std::string &t)
{
    auto parsed = parseRfc3339(t);
    return parsed && formatIso(*parsed) == t;
}

/// From this many entries on, verify() checks them on idle cores too (issue 12). An entry
/// costs more than signing one node (an Ed25519 verification, JSON and SIWE parsing), so the
/// issuer's measured threshold pays here as well.
constexpr std::size_t kParallelMinEntries = kParallelSigningMinNodes;

/// Results already computed in this verify() call, by a key that holds every input. Every
/// node's entry usually carries the same wallet AuthSig: recovering it (secp256k1 + Keccak),
/// and checking it as a capability (SIWE, ReCap, addresses), once is enough. Entries are
/// checked concurrently: lookups lock; a computation runs outside the lock (two threads may
/// both compute the same one; the first stored result is kept, and both are equal).
template <typename Value> class OnceCache
{
public:
    template <typename Compute> const Value &get(std::string key, Compute compute)
    {
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_map.find(key); it != m_map.end())
                return it->second; // std::map nodes never move
        }
        auto value = compute();
        std::lock_guard lock(m_mutex);
        return m_map.emplace(std::move(key), std::move(value)).first->second;
    }

private:
    std::mutex m_mutex;
    std::map<std::string, Value> m_map;
};

using RecoveryCache = OnceCache<Result<eth::Address>>;

/// tryCapability's answer: why the capability does not authorise the entry, or its signer.
struct CapabilityVerdict
{
    std::string why;
    std::optional<eth::Address> identity;
};

struct Caches
{
    RecoveryCache recovered;
    OnceCache<CapabilityVerdict> capabilities;
};

class EntryVerifier
{
public:
    EntryVerifier(std::string nodeUrl, const VerifyOptions &options, VerifyReport &report,
                  Caches &caches)
        : m_url(std::move(nodeUrl)), m_opt(options), m_report(report), m_caches(caches)
    {
    }

    void run(const OrderedJson &entry);

private:
    /// Records a check; `failure` is the detail shown when it fails.
    bool check(const char *name, bool ok, const std::string &failure = {})
    {
        m_report.checks.push_back({m_url + ": " + name, ok, ok ? std::string("ok") : failure});
        return ok;
    }
    void pass(const char *name, std::string detail)
    {
        m_report.checks.push_back({m_url + ": " + name, true, std::move(detail)});
    }
    bool strict() const { return !m_opt.nodeOnly; }
    /// recoverPersonal through m_caches.
    const Result<eth::Address> &recover(const std::string &message, const std::string &sig);

    bool checkEnvelope(const OrderedJson &entry);
    bool checkPayloadShape(const OrderedJson &payload, const std::string &text);
    void checkCapabilities(const OrderedJson &payload);
    /// tryCapability through m_caches, keyed by everything it reads.
    const CapabilityVerdict &capabilityVerdict(const OrderedJson &cap, bool isLast,
                                               const OrderedJson &payload);
    std::string tryCapability(const OrderedJson &cap, bool isLast,
                              std::optional<eth::Address> &identity,
                              const OrderedJson &payload);

    std::string m_url;
    const VerifyOptions &m_opt;
    VerifyReport &m_report;
    Caches &m_caches;
    std::string m_address;
    std::vector<ResourceUse> m_uses;
};

bool EntryVerifier::checkEnvelope(const OrderedJson &entry)
{
    if (!entry.is_object())
        return check("envelope", false, "entry is not a JSON object");
    static const std::vector<std::string> kOrder = {"sig", "derivedVia", "signedMessage",
                                                    "address", "algo"};
    for (const auto &[k, v] : entry.items())
        if (std::find(kOrder.begin(), kOrder.end(), k) == kOrder.end())
            return check("envelope", false, "unknown key '" + k + "' (nodes reject it)");
    for (const char *k : {"sig", "derivedVia", "signedMessage", "address"})
        if (!entry.contains(k) || !entry[k].is_string())
            return check("envelope", false, std::string("missing or non-string '") + k + "'");
    if (entry["derivedVia"] != kSessionDerivedVia)
        return check("envelope", false, "derivedVia is not litSessionSignViaNacl: not a session sig");
    if (!entry.contains("algo") || !entry["algo"].is_string() || entry["algo"] != kSessionAlgo)
        return check("envelope", false, "algo is not ed25519: not a session sig");
    if (strict() && keysOf(entry) != kOrder)
        return check("envelope", false, "key order is " + joined(keysOf(entry)) +
                                            ", the SDK writes sig,derivedVia,signedMessage,address,algo");
    return check("envelope", true);
}

bool EntryVerifier::checkPayloadShape(const OrderedJson &p, const std::string &text)
{
    if (!p.is_object())
        return check("payload", false, "signedMessage is not a JSON object");
    for (const char *k : {"sessionKey", "issuedAt", "expiration", "nodeAddress"})
        if (!p.contains(k) || !p[k].is_string())
            return check("payload", false, std::string("missing or non-string '") + k + "'");
    for (const char *k : {"resourceAbilityRequests", "capabilities"})
        if (!p.contains(k) || !p[k].is_array())
            return check("payload", false, std::string("missing or non-array '") + k + "'");
    for (const auto &r : p["resourceAbilityRequests"])
        if (!r.is_object() || !r.contains("resource") || !r["resource"].is_object() ||
            !r["resource"].contains("resourcePrefix") || !r["resource"]["resourcePrefix"].is_string() ||
            !r["resource"].contains("resource") || !r["resource"]["resource"].is_string())
            return check("payload", false, "malformed resourceAbilityRequests entry");
    if (!strict())
        return check("payload", true);

    // Strict: byte-for-byte what JSON.stringify makes of the SDK's objects.
    const bool v8 = p.contains("maxPrice");
    std::vector<std::string> order = {"sessionKey", "resourceAbilityRequests", "capabilities",
                                      "issuedAt", "expiration", "nodeAddress"};
    if (v8)
        order.push_back("maxPrice");
    if (keysOf(p) != order)
        return check("payload", false, "payload keys are " + joined(keysOf(p)) + ", expected " + joined(order));
    if (v8) {
        if (!p["maxPrice"].is_string())
            return check("payload", false, "maxPrice must be a string");
        // The v8 SDK signs "0x" + bigint.toString(16): lowercase, no leading zeros (issue #8).
        const auto &price = p["maxPrice"].get_ref<const std::string &>();
        auto value = MaxPrice::parse(price);
        if (price.substr(0, 2) != "0x" || !value || value->toSdkHex() != price)
            return check("payload", false,
                         "maxPrice " + price +
                             " is not the SDK's form (0x + lowercase hex, no leading zeros)");
    }
    const std::vector<std::string> resOrder =
        v8 ? std::vector<std::string>{"resourcePrefix", "resource"}
           : std::vector<std::string>{"resource", "resourcePrefix"};
    for (const auto &r : p["resourceAbilityRequests"]) {
        auto keys = keysOf(r);
        if (keys != std::vector<std::string>{"resource", "ability"} &&
            keys != std::vector<std::string>{"resource", "ability", "data"})
            return check("payload", false, "resourceAbilityRequests entry keys are " + joined(keys));
        if (keysOf(r["resource"]) != resOrder)
            return check("payload", false, std::string("resource keys must be ") + joined(resOrder) +
                                               (v8 ? " (lit-v8)" : " (lit-v7)"));
        const auto prefix = parseResourcePrefix(r["resource"]["resourcePrefix"].get<std::string>());
        const auto ability = r["ability"].is_string() ? parseAbility(r["ability"].get<std::string>())
                                                      : std::nullopt;
        if (!prefix || !ability || !isValidPair(*prefix, *ability))
            return check("payload", false, "a resourceAbilityRequests entry is not a valid Lit pair");
        const auto &id = r["resource"]["resource"].get_ref<const std::string &>();
        if (auto sdkId = sdkResourceId(*prefix, id); !sdkId || *sdkId != id)
            return check("payload", false,
                         "resource id " + id + " is not what the SDK signs" +
                             (sdkId ? " (it would sign " + *sdkId + ")" : std::string()));
    }
    if (v8) {
        // v8's AuthSigSchema rebuilds every capability as sig, derivedVia, signedMessage,
        // address[, algo] (a string); v7 passes the app's order through (issue #8).
        static const std::vector<std::string> kSchemaOrder = {"sig", "derivedVia", "signedMessage",
                                                              "address"};
        for (const auto &cap : p["capabilities"]) {
            if (!cap.is_object())
                continue; // the capabilities check reports it
            auto keys = keysOf(cap);
            const bool withAlgo =
                keys.size() == 5 && keys.back() == "algo" && cap["algo"].is_string();
            if (withAlgo)
                keys.pop_back();
            if (keys != kSchemaOrder)
                return check("payload", false,
                             "capability AuthSig keys are " + joined(keysOf(cap)) +
                                 ", the v8 SDK writes sig,derivedVia,signedMessage,address[,algo]");
        }
    }
    if (p["sessionKey"] != m_address)
        return check("payload", false, "sessionKey differs from the envelope address");
    if (!isJsIso(p["issuedAt"]) || !isJsIso(p["expiration"]))
        return check("payload", false, "times are not in JavaScript toISOString form");
    if (detail::stringify(p) != text)
        return check("payload", false, "not the JSON.stringify serialisation (whitespace or escaping)");
    return check("payload", true);
}

std::string EntryVerifier::tryCapability(const OrderedJson &cap, bool isLast,
                                         std::optional<eth::Address> &identity,
                                         const OrderedJson &payload)
{
    auto authSig = detail::authSigFromJson(cap);
    if (!authSig)
        return authSig.error().context.toStdString();
    static const char *const kIneligible[] = {"litSessionSignViaNacl", "EIP1271", "EIP1271_SHA256",
                                              "solana.signMessage", "cosmos.signArbitrary"};
    for (const char *v : kIneligible)
        if (authSig->derivedVia == v)
            return "derivedVia " + authSig->derivedVia + " is not accepted as a session capability";
    if (authSig->derivedVia == "lit.bls" || authSig->algo == std::string("LIT_BLS"))
        return "lit.bls capability: needs the network's BLS key, which Quill does not hold";
    if (strict()) {
        if (keysOf(cap) != std::vector<std::string>{"sig", "derivedVia", "signedMessage", "address"})
            return "AuthSig keys are " + joined(keysOf(cap)) + ", the SDK writes sig,derivedVia,signedMessage,address";
        if (authSig->derivedVia != kWalletDerivedVia)
            return "derivedVia is not web3.eth.personal.sign";
        if (!isLast)
            return "the wallet AuthSig must be the last capability";
    }
    // Cheap structural checks first; the signature (secp256k1 recovery and Keccak) last, so
    // that input which fails anyway costs no elliptic-curve work (issue 14: fuzz_verifier).
    auto message = siwe::SiweMessage::parse(authSig->signedMessage);
    if (!message)
        return "SIWE: " + describe(message.error()).toStdString();
    if (message->render() != authSig->signedMessage)
        return "SIWE does not re-render to the signed text";
    if (message->uri != std::string(kSessionUriPrefix) + m_address)
        return "SIWE URI is " + message->uri + ", not lit:session:<session key>";
    if (strict() && authSig->address != message->address)
        return "AuthSig address differs from the SIWE address";
    if (auto st = message->checkTime(m_opt.now); !st)
        return "SIWE: " + describe(st.error()).toStdString();

    std::vector<recap::Recap> recaps;
    for (const auto &resource : message->resources) {
        if (resource.substr(0, recap::Recap::kUrnPrefix.size()) != recap::Recap::kUrnPrefix)
            continue;
        auto decoded = recap::Recap::decode(resource, strict() ? recap::Recap::Mode::Strict
                                                               : recap::Recap::Mode::Node);
        if (!decoded) {
            if (strict())
                return "ReCap: " + describe(decoded.error()).toStdString();
            continue; // nodes silently skip undecodable capabilities
        }
        recaps.push_back(std::move(decoded).value());
    }
    if (strict() && (message->resources.size() != 1 || recaps.size() != 1))
        return "the SDK puts exactly one urn:recap resource in the SIWE";
    if (strict()) {
        // LitPKPResource normalises ids before they reach the ReCap (issue #8).
        const std::string pkpScheme = resourceKey(ResourcePrefix::Pkp, "");
        for (const auto &r : recaps)
            for (const auto &[key, abilities] : r.attenuations())
                if (key.rfind(pkpScheme, 0) == 0) {
                    const auto id = key.substr(pkpScheme.size());
                    if (auto sdkId = formatPkpResourceId(id); !sdkId || *sdkId != id)
                        return "ReCap resource " + key +
                               " has a PKP id the SDK would have normalised";
                }
    }
    if (message->statement) {
        for (const auto &r : recaps) {
            const auto sentence = r.statement();
            const auto &s = *message->statement;
            if (s.size() < sentence.size() || s.compare(s.size() - sentence.size(), sentence.size(), sentence) != 0)
                return "SIWE statement does not end with the ReCap sentence";
        }
    }
    for (const auto &use : m_uses) {
        const auto sep = use.resourceKey.find("://");
        const auto prefix = use.resourceKey.substr(0, sep);
        const auto id = sep == std::string::npos ? std::string() : use.resourceKey.substr(sep + 3);
        const auto ability = parseAbility(use.ability);
        const std::string recapName(ability ? recapAbility(*ability) : std::string_view(use.ability));
        const bool covered = std::any_of(recaps.begin(), recaps.end(), [&](const recap::Recap &r) {
            return r.covers(prefix, id, recapName);
        });
        if (!covered)
            return "ReCap does not cover " + use.ability + " on " + use.resourceKey;
    }
    if (strict()) {
        if (!message->expirationTime)
            return "SIWE has no Expiration Time (the SDK always sets one)";
        auto sessionExpiry = parseRfc3339(payload["expiration"].get<std::string>());
        auto siweExpiry = parseRfc3339(*message->expirationTime);
        if (sessionExpiry && siweExpiry && *sessionExpiry > *siweExpiry)
            return "session expiration is later than the SIWE Expiration Time";
    }
    const auto &signer = recover(authSig->signedMessage, authSig->sig);
    if (!signer)
        return "wallet signature: " + describe(signer.error()).toStdString();
    auto siweAddress = eth::Address::parse(message->address);
    if (!siweAddress || !(*signer == *siweAddress))
        return "wallet signature recovers " + signer->toChecksummed() + ", not the SIWE address " +
               message->address;
    identity = *signer;
    return {};
}

const Result<eth::Address> &EntryVerifier::recover(const std::string &message,
                                                   const std::string &sig)
{
    const auto rules = strict() ? eth::SignatureRules::Canonical : eth::SignatureRules::Node;
    std::string key;
    key.reserve(message.size() + sig.size() + 2);
    key += strict() ? 'c' : 'n';
    key += sig;
    key += '\0'; // a hex signature never contains NUL
    key += message;
    return m_caches.recovered.get(std::move(key),
                                  [&] { return eth::recoverPersonal(message, sig, rules); });
}

const CapabilityVerdict &EntryVerifier::capabilityVerdict(const OrderedJson &cap, bool isLast,
                                                          const OrderedJson &payload)
{
    // tryCapability reads the capability, its position, the mode, the session key, the
    // payload's expiration, the uses to cover and options.now (the same for the whole call).
    std::string key;
    key += strict() ? 'c' : 'n';
    key += isLast ? '1' : '0';
    const auto field = [&key](std::string_view part) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
    };
    field(m_address);
    field(payload["expiration"].get_ref<const std::string &>());
    key += std::to_string(m_uses.size());
    for (const auto &use : m_uses) {
        field(use.resourceKey);
        field(use.ability);
    }
    field(detail::stringify(cap));
    return m_caches.capabilities.get(std::move(key), [&] {
        CapabilityVerdict verdict;
        verdict.why = tryCapability(cap, isLast, verdict.identity, payload);
        return verdict;
    });
}

void EntryVerifier::checkCapabilities(const OrderedJson &payload)
{
    const auto &caps = payload["capabilities"];
    if (caps.empty()) {
        check("capabilities", false, "no capabilities");
        return;
    }
    std::string failures;
    std::optional<eth::Address> identity;
    for (std::size_t i = 0; i < caps.size() && !identity; ++i) {
        const auto &verdict = capabilityVerdict(caps[i], i + 1 == caps.size(), payload);
        identity = verdict.identity;
        if (!identity)
            failures += (failures.empty() ? "" : "; ") + std::string("[") + std::to_string(i) +
                        "] " + verdict.why;
    }
    if (!identity) {
        check("capabilities", false, failures);
        return;
    }
    pass("capabilities", "user " + identity->toChecksummed());
    if (m_opt.expectedAddress) {
        auto expected = eth::Address::parse(*m_opt.expectedAddress);
        check("address", expected && *expected == *identity,
              expected ? (*expected == *identity ? "" : "signed by " + identity->toChecksummed())
                       : "bad --address");
    }
}

void EntryVerifier::run(const OrderedJson &entry)
{
    if (!checkEnvelope(entry))
        return;
    m_address = entry["address"].get<std::string>();
    const auto sigHex = entry["sig"].get<std::string>();
    const auto &signedMessage = entry["signedMessage"].get_ref<const std::string &>();

    auto parsed = detail::parseOrdered(signedMessage);
    if (!parsed) {
        check("payload", false,
              "signedMessage is not JSON: " + parsed.error().context.toStdString());
        return;
    }
    const auto &p = *parsed;
    if (!checkPayloadShape(p, signedMessage))
        return;

    // Ed25519 (node: hex → 32-byte key, 64-byte sig, verify_strict) once the payload has the
    // right shape: an entry whose payload is unusable is refused without the curve work.
    {
        auto pub = crypto::fromHex(m_address);
        auto sig = crypto::fromHex(sigHex);
        if (!pub || pub->size() != 32)
            check("ed25519-signature", false, "address is not a 32-byte hex public key");
        else if (!sig || sig->size() != 64)
            check("ed25519-signature", false, "sig is not 64 bytes of hex");
        else if (strict() && (!crypto::isLowerHex(m_address, 64) || !crypto::isLowerHex(sigHex, 128)))
            check("ed25519-signature", false, "hex must be lowercase without 0x");
        else {
            crypto::Ed25519PublicKey key{};
            crypto::Ed25519Signature s{};
            std::copy(pub->begin(), pub->end(), key.begin());
            std::copy(sig->begin(), sig->end(), s.begin());
            check("ed25519-signature", crypto::Ed25519Key::verifyStrict(key, crypto::asBytes(signedMessage), s),
                  "signature does not verify over signedMessage");
        }
    }

    // Which uses to check: the caller's, or (strict) every listed request.
    m_uses = m_opt.uses;
    if (m_uses.empty() && strict()) {
        for (const auto &r : p["resourceAbilityRequests"])
            if (r.contains("ability") && r["ability"].is_string())
                m_uses.push_back({r["resource"]["resourcePrefix"].get<std::string>() + "://" +
                                      r["resource"]["resource"].get<std::string>(),
                                  r["ability"].get<std::string>()});
    }

    // Step 4: every used resource is listed.
    if (!m_opt.uses.empty()) {
        std::string missing;
        for (const auto &use : m_opt.uses) {
            const auto sep = use.resourceKey.find("://");
            const auto prefix = use.resourceKey.substr(0, sep);
            const auto id = sep == std::string::npos ? std::string() : use.resourceKey.substr(sep + 3);
            bool listed = false;
            for (const auto &r : p["resourceAbilityRequests"])
                listed = listed || (r["resource"]["resourcePrefix"] == prefix &&
                                    (r["resource"]["resource"] == id || r["resource"]["resource"] == "*"));
            if (!listed)
                missing += (missing.empty() ? "" : ", ") + use.resourceKey;
        }
        check("resources-listed", missing.empty(), "not listed: " + missing);
    }

    // Step 5: times.
    {
        auto issued = parseRfc3339(p["issuedAt"].get<std::string>());
        auto expires = parseRfc3339(p["expiration"].get<std::string>());
        std::string why;
        if (!issued || !expires)
            why = "issuedAt/expiration are not RFC 3339";
        else if (*issued > m_opt.now + kSlack)
            why = "issuedAt is in the future";
        else if (*expires < *issued)
            why = "expiration is before issuedAt";
        else if (*expires < m_opt.now - kSlack)
            why = "expired at " + p["expiration"].get<std::string>();
        else if (*expires - *issued > kMaxLifetime)
            why = "expiration is more than 30 days after issuedAt";
        check("times", why.empty(), why);
    }

    // Step 6: node address.
    {
        const auto nodeAddress = p["nodeAddress"].get<std::string>();
        const bool ok = strict() ? nodeAddress == m_url
                                 : normaliseNodeAddress(nodeAddress) == normaliseNodeAddress(m_url);
        check("node-address", ok, "payload is for " + nodeAddress);
    }

    // Step 7: capabilities.
    checkCapabilities(p);
}

} // namespace

bool VerifyReport::ok() const
{
    return !checks.empty() &&
           std::all_of(checks.begin(), checks.end(), [](const VerifyCheck &c) { return c.ok; });
}

std::string VerifyReport::toJson() const
{
    std::string out = ok() ? "{\"ok\":true,\"checks\":[" : "{\"ok\":false,\"checks\":[";
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (i)
            out += ',';
        out += "{\"name\":";
        appendJsonString(out, checks[i].name);
        out += checks[i].ok ? ",\"ok\":true,\"detail\":" : ",\"ok\":false,\"detail\":";
        appendJsonString(out, checks[i].detail);
        out += '}';
    }
    out += "]}";
    return out;
}

Result<VerifyReport> SessionSigVerifier::verify(std::string_view sessionSigsJson,
                                                const VerifyOptions &options)
{
    auto doc = detail::parseOrdered(sessionSigsJson);
    if (!doc)
        return doc.error();
    if (!doc->is_object() || doc->empty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("expected a non-empty SessionSigs map {nodeUrl: sessionSig}")};
    // Not a SessionSigs map at all (a request, an AuthSig, a report) is unusable input, not a
    // failed verification (issue 11): every entry must at least be an object with a sig or a
    // signedMessage. A forged or damaged session sig still gets its report.
    int position = 0;
    for (const auto &item : doc->items()) {
        const auto &entry = item.value();
        ++position;
        if (!entry.is_object() || (!entry.contains("sig") && !entry.contains("signedMessage")))
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("not a SessionSigs map {nodeUrl: sessionSig}: entry %1 is "
                                        "not a session sig")
                             .arg(position)};
    }
    std::vector<std::pair<const std::string *, const OrderedJson *>> entries;
    for (const auto &item : doc->items())
        entries.emplace_back(&item.key(), &item.value());
    std::vector<VerifyReport> parts(entries.size());
    Caches caches;
    parallelFor(entries.size(), kParallelMinEntries, [&](std::size_t i) {
        EntryVerifier verifier(*entries[i].first, options, parts[i], caches);
        verifier.run(*entries[i].second);
    });
    VerifyReport report; // the checks in node order, as if checked one after the other
    for (auto &part : parts)
        std::move(part.checks.begin(), part.checks.end(), std::back_inserter(report.checks));
    return report;
}

} // namespace quill::lit
