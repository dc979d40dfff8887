#pragma once

#include <QString>
#include <QStringView>

namespace quill::ui {

/// A rough, local estimate of how well a password resists offline guessing, for the live
/// hint under a new password (issue #11). It looks at length, character classes (lower,
/// upper, digit, other) and common patterns (well-known passwords and keyboard or
/// alphabet runs, one character repeated); it is a hint, not a guarantee.
struct PasswordStrength
{
    enum class Level
    {
        Weak,
        Fair,
        Strong
    };

    /// Quill refuses shorter passwords for a keystore file.
    static constexpr int kMinimumLength = 8;
    /// Quill warns under this length (but allows it from kMinimumLength).
    static constexpr int kRecommendedLength = 12;

    Level level = Level::Weak;
    int length = 0;  ///< in Unicode code points
    int classes = 0; ///< 0 … 4
    bool commonPattern = false;

    /// Secrets: reads `password` only; keeps no copy.
    static PasswordStrength of(QStringView password);
};

} // namespace quill::ui
