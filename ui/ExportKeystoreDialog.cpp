#include "ExportKeystoreDialog.h"

#include "PasswordStrength.h"
#include "SecretText.h"

#include "vault/KeystoreExport.h"
#include "vault/WalletVault.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace quill::ui {

namespace {

template <typename W> W *named(W *w, const char *objectName, const QString &accessible)
{
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessible);
    return w;
}

const QString kRed = QStringLiteral("#dc2626");
const QString kAmber = QStringLiteral("#b45309");
const QString kGreen = QStringLiteral("#15803d");

QString colored(const QString &color)
{
    return QStringLiteral("QLabel { color: %1; }").arg(color);
}

} // namespace

ExportKeystoreDialog::ExportKeystoreDialog(vault::WalletVault &vault, const vault::Account &account,
                                           const eth::ScryptParams &scrypt, QWidget *parent)
    : QDialog(parent), m_vault(vault), m_account(account), m_scrypt(scrypt)
{
    setObjectName(QStringLiteral("exportKeystoreDialog"));
    setWindowTitle(tr("Export keystore"));
    setAccessibleName(tr("Export keystore"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);

    auto *intro = named(new QLabel(this), "exportIntro", tr("What is exported"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    intro->setText(tr("Save “%1” (%2) as a keystore file (JSON, Web3 Secret Storage v3) that "
                      "other Ethereum wallets can import.")
                       .arg(account.label, account.address));
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_password = named(new QLineEdit(this), "passwordEdit", tr("Password for the file"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least %1 characters; %2 or more is better")
                                       .arg(PasswordStrength::kMinimumLength)
                                       .arg(PasswordStrength::kRecommendedLength));
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    m_repeat = named(new QLineEdit(this), "repeatPasswordEdit", tr("Repeat the password"));
    m_repeat->setEchoMode(QLineEdit::Password);
    auto *repeatLabel = new QLabel(tr("&Repeat:"), this);
    repeatLabel->setBuddy(m_repeat);
    form->addRow(repeatLabel, m_repeat);
    m_strength = named(new QLabel(this), "strengthLabel", tr("Password strength"));
    m_strength->setTextFormat(Qt::PlainText);
    m_strength->setWordWrap(true);
    form->addRow(QString(), m_strength);
    m_shortWarning = named(new QLabel(this), "shortPasswordWarning", tr("Short password warning"));
    m_shortWarning->setTextFormat(Qt::PlainText);
    m_shortWarning->setWordWrap(true);
    m_shortWarning->setStyleSheet(colored(kAmber));
    m_shortWarning->setText(
        tr("Shorter than %1 characters: whoever gets the file can try passwords "
           "on their own computer, as fast as it allows. A longer password is safer.")
            .arg(PasswordStrength::kRecommendedLength));
    m_shortWarning->hide();
    form->addRow(QString(), m_shortWarning);

    auto *fileRow = new QHBoxLayout;
    m_path = named(new QLineEdit(this), "exportPathEdit", tr("File to save"));
    m_path->setText(QDir::toNativeSeparators(defaultPath(account)));
    m_browse = named(new QPushButton(tr("&Browse…"), this), "exportBrowseButton",
                     tr("Choose the file to save"));
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    layout->addLayout(form);

    auto *notice = named(new QLabel(this), "exportNotice", tr("About the file"));
    notice->setTextFormat(Qt::PlainText);
    notice->setWordWrap(true);
    notice->setText(
        tr("The file is encrypted with this password. Anyone who has both the file and "
           "the password controls the account and everything it holds: keep them apart. "
           "Quill cannot recover a forgotten password."));
    layout->addWidget(notice);

    m_progress = named(new QProgressBar(this), "exportProgress", tr("Encrypting"));
    m_progress->setRange(0, 0); // busy: scrypt reports no progress
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    // Keep the layout still when it appears.
    auto keep = m_progress->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keep);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = named(new QLabel(this), "exportStatus", tr("Status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = named(new QPushButton(tr("Cancel"), this), "cancelButton", tr("Cancel"));
    m_export = named(new QPushButton(tr("&Export"), this), "exportButton", tr("Export"));
    m_export->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_export);
    layout->addLayout(buttons);

    connect(m_password, &QLineEdit::textChanged, this, &ExportKeystoreDialog::updateStrength);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        // We ask about an existing file ourselves, when Export is pressed.
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save keystore file"), m_path->text(), tr("Keystore (*.json);;All files (*)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_path->setText(QDir::toNativeSeparators(file));
    });
    connect(m_cancel, &QPushButton::clicked, this, &ExportKeystoreDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportKeystoreDialog::exportNow);
    updateStrength();
    m_password->setFocus();
}

ExportKeystoreDialog::~ExportKeystoreDialog()
{
    m_password->clear();
    m_repeat->clear();
}

QString ExportKeystoreDialog::defaultPath(const vault::Account &account)
{
    QString name;
    for (const QChar c : account.label)
        name += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
                        c == QLatin1Char('.')
                    ? c
                    : QLatin1Char(' ');
    name = name.simplified();
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    if (name.isEmpty())
        name = account.address;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    return QDir(dir).filePath(name + QStringLiteral(".json"));
}

void ExportKeystoreDialog::updateStrength()
{
    const QString text = m_password->text();
    if (text.isEmpty()) {
        m_strength->setText(tr("Strength: type a password"));
        m_strength->setStyleSheet(QString());
        m_shortWarning->hide();
        return;
    }
    const auto s = PasswordStrength::of(text);
    QString word;
    QString color;
    switch (s.level) {
    case PasswordStrength::Level::Weak:
        word = tr("weak");
        color = kRed;
        break;
    case PasswordStrength::Level::Fair:
        word = tr("fair");
        color = kAmber;
        break;
    case PasswordStrength::Level::Strong:
        word = tr("strong");
        color = kGreen;
        break;
    }
    QStringList tips;
    if (s.length < PasswordStrength::kMinimumLength)
        tips << tr("use at least %1 characters").arg(PasswordStrength::kMinimumLength);
    if (s.commonPattern)
        tips << tr("avoid common passwords and runs like 1234, abcd or qwerty");
    if (s.level != PasswordStrength::Level::Strong && s.classes < 3)
        tips << tr("mix upper and lower case, digits and symbols, or make it longer");
    m_strength->setText(tips.isEmpty()
                            ? tr("Strength: %1").arg(word)
                            : tr("Strength: %1 — %2").arg(word, tips.join(QStringLiteral("; "))));
    m_strength->setStyleSheet(colored(color));
    m_shortWarning->setVisible(s.length >= PasswordStrength::kMinimumLength &&
                               s.length < PasswordStrength::kRecommendedLength);
}

void ExportKeystoreDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_repeat),
                       static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse),
                       static_cast<QWidget *>(m_cancel), static_cast<QWidget *>(m_export)})
        w->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void ExportKeystoreDialog::fail(const QString &message)
{
    setBusy(false);
    m_status->setStyleSheet(colored(kRed));
    m_status->setText(message);
}

void ExportKeystoreDialog::exportNow()
{
    if (m_busy)
        return;
    const QString password = m_password->text();
    if (password.isEmpty()) {
        fail(tr("Type a password for the file, twice."));
        m_password->setFocus();
        return;
    }
    if (password != m_repeat->text()) {
        m_password->clear();
        m_repeat->clear();
        fail(tr("The two passwords are different. Type the password again in both fields."));
        m_password->setFocus();
        return;
    }
    if (PasswordStrength::of(password).length < PasswordStrength::kMinimumLength) {
        m_password->clear();
        m_repeat->clear();
        fail(tr("The password is too short: use at least %1 characters.")
                 .arg(PasswordStrength::kMinimumLength));
        m_password->setFocus();
        return;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty() || QFileInfo(path).isDir()) {
        fail(tr("Choose the file to save: a file name, not a folder."));
        m_path->setFocus();
        return;
    }
    if (!QFileInfo::exists(path)) {
        start(false);
        return;
    }
    // Window-modal, without a nested event loop; replacing needs an explicit Replace.
    auto *ask = new QMessageBox(QMessageBox::Warning, tr("Replace the file?"),
                                tr("%1 already exists. Replace it with this account's keystore? "
                                   "What it holds now is lost.")
                                    .arg(QDir::toNativeSeparators(path)),
                                QMessageBox::NoButton, this);
    ask->setObjectName(QStringLiteral("replaceFileQuestion"));
    ask->setAccessibleName(tr("Replace the file?"));
    auto *replace = ask->addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    auto *keep = ask->addButton(tr("&Keep it"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    ask->setDefaultButton(keep);
    ask->setEscapeButton(keep);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, replace] {
        if (ask->clickedButton() == replace) {
            start(true);
        } else {
            m_status->setStyleSheet(QString());
            m_status->setText(
                tr("Not exported: choose another file name, or Export again to replace it."));
            m_path->setFocus();
        }
    });
    ask->open();
}

void ExportKeystoreDialog::start(bool overwrite)
{
    if (m_busy)
        return;
    auto password = takeSecret(m_password->text(), false);
    m_password->clear();
    m_repeat->clear();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    setBusy(true, tr("Encrypting the key (this takes a second)…"));
    vault::exportKeystore(
        m_vault, m_account.address, std::move(password), path, {m_scrypt, overwrite},
        [self = QPointer<ExportKeystoreDialog>(this), path](Status st) {
            if (!self)
                return;
            if (!st) {
                self->fail(tr("Not exported: %1").arg(describeTranslated(st.error())));
                return;
            }
            self->setBusy(false, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
            Q_EMIT self->exported(path);
            self->accept();
        });
}

void ExportKeystoreDialog::reject()
{
    if (m_busy)
        return; // the file is being written; it takes a second
    m_password->clear();
    m_repeat->clear();
    QDialog::reject();
}

void ExportKeystoreDialog::closeEvent(QCloseEvent *event)
{
    if (m_busy) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace quill::ui
