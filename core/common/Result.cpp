#include "common/Result.h"

#include <QCoreApplication>

namespace quill {

namespace {

/// The English name of each code, marked for lupdate (context "quill::Error"); nullptr for
/// an unknown number.
const char *errorCodeSource(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid argument");
    case ErrorCode::Io:
        return QT_TRANSLATE_NOOP("quill::Error", "i/o error");
    case ErrorCode::InvalidHex:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid hex");
    case ErrorCode::InvalidBase64:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid base64url");
    case ErrorCode::InvalidJson:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid JSON");
    case ErrorCode::InvalidTime:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid RFC 3339 time");
    case ErrorCode::InvalidPrivateKey:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid private key");
    case ErrorCode::InvalidPublicKey:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid public key");
    case ErrorCode::InvalidSignature:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid signature");
    case ErrorCode::CryptoFailure:
        return QT_TRANSLATE_NOOP("quill::Error", "cryptographic failure");
    case ErrorCode::InvalidAddress:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid address");
    case ErrorCode::AddressChecksumMismatch:
        return QT_TRANSLATE_NOOP("quill::Error", "address checksum mismatch");
    case ErrorCode::SiweSyntax:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE syntax");
    case ErrorCode::SiweDomain:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE domain");
    case ErrorCode::SiweAddress:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE address");
    case ErrorCode::SiweStatement:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE statement");
    case ErrorCode::SiweUri:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE URI");
    case ErrorCode::SiweVersion:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE version");
    case ErrorCode::SiweChainId:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE chain ID");
    case ErrorCode::SiweNonce:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE nonce");
    case ErrorCode::SiweIssuedAt:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE issued-at");
    case ErrorCode::SiweExpirationTime:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE expiration time");
    case ErrorCode::SiweNotBefore:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE not-before");
    case ErrorCode::SiweRequestId:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE request ID");
    case ErrorCode::SiweResources:
        return QT_TRANSLATE_NOOP("quill::Error", "SIWE resources");
    case ErrorCode::RecapPrefix:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap prefix");
    case ErrorCode::RecapEncoding:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap encoding");
    case ErrorCode::RecapJson:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap JSON");
    case ErrorCode::RecapShape:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap shape");
    case ErrorCode::RecapDuplicateKey:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap duplicate key");
    case ErrorCode::RecapNotCanonical:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap not canonical");
    case ErrorCode::RecapAbility:
        return QT_TRANSLATE_NOOP("quill::Error", "ReCap ability");
    case ErrorCode::LitResourcePrefix:
        return QT_TRANSLATE_NOOP("quill::Error", "Lit resource prefix");
    case ErrorCode::LitAbility:
        return QT_TRANSLATE_NOOP("quill::Error", "Lit ability");
    case ErrorCode::LitAbilityMismatch:
        return QT_TRANSLATE_NOOP("quill::Error", "Lit ability not valid for resource");
    case ErrorCode::LitRequestField:
        return QT_TRANSLATE_NOOP("quill::Error", "request field");
    case ErrorCode::LitTimeRange:
        return QT_TRANSLATE_NOOP("quill::Error", "time range");
    case ErrorCode::LitNodeUrl:
        return QT_TRANSLATE_NOOP("quill::Error", "node URL");
    case ErrorCode::LitMaxPrice:
        return QT_TRANSLATE_NOOP("quill::Error", "max price");
    case ErrorCode::LitCapability:
        return QT_TRANSLATE_NOOP("quill::Error", "capability AuthSig");
    case ErrorCode::KeychainUnavailable:
        return QT_TRANSLATE_NOOP("quill::Error", "no OS keychain available");
    case ErrorCode::SecretNotFound:
        return QT_TRANSLATE_NOOP("quill::Error", "secret not found in the keychain");
    case ErrorCode::KeychainFailure:
        return QT_TRANSLATE_NOOP("quill::Error", "keychain failure");
    case ErrorCode::AccountExists:
        return QT_TRANSLATE_NOOP("quill::Error", "account already exists");
    case ErrorCode::AccountNotFound:
        return QT_TRANSLATE_NOOP("quill::Error", "no such account");
    case ErrorCode::StorageFailure:
        return QT_TRANSLATE_NOOP("quill::Error", "cannot write Quill's data folder");
    case ErrorCode::IndexCorrupt:
        return QT_TRANSLATE_NOOP("quill::Error", "Quill's account index is corrupt");
    case ErrorCode::KeychainTimeout:
        return QT_TRANSLATE_NOOP("quill::Error", "the keyring did not answer (is it locked?)");
    case ErrorCode::UserRejected:
        return QT_TRANSLATE_NOOP("quill::Error", "rejected by the user");
    case ErrorCode::RequestExpired:
        return QT_TRANSLATE_NOOP("quill::Error", "request expired before the user decided");
    case ErrorCode::RequestCancelled:
        return QT_TRANSLATE_NOOP("quill::Error", "request cancelled");
    case ErrorCode::RequestNotFound:
        return QT_TRANSLATE_NOOP("quill::Error", "no such pending request");
    case ErrorCode::MnemonicWordCount:
        return QT_TRANSLATE_NOOP("quill::Error", "wrong number of recovery words");
    case ErrorCode::MnemonicUnknownWord:
        return QT_TRANSLATE_NOOP("quill::Error", "not a BIP-39 English word");
    case ErrorCode::MnemonicChecksum:
        return QT_TRANSLATE_NOOP("quill::Error", "recovery phrase checksum mismatch");
    case ErrorCode::InvalidDerivationPath:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid derivation path");
    case ErrorCode::KeystoreFormat:
        return QT_TRANSLATE_NOOP("quill::Error", "malformed keystore file");
    case ErrorCode::KeystoreUnsupported:
        return QT_TRANSLATE_NOOP("quill::Error", "unsupported keystore file");
    case ErrorCode::KeystoreWrongPassword:
        return QT_TRANSLATE_NOOP("quill::Error", "wrong keystore password");
    case ErrorCode::KeystoreCorrupt:
        return QT_TRANSLATE_NOOP("quill::Error", "keystore file is corrupt");
    case ErrorCode::Unauthorized:
        return QT_TRANSLATE_NOOP("quill::Error", "unauthorized");
    case ErrorCode::RateLimited:
        return QT_TRANSLATE_NOOP("quill::Error", "rate limited");
    case ErrorCode::MessageTooLarge:
        return QT_TRANSLATE_NOOP("quill::Error", "message too large");
    case ErrorCode::Busy:
        return QT_TRANSLATE_NOOP("quill::Error", "busy");
    case ErrorCode::UnsupportedMethod:
        return QT_TRANSLATE_NOOP("quill::Error", "unsupported method");
    case ErrorCode::InvalidRpcRequest:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid request");
    case ErrorCode::InvalidParams:
        return QT_TRANSLATE_NOOP("quill::Error", "invalid params");
    case ErrorCode::TypedDataType:
        return QT_TRANSLATE_NOOP("quill::Error", "EIP-712 type");
    case ErrorCode::TypedDataValue:
        return QT_TRANSLATE_NOOP("quill::Error", "EIP-712 value");
    case ErrorCode::ChainSecuredSchema:
        return QT_TRANSLATE_NOOP("quill::Error", "ChainSecured typed data shape");
    case ErrorCode::ChainSecuredDomain:
        return QT_TRANSLATE_NOOP("quill::Error", "ChainSecured domain");
    case ErrorCode::ChainSecuredTime:
        return QT_TRANSLATE_NOOP("quill::Error", "ChainSecured issuedAt outside ±300 s");
    case ErrorCode::ChainSecuredSigner:
        return QT_TRANSLATE_NOOP("quill::Error", "ChainSecured signer mismatch");
    }
    return nullptr;
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    if (const char *name = errorCodeSource(code))
        return QString::fromUtf8(name);
    return QStringLiteral("error %1").arg(static_cast<int>(code));
}

QString translatedErrorCodeName(ErrorCode code)
{
    if (const char *name = errorCodeSource(code))
        return QCoreApplication::translate("quill::Error", name);
    return QCoreApplication::translate("quill::Error", "error %1").arg(static_cast<int>(code));
}

QString describe(const Error &error)
{
    if (error.context.isEmpty())
        return errorCodeName(error.code);
    return errorCodeName(error.code) + QStringLiteral(": ") + error.context;
}

QString describeTranslated(const Error &error)
{
    if (error.context.isEmpty())
        return translatedErrorCodeName(error.code);
    return QCoreApplication::translate("quill::Error", "%1: %2")
        .arg(translatedErrorCodeName(error.code), error.context);
}

} // namespace quill
