#include "lit/SessionKey.h"

#include "crypto/Encoding.h"
#include "lit/LitVocabulary.h"

namespace quill::lit {

SessionKey::SessionKey(crypto::Ed25519Key key)
    : m_key(std::move(key)), m_publicHex(crypto::toHex(m_key.publicKey()))
{
}

Result<SessionKey> SessionKey::fromSeed(const crypto::SecureBytes &seed)
{
    auto key = crypto::Ed25519Key::fromSeed(seed);
    if (!key)
        return key.error();
    return SessionKey(std::move(key).value());
}

SessionKey SessionKey::generate() { return SessionKey(crypto::Ed25519Key::generate()); }

std::string SessionKey::uri() const { return std::string(kSessionUriPrefix) + m_publicHex; }

} // namespace quill::lit
