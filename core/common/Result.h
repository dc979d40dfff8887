#pragma once

#include <QString>

#include <cassert>
#include <utility>
#include <variant>

namespace quill {

/// Stable error codes. The numbers are part of Quill's interface (CLI reports, the local
/// API's error data): never renumber, only append.
enum class ErrorCode : int {
    InvalidArgument = 1,
    Io = 2,
    // encodings
    InvalidHex = 10,
    InvalidBase64 = 11,
    InvalidJson = 12,
    InvalidTime = 13,
    // keys and signatures
    InvalidPrivateKey = 20,
    InvalidPublicKey = 21,
    InvalidSignature = 22,
    CryptoFailure = 23,
    // Ethereum
    InvalidAddress = 30,
    AddressChecksumMismatch = 31,
    // SIWE (EIP-4361)
    SiweSyntax = 40,
    SiweDomain = 41,
    SiweAddress = 42,
    SiweStatement = 43,
    SiweUri = 44,
    SiweVersion = 45,
    SiweChainId = 46,
    SiweNonce = 47,
    SiweIssuedAt = 48,
    SiweExpirationTime = 49,
    SiweNotBefore = 50,
    SiweRequestId = 51,
    SiweResources = 52,
    // ReCap (EIP-5573)
    RecapPrefix = 60,
    RecapEncoding = 61,
    RecapJson = 62,
    RecapShape = 63,
    RecapDuplicateKey = 64,
    RecapNotCanonical = 65,
    RecapAbility = 66,
    // Lit session vocabulary and requests
    LitResourcePrefix = 80,
    LitAbility = 81,
    LitAbilityMismatch = 82,
    LitRequestField = 83,
    LitTimeRange = 84,
    LitNodeUrl = 85,
    LitMaxPrice = 86,
    LitCapability = 87,
    // vault (OS keychain and account index)
    KeychainUnavailable = 120,
    SecretNotFound = 121,
    KeychainFailure = 122,
    AccountExists = 123,
    AccountNotFound = 124,
    StorageFailure = 125,
    IndexCorrupt = 126,
    KeychainTimeout = 127, ///< the keyring did not answer in time (locked, waiting for the user)
    // requests
    UserRejected = 140,
    RequestExpired = 141,
    RequestCancelled = 142,
    RequestNotFound = 143,
    // wallet keys: BIP-39 mnemonics, BIP-32 derivation, Web3 Secret Storage v3 keystores
    MnemonicWordCount = 100,
    MnemonicUnknownWord = 101,
    MnemonicChecksum = 102,
    InvalidDerivationPath = 103,
    KeystoreFormat = 104,
    KeystoreUnsupported = 105,
    KeystoreWrongPassword = 106,
    KeystoreCorrupt = 107,
    // local API (core/api): what an untrusted app is told; mapped to JSON-RPC codes by
    // api::rpcErrorCode (core/api/README.md has the table)
    Unauthorized = 144,      ///< not paired, wrong token, or Origin not the paired one
    RateLimited = 145,       ///< the connection sent faster than its budget
    MessageTooLarge = 146,   ///< a message over the size cap (the connection is closed)
    Busy = 147,              ///< too many pending requests or connections
    UnsupportedMethod = 148, ///< a method Quill does not offer (or not on this host)
    InvalidRpcRequest = 149, ///< valid JSON that is not a JSON-RPC 2.0 request Quill takes
    InvalidParams = 150,     ///< params of the wrong shape; context names the field
    // EIP-712 typed data and Lit Chipotle ChainSecured authorizations (issue #15)
    TypedDataType = 90,      ///< a `types` declaration EIP-712 cannot encode
    TypedDataValue = 91,     ///< a value that does not fit its declared EIP-712 type
    ChainSecuredSchema = 92, ///< typed data that is not exactly the ChainSecured shape
    ChainSecuredDomain = 93, ///< domain name, version or chainId not the expected one
    ChainSecuredTime = 94,   ///< issuedAt outside the ±300 s window
    ChainSecuredSigner = 95, ///< the signature does not recover to message.address
};

/// A user-facing failure: what went wrong (code) and where (context, e.g. the field name).
/// Never carries secret material.
struct Error
{
    ErrorCode code;
    QString context;
};

/// A value or an Error. Core never throws across module edges; it returns this.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}           // NOLINT(google-explicit-constructor)
    Result(Error error) : m_v(std::move(error)) {}       // NOLINT(google-explicit-constructor)
    Result(ErrorCode code, QString context) : m_v(Error{code, std::move(context)}) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    /// Misuse: calling value() on an error asserts.
    T &value() &
    {
        assert(ok());
        return std::get<T>(m_v);
    }
    const T &value() const &
    {
        assert(ok());
        return std::get<T>(m_v);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_v));
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        assert(!ok());
        return std::get<Error>(m_v);
    }

private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that yields nothing but may fail.
struct Unit
{
};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

/// Short English name of an error code, used in reports and logs.
QString errorCodeName(ErrorCode code);

/// "name: context" — one line suitable for stderr or a log.
QString describe(const Error &error);

/// errorCodeName() in the user's language (QCoreApplication::translate, context
/// "quill::Error"), for the GUI; the English text without an installed translator.
QString translatedErrorCodeName(ErrorCode code);

/// describe() for people: the name translated, the context (a field, a path) as is. Only for
/// what the GUI shows; the CLI, logs and the local API keep describe() (English, stable).
QString describeTranslated(const Error &error);

} // namespace quill
