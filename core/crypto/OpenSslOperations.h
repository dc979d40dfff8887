#pragma once

// Plain C types only: the module quill-openssl.so is built from OpenSslOperations.cpp with this
// header and libcrypto, nothing else. Programs use crypto/OpenSsl.h.
#include <cstddef>
#include <cstdint>

namespace quill::crypto::openssl {

/// What Quill takes from OpenSSL's libcrypto on the paths the lean `quill-cli` may run: the
/// keystore's AES-128-CTR and PBKDF2-HMAC-SHA256, and the RFC 8032 Ed25519 verification that
/// decides what libsodium refuses (Ed25519Key::verifyStrict). Everything else on those paths is
/// libsodium, libsecp256k1 and Quill's own Keccak.
///
/// Why a table: loading libcrypto costs a process ~0.7 ms (its relocations and the pages they
/// touch), a third of a bare Qt program's whole start (issue 12). Linked programs (the app,
/// quill-cli-full, the tests) get the table from OpenSslOperations.cpp directly; the lean
/// `quill-cli` defines operations() itself (app/cli/OpenSslModule.cpp) and dlopen()s the same
/// code, built as the module `quill-openssl.so`, the first time a keystore or a refused
/// signature needs it. Plain C types only, so the module needs nothing but libcrypto.
struct Operations
{
    /// `out` = `in` XOR the AES-128-CTR key stream (`key` and `iv` 16 bytes, the IV the
    /// initial big-endian counter block). False on failure.
    bool (*aes128Ctr)(const std::uint8_t *key, const std::uint8_t *iv, const std::uint8_t *in,
                      std::size_t size, std::uint8_t *out);
    /// PBKDF2-HMAC-SHA256 (RFC 8018) into `out`. Sizes and iterations must fit an int.
    bool (*pbkdf2HmacSha256)(const std::uint8_t *password, std::size_t passwordSize,
                             const std::uint8_t *salt, std::size_t saltSize,
                             std::uint32_t iterations, std::uint8_t *out, std::size_t outSize);
    /// OpenSSL's RFC 8032 Ed25519 verification (S < L, [S]B = R + [h]A compared as encodings);
    /// `publicKey` 32 bytes, `signature` 64.
    bool (*ed25519Verify)(const std::uint8_t *publicKey, const std::uint8_t *message,
                          std::size_t messageSize, const std::uint8_t *signature);
};

/// Raised whenever Operations changes, so a module from another build is refused.
inline constexpr unsigned kOperationsVersion = 1;

} // namespace quill::crypto::openssl

/// The module's one export (and OpenSslOperations.cpp's, for linked programs): the table when
/// `version` is kOperationsVersion, else nullptr.
extern "C" const quill::crypto::openssl::Operations *quill_openssl_operations(unsigned version);
