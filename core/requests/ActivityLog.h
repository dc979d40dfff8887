#pragma once

#include "common/Result.h"
#include "common/Time.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace quill::requests {

/// One request and what became of it. Never holds a secret.
struct ActivityEntry
{
    UnixMillis time = 0;
    QString appId;
    QString appName;
    QString account;
    QString kind;          ///< "session-sigs" or "auth-sig"
    QStringList resources; ///< "<resource key> <ability>"
    QString expiration;    ///< the signed SIWE's expiry (ISO), or the grant's end for revocations
    /// "approved", "remembered" (answered from a grant without a prompt), "rejected",
    /// "refused" (could never be signed; `error` says why), "expired", "cancelled",
    /// "failed", "revoked", "unpaired"
    QString decision;
    bool automatic = false; ///< answered from a remembered grant
    QString error;
};

/// Append-only JSON lines (activity.jsonl) in the data folder, shared by every Quill
/// process: each entry is one write() of a whole line to an O_APPEND descriptor, under the
/// data folder's lock, so lines from several processes never interleave. When the file
/// passes `maxBytes` it is rotated to activity.jsonl.1 (one generation kept), under the
/// same lock.
class ActivityLog : public QObject
{
    Q_OBJECT
public:
    ActivityLog(const QString &dataDir, qint64 maxBytes = 1 << 20, QObject *parent = nullptr);

    [[nodiscard]] Status append(const ActivityEntry &entry);
    /// The newest `limit` entries, newest first (both generations).
    QList<ActivityEntry> recent(int limit = 200) const;
    QString path() const { return m_path; }
    /// Emits changedElsewhere() if another process appended or rotated since the last look.
    void refresh();

Q_SIGNALS:
    void appended(const quill::requests::ActivityEntry &entry);
    /// Another process wrote the log: re-read recent().
    void changedElsewhere();

private:
    QString fingerprint() const;

    QString m_dataDir;
    QString m_path;
    qint64 m_maxBytes;
    QString m_seen; ///< fingerprint (inode, size) after our last look or write
};

} // namespace quill::requests
