#pragma once

#include "common/Result.h"
#include "crypto/Keccak256.h"
#include "crypto/SecureBytes.h"

#include <array>
#include <cstdint>

namespace quill::crypto {

/// 64-byte r||s followed by the recovery id (0 or 1).
using RecoverableSignature = std::array<std::uint8_t, 65>;
/// Uncompressed SEC1 public key: 0x04 || X || Y.
using UncompressedPublicKey = std::array<std::uint8_t, 65>;
/// Compressed SEC1 public key: 0x02/0x03 (parity of Y) || X. BIP-32's serP(P).
using CompressedPublicKey = std::array<std::uint8_t, 33>;

/// The one adapter over libsecp256k1. A process-wide context is created on first use and
/// randomised (side-channel blinding); it is read-only afterwards and safe across threads.
namespace secp256k1 {

/// Returns: true if `key` is 32 bytes, non-zero and below the curve order.
bool isValidPrivateKey(const SecureBytes &key);

/// Returns: the uncompressed public key, or InvalidPrivateKey.
[[nodiscard]] Result<UncompressedPublicKey> publicKey(const SecureBytes &key);

/// Returns: the compressed public key (BIP-32 serP), or InvalidPrivateKey.
[[nodiscard]] Result<CompressedPublicKey> publicKeyCompressed(const SecureBytes &key);

/// BIP-32 CKDpriv's parse256(IL) + k mod n.
/// Returns: the 32-byte sum, or InvalidPrivateKey if `key` is invalid, `tweak` is not 32 bytes,
///          tweak ≥ n, or the sum is zero (BIP-32: "the resulting key is invalid").
/// Secrets: `key` and `tweak` are only read; the sum is a new SecureBytes.
[[nodiscard]] Result<SecureBytes> tweakAddPrivateKey(const SecureBytes &key,
                                                     const SecureBytes &tweak);

/// Signs a 32-byte digest (RFC 6979 nonce, low-S).
/// Returns: r||s||recid, or InvalidPrivateKey.
/// Secrets: `key` is only read; libsecp256k1 keeps no copy.
[[nodiscard]] Result<RecoverableSignature> signRecoverable(const SecureBytes &key,
                                                           const Hash256 &digest);

/// Recovers the signer's public key. `recid` must be 0..3.
/// Returns: the key, or InvalidSignature (bad r/s, no point).
[[nodiscard]] Result<UncompressedPublicKey>
recover(const Hash256 &digest, const std::array<std::uint8_t, 64> &rs, int recid);

/// Returns: true if s ≤ n/2 (the canonical form libsecp256k1 and ethers produce).
bool isLowS(const std::array<std::uint8_t, 64> &rs);

} // namespace secp256k1
} // namespace quill::crypto
