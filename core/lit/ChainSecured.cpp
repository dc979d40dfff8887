#include "lit/ChainSecured.h"

#include "common/JsonText.h"
#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Eip712Json.h"
#include "lit/JsonUtil.h"

#include <QByteArray>

#include <algorithm>
#include <array>

namespace quill::lit {

namespace {

using detail::OrderedJson;

/// Raw text beyond this is refused before parsing (the compact form must be ≤ 4 KiB; this
/// leaves room for whitespace without letting a caller make us parse megabytes).
constexpr std::size_t kMaxRawBytes = std::size_t{64} * 1024;

constexpr std::array kPurposes{
    ChainSecuredPurpose::CreateWallet, ChainSecuredPurpose::ConvertAccount,
    ChainSecuredPurpose::AddUsageApiKey, ChainSecuredPurpose::BillingAuth};

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

Error schema(const QString &what)
{
    return Error{ErrorCode::ChainSecuredSchema, what};
}
Error domainError(const QString &what)
{
    return Error{ErrorCode::ChainSecuredDomain, what};
}

/// A JSON value as short text for an error message.
QString shown(const OrderedJson &v)
{
    std::string s = detail::stringify(v);
    if (s.size() > 80)
        s = s.substr(0, 77) + "...";
    return q(s);
}

const std::vector<eth::eip712::Field> &domainFields()
{
    static const std::vector<eth::eip712::Field> k{
        {"name", "string"}, {"version", "string"}, {"chainId", "uint256"}};
    return k;
}
const std::vector<eth::eip712::Field> &messageFields()
{
    static const std::vector<eth::eip712::Field> k{{"address", "address"}, {"issuedAt", "uint256"}};
    return k;
}

void appendFields(std::string &out, const std::vector<eth::eip712::Field> &fields)
{
    out += '[';
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += "{\"name\":" + jsonString(fields[i].name) +
               ",\"type\":" + jsonString(fields[i].type) + '}';
    }
    out += ']';
}

/// uint256 as the server reads it (eip712.rs parse_u256_loose): a string (trimmed) that is
/// 0x hex or decimal, or a non-negative JSON integer. Quill keeps values up to 2^64 − 1,
/// which covers every chain id and every issuedAt the server's i64 check lets through.
Result<std::uint64_t> looseU64(const OrderedJson &v, const QString &field)
{
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>();
    if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i >= 0)
            return static_cast<std::uint64_t>(i);
    }
    if (!v.is_string())
        return schema(field +
                      QStringLiteral(": expected a decimal string, a hex string or a "
                                     "non-negative integer, found ") +
                      shown(v));
    std::string_view s = v.get_ref<const std::string &>();
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    const bool hex = s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex)
        s.remove_prefix(2);
    if (s.empty())
        return schema(field + QStringLiteral(": empty number"));
    std::uint64_t n = 0;
    const std::uint64_t base = hex ? 16 : 10;
    for (char c : s) {
        const int d = hex ? crypto::hexDigitValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0)
            return schema(field + QStringLiteral(": not a number: ") + shown(v));
        if (n > (UINT64_MAX - static_cast<std::uint64_t>(d)) / base)
            return schema(field + QStringLiteral(": out of range"));
        n = n * base + static_cast<std::uint64_t>(d);
    }
    return n;
}

/// Refuses any key of `object` not in `allowed`, naming the first.
Status onlyKeys(const OrderedJson &object, std::initializer_list<std::string_view> allowed,
                const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            return schema(where + QStringLiteral(": unknown key ") + q(it.key()));
    return okStatus();
}

/// types[name] must be exactly `want`, field by field.
Status checkFields(const OrderedJson &types, const std::string &name,
                   const std::vector<eth::eip712::Field> &want)
{
    const QString where = QStringLiteral("types.") + q(name);
    if (!types.contains(name))
        return schema(where + QStringLiteral(": missing"));
    const auto &decl = types[name];
    if (!decl.is_array())
        return schema(where + QStringLiteral(": not an array"));
    for (std::size_t i = 0; i < std::max(decl.size(), want.size()); ++i) {
        const QString at = where + QStringLiteral("[%1]").arg(i);
        std::string expected = "none";
        if (i < want.size())
            expected = "{\"name\":" + jsonString(want[i].name) +
                       ",\"type\":" + jsonString(want[i].type) + '}';
        if (i >= decl.size())
            return schema(at + QStringLiteral(": missing, expected ") + q(expected));
        const auto &f = decl[i];
        const bool same = i < want.size() && f.is_object() && f.size() == 2 && f.contains("name") &&
                          f.contains("type") && f["name"] == want[i].name &&
                          f["type"] == want[i].type;
        if (!same)
            return schema(at + QStringLiteral(": expected ") + q(expected) +
                          QStringLiteral(", found ") + shown(f));
    }
    return okStatus();
}

Result<OrderedJson> parseLimited(std::string_view json)
{
    if (json.size() > kMaxRawBytes)
        return schema(QStringLiteral("typed data is over %1 bytes").arg(kMaxRawBytes));
    return detail::parseOrdered(json);
}

Result<ChainSecuredAuthorization> fromJson(const OrderedJson &given)
{
    // The server measures the compact JSON of the value as it was sent (object or string).
    const auto compact = detail::stringify(given);
    if (compact.size() > kChainSecuredMaxBytes)
        return schema(QStringLiteral("typed data is %1 bytes as compact JSON, over the %2-byte cap")
                          .arg(compact.size())
                          .arg(kChainSecuredMaxBytes));
    OrderedJson unwrapped;
    if (given.is_string()) {
        auto inner = detail::parseOrdered(given.get_ref<const std::string &>());
        if (!inner)
            return Error{ErrorCode::InvalidJson,
                         QStringLiteral("typed data is a string but not JSON: ") +
                             inner.error().context};
        unwrapped = std::move(*inner);
    }
    const OrderedJson &doc = given.is_string() ? unwrapped : given;

    // Shape, as the server's serde views (deny_unknown_fields at every level).
    if (!doc.is_object())
        return schema(QStringLiteral("typed data is not an object"));
    if (auto s = onlyKeys(doc, {"types", "primaryType", "domain", "message"},
                          QStringLiteral("typed data"));
        !s)
        return s.error();
    for (const char *key : {"types", "primaryType", "domain", "message"})
        if (!doc.contains(key))
            return schema(QStringLiteral("typed data: missing ") + QLatin1String(key));
    const auto &types = doc["types"];
    if (!types.is_object())
        return schema(QStringLiteral("types: not an object"));
    for (auto it = types.begin(); it != types.end(); ++it) {
        if (!it->is_array())
            return schema(QStringLiteral("types.") + q(it.key()) +
                          QStringLiteral(": not an array"));
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &f = (*it)[i];
            const QString at =
                QStringLiteral("types.") + q(it.key()) + QStringLiteral("[%1]").arg(i);
            if (!f.is_object())
                return schema(at + QStringLiteral(": not an object"));
            if (auto s = onlyKeys(f, {"name", "type"}, at); !s)
                return s.error();
        }
    }
    const auto &primary = doc["primaryType"];
    if (!primary.is_string())
        return schema(QStringLiteral("primaryType: not a string"));
    const auto &domain = doc["domain"];
    if (!domain.is_object())
        return schema(QStringLiteral("domain: not an object"));
    if (auto s = onlyKeys(domain, {"name", "version", "chainId", "verifyingContract", "salt"},
                          QStringLiteral("domain"));
        !s)
        return s.error();
    const auto &message = doc["message"];
    if (!message.is_object())
        return schema(QStringLiteral("message: not an object"));

    // primaryType names one of the four flows.
    const auto &primaryName = primary.get_ref<const std::string &>();
    const auto purpose = purposeFromName(primaryName);
    if (!purpose || primaryTypeName(*purpose) != primaryName)
        return schema(
            QStringLiteral("primaryType: unknown %1 (expected CreateWallet, ConvertAccount, "
                           "AddUsageApiKey or BillingAuth)")
                .arg(shown(primary)));

    // Domain: name, version, chainId; nothing else.
    auto domainString = [&](const char *key, std::string_view want) -> Status {
        if (!domain.contains(key) || !domain[key].is_string() || domain[key] != want)
            return domainError(
                QStringLiteral("domain.%1: expected %2, found %3")
                    .arg(QLatin1String(key), q(jsonString(want)),
                         domain.contains(key) ? shown(domain[key]) : QStringLiteral("none")));
        return okStatus();
    };
    if (auto s = domainString("name", kChainSecuredDomainName); !s)
        return s.error();
    if (auto s = domainString("version", kChainSecuredDomainVersion); !s)
        return s.error();
    if (!domain.contains("chainId"))
        return domainError(QStringLiteral("domain.chainId: missing"));
    auto chainId = looseU64(domain["chainId"], QStringLiteral("domain.chainId"));
    if (!chainId)
        return domainError(chainId.error().context);
    for (const char *key : {"verifyingContract", "salt"})
        if (domain.contains(key))
            return domainError(
                QStringLiteral("domain.%1: not allowed (only name, version, chainId)")
                    .arg(QLatin1String(key)));

    // Exactly two types, fields in order.
    if (auto s = checkFields(types, primaryName, messageFields()); !s)
        return s.error();
    if (auto s = checkFields(types, "EIP712Domain", domainFields()); !s)
        return s.error();
    if (types.size() != 2) {
        for (auto it = types.begin(); it != types.end(); ++it)
            if (it.key() != primaryName && it.key() != "EIP712Domain")
                return schema(QStringLiteral("types: unexpected type ") + q(it.key()) +
                              QStringLiteral(" (only EIP712Domain and ") + q(primaryName) +
                              QStringLiteral(")"));
    }

    // Message: exactly address and issuedAt.
    for (auto it = message.begin(); it != message.end(); ++it)
        if (it.key() != "address" && it.key() != "issuedAt")
            return schema(QStringLiteral("message: unexpected key ") + q(it.key()) +
                          QStringLiteral(" (only address and issuedAt)"));
    for (const char *key : {"address", "issuedAt"})
        if (!message.contains(key))
            return schema(QStringLiteral("message.") + QLatin1String(key) +
                          QStringLiteral(": missing"));
    if (!message["address"].is_string())
        return schema(QStringLiteral("message.address: not a string"));
    auto address = eth::Address::parse(message["address"].get_ref<const std::string &>());
    if (!address)
        return schema(QStringLiteral("message.address: ") + describe(address.error()));
    auto issuedAt = looseU64(message["issuedAt"], QStringLiteral("message.issuedAt"));
    if (!issuedAt)
        return issuedAt.error();
    if (*issuedAt > static_cast<std::uint64_t>(INT64_MAX))
        return schema(QStringLiteral("message.issuedAt: out of range"));

    ChainSecuredAuthorization auth;
    auth.purpose = *purpose;
    auth.chainId = *chainId;
    auth.address = *address;
    auth.issuedAt = static_cast<std::int64_t>(*issuedAt);
    return auth;
}

/// Signature text as the server parses it (alloy Signature::from_str after trim): optional
/// 0x, 65 bytes, v ∈ {0, 1, 27, 28}. High-S is refused (libsecp256k1 and ethers make low-S
/// only; a high-S copy is a malleated signature).
Result<std::pair<std::array<std::uint8_t, 64>, int>> parseSignature(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                             text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                             text.back() == '\r'))
        text.remove_suffix(1);
    auto raw = crypto::fromHex(text, true);
    if (!raw || raw->size() != 65)
        return Error{ErrorCode::InvalidSignature,
                     QStringLiteral("expected 65 bytes r||s||v as hex")};
    const int v = (*raw)[64];
    int recid = -1;
    if (v == 27 || v == 28)
        recid = v - 27;
    else if (v == 0 || v == 1)
        recid = v;
    if (recid < 0)
        return Error{ErrorCode::InvalidSignature,
                     QStringLiteral("recovery byte v = %1 is not 0, 1, 27 or 28").arg(v)};
    std::array<std::uint8_t, 64> rs{};
    std::copy_n(raw->begin(), 64, rs.begin());
    if (!crypto::secp256k1::isLowS(rs))
        return Error{ErrorCode::InvalidSignature, QStringLiteral("high-S signature")};
    return std::pair{rs, recid};
}

} // namespace

std::string_view primaryTypeName(ChainSecuredPurpose purpose)
{
    switch (purpose) {
    case ChainSecuredPurpose::CreateWallet:
        return "CreateWallet";
    case ChainSecuredPurpose::ConvertAccount:
        return "ConvertAccount";
    case ChainSecuredPurpose::AddUsageApiKey:
        return "AddUsageApiKey";
    case ChainSecuredPurpose::BillingAuth:
        return "BillingAuth";
    }
    return {};
}

std::string_view purposeCliName(ChainSecuredPurpose purpose)
{
    switch (purpose) {
    case ChainSecuredPurpose::CreateWallet:
        return "create-wallet";
    case ChainSecuredPurpose::ConvertAccount:
        return "convert-account";
    case ChainSecuredPurpose::AddUsageApiKey:
        return "add-usage-api-key";
    case ChainSecuredPurpose::BillingAuth:
        return "billing-auth";
    }
    return {};
}

std::optional<ChainSecuredPurpose> purposeFromName(std::string_view name)
{
    for (auto p : kPurposes)
        if (name == primaryTypeName(p) || name == purposeCliName(p))
            return p;
    return std::nullopt;
}

std::string ChainSecuredAuthorization::typedDataJson() const
{
    const std::string primary(primaryTypeName(purpose));
    std::string out = "{\"types\":{\"EIP712Domain\":";
    appendFields(out, domainFields());
    out += ',' + jsonString(primary) + ':';
    appendFields(out, messageFields());
    out += "},\"primaryType\":" + jsonString(primary);
    out += ",\"domain\":{\"name\":" + jsonString(kChainSecuredDomainName) +
           ",\"version\":" + jsonString(kChainSecuredDomainVersion) + ",\"chainId\":\"" +
           std::to_string(chainId) + "\"}";
    out += ",\"message\":{\"address\":\"" + address.toChecksummed() + "\",\"issuedAt\":\"" +
           std::to_string(issuedAt) + "\"}}";
    return out;
}

crypto::Hash256 ChainSecuredAuthorization::domainSeparator() const
{
    const eth::eip712::Types types{{"EIP712Domain", domainFields()}};
    const OrderedJson domain = {{"name", kChainSecuredDomainName},
                                {"version", kChainSecuredDomainVersion},
                                {"chainId", chainId}};
    // The shape is fixed and every value fits its type: this cannot fail.
    return eth::eip712::detail::hashStruct(types, "EIP712Domain", domain, "domain").value();
}

crypto::Hash256 ChainSecuredAuthorization::digest() const
{
    const std::string primary(primaryTypeName(purpose));
    const eth::eip712::Types types{{primary, messageFields()}};
    const OrderedJson message = {{"address", address.toChecksummed()}, {"issuedAt", issuedAt}};
    const auto structHash =
        eth::eip712::detail::hashStruct(types, primary, message, "message").value();
    return eth::eip712::signingDigest(domainSeparator(), structHash);
}

Result<std::string> signChainSecured(const crypto::SecureBytes &key,
                                     const ChainSecuredAuthorization &auth)
{
    auto pub = crypto::secp256k1::publicKey(key);
    if (!pub)
        return pub.error();
    if (eth::Address::fromPublicKey(*pub) != auth.address)
        return Error{ErrorCode::ChainSecuredSigner, QStringLiteral("the key is not the key of ") +
                                                        q(auth.address.toChecksummed())};
    auto sig = crypto::secp256k1::signRecoverable(key, auth.digest());
    if (!sig)
        return sig.error();
    (*sig)[64] = static_cast<std::uint8_t>((*sig)[64] + 27);
    return "0x" + crypto::toHex(*sig);
}

std::string chainSecuredBody(const ChainSecuredAuthorization &auth, std::string_view signature)
{
    return "{\"typed_data\":" + auth.typedDataJson() + ",\"signature\":" + jsonString(signature) +
           '}';
}

std::string walletAuthHeader(const ChainSecuredAuthorization &auth, std::string_view signature)
{
    return QByteArray::fromStdString(chainSecuredBody(auth, signature)).toBase64().toStdString();
}

Result<ChainSecuredAuthorization> parseChainSecuredTypedData(std::string_view json)
{
    auto doc = parseLimited(json);
    if (!doc)
        return doc.error();
    return fromJson(*doc);
}

namespace {

Result<ChainSecuredAuthorization> verifyParsed(const OrderedJson &typedData,
                                               std::string_view signature,
                                               const ChainSecuredExpectation &expected)
{
    auto auth = fromJson(typedData);
    if (!auth)
        return auth.error();
    if (expected.purpose && *expected.purpose != auth->purpose)
        return schema(
            QStringLiteral("primaryType: %1, but this check is for %2")
                .arg(q(primaryTypeName(auth->purpose)), q(primaryTypeName(*expected.purpose))));
    if (auth->chainId != expected.chainId)
        return domainError(QStringLiteral("domain.chainId: %1, expected %2")
                               .arg(auth->chainId)
                               .arg(expected.chainId));
    // Both fit in int64; the difference of two non-negative int64 values cannot overflow.
    const std::int64_t skew = expected.nowSeconds - auth->issuedAt;
    if (skew > kChainSecuredSkewSeconds || skew < -kChainSecuredSkewSeconds)
        return Error{
            ErrorCode::ChainSecuredTime,
            QStringLiteral("message.issuedAt %1 is %2 s from now (%3); the window is ±%4 s")
                .arg(auth->issuedAt)
                .arg(skew < 0 ? -skew : skew)
                .arg(expected.nowSeconds)
                .arg(kChainSecuredSkewSeconds)};
    auto sig = parseSignature(signature);
    if (!sig)
        return sig.error();
    auto pub = crypto::secp256k1::recover(auth->digest(), sig->first, sig->second);
    if (!pub)
        return pub.error();
    const auto signer = eth::Address::fromPublicKey(*pub);
    if (signer != auth->address)
        return Error{ErrorCode::ChainSecuredSigner,
                     QStringLiteral("signed by %1, but message.address is %2")
                         .arg(q(signer.toChecksummed()), q(auth->address.toChecksummed()))};
    return auth;
}

} // namespace

Result<ChainSecuredAuthorization> verifyChainSecured(std::string_view typedDataJson,
                                                     std::string_view signature,
                                                     const ChainSecuredExpectation &expected)
{
    auto doc = parseLimited(typedDataJson);
    if (!doc)
        return doc.error();
    return verifyParsed(*doc, signature, expected);
}

Result<ChainSecuredAuthorization> verifyChainSecuredBody(std::string_view body,
                                                         const ChainSecuredExpectation &expected)
{
    std::string_view trimmed = body;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\n' ||
                                trimmed.front() == '\t' || trimmed.front() == '\r'))
        trimmed.remove_prefix(1);
    std::string decoded;
    if (!trimmed.empty() && trimmed.front() != '{') {
        // An X-Wallet-Auth header value: standard base64 of the body.
        if (trimmed.size() > kMaxRawBytes * 2)
            return schema(QStringLiteral("header value is too large"));
        auto b64 = QByteArray::fromBase64Encoding(
            QByteArray(trimmed.data(), static_cast<qsizetype>(trimmed.size())).trimmed(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!b64)
            return Error{ErrorCode::InvalidBase64,
                         QStringLiteral("not a JSON body nor a base64 X-Wallet-Auth value")};
        decoded = b64.decoded.toStdString();
        trimmed = decoded;
    }
    auto doc = parseLimited(trimmed);
    if (!doc)
        return doc.error();
    if (!doc->is_object())
        return schema(QStringLiteral("body is not an object"));
    if (auto s = onlyKeys(*doc, {"typed_data", "signature"}, QStringLiteral("body")); !s)
        return s.error();
    if (!doc->contains("typed_data") || !doc->contains("signature"))
        return schema(QStringLiteral("body: needs typed_data and signature"));
    if (!(*doc)["signature"].is_string())
        return Error{ErrorCode::InvalidSignature, QStringLiteral("signature is not a string")};
    return verifyParsed((*doc)["typed_data"], (*doc)["signature"].get_ref<const std::string &>(),
                        expected);
}

} // namespace quill::lit
