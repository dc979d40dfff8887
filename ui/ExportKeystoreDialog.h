#pragma once

#include "eth/Keystore.h"
#include "vault/Account.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressBar;
class QPushButton;

namespace quill::vault {
class WalletVault;
}

namespace quill::ui {

/// Exports one account as an encrypted keystore file (issue #11): the password twice with a
/// live strength hint (refused when empty, different or under 8 characters; a warning under
/// 12), where to save it (asks before replacing a file), and what the file means. The export
/// itself is vault::exportKeystore: scrypt off the GUI thread (about a second, the dialog
/// shows it is busy and takes no second submit), written 0600. The password is taken out of
/// the fields into SecureBytes when the export starts and the fields are cleared.
class ExportKeystoreDialog : public QDialog
{
    Q_OBJECT
public:
    /// `scrypt` is the written file's cost; Quill always passes the default
    /// (n = 2^18, r = 8, p = 1) — tests pass a cheaper one.
    ExportKeystoreDialog(vault::WalletVault &vault, const vault::Account &account,
                         const eth::ScryptParams &scrypt = {}, QWidget *parent = nullptr);
    ~ExportKeystoreDialog() override;

    /// The file the dialog proposes for `account`: its label (or address) as a file name,
    /// with .json, in the Documents folder (the home folder if there is none).
    static QString defaultPath(const vault::Account &account);

    QString address() const { return m_account.address; }
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// The file was written.
    void exported(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateStrength();
    void exportNow();
    void start(bool overwrite);
    void setBusy(bool busy, const QString &message = {});
    void fail(const QString &message);

    vault::WalletVault &m_vault;
    vault::Account m_account;
    eth::ScryptParams m_scrypt;
    bool m_busy = false;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_strength;
    QLabel *m_shortWarning;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QPushButton *m_export;
};

} // namespace quill::ui
