#include "eth/PersonalSign.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"

#include <algorithm>

namespace quill::eth {

crypto::Hash256 personalMessageDigest(std::string_view message)
{
    std::string data = "\x19" "Ethereum Signed Message:\n";
    data += std::to_string(message.size());
    data += message;
    return crypto::keccak256(crypto::asBytes(data));
}

Result<std::string> personalSign(const crypto::SecureBytes &key, std::string_view message)
{
    auto sig = crypto::secp256k1::signRecoverable(key, personalMessageDigest(message));
    if (!sig)
        return sig.error();
    (*sig)[64] = static_cast<std::uint8_t>((*sig)[64] + 27);
    return "0x" + crypto::toHex(*sig);
}

Result<Address> recoverPersonal(std::string_view message, std::string_view sigHex,
                                SignatureRules rules)
{
    const bool canonical = rules == SignatureRules::Canonical;
    if (canonical) {
        if (sigHex.size() != 132 || sigHex.substr(0, 2) != "0x" ||
            !crypto::isLowerHex(sigHex.substr(2)))
            return Error{ErrorCode::InvalidSignature,
                         QStringLiteral("expected 0x followed by 130 lowercase hex digits")};
    }
    auto raw = crypto::fromHex(sigHex, true);
    if (!raw || raw->size() != 65)
        return Error{ErrorCode::InvalidSignature, QStringLiteral("expected 65 bytes r||s||v")};
    const int v = (*raw)[64];
    int recid = -1;
    if (v == 27 || v == 28)
        recid = v - 27;
    else if (!canonical && (v == 0 || v == 1))
        recid = v;
    if (recid < 0)
        return Error{ErrorCode::InvalidSignature,
                     QStringLiteral("recovery byte v = %1 is not %2").arg(v).arg(
                         canonical ? QStringLiteral("27 or 28") : QStringLiteral("0, 1, 27 or 28"))};
    std::array<std::uint8_t, 64> rs{};
    std::copy_n(raw->begin(), 64, rs.begin());
    if (canonical && !crypto::secp256k1::isLowS(rs))
        return Error{ErrorCode::InvalidSignature, QStringLiteral("high-S signature")};
    auto pub = crypto::secp256k1::recover(personalMessageDigest(message), rs, recid);
    if (!pub)
        return pub.error();
    return Address::fromPublicKey(*pub);
}

} // namespace quill::eth
