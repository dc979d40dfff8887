#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>

class QLocalSocket;
class QWebSocket;

namespace quill::api {

/// One answer as the client sees it.
struct RpcReply
{
    /// Client-side code for "the connection went away before an answer" (never on the wire).
    static constexpr int kDisconnected = -1;

    bool ok = false;
    QByteArray result; ///< the result's exact bytes as the server sent them (ok only)
    int code = 0;      ///< JSON-RPC error code, or kDisconnected
    QString message;   ///< error message
    QByteArray data;   ///< error data as JSON text, empty if none
};

/// A client of a running Quill (quill-cli request, tests): connects to the local socket or a
/// ws:// URL, sends requests and matches answers by id. Asynchronous; no nested event loop.
/// Pairing tokens are the caller's to keep (quill-cli stores them in the keychain).
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const RpcReply &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    /// Connects to Quill's local socket; connected() or disconnected() follows.
    void connectToLocal(const QString &path);
    // (Connecting again first drops the current connection: its calls get kDisconnected.)
    /// Connects to a ws://127.0.0.1:port URL; `origin` is sent as the Origin header (empty:
    /// none, like Node). connected() or disconnected() follows.
    void connectToUrl(const QUrl &url, const QString &origin = {});
    /// Drops the connection; pending calls get kDisconnected; disconnected() is emitted.
    void disconnectFromServer();
    bool isConnected() const;

    /// Sends a request. `paramsJson` is an object's JSON text (empty: no params), embedded as
    /// is (over the local socket its line breaks, which can only be whitespace, become spaces).
    /// `done` is called exactly once: with the answer, or with kDisconnected. Returns: the
    /// request's id (a number, unique for this client).
    quint64 call(const QString &method, const QByteArray &paramsJson, Callback done);

    /// quill_hello convenience: pairs (no token) or presents `appId`/`token`.
    quint64 hello(const QString &name, const QString &appId, const QString &token, Callback done);

    /// Sends raw bytes as one message (a line or a text frame), for tests of the server's
    /// handling of malformed input. Answers arrive through unmatchedReply() unless their id
    /// matches a call().
    void sendRaw(const QByteArray &bytes);

    int pendingCount() const { return int(m_pending.size()); }

    /// Longest line the client accepts from the server.
    static constexpr qsizetype kMaxIncoming = 64 << 20;

Q_SIGNALS:
    /// A notification from Quill: `method` (quill_pending, quill_resolved) and its params.
    void notification(const QString &method, const QByteArray &paramsJson);
    void connected();
    void disconnected();
    /// An answer whose id is null or matches no call (parse errors, rate limiting…), or a
    /// message that is not a valid response (then code is -32700/-32600 and message says why).
    void unmatchedReply(const quill::api::RpcReply &reply);

private:
    void onLine(const QByteArray &line);
    void onGone();
    void write(const QByteArray &message);

    QLocalSocket *m_local = nullptr;
    QWebSocket *m_ws = nullptr;
    QByteArray m_buffer;
    quint64 m_nextId = 1;
    std::map<quint64, Callback> m_pending;
    bool m_connected = false;
};

} // namespace quill::api

Q_DECLARE_METATYPE(quill::api::RpcReply)
