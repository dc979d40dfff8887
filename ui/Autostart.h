#pragma once

#include "common/Result.h"

#include <QString>

namespace quill::ui {

/// "Start Quill when I log in": an XDG autostart entry (freedesktop Desktop Application
/// Autostart Specification) at $XDG_CONFIG_HOME/autostart/io.github.quill.Quill.desktop that
/// runs `quill --background` (the tray, no window).
class Autostart
{
public:
    /// The entry's path (XDG_CONFIG_HOME, else ~/.config).
    static QString entryPath();
    /// True if the entry exists and is not disabled (Hidden=true or
    /// X-GNOME-Autostart-enabled=false, as desktops write when the user turns it off there).
    static bool isEnabled();
    /// Writes (atomically, 0644) or removes the entry; `executable` is what it runs.
    /// Returns: ok, or Io naming the file.
    [[nodiscard]] static Status setEnabled(bool enabled, const QString &executable);
};

} // namespace quill::ui
