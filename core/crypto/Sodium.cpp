#include "crypto/Sodium.h"

#include <sodium.h>

namespace quill::crypto {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace quill::crypto
