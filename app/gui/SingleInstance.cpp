#include "SingleInstance.h"

#include "api/LocalSocketTransport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QThread>

#include <sys/stat.h>

namespace quill::app {

namespace {
constexpr qint64 kMaxLine = 64 * 1024;
const QByteArray kOk = QByteArrayLiteral("ok\n");
} // namespace

SingleInstance::SingleInstance(const QString &socketPath, QObject *parent)
    : QObject(parent), m_path(QFileInfo(socketPath).absoluteFilePath())
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultPath()
{
    return QFileInfo(api::LocalSocketTransport::defaultPath()).absolutePath() +
           QStringLiteral("/instance.sock");
}

Result<SingleInstance::Role> SingleInstance::start(const QStringList &arguments, int timeoutMs)
{
    if (auto st = api::LocalSocketTransport::prepareDirectory(QFileInfo(m_path).absolutePath());
        !st)
        return st.error();
    // The lock decides who is Quill, so two quills started at once cannot both listen (a
    // socket file alone cannot tell a stale file from a peer that is about to listen). A lock
    // left by a dead process is taken over (QLockFile checks its pid).
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        if (auto st = listen(); !st)
            return st.error();
        return Role::Primary;
    }
    m_lock.reset();
    if (auto st = handOver(arguments, timeoutMs); !st)
        return st.error();
    return Role::Secondary;
}

Status SingleInstance::listen()
{
    // We hold the lock: a socket file there is a dead Quill's.
    QLocalServer::removeServer(m_path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path))
        return Error{ErrorCode::Io, m_path + QStringLiteral(": ") + m_server->errorString()};
    ::chmod(QFile::encodeName(m_path).constData(), S_IRUSR | S_IWUSR);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return okStatus();
}

Status SingleInstance::handOver(const QStringList &arguments, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QByteArray line =
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
    // The running Quill may be between taking the lock and listening: try again briefly.
    while (true) {
        QLocalSocket socket;
        socket.connectToServer(m_path);
        if (socket.waitForConnected(int(qMax<qint64>(1, deadline.remainingTime())))) {
            socket.write(line);
            socket.waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())));
            QByteArray reply;
            while (!reply.contains('\n') && !deadline.hasExpired() &&
                   socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                reply += socket.readAll();
            if (reply == kOk)
                return okStatus();
        }
        if (deadline.hasExpired())
            return Error{ErrorCode::Io,
                         m_path + QStringLiteral(": Quill is running but did not answer")};
        QThread::msleep(50);
    }
}

void SingleInstance::onNewConnection()
{
    while (auto *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxLine)
                    socket->abort();
                return;
            }
            const QByteArray line = socket->readLine(kMaxLine);
            const auto doc = QJsonDocument::fromJson(line);
            socket->write(kOk);
            socket->disconnectFromServer();
            QStringList arguments;
            for (const auto &v : doc.array())
                arguments << v.toString();
            Q_EMIT argumentsReceived(arguments);
        });
    }
}

} // namespace quill::app
