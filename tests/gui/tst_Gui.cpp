// GUI tests (offscreen): the approval dialog, the main window's views and models, and the
// import dialog, driven with real clicks and keys.

#include "../AsyncWait.h"
#include "../BrokerFixture.h"
#include "../FakeClock.h"
#include "../TestData.h"

#include "ApiPrompts.h"
#include "ApprovalDialog.h"
#include "Autostart.h"
#include "ImportWalletDialog.h"
#include "MainWindow.h"
#include "Models.h"
#include "RemoveAccountDialog.h"
#include "api/PairingStore.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Mnemonic.h"
#include "vault/MemoryStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {

struct Fixture : BrokerFixture
{
    explicit Fixture(bool withAccount = true)
        : BrokerFixture(withAccount ? std::optional(QStringLiteral("Test")) : std::nullopt)
    {
    }
    IncomingRequest incoming(const QString &origin = {})
    {
        IncomingRequest in;
        in.app.appId = QStringLiteral("app-1");
        in.app.claimedName = QStringLiteral("Test app");
        in.app.transport = QStringLiteral("websocket");
        in.app.origin = origin;
        in.app.paired = true;
        in.request = std::move(lit::SessionRequest::fromJson(readData(QStringLiteral("requests/valid_vector_a.json")).toStdString())).value();
        return in;
    }
    quint64 submit(const QString &origin = {}) { return *broker.submit(incoming(origin), [](Result<std::string>) {}); }
};

template <typename T>
T *child(QObject *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

Decision lastDecision(const QSignalSpy &spy) { return spy.last().at(1).value<Decision>(); }
} // namespace

class TestGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;
private Q_SLOTS:
    void initTestCase()
    {
        // QSettings (the first-close notice) in a throw-away folder, not the user's.
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void approval_showsRowsWarningsAndExactText()
    {
        Fixture f;
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = child<QTableWidget>(&dialog, "capabilityTable");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Decrypt data protected by access-control condition 53b0…c349"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("access-control-condition-decryption"));
        const auto review = f.broker.review(id, kTestAccount);
        QCOMPARE(child<QPlainTextEdit>(&dialog, "siweText")->toPlainText(), QString::fromStdString(review->siweText));
        QVERIFY(child<QPlainTextEdit>(&dialog, "siweText")->isReadOnly());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("warning_node-count")));
        QVERIFY(!child<QCheckBox>(&dialog, "acknowledgeCheck")->isVisible());
        QVERIFY(child<QPushButton>(&dialog, "approveButton")->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "rejectButton")->isDefault());
        QVERIFY(child<QLabel>(&dialog, "countdownLabel")->text().contains(QStringLiteral("5 min")) ||
                child<QLabel>(&dialog, "countdownLabel")->text().contains(QStringLiteral("4 min")));
    }
    void approval_appBuiltMessage_fixedAccountAndExpiry_signsAsShown()
    {
        Fixture f;
        std::string text =
            readData(QStringLiteral("siwemessage/valid_v7_default_statement.txt")).toStdString();
        text.replace(text.find("2035-01-15T12:00:00.000Z"), 24, formatIso(kTestNow));
        text.replace(text.find("2035-01-16T12:00:00.000Z"), 24, formatIso(kTestNow + kHour));
        IncomingRequest in = f.incoming();
        in.kind = RequestKind::SiweMessage;
        in.siwe = std::make_shared<const lit::SessionSiwe>(
            std::move(lit::SessionSiwe::parse(text)).value());
        auto reply = std::make_shared<std::optional<Result<std::string>>>();
        const auto id =
            *f.broker.submit(in, [reply](Result<std::string> r) { reply->emplace(std::move(r)); });
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(child<QLabel>(&dialog, "appLabel")
                    ->text()
                    .contains(QStringLiteral("sign a Lit session message")));
        QCOMPARE(child<QPlainTextEdit>(&dialog, "siweText")->toPlainText(),
                 QString::fromStdString(text));
        QVERIFY(!child<QComboBox>(&dialog, "expiryCombo")->isEnabled());
        QCOMPARE(child<QComboBox>(&dialog, "accountCombo")->count(), 1);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("warning_app-built-message")));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("warning_node-count")));
        QTest::mouseClick(child<QPushButton>(&dialog, "approveButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return reply->has_value(); }, 5000));
        QVERIFY(reply->value().ok());
        const auto answer =
            QJsonDocument::fromJson(QByteArray::fromStdString(reply->value().value())).object();
        QCOMPARE(answer[QStringLiteral("authSig")]
                     .toObject()[QStringLiteral("signedMessage")]
                     .toString(),
                 QString::fromStdString(text));
    }
    void approval_appBuiltMessageForAnotherAddressCannotBeApproved()
    {
        Fixture f;
        std::string text =
            readData(QStringLiteral("siwemessage/valid_v7_default_statement.txt")).toStdString();
        text.replace(text.find("2035-01-15T12:00:00.000Z"), 24, formatIso(kTestNow));
        text.replace(text.find("2035-01-16T12:00:00.000Z"), 24, formatIso(kTestNow + kHour));
        text.replace(text.find("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"), 42,
                     "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        IncomingRequest in = f.incoming();
        in.kind = RequestKind::SiweMessage;
        in.siwe = std::make_shared<const lit::SessionSiwe>(
            std::move(lit::SessionSiwe::parse(text)).value());
        const auto id = *f.broker.submit(in, [](Result<std::string>) {});
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(child<QComboBox>(&dialog, "accountCombo")->count(), 0);
        QVERIFY(child<QLabel>(&dialog, "errorLabel")
                    ->text()
                    .contains(QStringLiteral("not one of your accounts")));
        QVERIFY(!child<QPushButton>(&dialog, "approveButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "approveRememberButton")->isEnabled());
    }
    void approval_dangerNeedsAcknowledgement()
    {
        Fixture f;
        const auto id = f.submit(QStringLiteral("https://evil.example"));
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("warning_domain-mismatch")));
        auto *approve = child<QPushButton>(&dialog, "approveButton");
        auto *ack = child<QCheckBox>(&dialog, "acknowledgeCheck");
        QVERIFY(ack->isVisible());
        QVERIFY(!approve->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "approveRememberButton")->isEnabled());
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(approve, Qt::LeftButton); // disabled: nothing happens
        QCOMPARE(finished.count(), 0);
        QTest::mouseClick(ack, Qt::LeftButton, {}, QPoint(5, ack->height() / 2));
        QVERIFY(ack->isChecked());
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY(lastDecision(finished) == Decision::Approved);
    }
    void approval_fitsTheScreen_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::newRow("plain") << QString();
        QTest::newRow("with danger warnings") << QStringLiteral("https://evil.example");
    }
    void approval_fitsTheScreen()
    {
        // Run at 1366×768 by the tst_gui_1366x768 test (an offscreen config file), at the
        // offscreen default 800×800 by tst_gui: the frame fits the screen's free area and the
        // decision buttons are inside the dialog, not cut off (issue 11).
        QFETCH(QString, origin);
        Fixture f;
        const auto id = f.submit(origin);
        QWidget parent;
        parent.resize(980, 560);
        parent.show();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id, &parent);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The platform appends the application's display name: the title must not repeat it.
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Session request"));
        const QRect available = dialog.screen()->availableGeometry();
        qInfo() << "screen" << available << "dialog frame" << dialog.frameGeometry();
        QVERIFY(available.contains(dialog.frameGeometry()));
        QVERIFY(dialog.height() <= 760 && dialog.width() <= 820);
        for (const char *name : {"rejectButton", "approveButton", "approveRememberButton"}) {
            auto *b = child<QPushButton>(&dialog, name);
            QVERIFY2(b->isVisible(), name);
            const QRect inDialog(b->mapTo(&dialog, QPoint(0, 0)), b->size());
            QVERIFY2(dialog.rect().contains(inDialog), name);
            QVERIFY2(!b->visibleRegion().isEmpty(), name);
        }
        // The review scrolls inside the dialog: its content is taller than the room left.
        auto *scroll = child<QScrollArea>(&dialog, "reviewScrollArea");
        auto *siwe = child<QPlainTextEdit>(&dialog, "siweText");
        QVERIFY(scroll->isAncestorOf(siwe));
        QVERIFY(!scroll->isAncestorOf(child<QPushButton>(&dialog, "rejectButton")));
        // Less room still (a desktop panel, a bigger font): the buttons stay, the review scrolls.
        dialog.resize(dialog.width(), 520);
        QTRY_COMPARE(dialog.height(), 520);
        QTRY_VERIFY(scroll->verticalScrollBar()->isVisible());
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
        for (const char *name : {"rejectButton", "approveButton", "approveRememberButton"}) {
            auto *b = child<QPushButton>(&dialog, name);
            QVERIFY2(dialog.rect().contains(QRect(b->mapTo(&dialog, QPoint(0, 0)), b->size())),
                     name);
        }
        // Reject stays the default and a click on it still reaches the broker.
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "rejectButton"), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(lastDecision(finished) == Decision::Rejected);
    }
    void approval_buttonsReachTheBroker_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("decision");
        QTest::addColumn<bool>("remembered");
        QTest::newRow("approve once") << QStringLiteral("approveButton") << int(Decision::Approved) << false;
        QTest::newRow("approve and remember") << QStringLiteral("approveRememberButton") << int(Decision::Approved) << true;
        QTest::newRow("reject button") << QStringLiteral("rejectButton") << int(Decision::Rejected) << false;
        QTest::newRow("escape") << QStringLiteral("Esc") << int(Decision::Rejected) << false;
        QTest::newRow("enter hits the default, Reject") << QStringLiteral("Enter") << int(Decision::Rejected) << false;
    }
    void approval_buttonsReachTheBroker()
    {
        QFETCH(QString, action);
        QFETCH(int, decision);
        QFETCH(bool, remembered);
        Fixture f;
        const auto id = f.submit();
        auto *dialog = new ui::ApprovalDialog(f.broker, f.wallets, f.clock, id);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        if (action == QStringLiteral("Esc"))
            QTest::keyClick(dialog, Qt::Key_Escape);
        else if (action == QStringLiteral("Enter"))
            QTest::keyClick(dialog, Qt::Key_Return);
        else
            QTest::mouseClick(child<QPushButton>(dialog, action.toLatin1().constData()), Qt::LeftButton);
        QVERIFY(finished.count() || finished.wait(5000));
        QCOMPARE(int(lastDecision(finished)), decision);
        QCOMPARE(f.permissions.grants().size(), remembered ? 1 : 0);
    }
    void approval_shorterExpiryChangesTheSignedText()
    {
        Fixture f;
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        auto *expiry = child<QComboBox>(&dialog, "expiryCombo");
        QVERIFY(expiry->count() >= 3); // as requested, 15 min, 1 h (request is 24 h)
        expiry->setCurrentIndex(2);    // 1 hour
        QVERIFY(child<QPlainTextEdit>(&dialog, "siweText")->toPlainText().contains(QStringLiteral("Expiration Time: 2025-01-15T13:00:00.000Z")));
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "approveRememberButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(f.permissions.grants()[0].expiresAt,
                 kTestNow + kDay); // remembered: 1 day by default
    }
    void approval_rememberForChoosesTheGrantsEnd_andLaterRequestsNeedNoDialog()
    {
        Fixture f;
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        auto *remember = child<QComboBox>(&dialog, "rememberCombo");
        QCOMPARE(remember->count(), 5); // this request only, 1 h, 1 day, 7 days, 30 days
        QCOMPARE(remember->currentText(), QStringLiteral("1 day"));
        QCOMPARE(remember->accessibleName(), QStringLiteral("Remember this app's permission for"));
        remember->setFocus();
        QTest::keyClick(remember, Qt::Key_Up); // keyboard: 1 hour
        QCOMPARE(remember->currentText(), QStringLiteral("1 hour"));
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "approveRememberButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(f.permissions.grants()[0].expiresAt, kTestNow + kHour);
        // The same request again (24 h by default): answered without a dialog, expiring with
        // the grant.
        QSignalSpy reviews(&f.broker, &RequestBroker::reviewRequested);
        std::optional<Result<std::string>> answer;
        auto in = f.incoming();
        in.request.expiration.reset();
        QVERIFY(f.broker.submit(std::move(in), [&](Result<std::string> r) { answer.emplace(std::move(r)); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(answer->ok());
        QCOMPARE(reviews.count(), 0);
        QVERIFY(QString::fromStdString(answer->value()).contains(QStringLiteral("Expiration Time: 2025-01-15T13:00:00.000Z")));
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("remembered"));
        QCOMPARE(f.activity.recent(1).at(0).account, kTestAccount);
    }
    // The tray's recent activity shows remembered answers too, newest first (issue #9).
    void trayRecentActivity_followsTheLog()
    {
        Fixture f;
        ui::MainWindow window({f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        auto *menu = window.findChild<QMenu *>(QStringLiteral("recentActivityMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 1); // "Nothing yet"
        QVERIFY(!menu->actions().at(0)->isEnabled());
        const auto id = f.submit();
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QVERIFY(f.broker.approve(id, {kTestAccount, true, std::nullopt}).ok());
        QVERIFY(finished.wait(5000));
        QVERIFY(f.broker.submit(f.incoming(), [](Result<std::string>) {}).ok());
        QTRY_COMPARE(menu->actions().size(), 2);
        QVERIFY2(menu->actions().at(0)->text().contains(QStringLiteral("Test app — remembered")), qPrintable(menu->actions().at(0)->text()));
        QVERIFY(menu->actions().at(1)->text().contains(QStringLiteral("approved")));
        for (int i = 0; i < 6; ++i)
            QVERIFY(f.broker.submit(f.incoming(), [](Result<std::string>) {}).ok());
        QTRY_COMPARE(f.activity.recent(100).size(), 8);
        QCOMPARE(menu->actions().size(), 5); // the newest five
    }
    void approval_noAccountCannotApprove()
    {
        Fixture f(false);
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(!child<QPushButton>(&dialog, "approveButton")->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "errorLabel")->text().contains(QStringLiteral("account")));
    }
    void approval_keyboardOnlyAndAccessibleNames()
    {
        Fixture f;
        const auto id = f.submit();
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        for (auto *w : dialog.findChildren<QWidget *>()) {
            if (w->objectName().isEmpty() || !w->focusPolicy() || qobject_cast<QLabel *>(w))
                continue;
            if (w->inherits("QAbstractButton") || w->inherits("QComboBox") || w->inherits("QAbstractItemView") ||
                w->inherits("QPlainTextEdit"))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        // Tab reaches Approve without the mouse; Space presses it.
        auto *approve = child<QPushButton>(&dialog, "approveButton");
        approve->setFocus();
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::keyClick(approve, Qt::Key_Space);
        QVERIFY(finished.wait(5000));
        QVERIFY(lastDecision(finished) == Decision::Approved);
    }
    void models_passModelTester()
    {
        Fixture f;
        f.submit();
        ui::AccountsModel accounts(f.wallets);
        ui::PendingModel pending(f.broker, f.clock);
        ui::AppNames names(nullptr, f.activity);
        ui::GrantsModel grants(f.permissions, names, f.clock);
        ui::AppsModel apps(f.sessionKeys, names);
        ui::ActivityModel activity(f.activity, names);
        api::PairingStore pairings(f.store, f.dir.path());
        ui::PairedAppsModel paired(pairings, f.permissions, f.sessionKeys, f.activity, f.clock);
        QAbstractItemModelTester t6(&paired, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t1(&accounts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&pending, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&grants, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(&apps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(&activity, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(accounts.rowCount(), 1);
        QCOMPARE(pending.rowCount(), 1);
        const auto id = f.broker.pendingIds().first();
        QVERIFY(f.broker.approve(id, {kTestAccount, true, std::nullopt}).ok());
        QTRY_COMPARE(grants.rowCount(), 1);
        QTRY_COMPARE(pending.rowCount(), 0);
        QTRY_COMPARE(apps.rowCount(), 1);
        QTRY_COMPARE(activity.rowCount(), 1);
        QVERIFY(grants.data(grants.index(0, 2)).toString().contains(QStringLiteral("Decrypt data")));
    }
    void autostart_menuWritesAndRemovesTheXdgEntry()
    {
        QTemporaryDir config;
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        const QString entry = config.path() + QStringLiteral("/autostart/io.github.quill.Quill.desktop");
        QCOMPARE(ui::Autostart::entryPath(), entry);
        Fixture f;
        ui::MainWindow window({f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("autostartAction"));
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("quillMenu"))->actions().contains(action));
        action->trigger();
        QVERIFY(ui::Autostart::isEnabled());
        QFile f1(entry);
        QVERIFY(f1.open(QIODevice::ReadOnly));
        const QByteArray text = f1.readAll();
        const QByteArray exec = "\nExec=" + QCoreApplication::applicationFilePath().toUtf8() + " --background\n";
        QVERIFY2(text.contains(exec), text.constData());
        QVERIFY(text.startsWith("[Desktop Entry]\nType=Application\n"));
        QCOMPARE(QFileInfo(entry).permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther), QFileDevice::Permissions());
        action->trigger();
        QVERIFY(!QFile::exists(entry));
        // A desktop's own "off" switch is respected; a path with spaces is quoted.
        QVERIFY(ui::Autostart::setEnabled(true, QStringLiteral("/opt/my apps/quill")).ok());
        QFile f2(entry);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        QVERIFY(f2.readAll().contains("Exec=\"/opt/my apps/quill\" --background"));
        f2.close();
        QVERIFY(f2.open(QIODevice::Append));
        f2.write("Hidden=true\n");
        f2.close();
        QVERIFY(!ui::Autostart::isEnabled());
        qunsetenv("XDG_CONFIG_HOME");
    }
    void mainWindow_revokeFromSessionsView()
    {
        Fixture f;
        ui::MainWindow window({f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        f.submit();
        QVERIFY(review.wait(5000));
        auto *dialog = window.currentApproval();
        QVERIFY(dialog); // raised on its own
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(child<QPushButton>(dialog, "approveRememberButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(f.permissions.grants().size(), 1);
        QVERIFY(f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));

        window.tabs()->setCurrentIndex(2);
        auto *view = child<QTableView>(&window, "sessionsView");
        QTRY_COMPARE(view->model()->rowCount(), 1);
        view->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&window, "revokeButton"), Qt::LeftButton);
        QTRY_VERIFY(f.permissions.grants().isEmpty());
        QTRY_VERIFY(!f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));
        QCOMPARE(view->model()->rowCount(), 0);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("stay valid until they expire")));
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("revoked"));
    }
    // Remove asks for the address's last characters; Cancel is the default, so Enter (even
    // with the right characters typed) never deletes the key (issue 11).
    void accounts_removeDefaultsToCancelAndAsksForTheAddressSuffix()
    {
        Fixture f;
        ui::MainWindow window(
            {f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = child<QTableView>(&window, "accountsView");
        auto *remove = child<QPushButton>(&window, "removeAccountButton");
        auto *rename = child<QPushButton>(&window, "renameAccountButton");
        QVERIFY(!remove->isEnabled());
        QVERIFY(!rename->isEnabled());
        view->selectRow(0);
        QVERIFY(remove->isEnabled());
        QVERIFY(rename->isEnabled());
        const QString key = QStringLiteral("wallet:") + kTestAccount;

        auto open = [&]() -> ui::RemoveAccountDialog * {
            QTest::mouseClick(remove, Qt::LeftButton);
            auto *d =
                window.findChild<ui::RemoveAccountDialog *>(QStringLiteral("removeAccountDialog"));
            return d && d->isVisible() ? d : nullptr;
        };
        // Enter at once: Cancel.
        QPointer<ui::RemoveAccountDialog> dialog = open();
        QVERIFY(dialog);
        QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
        QVERIFY(child<QPushButton>(dialog, "cancelButton")->isDefault());
        auto *confirm = child<QPushButton>(dialog, "confirmRemoveButton");
        QVERIFY(!confirm->isEnabled());
        QVERIFY(child<QLabel>(dialog, "removeAccountText")->text().contains(kTestAccount));
        auto *edit = child<QLineEdit>(dialog, "confirmSuffixEdit");
        QCOMPARE(edit->accessibleName(), QStringLiteral("Last 6 characters of the address"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!dialog);
        QCOMPARE(f.wallets.accounts().size(), 1);
        // Wrong characters keep Remove disabled; the right ones (any case) enable it, and
        // Enter still cancels.
        dialog = open();
        QVERIFY(dialog);
        edit = child<QLineEdit>(dialog, "confirmSuffixEdit");
        confirm = child<QPushButton>(dialog, "confirmRemoveButton");
        QTest::keyClicks(edit, QStringLiteral("000000"));
        QVERIFY(!confirm->isEnabled());
        edit->clear();
        QTest::keyClicks(edit, kTestAccount.right(6).toLower());
        QVERIFY(confirm->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!dialog);
        QCOMPARE(f.wallets.accounts().size(), 1);
        QVERIFY(f.store.contains(key));
        // Typed and clicked: removed, key and all.
        dialog = open();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "confirmSuffixEdit"), kTestAccount.right(6));
        QTest::mouseClick(child<QPushButton>(dialog, "confirmRemoveButton"), Qt::LeftButton);
        QTRY_VERIFY(f.wallets.accounts().isEmpty());
        QVERIFY(!f.store.contains(key));
        QTRY_VERIFY(!remove->isEnabled());
    }
    // Rename from the Accounts view: the Rename button, F2 and a double-click edit the label
    // in place; the vault's index on disk follows; an empty label is refused (issue 11).
    void accounts_renameInPlace()
    {
        Fixture f;
        ui::MainWindow window(
            {f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = child<QTableView>(&window, "accountsView");
        auto typeLabel = [&](const QString &text) -> bool {
            QLineEdit *editor = nullptr;
            for (auto *e : view->viewport()->findChildren<QLineEdit *>())
                if (e->isVisible())
                    editor = e;
            if (!editor)
                return false;
            editor->selectAll();
            QTest::keyClicks(editor, text);
            QTest::keyClick(editor, Qt::Key_Return);
            return true;
        };
        auto labelOnDisk = [&] {
            vault::WalletVault other(f.store, f.dir.path());
            return other.load().ok() && !other.accounts().isEmpty() ? other.accounts().first().label
                                                                    : QString();
        };
        view->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&window, "renameAccountButton"), Qt::LeftButton);
        QVERIFY(typeLabel(QStringLiteral("Savings")));
        QTRY_COMPARE(f.wallets.accounts().first().label, QStringLiteral("Savings"));
        QCOMPARE(labelOnDisk(), QStringLiteral("Savings"));
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Savings"));

        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_F2);
        QVERIFY(typeLabel(QStringLiteral("Spending")));
        QTRY_COMPARE(labelOnDisk(), QStringLiteral("Spending"));

        // A double-click on another column does not edit; on the label it does.
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {},
                           view->visualRect(view->model()->index(0, 1)).center());
        for (auto *e : view->viewport()->findChildren<QLineEdit *>())
            QVERIFY(!e->isVisible());
        const QPoint labelCell = view->visualRect(view->model()->index(0, 0)).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, labelCell);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, labelCell);
        QVERIFY(typeLabel(QStringLiteral("   ")));
        QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Not renamed")));
        QCOMPARE(labelOnDisk(), QStringLiteral("Spending"));
    }
    // Buttons that need a row are disabled until one is selected.
    void buttons_disabledWithoutSelection()
    {
        Fixture f;
        f.submit();
        ui::MainWindow window(
            {f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        for (const char *name : {"removeAccountButton", "renameAccountButton", "reviewButton",
                                 "revokeButton", "revokeAppButton", "forgetKeyButton"})
            QVERIFY2(!child<QPushButton>(&window, name)->isEnabled(), name);
        QVERIFY(child<QPushButton>(&window, "addAccountButton")->isEnabled());
        auto *pending = child<QTableView>(&window, "pendingView");
        QTRY_COMPARE(pending->model()->rowCount(), 1);
        pending->selectRow(0);
        QVERIFY(child<QPushButton>(&window, "reviewButton")->isEnabled());
        QVERIFY(f.broker.reject(f.broker.pendingIds().first()).ok());
        QTRY_COMPARE(pending->model()->rowCount(), 0);
        QVERIFY(!child<QPushButton>(&window, "reviewButton")->isEnabled());
    }
    // First run (issue 11): without an account the Accounts tab welcomes the user with what
    // Quill does and Create / Import; the other tabs say what will appear there and how.
    void firstRun_welcomeAndEmptyStates()
    {
        Fixture f(false);
        ui::MainWindow window(
            {f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *welcome = child<QWidget>(&window, "welcomePanel");
        auto *accounts = child<QTableView>(&window, "accountsView");
        QVERIFY(welcome->isVisible());
        QVERIFY(!accounts->isVisible());
        QVERIFY(
            child<QLabel>(&window, "welcomeText")->text().contains(QStringLiteral("Lit Protocol")));
        const std::pair<int, const char *> empties[] = {{1, "requestsEmpty"},
                                                        {2, "sessionsEmpty"},
                                                        {3, "sessionKeysEmpty"},
                                                        {4, "activityEmpty"}};
        for (const auto &[tab, name] : empties) {
            window.tabs()->setCurrentIndex(tab);
            auto *label = child<QLabel>(&window, name);
            QVERIFY2(label->isVisible(), name);
            QVERIFY2(!label->accessibleName().isEmpty(), name);
        }
        window.tabs()->setCurrentIndex(0);

        // "Create a wallet" opens the import dialog on its Create page.
        QTest::mouseClick(child<QPushButton>(&window, "createWalletButton"), Qt::LeftButton);
        QPointer<ui::ImportWalletDialog> dialog = window.findChild<ui::ImportWalletDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(child<QComboBox>(dialog, "kindCombo")->currentIndex(),
                 int(ui::ImportWalletDialog::CreatePage));
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        // "Import a wallet": the account appears and the welcome gives way to the table.
        QTest::mouseClick(child<QPushButton>(&window, "importWalletButton"), Qt::LeftButton);
        dialog = window.findChild<ui::ImportWalletDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(child<QComboBox>(dialog, "kindCombo")->currentIndex(),
                 int(ui::ImportWalletDialog::PrivateKeyPage));
        QTest::keyClicks(child<QLineEdit>(dialog, "privateKeyEdit"), QString::fromLatin1(kTestKey));
        QTest::mouseClick(child<QPushButton>(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(f.wallets.accounts().size(), 1);
        QTRY_VERIFY(accounts->isVisible());
        QVERIFY(!welcome->isVisible());
        // A request fills the Requests tab.
        window.tabs()->setCurrentIndex(1);
        f.submit();
        QTRY_VERIFY(child<QTableView>(&window, "pendingView")->isVisible());
        QVERIFY(!child<QLabel>(&window, "requestsEmpty")->isVisible());
    }
    // The first close with a tray says once that Quill keeps running there (issue 11).
    void firstClose_saysOnceThatQuillKeepsRunning()
    {
        QSettings().remove(QStringLiteral("ui/trayNoticeShown"));
        Fixture f;
        ui::MainWindow window({f.wallets,
                               f.sessionKeys,
                               f.permissions,
                               f.activity,
                               f.broker,
                               f.clock,
                               QString(),
                               nullptr,
                               {},
                               true});
        auto notices = [] {
            QList<QMessageBox *> found;
            for (auto *w : QApplication::topLevelWidgets())
                if (w->objectName() == QStringLiteral("trayNotice") && w->isVisible())
                    found << qobject_cast<QMessageBox *>(w);
            return found;
        };
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
        QVERIFY(!window.isVisible());
        QTRY_COMPARE(notices().size(), 1);
        QVERIFY(notices().first()->text().contains(QStringLiteral("keeps running in the tray")));
        QVERIFY(QSettings().value(QStringLiteral("ui/trayNoticeShown")).toBool());
        QPointer<QMessageBox> first = notices().first();
        QTest::keyClick(first, Qt::Key_Return);
        QTRY_VERIFY(!first);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
        QVERIFY(!window.isVisible());
        QTest::qWait(100);
        QCOMPARE(notices().size(), 0);
    }
    // Two real `quill` processes (issue 11): a second one, with or without arguments, hands
    // them to the running one and exits 0 at once; the first shows its window (or, for
    // --background, nothing) and stays the only one listening.
    void singleInstance_secondQuillHandsOverAndExits()
    {
        QTemporaryDir runtime; // 0700, as Qt wants XDG_RUNTIME_DIR
        QTemporaryDir home;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.remove(
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keyring: Quill warns and runs on
        QProcess first;
        auto stop = qScopeGuard([&] {
            first.kill();
            first.waitForFinished(5000);
        });
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(QUILL_GUI_PATH), {});
        QVERIFY(first.waitForStarted());
        const QString dir = runtime.path() + QStringLiteral("/quill");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dir + QStringLiteral("/quill.sock")), 15000);
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/instance.sock")));
        QCOMPARE(QFileInfo(dir + QStringLiteral("/instance.sock")).permissions() & 0x0077,
                 QFileDevice::Permissions());

        QString firstErr;
        const QList<QStringList> runs = {
            {}, {QStringLiteral("--background")}, {QStringLiteral("--dark")}};
        for (const auto &args : runs) {
            QProcess second;
            second.setProcessEnvironment(env);
            QElapsedTimer t;
            t.start();
            second.start(QStringLiteral(QUILL_GUI_PATH), args);
            QVERIFY(second.waitForFinished(10000));
            const QString err = QString::fromUtf8(second.readAllStandardError());
            QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0,
                     qPrintable(err));
            QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
            QVERIFY2(err.contains(QStringLiteral("Quill is already running")), qPrintable(err));
            QVERIFY2(!err.contains(QStringLiteral("already listening")), qPrintable(err));
        }
        QCOMPARE(first.state(), QProcess::Running);
        QTRY_VERIFY_WITH_TIMEOUT(
            (firstErr += QString::fromUtf8(first.readAllStandardError()),
             firstErr.count(QStringLiteral("started again: showing the window")) == 2 &&
                 firstErr.contains(QStringLiteral("--background: nothing to show"))),
            5000);
        // Listening sockets bound under the runtime folder (/proc/net/unix: flags 00010000;
        // the path is where QLocalServer bound it before moving it into place): two, the
        // instance socket and the API socket, and both are the first quill's.
        QFile unix(QStringLiteral("/proc/net/unix"));
        QVERIFY(unix.open(QIODevice::ReadOnly));
        QStringList inodes;
        for (const auto &line : QString::fromUtf8(unix.readAll()).split(QLatin1Char('\n'))) {
            const auto f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (f.size() >= 8 && f.at(3) == QStringLiteral("00010000") &&
                f.at(7).startsWith(dir + QLatin1Char('/')))
                inodes << f.at(6);
        }
        QCOMPARE(inodes.size(), 2);
        const QString fds = QStringLiteral("/proc/%1/fd").arg(first.processId());
        QStringList ownSockets;
        for (const auto &fd : QDir(fds).entryList(QDir::Files | QDir::System))
            ownSockets << QFile::symLinkTarget(fds + QLatin1Char('/') + fd);
        for (const auto &inode : inodes)
            QVERIFY2(std::any_of(ownSockets.begin(), ownSockets.end(),
                                 [&](const QString &t) {
                                     return t.endsWith(QStringLiteral("socket:[") + inode +
                                                       QLatin1Char(']'));
                                 }),
                     qPrintable(inode));

        // A Quill that died (SIGKILL: its lock and socket files stay) does not block the next.
        first.kill();
        QVERIFY(first.waitForFinished(5000));
        QProcess next;
        next.setProcessEnvironment(env);
        next.start(QStringLiteral(QUILL_GUI_PATH), {QStringLiteral("--background")});
        auto stopNext = qScopeGuard([&] {
            next.kill();
            next.waitForFinished(5000);
        });
        QVERIFY(next.waitForStarted());
        QTest::qWait(1000);
        QCOMPARE(next.state(), QProcess::Running);
        QProcess again;
        again.setProcessEnvironment(env);
        again.start(QStringLiteral(QUILL_GUI_PATH), {});
        QVERIFY(again.waitForFinished(10000));
        QCOMPARE(again.exitCode(), 0);
        QString nextErr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (nextErr += QString::fromUtf8(next.readAllStandardError()),
             nextErr.contains(QStringLiteral("started again: showing the window"))),
            5000);
    }
    // Requests nodes would reject never open a dialog: refused up front (issue #9).
    void invalidTimes_openNoDialog()
    {
        Fixture f;
        ui::MainWindow window({f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The session's own times (the fixture's clock is fixed in January 2025; the expired
        // delegation fixture is dated against the real clock and is covered by the API tests).
        for (const auto &file : QDir(QStringLiteral(QUILL_TEST_DATA_DIR "/requests")).entryList({QStringLiteral("timefail_*.json")})) {
            if (file.contains(QStringLiteral("capability")))
                continue;
            auto in = f.incoming();
            in.request = std::move(lit::SessionRequest::fromJson(readData(QStringLiteral("requests/") + file).toStdString())).value();
            auto id = f.broker.submit(std::move(in), [](Result<std::string>) {});
            QVERIFY2(!id.ok(), qPrintable(file));
            QCOMPARE(id.error().code, ErrorCode::LitTimeRange);
        }
        QTest::qWait(100);
        QVERIFY(!window.currentApproval());
        QVERIFY(!window.findChild<ui::ApprovalDialog *>());
        QCOMPARE(child<QTableView>(&window, "pendingView")->model()->rowCount(), 0);
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("refused"));
    }
    // The Apps view lists paired apps by the name the user accepted, and Unpair drops the
    // pairing, its grants and its session keys (issue #9).
    void appsView_unpair()
    {
        Fixture f;
        api::PairingStore pairings(f.store, f.dir.path());
        api::PairedApp draft;
        draft.name = QStringLiteral("Notes dApp");
        draft.claimedName = QStringLiteral("notes");
        draft.transport = api::Transport::WebSocket;
        draft.origin = QStringLiteral("http://localhost:3000");
        auto paired = await<Result<api::PairingStore::Pairing>>([&](auto cb) { pairings.pair(draft, cb); });
        QVERIFY(paired && paired->ok());
        const QString appId = (*paired)->app.appId;
        auto in = f.incoming();
        in.app.appId = appId;
        in.app.claimedName = draft.name;
        const auto id = *f.broker.submit(std::move(in), [](Result<std::string>) {});
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QVERIFY(f.broker.approve(id, {kTestAccount, true, std::nullopt}).ok());
        QVERIFY(finished.wait(5000));
        QVERIFY(f.sessionKeys.publicKey(appId, kTestAccount));

        bool unpairCalled = false;
        ui::MainWindow window({f.wallets, f.sessionKeys, f.permissions, f.activity, f.broker, f.clock, QString(), &pairings,
                               [&](const QString &app, std::function<void(Status)> done) {
                                   unpairCalled = true;
                                   pairings.unpair(app, [&, app, done](Status st) {
                                       f.broker.forgetApp(app, QStringLiteral("Notes dApp"), [](Status) {});
                                       done(st);
                                   });
                               }});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(3);
        auto *apps = child<QTableView>(&window, "pairedAppsView");
        QCOMPARE(apps->accessibleName(), QStringLiteral("Paired apps"));
        QCOMPARE(apps->model()->rowCount(), 1);
        QCOMPARE(apps->model()->index(0, 0).data().toString(), QStringLiteral("Notes dApp"));
        QVERIFY(apps->model()->index(0, 1).data().toString().contains(QStringLiteral("http://localhost:3000")));
        QVERIFY(apps->model()->index(0, 2).data().toString().contains(QStringLiteral("1 remembered session")));
        // The Sessions view names the app too, never by its id.
        auto *sessions = child<QTableView>(&window, "sessionsView");
        QCOMPARE(sessions->model()->index(0, 0).data().toString(), QStringLiteral("Notes dApp"));
        apps->setFocus();
        apps->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&window, "unpairButton"), Qt::LeftButton);
        QVERIFY(unpairCalled);
        QTRY_COMPARE(apps->model()->rowCount(), 0);
        QTRY_VERIFY(f.permissions.grants().isEmpty());
        QTRY_VERIFY(!f.sessionKeys.publicKey(appId, kTestAccount));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("stay valid until they expire")));
        // The activity view shows the decisions with app name and account.
        auto *activity = child<QTableView>(&window, "activityView");
        QTRY_COMPARE(activity->model()->index(0, 3).data().toString(), QStringLiteral("unpaired"));
        QCOMPARE(activity->model()->index(0, 1).data().toString(), QStringLiteral("Notes dApp"));
        QCOMPARE(activity->model()->index(1, 2).data().toString(), kTestAccount);
        QVERIFY(activity->model()->index(1, 3).data().toString().startsWith(QStringLiteral("approved · until")));
    }
    void importDialog_privateKey()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.show();
        auto *key = child<QLineEdit>(&dialog, "privateKeyEdit");
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(key, QStringLiteral("not hex"));
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, "statusLabel")->text().contains(QStringLiteral("64 hex digits")));
        QVERIFY(key->text().isEmpty()); // the field is cleared either way
        QTest::keyClicks(key, QStringLiteral("0x") + QString::fromLatin1(kTestKey));
        QTest::keyClicks(child<QLineEdit>(&dialog, "labelEdit"), QStringLiteral("Imported"));
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(f.wallets.accounts().size(), 1);
        QCOMPARE(f.wallets.accounts()[0].address, kTestAccount);
        QCOMPARE(f.wallets.accounts()[0].label, QStringLiteral("Imported"));
        QVERIFY(key->text().isEmpty());
    }
    void importDialog_mnemonicWithAccountPicker()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.show();
        child<QComboBox>(&dialog, "kindCombo")->setCurrentIndex(ui::ImportWalletDialog::MnemonicPage);
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, "phraseEdit"),
                         QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
        QTest::mouseClick(child<QPushButton>(&dialog, "showAccountsButton"), Qt::LeftButton);
        auto *list = child<QListWidget>(&dialog, "accountList");
        QTRY_COMPARE(list->count(), 5);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")));
        list->setCurrentRow(1);
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(f.wallets.accounts().size(), 1);
        QCOMPARE(f.wallets.accounts()[0].address, QStringLiteral("0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0"));
        QCOMPARE(f.wallets.accounts()[0].derivationPath, QStringLiteral("m/44'/60'/0'/0/1"));
        QVERIFY(child<QPlainTextEdit>(&dialog, "phraseEdit")->toPlainText().isEmpty());
    }
    void importDialog_badPhraseNamesTheProblem()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.show();
        child<QComboBox>(&dialog, "kindCombo")->setCurrentIndex(ui::ImportWalletDialog::MnemonicPage);
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, "phraseEdit"),
                         QStringLiteral("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"));
        QTest::mouseClick(child<QPushButton>(&dialog, "showAccountsButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, "statusLabel")->text().contains(QStringLiteral("checksum")));
        QCOMPARE(child<QListWidget>(&dialog, "accountList")->count(), 0);
    }
    void importDialog_keystoreFile()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        child<QComboBox>(&dialog, "kindCombo")->setCurrentIndex(ui::ImportWalletDialog::KeystorePage);
        child<QLineEdit>(&dialog, "keystorePathEdit")->setText(dataPath(QStringLiteral("keystore/spec_pbkdf2.json")));
        QTest::keyClicks(child<QLineEdit>(&dialog, "keystorePasswordEdit"), QStringLiteral("wrong"));
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(&dialog, "statusLabel")->text().contains(QStringLiteral("wrong keystore password")));
        QVERIFY(f.wallets.accounts().isEmpty());
        QTest::keyClicks(child<QLineEdit>(&dialog, "keystorePasswordEdit"), QStringLiteral("testpassword"));
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(f.wallets.accounts().size(), 1, 20000);
        QCOMPARE(f.wallets.accounts()[0].address, QStringLiteral("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b"));
    }
    void importDialog_createShowsPhraseOnceThenImports()
    {
        Fixture f(false);
        ui::ImportWalletDialog dialog(f.wallets);
        dialog.show();
        child<QComboBox>(&dialog, "kindCombo")->setCurrentIndex(ui::ImportWalletDialog::CreatePage);
        auto *button = child<QPushButton>(&dialog, "importButton");
        QTest::mouseClick(button, Qt::LeftButton);
        const auto phrase = child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText();
        QCOMPARE(phrase.split(QLatin1Char(' ')).size(), 12);
        QVERIFY(!button->isEnabled());
        QTest::mouseClick(child<QCheckBox>(&dialog, "wroteItDownCheck"), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        // The word check (tst_AccountsFlows tests it in full): three words typed back.
        QVERIFY(f.wallets.accounts().isEmpty());
        const QStringList words = phrase.split(QLatin1Char(' '));
        const auto positions = dialog.checkPositions();
        QCOMPARE(positions.size(), 3);
        for (int i = 0; i < 3; ++i)
            QTest::keyClicks(
                child<QLineEdit>(&dialog, qPrintable(QStringLiteral("checkWordEdit%1").arg(i + 1))),
                words[positions[i] - 1]);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(f.wallets.accounts().size(), 1);
        QVERIFY(f.wallets.accounts()[0].source == vault::AccountSource::Created);
        QVERIFY(child<QPlainTextEdit>(&dialog, "newPhraseView")->toPlainText().isEmpty());
        // The phrase derives the stored account.
        auto m = eth::Mnemonic::parse(phrase.toStdString());
        auto key = eth::HdKey::fromSeed(m->toSeed())->derive(eth::HdKey::ethereumPath(0));
        auto pub = crypto::secp256k1::publicKey(key->privateKey());
        QCOMPARE(QString::fromStdString(eth::Address::fromPublicKey(*pub).toChecksummed()), f.wallets.accounts()[0].address);
    }
    void pairingPrompt_claimsFactsAndDecisions()
    {
        Fixture f;
        QWidget parent;
        ui::ApiPrompts prompts(f.wallets, &parent);
        api::PairingRequest request;
        request.id = 7;
        request.claimedName = QStringLiteral("Notes app");
        request.url = QStringLiteral("https://notes.example");
        request.peer.pid = 4242;
        request.peer.executable = QStringLiteral("/usr/bin/node");
        std::optional<std::optional<QString>> decided;
        qRegisterMetaType<QDialog *>();
        QSignalSpy shown(&prompts, &ui::ApiPrompts::promptShown);
        prompts.requestPairing(request, [&](std::optional<QString> name) { decided = name; });
        QCOMPARE(shown.count(), 1);
        auto *dialog = shown.first().first().value<QDialog *>();
        QVERIFY(child<QLabel>(dialog, "factsLabel")->text().contains(QStringLiteral("process 4242")));
        QCOMPARE(child<QLabel>(dialog, "urlLabel")->text(), QStringLiteral("https://notes.example"));
        QVERIFY(child<QPushButton>(dialog, "refuseButton")->isDefault());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Pair a new app?")); // Qt adds " — Quill"
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(decided.has_value());
        QVERIFY(!decided->has_value()); // refused

        decided.reset();
        prompts.requestPairing(request, [&](std::optional<QString> name) { decided = name; });
        dialog = shown.last().first().value<QDialog *>();
        auto *name = child<QLineEdit>(dialog, "nameEdit");
        name->clear();
        QTest::keyClicks(name, QStringLiteral("My notes"));
        QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
        QVERIFY(decided && decided->has_value());
        QCOMPARE(**decided, QStringLiteral("My notes"));

        // Accounts: only ticked addresses are revealed.
        std::optional<std::optional<QStringList>> shared;
        api::AccountsRequest accountsRequest;
        accountsRequest.id = 8;
        accountsRequest.appName = QStringLiteral("My notes");
        prompts.requestAccounts(accountsRequest, [&](std::optional<QStringList> a) { shared = a; });
        dialog = shown.last().first().value<QDialog *>();
        QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
        QVERIFY(shared && shared->has_value() && (*shared)->isEmpty());
        shared.reset();
        prompts.requestAccounts(accountsRequest, [&](std::optional<QStringList> a) { shared = a; });
        dialog = shown.last().first().value<QDialog *>();
        dialog->findChild<QCheckBox *>(QStringLiteral("accountCheck_") + kTestAccount)
            ->setChecked(true);
        QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
        QCOMPARE(**shared, QStringList{kTestAccount});
    }
};

QTEST_MAIN(TestGui)
#include "tst_Gui.moc"
