#include "eth/Eip712.h"

#include "common/OrderedJson.h"
#include "crypto/Encoding.h"
#include "eth/Address.h"
#include "eth/Eip712Json.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <optional>
#include <set>

namespace quill::eth::eip712 {

namespace {

using Json = nlohmann::ordered_json;
using Word = std::array<std::uint8_t, 32>;

/// Structs may nest (and arrays of them); bound the recursion an untrusted document can ask
/// for. Real typed data nests two or three levels.
constexpr int kMaxDepth = 32;

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

Error typeError(const QString &context)
{
    return Error{ErrorCode::TypedDataType, context};
}
Error valueError(const std::string &path, const QString &what)
{
    return Error{ErrorCode::TypedDataValue, q(path) + QStringLiteral(": ") + what};
}

bool isIdentifier(std::string_view s)
{
    if (s.empty() || s.size() > 256)
        return false;
    auto alpha = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (!alpha(s[0]))
        return false;
    return std::all_of(s.begin() + 1, s.end(),
                       [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

/// "uint256" → 256; "bytes32" → 32 with prefix "bytes". Returns: the number, or 0.
int suffixNumber(std::string_view type, std::string_view prefix)
{
    if (type.substr(0, prefix.size()) != prefix || type.size() == prefix.size())
        return 0;
    const auto digits = type.substr(prefix.size());
    if (digits.size() > 3 || digits[0] == '0')
        return 0;
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

int uintBits(std::string_view type)
{
    const int n = suffixNumber(type, "uint");
    return n >= 8 && n <= 256 && n % 8 == 0 ? n : 0;
}
int intBits(std::string_view type)
{
    if (type.substr(0, 4) == "uint")
        return 0;
    const int n = suffixNumber(type, "int");
    return n >= 8 && n <= 256 && n % 8 == 0 ? n : 0;
}
int fixedBytes(std::string_view type)
{
    const int n = suffixNumber(type, "bytes");
    return n >= 1 && n <= 32 ? n : 0;
}

bool isAtomicOrDynamic(std::string_view type)
{
    return type == "address" || type == "bool" || type == "string" || type == "bytes" ||
           uintBits(type) || intBits(type) || fixedBytes(type);
}

/// An array type's element type and length: "Person[2]" → ("Person", 2), "uint8[]" →
/// ("uint8", nullopt). Returns: nullopt if `type` is not an array type (or a malformed one).
struct ArrayType
{
    std::string_view element;
    std::optional<std::size_t> length;
};
std::optional<ArrayType> arrayType(std::string_view type)
{
    if (type.empty() || type.back() != ']')
        return std::nullopt;
    const auto open = type.rfind('[');
    if (open == std::string_view::npos || open == 0)
        return std::nullopt;
    const auto inner = type.substr(open + 1, type.size() - open - 2);
    ArrayType a{type.substr(0, open), std::nullopt};
    if (!inner.empty()) {
        if (inner.size() > 6 || inner[0] == '0')
            return std::nullopt;
        std::size_t n = 0;
        for (char c : inner) {
            if (c < '0' || c > '9')
                return std::nullopt;
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        a.length = n;
    }
    return a;
}

/// The type with every array suffix removed: "Person[][2]" → "Person".
std::string_view baseType(std::string_view type)
{
    while (auto a = arrayType(type))
        type = a->element;
    return type;
}

/// Checks every member type of `name` and collects the struct types it references.
Status collectDependencies(const Types &types, std::string_view name, std::set<std::string> &found)
{
    const auto it = types.find(name);
    if (it == types.end())
        return typeError(QStringLiteral("type %1 is not defined").arg(q(name)));
    if (!found.insert(it->first).second)
        return okStatus();
    for (const auto &field : it->second) {
        const auto base = baseType(field.type);
        if (types.find(base) != types.end()) {
            if (auto s = collectDependencies(types, base, found); !s)
                return s;
        } else if (!isAtomicOrDynamic(base)) {
            return typeError(QStringLiteral("%1.%2: unknown type %3")
                                 .arg(q(name), q(field.name), q(field.type)));
        }
    }
    return okStatus();
}

std::string encodeOne(std::string_view name, const std::vector<Field> &fields)
{
    std::string out(name);
    out += '(';
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += fields[i].type;
        out += ' ';
        out += fields[i].name;
    }
    out += ')';
    return out;
}

// --- 256-bit integers (big-endian words) -----------------------------------------------------

/// u = u * mul + add. Returns: false on overflow past 256 bits.
bool mulAdd(Word &u, unsigned mul, unsigned add)
{
    unsigned carry = add;
    for (int i = 31; i >= 0; --i) {
        const unsigned v = u[static_cast<std::size_t>(i)] * mul + carry;
        u[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
        carry = v >> 8;
    }
    return carry == 0;
}

int bitLength(const Word &u)
{
    for (std::size_t i = 0; i < 32; ++i)
        if (u[i]) {
            int bits = 8;
            while (!(u[i] & (1u << (bits - 1))))
                --bits;
            return static_cast<int>((31 - i) * 8) + bits;
        }
    return 0;
}

/// True if u == 2^(bits-1) exactly (the magnitude of the most negative intN).
bool isPowerOfTwo(const Word &u, int bitsMinusOne)
{
    assert(bitsMinusOne >= 7 && bitsMinusOne < 256); // intN: N is 8 … 256
    Word p{};
    p[static_cast<std::size_t>(31 - bitsMinusOne / 8)] =
        static_cast<std::uint8_t>(1u << (bitsMinusOne % 8));
    return u == p;
}

void negate(Word &u)
{
    for (auto &b : u)
        b = static_cast<std::uint8_t>(~b);
    mulAdd(u, 1, 1); // two's complement: overflow wraps, as intended
}

/// A JSON integer, decimal string or "0x" hex string (optionally with a leading "-", as
/// ethers' getBigInt takes it), as magnitude and sign.
Result<std::pair<Word, bool>> parseInteger(const Json &v, const std::string &path)
{
    Word u{};
    bool negative = false;
    if (v.is_number_unsigned() || v.is_number_integer()) {
        std::uint64_t m = 0;
        if (v.is_number_unsigned()) {
            m = v.get<std::uint64_t>();
        } else {
            const auto i = v.get<std::int64_t>();
            negative = i < 0;
            m = negative ? static_cast<std::uint64_t>(-(i + 1)) + 1 : static_cast<std::uint64_t>(i);
        }
        for (int i = 0; i < 8; ++i)
            u[static_cast<std::size_t>(31 - i)] = static_cast<std::uint8_t>(m >> (8 * i));
        return std::pair{u, negative};
    }
    if (!v.is_string())
        return valueError(path,
                          QStringLiteral("expected an integer, a decimal string or a hex string"));
    std::string_view s = v.get_ref<const std::string &>();
    if (!s.empty() && s[0] == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    const bool hex = s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex)
        s.remove_prefix(2);
    if (s.empty())
        return valueError(path, QStringLiteral("empty number"));
    for (char c : s) {
        const int d = hex ? crypto::hexDigitValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0)
            return valueError(path,
                              QStringLiteral("not a %1 integer")
                                  .arg(hex ? QStringLiteral("hex") : QStringLiteral("decimal")));
        if (!mulAdd(u, hex ? 16u : 10u, static_cast<unsigned>(d)))
            return valueError(path, QStringLiteral("number does not fit in 256 bits"));
    }
    if (negative && bitLength(u) == 0)
        negative = false; // "-0"
    return std::pair{u, negative};
}

Result<Word> encodeInteger(std::string_view type, const Json &v, const std::string &path)
{
    auto parsed = parseInteger(v, path);
    if (!parsed)
        return parsed.error();
    auto [u, negative] = *parsed;
    if (const int bits = uintBits(type)) {
        if (negative || bitLength(u) > bits)
            return valueError(path, QStringLiteral("out of range for %1").arg(q(type)));
        return u;
    }
    const int bits = intBits(type);
    const int len = bitLength(u);
    const bool fits =
        negative ? (len < bits || (len == bits && isPowerOfTwo(u, bits - 1))) : len < bits;
    if (!fits)
        return valueError(path, QStringLiteral("out of range for %1").arg(q(type)));
    if (negative)
        negate(u);
    return u;
}

Result<crypto::Bytes> hexBytes(const Json &v, const std::string &path)
{
    if (!v.is_string())
        return valueError(path, QStringLiteral("expected a 0x hex string"));
    const auto &s = v.get_ref<const std::string &>();
    if (s.size() < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return valueError(path, QStringLiteral("expected a 0x hex string"));
    auto bytes = crypto::fromHex(std::string_view(s).substr(2));
    if (!bytes)
        return valueError(path, QStringLiteral("invalid hex"));
    return bytes;
}

Result<Word> encodeValue(const Types &types, std::string_view type, const Json &v,
                         const std::string &path, int depth);

Result<crypto::Hash256> hashStructAt(const Types &types, std::string_view type, const Json &v,
                                     const std::string &path, int depth)
{
    if (depth > kMaxDepth)
        return valueError(path, QStringLiteral("nested deeper than %1").arg(kMaxDepth));
    const auto it = types.find(type);
    if (it == types.end())
        return typeError(QStringLiteral("type %1 is not defined").arg(q(type)));
    if (!v.is_object())
        return valueError(path, QStringLiteral("expected an object of type %1").arg(q(type)));
    const auto &fields = it->second;
    for (auto m = v.begin(); m != v.end(); ++m)
        if (std::none_of(fields.begin(), fields.end(),
                         [&](const Field &f) { return f.name == m.key(); }))
            return valueError(path + "." + m.key(),
                              QStringLiteral("not a member of %1").arg(q(type)));
    auto th = typeHash(types, type);
    if (!th)
        return th.error();
    std::string data(th->begin(), th->end());
    for (const auto &field : fields) {
        const auto member = v.find(field.name);
        const std::string memberPath = path + "." + field.name;
        if (member == v.end())
            return valueError(memberPath, QStringLiteral("missing"));
        auto word = encodeValue(types, field.type, *member, memberPath, depth + 1);
        if (!word)
            return word.error();
        data.append(word->begin(), word->end());
    }
    return crypto::keccak256(crypto::asBytes(data));
}

/// EIP-712 §"Definition of encodeData": the 32-byte encoding of one member value.
Result<Word> encodeValue(const Types &types, std::string_view type, const Json &v,
                         const std::string &path, int depth)
{
    if (depth > kMaxDepth)
        return valueError(path, QStringLiteral("nested deeper than %1").arg(kMaxDepth));
    if (types.find(type) != types.end())
        return hashStructAt(types, type, v, path, depth);
    if (auto array = arrayType(type)) {
        if (!v.is_array())
            return valueError(path, QStringLiteral("expected an array"));
        if (array->length && v.size() != *array->length)
            return valueError(
                path,
                QStringLiteral("expected %1 elements, found %2").arg(*array->length).arg(v.size()));
        std::string data;
        for (std::size_t i = 0; i < v.size(); ++i) {
            auto word = encodeValue(types, array->element, v[i],
                                    path + "[" + std::to_string(i) + "]", depth + 1);
            if (!word)
                return word.error();
            data.append(word->begin(), word->end());
        }
        return crypto::keccak256(crypto::asBytes(data));
    }
    Word w{};
    if (type == "string") {
        if (!v.is_string())
            return valueError(path, QStringLiteral("expected a string"));
        return crypto::keccak256(crypto::asBytes(v.get_ref<const std::string &>()));
    }
    if (type == "bytes") {
        auto bytes = hexBytes(v, path);
        if (!bytes)
            return bytes.error();
        return crypto::keccak256(*bytes);
    }
    if (type == "bool") {
        if (!v.is_boolean())
            return valueError(path, QStringLiteral("expected true or false"));
        w[31] = v.get<bool>() ? 1 : 0;
        return w;
    }
    if (type == "address") {
        if (!v.is_string())
            return valueError(path, QStringLiteral("expected an address string"));
        auto a = Address::parse(v.get_ref<const std::string &>());
        if (!a)
            return valueError(path, describe(a.error()));
        std::copy(a->bytes().begin(), a->bytes().end(), w.begin() + 12);
        return w;
    }
    if (const int n = fixedBytes(type)) {
        auto bytes = hexBytes(v, path);
        if (!bytes)
            return bytes.error();
        if (bytes->size() != static_cast<std::size_t>(n))
            return valueError(
                path, QStringLiteral("expected %1 bytes, found %2").arg(n).arg(bytes->size()));
        std::copy(bytes->begin(), bytes->end(), w.begin()); // bytesN is left-aligned
        return w;
    }
    if (uintBits(type) || intBits(type))
        return encodeInteger(type, v, path);
    return typeError(QStringLiteral("%1: unknown type %2").arg(q(path), q(type)));
}

} // namespace

Result<std::string> encodeType(const Types &types, std::string_view primary)
{
    for (const auto &[name, fields] : types) {
        if (!isIdentifier(name))
            return typeError(QStringLiteral("type name %1 is not an identifier").arg(q(name)));
        std::set<std::string_view> names;
        for (const auto &f : fields) {
            if (!isIdentifier(f.name))
                return typeError(QStringLiteral("%1: member name %2 is not an identifier")
                                     .arg(q(name), q(f.name)));
            if (!names.insert(f.name).second)
                return typeError(
                    QStringLiteral("%1: member %2 declared twice").arg(q(name), q(f.name)));
        }
    }
    std::set<std::string> found;
    if (auto s = collectDependencies(types, primary, found); !s)
        return s.error();
    std::string out = encodeOne(primary, types.find(primary)->second);
    for (const auto &name : found) // std::set: sorted by name, as EIP-712 asks
        if (name != primary)
            out += encodeOne(name, types.find(name)->second);
    return out;
}

Result<crypto::Hash256> typeHash(const Types &types, std::string_view primary)
{
    auto encoded = encodeType(types, primary);
    if (!encoded)
        return encoded.error();
    return crypto::keccak256(crypto::asBytes(*encoded));
}

Result<crypto::Hash256> hashStruct(const Types &types, std::string_view type,
                                   std::string_view valueJson)
{
    auto value = quill::detail::parseOrdered(valueJson);
    if (!value)
        return value.error();
    return detail::hashStruct(types, type, *value, std::string(type));
}

crypto::Hash256 signingDigest(const crypto::Hash256 &domainSeparator,
                              const crypto::Hash256 &structHash)
{
    std::array<std::uint8_t, 66> data{};
    data[0] = 0x19;
    data[1] = 0x01;
    std::copy(domainSeparator.begin(), domainSeparator.end(), data.begin() + 2);
    std::copy(structHash.begin(), structHash.end(), data.begin() + 34);
    return crypto::keccak256(data);
}

Result<TypedDataHashes> hashTypedData(std::string_view json)
{
    auto doc = quill::detail::parseOrdered(json);
    if (!doc)
        return doc.error();
    if (!doc->is_object())
        return typeError(QStringLiteral("typed data is not an object"));
    for (auto it = doc->begin(); it != doc->end(); ++it)
        if (it.key() != "types" && it.key() != "primaryType" && it.key() != "domain" &&
            it.key() != "message")
            return typeError(QStringLiteral("unknown key %1").arg(q(it.key())));
    for (const char *key : {"types", "primaryType", "domain", "message"})
        if (!doc->contains(key))
            return typeError(QStringLiteral("missing %1").arg(QLatin1String(key)));
    auto types = detail::typesFromJson((*doc)["types"]);
    if (!types)
        return types.error();
    const auto &primary = (*doc)["primaryType"];
    if (!primary.is_string())
        return typeError(QStringLiteral("primaryType is not a string"));
    if (types->find(std::string_view("EIP712Domain")) == types->end())
        return typeError(QStringLiteral("types.EIP712Domain is not defined"));
    TypedDataHashes h;
    auto domain = detail::hashStruct(*types, "EIP712Domain", (*doc)["domain"], "domain");
    if (!domain)
        return domain.error();
    auto message = detail::hashStruct(*types, primary.get_ref<const std::string &>(),
                                      (*doc)["message"], "message");
    if (!message)
        return message.error();
    h.domainSeparator = *domain;
    h.structHash = *message;
    h.digest = signingDigest(h.domainSeparator, h.structHash);
    return h;
}

namespace detail {

Result<crypto::Hash256> hashStruct(const Types &types, std::string_view type,
                                   const nlohmann::ordered_json &value, const std::string &path)
{
    return hashStructAt(types, type, value, path, 0);
}

Result<Types> typesFromJson(const nlohmann::ordered_json &json)
{
    if (!json.is_object())
        return typeError(QStringLiteral("types is not an object"));
    Types types;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString where = QStringLiteral("types.") + q(it.key());
        if (!it->is_array())
            return typeError(where + QStringLiteral(" is not an array"));
        std::vector<Field> fields;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &f = (*it)[i];
            const QString at = where + QStringLiteral("[%1]").arg(i);
            if (!f.is_object() || f.size() != 2 || !f.contains("name") || !f.contains("type"))
                return typeError(at + QStringLiteral(" is not exactly {name, type}"));
            if (!f["name"].is_string() || !f["type"].is_string())
                return typeError(at + QStringLiteral(": name and type must be strings"));
            fields.push_back({f["name"].get<std::string>(), f["type"].get<std::string>()});
        }
        types.emplace(it.key(), std::move(fields));
    }
    return types;
}

} // namespace detail
} // namespace quill::eth::eip712
