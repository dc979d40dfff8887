#pragma once

#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLockFile;

namespace quill::app {

/// One Quill per user (issue 11). The first `quill` holds a lock file and listens on a
/// user-only socket next to the API socket; a later `quill` hands its arguments over there
/// (one line: a JSON array of strings, answered "ok") and exits 0, and the first one emits
/// argumentsReceived() to raise its window.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        Primary,  ///< this process is Quill: it listens for later starts
        Secondary ///< the arguments reached the running Quill: exit 0
    };

    /// `socketPath`: e.g. defaultPath(); its lock file is `socketPath` + ".lock".
    explicit SingleInstance(const QString &socketPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// $XDG_RUNTIME_DIR/quill/instance.sock, beside the API's quill.sock.
    static QString defaultPath();

    /// Becomes the primary instance, or hands `arguments` to the running one (waiting up to
    /// `timeoutMs` for it to answer: it may be starting). Blocks for at most that long; call
    /// before the event loop. Returns: the role, or Io (the directory is unusable, the socket
    /// cannot be bound, or the running Quill holds the lock but did not answer).
    [[nodiscard]] Result<Role> start(const QStringList &arguments, int timeoutMs = 5000);

Q_SIGNALS:
    /// A later `quill` was started with these arguments (its argv without the program).
    void argumentsReceived(const QStringList &arguments);

private:
    [[nodiscard]] Status listen();
    [[nodiscard]] Status handOver(const QStringList &arguments, int timeoutMs);
    void onNewConnection();

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace quill::app
