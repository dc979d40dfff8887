#pragma once

#include <QDBusVariant>
#include <QObject>
#include <QPalette>
#include <QString>

namespace quill::ui {

/// The window colours (issue #11): the desktop's, or Quill's own light or dark palette.
/// Applied to the whole application, live.
class Theme : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        System, ///< the platform style and palette, dark when the desktop prefers dark
        Light,  ///< Fusion with its light palette
        Dark,   ///< Fusion with Quill's dark palette (what `quill --dark` shows)
    };
    Q_ENUM(Mode)

    /// The setting's value ("system", "light", "dark"); anything else is System.
    static Mode fromString(const QString &value);
    static QString toString(Mode mode);
    /// The QSettings key that holds the choice.
    static QString settingsKey();
    /// The choice saved in QSettings.
    static Mode saved();

    /// The single instance; made on first use (after QApplication). It remembers the
    /// platform's own style and palette the first time, so that System can return to them.
    static Theme &instance();

    /// Sets the application's style and palette for `mode` at once.
    void apply(Mode mode);
    Mode mode() const { return m_mode; }
    /// Whether the desktop says it prefers dark colours (the XDG desktop portal's
    /// org.freedesktop.appearance color-scheme, or a dark platform palette).
    bool desktopPrefersDark() const;

    /// Quill's dark palette.
    static QPalette darkPalette();

Q_SIGNALS:
    /// The palette in use changed (a new mode, or the desktop switched while on System).
    void changed();

private Q_SLOTS:
    /// org.freedesktop.portal.Settings SettingChanged (old-style slot: QtDBus connects by
    /// signature only).
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    Theme();
    void readPortalColorScheme();
    void setPortalColorScheme(uint value);

    Mode m_mode = Mode::System;
    QString m_platformStyle;
    QPalette m_platformPalette;
    /// org.freedesktop.appearance color-scheme: 0 no preference, 1 dark, 2 light.
    uint m_portalScheme = 0;
};

} // namespace quill::ui
