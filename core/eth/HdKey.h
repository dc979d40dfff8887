#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quill::eth {

/// A BIP-32 extended private key on secp256k1: key, chain code and the position in the tree
/// (depth, parent fingerprint, child number) that its xprv serialisation records.
/// Move-only; the key is in SecureBytes and the chain code is wiped on destruction.
class HdKey
{
public:
    /// BIP-32 master key: I = HMAC-SHA512("Bitcoin seed", seed), key IL, chain code IR.
    /// Returns: the key, or InvalidArgument (seed not 16..64 bytes) or InvalidPrivateKey
    ///          (IL is zero or ≥ n; BIP-32: "the master key is invalid").
    [[nodiscard]] static Result<HdKey> fromSeed(const crypto::SecureBytes &seed);

    /// Derives along `path` with CKDpriv: "m/44'/60'/0'/0/0" from a master key, or a relative
    /// path such as "0/1'" from any key. ' or h marks a hardened index; indices are decimal
    /// below 2^31 without leading zeros; depth stays ≤ 255.
    /// Returns: the key, or InvalidDerivationPath naming the bad component, or CryptoFailure
    ///          when a derived key is invalid (probability < 2^-127; BIP-32 says to use the
    ///          next index instead).
    [[nodiscard]] Result<HdKey> derive(std::string_view path) const;

    /// "m/44'/60'/0'/0/<index>": BIP-44 Ethereum account 0, external chain — the path
    /// MetaMask, ethers and Ledger Live give the index-th account.
    static std::string ethereumPath(std::uint32_t index);

    const crypto::SecureBytes &privateKey() const { return m_key; }
    const std::array<std::uint8_t, 32> &chainCode() const { return m_chainCode; }
    int depth() const { return m_depth; }

    /// BIP-32 serialisation: Base58Check of version 0x0488ADE4 (mainnet "xprv"), depth,
    /// parent fingerprint, child number, chain code, 0x00 || key. For test vectors only: the
    /// string is a secret and std::string cannot be wiped reliably.
    std::string toXprv() const;

    ~HdKey();
    HdKey(HdKey &&other) noexcept;
    HdKey &operator=(HdKey &&other) noexcept;
    HdKey(const HdKey &) = delete;
    HdKey &operator=(const HdKey &) = delete;

private:
    HdKey() = default;
    [[nodiscard]] Result<HdKey> child(std::uint32_t index) const;
    HdKey clone() const;

    crypto::SecureBytes m_key;
    std::array<std::uint8_t, 32> m_chainCode{};
    int m_depth = 0;
    std::uint32_t m_parentFingerprint = 0;
    std::uint32_t m_childNumber = 0;
};

} // namespace quill::eth
