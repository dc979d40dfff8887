#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace quill::crypto {

/// HMAC-SHA512 (RFC 2104 over FIPS 180-4 SHA-512): BIP-32's master key and CKDpriv.
/// Returns: the 64-byte MAC.
/// Secrets: `key` and `data` are only read; the MAC is a SecureBytes (it is key material).
SecureBytes hmacSha512(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA512: BIP-39's mnemonic → seed.
/// The HMAC pads are hashed once and every iteration is two SHA-512 compressions, which makes
/// BIP-39's 2048 iterations about 1.6× faster than OpenSSL's generic PKCS5_PBKDF2_HMAC.
/// Returns: `length` bytes.
/// Secrets: `password` is only read; every intermediate state is wiped.
/// Misuse:  iterations == 0 or length == 0 asserts.
SecureBytes pbkdf2HmacSha512(std::span<const std::uint8_t> password,
                             std::span<const std::uint8_t> salt, std::uint32_t iterations,
                             std::size_t length);

/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256, through OpenSSL (Web3 Secret Storage "pbkdf2").
/// Returns: `length` bytes, or CryptoFailure.
[[nodiscard]] Result<SecureBytes> pbkdf2HmacSha256(std::span<const std::uint8_t> password,
                                                   std::span<const std::uint8_t> salt,
                                                   std::uint32_t iterations, std::size_t length);

/// scrypt (RFC 7914) through libsodium's crypto_pwhash_scryptsalsa208sha256_ll, which takes
/// any valid parameters. OpenSSL 3.0's EVP_PBE_scrypt refuses N ≥ 2^(16·r) (the Web3 Secret
/// Storage spec's own vector, N = 2^18, r = 1) and was slower here: 1.10 s against 0.82 s
/// for N = 2^18, r = 8, p = 1 on the project's machine.
/// Allocates about 128·r·(n + p) bytes: the caller bounds the parameters.
/// Returns: `length` bytes, or InvalidArgument (n not a power of two ≥ 2, r or p zero,
///          r·p ≥ 2^30), or CryptoFailure (out of memory).
/// Secrets: `password` is only read; libsodium wipes its work area.
[[nodiscard]] Result<SecureBytes> scrypt(std::span<const std::uint8_t> password,
                                         std::span<const std::uint8_t> salt, std::uint64_t n,
                                         std::uint32_t r, std::uint32_t p, std::size_t length);

} // namespace quill::crypto
