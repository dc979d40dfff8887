#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace quill::crypto {

using Hash256 = std::array<std::uint8_t, 32>;

/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (0x01 … 0x80),
/// not FIPS 202 SHA3-256 (0x06). Debian 12's OpenSSL 3.0 has no KECCAK-256 digest and
/// libsecp256k1 has none, so this one small file implements Keccak-f[1600] (FIPS 202 §3)
/// with rate 1088 bits. Pinned by published vectors in tests/unit/crypto.
Hash256 keccak256(std::span<const std::uint8_t> data);

} // namespace quill::crypto
