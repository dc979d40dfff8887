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
    QString kind;         ///< "session-sigs" or "auth-sig"
    QStringList resources; ///< "<resource key> <ability>"
    QString decision;     ///< "approved", "rejected", "expired", "cancelled", "failed"
    bool automatic = false; ///< answered from a remembered grant
    QString error;
};

/// Append-only JSON lines (activity.jsonl) in the data folder; when the file passes
/// `maxBytes` it is rotated to activity.jsonl.1 (one generation kept).
class ActivityLog : public QObject
{
    Q_OBJECT
public:
    ActivityLog(const QString &dataDir, qint64 maxBytes = 1 << 20, QObject *parent = nullptr);

    [[nodiscard]] Status append(const ActivityEntry &entry);
    /// The newest `limit` entries, newest first (both generations).
    QList<ActivityEntry> recent(int limit = 200) const;
    QString path() const { return m_path; }

Q_SIGNALS:
    void appended(const quill::requests::ActivityEntry &entry);

private:
    QString m_path;
    qint64 m_maxBytes;
};

} // namespace quill::requests
