// The journaled index every store uses: locked read-modify-write across instances (as across
// processes), owners of unfinished records, recovery of orphans only.

#include "../../AsyncWait.h"

#include "crypto/Encoding.h"
#include "requests/ActivityLog.h"
#include "requests/PermissionStore.h"
#include "vault/JournaledIndex.h"
#include "vault/MemoryStore.h"
#include "vault/WalletVault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace quill;
using namespace quill::vault;
using namespace quill::test;

namespace {
// Public test keys.
constexpr const char *kKeyA = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
constexpr const char *kKeyB = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
const QString kAddressA = QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
const QString kAddressB = QStringLiteral("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b");

crypto::SecureBytes key(const char *hex)
{
    return std::move(crypto::secretFromHex(hex)).value();
}

Result<Account> import(WalletVault &vault, const char *hex)
{
    auto r = await<Result<Account>>([&](auto cb) {
        vault.importKey(key(hex), QString(), AccountSource::PrivateKey, QString(), cb);
    });
    return r ? std::move(*r)
             : Result<Account>(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

Status recover(WalletVault &vault)
{
    auto r = await<Status>([&](auto cb) { vault.recover(cb); });
    return r ? *r : Status(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

/// Rewrites accounts.json so that its only record is `state`, owned by `owner` (none if null).
void setJournal(const QString &dir, const char *state, const std::optional<QJsonObject> &owner)
{
    QFile f(dir + QStringLiteral("/accounts.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    auto list = root.value(QStringLiteral("accounts")).toArray();
    auto record = list.at(0).toObject();
    record.insert(QStringLiteral("state"), QString::fromLatin1(state));
    if (owner)
        record.insert(QStringLiteral("owner"), *owner);
    list.replace(0, record);
    root.insert(QStringLiteral("accounts"), list);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
}

QJsonObject ownerJson(qint64 pid, quint64 start)
{
    return QJsonObject{{QStringLiteral("pid"), double(pid)},
                       {QStringLiteral("start"), QString::number(start)},
                       {QStringLiteral("boot"), Owner::self().bootId}};
}
} // namespace

class TestJournaledIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The bug of issue #13: a second instance with a stale copy wrote it back.
    void staleInstance_neverWritesBackItsCopy()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault gui(store, dir.path());
        WalletVault cli(store, dir.path());
        QVERIFY(gui.load().ok());
        QVERIFY(cli.load().ok());
        QVERIFY(import(cli, kKeyA).ok());
        QVERIFY(gui.accounts().isEmpty()); // not refreshed yet: a stale copy
        QVERIFY(import(gui, kKeyB).ok());
        QCOMPARE(gui.accounts().size(), 2); // the write re-read the file first
        QVERIFY(cli.load().ok());
        QCOMPARE(cli.accounts().size(), 2);
        QCOMPARE(store.size(), std::size_t(2));
    }
    void refresh_emitsWhenAnotherInstanceChangedTheFile()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault a(store, dir.path());
        WalletVault b(store, dir.path());
        QVERIFY(a.load().ok());
        QSignalSpy changed(&a, &WalletVault::accountsChanged);
        QVERIFY(import(b, kKeyA).ok());
        QCOMPARE(changed.count(), 0);
        QVERIFY(a.load().ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(a.accounts().at(0).address, kAddressA);
        QVERIFY(a.load().ok()); // unchanged file: no signal
        QCOMPARE(changed.count(), 1);
    }
    void recover_leavesALiveOwnersRecordAlone()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault v(store, dir.path());
            QVERIFY(import(v, kKeyA).ok());
        }
        setJournal(dir.path(), "pending", ownerJson(Owner::self().pid, Owner::self().startTicks));
        WalletVault other(store, dir.path());
        QVERIFY(other.load().ok());
        QVERIFY(recover(other).ok());
        QCOMPARE(store.size(), std::size_t(1)); // the live import's key stays
        QVERIFY(other.index().find(kAddressA).has_value());
    }
    void recover_rollsBackADeadOwnersRecord_evenIfItsPidIsReused()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault v(store, dir.path());
            QVERIFY(import(v, kKeyA).ok());
        }
        // Same pid as this process, another start time: the owner is a dead predecessor.
        setJournal(dir.path(), "pending",
                   ownerJson(Owner::self().pid, Owner::self().startTicks + 1));
        WalletVault other(store, dir.path());
        QVERIFY(other.load().ok());
        QVERIFY(other.index().records().at(0).isOrphan());
        QVERIFY(recover(other).ok());
        QCOMPARE(store.size(), std::size_t(0));
        QVERIFY(other.index().records().isEmpty());
    }
    void recover_finishesARemovalWithoutOwner()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault v(store, dir.path());
            QVERIFY(import(v, kKeyA).ok());
        }
        setJournal(dir.path(), "removing", std::nullopt);
        WalletVault v(store, dir.path());
        QVERIFY(v.load().ok());
        QVERIFY(v.accounts().isEmpty());
        QVERIFY(recover(v).ok());
        QCOMPARE(store.size(), std::size_t(0));
        QVERIFY(v.index().records().isEmpty());
    }
    void add_finishesOrphansFirst()
    {
        QTemporaryDir dir;
        MemoryStore store;
        {
            WalletVault v(store, dir.path());
            QVERIFY(import(v, kKeyA).ok());
        }
        setJournal(dir.path(), "pending", std::nullopt);
        WalletVault v(store, dir.path());
        QVERIFY(import(v, kKeyA).ok()); // the orphan had the same key: rolled back, then added
        QCOMPARE(v.accounts().size(), 1);
        QCOMPARE(store.size(), std::size_t(1));
    }
    void timedOutWrite_leavesNoPendingRecord_andRecoveryCleansUp()
    {
        QTemporaryDir dir;
        MemoryStore store;
        WalletVault v(store, dir.path());
        store.failNext(ErrorCode::KeychainTimeout);
        QCOMPARE(import(v, kKeyA).error().code, ErrorCode::KeychainTimeout);
        QVERIFY(v.accounts().isEmpty());
        QCOMPARE(v.index().records().size(), 1);
        QVERIFY(v.index().records().at(0).state == RecordState::Removing);
        QVERIFY(v.index().records().at(0).isOrphan());
        QVERIFY(recover(v).ok());
        QVERIFY(v.index().records().isEmpty());
    }
    void unavailableKeychain_persistsNothing()
    {
        QTemporaryDir dir;
        MemoryStore store;
        store.setUnavailable(true);
        WalletVault v(store, dir.path());
        QCOMPARE(import(v, kKeyA).error().code, ErrorCode::KeychainUnavailable);
        QVERIFY(v.index().records().isEmpty());
    }
    void corruptIndex_isNeverOverwritten()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("accounts.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        MemoryStore store;
        WalletVault v(store, dir.path());
        QCOMPARE(v.load().error().code, ErrorCode::IndexCorrupt);
        QCOMPARE(import(v, kKeyA).error().code, ErrorCode::IndexCorrupt);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{not json"));
        QCOMPARE(store.size(), std::size_t(0));
    }
    void grants_fromTwoInstancesBothSurvive()
    {
        QTemporaryDir dir;
        requests::PermissionStore a(dir.path());
        requests::PermissionStore b(dir.path());
        QVERIFY(a.load().ok());
        QVERIFY(b.load().ok());
        requests::Grant g{
            QStringLiteral("app-a"),
            kAddressA,
            {{"lit-accesscontrolcondition://*", "access-control-condition-decryption"}},
            2000000000000,
            1};
        QVERIFY(a.remember(g).ok());
        g.appId = QStringLiteral("app-b");
        QVERIFY(b.remember(g).ok());
        QVERIFY(a.load().ok());
        QCOMPARE(a.grants().size(), 2);
        QVERIFY(b.revoke(QStringLiteral("app-a")).ok());
        QVERIFY(a.load().ok());
        QCOMPARE(a.grants().size(), 1);
        QCOMPARE(a.grants().at(0).appId, QStringLiteral("app-b"));
    }
    // CI failure of 2026-11-30: a reader refreshing without the lock saw open() fail with
    // ENOENT, another process renamed the first index in, and exists() then said "there":
    // a missing file was reported as "cannot write Quill's data folder".
    void refresh_whileTheFirstIndexAppears_isNeverAFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("items.json"));
        const QString staged = dir.filePath(QStringLiteral("staged"));
        const QByteArray body = R"({"version":1,"items":[]})";
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            const QByteArray from = QFile::encodeName(staged);
            const QByteArray to = QFile::encodeName(path);
            while (!stop) {
                QFile s(staged);
                if (s.open(QIODevice::WriteOnly))
                    s.write(body);
                s.close();
                ::rename(from.constData(), to.constData()); // appears atomically
                ::unlink(to.constData());                   // and is gone again
            }
        });
        JournaledIndex index(dir.path(),
                             {QStringLiteral("items.json"),
                              QStringLiteral("items"),
                              [](const QJsonObject &o) {
                                  return std::optional(o.value(QStringLiteral("id")).toString());
                              },
                              {}},
                             nullptr);
        int failures = 0;
        QString first;
        for (int i = 0; i < 200000; ++i) {
            const Status s = index.refresh();
            if (!s.ok() && failures++ == 0)
                first = s.error().context;
        }
        stop = true;
        writer.join();
        QVERIFY2(failures == 0,
                 qPrintable(QStringLiteral("%1 failures; first: %2").arg(failures).arg(first)));
    }
    void activity_appendsFromTwoWritersAreWholeLines()
    {
        QTemporaryDir dir;
        requests::ActivityLog a(dir.path(), 4096);
        requests::ActivityLog b(dir.path(), 4096);
        QSignalSpy elsewhere(&a, &requests::ActivityLog::changedElsewhere);
        requests::ActivityEntry e;
        e.time = 1736942400000;
        e.kind = QStringLiteral("session-sigs");
        e.decision = QStringLiteral("approved");
        for (int i = 0; i < 100; ++i) {
            e.appId = QStringLiteral("app-%1").arg(i);
            QVERIFY((i % 2 ? b : a).append(e).ok()); // b writes last
        }
        a.refresh();
        QCOMPARE(elsewhere.count(), 1);
        // Rotation kept one generation; every line that is there parses.
        const auto recent = a.recent(1000);
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.at(0).appId, QStringLiteral("app-99"));
        for (int i = 1; i < recent.size(); ++i)
            QCOMPARE(recent.at(i).appId, QStringLiteral("app-%1").arg(99 - i));
    }
};

QTEST_GUILESS_MAIN(TestJournaledIndex)
#include "tst_JournaledIndex.moc"
