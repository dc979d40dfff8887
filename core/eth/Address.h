#pragma once

#include "common/Result.h"
#include "crypto/Secp256k1.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quill::eth {

/// A 20-byte Ethereum account address. Always printed EIP-55 checksummed.
class Address
{
public:
    Address() = default;
    explicit Address(const std::array<std::uint8_t, 20> &bytes) : m_bytes(bytes) {}

    /// keccak256(X || Y)[12..32] of an uncompressed public key.
    static Address fromPublicKey(const crypto::UncompressedPublicKey &pub);

    /// Parses "0x" + 40 hex digits. All-lowercase and all-uppercase input is accepted;
    /// mixed case must carry a correct EIP-55 checksum.
    /// Returns: the address, InvalidAddress (shape) or AddressChecksumMismatch.
    [[nodiscard]] static Result<Address> parse(std::string_view text);

    /// Returns: true only for a mixed-case string that is exactly this address's EIP-55 form.
    static bool isChecksummed(std::string_view text);

    /// EIP-55 mixed-case form with "0x".
    std::string toChecksummed() const;

    const std::array<std::uint8_t, 20> &bytes() const { return m_bytes; }
    bool operator==(const Address &) const = default;

private:
    std::array<std::uint8_t, 20> m_bytes{};
};

} // namespace quill::eth
