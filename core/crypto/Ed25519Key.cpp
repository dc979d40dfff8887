#include "crypto/Ed25519Key.h"

#include "crypto/OpenSsl.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <sodium.h>

#include <cstdlib>

namespace quill::crypto {

Ed25519Key::Ed25519Key(SecureBytes seed, SecureBytes secret, const Ed25519PublicKey &pub)
    : m_seed(std::move(seed)), m_secret(std::move(secret)), m_public(pub)
{
}

Ed25519Key::~Ed25519Key() = default;
Ed25519Key::Ed25519Key(Ed25519Key &&) noexcept = default;
Ed25519Key &Ed25519Key::operator=(Ed25519Key &&) noexcept = default;

Result<Ed25519Key> Ed25519Key::fromSeed(const SecureBytes &seed)
{
    if (seed.size() != 32)
        return Error{ErrorCode::InvalidPrivateKey,
                     QStringLiteral("an Ed25519 seed is 32 bytes, got %1").arg(seed.size())};
    if (!sodiumReady())
        return Error{ErrorCode::CryptoFailure, QStringLiteral("libsodium failed to initialise")};
    // libsodium signs (issue 12: ~1.6x OpenSSL's EVP_DigestSign on the same payloads); RFC 8032
    // signatures are deterministic, so the bytes are the same. Its secret key is seed || public.
    SecureBytes secret(crypto_sign_ed25519_SECRETKEYBYTES);
    Ed25519PublicKey pub{};
    if (crypto_sign_ed25519_seed_keypair(pub.data(), secret.data(), seed.data()) != 0)
        return Error{ErrorCode::CryptoFailure, QStringLiteral("Ed25519 key derivation")};
    return Ed25519Key(seed.clone(), std::move(secret), pub);
}

Ed25519Key Ed25519Key::generate()
{
    auto key = fromSeed(randomBytes(32));
    if (!key)
        std::abort(); // no Ed25519: nothing can work.
    return std::move(key).value();
}

Ed25519Signature Ed25519Key::sign(std::span<const std::uint8_t> message) const
{
    Ed25519Signature sig{};
    unsigned long long len = 0;
    if (crypto_sign_ed25519_detached(sig.data(), &len, message.data(), message.size(),
                                     m_secret.data()) != 0 ||
        len != sig.size())
        std::abort(); // cannot happen with a valid key
    return sig;
}

bool Ed25519Key::isSmallOrder(std::span<const std::uint8_t, 32> e)
{
    // Encodings of the points of order 1, 2, 4 and 8, including the non-canonical
    // y = p and y = p + 1; the sign bit (top bit of byte 31) is ignored.
    static constexpr std::uint8_t kSmallOrder[][32] = {
        {0x00},
        {0x01},
        {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
         0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
        {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
         0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
        {0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
         0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
        {0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
         0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
        {0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
         0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
    };
    for (const auto &s : kSmallOrder) {
        std::uint8_t diff = static_cast<std::uint8_t>((e[31] & 0x7f) ^ s[31]);
        for (int i = 0; i < 31; ++i)
            diff |= static_cast<std::uint8_t>(e[i] ^ s[i]);
        if (diff == 0)
            return true;
    }
    return false;
}

namespace {

/// True if the 32 bytes encode y < p = 2^255 - 19 (the sign bit ignored).
bool isCanonicalY(std::span<const std::uint8_t, 32> e)
{
    // p is ed ff .. ff 7f little-endian: y >= p only if bytes 1..30 are ff, byte 31 (sign
    // bit cleared) is 7f and byte 0 is >= ed.
    if ((e[31] & 0x7f) != 0x7f)
        return true;
    for (int i = 30; i > 0; --i)
        if (e[i] != 0xff)
            return true;
    return e[0] < 0xed;
}

/// True if either point is of small order: refused before any equation is checked.
bool hasSmallOrderPoint(const Ed25519PublicKey &publicKey, const Ed25519Signature &signature)
{
    return Ed25519Key::isSmallOrder(std::span<const std::uint8_t, 32>(publicKey.data(), 32)) ||
           Ed25519Key::isSmallOrder(std::span<const std::uint8_t, 32>(signature.data(), 32));
}

/// OpenSSL's RFC 8032 verification (S < L, [S]B = R + [h]A compared as encodings). Where
/// OpenSSL cannot be loaded (a lean quill-cli installed without its module) the signature is
/// refused: nothing is accepted that OpenSSL was not asked about.
bool openSslVerifies(const Ed25519PublicKey &publicKey, std::span<const std::uint8_t> message,
                     const Ed25519Signature &signature)
{
    const auto ops = openssl::operations();
    return ops && (*ops)->ed25519Verify(publicKey.data(), message.data(), message.size(),
                                        signature.data());
}

} // namespace

bool Ed25519Key::verifyStrict(const Ed25519PublicKey &publicKey,
                              std::span<const std::uint8_t> message,
                              const Ed25519Signature &signature)
{
    if (hasSmallOrderPoint(publicKey, signature))
        return false;
    // Fast path (issue 12): libsodium accepts a subset of what OpenSSL accepts here. Both
    // require S < L, decode the same canonical A, hash R || A || M alike and compare the
    // encoding of [S]B - [h]A with R byte for byte; libsodium's extra refusals (small-order
    // A or R, non-canonical A) are refused above or kept off this path. So its "valid" is
    // OpenSSL's "valid", and everything else is decided by OpenSSL alone, as before.
    if (isCanonicalY(std::span<const std::uint8_t, 32>(publicKey.data(), 32)) && sodiumReady() &&
        crypto_sign_ed25519_verify_detached(signature.data(), message.data(), message.size(),
                                            publicKey.data()) == 0)
        return true;
    return openSslVerifies(publicKey, message, signature);
}

bool Ed25519Key::verifyOpenSsl(const Ed25519PublicKey &publicKey,
                               std::span<const std::uint8_t> message,
                               const Ed25519Signature &signature)
{
    return !hasSmallOrderPoint(publicKey, signature) &&
           openSslVerifies(publicKey, message, signature);
}

} // namespace quill::crypto
