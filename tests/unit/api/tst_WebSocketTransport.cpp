// The loopback WebSocket transport: Host (DNS rebinding) and Origin checks, Origin as the
// identity of a paired app, per-Origin connection caps, size caps, loopback-only binding.
#include "ApiHarness.h"

#include "api/TcpPeerLookup.h"
#include "api/WebSocketTransport.h"

#include <QFile>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>

#include <unistd.h>

using namespace quill;
using namespace quill::api;
using namespace quill::test;

namespace {

struct WsFixture : ApiFixture
{
    WebSocketTransport ws{server};
    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QUrl(QStringLiteral("ws://%1:%2/").arg(host).arg(ws.port()));
    }
};

std::unique_ptr<ApiClient> connectWs(const QUrl &url, const QString &origin)
{
    auto client = std::make_unique<ApiClient>();
    QSignalSpy connected(client.get(), &ApiClient::connected);
    client->connectToUrl(url, origin);
    if (!connected.count() && !connected.wait(5000))
        return nullptr;
    return client;
}

QByteArray handshake(const QByteArray &host, const QByteArray &origin = {})
{
    QByteArray h = "GET / HTTP/1.1\r\nHost: " + host +
                   "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        h += "Origin: " + origin + "\r\n";
    return h + "\r\n";
}

/// One masked client text frame (RFC 6455 §5.2), payload < 64 KiB.
QByteArray textFrame(const QByteArray &payload)
{
    QByteArray f;
    f += char(0x81);
    if (payload.size() < 126) {
        f += char(0x80 | payload.size());
    } else {
        f += char(0x80 | 126);
        f += char((payload.size() >> 8) & 0xff);
        f += char(payload.size() & 0xff);
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f += char(payload[i] ^ mask[i % 4]);
    return f;
}

} // namespace

class TestWebSocketTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void host_onlyLoopbackNamesWithOurPort_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("localhost") << QByteArray("localhost:4242") << true;
        QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST:4242") << true;
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:4242") << true;
        QTest::newRow("[::1]") << QByteArray("[::1]:4242") << true;
        QTest::newRow("no port") << QByteArray("localhost") << false;
        QTest::newRow("other port") << QByteArray("localhost:4243") << false;
        QTest::newRow("rebinding name") << QByteArray("evil.example:4242") << false;
        QTest::newRow("suffix trick") << QByteArray("127.0.0.1.evil.example:4242") << false;
        QTest::newRow("trailing dot") << QByteArray("localhost.:4242") << false;
        QTest::newRow("subdomain") << QByteArray("app.localhost:4242") << false;
        QTest::newRow("other loopback") << QByteArray("127.0.0.2:4242") << false;
        QTest::newRow("any") << QByteArray("0.0.0.0:4242") << false;
        QTest::newRow("bare ::1") << QByteArray("::1:4242") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("userinfo") << QByteArray("a@localhost:4242") << false;
    }
    void host_onlyLoopbackNamesWithOurPort()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        QCOMPARE(WebSocketTransport::isAllowedHost(host, 4242), allowed);
    }
    void origin_tupleOriginsOnly_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<bool>("ok");
        QTest::newRow("none") << QString() << true;
        QTest::newRow("https") << "https://app.example" << true;
        QTest::newRow("port") << "http://localhost:3000" << true;
        QTest::newRow("extension") << "chrome-extension://abcdefghijklmnop" << true;
        QTest::newRow("opaque") << "null" << false;
        QTest::newRow("path") << "https://app.example/x" << false;
        QTest::newRow("userinfo") << "https://u@app.example" << false;
        QTest::newRow("file") << "file://" << false;
        QTest::newRow("junk") << "not an origin" << false;
    }
    void origin_tupleOriginsOnly()
    {
        QFETCH(QString, origin);
        QFETCH(bool, ok);
        QCOMPARE(WebSocketTransport::isAcceptableOrigin(origin), ok);
    }
    void listen_bindsLoopbackOnly()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QVERIFY(f.ws.port() != 0);
        QVERIFY(connectWs(f.url(), {}));
        bool tried = false;
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (a.isLoopback() || a.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            tried = true;
            QTcpSocket s;
            s.connectToHost(a, f.ws.port());
            QVERIFY2(!s.waitForConnected(2000), qPrintable(a.toString()));
        }
        if (!tried)
            QSKIP("no non-loopback IPv4 address on this host");
    }
    void listen_ipv6LoopbackToo()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHostIPv6, f.ws.port());
        if (!probe.waitForConnected(2000))
            QSKIP("no IPv6 loopback on this host");
        probe.abort();
        auto client = connectWs(f.url(QStringLiteral("[::1]")), {});
        QVERIFY(client);
        QVERIFY(hello(*client, QStringLiteral("v6")).ok);
        QVERIFY(f.pairer.requests[0].peer.address.startsWith(QStringLiteral("[::1]:")));
    }
    // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 connects
    // with "Host: evil.example:port". It must never reach the API.
    void host_rebindingIsClosedBeforeAnyMessage()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QSignalSpy refused(&f.ws, &WebSocketTransport::peerRefused);
        const QByteArray port = QByteArray::number(f.ws.port());
        QTcpSocket evil;
        evil.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(evil.waitForConnected(5000));
        evil.write(handshake("evil.example:" + port, "http://evil.example:" + port));
        // Qt completes the upgrade (the Host is checked right after it), then hangs up.
        QTRY_VERIFY(evil.bytesAvailable() > 0 || evil.state() == QAbstractSocket::UnconnectedState);
        evil.write(textFrame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\",\"params\":{"
                             "\"name\":\"x\"}}"));
        QTRY_VERIFY(evil.state() == QAbstractSocket::UnconnectedState);
        QCOMPARE(refused.count(), 1);
        QVERIFY(f.pairer.requests.isEmpty());
        QCOMPARE(f.server.connectionCount(), 0);

        // The same bytes with a loopback Host are served.
        QTcpSocket good;
        good.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(good.waitForConnected(5000));
        good.write(handshake("localhost:" + port));
        QTRY_VERIFY(good.bytesAvailable() > 0);
        QVERIFY(good.readAll().startsWith("HTTP/1.1 101"));
        good.write(textFrame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\",\"params\":{"
                             "\"name\":\"x\"}}"));
        QTRY_COMPARE(f.pairer.requests.size(), 1);
        QVERIFY(good.state() == QAbstractSocket::ConnectedState);
    }
    // Issue 14: QWebSocketServer merges repeated headers and serves a head without Host;
    // the transport reads the raw head first.
    void requestHead_exactlyOneHost_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("ok");
        const QByteArray start = "GET / HTTP/1.1\r\n";
        const QByteArray rest = "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        QTest::newRow("one Host") << start + "Host: localhost:1\r\n" + rest << true;
        QTest::newRow("host lower case") << start + "host: localhost:1\r\n" + rest << true;
        QTest::newRow("no Host") << start + rest << false;
        QTest::newRow("two Hosts")
            << start + "Host: evil.example\r\nHost: localhost:1\r\n" + rest << false;
        QTest::newRow("two Hosts, other case")
            << start + "Host: localhost:1\r\nHOST: evil.example\r\n" + rest << false;
        QTest::newRow("space before colon") << start + "Host : localhost:1\r\n" + rest << false;
        QTest::newRow("folded line") << start + "Host: localhost:1\r\n x\r\n" + rest << false;
        QTest::newRow("bare LF") << start + "Host: localhost:1\n" + rest << false;
        QTest::newRow("incomplete") << start + "Host: localhost:1\r\n" << false;
        QTest::newRow("X-Host is not Host")
            << start + "X-Host: a\r\nHost: localhost:1\r\n" + rest << true;
    }
    void requestHead_exactlyOneHost()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, ok);
        QCOMPARE(!WebSocketTransport::checkRequestHead(head).has_value(), ok);
    }
    void host_missingOrRepeatedIsRefusedBeforeTheUpgrade_data()
    {
        QTest::addColumn<QByteArray>("hostLines");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("evil then ours")
            << QByteArray("Host: evil.example\r\nHost: localhost:%P\r\n");
        QTest::newRow("ours then evil")
            << QByteArray("Host: localhost:%P\r\nHost: evil.example\r\n");
        QTest::newRow("ours twice") << QByteArray("Host: localhost:%P\r\nHost: localhost:%P\r\n");
    }
    void host_missingOrRepeatedIsRefusedBeforeTheUpgrade()
    {
        QFETCH(QByteArray, hostLines);
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QSignalSpy refused(&f.ws, &WebSocketTransport::peerRefused);
        hostLines.replace("%P", QByteArray::number(f.ws.port()));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(s.waitForConnected(5000));
        s.write("GET / HTTP/1.1\r\n" + hostLines +
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_VERIFY(s.state() == QAbstractSocket::UnconnectedState);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 400"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(f.server.connectionCount(), 0);
        QTRY_COMPARE(f.ws.admittedCount(), 0);
    }
    // The head arriving in pieces (the check peeks; Qt still reads every byte).
    void host_headInPiecesIsServed()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(s.waitForConnected(5000));
        const QByteArray head = handshake("localhost:" + QByteArray::number(f.ws.port()));
        for (qsizetype i = 0; i < head.size(); i += 16) {
            s.write(head.mid(i, 16));
            QVERIFY(s.waitForBytesWritten(1000));
            QTest::qWait(5);
        }
        QTRY_VERIFY(s.bytesAvailable() > 0);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 101"));
        s.write(textFrame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\",\"params\":{"
                          "\"name\":\"x\"}}"));
        QTRY_COMPARE(f.pairer.requests.size(), 1);
    }
    // Issue 14: the WebSocket's peer uid, from the kernel's TCP tables.
    void tcpTable_findsTheConnectingSide()
    {
        // Two lines as Linux prints them (x86, little-endian words): 127.0.0.1:40000 →
        // 127.0.0.1:7475 owned by uid 1001, and our side of it (uid 0).
        const QByteArray v4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                              "retrnsmt   uid  timeout inode\n"
                              "   0: 0100007F:1D33 0100007F:9C40 01 00000000:00000000 00:00000000 "
                              "00000000     0        0 111 1 0000000000000000 20 4 30 10 -1\n"
                              "   1: 0100007F:9C40 0100007F:1D33 01 00000000:00000000 00:00000000 "
                              "00000000  1001        0 222 1 0000000000000000 20 4 30 10 -1\n"
                              "   2: 0100007F:9C41 0100007F:1D33 06 00000000:00000000 03:00001000 "
                              "00000000     0        0 0 3 0000000000000000\n";
        const QHostAddress lo(QHostAddress::LocalHost);
        auto owner = tcppeer::findInTable(v4, lo, 40000, lo, 7475);
        QVERIFY(owner);
        QCOMPARE(owner->uid, qint64(1001));
        QCOMPARE(owner->inode, quint64(222));
        QVERIFY(!tcppeer::findInTable(v4, lo, 40001, lo, 7475)); // TIME_WAIT, no inode
        QVERIFY(!tcppeer::findInTable(v4, lo, 40000, lo, 7476));
        QVERIFY(
            !tcppeer::findInTable(v4, QHostAddress(QStringLiteral("127.0.0.2")), 40000, lo, 7475));
        // tcp6: ::1 and an IPv4-mapped 127.0.0.1 (0000FFFF word), both port 40000 → 7475.
        const QByteArray v6 =
            "  sl  local_address                         remote_address                        st "
            "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            "   0: 00000000000000000000000001000000:9C40 00000000000000000000000001000000:1D33 01 "
            "00000000:00000000 00:00000000 00000000  1002        0 333 1\n"
            "   1: 0000000000000000FFFF00000100007F:9C40 0000000000000000FFFF00000100007F:1D33 01 "
            "00000000:00000000 00:00000000 00000000  1003        0 444 1\n";
        owner = tcppeer::findInTable(v6, QHostAddress(QHostAddress::LocalHostIPv6), 40000,
                                     QHostAddress(QHostAddress::LocalHostIPv6), 7475);
        QVERIFY(owner);
        QCOMPARE(owner->uid, qint64(1002));
        owner = tcppeer::findInTable(v6, lo, 40000, lo, 7475); // mapped matches IPv4
        QVERIFY(owner);
        QCOMPARE(owner->uid, qint64(1003));
        QVERIFY(!tcppeer::findInTable("garbage\n1: zz:zz zz:zz\n", lo, 40000, lo, 7475));
    }
    void tcpPeer_liveConnectionIsOurs()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(server.waitForNewConnection(5000));
        QTcpSocket *accepted = server.nextPendingConnection();
        const auto owner = tcppeer::findPeer(accepted->peerAddress(), accepted->peerPort(),
                                             accepted->localAddress(), accepted->localPort());
        QVERIFY(owner);
        QCOMPARE(owner->uid, qint64(::geteuid()));
        QCOMPARE(tcppeer::findSocketHolder(owner->inode), qint64(::getpid()));
        // The accepted side is a different socket: its inode is not the client's.
        const auto reverse = tcppeer::findPeer(accepted->localAddress(), accepted->localPort(),
                                               accepted->peerAddress(), accepted->peerPort());
        QVERIFY(reverse);
        QVERIFY(reverse->inode != owner->inode);
        QCOMPARE(tcppeer::findSocketHolder(0), qint64(0));
    }
    void peer_otherUidIsRefusedBeforeTheHandshake()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        f.ws.setExpectedUidForTesting(qint64(::geteuid()) + 1);
        QSignalSpy refused(&f.ws, &WebSocketTransport::peerRefused);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(s.waitForConnected(5000));
        QTRY_VERIFY(s.state() == QAbstractSocket::UnconnectedState);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 403"));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused[0][0].toString().contains(QStringLiteral("is not ours")));
        ApiClient page;
        QSignalSpy connected(&page, &ApiClient::connected);
        QSignalSpy gone(&page, &ApiClient::disconnected);
        page.connectToUrl(f.url(), QStringLiteral("https://dapp.example"));
        QTRY_COMPARE(refused.count(), 2);
        QCOMPARE(connected.count(), 0);
        QCOMPARE(f.server.connectionCount(), 0);
    }
    void peer_factsNameOurProcess()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        auto client = connectWs(f.url(), QStringLiteral("https://dapp.example"));
        QVERIFY(client);
        QVERIFY(hello(*client, QStringLiteral("facts")).ok);
        QCOMPARE(f.pairer.requests.size(), 1);
        const PeerFacts &peer = f.pairer.requests[0].peer;
        QVERIFY(peer.transport == Transport::WebSocket);
        QCOMPARE(peer.uid, qint64(::geteuid()));
        QCOMPARE(peer.pid, qint64(::getpid()));
        QCOMPARE(peer.executable, QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));
        QCOMPARE(peer.origin, QStringLiteral("https://dapp.example"));
        QCOMPARE(f.ws.admittedCount(), 0); // handed on with the QWebSocket
    }
    // Issue 14: a token paired on the local socket does not work over the WebSocket without
    // an Origin, nor the reverse (both answer 4100, as for a wrong token).
    void token_boundToItsTransport()
    {
        WsFixture f;
        QVERIFY(f.listen());
        QVERIFY(f.ws.listen(0).ok());
        auto viaSocket = connectLocal(f.socketPath());
        QVERIFY(viaSocket);
        const auto s = hello(*viaSocket, QStringLiteral("Socket app"));
        QVERIFY2(s.ok, qPrintable(s.message));
        auto viaWs = connectWs(f.url(), {});
        QVERIFY(viaWs);
        const auto w = hello(*viaWs, QStringLiteral("WS app"));
        QVERIFY2(w.ok, qPrintable(w.message));
        QCOMPARE(f.pairings.app(member(w, "appId"))->uid, qint64(::geteuid()));
        QCOMPARE(f.pairings.app(member(w, "appId"))->executable,
                 QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));

        auto ws2 = connectWs(f.url(), {});
        QCOMPARE(hello(*ws2, QStringLiteral("x"), member(s, "appId"), member(s, "token")).code,
                 4100);
        auto local2 = connectLocal(f.socketPath());
        QCOMPARE(hello(*local2, QStringLiteral("x"), member(w, "appId"), member(w, "token")).code,
                 4100);
        // Each on its own transport still works.
        auto ws3 = connectWs(f.url(), {});
        QVERIFY(hello(*ws3, QStringLiteral("x"), member(w, "appId"), member(w, "token")).ok);
        auto local3 = connectLocal(f.socketPath());
        QVERIFY(hello(*local3, QStringLiteral("x"), member(s, "appId"), member(s, "token")).ok);
    }
    void origin_opaqueIsRefusedAtTheHandshake()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        QSignalSpy refused(&f.ws, &WebSocketTransport::peerRefused);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, f.ws.port());
        QVERIFY(s.waitForConnected(5000));
        s.write(handshake("localhost:" + QByteArray::number(f.ws.port()), "null"));
        QTRY_VERIFY(s.bytesAvailable() > 0 || s.state() == QAbstractSocket::UnconnectedState);
        QVERIFY(s.readAll().startsWith("HTTP/1.1 403"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(f.server.connectionCount(), 0);
        // The peer facts kept for the handshake are dropped with the socket.
        QTRY_COMPARE(f.ws.admittedCount(), 0);
    }
    void origin_isThePairedAppsIdentity()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        const QString origin = QStringLiteral("https://dapp.example");
        auto first = connectWs(f.url(), origin);
        QVERIFY(first);
        const auto r = hello(*first, QStringLiteral("DApp"));
        QVERIFY2(r.ok, qPrintable(r.message));
        const QString appId = member(r, "appId");
        const QString token = member(r, "token");
        const auto &peer = f.pairer.requests[0].peer;
        QVERIFY(peer.transport == Transport::WebSocket);
        QCOMPARE(peer.origin, origin);
        QVERIFY(peer.address.startsWith(QStringLiteral("127.0.0.1:")));
        QCOMPARE(peer.uid, qint64(::geteuid())); // issue 14: known now
        QCOMPARE(f.pairings.app(appId)->origin, origin);

        auto same = connectWs(f.url(QStringLiteral("localhost")), origin);
        QVERIFY(hello(*same, QStringLiteral("DApp"), appId, token).ok);
        QVERIFY(call(*same, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams()).ok);

        // A foreign page that stole the token still cannot use it; neither can a client
        // without an Origin.
        auto foreign = connectWs(f.url(), QStringLiteral("https://evil.example"));
        QCOMPARE(hello(*foreign, QStringLiteral("DApp"), appId, token).code, 4100);
        QCOMPARE(
            call(*foreign, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams()).code,
            4100);
        auto none = connectWs(f.url(), {});
        QCOMPARE(hello(*none, QStringLiteral("DApp"), appId, token).code, 4100);
        // A token paired over the local socket (no Origin) does not work from a browser page.
        QVERIFY(f.listen());
        auto local = connectLocal(f.socketPath());
        const auto l = hello(*local, QStringLiteral("Local"));
        QVERIFY(l.ok);
        auto page = connectWs(f.url(), origin);
        QCOMPARE(hello(*page, QStringLiteral("Local"), member(l, "appId"), member(l, "token")).code,
                 4100);
    }
    // Issue 14: when many parties ask at once, prompts beyond maxPendingPairings wait in a
    // queue and are shown in turn instead of being refused.
    void pairing_promptsQueueInsteadOfRefusing()
    {
        WsFixture f;
        auto limits = f.server.limits();
        limits.maxPendingPairings = 2;
        f.server.setLimits(limits);
        QVERIFY(f.ws.listen(0).ok());
        f.pairer.mode = ScriptedPairingApprover::Mode::Hold;
        std::vector<std::unique_ptr<ApiClient>> pages;
        QList<RpcReply> replies;
        for (int i = 0; i < 4; ++i) {
            pages.push_back(connectWs(f.url(), QStringLiteral("https://p%1.example").arg(i)));
            QVERIFY(pages.back());
            pages.back()->hello(QStringLiteral("p%1").arg(i), {}, {},
                                [&replies](const RpcReply &r) { replies.push_back(r); });
        }
        QTRY_COMPARE(f.pairer.requests.size(), 2);
        QTest::qWait(50);
        QCOMPARE(f.pairer.requests.size(), 2); // two shown, two waiting
        QVERIFY(replies.isEmpty());            // nobody refused
        // The third page gives up while waiting: it is never shown.
        QCOMPARE(f.server.pendingCount(), 4);
        pages[2].reset();
        QTRY_COMPARE(f.server.pendingCount(), 3);
        // Answering one prompt shows the next in line (the fourth page).
        f.pairer.held.at(f.pairer.requests[0].id)(std::nullopt);
        QTRY_COMPARE(f.pairer.requests.size(), 3);
        QCOMPARE(f.pairer.requests[2].peer.origin, QStringLiteral("https://p3.example"));
        QTRY_COMPARE(replies.size(), 1);
        QCOMPARE(replies[0].code, 4001);
    }
    // Issue 14: WebSocket clients never take the local socket's room.
    void connections_capsArePerTransport()
    {
        WsFixture f;
        auto limits = f.server.limits();
        limits.maxConnectionsPerTransport = 2;
        f.server.setLimits(limits);
        QVERIFY(f.listen());
        QVERIFY(f.ws.listen(0).ok());
        auto a = connectWs(f.url(), QStringLiteral("https://a.example"));
        auto b = connectWs(f.url(), QStringLiteral("https://b.example"));
        QVERIFY(a && b);
        QTRY_COMPARE(f.server.connectionCount(), 2);
        ApiClient c;
        QSignalSpy gone(&c, &ApiClient::disconnected);
        c.connectToUrl(f.url(), QStringLiteral("https://c.example"));
        QVERIFY(gone.wait(5000)); // the WebSocket is full
        auto local = connectLocal(f.socketPath());
        QVERIFY(local);
        QVERIFY(hello(*local, QStringLiteral("owner")).ok); // the socket has room
    }
    void peerKey_partiesAreOriginsOrPrograms()
    {
        PeerFacts page;
        page.transport = Transport::WebSocket;
        page.origin = QStringLiteral("https://a.example");
        page.executable = QStringLiteral("/usr/lib/chromium/chromium");
        page.uid = 1000;
        PeerFacts otherPage = page;
        otherPage.origin = QStringLiteral("https://b.example");
        QVERIFY(page.peerKey() != otherPage.peerKey());
        PeerFacts node;
        node.transport = Transport::WebSocket;
        node.executable = QStringLiteral("/usr/bin/node");
        node.uid = 1000;
        PeerFacts curl = node;
        curl.executable = QStringLiteral("/usr/bin/curl");
        QVERIFY(node.peerKey() != curl.peerKey()); // Origin-less clients no longer share one
        PeerFacts nodeOnSocket = node;
        nodeOnSocket.transport = Transport::LocalSocket;
        QCOMPARE(nodeOnSocket.peerKey(), node.peerKey()); // one program, one party
        PeerFacts otherUser = node;
        otherUser.uid = 1001;
        QVERIFY(otherUser.peerKey() != node.peerKey());
    }
    void connections_cappedPerOrigin()
    {
        WsFixture f;
        auto limits = f.server.limits();
        limits.maxConnectionsPerPeer = 2;
        f.server.setLimits(limits);
        QVERIFY(f.ws.listen(0).ok());
        const QString a = QStringLiteral("https://a.example");
        auto a1 = connectWs(f.url(), a);
        auto a2 = connectWs(f.url(), a);
        QVERIFY(a1 && a2);
        QTRY_COMPARE(f.server.connectionCount(), 2);
        ApiClient a3;
        QSignalSpy unmatched(&a3, &ApiClient::unmatchedReply);
        QSignalSpy gone(&a3, &ApiClient::disconnected);
        a3.connectToUrl(f.url(), a);
        QVERIFY(gone.wait(5000));
        QCOMPARE(unmatched.count(), 1);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, 4304);
        auto b = connectWs(f.url(), QStringLiteral("https://b.example"));
        QVERIFY(b);
        QVERIFY(hello(*b, QStringLiteral("b")).ok);
        QVERIFY(hello(*a1, QStringLiteral("a")).ok);
    }
    void messages_overTheCapAreRefused()
    {
        WsFixture f;
        auto limits = f.server.limits();
        limits.maxMessageBytes = 4096;
        f.server.setLimits(limits);
        QVERIFY(f.ws.listen(0).ok());
        auto client = connectWs(f.url(), {});
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        QSignalSpy gone(client.get(), &ApiClient::disconnected);
        client->sendRaw(QByteArray(5000, ' ') + "{}");
        QVERIFY(gone.wait(5000));
        QCOMPARE(unmatched.count(), 1);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, 4302);
        // Far over the cap, Qt itself cuts the connection (close code 1009).
        auto big = connectWs(f.url(), {});
        QSignalSpy bigGone(big.get(), &ApiClient::disconnected);
        big->sendRaw(QByteArray(512 * 1024, ' '));
        QVERIFY(bigGone.wait(5000));
        QVERIFY(f.pairer.requests.isEmpty());
    }
    void malformedJson_keepsTheConnectionUsable()
    {
        WsFixture f;
        QVERIFY(f.ws.listen(0).ok());
        auto client = connectWs(f.url(), {});
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        client->sendRaw("{{{");
        QTRY_COMPARE(unmatched.count(), 1);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, -32700);
        QVERIFY(hello(*client, QStringLiteral("still here")).ok);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketTransport)
#include "tst_WebSocketTransport.moc"
