#include "requests/ActivityLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    : QObject(parent), m_path(dataDir + QStringLiteral("/activity.jsonl")), m_maxBytes(maxBytes)
{
}

Status ActivityLog::append(const ActivityEntry &entry)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QByteArray line = toLine(entry);
    if (QFileInfo(m_path).size() + line.size() > m_maxBytes && QFile::exists(m_path)) {
        QFile::remove(m_path + QStringLiteral(".1"));
        if (!QFile::rename(m_path, m_path + QStringLiteral(".1")))
            return Error{ErrorCode::StorageFailure, QStringLiteral("cannot rotate %1").arg(m_path)};
    }
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(line) != line.size() || !f.flush())
        return Error{ErrorCode::StorageFailure, QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.close(); // readers (the Activity view) react to the signal: the line must be on disk
    Q_EMIT appended(entry);
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
