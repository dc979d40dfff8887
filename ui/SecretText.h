#pragma once

#include "crypto/SecureBytes.h"

#include <QString>

#include <string_view>

namespace quill::ui {

/// Copies a secret that Qt handed over as a QString (a password field, seed words) into
/// SecureBytes as UTF-8 at once and wipes the QString's and the UTF-8 buffers (STYLE.md,
/// Secrets 4). The caller still clears the widget the text came from.
/// Returns: the UTF-8 bytes, trimmed of surrounding whitespace when `trim`.
crypto::SecureBytes takeSecret(QString text, bool trim = true);

/// The bytes of `b` as text, for APIs that read a string_view (no copy).
inline std::string_view textView(const crypto::SecureBytes &b)
{
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

} // namespace quill::ui
