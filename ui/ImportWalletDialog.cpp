#include "ImportWalletDialog.h"

#include "SecretText.h"

#include "common/Async.h"
#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Keystore.h"
#include "eth/Mnemonic.h"
#include "eth/NewWallet.h"

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
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace quill::ui {

namespace {

std::string_view view(const crypto::SecureBytes &b)
{
    return textView(b);
}

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

    // The word check (issue #11): three words of the new phrase, typed back by position.
    auto *checkPage = new QWidget(m_pages);
    checkPage->setObjectName(QStringLiteral("wordCheckPage"));
    auto *checkLayout = new QFormLayout(checkPage);
    auto *checkIntro = named(new QLabel(checkPage), "wordCheckIntro", tr("Word check"));
    checkIntro->setTextFormat(Qt::PlainText);
    checkIntro->setWordWrap(true);
    checkIntro->setText(tr("To make sure your written copy is right, type these words from it. "
                           "Quill saves the account only when they match."));
    checkLayout->addRow(checkIntro);
    for (int i = 0; i < kCheckedWords; ++i) {
        m_checkLabels[i] = new QLabel(checkPage);
        m_checkLabels[i]->setObjectName(QStringLiteral("checkWordLabel%1").arg(i + 1));
        m_checkEdits[i] = new QLineEdit(checkPage);
        m_checkEdits[i]->setObjectName(QStringLiteral("checkWordEdit%1").arg(i + 1));
        m_checkEdits[i]->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                             Qt::ImhNoAutoUppercase | Qt::ImhPreferLowercase);
        m_checkEdits[i]->setMaxLength(32);
        m_checkLabels[i]->setBuddy(m_checkEdits[i]);
        checkLayout->addRow(m_checkLabels[i], m_checkEdits[i]);
    }
    m_pages->addWidget(checkPage);

    layout->addWidget(m_pages);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_pages->setCurrentIndex(i);
        m_status->clear();
        m_import->setText(i != CreatePage ? tr("&Import")
                          : m_createdKey  ? tr("&Next")
                                          : tr("&Create"));
        m_import->setEnabled(i != CreatePage || !m_createdKey || m_wroteItDown->isChecked());
    });

    m_status = named(new QLabel(this), "statusLabel", tr("Status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_back = named(new QPushButton(tr("&Back"), this), "backButton", tr("Back to the words"));
    m_back->setAutoDefault(false);
    m_back->hide();
    buttons->addWidget(m_back);
    buttons->addStretch();
    m_cancel = named(new QPushButton(tr("Cancel"), this), "cancelButton", tr("Cancel"));
    m_import = named(new QPushButton(tr("&Import"), this), "importButton", tr("Import"));
    m_import->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportWalletDialog::importNow);
    connect(m_back, &QPushButton::clicked, this, &ImportWalletDialog::backToWords);
}

void ImportWalletDialog::setPage(Page page)
{
    m_kind->setCurrentIndex(page);
}

ImportWalletDialog::~ImportWalletDialog()
{
    clearSecretFields();
}

void ImportWalletDialog::clearSecretFields()
{
    m_newPhrase->clear();
    m_phrase->clear();
    m_passphrase->clear();
    m_privateKey->clear();
    m_keystorePassword->clear();
    for (auto *edit : m_checkEdits)
        edit->clear();
}

void ImportWalletDialog::done(int result)
{
    clearSecretFields();
    m_createdMnemonic.reset();
    m_createdKey.reset();
    m_checkPositions.clear();
    QDialog::done(result);
}

void ImportWalletDialog::startWordCheck()
{
    // Three distinct positions, at random, in ascending order.
    QList<int> positions;
    for (int p = 1; p <= m_createdMnemonic->wordCount(); ++p)
        positions << p;
    auto *random = QRandomGenerator::system();
    for (qsizetype i = positions.size() - 1; i > 0; --i)
        positions.swapItemsAt(i, qsizetype(random->bounded(int(i) + 1)));
    positions.resize(kCheckedWords);
    std::sort(positions.begin(), positions.end());
    m_checkPositions = positions;
    for (int i = 0; i < kCheckedWords; ++i) {
        m_checkLabels[i]->setText(tr("Word #%1:").arg(positions[i]));
        m_checkEdits[i]->setAccessibleName(tr("Word #%1").arg(positions[i]));
        m_checkEdits[i]->clear();
    }
    m_pages->setCurrentIndex(kWordCheckPage);
    m_kind->setEnabled(false);
    m_back->show();
    m_import->setText(tr("&Save account"));
    m_import->setEnabled(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Type words #%1, #%2 and #%3 of your phrase.")
                          .arg(positions[0])
                          .arg(positions[1])
                          .arg(positions[2]));
    m_checkEdits[0]->setFocus();
}

void ImportWalletDialog::backToWords()
{
    for (auto *edit : m_checkEdits)
        edit->clear();
    m_pages->setCurrentIndex(CreatePage);
    m_kind->setEnabled(true);
    m_back->hide();
    m_import->setText(tr("&Next"));
    m_import->setEnabled(m_wroteItDown->isChecked());
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Write these words down in order, then confirm. Address: %1")
                          .arg(addressOf(*m_createdKey)));
}

void ImportWalletDialog::checkWordsAndSave()
{
    QList<int> empty;
    QList<int> wrong;
    QLineEdit *first = nullptr;
    for (int i = 0; i < kCheckedWords; ++i) {
        const auto typed = takeSecret(m_checkEdits[i]->text());
        if (typed.empty())
            empty << m_checkPositions[i];
        else if (!m_createdMnemonic->hasWordAt(m_checkPositions[i], textView(typed)))
            wrong << m_checkPositions[i];
        else
            continue;
        m_checkEdits[i]->clear();
        if (!first)
            first = m_checkEdits[i];
    }
    auto list = [](const QList<int> &positions) {
        QStringList out;
        for (int p : positions)
            out << QStringLiteral("#%1").arg(p);
        return out.join(QStringLiteral(", "));
    };
    if (!wrong.isEmpty()) {
        fail(
            wrong.size() == 1
                ? tr("Word #%1 is not the word at that position in your phrase. Check your written "
                     "copy, or press Back to see the words again.")
                      .arg(wrong.first())
                : tr("Words %1 are not the words at those positions in your phrase. Check your "
                     "written copy, or press Back to see the words again.")
                      .arg(list(wrong)));
        first->setFocus();
        return;
    }
    if (!empty.isEmpty()) {
        fail(empty.size() == 1 ? tr("Type word %1 too.").arg(list(empty))
                               : tr("Type words %1 too.").arg(list(empty)));
        first->setFocus();
        return;
    }
    for (auto *edit : m_checkEdits)
        edit->clear();
    // A copy: if the keychain refuses, Save can be pressed again.
    store(m_createdKey->clone(), vault::AccountSource::Created, m_createdPath);
}

void ImportWalletDialog::setBusy(bool busy, const QString &message)
{
    m_import->setEnabled(!busy);
    m_kind->setEnabled(!busy && m_pages->currentIndex() != kWordCheckPage);
    m_back->setEnabled(!busy);
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
    if (m_pages->currentIndex() == kWordCheckPage) {
        checkWordsAndSave();
        return;
    }
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
            auto created = eth::NewWallet::create(m_words->currentData().toInt());
            if (!created) {
                fail(describeTranslated(created.error()));
                return;
            }
            m_createdKey = std::make_shared<crypto::SecureBytes>(std::move(created->privateKey));
            m_createdMnemonic = std::make_shared<eth::Mnemonic>(std::move(created->mnemonic));
            m_createdPath = QString::fromStdString(created->derivationPath);
            const eth::Mnemonic &mnemonic = *m_createdMnemonic;
            m_newPhrase->setPlainText(QString::fromUtf8(view(mnemonic.phrase()).data(), qsizetype(mnemonic.phrase().size())));
            m_words->setEnabled(false);
            m_wroteItDown->setEnabled(true);
            m_import->setText(tr("&Next"));
            m_import->setEnabled(false);
            m_status->setText(tr("Write these words down in order, then confirm. Address: %1").arg(addressOf(*m_createdKey)));
            return;
        }
        if (!m_wroteItDown->isChecked())
            return;
        // Saved only after the word check (issue #11).
        startWordCheck();
        return;
    }
    }
}

} // namespace quill::ui
