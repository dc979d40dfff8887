#include "requests/PermissionStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace quill::requests {

PermissionStore::PermissionStore(const QString &dataDir, QObject *parent)
    : QObject(parent), m_index(dataDir + QStringLiteral("/grants.json"), QStringLiteral("grants"))
{
}

Status PermissionStore::load()
{
    m_grants.clear();
    auto records = m_index.read();
    if (!records)
        return records.error();
    for (const auto &v : *records) {
        const auto o = v.toObject();
        Grant g;
        g.appId = o.value(QStringLiteral("app")).toString();
        g.account = o.value(QStringLiteral("account")).toString();
        auto expires = parseRfc3339(o.value(QStringLiteral("expiresAt")).toString().toStdString());
        auto created = parseRfc3339(o.value(QStringLiteral("createdAt")).toString().toStdString());
        if (g.appId.isEmpty() || g.account.isEmpty() || !expires || !created)
            return Error{ErrorCode::IndexCorrupt, m_index.path()};
        g.expiresAt = *expires;
        g.createdAt = *created;
        for (const auto &c : o.value(QStringLiteral("capabilities")).toArray()) {
            const auto pair = c.toArray();
            if (pair.size() != 2)
                return Error{ErrorCode::IndexCorrupt, m_index.path()};
            g.capabilities.insert({pair[0].toString().toStdString(), pair[1].toString().toStdString()});
        }
        m_grants.push_back(g);
    }
    return okStatus();
}

Status PermissionStore::save()
{
    QJsonArray list;
    for (const auto &g : m_grants) {
        QJsonArray caps;
        for (const auto &[resource, ability] : g.capabilities)
            caps.append(QJsonArray{QString::fromStdString(resource), QString::fromStdString(ability)});
        QJsonObject o;
        o.insert(QStringLiteral("app"), g.appId);
        o.insert(QStringLiteral("account"), g.account);
        o.insert(QStringLiteral("capabilities"), caps);
        o.insert(QStringLiteral("expiresAt"), QString::fromStdString(formatIso(g.expiresAt)));
        o.insert(QStringLiteral("createdAt"), QString::fromStdString(formatIso(g.createdAt)));
        list.append(o);
    }
    auto st = m_index.write(list);
    if (st)
        Q_EMIT grantsChanged();
    return st;
}

Status PermissionStore::remember(Grant grant)
{
    for (qsizetype i = m_grants.size() - 1; i >= 0; --i)
        if (m_grants[i].appId == grant.appId && m_grants[i].account.compare(grant.account, Qt::CaseInsensitive) == 0)
            m_grants.removeAt(i);
    m_grants.push_back(std::move(grant));
    return save();
}

std::optional<Grant> PermissionStore::covering(const QString &appId, const lit::SessionRequest &request,
                                               UnixMillis requestExpiration, UnixMillis now) const
{
    for (const auto &g : m_grants) {
        if (g.appId != appId || g.expiresAt <= now || requestExpiration > g.expiresAt)
            continue;
        bool all = true;
        for (const auto &r : request.resourceAbilityRequests)
            all = all && g.capabilities.count({r.key(), std::string(lit::toString(r.ability))}) != 0;
        if (all)
            return g;
    }
    return std::nullopt;
}

Status PermissionStore::revoke(const QString &appId, const QString &account)
{
    const auto before = m_grants.size();
    m_grants.erase(std::remove_if(m_grants.begin(), m_grants.end(),
                                  [&](const Grant &g) {
                                      return g.appId == appId &&
                                             (account.isEmpty() || g.account.compare(account, Qt::CaseInsensitive) == 0);
                                  }),
                   m_grants.end());
    return m_grants.size() == before ? okStatus() : save();
}

Status PermissionStore::prune(UnixMillis now)
{
    const auto before = m_grants.size();
    m_grants.erase(std::remove_if(m_grants.begin(), m_grants.end(), [&](const Grant &g) { return g.expiresAt <= now; }),
                   m_grants.end());
    return m_grants.size() == before ? okStatus() : save();
}

} // namespace quill::requests
