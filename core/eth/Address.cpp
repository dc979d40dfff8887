#include "eth/Address.h"

#include "crypto/Encoding.h"
#include "crypto/Keccak256.h"

#include <algorithm>
#include <cstring>

namespace quill::eth {

Address Address::fromPublicKey(const crypto::UncompressedPublicKey &pub)
{
    const auto hash = crypto::keccak256(std::span<const std::uint8_t>(pub.data() + 1, 64));
    std::array<std::uint8_t, 20> bytes{};
    std::memcpy(bytes.data(), hash.data() + 12, 20);
    return Address(bytes);
}

std::string Address::toChecksummed() const
{
    const std::string lower = crypto::toHex(m_bytes);
    const auto hash = crypto::keccak256(crypto::asBytes(lower));
    std::string out = "0x";
    out.reserve(42);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const int nibble = (i % 2 == 0) ? (hash[i / 2] >> 4) : (hash[i / 2] & 0x0f);
        char c = lower[i];
        if (c >= 'a' && c <= 'f' && nibble >= 8)
            c = static_cast<char>(c - 'a' + 'A');
        out += c;
    }
    return out;
}

Result<Address> Address::parse(std::string_view text)
{
    if (text.size() != 42 || text[0] != '0' || text[1] != 'x')
        return Error{ErrorCode::InvalidAddress,
                     QStringLiteral("expected 0x followed by 40 hex digits")};
    auto bytes = crypto::fromHex(text.substr(2));
    if (!bytes)
        return Error{ErrorCode::InvalidAddress, bytes.error().context};
    std::array<std::uint8_t, 20> raw{};
    std::copy(bytes->begin(), bytes->end(), raw.begin());
    Address address(raw);
    const auto hex = text.substr(2);
    const bool hasLower = std::any_of(hex.begin(), hex.end(), [](char c) { return c >= 'a' && c <= 'f'; });
    const bool hasUpper = std::any_of(hex.begin(), hex.end(), [](char c) { return c >= 'A' && c <= 'F'; });
    if (hasLower && hasUpper && address.toChecksummed() != text)
        return Error{ErrorCode::AddressChecksumMismatch,
                     QStringLiteral("mixed-case address does not match its EIP-55 checksum")};
    return address;
}

bool Address::isChecksummed(std::string_view text)
{
    auto a = parse(text);
    return a && a->toChecksummed() == text;
}

} // namespace quill::eth
