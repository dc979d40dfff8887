#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>

namespace quill::crypto {

using Ed25519PublicKey = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

/// An Ed25519 (RFC 8032, pure) signing key held as its 32-byte seed. Signs with libsodium
/// (faster than OpenSSL here; the bytes are the same); verifyStrict decides as OpenSSL does.
/// Move-only; the seed and libsodium's expanded secret live in SecureBytes.
class Ed25519Key
{
public:
    /// Returns: the key for `seed` (32 bytes), or InvalidPrivateKey.
    [[nodiscard]] static Result<Ed25519Key> fromSeed(const SecureBytes &seed);
    /// A fresh key from the CSPRNG.
    static Ed25519Key generate();

    ~Ed25519Key();
    Ed25519Key(Ed25519Key &&) noexcept;
    Ed25519Key &operator=(Ed25519Key &&) noexcept;

    const Ed25519PublicKey &publicKey() const { return m_public; }
    const SecureBytes &seed() const { return m_seed; }

    /// Signs `message`. Deterministic (RFC 8032 §5.1.6). Thread-safe on a const key.
    Ed25519Signature sign(std::span<const std::uint8_t> message) const;

    /// Verifies like ed25519-dalek's `verify_strict` (what Lit nodes use): OpenSSL checks
    /// the RFC 8032 equation with S < L; on top, public keys and R points of small order
    /// are refused. Valid signatures take libsodium's faster path, which accepts exactly
    /// what verifyOpenSsl accepts for them; any other input is decided by verifyOpenSsl.
    static bool verifyStrict(const Ed25519PublicKey &publicKey,
                             std::span<const std::uint8_t> message,
                             const Ed25519Signature &signature);
    /// The reference decision: small-order refusals + OpenSSL alone (tests and benchmarks
    /// compare verifyStrict with it).
    static bool verifyOpenSsl(const Ed25519PublicKey &publicKey,
                              std::span<const std::uint8_t> message,
                              const Ed25519Signature &signature);

    /// Returns: true if the 32-byte encoding is one of the small-order points (any sign bit).
    static bool isSmallOrder(std::span<const std::uint8_t, 32> encoded);

private:
    Ed25519Key(SecureBytes seed, SecureBytes secret, const Ed25519PublicKey &pub);

    SecureBytes m_seed;
    SecureBytes m_secret; ///< libsodium's secret key: seed || public key
    Ed25519PublicKey m_public{};
};

} // namespace quill::crypto
