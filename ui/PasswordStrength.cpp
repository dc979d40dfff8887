#include "PasswordStrength.h"

#include <QChar>
#include <QScopeGuard>

#include <sodium/utils.h>

#include <array>

namespace quill::ui {

namespace {

// Passwords and runs that guessing tools try first (lowercase; a password containing one of
// them is only as strong as what is left around it).
constexpr std::array<const char *, 28> kCommon = {
    "password", "passw0rd", "p@ssw0rd", "qwerty",   "qwertz", "azerty", "asdfgh",
    "zxcvbn",   "123456",   "654321",   "123123",   "111111", "000000", "abc123",
    "letmein",  "welcome",  "iloveyou", "admin",    "monkey", "dragon", "sunshine",
    "princess", "football", "baseball", "trustno1", "master", "1q2w3e", "qazwsx",
};

/// Whether every character is one step up (or down) from the one before: "abcdefgh",
/// "98765432" — or all the same: "aaaaaaaa".
bool isRun(QStringView s)
{
    if (s.size() < 3)
        return false;
    const int step = s[1].unicode() - s[0].unicode();
    if (step < -1 || step > 1)
        return false;
    for (qsizetype i = 2; i < s.size(); ++i)
        if (s[i].unicode() - s[i - 1].unicode() != step)
            return false;
    return true;
}

} // namespace

PasswordStrength PasswordStrength::of(QStringView password)
{
    PasswordStrength out;
    bool lower = false, upper = false, digit = false, other = false;
    int distinct = 0;
    for (qsizetype i = 0; i < password.size(); ++i) {
        const QChar c = password[i];
        if (c.isLowSurrogate())
            continue; // one code point with its high surrogate
        ++out.length;
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
        if (password.first(i).indexOf(c) < 0)
            ++distinct;
    }
    out.classes = int(lower) + int(upper) + int(digit) + int(other);

    QString folded = password.toString().toLower();
    const auto wipe = qScopeGuard([&folded] {
        if (!folded.isEmpty())
            sodium_memzero(folded.data(), std::size_t(folded.size()) * sizeof(QChar));
    });
    for (const char *common : kCommon)
        out.commonPattern |= folded.contains(QLatin1String(common));
    out.commonPattern |= isRun(folded) || (out.length > 0 && distinct <= 2);

    if (out.length < kMinimumLength || out.commonPattern ||
        (out.length < kRecommendedLength && out.classes <= 1))
        out.level = Level::Weak;
    else if ((out.length >= 16 && out.classes >= 2) ||
             (out.length >= kRecommendedLength && out.classes >= 3))
        out.level = Level::Strong;
    else
        out.level = Level::Fair;
    return out;
}

} // namespace quill::ui
