#include "eth/Mnemonic.h"

#include "crypto/Digest.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"
#include "eth/Unicode.h"

#include <QFile>

#include <sodium/utils.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

namespace quill::eth {

namespace {

constexpr int kListSize = 2048;
constexpr std::size_t kMaxWords = 24;

/// The English list, loaded once from the embedded resource. Its absence or a wrong size is
/// a build defect, not a user error.
class Wordlist
{
public:
    static const Wordlist &english()
    {
        static const Wordlist list;
        return list;
    }
    std::string_view word(int index) const { return m_words[std::size_t(index)]; }
    /// Returns: the word's index, or -1.
    int find(std::string_view word) const
    {
        const auto it = std::lower_bound(m_words.begin(), m_words.end(), word);
        return it != m_words.end() && *it == word ? int(it - m_words.begin()) : -1;
    }

private:
    Wordlist()
    {
        QFile file(QStringLiteral(":/quill/bip39/english.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("BIP-39 word list resource missing");
        m_text = file.readAll();
        std::string_view rest(m_text.constData(), std::size_t(m_text.size()));
        while (!rest.empty()) {
            const auto nl = rest.find('\n');
            m_words.push_back(rest.substr(0, nl));
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        }
        // BIP-39's English list is sorted, which lets find() binary-search.
        if (m_words.size() != std::size_t(kListSize) ||
            !std::is_sorted(m_words.begin(), m_words.end()))
            qFatal("BIP-39 word list resource is not the 2048-word sorted English list");
    }
    QByteArray m_text;
    std::vector<std::string_view> m_words;
};

bool isSpace(std::uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isValidWordCount(std::size_t words)
{
    return words >= 12 && words <= kMaxWords && words % 3 == 0;
}

/// Sets 11 bits of `bits` (MSB first) at bit offset `at`.
void putIndex(std::uint8_t *bits, std::size_t at, int index)
{
    for (int b = 0; b < 11; ++b, ++at)
        if (index & (1 << (10 - b)))
            bits[at / 8] = std::uint8_t(bits[at / 8] | (0x80 >> (at % 8)));
}

int getIndex(const std::uint8_t *bits, std::size_t at)
{
    int index = 0;
    for (int b = 0; b < 11; ++b, ++at)
        index = (index << 1) | ((bits[at / 8] >> (7 - at % 8)) & 1);
    return index;
}

} // namespace

Result<Mnemonic> Mnemonic::parse(std::string_view phrase)
{
    const crypto::SecureBytes normal = detail::nfkd(phrase);

    // Split on whitespace, lowercase ASCII letters, join with single spaces.
    crypto::SecureBytes joined(normal.size());
    std::size_t length = 0;
    std::array<std::string_view, kMaxWords> words{};
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < normal.size()) {
        while (i < normal.size() && isSpace(normal.data()[i]))
            ++i;
        if (i == normal.size())
            break;
        if (length > 0)
            joined.data()[length++] = ' ';
        const std::size_t start = length;
        while (i < normal.size() && !isSpace(normal.data()[i])) {
            std::uint8_t c = normal.data()[i++];
            if (c >= 'A' && c <= 'Z')
                c = std::uint8_t(c - 'A' + 'a');
            joined.data()[length++] = c;
        }
        if (count < kMaxWords)
            words[count] = std::string_view(reinterpret_cast<const char *>(joined.data()) + start,
                                            length - start);
        ++count;
    }
    if (!isValidWordCount(count))
        return Error{ErrorCode::MnemonicWordCount,
                     QStringLiteral("expected 12, 15, 18, 21 or 24 words, got %1").arg(count)};

    const auto &list = Wordlist::english();
    std::array<std::uint8_t, 33> bits{}; // 24 · 11 = 264 bits
    struct Guard
    {
        std::array<std::uint8_t, 33> &b;
        ~Guard() { sodium_memzero(b.data(), b.size()); }
    } guard{bits};
    for (std::size_t w = 0; w < count; ++w) {
        const int index = list.find(words[w]);
        if (index < 0)
            return Error{ErrorCode::MnemonicUnknownWord,
                         QStringLiteral("word %1, \"%2\", is not in the BIP-39 English list")
                             .arg(w + 1)
                             .arg(QString::fromUtf8(words[w].data(), qsizetype(words[w].size())))};
        putIndex(bits.data(), w * 11, index);
    }

    // ENT = 32·words/3 bits, CS = ENT/32 bits = the first CS bits of SHA-256(entropy).
    const std::size_t entropyBytes = count * 11 * 32 / 33 / 8;
    const std::size_t checksumBits = count / 3;
    crypto::Hash256 hash = crypto::sha256(std::span(bits.data(), entropyBytes));
    const int expected = hash[0] >> (8 - checksumBits);
    const int actual = bits[entropyBytes] >> (8 - checksumBits);
    sodium_memzero(hash.data(), hash.size());
    if (expected != actual)
        return Error{ErrorCode::MnemonicChecksum,
                     QStringLiteral("the words are valid but their checksum is not; a word is "
                                    "wrong or the order is")};

    return Mnemonic(crypto::SecureBytes(joined.span().first(length)), int(count));
}

Result<Mnemonic> Mnemonic::fromEntropy(const crypto::SecureBytes &entropy)
{
    const std::size_t n = entropy.size();
    if (n < 16 || n > 32 || n % 4 != 0)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("entropy must be 16, 20, 24, 28 or 32 bytes")};
    const std::size_t count = n * 8 * 33 / 32 / 11;
    std::array<std::uint8_t, 33> bits{};
    std::memcpy(bits.data(), entropy.data(), n);
    crypto::Hash256 hash = crypto::sha256(entropy.span());
    bits[n] = hash[0]; // only the first n/4 bits are read
    sodium_memzero(hash.data(), hash.size());

    const auto &list = Wordlist::english();
    std::size_t length = 0;
    for (std::size_t w = 0; w < count; ++w)
        length += list.word(getIndex(bits.data(), w * 11)).size() + (w ? 1 : 0);
    crypto::SecureBytes phrase(length);
    std::size_t at = 0;
    for (std::size_t w = 0; w < count; ++w) {
        if (w)
            phrase.data()[at++] = ' ';
        const auto word = list.word(getIndex(bits.data(), w * 11));
        std::memcpy(phrase.data() + at, word.data(), word.size());
        at += word.size();
    }
    sodium_memzero(bits.data(), bits.size());
    return Mnemonic(std::move(phrase), int(count));
}

Mnemonic Mnemonic::generate(int words)
{
    assert(isValidWordCount(std::size_t(words)));
    if (words < 0 || !isValidWordCount(std::size_t(words)))
        words = 24;
    auto m = fromEntropy(crypto::randomBytes(std::size_t(words) * 4 / 3));
    if (!m)
        std::abort(); // unreachable: the size is one of the valid ones
    return std::move(m).value();
}

bool Mnemonic::hasWordAt(int position, std::string_view typed) const
{
    assert(position >= 1 && position <= m_words);
    if (position < 1 || position > m_words)
        return false;
    // The phrase is normalised: lowercase words joined by one space.
    const std::string_view phrase(reinterpret_cast<const char *>(m_phrase.data()), m_phrase.size());
    std::size_t start = 0;
    for (int w = 1; w < position; ++w)
        start = phrase.find(' ', start) + 1;
    const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
    const std::string_view word = phrase.substr(start, end - start);

    while (!typed.empty() && isSpace(std::uint8_t(typed.front())))
        typed.remove_prefix(1);
    while (!typed.empty() && isSpace(std::uint8_t(typed.back())))
        typed.remove_suffix(1);
    if (typed.size() != word.size())
        return false;
    crypto::SecureBytes folded(typed.size());
    for (std::size_t i = 0; i < typed.size(); ++i) {
        auto c = std::uint8_t(typed[i]);
        folded.data()[i] = c >= 'A' && c <= 'Z' ? std::uint8_t(c - 'A' + 'a') : c;
    }
    return folded.equals(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(word.data()), word.size()));
}

crypto::SecureBytes Mnemonic::toSeed(std::string_view passphrase) const
{
    const crypto::SecureBytes pass = detail::nfkd(passphrase);
    crypto::SecureBytes salt(8 + pass.size());
    std::memcpy(salt.data(), "mnemonic", 8);
    if (!pass.empty())
        std::memcpy(salt.data() + 8, pass.data(), pass.size());
    return crypto::pbkdf2HmacSha512(m_phrase.span(), salt.span(), 2048, 64);
}

} // namespace quill::eth
