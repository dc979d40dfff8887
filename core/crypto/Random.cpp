#include "crypto/Random.h"

#include "crypto/Sodium.h"

#include <sodium.h>

#include <cstdlib>

namespace quill::crypto {

SecureBytes randomBytes(std::size_t size)
{
    // libsodium reads the kernel's CSPRNG (getrandom) directly. OpenSSL's RAND_bytes would
    // first set up its DRBG and provider tables: ~1 ms of every quill-cli start (issue 12).
    // Without randomness no key can be made safely; there is nothing sensible to return.
    if (!sodiumReady())
        std::abort();
    SecureBytes out(size);
    if (size)
        randombytes_buf(out.data(), size);
    return out;
}

} // namespace quill::crypto
