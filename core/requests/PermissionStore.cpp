#include "requests/PermissionStore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace quill::requests {

namespace {

QString keyOf(const QString &appId, const QString &account)
{
    return appId + QLatin1Char(':') + account.toLower();
}

std::optional<Grant> grantFrom(const QJsonObject &o)
{
    Grant g;
    g.appId = o.value(QStringLiteral("app")).toString();
    g.account = o.value(QStringLiteral("account")).toString();
    auto expires = parseRfc3339(o.value(QStringLiteral("expiresAt")).toString().toStdString());
    auto created = parseRfc3339(o.value(QStringLiteral("createdAt")).toString().toStdString());
    if (g.appId.isEmpty() || g.account.isEmpty() || !expires || !created)
        return std::nullopt;
    g.expiresAt = *expires;
    g.createdAt = *created;
    for (const auto &c : o.value(QStringLiteral("capabilities")).toArray()) {
        const auto pair = c.toArray();
        if (pair.size() != 2)
            return std::nullopt;
        g.capabilities.insert({pair[0].toString().toStdString(), pair[1].toString().toStdString()});
    }
    return g;
}

QJsonObject toJson(const Grant &g)
{
    QJsonArray caps;
    for (const auto &[resource, ability] : g.capabilities)
        caps.append(QJsonArray{QString::fromStdString(resource), QString::fromStdString(ability)});
    QJsonObject o;
    o.insert(QStringLiteral("app"), g.appId);
    o.insert(QStringLiteral("account"), g.account);
    o.insert(QStringLiteral("capabilities"), caps);
    o.insert(QStringLiteral("expiresAt"), QString::fromStdString(formatIso(g.expiresAt)));
    o.insert(QStringLiteral("createdAt"), QString::fromStdString(formatIso(g.createdAt)));
    return o;
}

} // namespace

PermissionStore::PermissionStore(const QString &dataDir, QObject *parent)
    : QObject(parent),
      m_index(dataDir,
              {QStringLiteral("grants.json"),
               QStringLiteral("grants"),
               [](const QJsonObject &o) -> std::optional<QString> {
                   const auto g = grantFrom(o);
                   return g ? std::optional<QString>(keyOf(g->appId, g->account)) : std::nullopt;
               },
               {}},
              nullptr)
{
    connect(&m_index, &vault::JournaledIndex::changed, this, &PermissionStore::onIndexChanged);
}

void PermissionStore::onIndexChanged()
{
    if (m_index.decodeReady(m_grants, grantFrom))
        Q_EMIT grantsChanged();
}

Status PermissionStore::remember(Grant grant)
{
    const QString key = keyOf(grant.appId, grant.account);
    return m_index.update([&](QList<vault::Record> &records) {
        records.removeIf([&](const vault::Record &r) { return r.key == key; });
        records.push_back(
            vault::Record{key, toJson(grant), vault::RecordState::Ready, std::nullopt});
        return okStatus();
    });
}

std::optional<Grant> PermissionStore::covering(const QString &appId,
                                               const lit::SessionRequest &request, UnixMillis now,
                                               const QString &account) const
{
    for (const auto &g : m_grants) {
        if (g.appId != appId || g.expiresAt <= now)
            continue;
        if (!account.isEmpty() && g.account.compare(account, Qt::CaseInsensitive) != 0)
            continue;
        const bool all = std::all_of(
            request.resourceAbilityRequests.begin(), request.resourceAbilityRequests.end(),
            [&](const lit::ResourceAbilityRequest &r) {
                const std::string ability(lit::toString(r.ability));
                return g.capabilities.count({r.key(), ability}) != 0 ||
                       g.capabilities.count({lit::resourceKey(r.prefix, "*"), ability}) != 0;
            });
        if (all)
            return g;
    }
    return std::nullopt;
}

Status PermissionStore::revoke(const QString &appId, const QString &account)
{
    return m_index.update([&](QList<vault::Record> &records) {
        records.removeIf([&](const vault::Record &r) {
            const auto g = grantFrom(r.data);
            return g && g->appId == appId &&
                   (account.isEmpty() || g->account.compare(account, Qt::CaseInsensitive) == 0);
        });
        return okStatus();
    });
}

Status PermissionStore::prune(UnixMillis now)
{
    return m_index.update([&](QList<vault::Record> &records) {
        records.removeIf([&](const vault::Record &r) {
            const auto g = grantFrom(r.data);
            return g && g->expiresAt <= now;
        });
        return okStatus();
    });
}

} // namespace quill::requests
