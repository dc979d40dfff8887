#pragma once

namespace quill::crypto {

/// Initialises libsodium once per process (sodium_init picks the CPU's code paths; thread-safe
/// and idempotent). Returns: false if it failed, in which case no libsodium function may be
/// used. Every user of libsodium in core/ asks here first.
[[nodiscard]] bool sodiumReady();

} // namespace quill::crypto
