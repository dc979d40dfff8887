#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace quill::api {

/// The JSON-RPC error codes Quill sends. Stable: apps match on them (core/api/README.md).
/// EIP-1193's provider codes where one fits (4001, 4100, 4200); JSON-RPC 2.0's reserved
/// codes for shape errors; Quill's own 4300–4304 for the rest. 4900 is deliberately not used:
/// EIP-1193 defines it as "disconnected", which client libraries treat as a lost connection.
/// -32601 is never sent: every method Quill does not offer gets 4200 (one rule).
enum class RpcErrorCode : int
{
    ParseError = -32700,      ///< not JSON, not UTF-8, duplicate keys, or nested too deep
    InvalidRequest = -32600,  ///< JSON, but not a JSON-RPC 2.0 request Quill accepts (batches too)
    InvalidParams = -32602,   ///< params of the wrong shape; the message names the field
    InternalError = -32603,   ///< Quill failed (keychain, storage); message is the code's name only
    UserRejected = 4001,      ///< the user said no (pairing, accounts, a request)
    Unauthorized = 4100,      ///< not paired, unknown app or wrong token, Origin not the paired one
    UnsupportedMethod = 4200, ///< no such method (or not available on this host)
    RequestExpired = 4300,    ///< the user did not decide in time
    RequestCancelled = 4301,  ///< the request was dropped (the app logged out, was unpaired)
    MessageTooLarge = 4302,   ///< over the message size cap; the connection is closed after it
    RateLimited = 4303,       ///< over the connection's message budget; try again later
    Busy = 4304,              ///< too many pending requests (per connection) or connections
};

/// The JSON-RPC code an app sees for a Quill error (table in core/api/README.md).
RpcErrorCode rpcErrorCode(ErrorCode code);

/// The `params` object of a request, with typed, field-naming accessors. Cheap to copy.
/// Every error is ErrorCode::InvalidParams with a context "<field>: <what is wrong>".
class JsonRpcParams
{
public:
    JsonRpcParams();

    bool present() const; ///< the request had a params member
    bool has(std::string_view name) const;

    /// Returns: ok, or InvalidParams naming the first member not in `allowed`.
    [[nodiscard]] Status allowOnly(std::initializer_list<std::string_view> allowed) const;

    /// A required string member of at most `maxBytes` UTF-8 bytes without control characters.
    [[nodiscard]] Result<std::string> string(std::string_view name, std::size_t maxBytes) const;
    /// As string(), but an absent member gives std::nullopt (null is still an error).
    [[nodiscard]] Result<std::optional<std::string>> optionalString(std::string_view name,
                                                                    std::size_t maxBytes) const;
    /// A required string member of at most `maxBytes` that may span lines: as string(), but
    /// CR and LF are allowed.
    [[nodiscard]] Result<std::string> lines(std::string_view name, std::size_t maxBytes) const;
    /// A required object member, as the exact bytes the app sent (key order, number spelling
    /// and escapes kept).
    [[nodiscard]] Result<std::string> objectText(std::string_view name) const;
    /// A required member of any JSON type, as the exact bytes the app sent.
    [[nodiscard]] Result<std::string> valueText(std::string_view name) const;

private:
    friend class JsonRpc;
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
};

/// One parsed request.
struct JsonRpcRequest
{
    std::string id;     ///< the id as JSON text: a string literal or an integer, echoed as is
    std::string method; ///< any string; ApiServer decides whether it exists
    JsonRpcParams params;
};

/// One parsed response (client side).
struct JsonRpcResponse
{
    std::string id; ///< JSON text of the id ("null" for errors about unreadable requests)
    bool isError = false;
    std::string resultJson; ///< the result's exact bytes as sent
    int code = 0;           ///< error code
    std::string message;    ///< error message
    std::string dataJson;   ///< error data as JSON text, empty if absent
};

/// JSON-RPC 2.0 (https://www.jsonrpc.org/specification), strictly: one message, no
/// batches, no notifications. Builders produce single-line UTF-8 JSON.
class JsonRpc
{
public:
    /// Deepest array/object nesting accepted in a message.
    static constexpr std::size_t kMaxDepth = 64;
    /// Longest string id accepted (bytes of its JSON text).
    static constexpr std::size_t kMaxIdBytes = 256;
    /// Longest method name accepted.
    static constexpr std::size_t kMaxMethodBytes = 128;

    /// Parses one request message: an object with exactly "jsonrpc": "2.0", "id" (a string or
    /// an integer; not null, not fractional, not a boolean), "method" (a string) and an
    /// optional "params" (an object). No other members.
    /// Returns: the request, or InvalidJson (→ -32700: not UTF-8 JSON, duplicate key, nested
    /// deeper than kMaxDepth), InvalidRpcRequest (→ -32600: batch array, wrong shape, naming
    /// the member), InvalidParams (→ -32602: params given by position).
    /// Out: `replyId` is the id to answer with — the request's id once it could be read,
    /// otherwise "null".
    [[nodiscard]] static Result<JsonRpcRequest> parseRequest(std::string_view text,
                                                             std::string &replyId);

    /// Parses a response (client side): "jsonrpc": "2.0", an "id" (string, integer or
    /// null) and exactly one of "result" or "error" {code: integer, message: string, data?}.
    /// Returns: the response, or InvalidJson / InvalidRpcRequest.
    [[nodiscard]] static Result<JsonRpcResponse> parseResponse(std::string_view text);

    /// {"jsonrpc":"2.0","id":<id>,"method":<method>[,"params":<paramsJson>]}. `paramsJson`
    /// is embedded verbatim (empty: no params). Misuse: `id` and `paramsJson` must be valid
    /// JSON; this is not checked.
    static QByteArray request(std::string_view id, std::string_view method,
                              std::string_view paramsJson);

    /// {"jsonrpc":"2.0","id":<id>,"result":<resultJson>} with `resultJson` embedded verbatim.
    /// Misuse: `resultJson` must be valid JSON (see isValidJson) without raw line breaks.
    static QByteArray result(std::string_view id, std::string_view resultJson);

    /// {"jsonrpc":"2.0","id":<id>,"error":{"code":…,"message":…[,"data":{"quillError":n}]}}.
    static QByteArray error(std::string_view id, RpcErrorCode code, const QString &message,
                            std::optional<ErrorCode> quillError = std::nullopt);

    /// The error response for a Quill error: code from rpcErrorCode(); message the code's
    /// name, plus ": context" unless the code maps to InternalError or Unauthorized (their
    /// context may describe Quill's internals or whether an app exists, so it is not sent).
    /// Secrets: contexts never hold secrets (Error's contract); nothing else is added.
    static QByteArray error(std::string_view id, const Error &error);

    /// True if `text` is exactly one JSON value (surrounding whitespace allowed).
    static bool isValidJson(std::string_view text);
};

} // namespace quill::api
