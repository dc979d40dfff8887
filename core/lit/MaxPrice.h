#pragma once

#include "common/Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quill::lit {

/// A Naga (lit-v8) per-node price cap in wei: an unsigned integer below 2^256 (the node
/// reads it into a U256). Issue #8, spec §8.1.
class MaxPrice
{
public:
    /// Parses an app-supplied price: decimal digits ("250000000000000000") or "0x"/"0X" and
    /// hex digits of either case ("0x3782DACE9D90000", leading zeros allowed).
    /// Returns: the value, or LitMaxPrice saying what is wrong (empty, negative, fractional or
    /// exponent notation, not a number, more than 2^256 − 1). The caller adds the field name.
    [[nodiscard]] static Result<MaxPrice> parse(std::string_view text);

    /// The form the v8 SDK signs: "0x" + lowercase hex without leading zeros ("0x0" for zero),
    /// i.e. JavaScript's `"0x" + bigint.toString(16)`.
    std::string toSdkHex() const;
    /// Decimal wei, no leading zeros.
    std::string toDecimal() const;
    /// Whole tokens (18 decimals), trailing zeros dropped: "0.25", "3", "0.000000000000000001".
    std::string toTokens() const;

    bool operator==(const MaxPrice &) const = default;

private:
    std::array<std::uint32_t, 8> m_limbs{}; ///< little-endian 32-bit limbs
};

} // namespace quill::lit
