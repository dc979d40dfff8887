#pragma once

#include "crypto/Ed25519Key.h"

#include <string>

namespace quill::lit {

/// An app's session key: an Ed25519 key whose public half, as 64 lowercase hex digits, is
/// the session sig `address`, the payload `sessionKey` and the SIWE URI suffix (spec §3).
class SessionKey
{
public:
    explicit SessionKey(crypto::Ed25519Key key);

    /// Returns: the key for a 32-byte seed, or InvalidPrivateKey.
    [[nodiscard]] static Result<SessionKey> fromSeed(const crypto::SecureBytes &seed);
    static SessionKey generate();

    const crypto::Ed25519Key &key() const { return m_key; }
    const std::string &publicKeyHex() const { return m_publicHex; }
    /// "lit:session:" + publicKeyHex().
    std::string uri() const;

private:
    crypto::Ed25519Key m_key;
    std::string m_publicHex;
};

} // namespace quill::lit
