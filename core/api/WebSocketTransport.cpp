#include "api/WebSocketTransport.h"

#include "api/ApiConnection.h"
#include "api/ApiServer.h"
#include "api/TcpPeerLookup.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include <unistd.h>

namespace quill::api {

namespace {

constexpr int kAbortAfterCloseMs = 2000;
/// Qt's own cap sits above ours so that a message just over our cap still gets a JSON-RPC
/// 4302 answer; anything far larger is cut off by Qt (close code 1009) without buffering.
constexpr qsizetype kQtSlack = 64 * 1024;
/// The HTTP request head (request line and headers) we read before the upgrade; a browser's
/// is well under 2 KiB.
constexpr qsizetype kMaxHeadBytes = 8 * 1024;
/// A peer that has not sent its whole head by then is cut off (slowloris).
constexpr int kHeadTimeoutMs = 10 * 1000;
/// Connections still sending their head, all peers together.
constexpr int kMaxPendingHeads = 64;

class WebSocketConnection final : public ApiConnection
{
    Q_OBJECT
public:
    WebSocketConnection(QWebSocket *socket, PeerFacts facts)
        : m_socket(socket), m_facts(std::move(facts))
    {
        m_socket->setParent(this);
        connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            if (!m_closing)
                Q_EMIT messageReceived(text.toUtf8());
        });
        connect(m_socket, &QWebSocket::binaryMessageReceived, this,
                [this](const QByteArray &bytes) {
                    if (!m_closing)
                        Q_EMIT messageReceived(bytes);
                });
        connect(m_socket, &QWebSocket::disconnected, this, &WebSocketConnection::onGone);
    }

    const PeerFacts &peer() const override { return m_facts; }

    void send(const QByteArray &message) override
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_socket->sendTextMessage(QString::fromUtf8(message));
    }

    qint64 bytesPending() const override { return m_socket->bytesToWrite(); }

    void close() override
    {
        if (m_closing)
            return;
        m_closing = true;
        QTimer::singleShot(kAbortAfterCloseMs, this, [this] { m_socket->abort(); });
        m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onGone();
    }

private:
    void onGone()
    {
        if (m_gone)
            return;
        m_gone = true;
        m_closing = true;
        Q_EMIT disconnected();
    }

    QWebSocket *m_socket;
    PeerFacts m_facts;
    bool m_closing = false;
    bool m_gone = false;
};

QString endpointKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

} // namespace

WebSocketTransport::WebSocketTransport(ApiServer &server, QObject *parent)
    : QObject(parent), m_server(server)
{
}

WebSocketTransport::~WebSocketTransport()
{
    close();
}

bool WebSocketTransport::isAllowedHost(const QByteArray &host, quint16 port)
{
    const QByteArray suffix = ':' + QByteArray::number(port);
    const QByteArray h = host.toLower();
    return h == "localhost" + suffix || h == "127.0.0.1" + suffix || h == "[::1]" + suffix;
}

bool WebSocketTransport::isAcceptableOrigin(const QString &origin)
{
    if (origin.isEmpty())
        return true;
    if (origin == QStringLiteral("null") || origin.size() > 256)
        return false;
    const QUrl url(origin, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty() &&
           url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
           url.userInfo().isEmpty();
}

std::optional<QString> WebSocketTransport::checkRequestHead(const QByteArray &head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return QStringLiteral("incomplete request head");
    // Every line, the request line included, ends with CR LF; the last split piece is empty.
    const QList<QByteArray> lines = head.left(end + 2).split('\n');
    int hosts = 0;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (!line.endsWith('\r'))
            return QStringLiteral("a header line without CR LF");
        line.chop(1);
        // RFC 9112 §5.2: obsolete line folding may be refused with 400; a folded Host could
        // be read two ways.
        if (line.startsWith(' ') || line.startsWith('\t'))
            return QStringLiteral("a folded header line");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return QStringLiteral("a malformed header line");
        const QByteArray name = line.left(colon);
        // RFC 9112 §5.1: no whitespace between the field name and the colon.
        if (name.contains(' ') || name.contains('\t'))
            return QStringLiteral("whitespace in a header name");
        if (name.compare("host", Qt::CaseInsensitive) == 0)
            ++hosts;
    }
    if (hosts == 0)
        return QStringLiteral("no Host header");
    if (hosts > 1)
        return QStringLiteral("%1 Host headers").arg(hosts);
    return std::nullopt;
}

Status WebSocketTransport::listen(quint16 port)
{
    close();
    m_ws = new QWebSocketServer(QStringLiteral("Quill"), QWebSocketServer::NonSecureMode, this);
    connect(m_ws, &QWebSocketServer::originAuthenticationRequired, this,
            [this](QWebSocketCorsAuthenticator *auth) {
                const bool ok = isAcceptableOrigin(auth->origin());
                auth->setAllowed(ok);
                if (!ok)
                    Q_EMIT peerRefused(QStringLiteral("unacceptable Origin"));
            });
    connect(m_ws, &QWebSocketServer::newConnection, this, &WebSocketTransport::onNewConnection);
    // Quill accepts the TCP connections itself (see checkRequestHead) and hands each socket
    // to m_ws once its head has been checked.
    const auto makeListener = [this](const QHostAddress &address, quint16 p) -> QTcpServer * {
        auto *listener = new QTcpServer(this);
        connect(listener, &QTcpServer::newConnection, this,
                [this, listener] { onTcpConnection(listener); });
        if (!listener->listen(address, p)) {
            delete listener;
            return nullptr;
        }
        return listener;
    };
    QTcpServer *v4 = makeListener(QHostAddress(QHostAddress::LocalHost), port);
    if (!v4) {
        close();
        return Error{ErrorCode::Io, QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port)};
    }
    m_port = v4->serverPort();
    m_listeners.push_back(v4);
    // The IPv6 loopback on the same port, if this host has one.
    if (QTcpServer *v6 = makeListener(QHostAddress(QHostAddress::LocalHostIPv6), m_port))
        m_listeners.push_back(v6);
    return okStatus();
}

void WebSocketTransport::close()
{
    for (QTcpServer *s : m_listeners) {
        s->close();
        delete s; // and the sockets still sending their head (its children)
    }
    m_listeners.clear();
    m_pendingHeads = 0;
    delete m_ws;
    m_ws = nullptr;
    m_port = 0;
}

void WebSocketTransport::onTcpConnection(QTcpServer *listener)
{
    while (listener->hasPendingConnections()) {
        QTcpSocket *socket = listener->nextPendingConnection();
        // Issue 14: who is at the other end, before a byte is read. Another user's process
        // is refused here, as the local socket refuses it (SO_PEERCRED), and takes no share
        // of any limit.
        const auto owner = tcppeer::findPeer(socket->peerAddress(), socket->peerPort(),
                                             socket->localAddress(), socket->localPort());
        const qint64 expected = m_expectedUid.value_or(qint64(::geteuid()));
        if (!owner || owner->uid != expected) {
            refuseTcp(socket, "403 Forbidden",
                      owner ? QStringLiteral("peer uid %1 is not ours").arg(owner->uid)
                            : QStringLiteral("peer credentials unavailable"));
            continue;
        }
        PeerFacts facts;
        facts.transport = Transport::WebSocket;
        facts.uid = owner->uid;
        facts.pid = tcppeer::findSocketHolder(owner->inode);
        // Facts at connect time, as on the local socket: the process may exec or exit later.
        if (facts.pid > 0)
            facts.executable = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(facts.pid));
        const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
        m_admitted.insert(key, Admitted{socket, socket, facts});
        // Forget the facts when the socket goes without becoming a QWebSocket (refused head,
        // failed upgrade). By then the QPointer is null: compare the address it had.
        connect(socket, &QObject::destroyed, this, [this, key, socket] {
            const auto it = m_admitted.constFind(key);
            if (it != m_admitted.cend() && it->identity == socket)
                m_admitted.erase(it);
        });
        if (m_pendingHeads >= kMaxPendingHeads) {
            refuseTcp(socket, "503 Service Unavailable",
                      QStringLiteral("too many handshakes in progress"));
            continue;
        }
        ++m_pendingHeads;
        socket->setProperty("quillHead", true);
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] {
            refuseTcp(socket, "408 Request Timeout", QStringLiteral("request head too slow"));
        });
        timer->start(kHeadTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspectHead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket->property("quillHead").toBool()) {
                socket->setProperty("quillHead", false);
                --m_pendingHeads;
            }
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            inspectHead(socket);
    }
}

void WebSocketTransport::inspectHead(QTcpSocket *socket)
{
    if (!socket->property("quillHead").toBool())
        return;
    // peek(), not read(): QWebSocketServer reads the same bytes again for the upgrade.
    const QByteArray seen = socket->peek(kMaxHeadBytes);
    if (!seen.contains("\r\n\r\n")) {
        if (seen.size() >= kMaxHeadBytes)
            refuseTcp(socket, "431 Request Header Fields Too Large",
                      QStringLiteral("request head too large"));
        return;
    }
    if (const auto why = checkRequestHead(seen)) {
        refuseTcp(socket, "400 Bad Request", *why);
        return;
    }
    socket->setProperty("quillHead", false);
    --m_pendingHeads;
    // Stop reading and deleting it; the destroyed() hook that forgets its facts stays.
    QObject::disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    QObject::disconnect(socket, &QAbstractSocket::disconnected, this, nullptr);
    delete socket->findChild<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
    m_ws->handleConnection(socket);
}

void WebSocketTransport::refuseTcp(QTcpSocket *socket, const QByteArray &status,
                                   const QString &reason)
{
    if (socket->property("quillHead").toBool()) {
        socket->setProperty("quillHead", false);
        --m_pendingHeads;
    }
    QObject::disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater,
            Qt::UniqueConnection);
    if (auto *timer = socket->findChild<QTimer *>(QString(), Qt::FindDirectChildrenOnly))
        timer->stop();
    socket->write("HTTP/1.1 " + status + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    socket->disconnectFromHost();
    QTimer::singleShot(kAbortAfterCloseMs, socket, [socket] { socket->abort(); });
    Q_EMIT peerRefused(reason);
}

void WebSocketTransport::onNewConnection()
{
    while (m_ws && m_ws->hasPendingConnections()) {
        QWebSocket *socket = m_ws->nextPendingConnection();
        const QByteArray host = socket->request().rawHeader("Host");
        if (!isAllowedHost(host, m_port)) {
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(kAbortAfterCloseMs, socket, [socket] { socket->abort(); });
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("Host not allowed"));
            Q_EMIT peerRefused(QStringLiteral("Host header not a loopback name"));
            continue;
        }
        const qsizetype cap = m_server.limits().maxMessageBytes + kQtSlack;
        socket->setMaxAllowedIncomingMessageSize(quint64(cap));
        socket->setMaxAllowedIncomingFrameSize(quint64(cap));
        const QHostAddress peer = socket->peerAddress();
        const auto admitted = m_admitted.take(endpointKey(peer, socket->peerPort()));
        if (!admitted.socket) { // not through onTcpConnection: cannot happen; fail closed
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            socket->abort();
            Q_EMIT peerRefused(QStringLiteral("peer credentials unavailable"));
            continue;
        }
        PeerFacts facts = admitted.facts;
        facts.origin = socket->origin();
        facts.address = (peer.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(peer.toString())
                             : peer.toString()) +
                        QStringLiteral(":%1").arg(socket->peerPort());
        m_server.addConnection(new WebSocketConnection(socket, facts));
    }
}

} // namespace quill::api

#include "WebSocketTransport.moc"
