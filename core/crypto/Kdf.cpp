// The SHA-512 block function of OpenSSL's low-level API is deprecated in 3.0 but is the only
// way to reuse the hashed HMAC pads across PBKDF2 iterations without a context copy per call
// (see pbkdf2HmacSha512). Nothing else in Quill uses the deprecated API. The keystore's KDFs
// (scrypt, PBKDF2-HMAC-SHA256) are in KeystoreKdf.cpp, so the lean quill-cli does not link this.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "crypto/Kdf.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <tuple>

namespace quill::crypto {

namespace {

/// Wipes the objects it is given when the scope ends, on every path.
template <typename... T> class Wipe
{
public:
    explicit Wipe(T &...objects) : m_objects(objects...) {}
    ~Wipe()
    {
        std::apply([](auto &...o) { (OPENSSL_cleanse(&o, sizeof(o)), ...); }, m_objects);
    }
    Wipe(const Wipe &) = delete;
    Wipe &operator=(const Wipe &) = delete;

private:
    std::tuple<T &...> m_objects;
};

void storeBigEndian(const SHA512_CTX &ctx, std::uint8_t *out)
{
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 8; ++b)
            out[i * 8 + b] = static_cast<std::uint8_t>(ctx.h[i] >> (56 - 8 * b));
}

} // namespace

SecureBytes hmacSha512(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data)
{
    SecureBytes out(64);
    unsigned int len = 0;
    // Fails only on allocation failure; there is nothing sensible to return then.
    if (!HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), data.data(), data.size(),
              out.data(), &len) ||
        len != 64)
        std::abort();
    return out;
}

SecureBytes pbkdf2HmacSha512(std::span<const std::uint8_t> password,
                             std::span<const std::uint8_t> salt, std::uint32_t iterations,
                             std::size_t length)
{
    assert(iterations > 0 && length > 0);
    constexpr std::size_t kBlock = 128; // SHA-512 block size
    constexpr std::size_t kOut = 64;    // SHA-512 output size

    // K' (RFC 2104 §2): keys longer than a block are hashed first.
    std::array<std::uint8_t, kBlock> k{};
    if (password.size() > kBlock)
        SHA512(password.data(), password.size(), k.data());
    else if (!password.empty())
        std::memcpy(k.data(), password.data(), password.size());
    std::array<std::uint8_t, kBlock> pad{};
    SHA512_CTX inner, outer, work;
    std::array<std::uint8_t, kBlock> block{}; // U_j || SHA-512 padding for a 192-byte message
    std::array<std::uint8_t, kOut> u{}, t{};
    Wipe wipe(k, pad, inner, outer, work, block, u, t);

    for (std::size_t i = 0; i < kBlock; ++i)
        pad[i] = k[i] ^ 0x36;
    SHA512_Init(&inner);
    SHA512_Update(&inner, pad.data(), kBlock);
    for (std::size_t i = 0; i < kBlock; ++i)
        pad[i] = k[i] ^ 0x5c;
    SHA512_Init(&outer);
    SHA512_Update(&outer, pad.data(), kBlock);

    // Every U_j (j ≥ 2) hashes the 64-byte U_{j-1} after a one-block pad: one block holding
    // U, the 0x80 terminator and the 128-bit length (128 + 64) · 8 = 1536 bits.
    block[kOut] = 0x80;
    block[kBlock - 2] = 0x06;
    block[kBlock - 1] = 0x00;

    SecureBytes out(length);
    std::uint32_t index = 1;
    for (std::size_t done = 0; done < length; ++index) {
        const std::uint8_t be[4] = {
            static_cast<std::uint8_t>(index >> 24), static_cast<std::uint8_t>(index >> 16),
            static_cast<std::uint8_t>(index >> 8), static_cast<std::uint8_t>(index)};
        // U_1 = PRF(P, S || INT(i))
        work = inner;
        SHA512_Update(&work, salt.data(), salt.size());
        SHA512_Update(&work, be, sizeof be);
        SHA512_Final(u.data(), &work);
        work = outer;
        SHA512_Update(&work, u.data(), kOut);
        SHA512_Final(u.data(), &work);
        t = u;
        for (std::uint32_t j = 1; j < iterations; ++j) {
            std::memcpy(block.data(), u.data(), kOut);
            work = inner;
            SHA512_Transform(&work, block.data());
            storeBigEndian(work, block.data());
            work = outer;
            SHA512_Transform(&work, block.data());
            storeBigEndian(work, u.data());
            for (std::size_t b = 0; b < kOut; ++b)
                t[b] ^= u[b];
        }
        const std::size_t take = std::min(kOut, length - done);
        std::memcpy(out.data() + done, t.data(), take);
        done += take;
    }
    return out;
}

} // namespace quill::crypto
