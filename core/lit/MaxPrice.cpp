#include "lit/MaxPrice.h"

#include "crypto/Encoding.h"

namespace quill::lit {

namespace {

Error priceError(const char *what)
{
    return Error{ErrorCode::LitMaxPrice, QString::fromLatin1(what)};
}

/// limbs = limbs * factor + add; returns false on overflow past 2^256 − 1.
bool mulAdd(std::array<std::uint32_t, 8> &limbs, std::uint32_t factor, std::uint32_t add)
{
    std::uint64_t carry = add;
    for (auto &limb : limbs) {
        const std::uint64_t v = std::uint64_t(limb) * factor + carry;
        limb = std::uint32_t(v);
        carry = v >> 32;
    }
    return carry == 0;
}

} // namespace

Result<MaxPrice> MaxPrice::parse(std::string_view text)
{
    if (text.empty())
        return priceError("is empty; give whole wei as decimal or 0x hex");
    if (text.front() == '-')
        return priceError("is negative; a price cap is a whole number of wei >= 0");
    MaxPrice out;
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        const auto digits = text.substr(2);
        if (digits.empty())
            return priceError("is empty after 0x");
        for (char c : digits) {
            const int v = crypto::hexDigitValue(c);
            if (v < 0)
                return priceError("is not hex after 0x");
            if (!mulAdd(out.m_limbs, 16, std::uint32_t(v)))
                return priceError("is larger than 2^256 - 1 wei");
        }
        return out;
    }
    for (char c : text) {
        if (c == '.' || c == 'e' || c == 'E')
            return priceError("is fractional or in exponent notation; give whole wei");
        if (c < '0' || c > '9')
            return priceError("must be decimal digits or 0x hex (whole wei)");
        if (!mulAdd(out.m_limbs, 10, std::uint32_t(c - '0')))
            return priceError("is larger than 2^256 - 1 wei");
    }
    return out;
}

std::string MaxPrice::toSdkHex() const
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (auto it = m_limbs.rbegin(); it != m_limbs.rend(); ++it)
        for (int shift = 28; shift >= 0; shift -= 4) {
            const auto nibble = (*it >> shift) & 0xf;
            if (nibble != 0 || !hex.empty())
                hex += kDigits[nibble];
        }
    return "0x" + (hex.empty() ? std::string("0") : hex);
}

std::string MaxPrice::toDecimal() const
{
    auto limbs = m_limbs;
    std::string reversed;
    bool zero = false;
    while (!zero) {
        // limbs /= 10^9, remainder → nine decimal digits
        std::uint64_t rem = 0;
        zero = true;
        for (auto it = limbs.rbegin(); it != limbs.rend(); ++it) {
            const std::uint64_t cur = (rem << 32) | *it;
            *it = std::uint32_t(cur / 1000000000u);
            rem = cur % 1000000000u;
            zero = zero && *it == 0;
        }
        for (int i = 0; i < 9; ++i) {
            reversed += char('0' + rem % 10);
            rem /= 10;
        }
    }
    while (reversed.size() > 1 && reversed.back() == '0')
        reversed.pop_back();
    return {reversed.rbegin(), reversed.rend()};
}

std::string MaxPrice::toTokens() const
{
    constexpr std::size_t kDecimals = 18;
    std::string digits = toDecimal();
    if (digits.size() <= kDecimals)
        digits.insert(0, kDecimals + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - kDecimals);
    std::string fraction = digits.substr(digits.size() - kDecimals);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    return fraction.empty() ? whole : whole + "." + fraction;
}

} // namespace quill::lit
