#include "ImportWalletDialog.h"

#include "common/Async.h"
#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Keystore.h"
#include "eth/Mnemonic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace quill::ui {

namespace {

/// Copies a QString secret into SecureBytes (UTF-8) and wipes the QString's buffer.
crypto::SecureBytes takeSecret(QString text, bool trim = true)
{
    QByteArray utf8 = (trim ? text.trimmed() : text).toUtf8();
    crypto::SecureBytes out(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                                          size_t(utf8.size())));
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    return out;
}

std::string_view view(const crypto::SecureBytes &b) { return {reinterpret_cast<const char *>(b.data()), b.size()}; }

QString addressOf(const crypto::SecureBytes &key)
{
    auto pub = crypto::secp256k1::publicKey(key);
    return pub ? QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed()) : QString();
}

template <typename W>
W *named(W *w, const char *objectName, const QString &accessible)
{
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessible);
    return w;
}

constexpr int kListedAccounts = 5;

} // namespace

ImportWalletDialog::ImportWalletDialog(vault::WalletVault &vault, QWidget *parent) : QDialog(parent), m_vault(vault)
{
    setObjectName(QStringLiteral("importWalletDialog"));
    setWindowTitle(tr("Add an account"));
    setAccessibleName(tr("Add an account"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_kind = named(new QComboBox(this), "kindCombo", tr("How to add the account"));
    m_kind->addItems({tr("Private key"), tr("Recovery phrase (BIP-39)"), tr("Keystore file (JSON)"), tr("Create a new wallet")});
    auto *kindLabel = new QLabel(tr("&Add from:"), this);
    kindLabel->setBuddy(m_kind);
    form->addRow(kindLabel, m_kind);
    m_label = named(new QLineEdit(this), "labelEdit", tr("Account label"));
    m_label->setPlaceholderText(tr("e.g. Main"));
    auto *labelLabel = new QLabel(tr("&Label:"), this);
    labelLabel->setBuddy(m_label);
    form->addRow(labelLabel, m_label);
    layout->addLayout(form);

    m_pages = new QStackedWidget(this);
    // Private key.
    auto *keyPage = new QWidget(m_pages);
    auto *keyForm = new QFormLayout(keyPage);
    m_privateKey = named(new QLineEdit(keyPage), "privateKeyEdit", tr("Private key"));
    m_privateKey->setEchoMode(QLineEdit::Password);
    m_privateKey->setPlaceholderText(tr("64 hex digits, with or without 0x"));
    keyForm->addRow(tr("Private &key:"), m_privateKey);
    m_pages->addWidget(keyPage);

    // Recovery phrase with an account picker.
    auto *phrasePage = new QWidget(m_pages);
    auto *phraseLayout = new QFormLayout(phrasePage);
    m_phrase = named(new QPlainTextEdit(phrasePage), "phraseEdit", tr("Recovery phrase"));
    m_phrase->setPlaceholderText(tr("12 to 24 words separated by spaces"));
    m_phrase->setMaximumHeight(80);
    m_phrase->setTabChangesFocus(true);
    phraseLayout->addRow(tr("&Phrase:"), m_phrase);
    m_passphrase = named(new QLineEdit(phrasePage), "passphraseEdit", tr("Optional passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("optional (the \"25th word\")"));
    phraseLayout->addRow(tr("Pass&phrase:"), m_passphrase);
    m_showAccounts = named(new QPushButton(tr("&Show accounts"), phrasePage), "showAccountsButton", tr("Show accounts"));
    phraseLayout->addRow(QString(), m_showAccounts);
    m_accountList = named(new QListWidget(phrasePage), "accountList", tr("Accounts of this phrase"));
    m_accountList->setMaximumHeight(120);
    phraseLayout->addRow(tr("A&ccount:"), m_accountList);
    m_customPath = named(new QLineEdit(phrasePage), "customPathEdit", tr("Custom derivation path"));
    m_customPath->setPlaceholderText(tr("optional, e.g. m/44'/60'/1'/0/0"));
    phraseLayout->addRow(tr("Custom pa&th:"), m_customPath);
    m_pages->addWidget(phrasePage);
    connect(m_showAccounts, &QPushButton::clicked, this, &ImportWalletDialog::showAccounts);

    // Keystore file.
    auto *keystorePage = new QWidget(m_pages);
    auto *keystoreForm = new QFormLayout(keystorePage);
    auto *fileRow = new QHBoxLayout;
    m_keystorePath = named(new QLineEdit(keystorePage), "keystorePathEdit", tr("Keystore file"));
    auto *browse = named(new QPushButton(tr("&Browse…"), keystorePage), "browseButton", tr("Browse for a keystore file"));
    fileRow->addWidget(m_keystorePath, 1);
    fileRow->addWidget(browse);
    keystoreForm->addRow(tr("&File:"), fileRow);
    m_keystorePassword = named(new QLineEdit(keystorePage), "keystorePasswordEdit", tr("Keystore password"));
    m_keystorePassword->setEchoMode(QLineEdit::Password);
    keystoreForm->addRow(tr("Pass&word:"), m_keystorePassword);
    m_pages->addWidget(keystorePage);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Keystore file"), QString(), tr("Keystore (*.json);;All files (*)"));
        if (!file.isEmpty())
            m_keystorePath->setText(file);
    });

    // Create.
    auto *createPage = new QWidget(m_pages);
    auto *createLayout = new QFormLayout(createPage);
    m_words = named(new QComboBox(createPage), "wordsCombo", tr("Number of words"));
    m_words->addItem(tr("12 words"), 12);
    m_words->addItem(tr("24 words"), 24);
    createLayout->addRow(tr("&Words:"), m_words);
    m_newPhrase = named(new QPlainTextEdit(createPage), "newPhraseView", tr("New recovery phrase"));
    m_newPhrase->setReadOnly(true);
    m_newPhrase->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_newPhrase->setMaximumHeight(90);
    m_newPhrase->setPlaceholderText(tr("Press Create to make a new wallet; its phrase appears here once."));
    createLayout->addRow(tr("Recovery phrase:"), m_newPhrase);
    m_wroteItDown = named(new QCheckBox(tr("I have written the phrase down; Quill will not show it again"), createPage),
                          "wroteItDownCheck", tr("I have written the phrase down"));
    m_wroteItDown->setEnabled(false);
    createLayout->addRow(QString(), m_wroteItDown);
    m_pages->addWidget(createPage);
    connect(m_wroteItDown, &QCheckBox::toggled, this, [this](bool on) {
        if (m_kind->currentIndex() == CreatePage && m_createdKey)
            m_import->setEnabled(on);
    });

    layout->addWidget(m_pages);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_pages->setCurrentIndex(i);
        m_status->clear();
        m_import->setText(i == CreatePage && !m_createdKey ? tr("&Create") : tr("&Import"));
        m_import->setEnabled(i != CreatePage || !m_createdKey || m_wroteItDown->isChecked());
    });

    m_status = named(new QLabel(this), "statusLabel", tr("Status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel = named(new QPushButton(tr("Cancel"), this), "cancelButton", tr("Cancel"));
    m_import = named(new QPushButton(tr("&Import"), this), "importButton", tr("Import"));
    m_import->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportWalletDialog::importNow);
}

void ImportWalletDialog::setPage(Page page)
{
    m_kind->setCurrentIndex(page);
}

ImportWalletDialog::~ImportWalletDialog()
{
    m_newPhrase->clear();
    m_phrase->clear();
}

void ImportWalletDialog::setBusy(bool busy, const QString &message)
{
    m_import->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    m_showAccounts->setEnabled(!busy);
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void ImportWalletDialog::fail(const QString &message)
{
    setBusy(false);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #dc2626; }"));
    m_status->setText(message);
}

void ImportWalletDialog::store(crypto::SecureBytes key, vault::AccountSource source, const QString &path)
{
    setBusy(true, tr("Saving to the OS keychain…"));
    m_vault.importKey(std::move(key), m_label->text().trimmed(), source, path,
                      [self = QPointer<ImportWalletDialog>(this)](Result<vault::Account> r) {
                          if (!self)
                              return;
                          if (!r) {
                              self->fail(describeTranslated(r.error()));
                              return;
                          }
                          self->setBusy(false, tr("Added %1").arg(r->address));
                          self->accept();
                      });
}

void ImportWalletDialog::showAccounts()
{
    auto phrase = takeSecret(m_phrase->toPlainText());
    auto passphrase = takeSecret(m_passphrase->text(), false);
    auto mnemonic = eth::Mnemonic::parse(view(phrase));
    if (!mnemonic) {
        fail(describeTranslated(mnemonic.error()));
        return;
    }
    setBusy(true, tr("Deriving accounts…"));
    auto shared = std::make_shared<eth::Mnemonic>(std::move(mnemonic).value());
    auto pass = std::make_shared<crypto::SecureBytes>(std::move(passphrase));
    // PBKDF2 (2048 rounds) and derivation: off the GUI thread.
    runInBackground(
        this,
        [shared, pass]() -> std::pair<std::shared_ptr<eth::HdKey>, QStringList> {
            auto master = eth::HdKey::fromSeed(shared->toSeed(view(*pass)));
            if (!master)
                return {};
            QStringList addresses;
            for (std::uint32_t i = 0; i < kListedAccounts; ++i)
                if (auto child = master->derive(eth::HdKey::ethereumPath(i)))
                    addresses << addressOf(child->privateKey());
            return {std::make_shared<eth::HdKey>(std::move(master).value()), addresses};
        },
        [this](std::pair<std::shared_ptr<eth::HdKey>, QStringList> result) {
            setBusy(false);
            m_master = result.first;
            m_accountList->clear();
            for (int i = 0; i < result.second.size(); ++i) {
                auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(QString::fromStdString(eth::HdKey::ethereumPath(std::uint32_t(i))),
                                                                                 result.second[i]),
                                                 m_accountList);
                item->setData(Qt::UserRole, QString::fromStdString(eth::HdKey::ethereumPath(std::uint32_t(i))));
            }
            m_accountList->setCurrentRow(0);
            m_status->setText(tr("Pick an account, or give a custom path."));
        });
}

void ImportWalletDialog::importNow()
{
    switch (m_kind->currentIndex()) {
    case PrivateKeyPage: {
        auto utf8 = takeSecret(m_privateKey->text());
        m_privateKey->clear();
        auto key = crypto::secretFromHex(view(utf8), true);
        if (!key || key->size() != 32) {
            fail(tr("A private key is 64 hex digits (32 bytes), optionally prefixed with 0x."));
            return;
        }
        store(std::move(key).value(), vault::AccountSource::PrivateKey, QString());
        return;
    }
    case MnemonicPage: {
        if (!m_master) {
            fail(tr("Press Show accounts first, then pick one."));
            return;
        }
        QString path = m_customPath->text().trimmed();
        if (path.isEmpty() && m_accountList->currentItem())
            path = m_accountList->currentItem()->data(Qt::UserRole).toString();
        auto child = m_master->derive(path.toStdString());
        if (!child) {
            fail(describeTranslated(child.error()));
            return;
        }
        m_phrase->clear();
        m_passphrase->clear();
        store(child->privateKey().clone(), vault::AccountSource::Mnemonic, path);
        return;
    }
    case KeystorePage: {
        QFile file(m_keystorePath->text());
        if (!file.open(QIODevice::ReadOnly) || file.size() > 256 * 1024) {
            fail(tr("Cannot read the keystore file: %1").arg(file.errorString()));
            return;
        }
        const std::string json = file.readAll().toStdString();
        if (auto info = eth::keystore::inspect(json); !info) {
            fail(describeTranslated(info.error()));
            return;
        }
        auto password = std::make_shared<crypto::SecureBytes>(takeSecret(m_keystorePassword->text(), false));
        m_keystorePassword->clear();
        setBusy(true, tr("Decrypting the keystore (this takes a second)…"));
        runInBackground(
            this, [json, password]() { return eth::keystore::decrypt(json, *password); },
            [this](Result<crypto::SecureBytes> key) {
                if (!key) {
                    fail(describeTranslated(key.error()));
                    return;
                }
                store(std::move(key).value(), vault::AccountSource::Keystore, QString());
            });
        return;
    }
    case CreatePage: {
        if (!m_createdKey) {
            const auto mnemonic = eth::Mnemonic::generate(m_words->currentData().toInt());
            auto master = eth::HdKey::fromSeed(mnemonic.toSeed());
            auto child = master ? master->derive(eth::HdKey::ethereumPath(0)) : Result<eth::HdKey>(master.error());
            if (!child) {
                fail(describeTranslated(child.error()));
                return;
            }
            m_createdKey = std::make_shared<crypto::SecureBytes>(child->privateKey().clone());
            m_createdPath = QString::fromStdString(eth::HdKey::ethereumPath(0));
            m_newPhrase->setPlainText(QString::fromUtf8(view(mnemonic.phrase()).data(), qsizetype(mnemonic.phrase().size())));
            m_words->setEnabled(false);
            m_wroteItDown->setEnabled(true);
            m_import->setText(tr("&Import"));
            m_import->setEnabled(false);
            m_status->setText(tr("Write these words down in order, then confirm. Address: %1").arg(addressOf(*m_createdKey)));
            return;
        }
        if (!m_wroteItDown->isChecked())
            return;
        m_newPhrase->clear();
        store(std::move(*m_createdKey), vault::AccountSource::Created, m_createdPath);
        return;
    }
    }
}

} // namespace quill::ui
