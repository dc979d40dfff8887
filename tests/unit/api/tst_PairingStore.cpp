#include "../../AsyncWait.h"

#include "api/PairingStore.h"
#include "crypto/Encoding.h"
#include "vault/MemoryStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::api;
using namespace quill::test;

namespace {

using Pairing = PairingStore::Pairing;

Result<Pairing> pairApp(PairingStore &store, const QString &name, const QString &origin = {})
{
    PairedApp draft;
    draft.name = name;
    draft.claimedName = name + QStringLiteral(" (claimed)");
    draft.origin = origin;
    draft.transport = origin.isEmpty() ? Transport::LocalSocket : Transport::WebSocket;
    draft.executable = QStringLiteral("/usr/bin/app");
    draft.uid = 1000;
    auto r = await<Result<Pairing>>([&](auto cb) { store.pair(draft, cb); });
    return r ? std::move(*r)
             : Result<Pairing>(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

/// The facts of a connection from the program pairApp() paired (for `origin`).
PeerFacts peerFrom(const QString &origin = {})
{
    PeerFacts peer;
    peer.transport = origin.isEmpty() ? Transport::LocalSocket : Transport::WebSocket;
    peer.origin = origin;
    peer.executable = QStringLiteral("/usr/bin/app");
    peer.uid = 1000;
    return peer;
}

Result<PairedApp> verifyFrom(PairingStore &store, const QString &appId, const std::string &token,
                             const PeerFacts &peer)
{
    auto r = await<Result<PairedApp>>([&](auto cb) { store.verify(appId, token, peer, cb); });
    return r ? std::move(*r)
             : Result<PairedApp>(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

Result<PairedApp> verify(PairingStore &store, const QString &appId, const std::string &token,
                         const QString &origin = {})
{
    auto r = await<Result<PairedApp>>(
        [&](auto cb) { store.verify(appId, token, peerFrom(origin), cb); });
    return r ? std::move(*r)
             : Result<PairedApp>(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

Status unpair(PairingStore &store, const QString &appId)
{
    auto r = await<Status>([&](auto cb) { store.unpair(appId, cb); });
    return r ? *r : Status(ErrorCode::InvalidArgument, QStringLiteral("timeout"));
}

std::string hexOf(const crypto::SecureBytes &b)
{
    return crypto::toHex(b.span());
}

} // namespace

class TestPairingStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pair_storesTokenOnlyInTheKeychain()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        PairingStore store(secrets, dir.path());
        QVERIFY(store.load().ok());
        auto p = pairApp(store, QStringLiteral("App"));
        QVERIFY(p.ok());
        QCOMPARE(p->token.size(), PairingStore::kTokenBytes);
        QVERIFY(crypto::isLowerHex(p->app.appId.toStdString(), 32));
        QVERIFY(p->app.pairedAt > 0);
        QVERIFY(secrets.contains(PairingStore::secretKey(p->app.appId)));
        QFile f(store.indexPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto text = f.readAll();
        QVERIFY(!text.contains(QByteArray::fromStdString(hexOf(p->token))));
        QVERIFY(text.contains("\"state\": \"ready\""));
        QCOMPARE(int(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
        // Two pairings never share an id or a token.
        auto q = pairApp(store, QStringLiteral("App"));
        QVERIFY(q->app.appId != p->app.appId);
        QVERIFY(!q->token.equals(p->token.span()));
    }
    void verify_acceptsOnlyTheRightTokenFromTheRightOrigin()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        PairingStore store(secrets, dir.path());
        auto p = pairApp(store, QStringLiteral("Web"), QStringLiteral("https://app.example"));
        const auto token = hexOf(p->token);
        const auto ok = verify(store, p->app.appId, token, QStringLiteral("https://app.example"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->name, QStringLiteral("Web"));
        QCOMPARE(ok->claimedName, QStringLiteral("Web (claimed)"));
        QCOMPARE(
            verify(store, p->app.appId, token, QStringLiteral("https://evil.example")).error().code,
            ErrorCode::Unauthorized);
        QCOMPARE(verify(store, p->app.appId, token).error().code, ErrorCode::Unauthorized);
        std::string wrong = token;
        wrong.back() = wrong.back() == '0' ? '1' : '0';
        QCOMPARE(
            verify(store, p->app.appId, wrong, QStringLiteral("https://app.example")).error().code,
            ErrorCode::Unauthorized);
        QCOMPARE(verify(store, p->app.appId, token.substr(2), QStringLiteral("https://app.example"))
                     .error()
                     .code,
                 ErrorCode::Unauthorized);
        QCOMPARE(verify(store, QString(32, QLatin1Char('0')), token,
                        QStringLiteral("https://app.example"))
                     .error()
                     .code,
                 ErrorCode::Unauthorized);
        // Keychain trouble is reported as such, not as a wrong token.
        secrets.failNext(ErrorCode::KeychainFailure);
        QCOMPARE(
            verify(store, p->app.appId, token, QStringLiteral("https://app.example")).error().code,
            ErrorCode::KeychainFailure);
    }
    // Issue 14: a token works only from the kind of connection it was paired on.
    void verify_tokenIsBoundToTransportOriginProgramAndUid_data()
    {
        QTest::addColumn<QString>("pairedOrigin");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("executable");
        QTest::addColumn<qint64>("uid");
        QTest::addColumn<bool>("ok");
        const QString exe = QStringLiteral("/usr/bin/app");
        const QString web = QStringLiteral("https://app.example");
        const int local = int(Transport::LocalSocket);
        const int ws = int(Transport::WebSocket);
        QTest::newRow("socket: same")
            << QString() << local << QString() << exe << qint64(1000) << true;
        QTest::newRow("socket token over WebSocket")
            << QString() << ws << QString() << exe << qint64(1000) << false;
        QTest::newRow("socket: other program")
            << QString() << local << QString() << QStringLiteral("/usr/bin/python3") << qint64(1000)
            << false;
        QTest::newRow("socket: unknown program")
            << QString() << local << QString() << QString() << qint64(1000) << false;
        QTest::newRow("socket: other uid")
            << QString() << local << QString() << exe << qint64(1001) << false;
        QTest::newRow("socket token with an Origin")
            << QString() << ws << web << exe << qint64(1000) << false;
        QTest::newRow("web: same Origin")
            << web << ws << web << QStringLiteral("/usr/lib/chromium") << qint64(1000) << true;
        QTest::newRow("web token on the socket")
            << web << local << QString() << exe << qint64(1000) << false;
        QTest::newRow("web token without Origin")
            << web << ws << QString() << exe << qint64(1000) << false;
        QTest::newRow("web: other Origin")
            << web << ws << QStringLiteral("https://evil.example") << exe << qint64(1000) << false;
    }
    void verify_tokenIsBoundToTransportOriginProgramAndUid()
    {
        QFETCH(QString, pairedOrigin);
        QFETCH(int, transport);
        QFETCH(QString, origin);
        QFETCH(QString, executable);
        QFETCH(qint64, uid);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        PairingStore store(secrets, dir.path());
        auto p = pairApp(store, QStringLiteral("App"), pairedOrigin);
        QVERIFY(p.ok());
        PeerFacts peer;
        peer.transport = Transport(transport);
        peer.origin = origin;
        peer.executable = executable;
        peer.uid = uid;
        const auto r = verifyFrom(store, p->app.appId, hexOf(p->token), peer);
        QCOMPARE(r.ok(), ok);
        if (!ok)
            QCOMPARE(r.error().code, ErrorCode::Unauthorized);
    }
    // An Origin-less WebSocket client is bound like a socket client (its program and uid).
    void verify_originLessWebSocketIsBoundToItsProgram()
    {
        PairedApp app;
        app.transport = Transport::WebSocket;
        app.executable = QStringLiteral("/usr/bin/node");
        app.uid = 1000;
        PeerFacts peer;
        peer.transport = Transport::WebSocket;
        peer.executable = app.executable;
        peer.uid = 1000;
        QVERIFY(PairingStore::bindingMatches(app, peer));
        peer.executable = QStringLiteral("/usr/bin/curl");
        QVERIFY(!PairingStore::bindingMatches(app, peer));
        peer.executable = app.executable;
        peer.uid = 0;
        QVERIFY(!PairingStore::bindingMatches(app, peer));
    }
    // Records written before issue 14 have no uid: they keep working from the transport,
    // Origin and executable they stored; an Origin-less WebSocket record stored no executable
    // (it was unknown then) and so must pair again.
    void verify_recordsWithoutUidKeepWorking()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        std::string token;
        QString appId;
        {
            PairingStore store(secrets, dir.path());
            auto p = pairApp(store, QStringLiteral("Old"));
            token = hexOf(p->token);
            appId = p->app.appId;
        }
        // Rewrite the record as the old code wrote it (no "uid").
        QFile f(dir.filePath(QStringLiteral("apps.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        const QRegularExpression uid(QStringLiteral(",\\s*\"uid\": 1000"));
        QVERIFY(text.contains(uid));
        text.remove(uid);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        f.close();
        PairingStore again(secrets, dir.path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.apps().size(), 1);
        QCOMPARE(again.apps()[0].uid, qint64(-1));
        QVERIFY(verify(again, appId, token).ok());
        auto peer = peerFrom();
        peer.executable = QStringLiteral("/usr/bin/other");
        QCOMPARE(verifyFrom(again, appId, token, peer).error().code, ErrorCode::Unauthorized);
        PairedApp oldWs;
        oldWs.transport = Transport::WebSocket;
        PeerFacts node;
        node.transport = Transport::WebSocket;
        node.executable = QStringLiteral("/usr/bin/node");
        node.uid = 1000;
        QVERIFY(!PairingStore::bindingMatches(oldWs, node));
    }
    void pairings_surviveARestart()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        std::string token;
        QString appId;
        {
            PairingStore store(secrets, dir.path());
            auto p = pairApp(store, QStringLiteral("Keep"));
            token = hexOf(p->token);
            appId = p->app.appId;
        }
        PairingStore again(secrets, dir.path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.apps().size(), 1);
        const auto app = again.apps()[0];
        QCOMPARE(app.name, QStringLiteral("Keep"));
        QCOMPARE(app.executable, QStringLiteral("/usr/bin/app"));
        QVERIFY(app.transport == Transport::LocalSocket);
        QVERIFY(verify(again, appId, token).ok());
    }
    void unpair_invalidatesAtOnceEvenIfTheKeychainFails()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        PairingStore store(secrets, dir.path());
        auto p = pairApp(store, QStringLiteral("Gone"));
        const auto token = hexOf(p->token);
        secrets.failNext(ErrorCode::KeychainFailure);
        QVERIFY(unpair(store, p->app.appId).ok());
        // The token is still in the keychain, but it no longer verifies.
        QVERIFY(secrets.contains(PairingStore::secretKey(p->app.appId)));
        QVERIFY(store.apps().isEmpty());
        QCOMPARE(verify(store, p->app.appId, token).error().code, ErrorCode::Unauthorized);
        PairingStore reloaded(secrets, dir.path());
        QVERIFY(reloaded.load().ok());
        QVERIFY(reloaded.apps().isEmpty());
        auto st = await<Status>([&](auto cb) { reloaded.recover(cb); });
        QVERIFY(st && st->ok());
        QCOMPARE(secrets.size(), std::size_t(0));
        QCOMPARE(unpair(reloaded, p->app.appId).error().code, ErrorCode::Unauthorized);
    }
    void pair_withoutKeychainPersistsNothing()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        secrets.setUnavailable(true);
        PairingStore store(secrets, dir.path());
        auto p = pairApp(store, QStringLiteral("No"));
        QCOMPARE(p.error().code, ErrorCode::KeychainUnavailable);
        QVERIFY(store.apps().isEmpty());
        PairingStore reloaded(secrets, dir.path());
        QVERIFY(reloaded.load().ok());
        QVERIFY(reloaded.apps().isEmpty());
    }
    // A crash between writing the record and the token leaves a pending record (and maybe
    // the token): recover() rolls it back.
    void recover_rollsBackAnInterruptedPairing()
    {
        QTemporaryDir dir;
        vault::MemoryStore secrets;
        QString appId;
        {
            PairingStore store(secrets, dir.path());
            appId = pairApp(store, QStringLiteral("Half"))->app.appId;
        }
        QFile f(dir.filePath(QStringLiteral("apps.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto text = f.readAll();
        f.close();
        text.replace("\"ready\"", "\"pending\"");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        PairingStore store(secrets, dir.path());
        QVERIFY(store.load().ok());
        QVERIFY(store.apps().isEmpty());
        auto st = await<Status>([&](auto cb) { store.recover(cb); });
        QVERIFY(st && st->ok());
        QCOMPARE(secrets.size(), std::size_t(0));
        PairingStore reloaded(secrets, dir.path());
        QVERIFY(reloaded.load().ok());
        QVERIFY(!reloaded.app(appId));
    }
    void load_reportsCorruptIndex_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("bad id") << QByteArray(
            "{\"version\":1,\"apps\":[{\"appId\":\"x\",\"transport\":\"local-socket\",\"state\":"
            "\"ready\"}]}");
        QTest::newRow("bad transport")
            << QByteArray("{\"version\":1,\"apps\":[{\"appId\":\"" + QByteArray(32, 'a') +
                          "\",\"transport\":\"carrier-pigeon\",\"state\":\"ready\"}]}");
        QTest::newRow("duplicate id") << QByteArray(
            "{\"version\":1,\"apps\":[{\"appId\":\"" + QByteArray(32, 'a') +
            "\",\"transport\":\"local-socket\",\"state\":\"ready\"},{\"appId\":\"" +
            QByteArray(32, 'a') + "\",\"transport\":\"local-socket\",\"state\":\"ready\"}]}");
    }
    void load_reportsCorruptIndex()
    {
        QFETCH(QByteArray, text);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("apps.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        vault::MemoryStore secrets;
        PairingStore store(secrets, dir.path());
        QCOMPARE(store.load().error().code, ErrorCode::IndexCorrupt);
    }
};

QTEST_GUILESS_MAIN(TestPairingStore)
#include "tst_PairingStore.moc"
