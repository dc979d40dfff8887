#include "eth/Keystore.h"

#include "crypto/Aes128Ctr.h"
#include "crypto/Encoding.h"
#include "crypto/Kdf.h"
#include "crypto/Keccak256.h"
#include "crypto/Random.h"
#include "crypto/Secp256k1.h"
#include "eth/Unicode.h"

#include <nlohmann/json.hpp>
#include <sodium/utils.h>

#include <array>
#include <cstring>

namespace quill::eth::keystore {

namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFileSize = 256 * 1024;
constexpr std::uint64_t kMaxScryptN = std::uint64_t(1) << 20;
constexpr std::uint32_t kMaxScryptRp = 16;
constexpr std::uint64_t kMaxScryptMemory = std::uint64_t(1) << 30; // 128·n·r bytes
constexpr std::uint64_t kMaxScryptWork = std::uint64_t(1) << 24;   // n·r·p
constexpr std::uint64_t kMaxPbkdf2Iterations = std::uint64_t(1) << 22;
constexpr std::size_t kMaxSalt = 1024;
constexpr std::size_t kKeySize = 32;

enum class Kdf
{
    Scrypt,
    Pbkdf2
};

struct Parsed
{
    Kdf kdf = Kdf::Scrypt;
    ScryptParams scrypt;
    std::uint32_t iterations = 0;
    crypto::Bytes salt;
    std::array<std::uint8_t, 16> iv{};
    crypto::Bytes ciphertext;
    crypto::Hash256 mac{};
    std::optional<Address> address;
};

Error format(const QString &what)
{
    return Error{ErrorCode::KeystoreFormat, what};
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// The member `key` of `object`, or nullptr.
const Json *member(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

Result<std::string> stringField(const Json &object, const char *key, const QString &where)
{
    const Json *v = member(object, key);
    if (!v)
        return format(where + QStringLiteral(": missing"));
    if (!v->is_string())
        return format(where + QStringLiteral(": must be a string"));
    return v->get<std::string>();
}

Result<std::uint64_t> unsignedField(const Json &object, const char *key, const QString &where)
{
    const Json *v = member(object, key);
    if (!v)
        return format(where + QStringLiteral(": missing"));
    if (v->is_number_unsigned())
        return v->get<std::uint64_t>();
    if (v->is_number_integer()) // negative
        return format(where + QStringLiteral(": must not be negative"));
    return format(where + QStringLiteral(": must be an integer"));
}

/// Hex (optional 0x) of exactly `size` bytes, or of 1..`size` bytes when `upTo`.
Result<crypto::Bytes> hexField(const Json &object, const char *key, const QString &where,
                               std::size_t size, bool upTo = false)
{
    auto text = stringField(object, key, where);
    if (!text)
        return text.error();
    auto bytes = crypto::fromHex(*text, true);
    if (!bytes)
        return format(where + QStringLiteral(": ") + bytes.error().context);
    if (upTo ? (bytes->empty() || bytes->size() > size) : bytes->size() != size)
        return format(where + (upTo ? QStringLiteral(": must be 1 to %1 bytes, is %2")
                                    : QStringLiteral(": must be %1 bytes, is %2"))
                                  .arg(size)
                                  .arg(bytes->size()));
    return bytes;
}

Status checkScrypt(const ScryptParams &s, ErrorCode beyondLimits)
{
    if (s.n < 2 || (s.n & (s.n - 1)) != 0 || s.r == 0 || s.p == 0)
        return Error{ErrorCode::KeystoreFormat,
                     QStringLiteral("scrypt: n must be a power of two ≥ 2, r and p ≥ 1")};
    if (s.n > kMaxScryptN || s.r > kMaxScryptRp || s.p > kMaxScryptRp ||
        128 * s.n * s.r > kMaxScryptMemory || s.n * s.r * s.p > kMaxScryptWork)
        return Error{beyondLimits,
                     QStringLiteral("scrypt n=%1 r=%2 p=%3 is beyond Quill's limits (n ≤ 2^20, "
                                    "r, p ≤ 16, 128·n·r ≤ 1 GiB, n·r·p ≤ 2^24)")
                         .arg(s.n)
                         .arg(s.r)
                         .arg(s.p)};
    return okStatus();
}

Result<Parsed> parse(std::string_view text)
{
    if (text.size() > kMaxFileSize)
        return format(QStringLiteral("file larger than 256 KiB"));
    const Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        return format(QStringLiteral("not valid JSON"));
    if (!doc.is_object())
        return format(QStringLiteral("not a JSON object"));

    const Json *version = member(doc, "version");
    if (!version)
        return format(QStringLiteral("version: missing"));
    if (!version->is_number_unsigned() || version->get<std::uint64_t>() != 3)
        return format(QStringLiteral("version: must be the number 3"));

    // geth writes "crypto", ethers 6 "Crypto"; both read either.
    const Json *cryptoLower = member(doc, "crypto");
    const Json *cryptoUpper = member(doc, "Crypto");
    if (cryptoLower && cryptoUpper)
        return format(QStringLiteral("both crypto and Crypto present"));
    const Json *c = cryptoLower ? cryptoLower : cryptoUpper;
    if (!c)
        return format(QStringLiteral("crypto: missing"));
    if (!c->is_object())
        return format(QStringLiteral("crypto: must be an object"));

    Parsed out;
    auto cipher = stringField(*c, "cipher", QStringLiteral("crypto.cipher"));
    if (!cipher)
        return cipher.error();
    if (*cipher != "aes-128-ctr")
        return Error{ErrorCode::KeystoreUnsupported,
                     QStringLiteral("cipher \"%1\" (Quill reads aes-128-ctr)").arg(q(*cipher))};
    auto kdfName = stringField(*c, "kdf", QStringLiteral("crypto.kdf"));
    if (!kdfName)
        return kdfName.error();
    if (*kdfName == "scrypt")
        out.kdf = Kdf::Scrypt;
    else if (*kdfName == "pbkdf2")
        out.kdf = Kdf::Pbkdf2;
    else
        return Error{ErrorCode::KeystoreUnsupported,
                     QStringLiteral("kdf \"%1\" (Quill reads scrypt and pbkdf2)").arg(q(*kdfName))};

    const Json *cipherParams = member(*c, "cipherparams");
    if (!cipherParams || !cipherParams->is_object())
        return format(QStringLiteral("crypto.cipherparams: missing or not an object"));
    auto iv = hexField(*cipherParams, "iv", QStringLiteral("crypto.cipherparams.iv"), 16);
    if (!iv)
        return iv.error();
    std::memcpy(out.iv.data(), iv->data(), 16);
    auto ciphertext = hexField(*c, "ciphertext", QStringLiteral("crypto.ciphertext"), kKeySize);
    if (!ciphertext)
        return ciphertext.error();
    out.ciphertext = std::move(*ciphertext);
    auto mac = hexField(*c, "mac", QStringLiteral("crypto.mac"), 32);
    if (!mac)
        return mac.error();
    std::memcpy(out.mac.data(), mac->data(), 32);

    const Json *kp = member(*c, "kdfparams");
    if (!kp || !kp->is_object())
        return format(QStringLiteral("crypto.kdfparams: missing or not an object"));
    auto dklen = unsignedField(*kp, "dklen", QStringLiteral("crypto.kdfparams.dklen"));
    if (!dklen)
        return dklen.error();
    if (*dklen != kKeySize)
        return format(QStringLiteral("crypto.kdfparams.dklen: must be 32"));
    auto salt = hexField(*kp, "salt", QStringLiteral("crypto.kdfparams.salt"), kMaxSalt, true);
    if (!salt)
        return salt.error();
    out.salt = std::move(*salt);
    if (out.kdf == Kdf::Scrypt) {
        auto n = unsignedField(*kp, "n", QStringLiteral("crypto.kdfparams.n"));
        auto r = unsignedField(*kp, "r", QStringLiteral("crypto.kdfparams.r"));
        auto p = unsignedField(*kp, "p", QStringLiteral("crypto.kdfparams.p"));
        for (const auto *v : {&n, &r, &p})
            if (!*v)
                return v->error();
        // Clamp before narrowing: anything this large is beyond the limits anyway.
        const auto clamp32 = [](std::uint64_t v) {
            return std::uint32_t(std::min<std::uint64_t>(v, 0xffffffffu));
        };
        out.scrypt = ScryptParams{std::min<std::uint64_t>(*n, std::uint64_t(1) << 62), clamp32(*r),
                                  clamp32(*p)};
        if (auto ok = checkScrypt(out.scrypt, ErrorCode::KeystoreUnsupported); !ok)
            return ok.error();
    } else {
        auto prf = stringField(*kp, "prf", QStringLiteral("crypto.kdfparams.prf"));
        if (!prf)
            return prf.error();
        if (*prf != "hmac-sha256")
            return Error{
                ErrorCode::KeystoreUnsupported,
                QStringLiteral("pbkdf2 prf \"%1\" (Quill reads hmac-sha256)").arg(q(*prf))};
        auto iterations = unsignedField(*kp, "c", QStringLiteral("crypto.kdfparams.c"));
        if (!iterations)
            return iterations.error();
        if (*iterations == 0)
            return format(QStringLiteral("crypto.kdfparams.c: must be ≥ 1"));
        if (*iterations > kMaxPbkdf2Iterations)
            return Error{
                ErrorCode::KeystoreUnsupported,
                QStringLiteral("pbkdf2 c=%1 is beyond Quill's limit (2^22)").arg(*iterations)};
        out.iterations = std::uint32_t(*iterations);
    }

    if (const Json *address = member(doc, "address")) {
        if (!address->is_string())
            return format(QStringLiteral("address: must be a string"));
        auto bytes = crypto::fromHex(address->get<std::string>(), true);
        if (!bytes || bytes->size() != 20)
            return format(QStringLiteral("address: must be 40 hex digits"));
        std::array<std::uint8_t, 20> raw{};
        std::memcpy(raw.data(), bytes->data(), 20);
        out.address = Address(raw);
    }
    return out;
}

/// The 32-byte derived key for `password`.
Result<crypto::SecureBytes> deriveKey(const Parsed &file, std::span<const std::uint8_t> password)
{
    if (file.kdf == Kdf::Scrypt)
        return crypto::scrypt(password, file.salt, file.scrypt.n, file.scrypt.r, file.scrypt.p,
                              kKeySize);
    return crypto::pbkdf2HmacSha256(password, file.salt, file.iterations, kKeySize);
}

/// keccak256(dk[16..32] || ciphertext) — Web3 Secret Storage's MAC.
crypto::Hash256 macOf(const crypto::SecureBytes &dk, std::span<const std::uint8_t> ciphertext)
{
    crypto::SecureBytes input(16 + ciphertext.size());
    std::memcpy(input.data(), dk.data() + 16, 16);
    std::memcpy(input.data() + 16, ciphertext.data(), ciphertext.size());
    return crypto::keccak256(input.span());
}

} // namespace

Result<Info> inspect(std::string_view json)
{
    auto file = parse(json);
    if (!file)
        return file.error();
    Info info;
    info.kdf = file->kdf == Kdf::Scrypt ? "scrypt" : "pbkdf2";
    if (file->kdf == Kdf::Scrypt)
        info.scrypt = file->scrypt;
    else
        info.pbkdf2Iterations = file->iterations;
    info.address = file->address;
    return info;
}

Result<crypto::SecureBytes> decrypt(std::string_view json, const crypto::SecureBytes &password)
{
    auto file = parse(json);
    if (!file)
        return file.error();

    auto dk = deriveKey(*file, password.span());
    if (!dk)
        return dk.error();
    crypto::Hash256 mac = macOf(*dk, file->ciphertext);
    bool match = sodium_memcmp(mac.data(), file->mac.data(), mac.size()) == 0;
    if (!match) {
        const std::string_view text(reinterpret_cast<const char *>(password.data()),
                                    password.size());
        if (!detail::isAscii(text)) {
            const crypto::SecureBytes normal = detail::nfkc(text);
            if (!normal.equals(password.span())) {
                dk = deriveKey(*file, normal.span());
                if (!dk)
                    return dk.error();
                mac = macOf(*dk, file->ciphertext);
                match = sodium_memcmp(mac.data(), file->mac.data(), mac.size()) == 0;
            }
        }
    }
    sodium_memzero(mac.data(), mac.size());
    if (!match)
        return Error{ErrorCode::KeystoreWrongPassword,
                     QStringLiteral("the MAC does not match: wrong password (or a damaged file)")};

    const crypto::SecureBytes aesKey(dk->span().first(16));
    auto key = crypto::aes128Ctr(aesKey, file->iv, file->ciphertext);
    if (!key)
        return key.error();
    const auto pub = crypto::secp256k1::publicKey(*key);
    if (!pub)
        return Error{ErrorCode::KeystoreCorrupt,
                     QStringLiteral("the MAC matches but the key is not a valid secp256k1 key")};
    if (file->address && Address::fromPublicKey(*pub) != *file->address)
        return Error{ErrorCode::KeystoreCorrupt,
                     QStringLiteral("the key's address is %1, the file says %2")
                         .arg(q(Address::fromPublicKey(*pub).toChecksummed()),
                              q(file->address->toChecksummed()))};
    return key;
}

Result<std::string> encrypt(const crypto::SecureBytes &privateKey,
                            const crypto::SecureBytes &password, const ScryptParams &params)
{
    const auto pub = crypto::secp256k1::publicKey(privateKey);
    if (!pub)
        return pub.error();
    if (auto ok = checkScrypt(params, ErrorCode::InvalidArgument); !ok)
        return Error{ErrorCode::InvalidArgument, ok.error().context};

    const crypto::SecureBytes salt = crypto::randomBytes(32);
    const crypto::SecureBytes ivBytes = crypto::randomBytes(16);
    auto dk = crypto::scrypt(password.span(), salt.span(), params.n, params.r, params.p, kKeySize);
    if (!dk)
        return dk.error();
    const crypto::SecureBytes aesKey(dk->span().first(16));
    auto ciphertext = crypto::aes128Ctr(
        aesKey, std::span<const std::uint8_t, 16>(ivBytes.data(), 16), privateKey.span());
    if (!ciphertext)
        return ciphertext.error();
    const crypto::Hash256 mac = macOf(*dk, ciphertext->span());

    // UUID v4 (RFC 4122 §4.4): version nibble 4, variant bits 10.
    crypto::SecureBytes u = crypto::randomBytes(16);
    u.data()[6] = std::uint8_t((u.data()[6] & 0x0f) | 0x40);
    u.data()[8] = std::uint8_t((u.data()[8] & 0x3f) | 0x80);
    const std::string hex = crypto::toHex(u.span());
    const std::string id = hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) +
                           '-' + hex.substr(16, 4) + '-' + hex.substr(20);

    // Key order as geth writes it (Go marshals struct fields in declaration order).
    nlohmann::ordered_json doc;
    doc["address"] = crypto::toHex(Address::fromPublicKey(*pub).bytes());
    auto &c = doc["crypto"];
    c["cipher"] = "aes-128-ctr";
    c["ciphertext"] = crypto::toHex(ciphertext->span());
    c["cipherparams"]["iv"] = crypto::toHex(ivBytes.span());
    c["kdf"] = "scrypt";
    c["kdfparams"]["dklen"] = kKeySize;
    c["kdfparams"]["n"] = params.n;
    c["kdfparams"]["p"] = params.p;
    c["kdfparams"]["r"] = params.r;
    c["kdfparams"]["salt"] = crypto::toHex(salt.span());
    c["mac"] = crypto::toHex(mac);
    doc["id"] = id;
    doc["version"] = 3;
    return doc.dump();
}

} // namespace quill::eth::keystore
