#pragma once

#include "vault/Account.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace quill::ui {

/// Confirms removing an account (issue 11): Cancel is the default button, so Enter or Esc
/// never deletes a key; Remove is enabled only once the user has typed the last
/// kSuffixLength hex characters of the address (any case). Accepted means "remove it".
class RemoveAccountDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kSuffixLength = 6;

    explicit RemoveAccountDialog(const vault::Account &account, QWidget *parent = nullptr);

    QString address() const { return m_address; }
    /// The characters to type: the address's last kSuffixLength.
    QString suffix() const { return m_address.right(kSuffixLength); }

private:
    QString m_address;
    QLineEdit *m_confirm;
    QPushButton *m_cancel;
    QPushButton *m_remove;
};

} // namespace quill::ui
