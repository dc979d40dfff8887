#include "ImportWalletDialog.h"

#include "crypto/Encoding.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace quill::ui {

namespace {

/// Copies a QString secret into SecureBytes (UTF-8) and wipes the QString's buffer.
crypto::SecureBytes takeSecret(QString &text)
{
    QByteArray utf8 = text.trimmed().toUtf8();
    crypto::SecureBytes out(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                                          size_t(utf8.size())));
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
    return out;
}

} // namespace

ImportWalletDialog::ImportWalletDialog(vault::WalletVault &vault, QWidget *parent) : QDialog(parent), m_vault(vault)
{
    setObjectName(QStringLiteral("importWalletDialog"));
    setWindowTitle(tr("Add an account"));
    setAccessibleName(tr("Add an account"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setAccessibleName(tr("How to add the account"));
    m_kind->addItem(tr("Private key"));
    form->addRow(tr("&Add from:"), m_kind);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setAccessibleName(tr("Account label"));
    m_label->setPlaceholderText(tr("e.g. Main"));
    form->addRow(tr("&Label:"), m_label);
    layout->addLayout(form);

    m_pages = new QStackedWidget(this);
    // Private key page.
    auto *keyPage = new QWidget(m_pages);
    auto *keyForm = new QFormLayout(keyPage);
    m_privateKey = new QLineEdit(keyPage);
    m_privateKey->setObjectName(QStringLiteral("privateKeyEdit"));
    m_privateKey->setAccessibleName(tr("Private key"));
    m_privateKey->setEchoMode(QLineEdit::Password);
    m_privateKey->setPlaceholderText(tr("64 hex digits, with or without 0x"));
    keyForm->addRow(tr("Private &key:"), m_privateKey);
    m_pages->addWidget(keyPage);
    layout->addWidget(m_pages);
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Status"));
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportWalletDialog::importNow);
}

void ImportWalletDialog::setBusy(bool busy, const QString &message)
{
    m_import->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void ImportWalletDialog::fail(const QString &message)
{
    setBusy(false);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #dc2626; }"));
    m_status->setText(message);
}

void ImportWalletDialog::finishWith(const Result<vault::Account> &result)
{
    if (!result) {
        fail(describe(result.error()));
        return;
    }
    setBusy(false, tr("Added %1").arg(result->address));
    accept();
}

void ImportWalletDialog::importNow()
{
    const QString label = m_label->text().trimmed();
    QString text = m_privateKey->text();
    m_privateKey->clear();
    auto utf8 = takeSecret(text);
    auto key = crypto::secretFromHex(
        std::string_view(reinterpret_cast<const char *>(utf8.data()), utf8.size()), true);
    if (!key || key->size() != 32) {
        fail(tr("A private key is 64 hex digits (32 bytes), optionally prefixed with 0x."));
        return;
    }
    setBusy(true, tr("Saving to the OS keychain…"));
    m_vault.importKey(std::move(key).value(), label, vault::AccountSource::PrivateKey, QString(),
                      [self = QPointer<ImportWalletDialog>(this)](Result<vault::Account> r) {
                          if (self)
                              self->finishWith(r);
                      });
}

} // namespace quill::ui
