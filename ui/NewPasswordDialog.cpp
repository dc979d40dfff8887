#include "NewPasswordDialog.h"

#include "IdleLock.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <sodium/utils.h>

namespace quill::ui {

NewPasswordDialog::NewPasswordDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("newPasswordDialog"));
    setWindowTitle(tr("App password"));
    setAccessibleName(tr("Set the app password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Quill asks for this password before approving or removing anything once it "
           "has locked itself. It is kept only as a hash in the OS keychain; if you forget "
           "it, remove it there (entry “app-password” of “quill”)."),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_first = new QLineEdit(this);
    m_first->setObjectName(QStringLiteral("newPasswordEdit"));
    m_first->setAccessibleName(tr("New app password"));
    m_first->setEchoMode(QLineEdit::Password);
    m_second = new QLineEdit(this);
    m_second->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_second->setAccessibleName(tr("Repeat the new app password"));
    m_second->setEchoMode(QLineEdit::Password);
    auto *firstLabel = new QLabel(tr("&New password:"), this);
    firstLabel->setBuddy(m_first);
    auto *secondLabel = new QLabel(tr("&Repeat:"), this);
    secondLabel->setBuddy(m_second);
    form->addRow(firstLabel, m_first);
    form->addRow(secondLabel, m_second);
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("newPasswordHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("newPasswordCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setAutoDefault(false);
    m_ok = new QPushButton(tr("&Set password"), this);
    m_ok->setObjectName(QStringLiteral("newPasswordOkButton"));
    m_ok->setAccessibleName(tr("Set password"));
    m_ok->setDefault(true);
    buttons->addWidget(cancel);
    buttons->addWidget(m_ok);
    layout->addLayout(buttons);

    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(m_first, &QLineEdit::textChanged, this, &NewPasswordDialog::updateState);
    connect(m_second, &QLineEdit::textChanged, this, &NewPasswordDialog::updateState);
    connect(this, &QDialog::rejected, this, [this] {
        m_first->clear();
        m_second->clear();
    });
    updateState();
    m_first->setFocus();
}

void NewPasswordDialog::updateState()
{
    const QString a = m_first->text();
    const bool longEnough = a.size() >= IdleLock::kMinPasswordLength;
    const bool same = a == m_second->text();
    m_ok->setEnabled(longEnough && same);
    m_hint->setText(!longEnough ? tr("At least %1 characters.").arg(IdleLock::kMinPasswordLength)
                    : !same     ? tr("The two passwords differ.")
                                : QString());
}

crypto::SecureBytes NewPasswordDialog::takePassword()
{
    QByteArray utf8 = m_first->text().toUtf8();
    crypto::SecureBytes password(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(utf8.constData()), size_t(utf8.size())));
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    m_first->clear();
    m_second->clear();
    return password;
}

} // namespace quill::ui
