#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace quill {

/// Code points that make text read differently from what it is, in a prompt or a signed
/// message: C0 and C1 controls and DEL; line and paragraph separators (U+2028, U+2029, which
/// render as line breaks); zero-width characters (U+200B–U+200D, U+2060) and the BOM
/// (U+FEFF); bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069). The one list for app names, descriptions and URLs
/// (JsonRpcParams) and Lit resource ids (SessionRequest); issue 14.
bool isUnsafeCodePoint(char32_t codePoint);

/// Returns: the first unsafe code point (isUnsafeCodePoint) in `utf8`, if any.
/// Misuse: `utf8` must be valid UTF-8 (callers' JSON parsers check it); invalid sequences are
/// skipped byte by byte, never read past the end.
std::optional<char32_t> findUnsafeCodePoint(std::string_view utf8);

/// "U+202E": how error messages name a code point.
QString codePointName(char32_t codePoint);

} // namespace quill
