#pragma once

// Internal to core/api: byte-exact views into JSON text that has already been parsed and
// found valid. Used to hand an app's `request` object on exactly as it was sent, and to give
// a client the server's `result` bytes unchanged (JSON parsers lose key order and number
// spelling; the signed payloads must not).

#include <cstddef>
#include <optional>
#include <string_view>

namespace quill::api::detail {

/// The deepest nesting of arrays/objects in `text` (brackets inside strings do not count).
/// Stops counting and returns limit + 1 as soon as the depth exceeds `limit`.
/// Works on any bytes; for invalid JSON the answer is only an upper-bound estimate.
std::size_t nestingDepth(std::string_view text, std::size_t limit);

/// The exact text of the value of top-level member `key` in `object` (the JSON text of one
/// object, surrounding whitespace allowed). Keys are compared after unescaping, so
/// "\u0072equest" finds "request". Returns: the value's bytes (a view into `object`), or
/// std::nullopt if there is no such member.
/// Misuse: `object` must be valid JSON whose top level is an object (parse it first).
std::optional<std::string_view> memberText(std::string_view object, std::string_view key);

} // namespace quill::api::detail
