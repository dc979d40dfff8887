#include "crypto/Aes128Ctr.h"

#include "crypto/OpenSsl.h"

#include <cassert>
#include <limits>

namespace quill::crypto {

Result<SecureBytes> aes128Ctr(const SecureBytes &key, std::span<const std::uint8_t, 16> iv,
                              std::span<const std::uint8_t> data)
{
    assert(key.size() == 16);
    if (key.size() != 16 || data.size() > std::size_t(std::numeric_limits<int>::max()))
        return Error{ErrorCode::CryptoFailure,
                     QStringLiteral("AES-128-CTR: bad key or input size")};
    auto ops = openssl::operations();
    if (!ops)
        return ops.error();
    SecureBytes out(data.size());
    if (!(*ops)->aes128Ctr(key.data(), iv.data(), data.data(), data.size(), out.data()))
        return Error{ErrorCode::CryptoFailure, QStringLiteral("AES-128-CTR failed")};
    return out;
}

} // namespace quill::crypto
