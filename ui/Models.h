#pragma once

#include "api/PairingStore.h"
#include "requests/ActivityLog.h"
#include "requests/Clock.h"
#include "requests/PermissionStore.h"
#include "requests/RequestBroker.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QAbstractTableModel>
#include <QHash>

namespace quill::ui {

/// The names the user accepted for apps when pairing them, by app id; kept after an app is
/// unpaired so the log and the lists never fall back to an id.
class AppNames : public QObject
{
    Q_OBJECT
public:
    /// `pairings` may be null (then only names seen in the activity log are known).
    AppNames(api::PairingStore *pairings, requests::ActivityLog &log, QObject *parent = nullptr);
    /// The accepted name; an unknown id reads "App 4cb4b5a7…".
    QString nameOf(const QString &appId) const;

Q_SIGNALS:
    void changed();

private:
    void notePairings();
    api::PairingStore *m_pairings;
    QHash<QString, QString> m_names;
};

/// Accounts of the wallet vault: Label, Address, Source, Added.
class AccountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit AccountsModel(vault::WalletVault &vault, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// The Label column is editable: setData renames the account in the vault.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QString addressAt(int row) const;
    vault::Account accountAt(int row) const;
    static constexpr int kLabelColumn = 0;

Q_SIGNALS:
    /// A rename was refused: why, in words for the status bar.
    void renameFailed(const QString &message);

private:
    void reload();
    vault::WalletVault &m_vault;
    QList<vault::Account> m_rows;
};

/// Requests waiting for the user: App, Asks for, Time left.
class PendingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    PendingModel(requests::RequestBroker &broker, const requests::Clock &clock, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    quint64 idAt(int row) const;

private:
    void reload();
    requests::RequestBroker &m_broker;
    const requests::Clock &m_clock;
    QList<quint64> m_ids;
};

/// Remembered grants ("sessions"): App, Account, Allows, Expires.
class GrantsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    GrantsModel(requests::PermissionStore &store, const AppNames &names, const requests::Clock &clock,
                QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    requests::Grant grantAt(int row) const { return m_rows.value(row); }

private:
    void reload();
    requests::PermissionStore &m_store;
    const AppNames &m_names;
    const requests::Clock &m_clock;
    QList<requests::Grant> m_rows;
};

/// Apps that hold a session key: App, Account, Session key, Since.
class AppsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    AppsModel(vault::SessionKeyStore &keys, const AppNames &names, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    vault::SessionKeyInfo infoAt(int row) const { return m_rows.value(row); }

private:
    void reload();
    vault::SessionKeyStore &m_keys;
    const AppNames &m_names;
    QList<vault::SessionKeyInfo> m_rows;
};

/// Paired apps: App, Connects as (facts), Permissions, Last used.
class PairedAppsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    PairedAppsModel(api::PairingStore &pairings, requests::PermissionStore &grants, vault::SessionKeyStore &keys,
                    requests::ActivityLog &log, const requests::Clock &clock, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    api::PairedApp appAt(int row) const { return m_rows.value(row); }

private:
    void reload();
    api::PairingStore &m_pairings;
    requests::PermissionStore &m_grants;
    vault::SessionKeyStore &m_keys;
    const requests::Clock &m_clock;
    QList<api::PairedApp> m_rows;
    QHash<QString, UnixMillis> m_lastUsed; ///< from the activity log, kept current by appended()
};

/// The activity log, newest first: Time, App, Account, Decision, Resources. Appends are
/// inserted as one row (O(1) per request); the view keeps the newest kMaxRows.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 500;
    ActivityModel(requests::ActivityLog &log, const AppNames &names, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void prepend(const requests::ActivityEntry &entry);
    requests::ActivityLog &m_log;
    const AppNames &m_names;
    QList<requests::ActivityEntry> m_rows;
};

/// "in 3 h 20 min", "in 45 s", "expired" — relative time for tables and the dialog.
QString describeRemaining(UnixMillis ms);

/// An activity log decision ("approved", "revoked" …, stored in English) in the user's language.
QString decisionText(const QString &decision);

} // namespace quill::ui
