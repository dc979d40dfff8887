#pragma once

#include "vault/WalletVault.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace quill::eth {
class HdKey;
}

namespace quill::ui {

/// Adds an account to the vault: from a private key, a recovery phrase (BIP-39, with an
/// account picker and custom paths), a keystore v3 file, or a newly created wallet whose
/// phrase is shown once. Secrets typed here are copied into SecureBytes at once and the
/// widgets cleared; KDFs (scrypt, PBKDF2) run off the GUI thread.
class ImportWalletDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { PrivateKeyPage = 0, MnemonicPage = 1, KeystorePage = 2, CreatePage = 3 };

    explicit ImportWalletDialog(vault::WalletVault &vault, QWidget *parent = nullptr);
    ~ImportWalletDialog() override;

    /// Opens on this kind of import (the welcome panel's "Create a wallet" opens CreatePage).
    void setPage(Page page);

private:
    void importNow();
    void showAccounts();
    void setBusy(bool busy, const QString &message = {});
    void fail(const QString &message);
    void store(crypto::SecureBytes key, vault::AccountSource source, const QString &path);

    vault::WalletVault &m_vault;
    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QLineEdit *m_label;
    QLineEdit *m_privateKey;
    QPlainTextEdit *m_phrase;
    QLineEdit *m_passphrase;
    QPushButton *m_showAccounts;
    QListWidget *m_accountList;
    QLineEdit *m_customPath;
    QLineEdit *m_keystorePath;
    QLineEdit *m_keystorePassword;
    QComboBox *m_words;
    QPlainTextEdit *m_newPhrase;
    QCheckBox *m_wroteItDown;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
    std::shared_ptr<eth::HdKey> m_master;      ///< derived from the phrase shown in the list
    std::shared_ptr<crypto::SecureBytes> m_createdKey;
    QString m_createdPath;
};

} // namespace quill::ui
