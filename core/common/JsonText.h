#pragma once

#include <string>
#include <string_view>

namespace quill {

/// Appends `value` as a JSON string literal exactly as JavaScript's JSON.stringify writes
/// it (ECMA-262 QuoteJSONString): `"` and `\` escaped, \b \f \n \r \t, other control
/// characters as \u00xx (lowercase hex); everything else, including "/", U+007F,
/// U+2028/2029 and all non-ASCII UTF-8, is copied unchanged. The input is UTF-8.
void appendJsonString(std::string &out, std::string_view value);

/// The JSON string literal of `value` (see appendJsonString).
std::string jsonString(std::string_view value);

/// True if `text` is exactly one JSON value (RFC 8259; surrounding whitespace allowed).
/// Linear in the text (~0.4 ms for a 30-node SessionSigs map): run it where the text is
/// made, off the GUI thread for large answers.
bool isOneJsonValue(std::string_view text);

} // namespace quill
