#include "crypto/Encoding.h"

namespace quill::crypto {

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

namespace {

std::string_view stripPrefix(std::string_view hex, bool allowPrefix)
{
    if (allowPrefix && hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
        hex.remove_prefix(2);
    return hex;
}

template <typename Out>
Status decodeHexInto(std::string_view hex, Out &out)
{
    if (hex.size() % 2 != 0)
        return Error{ErrorCode::InvalidHex, QStringLiteral("odd number of hex digits")};
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hexDigitValue(hex[i]);
        const int lo = hexDigitValue(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return Error{ErrorCode::InvalidHex,
                         QStringLiteral("bad hex digit at offset %1").arg(hi < 0 ? i : i + 1)};
        out[i / 2] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return okStatus();
}

constexpr char kB64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int b64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

std::string toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(bytes.size() * 2, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        out[2 * i] = kDigits[bytes[i] >> 4];
        out[2 * i + 1] = kDigits[bytes[i] & 0x0f];
    }
    return out;
}

Result<Bytes> fromHex(std::string_view hex, bool allowPrefix)
{
    hex = stripPrefix(hex, allowPrefix);
    Bytes out(hex.size() / 2);
    if (auto st = decodeHexInto(hex, out); !st)
        return st.error();
    return out;
}

Result<SecureBytes> secretFromHex(std::string_view hex, bool allowPrefix)
{
    hex = stripPrefix(hex, allowPrefix);
    SecureBytes out(hex.size() / 2);
    auto *p = out.data();
    if (auto st = decodeHexInto(hex, p); !st)
        return st.error();
    return out;
}

bool isLowerHex(std::string_view s, std::size_t chars)
{
    if (s.empty() || (chars != 0 && s.size() != chars) || s.size() % 2 != 0)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

std::string toBase64Url(std::span<const std::uint8_t> bytes)
{
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t(bytes[i]) << 16) |
                                (std::uint32_t(bytes[i + 1]) << 8) | bytes[i + 2];
        out += kB64Url[(v >> 18) & 63];
        out += kB64Url[(v >> 12) & 63];
        out += kB64Url[(v >> 6) & 63];
        out += kB64Url[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16;
        out += kB64Url[(v >> 18) & 63];
        out += kB64Url[(v >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t v = (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8);
        out += kB64Url[(v >> 18) & 63];
        out += kB64Url[(v >> 12) & 63];
        out += kB64Url[(v >> 6) & 63];
    }
    return out;
}

Result<Bytes> fromBase64Url(std::string_view text)
{
    if (text.size() % 4 == 1)
        return Error{ErrorCode::InvalidBase64, QStringLiteral("impossible length")};
    Bytes out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=')
            return Error{ErrorCode::InvalidBase64, QStringLiteral("padding is not allowed")};
        const int v = b64Value(c);
        if (v < 0)
            return Error{ErrorCode::InvalidBase64,
                         QStringLiteral("character outside the base64url alphabet at offset %1")
                             .arg(i)};
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return Error{ErrorCode::InvalidBase64, QStringLiteral("non-zero trailing bits")};
    return out;
}

} // namespace quill::crypto
