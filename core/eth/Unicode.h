#pragma once

#include "crypto/SecureBytes.h"

#include <string_view>

namespace quill::eth::detail {

/// Unicode NFKD of UTF-8 text, as BIP-39 requires for the mnemonic and the passphrase.
/// ASCII input is returned as is without going through Qt; other input goes through
/// QString::normalized and the QString/QByteArray copies Quill owns are wiped (Qt's internal
/// scratch buffers during normalisation are beyond reach). Invalid UTF-8 becomes U+FFFD, as
/// QString::fromUtf8 does.
/// Secrets: `text` is only read; the result is the caller's.
crypto::SecureBytes nfkd(std::string_view text);

/// Unicode NFKC, likewise: what ethers 5 and 6 apply to string keystore passwords.
crypto::SecureBytes nfkc(std::string_view text);

/// True if every byte is < 0x80.
bool isAscii(std::string_view text);

} // namespace quill::eth::detail
