#pragma once

#include "crypto/SecureBytes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quill::ui {

/// Asks for a new app password twice (issue #11). OK is enabled once both fields match and
/// hold at least IdleLock::kMinPasswordLength characters.
class NewPasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewPasswordDialog(QWidget *parent = nullptr);

    /// The password as UTF-8; both fields are cleared and the temporary copy wiped.
    [[nodiscard]] crypto::SecureBytes takePassword();

private:
    void updateState();

    QLineEdit *m_first;
    QLineEdit *m_second;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace quill::ui
