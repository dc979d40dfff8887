#pragma once

#include "common/Result.h"
#include "crypto/Keccak256.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quill::eth::eip712 {

/// One member of an EIP-712 struct type: `{"name": …, "type": …}`.
struct Field
{
    std::string name;
    std::string type;
    bool operator==(const Field &) const = default;
};

/// Struct types by name, each with its members in declaration order (the order is part of
/// the type hash). May contain "EIP712Domain".
using Types = std::map<std::string, std::vector<Field>, std::less<>>;

/// EIP-712 §"Definition of encodeType": `Name(type1 name1,…)` for `primary`, followed by
/// every struct type it references (directly or through other structs or arrays), those
/// sorted by name.
/// Returns: the string, or TypedDataType if `primary` or a referenced type is undefined, a
///          member type is neither atomic, dynamic, an array nor a defined struct, or a name
///          is not an identifier.
[[nodiscard]] Result<std::string> encodeType(const Types &types, std::string_view primary);

/// keccak256(encodeType(types, primary)).
/// Returns: the hash, or the errors of encodeType.
[[nodiscard]] Result<crypto::Hash256> typeHash(const Types &types, std::string_view primary);

/// hashStruct(s) of a value given as JSON text (an object). Values follow what ethers 6 and
/// viem accept: address as "0x" + 40 hex (EIP-55 if mixed case), bool as true/false,
/// string, bytes/bytesN as "0x" hex (bytesN exactly N bytes), uintN/intN as a JSON integer,
/// a decimal string or a "0x" hex string (range-checked), arrays as JSON arrays (fixed
/// length checked), structs as objects with exactly the declared members.
/// Returns: the hash, InvalidJson, TypedDataType, or TypedDataValue naming the member path.
[[nodiscard]] Result<crypto::Hash256> hashStruct(const Types &types, std::string_view type,
                                                 std::string_view valueJson);

/// EIP-712 signing digest: keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)).
crypto::Hash256 signingDigest(const crypto::Hash256 &domainSeparator,
                              const crypto::Hash256 &structHash);

/// The parts of an eth_signTypedData_v4 document, hashed.
struct TypedDataHashes
{
    crypto::Hash256 domainSeparator{}; ///< hashStruct("EIP712Domain", domain)
    crypto::Hash256 structHash{};      ///< hashStruct(primaryType, message)
    crypto::Hash256 digest{};          ///< signingDigest(domainSeparator, structHash)
};

/// Hashes a whole typed-data document `{"types", "primaryType", "domain", "message"}` (the
/// eth_signTypedData_v4 shape; `types` must declare EIP712Domain). Other top-level keys are
/// refused. This is the generic encoder; it does not judge whether the content is safe to
/// sign (see lit/ChainSecured for the strict checker).
/// Returns: the hashes, or InvalidJson, TypedDataType, TypedDataValue.
[[nodiscard]] Result<TypedDataHashes> hashTypedData(std::string_view json);

} // namespace quill::eth::eip712
