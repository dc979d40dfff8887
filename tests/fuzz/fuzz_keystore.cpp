// Fuzzes the Web3 Secret Storage reader. keystore::inspect parses and bounds the file without
// running its KDF; only files whose KDF is tiny go on to decrypt(), so the fuzzer spends its
// time in the parser rather than in scrypt. Invariants: decrypt() fails exactly when inspect()
// does, with the same code; a decrypted key is a valid secp256k1 key.
#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Keystore.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto info = eth::keystore::inspect(text);
    const crypto::SecureBytes password(crypto::asBytes("testpassword"));
    if (!info) {
        // Rejected before any KDF work, so decrypt() is cheap here too.
        auto k = eth::keystore::decrypt(text, password);
        if (k || k.error().code != info.error().code)
            std::abort();
        return 0;
    }
    const bool tiny = info->kdf == "scrypt"
                          ? info->scrypt.n * info->scrypt.r * info->scrypt.p <= 4096
                          : info->pbkdf2Iterations <= 4096;
    if (!tiny)
        return 0;
    auto k = eth::keystore::decrypt(text, password);
    if (k && (k->size() != 32 || !crypto::secp256k1::isValidPrivateKey(*k)))
        std::abort();
    if (!k && (k.error().code == ErrorCode::KeystoreFormat ||
               k.error().code == ErrorCode::KeystoreUnsupported))
        std::abort(); // inspect() accepted the shape
    return 0;
}
