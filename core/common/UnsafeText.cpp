#include "common/UnsafeText.h"

#include <array>
#include <utility>

namespace quill {

namespace {

/// Inclusive ranges; see the header for why each is here.
constexpr std::array<std::pair<char32_t, char32_t>, 11> kUnsafe = {{
    {0x0000, 0x001F}, // C0 controls
    {0x007F, 0x009F}, // DEL and C1 controls
    {0x061C, 0x061C}, // ARABIC LETTER MARK
    {0x200B, 0x200D}, // ZERO WIDTH SPACE, NON-JOINER, JOINER
    {0x200E, 0x200F}, // LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    {0x2028, 0x2029}, // LINE / PARAGRAPH SEPARATOR
    {0x202A, 0x202E}, // bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
    {0x2060, 0x2060}, // WORD JOINER
    {0x2066, 0x2069}, // bidi isolates (LRI, RLI, FSI, PDI)
    {0xFEFF, 0xFEFF}, // ZERO WIDTH NO-BREAK SPACE (BOM)
    {0xFFF9, 0xFFFB}, // interlinear annotation controls
}};

} // namespace

bool isUnsafeCodePoint(char32_t cp)
{
    for (const auto &[lo, hi] : kUnsafe)
        if (cp >= lo && cp <= hi)
            return true;
    return false;
}

std::optional<char32_t> findUnsafeCodePoint(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xe  ? 3
                          : (c >> 3) == 0x1e ? 4
                                             : 0;
        if (len == 0 || i + len > s.size()) {
            ++i; // not valid UTF-8: skip the byte
            continue;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        if (isUnsafeCodePoint(cp))
            return cp;
        i += len;
    }
    return std::nullopt;
}

QString codePointName(char32_t codePoint)
{
    return QStringLiteral("U+") +
           QString::number(uint(codePoint), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

} // namespace quill
