#pragma once

// Internal to core/lit: nlohmann::json helpers shared by the request parser and the
// verifier. Not installed; keep it out of public headers (it is expensive to compile).

#include "common/Result.h"
#include "lit/AuthSig.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace quill::lit::detail {

using OrderedJson = nlohmann::ordered_json;

/// Parses JSON keeping key order; duplicate keys at any depth are an error.
/// Returns: the document, or InvalidJson with the parser's message.
[[nodiscard]] Result<OrderedJson> parseOrdered(std::string_view text);

/// Validates an AuthSig object (allowed keys only, string fields).
[[nodiscard]] Result<AuthSig> authSigFromJson(const OrderedJson &object);

/// JSON.stringify-compatible serialisation of a parsed value (strings escaped as
/// appendJsonString, key order kept). Numbers are written as nlohmann writes them.
std::string stringify(const OrderedJson &value);

} // namespace quill::lit::detail
