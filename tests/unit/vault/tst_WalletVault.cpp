#include "../../AsyncWait.h"
#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "vault/MemoryStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

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
