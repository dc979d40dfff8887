#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <cstdint>
#include <span>

namespace quill::crypto {

/// AES-128 in CTR mode (NIST SP 800-38A §6.5) with the whole 16-byte IV as the initial,
/// big-endian counter block — what Web3 Secret Storage's "aes-128-ctr" means. Encryption and
/// decryption are the same operation.
/// Returns: `data` XOR the key stream (same length), or CryptoFailure.
/// Secrets: `key` is only read; the output is a SecureBytes because it is a private key when
///          decrypting.
/// Misuse:  a key that is not 16 bytes asserts.
[[nodiscard]] Result<SecureBytes> aes128Ctr(const SecureBytes &key,
                                            std::span<const std::uint8_t, 16> iv,
                                            std::span<const std::uint8_t> data);

} // namespace quill::crypto
