#include "RemoveAccountDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quill::ui {

RemoveAccountDialog::RemoveAccountDialog(const vault::Account &account, QWidget *parent)
    : QDialog(parent), m_address(account.address)
{
    setObjectName(QStringLiteral("removeAccountDialog"));
    setWindowTitle(tr("Remove account"));
    setAccessibleName(tr("Remove account"));
    auto *layout = new QVBoxLayout(this);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("removeAccountText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setText(tr("Remove “%1” (%2) from Quill?\n\nIts private key is deleted from the OS "
                     "keychain. Without a backup — its recovery phrase, private key or a "
                     "keystore file — the account and everything it holds are lost.")
                      .arg(account.label, account.address));
    layout->addWidget(text);

    auto *prompt = new QLabel(tr("To confirm, type the last %1 characters of the address (…%2):")
                                  .arg(kSuffixLength)
                                  .arg(suffix()),
                              this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmSuffixEdit"));
    m_confirm->setAccessibleName(tr("Last %1 characters of the address").arg(kSuffixLength));
    m_confirm->setMaxLength(kSuffixLength + 2);
    prompt->setBuddy(m_confirm);
    layout->addWidget(m_confirm);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_remove = new QPushButton(tr("&Remove account"), this);
    m_remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    m_remove->setAccessibleName(tr("Remove account"));
    m_remove->setEnabled(false);
    // Enter anywhere (the line edit included) presses Cancel.
    m_remove->setAutoDefault(false);
    m_cancel->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);

    connect(m_confirm, &QLineEdit::textChanged, this, [this](const QString &typed) {
        m_remove->setEnabled(typed.trimmed().compare(suffix(), Qt::CaseInsensitive) == 0);
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_remove->isEnabled())
            accept();
    });
    m_confirm->setFocus();
}

} // namespace quill::ui
