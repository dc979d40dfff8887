#pragma once

#include "requests/ActivityLog.h"
#include "requests/Clock.h"
#include "requests/PermissionStore.h"
#include "requests/RequestBroker.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QAbstractTableModel>

namespace quill::ui {

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
    QString addressAt(int row) const;

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
    GrantsModel(requests::PermissionStore &store, const requests::Clock &clock, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    requests::Grant grantAt(int row) const { return m_rows.value(row); }

private:
    void reload();
    requests::PermissionStore &m_store;
    const requests::Clock &m_clock;
    QList<requests::Grant> m_rows;
};

/// Apps that hold a session key: App, Account, Session key, Since.
class AppsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit AppsModel(vault::SessionKeyStore &keys, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    vault::SessionKeyInfo infoAt(int row) const { return m_rows.value(row); }

private:
    void reload();
    vault::SessionKeyStore &m_keys;
    QList<vault::SessionKeyInfo> m_rows;
};

/// The activity log, newest first: Time, App, Decision, Resources.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ActivityModel(requests::ActivityLog &log, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    requests::ActivityLog &m_log;
    QList<requests::ActivityEntry> m_rows;
};

/// "in 3 h 20 min", "in 45 s", "expired" — relative time for tables and the dialog.
QString describeRemaining(UnixMillis ms);

} // namespace quill::ui
