#include "common/Result.h"

namespace quill {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid argument");
    case ErrorCode::Io: return QStringLiteral("i/o error");
    case ErrorCode::InvalidHex: return QStringLiteral("invalid hex");
    case ErrorCode::InvalidBase64: return QStringLiteral("invalid base64url");
    case ErrorCode::InvalidJson: return QStringLiteral("invalid JSON");
    case ErrorCode::InvalidTime: return QStringLiteral("invalid RFC 3339 time");
    case ErrorCode::InvalidPrivateKey: return QStringLiteral("invalid private key");
    case ErrorCode::InvalidPublicKey: return QStringLiteral("invalid public key");
    case ErrorCode::InvalidSignature: return QStringLiteral("invalid signature");
    case ErrorCode::CryptoFailure: return QStringLiteral("cryptographic failure");
    case ErrorCode::InvalidAddress: return QStringLiteral("invalid address");
    case ErrorCode::AddressChecksumMismatch: return QStringLiteral("address checksum mismatch");
    case ErrorCode::SiweSyntax: return QStringLiteral("SIWE syntax");
    case ErrorCode::SiweDomain: return QStringLiteral("SIWE domain");
    case ErrorCode::SiweAddress: return QStringLiteral("SIWE address");
    case ErrorCode::SiweStatement: return QStringLiteral("SIWE statement");
    case ErrorCode::SiweUri: return QStringLiteral("SIWE URI");
    case ErrorCode::SiweVersion: return QStringLiteral("SIWE version");
    case ErrorCode::SiweChainId: return QStringLiteral("SIWE chain ID");
    case ErrorCode::SiweNonce: return QStringLiteral("SIWE nonce");
    case ErrorCode::SiweIssuedAt: return QStringLiteral("SIWE issued-at");
    case ErrorCode::SiweExpirationTime: return QStringLiteral("SIWE expiration time");
    case ErrorCode::SiweNotBefore: return QStringLiteral("SIWE not-before");
    case ErrorCode::SiweRequestId: return QStringLiteral("SIWE request ID");
    case ErrorCode::SiweResources: return QStringLiteral("SIWE resources");
    case ErrorCode::RecapPrefix: return QStringLiteral("ReCap prefix");
    case ErrorCode::RecapEncoding: return QStringLiteral("ReCap encoding");
    case ErrorCode::RecapJson: return QStringLiteral("ReCap JSON");
    case ErrorCode::RecapShape: return QStringLiteral("ReCap shape");
    case ErrorCode::RecapDuplicateKey: return QStringLiteral("ReCap duplicate key");
    case ErrorCode::RecapNotCanonical: return QStringLiteral("ReCap not canonical");
    case ErrorCode::RecapAbility: return QStringLiteral("ReCap ability");
    case ErrorCode::LitResourcePrefix: return QStringLiteral("Lit resource prefix");
    case ErrorCode::LitAbility: return QStringLiteral("Lit ability");
    case ErrorCode::LitAbilityMismatch: return QStringLiteral("Lit ability not valid for resource");
    case ErrorCode::LitRequestField: return QStringLiteral("request field");
    case ErrorCode::LitTimeRange: return QStringLiteral("time range");
    case ErrorCode::LitNodeUrl: return QStringLiteral("node URL");
    case ErrorCode::LitMaxPrice: return QStringLiteral("max price");
    case ErrorCode::LitCapability: return QStringLiteral("capability AuthSig");
    case ErrorCode::KeychainUnavailable: return QStringLiteral("no OS keychain available");
    case ErrorCode::SecretNotFound: return QStringLiteral("secret not found in the keychain");
    case ErrorCode::KeychainFailure: return QStringLiteral("keychain failure");
    case ErrorCode::AccountExists: return QStringLiteral("account already exists");
    case ErrorCode::AccountNotFound: return QStringLiteral("no such account");
    case ErrorCode::StorageFailure: return QStringLiteral("cannot write Quill's data folder");
    case ErrorCode::IndexCorrupt: return QStringLiteral("Quill's account index is corrupt");
    case ErrorCode::KeychainTimeout: return QStringLiteral("the keyring did not answer (is it locked?)");
    case ErrorCode::UserRejected: return QStringLiteral("rejected by the user");
    case ErrorCode::RequestExpired: return QStringLiteral("request expired before the user decided");
    case ErrorCode::RequestCancelled: return QStringLiteral("request cancelled");
    case ErrorCode::RequestNotFound: return QStringLiteral("no such pending request");
    case ErrorCode::MnemonicWordCount: return QStringLiteral("wrong number of recovery words");
    case ErrorCode::MnemonicUnknownWord: return QStringLiteral("not a BIP-39 English word");
    case ErrorCode::MnemonicChecksum: return QStringLiteral("recovery phrase checksum mismatch");
    case ErrorCode::InvalidDerivationPath: return QStringLiteral("invalid derivation path");
    case ErrorCode::KeystoreFormat: return QStringLiteral("malformed keystore file");
    case ErrorCode::KeystoreUnsupported: return QStringLiteral("unsupported keystore file");
    case ErrorCode::KeystoreWrongPassword: return QStringLiteral("wrong keystore password");
    case ErrorCode::KeystoreCorrupt: return QStringLiteral("keystore file is corrupt");
    case ErrorCode::Unauthorized: return QStringLiteral("unauthorized");
    case ErrorCode::RateLimited: return QStringLiteral("rate limited");
    case ErrorCode::MessageTooLarge: return QStringLiteral("message too large");
    case ErrorCode::Busy: return QStringLiteral("busy");
    case ErrorCode::UnsupportedMethod: return QStringLiteral("unsupported method");
    case ErrorCode::InvalidRpcRequest: return QStringLiteral("invalid request");
    case ErrorCode::InvalidParams: return QStringLiteral("invalid params");
    case ErrorCode::TypedDataType: return QStringLiteral("EIP-712 type");
    case ErrorCode::TypedDataValue: return QStringLiteral("EIP-712 value");
    case ErrorCode::ChainSecuredSchema: return QStringLiteral("ChainSecured typed data shape");
    case ErrorCode::ChainSecuredDomain: return QStringLiteral("ChainSecured domain");
    case ErrorCode::ChainSecuredTime: return QStringLiteral("ChainSecured issuedAt outside ±300 s");
    case ErrorCode::ChainSecuredSigner: return QStringLiteral("ChainSecured signer mismatch");
    }
    return QStringLiteral("error %1").arg(static_cast<int>(code));
}

QString describe(const Error &error)
{
    if (error.context.isEmpty())
        return errorCodeName(error.code);
    return errorCodeName(error.code) + QStringLiteral(": ") + error.context;
}

} // namespace quill
