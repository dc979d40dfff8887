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
class Mnemonic;
}

namespace quill::ui {

/// Adds an account to the vault: from a private key, a recovery phrase (BIP-39, with an
/// account picker and custom paths), a keystore v3 file, or a newly created wallet whose
/// phrase is shown once — and saved only after the user has typed back three of its words,
/// chosen at random, by position (issue #11). Secrets typed here are copied into
/// SecureBytes at once and the widgets cleared (on close too); KDFs (scrypt, PBKDF2) run off
/// the GUI thread.
class ImportWalletDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page { PrivateKeyPage = 0, MnemonicPage = 1, KeystorePage = 2, CreatePage = 3 };
    /// After Create: the words to type back. Not a choice of the kind combo.
    static constexpr int kWordCheckPage = 4;
    static constexpr int kCheckedWords = 3;

    explicit ImportWalletDialog(vault::WalletVault &vault, QWidget *parent = nullptr);
    ~ImportWalletDialog() override;

    /// Opens on this kind of import (the welcome panel's "Create a wallet" opens CreatePage).
    void setPage(Page page);
    /// The positions (1-based, ascending) the word check asks for; empty before it.
    QList<int> checkPositions() const { return m_checkPositions; }

public Q_SLOTS:
    /// Clears every field that held a secret (phrase, words, keys, passwords), then closes.
    void done(int result) override;

private:
    void importNow();
    void showAccounts();
    void setBusy(bool busy, const QString &message = {});
    void fail(const QString &message);
    void store(crypto::SecureBytes key, vault::AccountSource source, const QString &path);
    void startWordCheck();
    void backToWords();
    void checkWordsAndSave();
    void clearSecretFields();

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
    QLabel *m_checkLabels[kCheckedWords];
    QLineEdit *m_checkEdits[kCheckedWords];
    QPushButton *m_back;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
    std::shared_ptr<eth::HdKey> m_master;      ///< derived from the phrase shown in the list
    std::shared_ptr<crypto::SecureBytes> m_createdKey;
    std::shared_ptr<eth::Mnemonic> m_createdMnemonic; ///< kept only for the word check
    QList<int> m_checkPositions;
    QString m_createdPath;
};

} // namespace quill::ui
