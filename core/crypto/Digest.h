#pragma once

#include "crypto/Keccak256.h"

#include <array>
#include <cstdint>
#include <span>

namespace quill::crypto {

using Hash160 = std::array<std::uint8_t, 20>;

/// SHA-256 (FIPS 180-4) through OpenSSL. Used for the BIP-39 checksum and Base58Check.
Hash256 sha256(std::span<const std::uint8_t> data);

/// RIPEMD-160(SHA-256(data)): Bitcoin's HASH160, which BIP-32 key fingerprints use.
Hash160 hash160(std::span<const std::uint8_t> data);

} // namespace quill::crypto
