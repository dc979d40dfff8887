#pragma once

#include "common/Result.h"

#include <QObject>
#include <QString>

#include <optional>

class QLocalServer;

namespace quill::api {

class ApiServer;

/// The always-on transport: a Unix socket only this user can open, one JSON message per
/// line ('\n'; a trailing '\r' is dropped, blank lines are skipped; a line longer than the
/// server's maxMessageBytes → 4302 and the connection is closed).
///
/// Access: the socket lives in a 0700 directory inside the user's runtime directory and is
/// created with mode 0600 (QLocalServer::UserAccessOption binds it in a private temporary
/// directory and renames it into place, so there is no window with wider permissions).
/// Each peer's credentials are read with SO_PEERCRED: a peer whose uid is not ours is
/// refused (4100, closed); its pid and /proc/<pid>/exe become PeerFacts.
class LocalSocketTransport : public QObject
{
    Q_OBJECT
public:
    explicit LocalSocketTransport(ApiServer &server, QObject *parent = nullptr);
    ~LocalSocketTransport() override;

    /// $XDG_RUNTIME_DIR/quill/quill.sock (QStandardPaths::RuntimeLocation).
    static QString defaultPath();

    /// Makes `dir` fit for a user-only socket: created 0700 if missing; an existing one must
    /// be ours and not writable by others (sticky directories like /tmp excepted).
    /// Errors: Io naming the directory.
    [[nodiscard]] static Status prepareDirectory(const QString &dir);

    /// Starts listening on `path`. Its directory is created 0700 if missing; an existing one
    /// must be ours and not writable by others (sticky directories like /tmp excepted). A stale
    /// socket file left by a crash is replaced; a live one (another Quill answering) is not.
    /// Errors: Io naming the path (another Quill is running, the directory is writable by
    /// others, the path is too long for a Unix socket, bind failed).
    [[nodiscard]] Status listen(const QString &path = defaultPath());
    void close();
    QString path() const { return m_path; }

    /// Test seam: accept only peers with this uid instead of our own.
    void setExpectedUidForTesting(qint64 uid) { m_expectedUid = uid; }

Q_SIGNALS:
    /// A peer was turned away before reaching ApiServer (for logs and tests).
    void peerRefused(const QString &reason);

private:
    void onNewConnection();

    ApiServer &m_server;
    QLocalServer *m_listener = nullptr;
    QString m_path;
    std::optional<qint64> m_expectedUid;
};

} // namespace quill::api
