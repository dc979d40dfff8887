#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace quill {

/// Milliseconds since the Unix epoch, UTC. Protocol times have millisecond precision
/// (JavaScript's Date); finer fractions are truncated when parsed.
using UnixMillis = std::int64_t;

constexpr UnixMillis kSecond = 1000;
constexpr UnixMillis kMinute = 60 * kSecond;
constexpr UnixMillis kHour = 60 * kMinute;
constexpr UnixMillis kDay = 24 * kHour;

/// Parses an RFC 3339 date-time (§5.6: full-date "T" full-time, offset Z or ±hh:mm,
/// optional fraction). Returns: the instant, or InvalidTime naming what is wrong.
[[nodiscard]] Result<UnixMillis> parseRfc3339(std::string_view text);

/// Formats like JavaScript's Date.prototype.toISOString: YYYY-MM-DDTHH:MM:SS.sssZ.
std::string formatIso(UnixMillis t);

/// The wall clock, in milliseconds.
UnixMillis nowMillis();

} // namespace quill
