// GUI tests (offscreen) of issue #11's settings and idle lock: the Settings dialog's round
// trip through QSettings, the theme, and the lock in front of approvals and removals, with
// and without an app password (hash in a MemoryStore), driven with real clicks and keys.

#include "../AsyncWait.h"
#include "../BrokerFixture.h"
#include "../FakeClock.h"
#include "../TestData.h"

#include "ApiPrompts.h"
#include "AppSettings.h"
#include "ApprovalDialog.h"
#include "Autostart.h"
#include "IdleLock.h"
#include "MainWindow.h"
#include "NewPasswordDialog.h"
#include "RemoveAccountDialog.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "UnlockDialog.h"

#include "crypto/Encoding.h"
#include "vault/KeychainStore.h"
#include "vault/MemoryStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {

struct Fixture : BrokerFixture
{
    ui::IdleLock lock{store, clock};

    quint64 submit()
    {
        IncomingRequest in;
        in.app.appId = QStringLiteral("app-1");
        in.app.claimedName = QStringLiteral("Test app");
        in.app.transport = QStringLiteral("websocket");
        in.app.paired = true;
        in.request =
            std::move(lit::SessionRequest::fromJson(
                          readData(QStringLiteral("requests/valid_vector_a.json")).toStdString()))
                .value();
        return *broker.submit(std::move(in), [](Result<std::string>) {});
    }
    Status setPassword(const char *password)
    {
        const std::string p(password);
        auto st = await<Status>([&](auto cb) {
            lock.setPassword(crypto::SecureBytes(std::span<const std::uint8_t>(
                                 reinterpret_cast<const std::uint8_t *>(p.data()), p.size())),
                             cb);
        });
        return st ? *st : Status(Error{ErrorCode::Io, QStringLiteral("timeout")});
    }
};

template <typename T> T *child(QObject *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

/// A click on a check box's own box (a wide one ignores clicks beside its text).
void clickCheck(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

/// The D-Bus and real-keychain tests run only inside tests/keychain/with-keyring.sh (CTest
/// tst_settings_keychain / _no_keychain), never against the user's own session bus.
bool privateBus()
{
    return qEnvironmentVariableIntValue("QUILL_PRIVATE_BUS") == 1;
}
bool expectNoKeychain()
{
    return qEnvironmentVariableIntValue("QUILL_EXPECT_NO_KEYCHAIN") == 1;
}

crypto::SecureBytes secret(const char *text)
{
    return crypto::SecureBytes(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(text), std::strlen(text)));
}

bool isDarkPalette()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;
    QTemporaryDir m_config;
private Q_SLOTS:
    void initTestCase()
    {
        // QSettings and the autostart entry in throw-away folders, not the user's.
        QVERIFY(m_settings.isValid() && m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("quill-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
        qRegisterMetaType<ui::AppSettings>();
        ui::Theme::instance(); // remembers the platform palette before any test changes it
    }
    void init()
    {
        QSettings().clear();
        QVERIFY(ui::Autostart::setEnabled(false, QString()).ok());
    }
    void cleanup() { ui::Theme::instance().apply(ui::Theme::Mode::System); }

    void settings_roundTrip_everyControl()
    {
        Fixture f;
        QCOMPARE(ui::AppSettings::load().rememberFor, kDay); // defaults
        QCOMPARE(ui::AppSettings::load().webSocketPort, 0);
        auto *dialog = new ui::SettingsDialog(&f.lock);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<ui::SettingsDialog> guard(dialog);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));

        auto *theme = child<QComboBox>(dialog, "themeCombo");
        QCOMPARE(theme->currentText(), QStringLiteral("System"));
        QVERIFY(theme->hasFocus());
        QTest::keyClick(theme, Qt::Key_Down);
        QTest::keyClick(theme, Qt::Key_Down);
        QCOMPARE(theme->currentText(), QStringLiteral("Dark"));
        clickCheck(child<QCheckBox>(dialog, "autostartCheck"));
        auto *hidden = child<QCheckBox>(dialog, "startHiddenCheck");
        hidden->setFocus();
        QTest::keyClick(hidden, Qt::Key_Space);
        auto *port = child<QSpinBox>(dialog, "webSocketPortSpin");
        QVERIFY(!port->isEnabled()); // WebSocket off
        clickCheck(child<QCheckBox>(dialog, "webSocketCheck"));
        QVERIFY(port->isEnabled());
        port->setFocus();
        QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(port, QStringLiteral("7600"));
        auto *remember = child<QComboBox>(dialog, "rememberDefaultCombo");
        QCOMPARE(remember->currentText(), QStringLiteral("1 day"));
        remember->setFocus();
        QTest::keyClick(remember, Qt::Key_Up);
        QCOMPARE(remember->currentText(), QStringLiteral("1 hour"));
        auto *idle = child<QComboBox>(dialog, "idleLockCombo");
        QCOMPARE(idle->currentText(), QStringLiteral("Off"));
        idle->setFocus();
        QTest::keyClick(idle, Qt::Key_Down);
        QVERIFY(isDarkPalette() == false); // nothing applied before OK
        QTest::mouseClick(child<QPushButton>(dialog, "okButton"), Qt::LeftButton);
        QTRY_VERIFY(!guard);

        QSettings s;
        QCOMPARE(s.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(s.value(QStringLiteral("ui/startHidden")).toBool(), true);
        QCOMPARE(s.value(QStringLiteral("api/websocketPort")).toInt(), 7600);
        QCOMPARE(s.value(QStringLiteral("approval/rememberFor")).toLongLong(), kHour / 1000);
        QCOMPARE(s.value(QStringLiteral("security/idleLockMinutes")).toInt(), 5);
        QVERIFY(ui::Autostart::isEnabled());
        QVERIFY(isDarkPalette());                // applied live
        QCOMPARE(f.lock.timeout(), 5 * kMinute); // applied live
        for (const QString &key : s.allKeys())   // nothing secret in QSettings
            QVERIFY2(!key.contains(QStringLiteral("password"), Qt::CaseInsensitive) ||
                         key == ui::IdleLock::passwordSetKey(),
                     qPrintable(key));

        // Reopened: the saved values; Cancel (and Esc) changes nothing.
        for (int how = 0; how < 2; ++how) {
            ui::SettingsDialog again(&f.lock);
            again.show();
            QVERIFY(QTest::qWaitForWindowExposed(&again));
            QCOMPARE(child<QComboBox>(&again, "themeCombo")->currentText(), QStringLiteral("Dark"));
            QVERIFY(child<QCheckBox>(&again, "autostartCheck")->isChecked());
            QVERIFY(child<QCheckBox>(&again, "startHiddenCheck")->isChecked());
            QVERIFY(child<QCheckBox>(&again, "webSocketCheck")->isChecked());
            QCOMPARE(child<QSpinBox>(&again, "webSocketPortSpin")->value(), 7600);
            QCOMPARE(child<QComboBox>(&again, "rememberDefaultCombo")->currentText(),
                     QStringLiteral("1 hour"));
            QCOMPARE(child<QComboBox>(&again, "idleLockCombo")->currentData().toInt(), 5);
            child<QComboBox>(&again, "themeCombo")->setCurrentIndex(1); // Light
            clickCheck(child<QCheckBox>(&again, "autostartCheck"));
            clickCheck(child<QCheckBox>(&again, "webSocketCheck"));
            child<QComboBox>(&again, "idleLockCombo")->setCurrentIndex(0);
            if (how == 0)
                QTest::mouseClick(child<QPushButton>(&again, "cancelButton"), Qt::LeftButton);
            else
                QTest::keyClick(&again, Qt::Key_Escape);
            QVERIFY(!again.isVisible());
            QCOMPARE(again.result(), int(QDialog::Rejected));
            QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(),
                     QStringLiteral("dark"));
            QCOMPARE(QSettings().value(QStringLiteral("api/websocketPort")).toInt(), 7600);
            QCOMPARE(QSettings().value(QStringLiteral("security/idleLockMinutes")).toInt(), 5);
            QVERIFY(ui::Autostart::isEnabled());
            QVERIFY(isDarkPalette());
            QCOMPARE(f.lock.timeout(), 5 * kMinute);
        }
    }
    void settings_keyboardOnlyAndAccessibleNames()
    {
        Fixture f;
        ui::SettingsDialog dialog(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        int controls = 0;
        for (auto *w : dialog.findChildren<QWidget *>()) {
            if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || qobject_cast<QLabel *>(w))
                continue;
            if (w->inherits("QAbstractButton") || w->inherits("QComboBox") ||
                w->inherits("QAbstractSpinBox")) {
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
                ++controls;
            }
        }
        QVERIFY(controls >= 9);
        // Tab walks from the theme to OK without the mouse.
        QWidget *focus = child<QComboBox>(&dialog, "themeCombo");
        QVERIFY(focus->hasFocus());
        QSet<QString> reached;
        for (int i = 0; i < 20 && QApplication::focusWidget(); ++i) {
            reached.insert(QApplication::focusWidget()->objectName());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (const char *name : {"themeCombo", "autostartCheck", "startHiddenCheck",
                                 "webSocketCheck", "rememberDefaultCombo", "idleLockCombo",
                                 "setPasswordButton", "okButton", "cancelButton"})
            QVERIFY2(reached.contains(QString::fromLatin1(name)), name);
        // Fits a small screen.
        QVERIFY(dialog.sizeHint().width() <= 800 && dialog.sizeHint().height() <= 600);
    }
    void theme_switchChangesThePalette()
    {
        auto &theme = ui::Theme::instance();
        const QColor platform = QApplication::palette().color(QPalette::Window);
        QSignalSpy changed(&theme, &ui::Theme::changed);
        theme.apply(ui::Theme::Mode::Dark);
        QVERIFY(isDarkPalette());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 ui::Theme::darkPalette().color(QPalette::Window));
        theme.apply(ui::Theme::Mode::Light);
        QVERIFY(!isDarkPalette());
        theme.apply(ui::Theme::Mode::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), platform);
        QCOMPARE(changed.count(), 3);
        // A widget already shown follows.
        QWidget w;
        w.show();
        theme.apply(ui::Theme::Mode::Dark);
        QTRY_VERIFY(w.palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(ui::Theme::fromString(QStringLiteral("dark")), ui::Theme::Mode::Dark);
        QCOMPARE(ui::Theme::fromString(QStringLiteral("nonsense")), ui::Theme::Mode::System);
    }
    void mainWindow_settingsFromTheMenuWithCtrlComma()
    {
        Fixture f;
        ui::MainWindow window({f.wallets,
                               f.sessionKeys,
                               f.permissions,
                               f.activity,
                               f.broker,
                               f.clock,
                               {},
                               nullptr,
                               {},
                               false,
                               &f.lock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("quillMenu"))->actions().contains(action));
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(window.findChild<ui::SettingsDialog *>());
        auto *dialog = window.findChild<ui::SettingsDialog *>();
        QVERIFY(window.openSettings() == dialog); // one at a time
        // Start at login set here shows in the menu's own check item.
        QSignalSpy applied(&window, &ui::MainWindow::settingsApplied);
        clickCheck(child<QCheckBox>(dialog, "autostartCheck"));
        QTest::mouseClick(child<QPushButton>(dialog, "okButton"), Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("autostartAction"))->isChecked());
    }
    void approval_rememberDefaultComesFromSettings()
    {
        Fixture f;
        QSettings().setValue(QStringLiteral("approval/rememberFor"), qint64(7 * kDay / 1000));
        const auto id = f.submit();
        {
            ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
            dialog.show();
            QCOMPARE(child<QComboBox>(&dialog, "rememberCombo")->currentText(),
                     QStringLiteral("7 days"));
            QVERIFY(child<QPushButton>(&dialog, "approveRememberButton")->isEnabled());
        }
        QSettings().setValue(QStringLiteral("approval/rememberFor"), 0);
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QCOMPARE(child<QComboBox>(&dialog, "rememberCombo")->currentText(),
                 QStringLiteral("This request only"));
        QVERIFY(!child<QPushButton>(&dialog, "approveRememberButton")->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "approveButton")->isEnabled());
    }

    // Idle lock without a password: after the timeout, Approve asks first; Cancel keeps the
    // request pending and Quill locked; Continue approves.
    void idleLock_approvalAsksForConfirmationAfterTheTimeout()
    {
        Fixture f;
        f.lock.setTimeout(5 * kMinute);
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.setIdleLock(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        f.clock.advance(6 * kMinute);
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "approveButton"), Qt::LeftButton);
        QVERIFY(f.lock.isLocked()); // the click after the absence locked before it counted
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QCOMPARE(unlock->mode(), ui::UnlockDialog::Mode::Confirm);
        QVERIFY2(child<QLabel>(unlock, "unlockMessage")
                     ->text()
                     .contains(QStringLiteral("after 5 minutes without input")),
                 qPrintable(child<QLabel>(unlock, "unlockMessage")->text()));
        QVERIFY(
            child<QPushButton>(unlock, "unlockCancelButton")->isDefault()); // Enter never unlocks
        QTest::keyClick(unlock, Qt::Key_Return);
        QTRY_VERIFY(!f.lock.currentDialog());
        QVERIFY(f.lock.isLocked());
        QVERIFY(f.broker.pending(id));
        QCOMPARE(finished.count(), 0);

        QTest::mouseClick(child<QPushButton>(&dialog, "approveButton"), Qt::LeftButton);
        unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QVERIFY(!f.lock.isLocked());
        QVERIFY(finished.count() || finished.wait(5000));
        QCOMPARE(finished.last().at(1).value<Decision>(), Decision::Approved);
    }
    void idleLock_inputResetsTheTimer()
    {
        Fixture f;
        QWidget w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        f.lock.setTimeout(5 * kMinute);
        f.clock.advance(4 * kMinute);
        f.lock.checkIdle();
        QVERIFY(!f.lock.isLocked());
        QTest::keyClick(&w, Qt::Key_A); // the user is here
        f.clock.advance(4 * kMinute);
        f.lock.checkIdle();
        QVERIFY(!f.lock.isLocked());
        QTest::mouseClick(&w, Qt::LeftButton);
        f.clock.advance(4 * kMinute);
        f.lock.checkIdle();
        QVERIFY(!f.lock.isLocked());
        f.clock.advance(2 * kMinute);
        f.lock.checkIdle();
        QVERIFY(f.lock.isLocked());
        // Input while locked does not unlock; turning the lock off does.
        QTest::keyClick(&w, Qt::Key_A);
        QVERIFY(f.lock.isLocked());
        f.lock.setTimeout(0);
        QVERIFY(!f.lock.isLocked());
        f.clock.advance(60 * kMinute);
        f.lock.checkIdle();
        QVERIFY(!f.lock.isLocked());
    }
    void idleLock_screenLockLocks()
    {
        Fixture f;
        f.lock.lock(ui::IdleLock::Reason::ScreenLocked);
        QVERIFY(!f.lock.isLocked()); // off: nothing locks
        f.lock.setTimeout(15 * kMinute);
        QVERIFY(QMetaObject::invokeMethod(&f.lock, "screenSaverActiveChanged", Q_ARG(bool, true)));
        QVERIFY(f.lock.isLocked());
        QCOMPARE(f.lock.reason(), ui::IdleLock::Reason::ScreenLocked);
    }
    // With an app password: a wrong one is refused with a clear message, the right one
    // unlocks and the approval goes through; only a scrypt record is stored.
    void idleLock_passwordWrongRefusedRightUnlocks()
    {
        Fixture f;
        f.lock.setTimeout(5 * kMinute);
        QVERIFY(!f.lock.hasPassword());
        QCOMPARE(f.setPassword("short").error().code, ErrorCode::InvalidArgument);
        QVERIFY(f.setPassword("correct horse").ok());
        QVERIFY(f.lock.hasPassword());
        QVERIFY(f.store.contains(ui::IdleLock::passwordKey()));
        auto stored = await<Result<crypto::SecureBytes>>(
            [&](auto cb) { f.store.read(ui::IdleLock::passwordKey(), cb); });
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->value().size(), std::size_t(52)); // version, N, r, p, salt, hash
        const QByteArray record(reinterpret_cast<const char *>(stored->value().data()), 52);
        QVERIFY(!record.contains("correct horse"));
        QCOMPARE(record.at(1), char(15)); // N = 2^15
        QVERIFY(!QSettings().allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("horse")));

        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.setIdleLock(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        f.lock.lock(ui::IdleLock::Reason::Idle);
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "approveButton"), Qt::LeftButton);
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QCOMPARE(unlock->mode(), ui::UnlockDialog::Mode::Password);
        auto *edit = child<QLineEdit>(unlock, "unlockPasswordEdit");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("correct horsE"));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(edit->text().isEmpty()); // taken out of the widget at once
        QPointer<QLabel> error = child<QLabel>(unlock, "unlockError");
        // Either answer ends the check: refused (the dialog stays) or, wrongly, unlocked.
        QTRY_VERIFY_WITH_TIMEOUT(!error || error->text().contains(QStringLiteral("Wrong password")),
                                 10000);
        QVERIFY2(error, "a wrong password unlocked Quill");
        QVERIFY(f.lock.isLocked());
        QVERIFY(f.lock.currentDialog());
        QVERIFY(f.broker.pending(id));
        QCOMPARE(finished.count(), 0);

        QTest::keyClicks(edit, QStringLiteral("correct horse"));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!f.lock.isLocked(), 10000);
        QVERIFY(finished.count() || finished.wait(5000));
        QCOMPARE(finished.last().at(1).value<Decision>(), Decision::Approved);
    }
    // Keychain unavailable: with a password set, Quill says so and stays locked (fail
    // closed); if none was ever set, the plain confirmation still works.
    void idleLock_keychainUnavailableFailsClosed()
    {
        Fixture f;
        f.lock.setTimeout(5 * kMinute);
        QVERIFY(f.setPassword("correct horse").ok());
        f.store.setUnavailable(true);
        f.lock.lock(ui::IdleLock::Reason::Idle);
        bool proceeded = false;
        QWidget parent;
        f.lock.ensureUnlocked(&parent, QStringLiteral("test"), [&] { proceeded = true; });
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QTest::keyClicks(child<QLineEdit>(unlock, "unlockPasswordEdit"),
                         QStringLiteral("correct horse"));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QPointer<QLabel> error = child<QLabel>(unlock, "unlockError");
        QTRY_VERIFY(!error || error->text().contains(QStringLiteral("keychain is not available")));
        QVERIFY2(error, "unlocked without the keychain");
        QVERIFY(f.lock.isLocked());
        QVERIFY(!proceeded);
        QVERIFY(f.lock.hasPassword()); // not forgotten because the keychain did not answer
        unlock->reject();

        QSettings().remove(ui::IdleLock::passwordSetKey()); // never set, for this second Quill
        Fixture g;
        g.store.setUnavailable(true);
        g.lock.setTimeout(5 * kMinute);
        g.lock.lock(ui::IdleLock::Reason::Idle);
        g.lock.ensureUnlocked(&parent, QStringLiteral("test"), [&] { proceeded = true; });
        QVERIFY(g.lock.currentDialog());
        QCOMPARE(g.lock.currentDialog()->mode(), ui::UnlockDialog::Mode::Confirm);
        QTest::mouseClick(child<QPushButton>(g.lock.currentDialog(), "unlockButton"),
                          Qt::LeftButton);
        QVERIFY(proceeded);
        QVERIFY(!g.lock.isLocked());
    }
    // While locked, Settings cannot switch the lock off without the unlock.
    void idleLock_turningItOffWhileLockedAsksFirst()
    {
        Fixture f;
        QSettings().setValue(QStringLiteral("security/idleLockMinutes"), 5);
        f.lock.setTimeout(5 * kMinute);
        f.lock.lock(ui::IdleLock::Reason::Idle);
        ui::SettingsDialog dialog(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QComboBox>(&dialog, "idleLockCombo")->setCurrentIndex(0); // Off
        QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QVERIFY(f.lock.currentDialog());
        QTest::mouseClick(child<QPushButton>(f.lock.currentDialog(), "unlockCancelButton"),
                          Qt::LeftButton);
        QVERIFY(f.lock.isLocked());
        QVERIFY(dialog.isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("security/idleLockMinutes")).toInt(), 5);
        QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(f.lock.currentDialog(), "unlockButton"),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("security/idleLockMinutes")).toInt(), 0);
        QCOMPARE(f.lock.timeout(), UnixMillis(0));
        QVERIFY(!f.lock.isLocked());
    }
    // Set, change and clear the password from Settings; change and clear need the current one.
    void settings_passwordSetChangeClear()
    {
        Fixture f;
        ui::SettingsDialog dialog(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *set = child<QPushButton>(&dialog, "setPasswordButton");
        QVERIFY(!child<QPushButton>(&dialog, "clearPasswordButton")->isEnabled());
        QTest::mouseClick(set, Qt::LeftButton);
        auto *newPassword = dialog.findChild<ui::NewPasswordDialog *>();
        QVERIFY(newPassword);
        auto *ok = child<QPushButton>(newPassword, "newPasswordOkButton");
        QTest::keyClicks(child<QLineEdit>(newPassword, "newPasswordEdit"),
                         QStringLiteral("first pass"));
        QTest::keyClicks(child<QLineEdit>(newPassword, "repeatPasswordEdit"),
                         QStringLiteral("first pasz"));
        QVERIFY(!ok->isEnabled()); // differ
        QTest::keyClick(child<QLineEdit>(newPassword, "repeatPasswordEdit"), Qt::Key_Backspace);
        QTest::keyClicks(child<QLineEdit>(newPassword, "repeatPasswordEdit"), QStringLiteral("s"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(f.lock.hasPassword(), 10000);
        QTRY_VERIFY(child<QPushButton>(&dialog, "clearPasswordButton")->isEnabled());
        QCOMPARE(set->accessibleName(), QStringLiteral("Change app password"));

        // Clear: asks for the current password even though Quill is not locked.
        QTest::mouseClick(child<QPushButton>(&dialog, "clearPasswordButton"), Qt::LeftButton);
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QCOMPARE(unlock->mode(), ui::UnlockDialog::Mode::Password);
        QTest::keyClicks(child<QLineEdit>(unlock, "unlockPasswordEdit"),
                         QStringLiteral("wrong pass"));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QPointer<QLabel> error = child<QLabel>(unlock, "unlockError");
        QTRY_VERIFY_WITH_TIMEOUT(!error || error->text().contains(QStringLiteral("Wrong")), 10000);
        QVERIFY2(error, "a wrong password was accepted");
        QVERIFY(f.lock.hasPassword());
        QTest::keyClicks(child<QLineEdit>(unlock, "unlockPasswordEdit"),
                         QStringLiteral("first pass"));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!f.lock.hasPassword(), 10000);
        QVERIFY(!f.store.contains(ui::IdleLock::passwordKey()));
        QTRY_VERIFY(!child<QPushButton>(&dialog, "clearPasswordButton")->isEnabled());
    }
    // Removing an account while locked asks first; the removal dialog comes only after.
    void idleLock_removeAccountAsksFirst()
    {
        Fixture f;
        ui::MainWindow window({f.wallets,
                               f.sessionKeys,
                               f.permissions,
                               f.activity,
                               f.broker,
                               f.clock,
                               {},
                               nullptr,
                               {},
                               false,
                               &f.lock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        f.lock.setTimeout(5 * kMinute);
        f.lock.lock(ui::IdleLock::Reason::Idle);
        auto *view = child<QTableView>(&window, "accountsView");
        QTRY_COMPARE(view->model()->rowCount(), 1);
        view->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&window, "removeAccountButton"), Qt::LeftButton);
        QVERIFY(f.lock.currentDialog());
        QVERIFY(!window.findChild<ui::RemoveAccountDialog *>());
        QTest::mouseClick(child<QPushButton>(f.lock.currentDialog(), "unlockButton"),
                          Qt::LeftButton);
        QTRY_VERIFY(window.findChild<ui::RemoveAccountDialog *>());
        QCOMPARE(f.wallets.accounts().size(), 1); // still needs the typed confirmation
    }
    // A Lit ChainSecured authorization goes through the same Approve: locked, it asks first.
    void idleLock_chainSecuredApproveAsksFirst()
    {
        Fixture f;
        IncomingRequest in;
        in.app.appId = QStringLiteral("dash");
        in.app.claimedName = QStringLiteral("Lit Dashboard");
        in.app.origin = QStringLiteral("https://dashboard.litprotocol.com");
        in.app.paired = true;
        in.kind = RequestKind::ChainSecured;
        in.chainSecuredPurpose = lit::ChainSecuredPurpose::CreateWallet;
        in.chainId = 8453;
        const auto id = f.broker.submit(in, [](Result<std::string>) {});
        QVERIFY(id.ok());
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, *id);
        dialog.setIdleLock(&f.lock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        f.lock.setTimeout(5 * kMinute);
        f.lock.lock(ui::IdleLock::Reason::Idle);
        auto *approve = child<QPushButton>(&dialog, "approveButton");
        QVERIFY(approve->isEnabled());
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(approve, Qt::LeftButton);
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QVERIFY(child<QLabel>(unlock, "unlockMessage")
                    ->text()
                    .contains(QStringLiteral("authorization")));
        QVERIFY(f.broker.pending(*id));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockButton"), Qt::LeftButton);
        QVERIFY(finished.count() || finished.wait(10000));
        QCOMPARE(finished.last().at(1).value<Decision>(), Decision::Approved);
    }
    // Pairing a new app while locked asks first; Cancel there leaves the pairing prompt open.
    void idleLock_pairingAsksFirst()
    {
        Fixture f;
        QWidget parent;
        ui::ApiPrompts prompts(f.wallets, &parent);
        prompts.setIdleLock(&f.lock);
        f.lock.setTimeout(5 * kMinute);
        f.lock.lock(ui::IdleLock::Reason::ScreenLocked);
        api::PairingRequest request;
        request.id = 9;
        request.claimedName = QStringLiteral("Notes app");
        std::optional<std::optional<QString>> decided;
        qRegisterMetaType<QDialog *>();
        QSignalSpy shown(&prompts, &ui::ApiPrompts::promptShown);
        prompts.requestPairing(request, [&](std::optional<QString> name) { decided = name; });
        auto *dialog = shown.first().first().value<QDialog *>();
        QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
        QVERIFY(!decided);
        auto *unlock = f.lock.currentDialog();
        QVERIFY(unlock);
        QVERIFY(child<QLabel>(unlock, "unlockMessage")
                    ->text()
                    .contains(QStringLiteral("when the screen locked")));
        QTest::mouseClick(child<QPushButton>(unlock, "unlockCancelButton"), Qt::LeftButton);
        QVERIFY(!decided);
        QVERIFY(dialog->isVisible());
        QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(f.lock.currentDialog(), "unlockButton"),
                          Qt::LeftButton);
        QVERIFY(decided && decided->has_value());
        QCOMPARE(**decided, QStringLiteral("Notes app"));
    }

    // The real desktop signals, on a private session bus: a screen saver that owns its name
    // announces ActiveChanged(true); the desktop portal announces a dark colour scheme.
    void dbus_screenSaverActiveChangedLocks()
    {
        if (!privateBus())
            QSKIP("needs tests/keychain/with-keyring.sh (a private session bus)");
        Fixture f;
        f.lock.setTimeout(30 * kMinute);
        QVERIFY(f.lock.watchScreenSaver());
        auto saver =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("saver"));
        QVERIFY(saver.isConnected());
        QVERIFY(saver.registerService(QStringLiteral("org.gnome.ScreenSaver")));
        auto signal = QDBusMessage::createSignal(QStringLiteral("/org/gnome/ScreenSaver"),
                                                 QStringLiteral("org.gnome.ScreenSaver"),
                                                 QStringLiteral("ActiveChanged"));
        signal << false;
        QVERIFY(saver.send(signal));
        QTest::qWait(200);
        QVERIFY(!f.lock.isLocked()); // the screen unlocked: nothing to do
        signal.setArguments({true});
        QVERIFY(saver.send(signal));
        QTRY_VERIFY(f.lock.isLocked());
        QCOMPARE(f.lock.reason(), ui::IdleLock::Reason::ScreenLocked);
        QDBusConnection::disconnectFromBus(QStringLiteral("saver"));
    }
    void dbus_portalColorSchemeFollows()
    {
        if (!privateBus())
            QSKIP("needs tests/keychain/with-keyring.sh (a private session bus)");
        auto &theme = ui::Theme::instance();
        theme.apply(ui::Theme::Mode::System);
        QVERIFY(!isDarkPalette()); // the offscreen platform is light
        auto portal =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("portal"));
        QVERIFY(portal.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        auto announce = [&](uint scheme) {
            auto signal =
                QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/portal/desktop"),
                                           QStringLiteral("org.freedesktop.portal.Settings"),
                                           QStringLiteral("SettingChanged"));
            signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
                   << QVariant::fromValue(QDBusVariant(QVariant::fromValue(scheme)));
            return portal.send(signal);
        };
        QVERIFY(announce(1)); // prefer dark
        QTRY_VERIFY(isDarkPalette());
        QVERIFY(theme.desktopPrefersDark());
        theme.apply(ui::Theme::Mode::Light); // an explicit choice wins
        QVERIFY(!isDarkPalette());
        theme.apply(ui::Theme::Mode::System);
        QVERIFY(isDarkPalette());
        QVERIFY(announce(2)); // prefer light
        QTRY_VERIFY(!isDarkPalette());
        QDBusConnection::disconnectFromBus(QStringLiteral("portal"));
    }
    // The password hash in the real OS keychain (gnome-keyring); without one, setting fails
    // and a password set earlier keeps Quill locked.
    void keychain_passwordInTheRealKeychain()
    {
        if (!privateBus())
            QSKIP("needs tests/keychain/with-keyring.sh");
        vault::KeychainStore store(QStringLiteral("quill-tst-settings"));
        FakeClock clock(kTestNow);
        ui::IdleLock lock(store, clock);
        lock.setTimeout(5 * kMinute);
        auto set = await<Status>([&](auto cb) { lock.setPassword(secret("correct horse"), cb); });
        QVERIFY(set);
        if (expectNoKeychain()) {
            QCOMPARE(set->error().code, ErrorCode::KeychainUnavailable);
            QVERIFY(!lock.hasPassword());
            QSettings().setValue(ui::IdleLock::passwordSetKey(), true); // set in an earlier session
            auto check = await<Result<bool>>(
                [&](auto cb) { lock.verifyPassword(secret("correct horse"), cb); });
            QVERIFY(check && !check->ok());
            QCOMPARE(check->error().code, ErrorCode::KeychainUnavailable);
            QVERIFY(lock.hasPassword()); // fails closed, forgets nothing
            return;
        }
        if (!set->ok())
            QFAIL(qPrintable(describe(set->error())));
        QVERIFY(lock.hasPassword());
        auto wrong =
            await<Result<bool>>([&](auto cb) { lock.verifyPassword(secret("correct horsE"), cb); });
        QVERIFY(wrong && wrong->ok() && !wrong->value());
        auto right =
            await<Result<bool>>([&](auto cb) { lock.verifyPassword(secret("correct horse"), cb); });
        QVERIFY(right && right->ok() && right->value());
        auto cleared = await<Status>([&](auto cb) { lock.clearPassword(cb); });
        QVERIFY(cleared && cleared->ok());
        QVERIFY(!lock.hasPassword());
        auto gone = await<Result<crypto::SecureBytes>>(
            [&](auto cb) { store.read(ui::IdleLock::passwordKey(), cb); });
        QVERIFY(gone && !gone->ok());
        QCOMPARE(gone->error().code, ErrorCode::SecretNotFound);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_Settings.moc"
