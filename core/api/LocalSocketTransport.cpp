#include "api/LocalSocketTransport.h"

#include "api/ApiConnection.h"
#include "api/ApiServer.h"
#include "api/JsonRpc.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace quill::api {

namespace {

constexpr int kAbortAfterCloseMs = 2000;
/// A message without its final line break is taken once the app has been quiet this long
/// and what it sent is one complete JSON value (never left hanging).
constexpr int kUnterminatedIdleMs = 300;

/// One line-framed connection over a QLocalSocket.
class LocalSocketConnection final : public ApiConnection
{
    Q_OBJECT
public:
    LocalSocketConnection(QLocalSocket *socket, PeerFacts facts, qsizetype maxLine)
        : m_socket(socket), m_facts(std::move(facts)), m_maxLine(maxLine)
    {
        m_socket->setParent(this);
        m_idle.setSingleShot(true);
        m_idle.setInterval(kUnterminatedIdleMs);
        connect(&m_idle, &QTimer::timeout, this, &LocalSocketConnection::takeUnterminated);
        connect(m_socket, &QLocalSocket::readyRead, this, &LocalSocketConnection::onReadyRead);
        connect(m_socket, &QLocalSocket::disconnected, this, &LocalSocketConnection::onGone);
        connect(m_socket, &QLocalSocket::errorOccurred, this,
                [this](QLocalSocket::LocalSocketError e) {
                    if (e != QLocalSocket::PeerClosedError ||
                        m_socket->state() == QLocalSocket::UnconnectedState)
                        onGone();
                });
    }

    const PeerFacts &peer() const override { return m_facts; }

    void send(const QByteArray &message) override
    {
        Q_ASSERT(!message.contains('\n'));
        if (m_socket->state() != QLocalSocket::ConnectedState)
            return;
        m_socket->write(message + '\n');
    }

    qint64 bytesPending() const override { return m_socket->bytesToWrite(); }

    void close() override
    {
        m_stopped = true;
        if (m_closing)
            return;
        m_closing = true;
        m_buffer.clear();
        QTimer::singleShot(kAbortAfterCloseMs, this, [this] { m_socket->abort(); });
        m_socket->disconnectFromServer(); // flushes, then disconnects
        if (m_socket->state() == QLocalSocket::UnconnectedState)
            onGone();
    }

    /// Delivers whatever arrived before the connection was handed to ApiServer.
    void start()
    {
        if (m_socket->state() != QLocalSocket::ConnectedState) {
            QMetaObject::invokeMethod(this, &LocalSocketConnection::onGone, Qt::QueuedConnection);
            return;
        }
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &LocalSocketConnection::onReadyRead,
                                      Qt::QueuedConnection);
    }

private:
    void onReadyRead()
    {
        if (m_stopped) {
            m_socket->readAll(); // discard
            return;
        }
        m_buffer += m_socket->readAll();
        qsizetype start = 0;
        while (!m_stopped) {
            const qsizetype nl = m_buffer.indexOf('\n', start + m_scanned);
            if (nl < 0)
                break;
            qsizetype end = nl;
            if (end > start && m_buffer.at(end - 1) == '\r')
                --end;
            const QByteArray line = m_buffer.mid(start, end - start);
            start = nl + 1;
            m_scanned = 0;
            if (line.size() > m_maxLine) {
                m_stopped = true;
                Q_EMIT messageTooLarge();
                break;
            }
            if (!line.isEmpty())
                Q_EMIT messageReceived(line);
        }
        if (m_stopped) {
            m_buffer.clear();
            m_scanned = 0;
            return;
        }
        m_buffer.remove(0, start);
        m_scanned = m_buffer.size();
        if (m_buffer.size() > m_maxLine) {
            // No line break within the cap: the message can only be too large.
            m_buffer.clear();
            m_scanned = 0;
            m_stopped = true;
            Q_EMIT messageTooLarge();
        }
        if (m_buffer.isEmpty())
            m_idle.stop();
        else
            m_idle.start();
    }

    /// The app went quiet with a message but no line break: if it is one complete JSON
    /// value, it is the message (a client that forgot the '\n' still gets its answer).
    void takeUnterminated()
    {
        if (m_stopped || m_buffer.isEmpty())
            return;
        const QByteArray message = m_buffer.trimmed();
        if (message.isEmpty() || !JsonRpc::isValidJson(std::string_view(message.constData(), std::size_t(message.size()))))
            return; // still arriving (or garbage a later line break will deliver)
        m_buffer.clear();
        m_scanned = 0;
        Q_EMIT messageReceived(message);
    }

    void onGone()
    {
        if (m_gone)
            return;
        m_gone = true;
        m_closing = true;
        m_stopped = true;
        Q_EMIT disconnected();
    }

    QLocalSocket *m_socket;
    PeerFacts m_facts;
    qsizetype m_maxLine;
    QTimer m_idle; ///< quiet time after an unterminated message
    QByteArray m_buffer;
    qsizetype m_scanned = 0; ///< bytes of m_buffer already searched for '\n'
    bool m_stopped = false;  ///< deliver nothing more (overflow, or close() called)
    bool m_closing = false;  ///< close() called
    bool m_gone = false;
};

/// Is something accepting connections on `path`? (A plain connect(2) on a Unix socket
/// answers at once: ECONNREFUSED for a stale file.)
bool someoneListens(const QByteArray &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.constData(), std::size_t(path.size()));
    const bool live = ::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return live;
}

} // namespace

LocalSocketTransport::LocalSocketTransport(ApiServer &server, QObject *parent)
    : QObject(parent), m_server(server)
{
}

LocalSocketTransport::~LocalSocketTransport()
{
    close();
}

QString LocalSocketTransport::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) +
           QStringLiteral("/quill/quill.sock");
}

Status LocalSocketTransport::prepareDirectory(const QString &dir)
{
    // Created 0700 if missing; an existing one must be ours and writable by nobody else (or
    // another user could swap the socket). Existing directories are never chmod-ed: the path
    // may be a shared one such as /tmp in tests.
    const QByteArray dirName = QFile::encodeName(dir);
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir) || ::chmod(dirName.constData(), S_IRWXU) != 0)
            return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(dir)};
    }
    struct stat st = {};
    if (::stat(dirName.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Error{ErrorCode::Io, QStringLiteral("%1 is not a directory").arg(dir)};
    const bool sticky = (st.st_mode & S_ISVTX) != 0; // like /tmp: others cannot replace our file
    const bool ours = st.st_uid == ::geteuid() || (sticky && st.st_uid == 0);
    if (!ours || ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0 && !sticky))
        return Error{ErrorCode::Io, QStringLiteral("%1 is writable by other users").arg(dir)};
    return okStatus();
}

Status LocalSocketTransport::listen(const QString &path)
{
    close();
    const QString file = QFileInfo(path).absoluteFilePath();
    const QByteArray encoded = QFile::encodeName(file);
    if (encoded.size() >= qsizetype(sizeof(sockaddr_un{}.sun_path)))
        return Error{ErrorCode::Io, file + QStringLiteral(": path too long for a Unix socket")};

    if (auto st = prepareDirectory(QFileInfo(file).absolutePath()); !st)
        return st;

    if (QFileInfo::exists(file) || QFileInfo(file).isSymLink()) {
        if (someoneListens(encoded))
            return Error{ErrorCode::Io,
                         file + QStringLiteral(": another Quill is already listening")};
        if (!QFile::remove(file))
            return Error{ErrorCode::Io, file + QStringLiteral(": cannot remove the stale socket")};
    }

    m_listener = new QLocalServer(this);
    m_listener->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_listener->listen(file)) {
        const QString why = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return Error{ErrorCode::Io, file + QStringLiteral(": ") + why};
    }
    // UserAccessOption gives the socket 0700; the execute bit means nothing on a socket, so
    // narrow it to 0600 (never wider than user-only at any moment).
    if (::chmod(encoded.constData(), S_IRUSR | S_IWUSR) != 0) {
        close();
        return Error{ErrorCode::Io, file + QStringLiteral(": cannot set mode 0600")};
    }
    m_path = file;
    connect(m_listener, &QLocalServer::newConnection, this, &LocalSocketTransport::onNewConnection);
    return okStatus();
}

void LocalSocketTransport::close()
{
    if (!m_listener)
        return;
    m_listener->close(); // removes the socket file
    delete m_listener;
    m_listener = nullptr;
}

void LocalSocketTransport::onNewConnection()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QLocalSocket *socket = m_listener->nextPendingConnection();
        PeerFacts facts;
        facts.transport = Transport::LocalSocket;
        ucred cred{};
        socklen_t len = sizeof cred;
        const int fd = int(socket->socketDescriptor());
        const bool known = fd >= 0 && ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
                           len == sizeof cred;
        const qint64 expected = m_expectedUid.value_or(qint64(::geteuid()));
        if (!known || qint64(cred.uid) != expected) {
            const QString reason = known ? QStringLiteral("peer uid %1 is not ours").arg(cred.uid)
                                         : QStringLiteral("peer credentials unavailable");
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            socket->write(JsonRpc::error("null", Error{ErrorCode::Unauthorized, QString()}) + '\n');
            socket->disconnectFromServer();
            QTimer::singleShot(kAbortAfterCloseMs, socket, [socket] { socket->abort(); });
            Q_EMIT peerRefused(reason);
            continue;
        }
        facts.uid = cred.uid;
        facts.pid = cred.pid;
        // A fact at connect time: the process may exec or exit later; the pid is what the
        // kernel reported for the peer when it connected.
        facts.executable = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(cred.pid));
        auto *connection =
            new LocalSocketConnection(socket, facts, m_server.limits().maxMessageBytes);
        if (m_server.addConnection(connection))
            connection->start();
    }
}

} // namespace quill::api

#include "LocalSocketTransport.moc"
