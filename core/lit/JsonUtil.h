#pragma once

// Internal to core/lit: nlohmann::json helpers shared by the request parser and the
// verifier. Not installed; keep it out of public headers (it is expensive to compile).

#include "common/OrderedJson.h"
#include "common/Result.h"
#include "lit/AuthSig.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace quill::lit::detail {

using quill::detail::OrderedJson;
using quill::detail::parseOrdered;

/// Validates an AuthSig object (allowed keys only, string fields).
[[nodiscard]] Result<AuthSig> authSigFromJson(const OrderedJson &object);

/// JSON.stringify-compatible serialisation of a parsed value (strings escaped as
/// appendJsonString, key order kept). Numbers are written as nlohmann writes them.
std::string stringify(const OrderedJson &value);

} // namespace quill::lit::detail
