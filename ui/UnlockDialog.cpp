#include "UnlockDialog.h"

#include "IdleLock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <sodium/utils.h>

namespace quill::ui {

UnlockDialog::UnlockDialog(IdleLock &lock, Mode mode, const QString &message, QWidget *parent)
    : QDialog(parent), m_lock(lock), m_mode(mode)
{
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Unlock Quill"));
    setAccessibleName(tr("Unlock Quill"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);

    auto *text = new QLabel(message, this);
    text->setObjectName(QStringLiteral("unlockMessage"));
    text->setAccessibleName(message);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    layout->addWidget(text);

    if (m_mode == Mode::Password) {
        auto *prompt = new QLabel(tr("App &password:"), this);
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("unlockPasswordEdit"));
        m_password->setAccessibleName(tr("App password"));
        m_password->setEchoMode(QLineEdit::Password);
        prompt->setBuddy(m_password);
        layout->addWidget(prompt);
        layout->addWidget(m_password);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #dc2626; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("unlockCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_unlock = new QPushButton(m_mode == Mode::Password ? tr("&Unlock") : tr("&Continue"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setAccessibleName(m_mode == Mode::Password ? tr("Unlock") : tr("Continue"));
    if (m_mode == Mode::Password) {
        m_unlock->setDefault(true);
        m_cancel->setAutoDefault(false);
    } else {
        m_cancel->setDefault(true);
        m_unlock->setAutoDefault(false);
    }
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_unlock);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockDialog::tryUnlock);
    if (m_password)
        m_password->setFocus();
    else
        m_cancel->setFocus();
}

void UnlockDialog::tryUnlock()
{
    if (m_checking)
        return;
    if (m_mode == Mode::Confirm) {
        m_lock.unlock();
        accept();
        return;
    }
    // The password leaves the widget at once: into SecureBytes, the UTF-8 copy wiped.
    QByteArray utf8 = m_password->text().toUtf8();
    crypto::SecureBytes password(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(utf8.constData()), size_t(utf8.size())));
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    m_password->clear();
    m_checking = true;
    m_unlock->setEnabled(false);
    m_error->setText(tr("Checking…"));
    m_error->show();
    QPointer<UnlockDialog> self(this);
    m_lock.verifyPassword(std::move(password), [self](Result<bool> ok) {
        if (!self)
            return;
        self->m_checking = false;
        self->m_unlock->setEnabled(true);
        self->m_password->setFocus();
        if (ok && *ok) {
            self->m_lock.unlock();
            self->accept();
            return;
        }
        if (ok) {
            self->m_error->setText(tr("Wrong password. Quill stays locked."));
        } else if (ok.error().code == ErrorCode::KeychainUnavailable ||
                   ok.error().code == ErrorCode::KeychainTimeout) {
            self->m_error->setText(
                tr("The OS keychain is not available, so Quill cannot check the app password "
                   "and stays locked. Unlock the keyring and try again. (%1)")
                    .arg(describeTranslated(ok.error())));
        } else if (ok.error().code == ErrorCode::SecretNotFound) {
            // Removed from the keychain outside Quill (IdleLock has dropped its flag): whoever
            // could do that can read the keys there too, so confirming is all that is left.
            self->m_mode = Mode::Confirm;
            self->m_password->hide();
            self->m_unlock->setText(tr("&Continue"));
            self->m_unlock->setAccessibleName(tr("Continue"));
            self->m_error->setText(
                tr("The app password is no longer in the OS keychain (it was removed outside "
                   "Quill), so Quill no longer asks for it. Set a new one in Settings. Continue?"));
        } else {
            self->m_error->setText(tr("Cannot check the app password: %1. Quill stays locked.")
                                       .arg(describeTranslated(ok.error())));
        }
        self->m_error->setAccessibleName(self->m_error->text());
    });
}

} // namespace quill::ui
