#include "eth/HdKey.h"

#include "crypto/Digest.h"
#include "crypto/Kdf.h"
#include "crypto/Secp256k1.h"

#include <sodium/utils.h>

#include <cstring>
#include <vector>

namespace quill::eth {

namespace {

constexpr std::uint32_t kHardened = 0x80000000u;
constexpr int kMaxDepth = 255;

void putBigEndian(std::uint8_t *out, std::uint32_t v)
{
    out[0] = std::uint8_t(v >> 24);
    out[1] = std::uint8_t(v >> 16);
    out[2] = std::uint8_t(v >> 8);
    out[3] = std::uint8_t(v);
}

/// Base58 (Bitcoin alphabet) of `payload` || first 4 bytes of SHA-256(SHA-256(payload)).
std::string base58Check(std::span<const std::uint8_t> payload)
{
    static constexpr char kAlphabet[] =
        "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    crypto::SecureBytes data(payload.size() + 4);
    std::memcpy(data.data(), payload.data(), payload.size());
    crypto::Hash256 check = crypto::sha256(payload);
    check = crypto::sha256(check);
    std::memcpy(data.data() + payload.size(), check.data(), 4);
    sodium_memzero(check.data(), check.size());

    // Repeated division of the big-endian number by 58; digits come out least significant
    // first. log(256)/log(58) < 1.37, so 138 % of the byte count bounds the digit count.
    crypto::SecureBytes digits(data.size() * 138 / 100 + 1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        unsigned carry = data.data()[i];
        for (std::size_t d = 0; d < used; ++d) {
            carry += unsigned(digits.data()[d]) << 8;
            digits.data()[d] = std::uint8_t(carry % 58);
            carry /= 58;
        }
        while (carry) {
            digits.data()[used++] = std::uint8_t(carry % 58);
            carry /= 58;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < data.size() && data.data()[i] == 0; ++i)
        out += '1';
    for (std::size_t d = used; d-- > 0;)
        out += kAlphabet[digits.data()[d]];
    return out;
}

/// Parses one path component: decimal without leading zeros, below 2^31, then ' or h.
bool parseComponent(std::string_view text, std::uint32_t &index)
{
    bool hardened = false;
    if (!text.empty() && (text.back() == '\'' || text.back() == 'h' || text.back() == 'H')) {
        hardened = true;
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 10 || (text.size() > 1 && text[0] == '0'))
        return false;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + std::uint64_t(c - '0');
    }
    if (value >= kHardened)
        return false;
    index = std::uint32_t(value) | (hardened ? kHardened : 0);
    return true;
}

} // namespace

HdKey::~HdKey()
{
    sodium_memzero(m_chainCode.data(), m_chainCode.size());
}

HdKey::HdKey(HdKey &&other) noexcept
    : m_key(std::move(other.m_key)), m_chainCode(other.m_chainCode), m_depth(other.m_depth),
      m_parentFingerprint(other.m_parentFingerprint), m_childNumber(other.m_childNumber)
{
    sodium_memzero(other.m_chainCode.data(), other.m_chainCode.size());
}

HdKey &HdKey::operator=(HdKey &&other) noexcept
{
    if (this != &other) {
        m_key = std::move(other.m_key);
        m_chainCode = other.m_chainCode;
        sodium_memzero(other.m_chainCode.data(), other.m_chainCode.size());
        m_depth = other.m_depth;
        m_parentFingerprint = other.m_parentFingerprint;
        m_childNumber = other.m_childNumber;
    }
    return *this;
}

HdKey HdKey::clone() const
{
    HdKey k;
    k.m_key = m_key.clone();
    k.m_chainCode = m_chainCode;
    k.m_depth = m_depth;
    k.m_parentFingerprint = m_parentFingerprint;
    k.m_childNumber = m_childNumber;
    return k;
}

Result<HdKey> HdKey::fromSeed(const crypto::SecureBytes &seed)
{
    if (seed.size() < 16 || seed.size() > 64)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("BIP-32 seed must be 16 to 64 bytes")};
    static constexpr std::string_view kKey = "Bitcoin seed";
    const crypto::SecureBytes i = crypto::hmacSha512(
        std::span(reinterpret_cast<const std::uint8_t *>(kKey.data()), kKey.size()), seed.span());
    HdKey k;
    k.m_key = crypto::SecureBytes(i.span().first(32));
    if (!crypto::secp256k1::isValidPrivateKey(k.m_key))
        return Error{ErrorCode::InvalidPrivateKey,
                     QStringLiteral("this seed gives an invalid BIP-32 master key")};
    std::memcpy(k.m_chainCode.data(), i.data() + 32, 32);
    return k;
}

Result<HdKey> HdKey::child(std::uint32_t index) const
{
    // Fingerprint = first 4 bytes of HASH160(serP(parent public key)); the public key is also
    // the HMAC input of a normal (non-hardened) child.
    const auto pub = crypto::secp256k1::publicKeyCompressed(m_key);
    if (!pub)
        return Error{ErrorCode::CryptoFailure, pub.error().context};
    const crypto::Hash160 id = crypto::hash160(*pub);

    crypto::SecureBytes data(37);
    if (index & kHardened) {
        data.data()[0] = 0x00; // 0x00 || ser256(k) || ser32(i)
        std::memcpy(data.data() + 1, m_key.data(), 32);
    } else {
        std::memcpy(data.data(), pub->data(), 33); // serP(point(k)) || ser32(i)
    }
    putBigEndian(data.data() + 33, index);
    const crypto::SecureBytes i = crypto::hmacSha512(m_chainCode, data.span());
    const crypto::SecureBytes il(i.span().first(32));
    auto key = crypto::secp256k1::tweakAddPrivateKey(m_key, il);
    if (!key)
        return Error{ErrorCode::CryptoFailure,
                     QStringLiteral("BIP-32: child %1 is invalid; use the next index").arg(index)};
    HdKey k;
    k.m_key = std::move(key).value();
    std::memcpy(k.m_chainCode.data(), i.data() + 32, 32);
    k.m_depth = m_depth + 1;
    k.m_parentFingerprint = std::uint32_t(id[0]) << 24 | std::uint32_t(id[1]) << 16 |
                            std::uint32_t(id[2]) << 8 | std::uint32_t(id[3]);
    k.m_childNumber = index;
    return k;
}

Result<HdKey> HdKey::derive(std::string_view path) const
{
    const auto bad = [&](const QString &why) {
        return Error{ErrorCode::InvalidDerivationPath,
                     QStringLiteral("\"%1\": %2")
                         .arg(QString::fromUtf8(path.data(), qsizetype(path.size())), why)};
    };
    if (path.empty())
        return bad(QStringLiteral("empty path"));
    std::vector<std::uint32_t> indices;
    std::string_view rest = path;
    if (rest.front() == 'm') {
        if (m_depth != 0)
            return bad(QStringLiteral("starts at m but this key is not a master key"));
        rest.remove_prefix(1);
        if (!rest.empty()) {
            if (rest.front() != '/')
                return bad(QStringLiteral("expected / after m"));
            rest.remove_prefix(1);
            if (rest.empty())
                return bad(QStringLiteral("trailing /"));
        }
    }
    std::size_t position = 0;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const auto component = rest.substr(0, slash);
        ++position;
        std::uint32_t index = 0;
        if (!parseComponent(component, index))
            return bad(
                QStringLiteral("component %1 is not an index below 2^31 with optional ' or h")
                    .arg(position));
        indices.push_back(index);
        if (slash == std::string_view::npos)
            break;
        rest.remove_prefix(slash + 1);
        if (rest.empty())
            return bad(QStringLiteral("trailing /"));
    }
    if (m_depth + int(indices.size()) > kMaxDepth)
        return bad(QStringLiteral("deeper than 255 levels"));

    HdKey key = clone();
    for (const std::uint32_t index : indices) {
        auto next = key.child(index);
        if (!next)
            return next.error();
        key = std::move(next).value();
    }
    return key;
}

std::string HdKey::ethereumPath(std::uint32_t index)
{
    return "m/44'/60'/0'/0/" + std::to_string(index);
}

std::string HdKey::toXprv() const
{
    crypto::SecureBytes raw(78);
    std::uint8_t *p = raw.data();
    putBigEndian(p, 0x0488ADE4u);
    p[4] = std::uint8_t(m_depth);
    putBigEndian(p + 5, m_parentFingerprint);
    putBigEndian(p + 9, m_childNumber);
    std::memcpy(p + 13, m_chainCode.data(), 32);
    p[45] = 0x00;
    std::memcpy(p + 46, m_key.data(), 32);
    return base58Check(raw.span());
}

} // namespace quill::eth
