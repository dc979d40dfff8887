#include "crypto/Ed25519Key.h"

#include "crypto/Random.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace quill::crypto {

struct Ed25519Key::Pkey
{
    EVP_PKEY *key = nullptr;
    ~Pkey() { EVP_PKEY_free(key); }
};

Ed25519Key::Ed25519Key(SecureBytes seed, std::unique_ptr<Pkey> pkey, const Ed25519PublicKey &pub)
    : m_seed(std::move(seed)), m_pkey(std::move(pkey)), m_public(pub)
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
    auto pkey = std::make_unique<Pkey>();
    pkey->key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size());
    if (!pkey->key)
        return Error{ErrorCode::CryptoFailure, QStringLiteral("OpenSSL refused the Ed25519 seed")};
    Ed25519PublicKey pub{};
    size_t len = pub.size();
    if (EVP_PKEY_get_raw_public_key(pkey->key, pub.data(), &len) != 1 || len != pub.size())
        return Error{ErrorCode::CryptoFailure, QStringLiteral("Ed25519 public key derivation")};
    return Ed25519Key(seed.clone(), std::move(pkey), pub);
}

Ed25519Key Ed25519Key::generate()
{
    auto key = fromSeed(randomBytes(32));
    if (!key)
        std::abort(); // OpenSSL without Ed25519: nothing can work.
    return std::move(key).value();
}

Ed25519Signature Ed25519Key::sign(std::span<const std::uint8_t> message) const
{
    Ed25519Signature sig{};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = sig.size();
    const bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_pkey->key) == 1 &&
                    EVP_DigestSign(ctx, sig.data(), &len, message.data(), message.size()) == 1 &&
                    len == sig.size();
    EVP_MD_CTX_free(ctx);
    if (!ok)
        std::abort(); // only on allocation failure: a valid key always signs
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

bool Ed25519Key::verifyStrict(const Ed25519PublicKey &publicKey,
                              std::span<const std::uint8_t> message,
                              const Ed25519Signature &signature)
{
    if (isSmallOrder(std::span<const std::uint8_t, 32>(publicKey.data(), 32)) ||
        isSmallOrder(std::span<const std::uint8_t, 32>(signature.data(), 32)))
        return false;
    EVP_PKEY *key =
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size());
    if (!key)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
                    EVP_DigestVerify(ctx, signature.data(), signature.size(), message.data(),
                                     message.size()) == 1;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return ok;
}

} // namespace quill::crypto
