// The main window beside quill-cli, against a real keychain (run inside
// tests/keychain/with-keyring.sh, offscreen): what another process changes in the data folder
// shows within a second, and the window's own changes keep the other process's.

#include "../AsyncWait.h"

#include "MainWindow.h"
#include "crypto/Encoding.h"
#include "requests/Clock.h"
#include "requests/RequestBroker.h"
#include "vault/KeychainStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::test;

namespace {
// Public test keys (the spec's vector key and the keystore vector's key).
constexpr const char *kCliKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const QString kCliAccount = QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
constexpr const char *kGuiKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
const QString kGuiAccount = QStringLiteral("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b");

struct Cli
{
    QString dataDir;
    /// Runs quill-cli with this data folder; returns (exit code, stdout).
    std::pair<int, QString> run(const QStringList &args) const
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUILL_DATA_DIR"), dataDir);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(QUILL_CLI_PATH), args);
        p.waitForFinished(30000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput())};
    }
};
} // namespace

class TestGuiLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cliImportShowsWithinASecond_andGuiImportKeepsIt()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        vault::KeychainStore store;
        vault::WalletVault wallets(store, data);
        vault::SessionKeyStore sessionKeys(store, data);
        requests::PermissionStore permissions(data);
        requests::ActivityLog activity(data);
        requests::SystemClock clock;
        requests::RequestBroker broker(wallets, sessionKeys, permissions, activity, clock);
        QVERIFY(wallets.load().ok());
        ui::MainWindow window({wallets, sessionKeys, permissions, activity, broker, clock, data});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<QTableView *>(QStringLiteral("accountsView"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 0);

        // quill-cli imports while the window is open.
        QFile keyFile(dir.filePath(QStringLiteral("cli.key")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write(kCliKey);
        keyFile.close();
        const Cli cli{data};
        const auto [rc, out] = cli.run({QStringLiteral("wallet"), QStringLiteral("import"),
                                        QStringLiteral("--key-file"), keyFile.fileName(),
                                        QStringLiteral("--label"), QStringLiteral("FromCLI")});
        QCOMPARE(rc, 0);
        QElapsedTimer shown;
        shown.start();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 1000);
        qInfo("the CLI's account showed after %lld ms", static_cast<long long>(shown.elapsed()));
        QCOMPARE(view->model()->index(0, 1).data().toString(), kCliAccount);

        // Then an import in the window: both stay, for the window and for quill-cli.
        auto imported = await<Result<vault::Account>>([&](auto cb) {
            wallets.importKey(std::move(crypto::secretFromHex(kGuiKey)).value(),
                              QStringLiteral("FromGUI"), vault::AccountSource::PrivateKey,
                              QString(), cb);
        });
        QVERIFY(imported && imported->ok());
        QCOMPARE(view->model()->rowCount(), 2);
        const auto [rc2, listed] = cli.run({QStringLiteral("wallet"), QStringLiteral("list")});
        QCOMPARE(rc2, 0);
        QVERIFY2(listed.contains(kCliAccount) && listed.contains(kGuiAccount), qPrintable(listed));

        // A removal by quill-cli shows too.
        QCOMPARE(cli.run({QStringLiteral("wallet"), QStringLiteral("remove"), kCliAccount,
                          QStringLiteral("--yes")})
                     .first,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 1000);
        QCOMPARE(view->model()->index(0, 1).data().toString(), kGuiAccount);
        auto removed = await<Status>([&](auto cb) { wallets.remove(kGuiAccount, cb); });
        QVERIFY(removed && removed->ok());
    }
};

QTEST_MAIN(TestGuiLive)
#include "tst_GuiLive.moc"
