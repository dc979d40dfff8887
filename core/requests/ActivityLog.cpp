#include "requests/ActivityLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "vault/JournaledIndex.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace quill::requests {

namespace {

QByteArray toLine(const ActivityEntry &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), QString::fromStdString(formatIso(e.time)));
    o.insert(QStringLiteral("app"), e.appId);
    o.insert(QStringLiteral("appName"), e.appName);
    o.insert(QStringLiteral("account"), e.account);
    o.insert(QStringLiteral("kind"), e.kind);
    o.insert(QStringLiteral("resources"), QJsonArray::fromStringList(e.resources));
    if (!e.expiration.isEmpty())
        o.insert(QStringLiteral("expiration"), e.expiration);
    o.insert(QStringLiteral("decision"), e.decision);
    o.insert(QStringLiteral("auto"), e.automatic);
    if (!e.error.isEmpty())
        o.insert(QStringLiteral("error"), e.error);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool fromLine(const QByteArray &line, ActivityEntry &e)
{
    const auto doc = QJsonDocument::fromJson(line);
    if (!doc.isObject())
        return false;
    const auto o = doc.object();
    auto t = parseRfc3339(o.value(QStringLiteral("time")).toString().toStdString());
    if (!t)
        return false;
    e.time = *t;
    e.appId = o.value(QStringLiteral("app")).toString();
    e.appName = o.value(QStringLiteral("appName")).toString();
    e.account = o.value(QStringLiteral("account")).toString();
    e.kind = o.value(QStringLiteral("kind")).toString();
    for (const auto &r : o.value(QStringLiteral("resources")).toArray())
        e.resources.push_back(r.toString());
    e.expiration = o.value(QStringLiteral("expiration")).toString();
    e.decision = o.value(QStringLiteral("decision")).toString();
    e.automatic = o.value(QStringLiteral("auto")).toBool();
    e.error = o.value(QStringLiteral("error")).toString();
    return true;
}

void readInto(const QString &path, QList<ActivityEntry> &out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    while (!f.atEnd()) {
        ActivityEntry e;
        if (fromLine(f.readLine(), e)) // a torn last line (crash mid-write) is skipped
            out.push_back(e);
    }
}

} // namespace

ActivityLog::ActivityLog(const QString &dataDir, qint64 maxBytes, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_path(dataDir + QStringLiteral("/activity.jsonl")),
      m_maxBytes(maxBytes)
{
    m_seen = fingerprint();
}

QString ActivityLog::fingerprint() const
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return {};
    return QStringLiteral("%1:%2").arg(st.st_ino).arg(st.st_size);
}

void ActivityLog::refresh()
{
    const QString now = fingerprint();
    if (now == m_seen)
        return;
    m_seen = now;
    Q_EMIT changedElsewhere();
}

Status ActivityLog::append(const ActivityEntry &entry)
{
    const QByteArray line = toLine(entry);
    {
        vault::DataFolderLock lock(m_dataDir);
        if (!lock.status())
            return lock.status();
        const QByteArray path = QFile::encodeName(m_path);
        struct stat st
        {
        };
        if (::stat(path.constData(), &st) == 0 && st.st_size + line.size() > m_maxBytes) {
            const QByteArray old = QFile::encodeName(m_path + QStringLiteral(".1"));
            if (::rename(path.constData(), old.constData()) != 0)
                return Error{ErrorCode::StorageFailure,
                             QStringLiteral("cannot rotate %1").arg(m_path)};
        }
        const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error{
                ErrorCode::StorageFailure,
                QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
        ssize_t written = -1;
        do
            written = ::write(fd, line.constData(), size_t(line.size()));
        while (written < 0 && errno == EINTR);
        const int saved = errno;
        ::close(fd);
        if (written != line.size())
            return Error{ErrorCode::StorageFailure,
                         QStringLiteral("%1: %2").arg(
                             m_path, written < 0 ? QString::fromLocal8Bit(std::strerror(saved))
                                                 : QStringLiteral("short write"))};
        m_seen = fingerprint();
    }
    Q_EMIT appended(entry); // readers (the Activity view) may read at once: the line is on disk
    return okStatus();
}

QList<ActivityEntry> ActivityLog::recent(int limit) const
{
    QList<ActivityEntry> all;
    readInto(m_path + QStringLiteral(".1"), all);
    readInto(m_path, all);
    QList<ActivityEntry> out;
    for (qsizetype i = all.size() - 1; i >= 0 && out.size() < limit; --i)
        out.push_back(all[i]);
    return out;
}

} // namespace quill::requests
