#pragma once

#include "Theme.h"

#include "common/Time.h"

#include <QString>

namespace quill::ui {

/// Quill's preferences as kept in QSettings (~/.config/quill/quill.conf). Nothing secret is
/// ever kept here (the app password lives in the OS keychain, see IdleLock).
struct AppSettings
{
    static constexpr int kDefaultWebSocketPort = 7475;
    /// The idle-lock choices in minutes; 0 = off.
    static constexpr int kIdleLockChoices[] = {0, 5, 15, 30, 60};
    /// The remember choices the approval dialog offers; 0 = this request only.
    static constexpr UnixMillis kRememberChoices[] = {0, kHour, kDay, 7 * kDay, 30 * kDay};

    Theme::Mode theme = Theme::Mode::System;
    bool startHidden = false;      ///< ui/startHidden: tray only when Quill starts
    int webSocketPort = 0;         ///< api/websocketPort: 0 = off
    UnixMillis rememberFor = kDay; ///< approval/rememberFor: the approval dialog's default
    int idleLockMinutes = 0;       ///< security/idleLockMinutes: 0 = off

    /// Reads QSettings; unknown or out-of-range values read as the defaults.
    static AppSettings load();
    /// Writes every value to QSettings.
    void save() const;

    static QString themeKey() { return Theme::settingsKey(); }
    static QString startHiddenKey() { return QStringLiteral("ui/startHidden"); }
    static QString webSocketPortKey() { return QStringLiteral("api/websocketPort"); }
    static QString rememberForKey() { return QStringLiteral("approval/rememberFor"); }
    static QString idleLockKey() { return QStringLiteral("security/idleLockMinutes"); }
};

} // namespace quill::ui
