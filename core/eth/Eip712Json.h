#pragma once

// Internal to core: the EIP-712 encoder on an already parsed nlohmann::ordered_json value.
// Keep it out of public headers (nlohmann is expensive to compile).

#include "eth/Eip712.h"

#include <nlohmann/json.hpp>

namespace quill::eth::eip712::detail {

/// As eip712::hashStruct, on a parsed value. `path` prefixes error contexts ("message").
[[nodiscard]] Result<crypto::Hash256> hashStruct(const Types &types, std::string_view type,
                                                 const nlohmann::ordered_json &value,
                                                 const std::string &path);

/// Reads a `types` object ({name: [{name, type}, …]}); members with other keys are refused.
/// Returns: the map, or TypedDataType naming the first defect.
[[nodiscard]] Result<Types> typesFromJson(const nlohmann::ordered_json &types);

} // namespace quill::eth::eip712::detail
