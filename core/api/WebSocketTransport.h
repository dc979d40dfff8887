#pragma once

#include "api/PeerFacts.h"

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace quill::api {

class ApiServer;

/// The optional transport for browser dApps and Node scripts: a WebSocket on 127.0.0.1 and
/// ::1 only, off unless the user enables it. One JSON message per text (or binary) message.
///
/// Defences (issue #5; Frame's mistakes avoided):
/// - DNS rebinding: the HTTP Host header must name the loopback with our port exactly
///   ("localhost:P", "127.0.0.1:P", "[::1]:P"); otherwise the socket is closed (1008) before
///   any message is read. A request head without a Host header or with more than one is
///   answered 400 before the upgrade (issue 14): Quill accepts the TCP connection itself
///   and reads the raw head, because QWebSocketServer merges repeated headers.
/// - Peer: the connecting process's uid comes from /proc/net/tcp{,6} (the socket whose local
///   end is the peer's address and port), its pid and executable from the process holding
///   that socket; a peer of another uid, or one that cannot be identified, is refused (403)
///   at accept, before anything is read (issue 14).
/// - Identity: the browser's Origin is the app's identity claim; a paired app's token only
///   verifies from the Origin it paired from (ApiServer answers 4100 otherwise). An opaque
///   Origin ("null") or a malformed one is refused at the handshake (403). No Origin (Node,
///   curl) is allowed; such clients share the identity "no Origin" and must pair like any app.
/// - Size: frames and messages are capped (the server's maxMessageBytes; above it 4302 and
///   close, far above it Qt closes with 1009). Connections per party are capped by ApiServer.
class WebSocketTransport : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketTransport(ApiServer &server, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    /// Listens on 127.0.0.1:`port` and [::1]:`port` (0: a free port, the same on both; ::1
    /// is skipped if the host has no IPv6 loopback).
    /// Errors: Io with the reason (port in use…).
    [[nodiscard]] Status listen(quint16 port);
    void close();
    quint16 port() const { return m_port; }
    bool isListening() const { return !m_listeners.isEmpty(); }

    /// Connections admitted (peer checked) that have not yet become a QWebSocket (tests).
    int admittedCount() const { return int(m_admitted.size()); }

    /// Test seam: accept only peers with this uid instead of our own.
    void setExpectedUidForTesting(qint64 uid) { m_expectedUid = uid; }

    /// True if `host` (a Host header value) is one of the loopback names with `port`.
    static bool isAllowedHost(const QByteArray &host, quint16 port);
    /// Checks a raw HTTP request head (request line and header lines, up to and including
    /// the blank line) for what QWebSocketServer cannot see: exactly one Host header.
    /// Returns: std::nullopt if acceptable, else the reason for refusing it.
    static std::optional<QString> checkRequestHead(const QByteArray &head);
    /// True if `origin` is acceptable at the handshake: empty, or a serialised tuple origin
    /// "scheme://host[:port]" (no path, no "null").
    static bool isAcceptableOrigin(const QString &origin);

Q_SIGNALS:
    /// A peer was turned away before reaching ApiServer (for logs and tests).
    void peerRefused(const QString &reason);

private:
    void onTcpConnection(QTcpServer *listener);
    /// Reads (peeks) the request head of `socket`; once complete, refuses it or hands the
    /// socket, unread, to QWebSocketServer.
    void inspectHead(QTcpSocket *socket);
    void refuseTcp(QTcpSocket *socket, const QByteArray &status, const QString &reason);
    void onNewConnection();

    ApiServer &m_server;
    QList<QTcpServer *> m_listeners;
    QWebSocketServer *m_ws = nullptr; ///< not listening: upgrades the sockets we hand it
    quint16 m_port = 0;
    /// A TCP connection whose peer passed the uid check, until QWebSocketServer hands it
    /// back as a QWebSocket (matched by the peer's address and port).
    struct Admitted
    {
        QPointer<QTcpSocket> socket;
        const void *identity = nullptr; ///< the socket's address, for destroyed()
        PeerFacts facts;
    };
    QHash<QString, Admitted> m_admitted;
    std::optional<qint64> m_expectedUid;
    int m_pendingHeads = 0; ///< accepted sockets whose request head is not yet checked
};

} // namespace quill::api
