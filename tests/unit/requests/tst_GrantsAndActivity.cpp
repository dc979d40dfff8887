#include "../../TestData.h"

#include "requests/ActivityLog.h"
#include "requests/PermissionStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {
const UnixMillis kNow = 1736942400000;
lit::SessionRequest vectorA()
{
    return std::move(lit::SessionRequest::fromJson(readData(QStringLiteral("requests/valid_vector_a.json")).toStdString())).value();
}
Grant grantFor(const lit::SessionRequest &r, UnixMillis expires)
{
    Grant g;
    g.appId = QStringLiteral("app");
    g.account = QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
    for (const auto &x : r.resourceAbilityRequests)
        g.capabilities.insert({x.key(), std::string(lit::toString(x.ability))});
    g.expiresAt = expires;
    g.createdAt = kNow;
    return g;
}
} // namespace

class TestGrantsAndActivity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void covering_rule()
    {
        QTemporaryDir dir;
        PermissionStore store(dir.path());
        const auto r = vectorA();
        QVERIFY(store.remember(grantFor(r, kNow + kDay)).ok());
        QVERIFY(store.covering(QStringLiteral("app"), r, kNow));
        QVERIFY(!store.covering(QStringLiteral("other"), r, kNow)); // another pairing
        QVERIFY(!store.covering(QStringLiteral("app"), r, kNow + kDay)); // the grant ended
        auto wider = r;
        wider.resourceAbilityRequests.push_back({lit::ResourcePrefix::Pkp, "*", lit::Ability::PkpSigning, std::nullopt});
        QVERIFY(!store.covering(QStringLiteral("app"), wider, kNow));
        // A specific grant never covers the wildcard …
        auto wild = r;
        wild.resourceAbilityRequests[0].resource = "*";
        QVERIFY(!store.covering(QStringLiteral("app"), wild, kNow));
        // … and a wildcard grant covers any id of that prefix, for the same ability only.
        QVERIFY(store.remember(grantFor(wild, kNow + kDay)).ok());
        QCOMPARE(store.grants().size(), 1); // replaced: one grant per (app, account)
        QVERIFY(store.covering(QStringLiteral("app"), r, kNow));
        auto otherId = r;
        otherId.resourceAbilityRequests[0].resource = "beef";
        QVERIFY(store.covering(QStringLiteral("app"), otherId, kNow));
        auto otherAbility = r;
        otherAbility.resourceAbilityRequests[0].prefix = lit::ResourcePrefix::LitAction;
        otherAbility.resourceAbilityRequests[0].ability = lit::Ability::LitActionExecution;
        QVERIFY(!store.covering(QStringLiteral("app"), otherAbility, kNow));
    }
    void grants_persistAndRevoke()
    {
        QTemporaryDir dir;
        {
            PermissionStore store(dir.path());
            QVERIFY(store.remember(grantFor(vectorA(), kNow + kDay)).ok());
        }
        PermissionStore again(dir.path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.grants().size(), 1);
        QCOMPARE(again.grants()[0].expiresAt, kNow + kDay);
        QCOMPARE(again.grants()[0].capabilities.size(), std::size_t(1));
        QVERIFY(again.prune(kNow).ok());
        QCOMPARE(again.grants().size(), 1);
        QVERIFY(again.revoke(QStringLiteral("app")).ok());
        QVERIFY(again.grants().isEmpty());
        PermissionStore third(dir.path());
        QVERIFY(third.load().ok());
        QVERIFY(third.grants().isEmpty());
    }
    void activity_appendRecentRotate()
    {
        QTemporaryDir dir;
        ActivityLog log(dir.path(), 600);
        for (int i = 0; i < 10; ++i) {
            ActivityEntry e;
            e.time = kNow + i;
            e.appId = QStringLiteral("app");
            e.decision = QStringLiteral("approved");
            e.resources = {QStringLiteral("lit-pkp://* pkp-signing")};
            QVERIFY(log.append(e).ok());
        }
        QVERIFY(QFile::exists(log.path() + QStringLiteral(".1")));
        // Readers notified by appended() see the new line at once.
        int seen = 0;
        connect(&log, &ActivityLog::appended, this, [&] { seen = int(log.recent(1000).size()); });
        ActivityEntry last;
        last.time = kNow + 100;
        QVERIFY(log.append(last).ok());
        QCOMPARE(seen, int(log.recent(1000).size()));
        QCOMPARE(log.recent(1)[0].time, kNow + 100);
        QVERIFY(QFileInfo(log.path()).size() <= 600);
        const auto recent = log.recent(3);
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent[1].time, kNow + 9);
        QCOMPARE(recent[1].resources, QStringList{QStringLiteral("lit-pkp://* pkp-signing")});
        // A torn line (crash mid-write) is skipped, the rest still reads.
        QFile f(log.path());
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"time\":\"2025-");
        f.close();
        QVERIFY(!log.recent(100).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGrantsAndActivity)
#include "tst_GrantsAndActivity.moc"
