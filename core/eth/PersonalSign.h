#pragma once

#include "common/Result.h"
#include "crypto/Keccak256.h"
#include "crypto/SecureBytes.h"
#include "eth/Address.h"

#include <string>
#include <string_view>

namespace quill::eth {

/// EIP-191 version 0x45 digest: keccak256("\x19Ethereum Signed Message:\n" + len + message),
/// len the decimal byte length of the UTF-8 message.
crypto::Hash256 personalMessageDigest(std::string_view message);

/// Signs `message` as personal_sign (RFC 6979, low-S).
/// Returns: "0x" + r||s||v as 130 lowercase hex digits (v = 27 or 28), or InvalidPrivateKey.
/// Secrets: `key` is only read.
[[nodiscard]] Result<std::string> personalSign(const crypto::SecureBytes &key,
                                               std::string_view message);

/// How strict recoverPersonal is about the signature's encoding.
enum class SignatureRules {
    /// What ethers/Lit SDK produce: lowercase "0x" hex, v ∈ {27, 28}, low-S.
    Canonical,
    /// What a Lit node accepts: optional 0x, any hex case, v ∈ {0, 1, 27, 28}, any S.
    Node,
};

/// Recovers the signer of a personal_sign signature.
/// Returns: the address, or InvalidSignature naming the defect.
[[nodiscard]] Result<Address> recoverPersonal(std::string_view message, std::string_view sigHex,
                                              SignatureRules rules = SignatureRules::Canonical);

} // namespace quill::eth
