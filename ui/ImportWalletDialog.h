#pragma once

#include "vault/WalletVault.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace quill::ui {

/// Adds an account to the vault: from a private key, a recovery phrase (BIP-39, account
/// picker), a keystore v3 file, or a newly created wallet. Secrets typed here are copied
/// into SecureBytes at once and the widgets are cleared; slow KDFs run off the GUI thread.
class ImportWalletDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { PrivateKey = 0 };

    explicit ImportWalletDialog(vault::WalletVault &vault, QWidget *parent = nullptr);

private:
    void importNow();
    void setBusy(bool busy, const QString &message = {});
    void fail(const QString &message);
    void finishWith(const Result<vault::Account> &result);

    vault::WalletVault &m_vault;
    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QLineEdit *m_label;
    QLineEdit *m_privateKey;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
};

} // namespace quill::ui
