#include "crypto/Digest.h"

#include <openssl/evp.h>
#include <sodium/utils.h>

#include <cstdlib>

namespace quill::crypto {

namespace {

// OpenSSL digests only fail on allocation failure or a missing provider algorithm; neither
// is recoverable here (RIPEMD-160 is in the default provider since OpenSSL 3.0.7).
void digest(const EVP_MD *md, std::span<const std::uint8_t> data, std::uint8_t *out)
{
    unsigned int len = 0;
    if (!md || EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1)
        std::abort();
}

} // namespace

Hash256 sha256(std::span<const std::uint8_t> data)
{
    Hash256 out;
    digest(EVP_sha256(), data, out.data());
    return out;
}

Hash160 hash160(std::span<const std::uint8_t> data)
{
    Hash256 inner = sha256(data);
    Hash160 out;
    digest(EVP_ripemd160(), inner, out.data());
    sodium_memzero(inner.data(), inner.size());
    return out;
}

} // namespace quill::crypto
