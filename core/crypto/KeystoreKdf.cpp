// The keystore's KDFs (Web3 Secret Storage: scrypt, or PBKDF2 with HMAC-SHA256), apart from
// the BIP-39/BIP-32 HMAC-SHA512 code in Kdf.cpp: the lean quill-cli decrypts keystores and
// must not link libcrypto (issue 12), so PBKDF2 goes through crypto/OpenSsl.h.
#include "crypto/Kdf.h"

#include "crypto/OpenSsl.h"
#include "crypto/Sodium.h"

#include <sodium.h>

#include <limits>

namespace quill::crypto {

Result<SecureBytes> pbkdf2HmacSha256(std::span<const std::uint8_t> password,
                                     std::span<const std::uint8_t> salt, std::uint32_t iterations,
                                     std::size_t length)
{
    constexpr auto kMax = std::size_t(std::numeric_limits<int>::max());
    if (iterations == 0 || iterations > kMax || length == 0 || length > kMax ||
        password.size() > kMax || salt.size() > kMax)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("PBKDF2 parameters out of range")};
    auto ops = openssl::operations();
    if (!ops)
        return ops.error();
    SecureBytes out(length);
    if (!(*ops)->pbkdf2HmacSha256(password.data(), password.size(), salt.data(), salt.size(),
                                  iterations, out.data(), length))
        return Error{ErrorCode::CryptoFailure, QStringLiteral("PBKDF2-HMAC-SHA256 failed")};
    return out;
}

Result<SecureBytes> scrypt(std::span<const std::uint8_t> password,
                           std::span<const std::uint8_t> salt, std::uint64_t n, std::uint32_t r,
                           std::uint32_t p, std::size_t length)
{
    if (n < 2 || (n & (n - 1)) != 0 || r == 0 || p == 0 ||
        std::uint64_t(r) * p >= (std::uint64_t(1) << 30) || length == 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("invalid scrypt parameters")};
    if (!sodiumReady())
        return Error{ErrorCode::CryptoFailure, QStringLiteral("libsodium failed to initialise")};
    // libsodium declares its pointers non-null even for empty inputs (RFC 7914's first vector).
    static const std::uint8_t kNothing = 0;
    const std::uint8_t *pw = password.empty() ? &kNothing : password.data();
    const std::uint8_t *sa = salt.empty() ? &kNothing : salt.data();
    SecureBytes out(length);
    if (crypto_pwhash_scryptsalsa208sha256_ll(pw, password.size(), sa, salt.size(), n, r, p,
                                              out.data(), length) != 0)
        return Error{ErrorCode::CryptoFailure, QStringLiteral("scrypt failed (out of memory?)")};
    return out;
}

} // namespace quill::crypto
