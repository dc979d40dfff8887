#pragma once

#include "crypto/SecureBytes.h"

namespace quill::crypto {

/// `size` bytes from OpenSSL's CSPRNG. Misuse: a failing RNG is unrecoverable and aborts.
SecureBytes randomBytes(std::size_t size);

} // namespace quill::crypto
