#include "api/ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "api/JsonRpc.h"
#include "common/JsonText.h"

#include <QLocalSocket>
#include <QWebSocket>

namespace quill::api {

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<quill::api::RpcReply>();
}

ApiClient::~ApiClient()
{
    // No callbacks into a half-destroyed owner: pending calls are dropped silently.
    m_pending.clear();
    if (m_local)
        QObject::disconnect(m_local, nullptr, this, nullptr);
    if (m_ws)
        QObject::disconnect(m_ws, nullptr, this, nullptr);
}

bool ApiClient::isConnected() const
{
    return m_connected;
}

void ApiClient::connectToLocal(const QString &path)
{
    disconnectFromServer();
    m_local = new QLocalSocket(this);
    connect(m_local, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        Q_EMIT connected();
    });
    connect(m_local, &QLocalSocket::disconnected, this, &ApiClient::onGone);
    connect(m_local, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_local && m_local->state() == QLocalSocket::UnconnectedState)
            onGone();
    });
    // A failed connect (no server at the path) ends in UnconnectedState without a
    // disconnected() signal, and errorOccurred may come while still "connecting".
    connect(m_local, &QLocalSocket::stateChanged, this, [this](QLocalSocket::LocalSocketState state) {
        if (state == QLocalSocket::UnconnectedState)
            QMetaObject::invokeMethod(this, &ApiClient::onGone, Qt::QueuedConnection);
    });
    connect(m_local, &QLocalSocket::readyRead, this, [this] {
        if (!m_local)
            return;
        // Only the new bytes are searched for the line end: a 64 KB answer arrives in many
        // reads, and rescanning the whole partial line each time was quadratic.
        const qsizetype scanned = m_buffer.size();
        m_buffer += m_local->readAll();
        qsizetype start = 0;
        for (qsizetype from = scanned;;) {
            const qsizetype nl = m_buffer.indexOf('\n', from);
            if (nl < 0)
                break;
            const QByteArray line = m_buffer.mid(start, nl - start);
            start = from = nl + 1;
            if (!line.isEmpty())
                onLine(line);
            if (!m_local)
                return; // a callback disconnected us
        }
        m_buffer.remove(0, start);
        if (m_buffer.size() > kMaxIncoming)
            disconnectFromServer();
    });
    m_local->connectToServer(path);
}

void ApiClient::connectToUrl(const QUrl &url, const QString &origin)
{
    disconnectFromServer();
    m_ws = new QWebSocket(origin, QWebSocketProtocol::VersionLatest, this);
    m_ws->setMaxAllowedIncomingMessageSize(quint64(kMaxIncoming));
    connect(m_ws, &QWebSocket::connected, this, [this] {
        m_connected = true;
        Q_EMIT connected();
    });
    connect(m_ws, &QWebSocket::disconnected, this, &ApiClient::onGone);
    connect(m_ws, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onLine(text.toUtf8()); });
    m_ws->open(url);
}

void ApiClient::disconnectFromServer()
{
    onGone();
}

void ApiClient::onGone()
{
    if (!m_local && !m_ws)
        return;
    if (QLocalSocket *s = m_local) {
        QObject::disconnect(s, nullptr, this, nullptr);
        m_local = nullptr;
        s->abort();
        s->deleteLater();
    }
    if (QWebSocket *s = m_ws) {
        QObject::disconnect(s, nullptr, this, nullptr);
        m_ws = nullptr;
        s->abort();
        s->deleteLater();
    }
    m_connected = false;
    m_buffer.clear();
    auto pending = std::move(m_pending);
    m_pending.clear();
    RpcReply reply;
    reply.code = RpcReply::kDisconnected;
    reply.message = QStringLiteral("disconnected");
    for (auto &[id, done] : pending)
        done(reply);
    Q_EMIT disconnected();
}

void ApiClient::write(const QByteArray &message)
{
    if (m_local) {
        // Line framing: a raw line break can only be whitespace in valid JSON (strings
        // cannot hold one), so pretty-printed params are sent with spaces instead.
        QByteArray line = message;
        line.replace('\n', ' ').replace('\r', ' ');
        m_local->write(line + '\n');
    } else if (m_ws)
        m_ws->sendTextMessage(QString::fromUtf8(message));
}

quint64 ApiClient::call(const QString &method, const QByteArray &paramsJson, Callback done)
{
    const quint64 id = m_nextId++;
    if (!m_connected) {
        RpcReply reply;
        reply.code = RpcReply::kDisconnected;
        reply.message = QStringLiteral("not connected");
        done(reply);
        return id;
    }
    m_pending.emplace(id, std::move(done));
    write(JsonRpc::request(std::to_string(id), method.toStdString(), paramsJson.toStdString()));
    return id;
}

quint64 ApiClient::hello(const QString &name, const QString &appId, const QString &token,
                         Callback done)
{
    std::string params = R"({"name":)";
    appendJsonString(params, name.toStdString());
    if (!appId.isEmpty()) {
        params += R"(,"appId":)";
        appendJsonString(params, appId.toStdString());
        params += R"(,"token":)";
        appendJsonString(params, token.toStdString());
    }
    params += '}';
    return call(QStringLiteral("quill_hello"), QByteArray::fromStdString(params), std::move(done));
}

void ApiClient::sendRaw(const QByteArray &bytes)
{
    if (m_local)
        m_local->write(bytes + '\n');
    else if (m_ws)
        m_ws->sendTextMessage(QString::fromUtf8(bytes));
}

void ApiClient::onLine(const QByteArray &line)
{
    // Notifications from Quill (quill_pending, quill_resolved) carry a method and no id.
    if (line.size() < 4096 && line.contains("\"method\"")) {
        const auto doc = QJsonDocument::fromJson(line);
        const auto o = doc.object();
        if (doc.isObject() && o.value(QStringLiteral("method")).isString() && !o.contains(QStringLiteral("id"))) {
            Q_EMIT notification(o.value(QStringLiteral("method")).toString(),
                                QJsonDocument(o.value(QStringLiteral("params")).toObject()).toJson(QJsonDocument::Compact));
            return;
        }
    }
    auto response =
        JsonRpc::parseResponse(std::string_view(line.constData(), std::size_t(line.size())));
    RpcReply reply;
    if (!response) {
        reply.code = int(rpcErrorCode(response.error().code));
        reply.message = describe(response.error());
        Q_EMIT unmatchedReply(reply);
        return;
    }
    reply.ok = !response->isError;
    reply.result = QByteArray::fromStdString(response->resultJson);
    reply.code = response->code;
    reply.message = QString::fromStdString(response->message);
    reply.data = QByteArray::fromStdString(response->dataJson);
    bool numeric = !response->id.empty();
    for (char c : response->id)
        numeric = numeric && c >= '0' && c <= '9';
    auto it = numeric ? m_pending.find(response->id.size() <= 19 ? std::stoull(response->id) : 0)
                      : m_pending.end();
    if (it == m_pending.end()) {
        Q_EMIT unmatchedReply(reply);
        return;
    }
    Callback done = std::move(it->second);
    m_pending.erase(it);
    done(reply);
}

} // namespace quill::api
