#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <string_view>

namespace quill::eth {

/// A BIP-39 recovery phrase, English word list only
/// (resources/bip39/english.txt, embedded as the Qt resource :/quill/bip39/english.txt).
/// Move-only; the phrase lives in SecureBytes.
class Mnemonic
{
public:
    /// Normalises the phrase (Unicode NFKD, ASCII lowercase, words split on any whitespace
    /// and joined by one space) and checks it: 12, 15, 18, 21 or 24 words, every word in the
    /// English list, and the BIP-39 checksum.
    /// Returns: the mnemonic, or MnemonicWordCount, MnemonicUnknownWord (context names the
    ///          first unknown word and its 1-based position: it is not a list word, but may be
    ///          a typo of one — the UI shows it to the user and must not log it), or
    ///          MnemonicChecksum.
    /// Secrets: `phrase` is only read; the caller wipes its own copy.
    [[nodiscard]] static Result<Mnemonic> parse(std::string_view phrase);

    /// The mnemonic that encodes `entropy` (BIP-39 "Generating the mnemonic").
    /// Returns: the mnemonic, or InvalidArgument unless entropy is 16, 20, 24, 28 or 32 bytes.
    [[nodiscard]] static Result<Mnemonic> fromEntropy(const crypto::SecureBytes &entropy);

    /// A new random mnemonic of `words` words from crypto::randomBytes entropy.
    /// Misuse: `words` other than 12, 15, 18, 21 or 24 asserts (release builds make 24).
    static Mnemonic generate(int words);

    /// The normalised UTF-8 phrase, words joined by one space.
    const crypto::SecureBytes &phrase() const { return m_phrase; }
    int wordCount() const { return m_words; }

    /// Whether `typed` is the phrase's word at `position` (1-based), ignoring surrounding
    /// whitespace and ASCII case — the word check after a new wallet's phrase is shown
    /// (issue #11). Secrets: compares with sodium_memcmp (only the lengths are not secret);
    /// keeps no copy. Misuse: `position` outside 1 … wordCount() asserts (returns false in
    /// release builds).
    bool hasWordAt(int position, std::string_view typed) const;

    /// BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 iterations, password the normalised phrase,
    /// salt "mnemonic" + NFKD(passphrase). Returns: 64 bytes.
    /// Secrets: the passphrase is read and its normalised copy wiped.
    crypto::SecureBytes toSeed(std::string_view passphrase = {}) const;

private:
    Mnemonic(crypto::SecureBytes phrase, int words) : m_phrase(std::move(phrase)), m_words(words) {}

    crypto::SecureBytes m_phrase;
    int m_words = 0;
};

} // namespace quill::eth
