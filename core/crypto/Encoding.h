#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quill::crypto {

using Bytes = std::vector<std::uint8_t>;

/// Lowercase hex, no prefix.
std::string toHex(std::span<const std::uint8_t> bytes);

/// Parses hex (either case). With `allowPrefix`, a leading "0x"/"0X" is skipped.
/// Returns: the bytes, or InvalidHex (odd length, bad digit).
[[nodiscard]] Result<Bytes> fromHex(std::string_view hex, bool allowPrefix = false);

/// As fromHex, into a SecureBytes (for private keys and seeds); the input text is not wiped.
[[nodiscard]] Result<SecureBytes> secretFromHex(std::string_view hex, bool allowPrefix = false);

/// The value of one hex digit (either case), or -1.
int hexDigitValue(char c);

/// True if `s` is non-empty lowercase hex of exactly `chars` characters (0 = any even length).
bool isLowerHex(std::string_view s, std::size_t chars = 0);

/// RFC 4648 §5 base64url without padding.
std::string toBase64Url(std::span<const std::uint8_t> bytes);

/// Strict unpadded base64url: rejects '=', characters outside the URL alphabet, an
/// impossible length (n mod 4 == 1) and non-zero trailing bits (non-canonical encodings).
[[nodiscard]] Result<Bytes> fromBase64Url(std::string_view text);

inline std::span<const std::uint8_t> asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

} // namespace quill::crypto
