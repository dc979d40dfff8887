#include "../../AsyncWait.h"
#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "eth/Keystore.h"
#include "vault/KeystoreExport.h"
#include "vault/MemoryStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::vault;
using namespace quill::test;

namespace {
// Public test key of the spec's vectors.
constexpr const char *kKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
constexpr const char *kAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
crypto::SecureBytes testKey() { return std::move(crypto::secretFromHex(kKey)).value(); }

Result<Account> import(WalletVault &vault, crypto::SecureBytes key, const QString &label = {})
{
    auto r = await<Result<Account>>([&](auto cb) {
        vault.importKey(std::move(key), label, AccountSource::PrivateKey, QString(), cb);
    });
    return r ? std::move(*r) : Result<Account>(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

Status removeAccount(WalletVault &vault, const QString &address)
{
    auto r = await<Status>([&](auto cb) { vault.remove(address, cb); });
    return r ? *r : Status(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

Status recover(WalletVault &vault)
{
    auto r = await<Status>([&](auto cb) { vault.recover(cb); });
    return r ? *r : Status(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}
} // namespace

class TestWalletVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void import_listsAccountAfterRestart()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault vault(store, dir.path());
            QVERIFY(vault.load().ok());
            QSignalSpy changed(&vault, &WalletVault::accountsChanged);
            auto account = import(vault, testKey(), QStringLiteral("Main"));
            QVERIFY2(account.ok(), qPrintable(account.ok() ? QString() : describe(account.error())));
            QCOMPARE(account->address, QString::fromLatin1(kAddress));
            QCOMPARE(changed.count(), 1);
            QVERIFY(store.contains(QStringLiteral("wallet:") + QString::fromLatin1(kAddress)));
        }
        WalletVault again(store, dir.path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.accounts().size(), 1);
        QCOMPARE(again.accounts()[0].label, QStringLiteral("Main"));
        QVERIFY(again.accounts()[0].source == AccountSource::PrivateKey);
        auto key = await<Result<crypto::SecureBytes>>([&](auto cb) { again.privateKey(QString::fromLatin1(kAddress).toLower(), cb); });
        QVERIFY(key && key->ok());
        QVERIFY((*key)->equals(testKey().span()));
    }
    void index_neverHoldsTheSecret()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey()).ok());
        QFile f(vault.indexPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto text = f.readAll();
        QVERIFY(!text.contains(kKey));
        QVERIFY(!text.toLower().contains(QByteArray(kKey).left(16)));
        QCOMPARE(int(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    }
    void import_rejectsDuplicatesAndBadKeys()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey()).ok());
        QCOMPARE(import(vault, testKey()).error().code, ErrorCode::AccountExists);
        QCOMPARE(import(vault, crypto::SecureBytes(32)).error().code, ErrorCode::InvalidPrivateKey);
        QCOMPARE(vault.accounts().size(), 1);
    }
    void import_withoutKeychainPersistsNothing()
    {
        QTemporaryDir dir;
        MemoryStore store;
        store.setUnavailable(true);
        WalletVault vault(store, dir.path());
        auto r = import(vault, testKey());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::KeychainUnavailable);
        QCOMPARE(errorCodeName(r.error().code), QStringLiteral("no OS keychain available"));
        QVERIFY(vault.accounts().isEmpty());
        WalletVault reloaded(store, dir.path());
        QVERIFY(reloaded.load().ok());
        QVERIFY(reloaded.accounts().isEmpty());
        QCOMPARE(store.size(), std::size_t(0));
    }
    // Export (issue #11; quill-cli wallet export and the GUI's dialog): refuses an empty
    // password, an account that is not listed and an existing file (left as it was, nothing
    // else left behind) unless told to replace it; writes an owner-only keystore of the key.
    void exportKeystore_refusesThenWritesOwnerOnly()
    {
        QTemporaryDir dir;
        QTemporaryDir out;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey()).ok());
        const eth::ScryptParams cheap{1u << 10, 8, 1};
        auto secret = [](std::string_view text) {
            return crypto::SecureBytes(std::span<const std::uint8_t>(
                reinterpret_cast<const std::uint8_t *>(text.data()), text.size()));
        };
        auto run = [&](const QString &address, std::string_view password, const QString &path,
                       bool overwrite) {
            auto r = await<Status>([&](auto cb) {
                exportKeystore(vault, address, secret(password), path, {cheap, overwrite}, cb);
            });
            return r ? *r : Status(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
        };
        const QString address = QString::fromLatin1(kAddress);
        const QString path = out.filePath(QStringLiteral("k.json"));
        QCOMPARE(run(address, "", path, false).error().code, ErrorCode::InvalidArgument);
        QVERIFY(!run(QStringLiteral("0x0000000000000000000000000000000000000001"), "pw-123456",
                     path, false)
                     .ok());
        QVERIFY(!QFile::exists(path));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        const Status refused = run(address, "pw-123456", path, false);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().context.contains(QStringLiteral("exists")));
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (const auto &[file, overwrite] :
             {std::pair{path, true}, std::pair{out.filePath(QStringLiteral("new.json")), false}}) {
            QVERIFY(run(address, "pw-123456", file, overwrite).ok());
            QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto key = eth::keystore::decrypt(f.readAll().toStdString(), secret("pw-123456"));
            QVERIFY(key.ok());
            QVERIFY(key->equals(testKey().span()));
        }
    }
    void remove_deletesKeyAndEntry()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey()).ok());
        QVERIFY(removeAccount(vault, QString::fromLatin1(kAddress)).ok());
        QVERIFY(vault.accounts().isEmpty());
        QCOMPARE(store.size(), std::size_t(0));
        QCOMPARE(removeAccount(vault, QString::fromLatin1(kAddress)).error().code, ErrorCode::AccountNotFound);
    }
    void rename_changesTheLabelForEveryProcess()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey(), QStringLiteral("Old")).ok());
        // A second vault on the same folder stands for another process (quill-cli) that read
        // the index before the rename and then imports a second account.
        WalletVault other(store, dir.path());
        QVERIFY(other.load().ok());
        QSignalSpy changed(&vault, &WalletVault::accountsChanged);
        QVERIFY(vault.rename(QString::fromLatin1(kAddress).toLower(), QStringLiteral("  Savings  "))
                    .ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(vault.accounts().first().label, QStringLiteral("Savings"));
        QCOMPARE(store.size(), std::size_t(1)); // the key is untouched
        auto second = crypto::secretFromHex(
            "0000000000000000000000000000000000000000000000000000000000000001");
        QVERIFY(second.ok());
        QVERIFY(import(other, std::move(second).value(), QStringLiteral("Second")).ok());
        // Neither process wrote back a stale copy: both changes are on disk.
        WalletVault reloaded(store, dir.path());
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.accounts().size(), 2);
        QCOMPARE(reloaded.accounts().at(0).label, QStringLiteral("Savings"));
        QCOMPARE(reloaded.accounts().at(1).label, QStringLiteral("Second"));
        // The other process's stale view renames the first account: the second survives.
        QVERIFY(other.rename(QString::fromLatin1(kAddress), QStringLiteral("Spending")).ok());
        QVERIFY(vault.load().ok());
        QCOMPARE(vault.accounts().size(), 2);
        QCOMPARE(vault.accounts().at(0).label, QStringLiteral("Spending"));
    }
    void rename_rejectsBadLabelsAndUnknownAccounts_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("code");
        const QString a = QString::fromLatin1(kAddress);
        QTest::newRow("empty") << a << QString() << int(ErrorCode::InvalidArgument);
        QTest::newRow("blank") << a << QStringLiteral(" \t ") << int(ErrorCode::InvalidArgument);
        QTest::newRow("too long") << a
                                  << QString(WalletVault::kMaxLabelLength + 1, QLatin1Char('x'))
                                  << int(ErrorCode::InvalidArgument);
        QTest::newRow("control character")
            << a << QStringLiteral("a\nb") << int(ErrorCode::InvalidArgument);
        QTest::newRow("unknown account")
            << QStringLiteral("0x0000000000000000000000000000000000000001") << QStringLiteral("x")
            << int(ErrorCode::AccountNotFound);
        QTest::newRow("not an address")
            << QStringLiteral("nope") << QStringLiteral("x") << int(ErrorCode::AccountNotFound);
    }
    void rename_rejectsBadLabelsAndUnknownAccounts()
    {
        QFETCH(QString, address);
        QFETCH(QString, label);
        QFETCH(int, code);
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey(), QStringLiteral("Kept")).ok());
        const auto st = vault.rename(address, label);
        QVERIFY(!st.ok());
        QCOMPARE(int(st.error().code), code);
        QCOMPARE(vault.accounts().first().label, QStringLiteral("Kept"));
    }
    void remove_keepsAccountWhenKeychainFails()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QVERIFY(import(vault, testKey()).ok());
        store.failNext(ErrorCode::KeychainFailure);
        QCOMPARE(removeAccount(vault, QString::fromLatin1(kAddress)).error().code, ErrorCode::KeychainFailure);
        QVERIFY(store.contains(QStringLiteral("wallet:") + QString::fromLatin1(kAddress)));
        // Listed state is "removing": hidden, and the next recover() completes it.
        QVERIFY(vault.accounts().isEmpty());
        QVERIFY(recover(vault).ok());
        QCOMPARE(store.size(), std::size_t(0));
    }
    // An index left by a crash: a pending import whose key reached the keychain, and a
    // removal that did not finish. recover() restores agreement.
    void recover_rollsBackPendingAndCompletesRemoval()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault vault(store, dir.path());
            QVERIFY(import(vault, testKey()).ok());
        }
        // Rewrite the journal as a crash would have left it.
        QFile f(dir.filePath(QStringLiteral("accounts.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto text = f.readAll();
        f.close();
        text.replace("\"ready\"", "\"pending\"");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        WalletVault vault(store, dir.path());
        QVERIFY(vault.load().ok());
        QVERIFY(vault.accounts().isEmpty());
        QVERIFY(recover(vault).ok());
        QCOMPARE(store.size(), std::size_t(0));
        WalletVault reloaded(store, dir.path());
        QVERIFY(reloaded.load().ok());
        QVERIFY(reloaded.accounts().isEmpty());
    }
    void load_reportsCorruptIndex()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("accounts.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"accounts\":[{\"address\":\"nope\"}]}");
        f.close();
        MemoryStore store;
        WalletVault vault(store, dir.path());
        QCOMPARE(vault.load().error().code, ErrorCode::IndexCorrupt);
    }
    void sessionKeys_createReuseRotateRemove()
    {
        QTemporaryDir dir;
        MemoryStore store;
        SessionKeyStore keys(store, dir.path());
        QVERIFY(keys.load().ok());
        using KeyResult = Result<std::shared_ptr<lit::SessionKey>>;
        auto first = await<KeyResult>([&](auto cb) { keys.sessionKey(QStringLiteral("app-1"), QString::fromLatin1(kAddress), cb); });
        QVERIFY(first && first->ok());
        auto again = await<KeyResult>([&](auto cb) { keys.sessionKey(QStringLiteral("app-1"), QString::fromLatin1(kAddress), cb); });
        QCOMPARE((**again)->publicKeyHex(), (**first)->publicKeyHex());
        auto other = await<KeyResult>([&](auto cb) { keys.sessionKey(QStringLiteral("app-2"), QString::fromLatin1(kAddress), cb); });
        QVERIFY((**other)->publicKeyHex() != (**first)->publicKeyHex());
        QCOMPARE(keys.list().size(), 2);

        SessionKeyStore reloaded(store, dir.path());
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.list().size(), 2);
        QCOMPARE(reloaded.list()[0].publicKey, QString::fromStdString((**first)->publicKeyHex()));

        auto rotated = await<KeyResult>([&](auto cb) { reloaded.rotate(QStringLiteral("app-1"), QString::fromLatin1(kAddress), cb); });
        QVERIFY(rotated && rotated->ok());
        QVERIFY((**rotated)->publicKeyHex() != (**first)->publicKeyHex());
        auto removed = await<Status>([&](auto cb) { reloaded.remove(QStringLiteral("app-2"), QString::fromLatin1(kAddress), cb); });
        QVERIFY(removed && removed->ok());
        QCOMPARE(reloaded.list().size(), 1);
        QCOMPARE(store.size(), std::size_t(1));
    }
    void sessionKeys_withoutKeychainPersistNothing()
    {
        QTemporaryDir dir;
        MemoryStore store;
        store.setUnavailable(true);
        SessionKeyStore keys(store, dir.path());
        auto r = await<Result<std::shared_ptr<lit::SessionKey>>>(
            [&](auto cb) { keys.sessionKey(QStringLiteral("app"), QString::fromLatin1(kAddress), cb); });
        QCOMPARE(r->error().code, ErrorCode::KeychainUnavailable);
        QVERIFY(keys.list().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWalletVault)
#include "tst_WalletVault.moc"
