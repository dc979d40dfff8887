#pragma once

#include "common/Result.h"
#include "crypto/OpenSslOperations.h"

namespace quill::crypto::openssl {

/// The table, or why it could not be loaded (only the lean quill-cli can fail here: its
/// module missing or unreadable). Thread-safe; loads at most once per process.
[[nodiscard]] Result<const Operations *> operations();

} // namespace quill::crypto::openssl
