#pragma once

// Internal to core: nlohmann::ordered_json parsing shared by eth (EIP-712) and lit. Not for
// public headers (it is expensive to compile).

#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace quill::detail {

using OrderedJson = nlohmann::ordered_json;

/// Parses JSON keeping key order; duplicate keys at any depth are an error.
/// Returns: the document, or InvalidJson with the parser's message.
[[nodiscard]] Result<OrderedJson> parseOrdered(std::string_view text);

} // namespace quill::detail
