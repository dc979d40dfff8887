#include "crypto/Aes128Ctr.h"

#include <openssl/evp.h>

#include <cassert>
#include <limits>
#include <memory>

namespace quill::crypto {

Result<SecureBytes> aes128Ctr(const SecureBytes &key, std::span<const std::uint8_t, 16> iv,
                              std::span<const std::uint8_t> data)
{
    assert(key.size() == 16);
    if (key.size() != 16 || data.size() > std::size_t(std::numeric_limits<int>::max()))
        return Error{ErrorCode::CryptoFailure,
                     QStringLiteral("AES-128-CTR: bad key or input size")};
    // EVP_CIPHER_CTX_free cleanses the expanded key schedule.
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    SecureBytes out(data.size());
    int len = 0;
    int tail = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key.data(), iv.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data(), &len, data.data(),
                          static_cast<int>(data.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + len, &tail) != 1 ||
        std::size_t(len + tail) != data.size())
        return Error{ErrorCode::CryptoFailure, QStringLiteral("AES-128-CTR failed")};
    return out;
}

} // namespace quill::crypto
