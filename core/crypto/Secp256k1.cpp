#include "crypto/Secp256k1.h"

#include "crypto/Random.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstdlib>

namespace quill::crypto::secp256k1 {

namespace {

struct Context
{
    secp256k1_context *ctx;
    Context() : ctx(secp256k1_context_create(SECP256K1_CONTEXT_NONE))
    {
        if (!ctx)
            std::abort();
        SecureBytes seed = randomBytes(32);
        if (!secp256k1_context_randomize(ctx, seed.data()))
            std::abort();
    }
    ~Context() { secp256k1_context_destroy(ctx); }
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;
};

const secp256k1_context *context()
{
    static const Context c;
    return c.ctx;
}

} // namespace

bool isValidPrivateKey(const SecureBytes &key)
{
    return key.size() == 32 && secp256k1_ec_seckey_verify(context(), key.data()) == 1;
}

namespace {

/// The public key of `key`, serialised with `flags` (compressed or not) into `Out`.
template <typename Out>
Result<Out> serialisedPublicKey(const SecureBytes &key, unsigned int flags)
{
    if (!isValidPrivateKey(key))
        return Error{ErrorCode::InvalidPrivateKey,
                     QStringLiteral("must be 32 bytes, non-zero and below the curve order")};
    secp256k1_pubkey pub;
    if (!secp256k1_ec_pubkey_create(context(), &pub, key.data()))
        return Error{ErrorCode::InvalidPrivateKey, {}};
    Out out;
    size_t len = out.size();
    secp256k1_ec_pubkey_serialize(context(), out.data(), &len, &pub, flags);
    return out;
}

} // namespace

Result<UncompressedPublicKey> publicKey(const SecureBytes &key)
{
    return serialisedPublicKey<UncompressedPublicKey>(key, SECP256K1_EC_UNCOMPRESSED);
}

Result<CompressedPublicKey> publicKeyCompressed(const SecureBytes &key)
{
    return serialisedPublicKey<CompressedPublicKey>(key, SECP256K1_EC_COMPRESSED);
}

Result<SecureBytes> tweakAddPrivateKey(const SecureBytes &key, const SecureBytes &tweak)
{
    if (!isValidPrivateKey(key) || tweak.size() != 32)
        return Error{ErrorCode::InvalidPrivateKey, QStringLiteral("key or tweak malformed")};
    SecureBytes sum = key.clone();
    // Fails (and leaves `sum` unspecified) if tweak ≥ n or the result is zero.
    if (!secp256k1_ec_seckey_tweak_add(context(), sum.data(), tweak.data()))
        return Error{ErrorCode::InvalidPrivateKey,
                     QStringLiteral("tweak out of range or sum is zero")};
    return sum;
}

Result<RecoverableSignature> signRecoverable(const SecureBytes &key, const Hash256 &digest)
{
    if (!isValidPrivateKey(key))
        return Error{ErrorCode::InvalidPrivateKey, {}};
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_sign_recoverable(context(), &sig, digest.data(), key.data(), nullptr,
                                          nullptr))
        return Error{ErrorCode::CryptoFailure, QStringLiteral("secp256k1 signing failed")};
    RecoverableSignature out;
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), out.data(), &recid, &sig);
    out[64] = static_cast<std::uint8_t>(recid);
    return out;
}

Result<UncompressedPublicKey> recover(const Hash256 &digest,
                                      const std::array<std::uint8_t, 64> &rs, int recid)
{
    if (recid < 0 || recid > 3)
        return Error{ErrorCode::InvalidSignature, QStringLiteral("recovery id out of range")};
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &sig, rs.data(), recid))
        return Error{ErrorCode::InvalidSignature, QStringLiteral("r or s out of range")};
    secp256k1_pubkey pub;
    if (!secp256k1_ecdsa_recover(context(), &pub, &sig, digest.data()))
        return Error{ErrorCode::InvalidSignature, QStringLiteral("no public key recovers")};
    UncompressedPublicKey out;
    size_t len = out.size();
    secp256k1_ec_pubkey_serialize(context(), out.data(), &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    return out;
}

bool isLowS(const std::array<std::uint8_t, 64> &rs)
{
    secp256k1_ecdsa_signature sig;
    if (!secp256k1_ecdsa_signature_parse_compact(context(), &sig, rs.data()))
        return false;
    // normalize returns 1 if the input was high-S.
    return secp256k1_ecdsa_signature_normalize(context(), nullptr, &sig) == 0;
}

} // namespace quill::crypto::secp256k1
