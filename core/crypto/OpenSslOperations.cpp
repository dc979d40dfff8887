// The OpenSSL side of crypto/OpenSsl.h: compiled into quill_openssl (linked programs) and into
// the module quill-openssl.so (the lean quill-cli loads it on demand). libcrypto only.
#include "crypto/OpenSslOperations.h"

#include <openssl/evp.h>

#include <limits>
#include <memory>

namespace {

using quill::crypto::openssl::Operations;

bool fitsInt(std::size_t n)
{
    return n <= std::size_t(std::numeric_limits<int>::max());
}

bool aes128Ctr(const std::uint8_t *key, const std::uint8_t *iv, const std::uint8_t *in,
               std::size_t size, std::uint8_t *out)
{
    if (!fitsInt(size))
        return false;
    // EVP_CIPHER_CTX_free cleanses the expanded key schedule.
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    int len = 0;
    int tail = 0;
    return ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key, iv) == 1 &&
           EVP_EncryptUpdate(ctx.get(), out, &len, in, static_cast<int>(size)) == 1 &&
           EVP_EncryptFinal_ex(ctx.get(), out + len, &tail) == 1 &&
           std::size_t(len) + std::size_t(tail) == size;
}

bool pbkdf2HmacSha256(const std::uint8_t *password, std::size_t passwordSize,
                      const std::uint8_t *salt, std::size_t saltSize, std::uint32_t iterations,
                      std::uint8_t *out, std::size_t outSize)
{
    if (!fitsInt(passwordSize) || !fitsInt(saltSize) || !fitsInt(outSize) || !fitsInt(iterations) ||
        iterations == 0 || outSize == 0)
        return false;
    return PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(password),
                             static_cast<int>(passwordSize), salt, static_cast<int>(saltSize),
                             static_cast<int>(iterations), EVP_sha256(), static_cast<int>(outSize),
                             out) == 1;
}

bool ed25519Verify(const std::uint8_t *publicKey, const std::uint8_t *message,
                   std::size_t messageSize, const std::uint8_t *signature)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey, 32), &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return key && ctx &&
           EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), signature, 64, message, messageSize) == 1;
}

constexpr Operations kOperations{&aes128Ctr, &pbkdf2HmacSha256, &ed25519Verify};

} // namespace

extern "C" __attribute__((visibility("default"))) const Operations *
quill_openssl_operations(unsigned version)
{
    return version == quill::crypto::openssl::kOperationsVersion ? &kOperations : nullptr;
}
