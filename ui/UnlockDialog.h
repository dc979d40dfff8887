#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quill::ui {

class IdleLock;

/// Asks to unlock Quill (issue #11): a plain confirmation without an app password, the
/// password with one. Cancel is the default button without a password (Enter never unlocks
/// by accident); with one, Enter in the password field tries it. A wrong password or an
/// unavailable keychain keeps Quill locked and says why. Accepted means "unlocked".
class UnlockDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Confirm,  ///< no app password: "continue?"
        Password, ///< the app password is checked against the keychain's hash
    };

    UnlockDialog(IdleLock &lock, Mode mode, const QString &message, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }

private:
    void tryUnlock();

    IdleLock &m_lock;
    Mode m_mode;
    QLineEdit *m_password = nullptr;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_unlock;
    bool m_checking = false;
};

} // namespace quill::ui
