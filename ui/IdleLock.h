#pragma once

#include "UnlockDialog.h" // QPointer<UnlockDialog> needs the complete type

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "requests/Clock.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;
class QWidget;

namespace quill::vault {
class SecretStore;
}

namespace quill::ui {

/// Quill's idle lock (issue #11). After a time without keyboard or mouse input in any Quill
/// window — or when the desktop's screen saver locks the screen — Quill is "locked": before
/// the next approval, pairing, address sharing or account removal the user must confirm, with
/// the app password if one is set (an account export belongs behind it too: its caller wraps
/// the export in ensureUnlocked()). Locking hides nothing and cancels nothing; it only puts
/// a confirmation in front of the actions that sign, reveal or delete.
///
/// The app password is kept only as an scrypt hash (RFC 7914: N = 2^15, r = 8, p = 1, a
/// random 16-byte salt, 32 bytes) in the SecretStore entry passwordKey(). A non-secret flag
/// in QSettings (passwordSetKey()) records that one was set, so that an unavailable keychain
/// fails closed instead of silently dropping the password.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    enum class Reason
    {
        Idle,         ///< no input for timeout()
        ScreenLocked, ///< the desktop's screen saver became active
    };
    /// When ensureUnlocked() asks.
    enum class Ask
    {
        IfLocked, ///< only while locked (the gate in front of an action)
        Always,   ///< also while unlocked, for the app password itself (change or clear it)
    };

    /// `store` holds the password hash; `clock` says how long the user was away (wall time,
    /// so a suspended laptop counts as idle). Installs an application-wide event filter.
    IdleLock(vault::SecretStore &store, const requests::Clock &clock, QObject *parent = nullptr);
    ~IdleLock() override;

    /// The SecretStore entry of the password hash.
    static QString passwordKey() { return QStringLiteral("app-password"); }
    /// The QSettings flag "an app password was set" (not secret).
    static QString passwordSetKey() { return QStringLiteral("security/appPasswordSet"); }
    static constexpr int kMinPasswordLength = 6;

    /// Locks after `ms` without input; 0 turns the idle lock (and the screen-lock lock) off
    /// and unlocks.
    void setTimeout(UnixMillis ms);
    UnixMillis timeout() const { return m_timeout; }
    bool isLocked() const { return m_locked; }
    Reason reason() const { return m_reason; }
    /// Locks now (if the lock is on).
    void lock(Reason reason);
    /// Locks if the user has been away longer than timeout(); the timer calls it.
    void checkIdle();
    /// Listens for ActiveChanged of org.freedesktop.ScreenSaver (KDE, Xfce, …) and
    /// org.gnome.ScreenSaver on the session bus. Returns false without a session bus.
    bool watchScreenSaver();

    /// Whether an app password was set (the QSettings flag; the keychain is not asked).
    bool hasPassword() const;

    /// Runs `proceed` at once if not locked (and `ask` is IfLocked); otherwise opens the
    /// unlock dialog over `parent` (window-modal, no nested event loop) and runs `proceed`
    /// once the user has confirmed (or given the right password). `action` completes "Quill
    /// was locked … Unlock to %1", e.g. tr("approve this request").
    void ensureUnlocked(QWidget *parent, const QString &action, std::function<void()> proceed,
                        Ask ask = Ask::IfLocked);
    /// The unlock dialog now open, if any (tests and the tray use it).
    UnlockDialog *currentDialog() const { return m_dialog; }

    /// Checks `password` against the stored hash (scrypt off the GUI thread).
    /// Returns (via `done`): true or false, or KeychainUnavailable / KeychainFailure /
    /// SecretNotFound (a password was set but its entry is gone: the flag is dropped, as the
    /// keychain that lost it also holds the keys) — all refuse this unlock.
    /// Secrets: `password` is wiped when done; compared in constant time.
    void verifyPassword(crypto::SecureBytes password, std::function<void(Result<bool>)> done);
    /// Stores a new password's hash in the keychain, then sets the flag.
    /// Returns (via `done`): ok, InvalidArgument (shorter than kMinPasswordLength bytes),
    /// or the store's error (nothing changed then).
    void setPassword(crypto::SecureBytes password, std::function<void(Status)> done);
    /// Removes the hash from the keychain, then clears the flag.
    void clearPassword(std::function<void(Status)> done);
    /// Unlocks (after the user confirmed); input counts from now.
    void unlock();

Q_SIGNALS:
    void lockedChanged(bool locked);
    /// An unlock dialog was opened (tests use it).
    void unlockRequested(UnlockDialog *dialog);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private Q_SLOTS:
    /// ActiveChanged(bool) of a screen saver (old-style slot: QtDBus connects by signature).
    void screenSaverActiveChanged(bool active);

private:
    vault::SecretStore &m_store;
    const requests::Clock &m_clock;
    UnixMillis m_timeout = 0;
    UnixMillis m_lastInput = 0;
    bool m_locked = false;
    Reason m_reason = Reason::Idle;
    QTimer *m_timer;
    QPointer<UnlockDialog> m_dialog;
};

} // namespace quill::ui
