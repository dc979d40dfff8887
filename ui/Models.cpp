#include "Models.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>

namespace quill::ui {

namespace {

QVariant header(const QStringList &names, int section, Qt::Orientation orientation, int role)
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names[section];
}

bool invalid(const QModelIndex &index, int rows, int columns)
{
    return !index.isValid() || index.row() >= rows || index.column() >= columns;
}

QString localTime(UnixMillis t)
{
    return QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString decisionText(const QString &decision)
{
    // The log keeps these words in English (other processes and the CLI read it).
    static const char *const kDecisions[] = {QT_TRANSLATE_NOOP("quill::ui::Activity", "approved"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "remembered"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "rejected"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "expired"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "cancelled"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "failed"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "refused"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "revoked"),
                                             QT_TRANSLATE_NOOP("quill::ui::Activity", "unpaired")};
    for (const char *known : kDecisions)
        if (decision == QLatin1String(known))
            return QCoreApplication::translate("quill::ui::Activity", known);
    return decision;
}

QString describeRemaining(UnixMillis ms)
{
    if (ms <= 0)
        return QObject::tr("expired");
    const qint64 s = ms / 1000;
    if (s < 60)
        return QObject::tr("in %1 s").arg(s);
    if (s < 3600)
        return QObject::tr("in %1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < qint64(2) * 86400)
        return QObject::tr("in %1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    return QObject::tr("in %1 days").arg(s / 86400);
}

// ---- AppNames

AppNames::AppNames(api::PairingStore *pairings, requests::ActivityLog &log, QObject *parent)
    : QObject(parent), m_pairings(pairings)
{
    for (const auto &e : log.recent(ActivityModel::kMaxRows))
        if (!e.appName.isEmpty() && !m_names.contains(e.appId))
            m_names.insert(e.appId, e.appName);
    if (m_pairings) {
        notePairings();
        connect(m_pairings, &api::PairingStore::appsChanged, this, &AppNames::notePairings);
    }
}

void AppNames::notePairings()
{
    for (const auto &a : m_pairings->apps())
        m_names.insert(a.appId, a.name);
    Q_EMIT changed();
}

QString AppNames::nameOf(const QString &appId) const
{
    const auto name = m_names.value(appId);
    return name.isEmpty() ? tr("App %1…").arg(appId.left(8)) : name;
}

// ---- AccountsModel

AccountsModel::AccountsModel(vault::WalletVault &vault, QObject *parent) : QAbstractTableModel(parent), m_vault(vault)
{
    connect(&vault, &vault::WalletVault::accountsChanged, this, &AccountsModel::reload);
    m_rows = vault.accounts();
}

void AccountsModel::reload()
{
    auto rows = m_vault.accounts();
    const bool sameAccounts = std::equal(
        rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
        [](const vault::Account &a, const vault::Account &b) { return a.address == b.address; });
    if (sameAccounts && !rows.isEmpty()) {
        // A rename: keep the selection and any open editor.
        m_rows = std::move(rows);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int AccountsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int AccountsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 4; }

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole))
        return {};
    const auto &a = m_rows[index.row()];
    if (role == Qt::EditRole)
        return index.column() == kLabelColumn ? QVariant(a.label) : QVariant();
    switch (index.column()) {
    case 0: return a.label;
    case 1: return a.address;
    case 2: {
        // The stored names (vault::toString) are identifiers; these are for people.
        QString source;
        switch (a.source) {
        case vault::AccountSource::PrivateKey:
            source = tr("private-key");
            break;
        case vault::AccountSource::Mnemonic:
            source = tr("mnemonic");
            break;
        case vault::AccountSource::Keystore:
            source = tr("keystore");
            break;
        case vault::AccountSource::Created:
            source = tr("created");
            break;
        }
        return a.derivationPath.isEmpty()
                   ? source
                   : QString(source + QStringLiteral(" ") + a.derivationPath);
    }
    case 3: return a.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return {};
}

QVariant AccountsModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Label"), tr("Address"), tr("Source"), tr("Added")}, section, o, role);
}

Qt::ItemFlags AccountsModel::flags(const QModelIndex &index) const
{
    auto f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == kLabelColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool AccountsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || invalid(index, rowCount(), columnCount()) ||
        index.column() != kLabelColumn)
        return false;
    const QString label = value.toString();
    if (label.trimmed() == m_rows[index.row()].label)
        return false;
    // The vault re-reads the index and emits accountsChanged, which reloads the rows.
    if (auto st = m_vault.rename(m_rows[index.row()].address, label); !st) {
        Q_EMIT renameFailed(describeTranslated(st.error()));
        return false;
    }
    return true;
}

vault::Account AccountsModel::accountAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : vault::Account{};
}

QString AccountsModel::addressAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].address : QString(); }

// ---- PendingModel

PendingModel::PendingModel(requests::RequestBroker &broker, const requests::Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_broker(broker), m_clock(clock)
{
    connect(&broker, &requests::RequestBroker::pendingCountChanged, this, &PendingModel::reload);
    m_ids = broker.pendingIds();
}

void PendingModel::reload()
{
    beginResetModel();
    m_ids = m_broker.pendingIds();
    endResetModel();
}

int PendingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_ids.size()); }
int PendingModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 3; }

QVariant PendingModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) || role != Qt::DisplayRole)
        return {};
    const auto *p = m_broker.pending(m_ids[index.row()]);
    if (!p)
        return {};
    switch (index.column()) {
    case 0: return p->incoming.app.claimedName.isEmpty() ? p->incoming.app.appId : p->incoming.app.claimedName;
    case 1: {
        if (p->incoming.kind == requests::RequestKind::ChainSecured)
            return requests::describePurpose(p->incoming.chainSecuredPurpose);
        QStringList what;
        for (const auto &r : p->incoming.request.resourceAbilityRequests)
            what << requests::describeCapability(r);
        return what.join(QStringLiteral("; "));
    }
    case 2: return p->executing ? tr("signing…") : describeRemaining(p->deadline - m_clock.now());
    }
    return {};
}

QVariant PendingModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("App"), tr("Asks for"), tr("Answer needed")}, section, o, role);
}

quint64 PendingModel::idAt(int row) const { return row >= 0 && row < m_ids.size() ? m_ids[row] : 0; }

// ---- GrantsModel

GrantsModel::GrantsModel(requests::PermissionStore &store, const AppNames &names, const requests::Clock &clock,
                         QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_names(names), m_clock(clock)
{
    connect(&store, &requests::PermissionStore::grantsChanged, this, &GrantsModel::reload);
    connect(&names, &AppNames::changed, this, &GrantsModel::reload);
    m_rows = store.grants();
}

void GrantsModel::reload()
{
    beginResetModel();
    m_rows = m_store.grants();
    endResetModel();
}

int GrantsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int GrantsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 4; }

QVariant GrantsModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) || role != Qt::DisplayRole)
        return {};
    const auto &g = m_rows[index.row()];
    switch (index.column()) {
    case 0: return m_names.nameOf(g.appId);
    case 1: return g.account;
    case 2: {
        QStringList what;
        for (const auto &[resource, ability] : g.capabilities) {
            const auto sep = resource.find("://");
            const auto prefix = lit::parseResourcePrefix(resource.substr(0, sep));
            const auto lit = lit::parseAbility(ability);
            if (prefix && lit && sep != std::string::npos)
                what << requests::describeCapability({*prefix, resource.substr(sep + 3), *lit, std::nullopt});
            else
                what << tr("%1 on %2")
                            .arg(QString::fromStdString(ability), QString::fromStdString(resource));
        }
        return what.join(QStringLiteral("; "));
    }
    case 3: return QString(describeRemaining(g.expiresAt - m_clock.now()) + QStringLiteral(" (") + localTime(g.expiresAt) + QLatin1Char(')'));
    }
    return {};
}

QVariant GrantsModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("App"), tr("Account"), tr("Allows"), tr("Expires")}, section, o, role);
}

// ---- AppsModel

AppsModel::AppsModel(vault::SessionKeyStore &keys, const AppNames &names, QObject *parent)
    : QAbstractTableModel(parent), m_keys(keys), m_names(names)
{
    connect(&keys, &vault::SessionKeyStore::keysChanged, this, &AppsModel::reload);
    connect(&names, &AppNames::changed, this, &AppsModel::reload);
    m_rows = keys.list();
}

void AppsModel::reload()
{
    beginResetModel();
    m_rows = m_keys.list();
    endResetModel();
}

int AppsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int AppsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 4; }

QVariant AppsModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) || role != Qt::DisplayRole)
        return {};
    const auto &k = m_rows[index.row()];
    switch (index.column()) {
    case 0: return m_names.nameOf(k.appId);
    case 1: return k.address;
    case 2: return QString(k.publicKey.left(16) + QStringLiteral("…"));
    case 3: return k.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return {};
}

QVariant AppsModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("App"), tr("Account"), tr("Session key"), tr("Since")}, section, o, role);
}

// ---- PairedAppsModel

PairedAppsModel::PairedAppsModel(api::PairingStore &pairings, requests::PermissionStore &grants,
                                 vault::SessionKeyStore &keys, requests::ActivityLog &log,
                                 const requests::Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_pairings(pairings), m_grants(grants), m_keys(keys), m_clock(clock)
{
    for (const auto &e : log.recent(ActivityModel::kMaxRows))
        if (!m_lastUsed.contains(e.appId))
            m_lastUsed.insert(e.appId, e.time);
    connect(&pairings, &api::PairingStore::appsChanged, this, &PairedAppsModel::reload);
    connect(&grants, &requests::PermissionStore::grantsChanged, this, &PairedAppsModel::reload);
    connect(&keys, &vault::SessionKeyStore::keysChanged, this, &PairedAppsModel::reload);
    connect(&log, &requests::ActivityLog::appended, this, [this](const requests::ActivityEntry &e) {
        m_lastUsed.insert(e.appId, e.time);
        for (int r = 0; r < m_rows.size(); ++r)
            if (m_rows[r].appId == e.appId)
                Q_EMIT dataChanged(index(r, 3), index(r, 3));
    });
    m_rows = pairings.apps();
}

void PairedAppsModel::reload()
{
    beginResetModel();
    m_rows = m_pairings.apps();
    endResetModel();
}

int PairedAppsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int PairedAppsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 4; }

QVariant PairedAppsModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const auto &a = m_rows[index.row()];
    switch (index.column()) {
    case 0:
        return role == Qt::ToolTipRole && a.claimedName != a.name ? tr("Called itself “%1” when it paired").arg(a.claimedName)
                                                                  : QVariant(a.name);
    case 1: {
        QStringList facts{a.transport == api::Transport::WebSocket ? tr("loopback WebSocket") : tr("local socket")};
        if (!a.origin.isEmpty())
            facts << tr("Origin %1 (set by browsers; any local program can claim one)").arg(a.origin);
        if (!a.executable.isEmpty())
            facts << a.executable;
        return facts.join(QStringLiteral(" · "));
    }
    case 2: {
        int grants = 0;
        for (const auto &g : m_grants.grants())
            grants += g.appId == a.appId && g.expiresAt > m_clock.now() ? 1 : 0;
        int keys = 0;
        for (const auto &k : m_keys.list())
            keys += k.appId == a.appId ? 1 : 0;
        return QString(tr("%n remembered session(s)", nullptr, grants) + QStringLiteral(", ") +
                       tr("%n session key(s)", nullptr, keys));
    }
    case 3: {
        const auto t = m_lastUsed.value(a.appId, a.pairedAt);
        return t > 0 ? localTime(t) : QString();
    }
    }
    return {};
}

QVariant PairedAppsModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("App"), tr("Connects as"), tr("Permissions"), tr("Last used")}, section, o, role);
}

// ---- ActivityModel

ActivityModel::ActivityModel(requests::ActivityLog &log, const AppNames &names, QObject *parent)
    : QAbstractTableModel(parent), m_log(log), m_names(names)
{
    connect(&log, &requests::ActivityLog::appended, this, &ActivityModel::prepend);
    connect(&log, &requests::ActivityLog::changedElsewhere, this, &ActivityModel::reload);
    m_rows = log.recent(kMaxRows);
}

void ActivityModel::reload()
{
    beginResetModel();
    m_rows = m_log.recent(kMaxRows);
    endResetModel();
}

void ActivityModel::prepend(const requests::ActivityEntry &entry)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        endRemoveRows();
    }
}

int ActivityModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ActivityModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 5; }

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (invalid(index, rowCount(), columnCount()) || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const auto &e = m_rows[index.row()];
    switch (index.column()) {
    case 0: return localTime(e.time);
    case 1: return e.appName.isEmpty() ? m_names.nameOf(e.appId) : e.appName;
    case 2: return e.account;
    case 3: {
        QString text = decisionText(e.decision);
        if (auto until = parseRfc3339(e.expiration.toStdString()); until.ok())
            text += tr(" · until %1").arg(localTime(*until));
        if (!e.error.isEmpty())
            text += QStringLiteral(" · ") + e.error;
        return text;
    }
    case 4: return e.resources.join(QStringLiteral("; "));
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Time"), tr("App"), tr("Account"), tr("Decision"), tr("Resources")}, section, o, role);
}

} // namespace quill::ui
