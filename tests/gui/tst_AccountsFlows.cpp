// GUI tests (offscreen) of the account flows of issue #11: Export keystore… (dialog, action,
// the file it writes) and the word check after creating a wallet, with the in-memory store.

#include "../AsyncWait.h"
#include "../BrokerFixture.h"
#include "../FakeClock.h"

#include "ExportKeystoreDialog.h"
#include "ImportWalletDialog.h"
#include "MainWindow.h"
#include "PasswordStrength.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Keystore.h"
#include "eth/Mnemonic.h"
#include "vault/MemoryStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {
// Cheap scrypt for the tests that do not look at the cost; the product's is checked below.
const eth::ScryptParams kTestScrypt{1u << 10, 8, 1};
const QString kGoodPassword = QStringLiteral("Blue-harbour-lantern-42");

struct Fixture : BrokerFixture
{
    explicit Fixture(bool withAccount = true)
        : BrokerFixture(withAccount ? std::optional(QStringLiteral("Main savings")) : std::nullopt)
    {
    }
    ui::Services services() { return {wallets, sessionKeys, permissions, activity, broker, clock}; }
};

template <typename T> T *child(QObject *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

crypto::SecureBytes bytesOf(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return crypto::SecureBytes(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(utf8.constData()), std::size_t(utf8.size())));
}

/// The address the keystore at `path` decrypts to with `password` (core's decrypt).
QString decryptedAddress(const QString &path, const QString &password)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("(unreadable)");
    auto key = eth::keystore::decrypt(f.readAll().toStdString(), bytesOf(password));
    if (!key)
        return describe(key.error());
    auto pub = crypto::secp256k1::publicKey(*key);
    return pub ? QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed())
               : QStringLiteral("(bad key)");
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

void typePasswords(QWidget *dialog, const QString &password, const QString &repeat)
{
    auto *p = child<QLineEdit>(dialog, "passwordEdit");
    auto *r = child<QLineEdit>(dialog, "repeatPasswordEdit");
    p->clear();
    r->clear();
    QTest::keyClicks(p, password);
    QTest::keyClicks(r, repeat);
}

QString addressOfPhrase(const QString &phrase)
{
    auto m = eth::Mnemonic::parse(phrase.toStdString());
    if (!m)
        return {};
    auto key = eth::HdKey::fromSeed(m->toSeed())->derive(eth::HdKey::ethereumPath(0));
    auto pub = crypto::secp256k1::publicKey(key->privateKey());
    return QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed());
}
} // namespace

class TestAccountsFlows : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;
    QTemporaryDir m_out;

    /// The export dialog for the fixture's account, writing into m_out.
    std::unique_ptr<ui::ExportKeystoreDialog>
    exportDialog(Fixture &f, const QString &fileName, const eth::ScryptParams &scrypt = kTestScrypt)
    {
        auto d = std::make_unique<ui::ExportKeystoreDialog>(f.wallets, f.wallets.accounts().first(),
                                                            scrypt);
        child<QLineEdit>(d.get(), "exportPathEdit")->setText(m_out.filePath(fileName));
        d->show();
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(m_out.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    // Empty and different passwords are refused: nothing is written, and a mismatch clears
    // both fields for a fresh try.
    void export_refusesEmptyAndMismatchedPasswords()
    {
        Fixture f;
        auto d = exportDialog(f, QStringLiteral("mismatch.json"));
        QSignalSpy exported(d.get(), &ui::ExportKeystoreDialog::exported);
        auto *status = child<QLabel>(d.get(), "exportStatus");
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("Type a password")),
                 qPrintable(status->text()));

        typePasswords(d.get(), kGoodPassword, kGoodPassword + QStringLiteral("x"));
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("passwords are different")),
                 qPrintable(status->text()));
        QVERIFY(child<QLineEdit>(d.get(), "passwordEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(d.get(), "repeatPasswordEdit")->text().isEmpty());
        QVERIFY(!d->isBusy());
        QTest::qWait(100);
        QCOMPARE(exported.count(), 0);
        QVERIFY(!QFileInfo::exists(m_out.filePath(QStringLiteral("mismatch.json"))));
    }

    // The live hint: "weak" for short, one-class or common passwords, a warning under 12
    // characters (allowed from 8), "strong" for long mixed ones; under 8 is refused.
    void export_strengthHintAndShortPasswordWarning()
    {
        Fixture f;
        auto d = exportDialog(f, QStringLiteral("weak.json"));
        auto *hint = child<QLabel>(d.get(), "strengthLabel");
        auto *warning = child<QLabel>(d.get(), "shortPasswordWarning");
        auto *password = child<QLineEdit>(d.get(), "passwordEdit");
        auto type = [&](const QString &text) {
            password->clear();
            QTest::keyClicks(password, text);
        };
        type(QStringLiteral("abc"));
        QVERIFY2(hint->text().startsWith(QStringLiteral("Strength: weak")),
                 qPrintable(hint->text()));
        QVERIFY(hint->text().contains(QStringLiteral("at least 8")));
        QVERIFY(!warning->isVisible());
        type(QStringLiteral("Password123!"));
        QVERIFY2(hint->text().startsWith(QStringLiteral("Strength: weak")),
                 qPrintable(hint->text()));
        QVERIFY(hint->text().contains(QStringLiteral("common")));
        type(QStringLiteral("abcdefghijklmnop"));
        QVERIFY(hint->text().startsWith(QStringLiteral("Strength: weak")));
        type(QStringLiteral("kx8Tqmw3p"));
        QVERIFY2(hint->text().startsWith(QStringLiteral("Strength: fair")),
                 qPrintable(hint->text()));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("Shorter than 12")));
        type(kGoodPassword);
        QVERIFY2(hint->text().startsWith(QStringLiteral("Strength: strong")),
                 qPrintable(hint->text()));
        QVERIFY(!warning->isVisible());

        // Under 8: refused. 8 … 11: warned, but written.
        typePasswords(d.get(), QStringLiteral("kx8Tqmw"), QStringLiteral("kx8Tqmw"));
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QVERIFY(
            child<QLabel>(d.get(), "exportStatus")->text().contains(QStringLiteral("too short")));
        QVERIFY(!d->isBusy());
        QSignalSpy exported(d.get(), &ui::ExportKeystoreDialog::exported);
        typePasswords(d.get(), QStringLiteral("kx8Tqmw3p"), QStringLiteral("kx8Tqmw3p"));
        QVERIFY(warning->isVisible());
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QCOMPARE(decryptedAddress(m_out.filePath(QStringLiteral("weak.json")),
                                  QStringLiteral("kx8Tqmw3p")),
                 kTestAccount);
    }

    // The written file: keystore v3 that core decrypts back to the same address, mode 0600,
    // the fields cleared; busy while scrypt runs, with no second submit.
    void export_writesOwnerOnlyKeystoreOfTheSameAddress()
    {
        Fixture f;
        auto d = exportDialog(f, QStringLiteral("good.json"));
        QSignalSpy exported(d.get(), &ui::ExportKeystoreDialog::exported);
        QSignalSpy accepted(d.get(), &QDialog::accepted);
        typePasswords(d.get(), kGoodPassword, kGoodPassword);
        auto *button = child<QPushButton>(d.get(), "exportButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(d->isBusy());
        QVERIFY(!button->isEnabled());
        QVERIFY(!child<QPushButton>(d.get(), "cancelButton")->isEnabled());
        QVERIFY(child<QProgressBar>(d.get(), "exportProgress")->isVisible());
        QVERIFY(child<QLineEdit>(d.get(), "passwordEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(d.get(), "repeatPasswordEdit")->text().isEmpty());
        QTest::mouseClick(button, Qt::LeftButton); // disabled: ignored
        d->reject();                               // ignored while the file is written
        QVERIFY(d->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QCOMPARE(accepted.count(), 1);
        const QString path = m_out.filePath(QStringLiteral("good.json"));
        QCOMPARE(exported.first().first().toString(), path);
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(decryptedAddress(path, kGoodPassword), kTestAccount);
        QVERIFY(decryptedAddress(path, QStringLiteral("wrong-password-1"))
                    .contains(QStringLiteral("password")));
        QTest::qWait(100);
        QCOMPARE(exported.count(), 1);
    }

    // An existing file is replaced only after the user says so; "Keep it" leaves it as it was.
    void export_existingFileAsksBeforeReplacing()
    {
        Fixture f;
        const QString path = m_out.filePath(QStringLiteral("exists.json"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old content");
            old.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ReadGroup | QFileDevice::ReadOther);
        }
        auto d = exportDialog(f, QStringLiteral("exists.json"));
        QSignalSpy exported(d.get(), &ui::ExportKeystoreDialog::exported);
        typePasswords(d.get(), kGoodPassword, kGoodPassword);
        auto question = [&]() -> QMessageBox * {
            auto *box = d->findChild<QMessageBox *>(QStringLiteral("replaceFileQuestion"));
            return box && box->isVisible() ? box : nullptr;
        };
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QTRY_VERIFY(question());
        QVERIFY(question()->text().contains(QStringLiteral("already exists")));
        QVERIFY(question()->defaultButton() == child<QPushButton>(question(), "keepButton"));
        QTest::mouseClick(child<QPushButton>(question(), "keepButton"), Qt::LeftButton);
        QTRY_VERIFY(!question());
        QVERIFY(!d->isBusy());
        QVERIFY(child<QLabel>(d.get(), "exportStatus")
                    ->text()
                    .contains(QStringLiteral("Not exported")));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::ReadOnly));
            QCOMPARE(old.readAll(), QByteArray("old content"));
        }
        // The password was not used yet: still there for a second try.
        QCOMPARE(child<QLineEdit>(d.get(), "passwordEdit")->text(), kGoodPassword);
        QTest::mouseClick(child<QPushButton>(d.get(), "exportButton"), Qt::LeftButton);
        QTRY_VERIFY(question());
        QTest::mouseClick(child<QPushButton>(question(), "replaceButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QCOMPARE(decryptedAddress(path, kGoodPassword), kTestAccount);
        QCOMPARE(modeOf(path), mode_t(0600)); // not the old file's 0644
    }

    // From the main window: the button, the context menu and the Quill menu's action are
    // enabled only with an account selected; the confirmSensitive hook can stop it; the
    // dialog the product opens writes scrypt n = 2^18, r = 8, p = 1.
    void export_fromMainWindow_productCostAndSelection()
    {
        Fixture f;
        ui::MainWindow window(f.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = child<QTableView>(&window, "accountsView");
        auto *button = child<QPushButton>(&window, "exportKeystoreButton");
        auto *action = child<QAction>(&window, "exportKeystoreAction");
        QVERIFY(!button->isEnabled());
        QVERIFY(!action->isEnabled());
        QCOMPARE(button->accessibleName(), QStringLiteral("Export keystore…"));
        QVERIFY(child<QMenu>(&window, "quillMenu")->actions().contains(action));
        QVERIFY(!window.exportSelectedAccount());

        // The context menu of a row selects it and offers the action.
        const QPoint cell = view->visualRect(view->model()->index(0, 0)).center();
        Q_EMIT view->customContextMenuRequested(cell);
        auto *menu = window.findChild<QMenu *>(QStringLiteral("accountContextMenu"));
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(action));
        QVERIFY(button->isEnabled());
        QVERIFY(action->isEnabled());
        menu->close();

        int asked = 0;
        window.setConfirmSensitive([&asked] {
            ++asked;
            return false;
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked, 1);
        QVERIFY(!window.findChild<ui::ExportKeystoreDialog *>());
        window.setConfirmSensitive([&asked] {
            ++asked;
            return true;
        });
        action->trigger();
        QCOMPARE(asked, 2);
        QPointer<ui::ExportKeystoreDialog> d = window.findChild<ui::ExportKeystoreDialog *>();
        QVERIFY(d && d->isVisible());
        QCOMPARE(d->address(), kTestAccount);
        // The proposed file: the label as a name, .json.
        QVERIFY(child<QLineEdit>(d, "exportPathEdit")
                    ->text()
                    .endsWith(QStringLiteral("/Main savings.json")));
        const QString path = m_out.filePath(QStringLiteral("product.json"));
        child<QLineEdit>(d, "exportPathEdit")->setText(path);
        typePasswords(d, kGoodPassword, kGoodPassword);
        QTest::mouseClick(child<QPushButton>(d, "exportButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d, 30000); // accepted and deleted on close
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject crypto = doc.value(QStringLiteral("crypto")).toObject();
        QCOMPARE(doc.value(QStringLiteral("version")).toInt(), 3);
        QCOMPARE(crypto.value(QStringLiteral("kdf")).toString(), QStringLiteral("scrypt"));
        const QJsonObject kdf = crypto.value(QStringLiteral("kdfparams")).toObject();
        QCOMPARE(kdf.value(QStringLiteral("n")).toInteger(), qint64(1) << 18);
        QCOMPARE(kdf.value(QStringLiteral("r")).toInt(), 8);
        QCOMPARE(kdf.value(QStringLiteral("p")).toInt(), 1);
        QCOMPARE(doc.value(QStringLiteral("address")).toString(), kTestAccount.mid(2).toLower());
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void export_accessibleNames()
    {
        Fixture f;
        auto d = exportDialog(f, QStringLiteral("unused.json"));
        for (const char *name :
             {"passwordEdit", "repeatPasswordEdit", "strengthLabel", "exportPathEdit",
              "exportBrowseButton", "exportNotice", "exportButton", "cancelButton"})
            QVERIFY2(!child<QWidget>(d.get(), name)->accessibleName().isEmpty(), name);
        QCOMPARE(child<QLineEdit>(d.get(), "passwordEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(d.get(), "repeatPasswordEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(child<QLabel>(d.get(), "exportNotice")
                    ->text()
                    .contains(QStringLiteral("controls the account")));
        QCOMPARE(ui::ExportKeystoreDialog::defaultPath(
                     {kTestAccount, QStringLiteral("a/b: c"), {}, {}, {}})
                     .section(QLatin1Char('/'), -1),
                 QStringLiteral("a b c.json"));
        QCOMPARE(
            ui::ExportKeystoreDialog::defaultPath({kTestAccount, QStringLiteral("../"), {}, {}, {}})
                .section(QLatin1Char('/'), -1),
            kTestAccount + QStringLiteral(".json"));
    }

    // Create: the words are shown, then three of them must be typed back by position before
    // anything is saved; wrong words are refused with the position named; Back shows the
    // words again; the right words (any case) save exactly one account.
    void wordCheck_wrongWordsRefused_rightWordsSaveOneAccount()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.setPage(ui::ImportWalletDialog::CreatePage);
        dialog.show();
        auto *button = child<QPushButton>(&dialog, "importButton");
        auto *back = child<QPushButton>(&dialog, "backButton");
        QVERIFY(!back->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        const QString phrase = child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText();
        const QStringList words = phrase.split(QLatin1Char(' '));
        QCOMPARE(words.size(), 12);
        QCOMPARE(button->text(), QStringLiteral("&Next"));
        QVERIFY(!button->isEnabled());
        QTest::mouseClick(child<QCheckBox>(&dialog, "wroteItDownCheck"), Qt::LeftButton, {},
                          QPoint(5, 5));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);

        auto *pages = qobject_cast<QStackedWidget *>(
            child<QWidget>(&dialog, "wordCheckPage")->parentWidget());
        QVERIFY(pages);
        QVERIFY(child<QWidget>(&dialog, "wordCheckPage")->isVisible());
        QVERIFY(back->isVisible());
        QVERIFY(!child<QComboBox>(&dialog, "kindCombo")->isEnabled());
        QList<int> positions = dialog.checkPositions();
        QCOMPARE(positions.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(positions[i] >= 1 && positions[i] <= 12);
            if (i)
                QVERIFY(positions[i] > positions[i - 1]);
            const QString label = QStringLiteral("Word #%1").arg(positions[i]);
            QCOMPARE(
                child<QLabel>(&dialog, qPrintable(QStringLiteral("checkWordLabel%1").arg(i + 1)))
                    ->text(),
                label + QLatin1Char(':'));
            QCOMPARE(
                child<QLineEdit>(&dialog, qPrintable(QStringLiteral("checkWordEdit%1").arg(i + 1)))
                    ->accessibleName(),
                label);
        }
        auto edit = [&](int i) {
            return child<QLineEdit>(&dialog,
                                    qPrintable(QStringLiteral("checkWordEdit%1").arg(i + 1)));
        };
        auto typeWords = [&](const QStringList &typed) {
            for (int i = 0; i < 3; ++i) {
                edit(i)->clear();
                QTest::keyClicks(edit(i), typed[i]);
            }
            QTest::mouseClick(button, Qt::LeftButton);
        };
        auto *status = child<QLabel>(&dialog, "statusLabel");

        // One wrong word (another position's word): refused, named, nothing saved.
        const QString other = words[positions[1] % 12]; // the word after position #2
        typeWords({words[positions[0] - 1],
                   other == words[positions[1] - 1] ? QStringLiteral("zzz") : other,
                   words[positions[2] - 1]});
        QVERIFY2(
            status->text().contains(QStringLiteral("Word #%1 is not the word").arg(positions[1])),
            qPrintable(status->text()));
        QVERIFY(edit(1)->text().isEmpty());
        QTest::qWait(100);
        QVERIFY(f.wallets.accounts().isEmpty());
        QCOMPARE(f.store.size(), std::size_t(0));
        // Two wrong words: both named.
        typeWords({QStringLiteral("zzz"), words[positions[1] - 1], QStringLiteral("yyy")});
        QVERIFY2(status->text().contains(
                     QStringLiteral("Words #%1, #%2").arg(positions[0]).arg(positions[2])),
                 qPrintable(status->text()));
        // An empty field: asked for.
        typeWords({words[positions[0] - 1], words[positions[1] - 1], QString()});
        QVERIFY2(status->text().contains(QStringLiteral("Type word #%1").arg(positions[2])),
                 qPrintable(status->text()));
        QTest::qWait(100);
        QVERIFY(f.wallets.accounts().isEmpty());

        // Back: the words again, the typed ones gone.
        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(pages->currentIndex(), int(ui::ImportWalletDialog::CreatePage));
        QCOMPARE(child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText(), phrase);
        QVERIFY(!back->isVisible());
        for (int i = 0; i < 3; ++i)
            QVERIFY(edit(i)->text().isEmpty());

        // Next again (new positions), the right words with stray case and spaces: saved once.
        QTest::mouseClick(button, Qt::LeftButton);
        positions = dialog.checkPositions();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        typeWords({words[positions[0] - 1].toUpper(), QStringLiteral(" ") + words[positions[1] - 1],
                   words[positions[2] - 1] + QStringLiteral(" ")});
        QTRY_COMPARE(f.wallets.accounts().size(), 1);
        QTRY_COMPARE(accepted.count(), 1);
        QTest::qWait(100);
        QCOMPARE(f.wallets.accounts().size(), 1);
        QCOMPARE(f.store.size(), std::size_t(1));
        QVERIFY(f.wallets.accounts()[0].source == vault::AccountSource::Created);
        QCOMPARE(f.wallets.accounts()[0].address, addressOfPhrase(phrase));
        // Nothing secret left in the widgets.
        QVERIFY(child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText().isEmpty());
        for (int i = 0; i < 3; ++i)
            QVERIFY(edit(i)->text().isEmpty());
    }

    // Closing in the middle of the word check clears the words from every widget and saves
    // nothing.
    void wordCheck_closeClearsTheWords()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.setPage(ui::ImportWalletDialog::CreatePage);
        child<QComboBox>(&dialog, "wordsCombo")->setCurrentIndex(1); // 24 words
        dialog.show();
        auto *button = child<QPushButton>(&dialog, "importButton");
        QTest::mouseClick(button, Qt::LeftButton);
        const QStringList words =
            child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText().split(QLatin1Char(' '));
        QCOMPARE(words.size(), 24);
        QTest::mouseClick(child<QCheckBox>(&dialog, "wroteItDownCheck"), Qt::LeftButton, {},
                          QPoint(5, 5));
        QTest::mouseClick(button, Qt::LeftButton);
        const auto positions = dialog.checkPositions();
        QCOMPARE(positions.size(), 3);
        QVERIFY(positions.last() <= 24);
        auto *first = child<QLineEdit>(&dialog, "checkWordEdit1");
        QTest::keyClicks(first, words[positions[0] - 1]);
        QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QVERIFY(first->text().isEmpty());
        QVERIFY(child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText().isEmpty());
        QVERIFY(dialog.checkPositions().isEmpty());
        QTest::qWait(100);
        QVERIFY(f.wallets.accounts().isEmpty());
        QCOMPARE(f.store.size(), std::size_t(0));
    }

    void passwordStrength_levels()
    {
        using S = ui::PasswordStrength;
        QVERIFY(S::of(u"").level == S::Level::Weak);
        QVERIFY(S::of(u"Ab1!xyz").level == S::Level::Weak);          // 7 characters
        QVERIFY(S::of(u"qwertyuiop12").level == S::Level::Weak);     // keyboard row
        QVERIFY(S::of(u"aaaaaaaaaaaaaaaa").level == S::Level::Weak); // one character
        QVERIFY(S::of(u"87654321").level == S::Level::Weak);         // a run
        QVERIFY(S::of(u"zfmwkqvtp").level == S::Level::Weak);        // 9 letters, one class
        QVERIFY(S::of(u"zfmwkq7tp").level == S::Level::Fair);
        QVERIFY(S::of(u"zfmwkqvtpbnxgr").level == S::Level::Fair); // 14, one class
        QVERIFY(S::of(u"zfmwkq-vtpbnxgr4").level == S::Level::Strong);
        QVERIFY(S::of(u"Zfmwk7-vtpbn").level == S::Level::Strong);
        QCOMPARE(S::of(u"Zfmwk7-vtpbn").classes, 4);
        QCOMPARE(S::of(u"ÄÖÜäöü12").length, 8);
    }
};

QTEST_MAIN(TestAccountsFlows)
#include "tst_AccountsFlows.moc"
