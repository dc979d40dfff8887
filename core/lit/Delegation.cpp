#include "lit/Delegation.h"

#include "eth/Address.h"
#include "eth/PersonalSign.h"

namespace quill::lit {

namespace {

Error capabilityError(const QString &what)
{
    return Error{ErrorCode::LitCapability, what};
}

} // namespace

Result<Delegation> Delegation::verify(const AuthSig &authSig)
{
    if (authSig.signedMessage.size() > kMaxBytes)
        return capabilityError(QStringLiteral("signedMessage larger than %1 bytes").arg(kMaxBytes));
    auto message = siwe::SiweMessage::parse(authSig.signedMessage);
    if (!message)
        return capabilityError(QStringLiteral("signedMessage is not a SIWE (EIP-4361) message: ") +
                               describe(message.error()));
    if (message->render() != authSig.signedMessage)
        return capabilityError(QStringLiteral("signedMessage is not in SIWE's canonical form"));
    auto claimed = eth::Address::parse(authSig.address);
    if (!claimed)
        return capabilityError(QStringLiteral("address: ") + describe(claimed.error()));
    auto siweAddress = eth::Address::parse(message->address);
    if (!siweAddress)
        return capabilityError(QStringLiteral("SIWE address: ") + describe(siweAddress.error()));
    if (!(*claimed == *siweAddress))
        return capabilityError(QStringLiteral("address %1 is not the SIWE address %2")
                                   .arg(QString::fromStdString(authSig.address),
                                        QString::fromStdString(message->address)));
    // Node rules: refuse only what a node would refuse, so real SDK output always passes.
    auto signer =
        eth::recoverPersonal(authSig.signedMessage, authSig.sig, eth::SignatureRules::Node);
    if (!signer)
        return capabilityError(QStringLiteral("signature does not verify: ") +
                               describe(signer.error()));
    if (!(*signer == *claimed))
        return capabilityError(QStringLiteral("signature recovers to %1, not to address %2")
                                   .arg(QString::fromStdString(signer->toChecksummed()),
                                        QString::fromStdString(authSig.address)));
    Delegation out;
    out.signer = signer->toChecksummed();
    bool haveRecap = false;
    for (const auto &resource : message->resources) {
        if (resource.substr(0, recap::Recap::kUrnPrefix.size()) != recap::Recap::kUrnPrefix)
            continue;
        auto decoded = recap::Recap::decode(resource, recap::Recap::Mode::Node);
        if (!decoded)
            return capabilityError(QStringLiteral("ReCap does not decode: ") +
                                   describe(decoded.error()));
        for (const auto &[key, abilities] : decoded->attenuations())
            for (const auto &[ability, notes] : abilities)
                for (const auto &note : notes)
                    out.recap.addAbility(key, ability, note);
        haveRecap = true;
    }
    if (!haveRecap)
        return capabilityError(
            QStringLiteral("SIWE has no urn:recap resource: it delegates nothing"));
    out.message = std::move(message).value();
    return out;
}

Status Delegation::checkTime(UnixMillis at) const
{
    if (auto st = message.checkTime(at); !st)
        return capabilityError(describe(st.error()));
    return okStatus();
}

} // namespace quill::lit
