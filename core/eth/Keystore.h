#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "eth/Address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quill::eth {

/// scrypt cost (RFC 7914). The default is geth's "standard" cost: 256 MiB, about 0.8 s here.
struct ScryptParams
{
    std::uint64_t n = 1u << 18;
    std::uint32_t r = 8;
    std::uint32_t p = 1;
};

/// Web3 Secret Storage v3 keystore files, as geth, MetaMask and ethers write them.
///
/// Limits: a file's KDF cost is bounded before any work is done, so that a hostile file
/// cannot make Quill allocate gigabytes or spin for minutes — scrypt: n a power of two in
/// [2, 2^20], r and p in [1, 16], 128·n·r ≤ 1 GiB, n·r·p ≤ 2^24 (8× geth's standard cost);
/// pbkdf2: 1 ≤ c ≤ 2^22. dklen must be 32, the salt 1..1024 bytes. Files beyond these limits
/// are KeystoreUnsupported.
namespace keystore {

/// What a file says about itself, read without running its KDF.
struct Info
{
    std::string kdf;                    ///< "scrypt" or "pbkdf2"
    ScryptParams scrypt;                ///< when kdf == "scrypt"
    std::uint32_t pbkdf2Iterations = 0; ///< when kdf == "pbkdf2"
    std::optional<Address> address;     ///< the file's "address" field, when present
};

/// Parses and checks the file's shape and limits only (no KDF, no password).
/// Returns: the info, or the errors of decrypt() that do not need the password.
[[nodiscard]] Result<Info> inspect(std::string_view json);

/// Decrypts a v3 keystore: kdf scrypt, or pbkdf2 with prf hmac-sha256; cipher aes-128-ctr;
/// the crypto object may be spelt "crypto" or "Crypto"; unknown extra fields (e.g. ethers'
/// "x-ethers") are ignored. The MAC keccak256(dk[16..32] || ciphertext) is compared in
/// constant time BEFORE decrypting. If it does not match and the password is not ASCII, the
/// password's NFKC form is tried too (ethers NFKC-normalises string passwords, geth does not).
/// Runs the file's KDF: up to seconds — call it off the GUI thread.
/// Returns: the 32-byte private key, or
///   KeystoreFormat      bad JSON or shape, missing field, odd/truncated/bad hex, wrong
///                       lengths, version ≠ 3, n not a power of two, dklen ≠ 32;
///   KeystoreUnsupported unknown kdf, cipher or prf (named), or cost beyond the limits above;
///   KeystoreWrongPassword the MAC does not match;
///   KeystoreCorrupt     the MAC matches but the key is not a valid secp256k1 key, or its
///                       address differs from the file's "address" field.
/// Secrets: `password` is only read; the derived key and every temporary are wiped.
[[nodiscard]] Result<crypto::SecureBytes> decrypt(std::string_view json,
                                                  const crypto::SecureBytes &password);

/// Writes a v3 keystore: scrypt with `params`, random 32-byte salt, aes-128-ctr with a random
/// IV, a random UUID v4 "id", "address" as lowercase hex without 0x. geth, ethers 5 and 6
/// read it. The password bytes are used as given (ethers would NFKC-normalise a string
/// password first; for ASCII passwords there is no difference).
/// Returns: the JSON text (one line), or InvalidPrivateKey, or InvalidArgument (params
///          outside the limits above), or CryptoFailure.
/// Secrets: reads `privateKey` and `password`; the output holds only the encrypted key.
[[nodiscard]] Result<std::string> encrypt(const crypto::SecureBytes &privateKey,
                                          const crypto::SecureBytes &password,
                                          const ScryptParams &params = {});

} // namespace keystore
} // namespace quill::eth
