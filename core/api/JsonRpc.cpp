#include "api/JsonRpc.h"

#include "api/JsonScan.h"
#include "common/JsonText.h"
#include "common/OrderedJson.h"
#include "common/UnsafeText.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <cassert>
#include <set>
#include <vector>

namespace quill::api {

using Json = nlohmann::ordered_json;

namespace {

/// Parses with key order kept; a duplicate key at any depth, invalid UTF-8 or nesting deeper
/// than JsonRpc::kMaxDepth is an InvalidJson error.
Result<Json> parseStrict(std::string_view text)
{
    if (detail::nestingDepth(text, JsonRpc::kMaxDepth) > JsonRpc::kMaxDepth)
        return Error{ErrorCode::InvalidJson,
                     QStringLiteral("nested deeper than %1 levels").arg(JsonRpc::kMaxDepth)};
    auto parsed = quill::detail::parseUnique<Json>(text);
    if (auto *doc = std::get_if<Json>(&parsed))
        return std::move(*doc);
    if (std::get<quill::detail::JsonRefusal>(parsed).duplicate)
        return Error{ErrorCode::InvalidJson, QStringLiteral("duplicate key")};
    // The parser's message quotes the input; keep ours fixed.
    return Error{ErrorCode::InvalidJson, QStringLiteral("not a single UTF-8 JSON value")};
}

std::string dumpCompact(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

QString field(std::string_view name)
{
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

Error invalidRequest(const QString &what)
{
    return Error{ErrorCode::InvalidRpcRequest, what};
}

Error invalidParam(std::string_view name, const QString &what)
{
    return Error{ErrorCode::InvalidParams, field(name) + QStringLiteral(": ") + what};
}

} // namespace

RpcErrorCode rpcErrorCode(ErrorCode code)
{
    const int n = static_cast<int>(code);
    switch (code) {
    case ErrorCode::InvalidJson:
        return RpcErrorCode::ParseError;
    case ErrorCode::InvalidRpcRequest:
        return RpcErrorCode::InvalidRequest;
    case ErrorCode::InvalidParams:
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidHex:
    case ErrorCode::InvalidTime:
    case ErrorCode::InvalidPublicKey:
    case ErrorCode::InvalidAddress:
    case ErrorCode::AddressChecksumMismatch:
    case ErrorCode::TypedDataType:
    case ErrorCode::TypedDataValue:
    case ErrorCode::ChainSecuredSchema:
    case ErrorCode::ChainSecuredDomain:
    case ErrorCode::ChainSecuredTime:
        return RpcErrorCode::InvalidParams;
    case ErrorCode::UserRejected:
        return RpcErrorCode::UserRejected;
    case ErrorCode::Unauthorized:
        return RpcErrorCode::Unauthorized;
    case ErrorCode::UnsupportedMethod:
        return RpcErrorCode::UnsupportedMethod;
    case ErrorCode::RequestExpired:
        return RpcErrorCode::RequestExpired;
    case ErrorCode::RequestCancelled:
        return RpcErrorCode::RequestCancelled;
    case ErrorCode::MessageTooLarge:
        return RpcErrorCode::MessageTooLarge;
    case ErrorCode::RateLimited:
        return RpcErrorCode::RateLimited;
    case ErrorCode::Busy:
        return RpcErrorCode::Busy;
    default:
        break;
    }
    // SIWE (40–52), ReCap (60–66) and Lit request (80–87) errors describe the app's request.
    if ((n >= 40 && n < 70) || (n >= 80 && n < 90))
        return RpcErrorCode::InvalidParams;
    return RpcErrorCode::InternalError;
}

// --- params -----------------------------------------------------------------------------

struct JsonRpcParams::Impl
{
    Json value;       ///< an object
    std::string text; ///< its exact bytes
};

JsonRpcParams::JsonRpcParams() = default;

bool JsonRpcParams::present() const
{
    return m_impl != nullptr;
}

bool JsonRpcParams::has(std::string_view name) const
{
    return m_impl && m_impl->value.contains(std::string(name));
}

Status JsonRpcParams::allowOnly(std::initializer_list<std::string_view> allowed) const
{
    if (!m_impl)
        return okStatus();
    for (const auto &[key, value] : m_impl->value.items()) {
        bool known = false;
        for (auto a : allowed)
            known = known || key == a;
        if (!known)
            return invalidParam(key, QStringLiteral("unknown parameter"));
    }
    return okStatus();
}

Result<std::optional<std::string>> JsonRpcParams::optionalString(std::string_view name,
                                                                 std::size_t maxBytes) const
{
    if (!has(name))
        return std::optional<std::string>();
    const auto &v = m_impl->value[std::string(name)];
    if (!v.is_string())
        return invalidParam(name, QStringLiteral("must be a string"));
    const auto &s = v.get_ref<const std::string &>();
    if (s.size() > maxBytes)
        return invalidParam(name, QStringLiteral("longer than %1 bytes").arg(maxBytes));
    // Invisible, line-breaking and bidi characters would let an app disguise what the user
    // reads in a prompt (issue 14; the list is shared with resource ids).
    if (const auto cp = findUnsafeCodePoint(s))
        return invalidParam(name, QStringLiteral("contains %1 (a control, invisible or "
                                                 "bidirectional character)")
                                      .arg(codePointName(*cp)));
    return std::optional<std::string>(s);
}

Result<std::string> JsonRpcParams::string(std::string_view name, std::size_t maxBytes) const
{
    auto s = optionalString(name, maxBytes);
    if (!s)
        return s.error();
    if (!*s)
        return invalidParam(name, QStringLiteral("required"));
    return std::move(**s);
}

Result<std::string> JsonRpcParams::lines(std::string_view name, std::size_t maxBytes) const
{
    if (!has(name))
        return invalidParam(name, QStringLiteral("required"));
    const auto &v = m_impl->value[std::string(name)];
    if (!v.is_string())
        return invalidParam(name, QStringLiteral("must be a string"));
    const auto &s = v.get_ref<const std::string &>();
    if (s.size() > maxBytes)
        return invalidParam(name, QStringLiteral("longer than %1 bytes").arg(maxBytes));
    // Line ends are the caller's to judge (a SIWE parser names a CR); nothing else unsafe.
    for (std::size_t start = 0; start <= s.size();) {
        const auto end = std::min(s.find_first_of("\r\n", start), s.size());
        if (const auto cp = findUnsafeCodePoint(std::string_view(s).substr(start, end - start)))
            return invalidParam(name, QStringLiteral("contains %1 (a control, invisible or "
                                                     "bidirectional character)")
                                          .arg(codePointName(*cp)));
        start = end + 1;
    }
    return s;
}

Result<std::string> JsonRpcParams::objectText(std::string_view name) const
{
    if (!has(name))
        return invalidParam(name, QStringLiteral("required"));
    if (!m_impl->value[std::string(name)].is_object())
        return invalidParam(name, QStringLiteral("must be an object"));
    auto text = detail::memberText(m_impl->text, name);
    assert(text); // the member exists in the parsed document, so it is in the text
    if (!text)
        return invalidParam(name, QStringLiteral("required"));
    return std::string(*text);
}

Result<std::string> JsonRpcParams::valueText(std::string_view name) const
{
    if (!has(name))
        return invalidParam(name, QStringLiteral("required"));
    auto text = detail::memberText(m_impl->text, name);
    assert(text);
    if (!text)
        return invalidParam(name, QStringLiteral("required"));
    return std::string(*text);
}

// --- parsing ------------------------------------------------------------------------------

Result<JsonRpcRequest> JsonRpc::parseRequest(std::string_view text, std::string &replyId)
{
    replyId = "null";
    auto parsed = parseStrict(text);
    if (!parsed)
        return parsed.error();
    const Json &doc = *parsed;
    if (doc.is_array())
        return invalidRequest(QStringLiteral("batch requests are not supported"));
    if (!doc.is_object())
        return invalidRequest(QStringLiteral("a request must be a JSON object"));

    // The id first, so that every later error can be answered with it.
    if (!doc.contains("id"))
        return invalidRequest(QStringLiteral("id: required (notifications are not supported)"));
    const auto &id = doc["id"];
    if (!id.is_string() && !id.is_number_integer())
        return invalidRequest(QStringLiteral("id: must be a string or an integer"));
    std::string idText = dumpCompact(id);
    if (idText.size() > kMaxIdBytes)
        return invalidRequest(QStringLiteral("id: longer than %1 bytes").arg(kMaxIdBytes));
    replyId = idText;

    for (const auto &[key, value] : doc.items())
        if (key != "jsonrpc" && key != "id" && key != "method" && key != "params")
            return invalidRequest(field(key) + QStringLiteral(": unknown member"));
    if (!doc.contains("jsonrpc") || !doc["jsonrpc"].is_string() ||
        doc["jsonrpc"].get_ref<const std::string &>() != "2.0")
        return invalidRequest(QStringLiteral("jsonrpc: must be \"2.0\""));
    if (!doc.contains("method") || !doc["method"].is_string())
        return invalidRequest(QStringLiteral("method: must be a string"));
    const auto &method = doc["method"].get_ref<const std::string &>();
    if (method.empty() || method.size() > kMaxMethodBytes)
        return invalidRequest(QStringLiteral("method: must be 1 to %1 bytes").arg(kMaxMethodBytes));

    JsonRpcRequest out;
    out.id = std::move(idText);
    out.method = method;
    if (doc.contains("params")) {
        const auto &params = doc["params"];
        if (params.is_array())
            return Error{
                ErrorCode::InvalidParams,
                QStringLiteral("params: must be an object (by-position params are not supported)")};
        if (!params.is_object())
            return invalidRequest(QStringLiteral("params: must be an object"));
        auto impl = std::make_shared<JsonRpcParams::Impl>();
        impl->value = params;
        const auto paramsText = detail::memberText(text, "params");
        impl->text = paramsText ? std::string(*paramsText) : dumpCompact(params);
        out.params.m_impl = std::move(impl);
    }
    return out;
}

namespace {

/// True if some object in `e`, at any depth, names a key twice (keys compared unescaped).
bool hasDuplicateKey(simdjson::dom::element e)
{
    if (auto array = e.get_array(); !array.error()) {
        for (simdjson::dom::element item : array.value_unsafe())
            if (hasDuplicateKey(item))
                return true;
        return false;
    }
    auto object = e.get_object();
    if (object.error())
        return false;
    std::vector<std::string_view> keys;
    for (const simdjson::dom::key_value_pair field : object.value_unsafe()) {
        keys.push_back(field.key);
        if (hasDuplicateKey(field.value))
            return true;
    }
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

} // namespace

Result<JsonRpcResponse> JsonRpc::parseResponse(std::string_view text)
{
    // A 30-node answer is ~64 KB of JSON. It is checked whole — one UTF-8 JSON value, no
    // duplicate key at any depth — with simdjson (~30 µs; nlohmann's DOM took ~600 µs and
    // was most of a client's CPU in an API burst, issue 12); then only the small envelope
    // members are read, and `result` is handed on as the exact bytes that were sent.
    if (detail::nestingDepth(text, kMaxDepth) > kMaxDepth)
        return Error{ErrorCode::InvalidJson,
                     QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth)};
    if (text.empty()) // simdjson would copy from a null pointer
        return Error{ErrorCode::InvalidJson, QStringLiteral("not a single UTF-8 JSON value")};
    thread_local simdjson::dom::parser parser;
    const auto doc = parser.parse(text.data(), text.size());
    if (doc.error())
        return Error{ErrorCode::InvalidJson, QStringLiteral("not a single UTF-8 JSON value")};
    if (hasDuplicateKey(doc.value_unsafe()))
        return Error{ErrorCode::InvalidJson, QStringLiteral("duplicate key")};
    const auto top = doc.get_object();
    if (top.error())
        return invalidRequest(QStringLiteral("a response must be a JSON object"));
    bool hasResult = false, hasError = false, hasVersion = false;
    for (const simdjson::dom::key_value_pair member : top.value_unsafe()) {
        if (member.key == "jsonrpc") {
            std::string_view version;
            hasVersion = !member.value.get_string().get(version) && version == "2.0";
        } else if (member.key == "result") {
            hasResult = true;
        } else if (member.key == "error") {
            hasError = true;
        } else if (member.key != "id") {
            return invalidRequest(field(member.key) + QStringLiteral(": unknown member"));
        }
    }
    if (!hasVersion)
        return invalidRequest(QStringLiteral("jsonrpc: must be \"2.0\""));
    const auto idElement = top.at_key("id");
    if (idElement.error() || !(idElement.is_string() || idElement.is_int64() ||
                               idElement.is_uint64() || idElement.is_null()))
        return invalidRequest(QStringLiteral("id: must be a string, an integer or null"));
    if (hasResult == hasError)
        return invalidRequest(QStringLiteral("exactly one of result and error is required"));

    // The small members through nlohmann, as everywhere else (same id spelling and messages).
    const auto idText = detail::memberText(text, "id");
    auto id = parseStrict(idText ? *idText : std::string_view());
    if (!id)
        return id.error();
    JsonRpcResponse out;
    out.id = dumpCompact(*id);
    if (hasResult) {
        out.resultJson = std::string(detail::memberText(text, "result").value_or(""));
        return out;
    }
    const auto errorText = detail::memberText(text, "error");
    auto parsedError = parseStrict(errorText ? *errorText : std::string_view());
    if (!parsedError)
        return parsedError.error();
    const Json &error = *parsedError;
    if (!error.is_object() || !error.contains("code") || !error["code"].is_number_integer() ||
        !error.contains("message") || !error["message"].is_string())
        return invalidRequest(QStringLiteral("error: must be {code: integer, message: string}"));
    for (const auto &[key, value] : error.items())
        if (key != "code" && key != "message" && key != "data")
            return invalidRequest(QStringLiteral("error.") + field(key) +
                                  QStringLiteral(": unknown member"));
    const auto code = error["code"].get<std::int64_t>();
    if (code < INT32_MIN || code > INT32_MAX)
        return invalidRequest(QStringLiteral("error.code: out of range"));
    out.isError = true;
    out.code = int(code);
    out.message = error["message"].get<std::string>();
    if (error.contains("data"))
        out.dataJson = dumpCompact(error["data"]);
    return out;
}

// --- building -----------------------------------------------------------------------------

QByteArray JsonRpc::request(std::string_view id, std::string_view method,
                            std::string_view paramsJson)
{
    std::string out = R"({"jsonrpc":"2.0","id":)";
    out += id;
    out += R"(,"method":)";
    appendJsonString(out, method);
    if (!paramsJson.empty()) {
        out += R"(,"params":)";
        out += paramsJson;
    }
    out += '}';
    return QByteArray::fromStdString(out);
}

QByteArray JsonRpc::result(std::string_view id, std::string_view resultJson)
{
    QByteArray out;
    out.reserve(qsizetype(40 + id.size() + resultJson.size()));
    out += R"({"jsonrpc":"2.0","id":)";
    out += QByteArrayView(id.data(), qsizetype(id.size()));
    out += R"(,"result":)";
    out += QByteArrayView(resultJson.data(), qsizetype(resultJson.size()));
    out += '}';
    return out;
}

QByteArray JsonRpc::error(std::string_view id, RpcErrorCode code, const QString &message,
                          std::optional<ErrorCode> quillError)
{
    std::string out = R"({"jsonrpc":"2.0","id":)";
    out += id;
    out += R"(,"error":{"code":)";
    out += std::to_string(static_cast<int>(code));
    out += R"(,"message":)";
    appendJsonString(out, message.toStdString());
    if (quillError) {
        out += R"(,"data":{"quillError":)";
        out += std::to_string(static_cast<int>(*quillError));
        out += '}';
    }
    out += "}}";
    return QByteArray::fromStdString(out);
}

QByteArray JsonRpc::error(std::string_view id, const Error &e)
{
    const auto code = rpcErrorCode(e.code);
    const bool withContext =
        code != RpcErrorCode::InternalError && code != RpcErrorCode::Unauthorized;
    return error(id, code, withContext ? describe(e) : errorCodeName(e.code), e.code);
}

bool JsonRpc::isValidJson(std::string_view text)
{
    if (detail::nestingDepth(text, kMaxDepth * 4) > kMaxDepth * 4)
        return false;
    return isOneJsonValue(text);
}

} // namespace quill::api
