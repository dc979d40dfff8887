#include "crypto/Random.h"

#include <openssl/rand.h>

#include <cstdlib>
#include <limits>

namespace quill::crypto {

SecureBytes randomBytes(std::size_t size)
{
    SecureBytes out(size);
    // Without randomness no key can be made safely; there is nothing sensible to return.
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        (size && RAND_bytes(out.data(), static_cast<int>(size)) != 1))
        std::abort();
    return out;
}

} // namespace quill::crypto
