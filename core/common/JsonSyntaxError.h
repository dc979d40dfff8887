#pragma once

#include <QString>

#include <cstddef>
#include <string_view>

namespace quill {

/// Where a JSON text stops being JSON, in words for the user (ErrorCode::InvalidJson says
/// the rest): "syntax error at line 3, column 7", or "it ends before the JSON does". The JSON
/// library's own message (nlohmann's "[json.exception.parse_error.101] …") names its internals and
/// is not shown. In:  `byte`, the parser's 1-based position of the offending byte (nlohmann's
///      parse_error::byte); 0 when unknown.
QString jsonSyntaxError(std::string_view text, std::size_t byte);

} // namespace quill
