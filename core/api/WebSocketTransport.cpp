#include "api/WebSocketTransport.h"

#include "api/ApiConnection.h"
#include "api/ApiServer.h"

#include <QHostAddress>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

namespace quill::api {

namespace {

constexpr int kAbortAfterCloseMs = 2000;
/// Qt's own cap sits above ours so that a message just over our cap still gets a JSON-RPC
/// 4302 answer; anything far larger is cut off by Qt (close code 1009) without buffering.
constexpr qsizetype kQtSlack = 64 * 1024;

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

Status WebSocketTransport::listen(quint16 port)
{
    close();
    const auto makeServer = [this](const QHostAddress &address, quint16 p) -> QWebSocketServer * {
        auto *server =
            new QWebSocketServer(QStringLiteral("Quill"), QWebSocketServer::NonSecureMode, this);
        connect(server, &QWebSocketServer::originAuthenticationRequired, this,
                [this](QWebSocketCorsAuthenticator *auth) {
                    const bool ok = isAcceptableOrigin(auth->origin());
                    auth->setAllowed(ok);
                    if (!ok)
                        Q_EMIT peerRefused(QStringLiteral("unacceptable Origin"));
                });
        connect(server, &QWebSocketServer::newConnection, this,
                [this, server] { onNewConnection(server); });
        if (!server->listen(address, p)) {
            delete server;
            return nullptr;
        }
        return server;
    };
    QWebSocketServer *v4 = makeServer(QHostAddress(QHostAddress::LocalHost), port);
    if (!v4)
        return Error{ErrorCode::Io, QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port)};
    m_port = v4->serverPort();
    m_servers.push_back(v4);
    // The IPv6 loopback on the same port, if this host has one.
    if (QWebSocketServer *v6 = makeServer(QHostAddress(QHostAddress::LocalHostIPv6), m_port))
        m_servers.push_back(v6);
    return okStatus();
}

void WebSocketTransport::close()
{
    for (QWebSocketServer *s : m_servers) {
        s->close();
        delete s;
    }
    m_servers.clear();
    m_port = 0;
}

void WebSocketTransport::onNewConnection(QWebSocketServer *server)
{
    while (server->hasPendingConnections()) {
        QWebSocket *socket = server->nextPendingConnection();
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
        PeerFacts facts;
        facts.transport = Transport::WebSocket;
        facts.origin = socket->origin();
        const QHostAddress peer = socket->peerAddress();
        facts.address = (peer.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(peer.toString())
                             : peer.toString()) +
                        QStringLiteral(":%1").arg(socket->peerPort());
        m_server.addConnection(new WebSocketConnection(socket, facts));
    }
}

} // namespace quill::api

#include "WebSocketTransport.moc"
