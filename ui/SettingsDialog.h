#pragma once

#include "AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace quill::ui {

class IdleLock;

/// Quill's settings (issue #11): theme, start at login, start hidden, the WebSocket for
/// browser apps, the approval dialog's default "remember for", the idle lock and the app
/// password. OK saves to QSettings and applies at once (theme, idle lock, WebSocket, start at
/// login); Cancel and Esc change nothing. The app password is not part of OK/Cancel: it goes
/// to the OS keychain as soon as it is set or cleared.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `lock` may be null (no idle lock: its controls are hidden).
    explicit SettingsDialog(IdleLock *lock, QWidget *parent = nullptr);

    /// What the controls show now.
    AppSettings values() const;

public Q_SLOTS:
    /// OK: save, apply, close. Stays open if the autostart entry cannot be written, and
    /// while Quill is locked a change to the idle lock asks to unlock first.
    void accept() override;

Q_SIGNALS:
    /// Saved and applied (the theme, the idle lock); the rest is the receiver's.
    void applied(const quill::ui::AppSettings &settings);

private:
    void updatePasswordState();
    void changePassword();
    void clearPassword();

    IdleLock *m_lock;
    bool m_autostartWas = false;
    QComboBox *m_theme;
    QCheckBox *m_autostart;
    QCheckBox *m_startHidden;
    QCheckBox *m_webSocket;
    QSpinBox *m_port;
    QComboBox *m_remember;
    QComboBox *m_idleLock;
    QLabel *m_passwordState = nullptr;
    QPushButton *m_setPassword = nullptr;
    QPushButton *m_clearPassword = nullptr;
};

} // namespace quill::ui
