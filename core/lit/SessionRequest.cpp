#include "lit/SessionRequest.h"

#include "common/Time.h"
#include "common/UnsafeText.h"
#include "lit/Delegation.h"
#include "lit/JsonUtil.h"
#include "lit/MaxPrice.h"
#include "siwe/SiweMessage.h"

#include <set>
#include <string>

namespace quill::lit {

namespace {

using detail::OrderedJson;

Error fieldError(const QString &field, const QString &what,
                 ErrorCode code = ErrorCode::LitRequestField)
{
    return Error{code, field + QStringLiteral(": ") + what};
}

Result<std::string> requireString(const OrderedJson &v, const QString &field)
{
    if (!v.is_string())
        return fieldError(field, QStringLiteral("must be a string"));
    return v.get<std::string>();
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Result<ResourceAbilityRequest> parseRequestEntry(const OrderedJson &v, const QString &field)
{
    if (!v.is_object())
        return fieldError(field, QStringLiteral("must be an object"));
    for (const auto &[key, value] : v.items())
        if (key != "resource" && key != "ability" && key != "data")
            return fieldError(field + QStringLiteral(".") + QString::fromStdString(key),
                              QStringLiteral("unknown key"));
    if (!v.contains("resource") || !v["resource"].is_object())
        return fieldError(field + QStringLiteral(".resource"),
                          QStringLiteral("must be an object {resource, resourcePrefix}"));
    const auto &res = v["resource"];
    for (const auto &[key, value] : res.items())
        if (key != "resource" && key != "resourcePrefix")
            return fieldError(field + QStringLiteral(".resource.") + QString::fromStdString(key),
                              QStringLiteral("unknown key"));
    if (!res.contains("resourcePrefix"))
        return fieldError(field + QStringLiteral(".resource.resourcePrefix"), QStringLiteral("missing"));
    if (!res.contains("resource"))
        return fieldError(field + QStringLiteral(".resource.resource"), QStringLiteral("missing"));
    auto prefixText = requireString(res["resourcePrefix"], field + QStringLiteral(".resource.resourcePrefix"));
    if (!prefixText)
        return prefixText.error();
    const auto prefix = parseResourcePrefix(*prefixText);
    if (!prefix)
        return fieldError(field + QStringLiteral(".resource.resourcePrefix"),
                          QStringLiteral("unknown Lit resource prefix '%1'")
                              .arg(QString::fromStdString(*prefixText)),
                          ErrorCode::LitResourcePrefix);
    auto id = requireString(res["resource"], field + QStringLiteral(".resource.resource"));
    if (!id)
        return id.error();
    if (id->empty())
        return fieldError(field + QStringLiteral(".resource.resource"), QStringLiteral("is empty"));
    if (auto st = checkResourceIdText(*id); !st)
        return fieldError(field + QStringLiteral(".resource.resource"), st.error().context);
    if (!v.contains("ability"))
        return fieldError(field + QStringLiteral(".ability"), QStringLiteral("missing"));
    auto abilityText = requireString(v["ability"], field + QStringLiteral(".ability"));
    if (!abilityText)
        return abilityText.error();
    const auto ability = parseAbility(*abilityText);
    if (!ability)
        return fieldError(field + QStringLiteral(".ability"),
                          QStringLiteral("unknown Lit ability '%1'").arg(QString::fromStdString(*abilityText)),
                          ErrorCode::LitAbility);
    if (!isValidPair(*prefix, *ability))
        return fieldError(field + QStringLiteral(".ability"),
                          QStringLiteral("'%1' is not valid for %2 resources")
                              .arg(QString::fromStdString(*abilityText), QString::fromStdString(*prefixText)),
                          ErrorCode::LitAbilityMismatch);
    // LitPKPResource normalises its id in both SDK profiles; sign what the SDK would sign.
    auto signedId = sdkResourceId(*prefix, *id);
    if (!signedId)
        return fieldError(field + QStringLiteral(".resource.resource"), signedId.error().context);
    if (signedId->empty())
        return fieldError(field + QStringLiteral(".resource.resource"),
                          QStringLiteral("is empty after 0x"));
    ResourceAbilityRequest out{*prefix, *signedId, *ability, std::nullopt};
    if (*signedId != *id)
        out.requestedResource = *id;
    if (v.contains("data")) {
        if (!v["data"].is_object())
            return fieldError(field + QStringLiteral(".data"), QStringLiteral("must be an object"));
        out.dataJson = detail::stringify(v["data"]);
    }
    return out;
}

Status validateTimeField(const std::optional<std::string> &value, const char *name)
{
    if (value) {
        if (auto t = parseRfc3339(*value); !t)
            return fieldError(QString::fromLatin1(name), t.error().context, ErrorCode::InvalidTime);
    }
    return okStatus();
}

} // namespace

Status checkResourceIdText(std::string_view id)
{
    // Issue 14: an id with U+202E once left the app unanswered behind a disabled Approve
    // button. Name the disguising character (the list shared with app names), then refuse
    // anything else that is not ASCII: ids are hashes, token ids, CIDs or "*".
    if (const auto cp = findUnsafeCodePoint(id))
        return Error{ErrorCode::LitRequestField,
                     QStringLiteral("contains %1 (a control, invisible or bidirectional character)")
                         .arg(codePointName(*cp))};
    for (char c : id)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\'' || c == '"' ||
            c == '\\')
            return Error{ErrorCode::LitRequestField,
                         QStringLiteral("contains spaces, quotes or control characters")};
    for (char c : id)
        if (static_cast<unsigned char>(c) >= 0x80)
            return Error{ErrorCode::LitRequestField, QStringLiteral("must be ASCII")};
    return okStatus();
}

Result<std::string> normalizedNodeUrl(std::string_view url)
{
    // Lit nodes are served over TLS; an http:// twin of a node would be a second, different
    // entry the user cannot tell apart from the first (issue 14).
    if (url.substr(0, 8) != "https://")
        return Error{ErrorCode::LitNodeUrl, QStringLiteral("must start with https://")};
    const std::string_view rest = url.substr(8);
    if (rest.find_first_of("/?#@") != std::string_view::npos)
        return Error{ErrorCode::LitNodeUrl, QStringLiteral("must be https://host:port only")};
    const auto colon = rest.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == rest.size() ||
        (rest[0] == '[' && rest.rfind(']') > colon))
        return Error{ErrorCode::LitNodeUrl,
                     QStringLiteral("needs an explicit port (nodes compare host:port)")};
    const std::string_view port = rest.substr(colon + 1);
    for (char c : port)
        if (c < '0' || c > '9')
            return Error{ErrorCode::LitNodeUrl, QStringLiteral("port must be decimal")};
    // "7470" and "07470" name one port; refuse the ambiguous spelling instead of rewriting
    // what is signed (the SDK signs the URL as given).
    if (port.size() > 1 && port[0] == '0')
        return Error{ErrorCode::LitNodeUrl, QStringLiteral("port has leading zeros")};
    if (port.size() > 5 || std::stoul(std::string(port)) > 65535)
        return Error{ErrorCode::LitNodeUrl, QStringLiteral("port must be at most 65535")};
    if (!siwe::isValidAuthority(rest))
        return Error{ErrorCode::LitNodeUrl, QStringLiteral("invalid host")};
    std::string normal = "https://";
    for (char c : rest.substr(0, colon))
        normal += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    normal += ':';
    normal += port;
    return normal;
}

Status validateNodeUrl(std::string_view url)
{
    if (auto n = normalizedNodeUrl(url); !n)
        return n.error();
    return okStatus();
}

std::optional<std::string> SessionRequest::maxPriceFor(std::string_view nodeUrl) const
{
    for (const auto &[url, price] : maxPrices)
        if (url == nodeUrl)
            return price;
    return std::nullopt;
}

Result<SessionRequest> SessionRequest::fromJson(std::string_view json)
{
    auto parsed = detail::parseOrdered(json);
    if (!parsed)
        return parsed.error();
    const auto &doc = *parsed;
    if (!doc.is_object())
        return Error{ErrorCode::InvalidJson, QStringLiteral("request must be a JSON object")};

    SessionRequest req;
    bool haveRequests = false, haveNodes = false;
    for (const auto &[key, value] : doc.items()) {
        const QString field = QString::fromStdString(key);
        if (key == "domain") {
            auto s = requireString(value, field);
            if (!s)
                return s.error();
            if (!siwe::isValidAuthority(*s))
                return fieldError(field, QStringLiteral("not an RFC 3986 authority (host[:port])"));
            req.domain = *s;
        } else if (key == "statement") {
            auto s = requireString(value, field);
            if (!s)
                return s.error();
            if (!siwe::isValidStatement(*s))
                return fieldError(field,
                                  QStringLiteral("only ASCII letters, digits, spaces and "
                                                 "-._~:/?#[]@!$&'()*+,;= are allowed in a SIWE "
                                                 "statement"));
            req.statement = *s;
        } else if (key == "chainId") {
            if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
                return fieldError(field, QStringLiteral("must be a positive integer"));
            req.chainId = value.get<std::uint64_t>();
        } else if (key == "nonce") {
            auto s = requireString(value, field);
            if (!s)
                return s.error();
            if (s->size() < 8)
                return fieldError(field, QStringLiteral("must have at least 8 characters"));
            for (char c : *s)
                if (!isAlnum(c))
                    return fieldError(field, QStringLiteral("must be ASCII letters and digits only"));
            req.nonce = *s;
        } else if (key == "issuedAt" || key == "expiration") {
            auto s = requireString(value, field);
            if (!s)
                return s.error();
            (key == "issuedAt" ? req.issuedAt : req.expiration) = *s;
        } else if (key == "resourceAbilityRequests") {
            if (!value.is_array() || value.empty())
                return fieldError(field, QStringLiteral("must be a non-empty array"));
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto entry = parseRequestEntry(value[i], QStringLiteral("%1[%2]").arg(field).arg(i));
                if (!entry)
                    return entry.error();
                req.resourceAbilityRequests.push_back(std::move(entry).value());
            }
            haveRequests = true;
        } else if (key == "nodeUrls") {
            if (!value.is_array() || value.empty())
                return fieldError(field, QStringLiteral("must be a non-empty array of URLs"));
            if (value.size() > kMaxNodeUrls)
                return fieldError(field, QStringLiteral("at most %1 node URLs").arg(kMaxNodeUrls),
                                  ErrorCode::LitNodeUrl);
            std::set<std::string> unique;
            for (std::size_t i = 0; i < value.size(); ++i) {
                const auto name = QStringLiteral("%1[%2]").arg(field).arg(i);
                auto s = requireString(value[i], name);
                if (!s)
                    return s.error();
                auto normal = normalizedNodeUrl(*s);
                if (!normal)
                    return fieldError(name, normal.error().context, ErrorCode::LitNodeUrl);
                if (!unique.insert(*normal).second)
                    return fieldError(name,
                                      QStringLiteral("duplicate node URL (host names ignore case)"),
                                      ErrorCode::LitNodeUrl);
                req.nodeUrls.push_back(*s);
            }
            haveNodes = true;
        } else if (key == "capabilityAuthSigs") {
            if (!value.is_array())
                return fieldError(field, QStringLiteral("must be an array of AuthSigs"));
            if (value.size() > Delegation::kMaxCount)
                return fieldError(
                    field, QStringLiteral("at most %1 delegations").arg(Delegation::kMaxCount),
                    ErrorCode::LitCapability);
            for (std::size_t i = 0; i < value.size(); ++i) {
                const auto name = QStringLiteral("%1[%2]").arg(field).arg(i);
                std::string text = detail::stringify(value[i]);
                if (text.size() > Delegation::kMaxBytes)
                    return fieldError(
                        name, QStringLiteral("larger than %1 bytes").arg(Delegation::kMaxBytes),
                        ErrorCode::LitCapability);
                auto sig = detail::authSigFromJson(value[i]);
                if (!sig)
                    return fieldError(name, sig.error().context, ErrorCode::LitCapability);
                // Issue 14: what the review names as signer and grants must be true.
                if (auto d = Delegation::verify(*sig); !d)
                    return fieldError(name, d.error().context, ErrorCode::LitCapability);
                req.capabilityAuthSigs.push_back(std::move(sig).value());
                req.capabilityJson.push_back(std::move(text));
            }
        } else if (key == "maxPrices") {
            if (!value.is_object())
                return fieldError(field, QStringLiteral("must be an object {nodeUrl: price}"));
            for (const auto &[url, price] : value.items()) {
                const QString name = field + QStringLiteral("[\"%1\"]").arg(QString::fromStdString(url));
                if (!price.is_string())
                    return fieldError(name,
                                      QStringLiteral("must be a string: decimal or 0x hex wei"),
                                      ErrorCode::LitMaxPrice);
                auto parsedPrice = MaxPrice::parse(price.get_ref<const std::string &>());
                if (!parsedPrice)
                    return fieldError(name, parsedPrice.error().context, ErrorCode::LitMaxPrice);
                req.maxPrices.emplace_back(url, parsedPrice->toSdkHex());
            }
        } else {
            return fieldError(field, QStringLiteral("unknown key"));
        }
    }
    if (!haveRequests)
        return fieldError(QStringLiteral("resourceAbilityRequests"), QStringLiteral("missing"));
    if (!haveNodes)
        return fieldError(QStringLiteral("nodeUrls"), QStringLiteral("missing"));
    if (auto st = validateTimeField(req.issuedAt, "issuedAt"); !st)
        return st.error();
    if (auto st = validateTimeField(req.expiration, "expiration"); !st)
        return st.error();
    for (const auto &[url, price] : req.maxPrices) {
        bool known = false;
        for (const auto &n : req.nodeUrls)
            known = known || n == url;
        if (!known)
            return fieldError(QStringLiteral("maxPrices[\"%1\"]").arg(QString::fromStdString(url)),
                              QStringLiteral("not one of nodeUrls"), ErrorCode::LitMaxPrice);
    }
    return req;
}

} // namespace quill::lit
