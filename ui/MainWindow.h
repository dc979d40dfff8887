#pragma once

#include "ApprovalDialog.h" // QPointer<ApprovalDialog> needs the complete type
#include "api/PairingStore.h"
#include "requests/RequestBroker.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QMenu;
class QSystemTrayIcon;
class QTableView;
class QTabWidget;
class QPushButton;

namespace quill::ui {

class AccountsModel;
class ExportKeystoreDialog;
class ImportWalletDialog;
class ActivityModel;
class AppNames;
class PairedAppsModel;
class AppsModel;

class GrantsModel;
class PendingModel;
class IdleLock;
class SettingsDialog;
struct AppSettings;

/// The services the window shows; all owned by the application.
struct Services
{
    vault::WalletVault &wallets;
    vault::SessionKeyStore &sessionKeys;
    requests::PermissionStore &permissions;
    requests::ActivityLog &activity;
    requests::RequestBroker &broker;
    const requests::Clock &clock;
    /// The data folder the stores live in: when set, the window shows what other processes
    /// (quill-cli, a second Quill) change there, within a second.
    QString dataDir = {};
    /// Paired apps (null: no local API, e.g. in tests of other views).
    api::PairingStore *pairings = nullptr;
    /// Ends an app's pairing (ApiServer::unpair: its connections lose it at once).
    std::function<void(const QString &appId, std::function<void(Status)> done)> unpair = {};
    /// Whether to make a tray icon; unset: if the desktop has a tray (tests force one).
    std::optional<bool> trayAvailable = {};
    /// The idle lock in front of approvals and removals (issue #11); null: none.
    IdleLock *idleLock = nullptr;
};

/// Quill's main window: Accounts, Requests, Sessions (remembered grants), Apps and
/// Activity tabs, a tray icon with the pending count, and an approval dialog raised for
/// each request that needs the user. Closing the window keeps Quill in the tray.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Services services, QWidget *parent = nullptr);

    /// Opens (or raises) the approval dialog for a pending request.
    ApprovalDialog *showApproval(quint64 id);
    ApprovalDialog *currentApproval() const { return m_dialog; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Opens (or raises) the Settings dialog: Quill → Settings… (Ctrl+,) and the tray.
    SettingsDialog *openSettings();

    /// Asked before an action that reveals or exports key material (Export keystore…) may go
    /// on; false stops it. Unset: allowed. The idle lock sets it (re-authentication).
    void setConfirmSensitive(std::function<bool()> confirm)
    {
        m_confirmSensitive = std::move(confirm);
    }
    /// Opens the Export keystore dialog for the selected account (after confirmSensitive);
    /// null if no account is selected or the action was not allowed.
    ExportKeystoreDialog *exportSelectedAccount();

Q_SIGNALS:
    /// Another process changed the data folder; the window's stores have re-read it.
    void dataFolderChanged();
    /// Settings were saved with OK (the theme and idle lock are already applied).
    void settingsApplied(const quill::ui::AppSettings &settings);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onReviewRequested(quint64 id);
    void updatePendingCount(int count);
    void revokeSelected(bool wholeApp);
    void removeSelectedAccount();
    void confirmRemoveAccount(const vault::Account &account);
    void reloadFromDisk();
    void unpairSelected();
    void fillRecentMenu();
    /// Enables `buttons` (and `actions`) only while a row of `view` is selected.
    void enableWithSelection(QTableView *view, std::initializer_list<QPushButton *> buttons,
                             std::initializer_list<QAction *> actions = {});
    /// A table with its buttons below; `empty` is shown instead while the table has no rows.
    QWidget *makeTab(QTableView *view, const QString &name,
                     std::initializer_list<QPushButton *> buttons, QWidget *empty);
    /// The Accounts tab without accounts: what Quill does, Create / Import.
    QWidget *makeWelcome();
    ImportWalletDialog *openImportDialog(int page);

    Services m_s;
    QTabWidget *m_tabs;
    AccountsModel *m_accounts;
    PendingModel *m_pending;
    GrantsModel *m_grants;
    AppNames *m_names;
    AppsModel *m_apps;
    PairedAppsModel *m_pairedApps = nullptr;
    QTableView *m_pairedAppsView = nullptr;
    ActivityModel *m_activity;
    QTableView *m_accountsView;
    QTableView *m_pendingView;
    QTableView *m_grantsView;
    QTableView *m_appsView;
    QSystemTrayIcon *m_tray = nullptr;
    static constexpr int kRecentInTray = 5;
    QMenu *m_recentMenu = nullptr;
    QAction *m_autostartAction = nullptr;
    QAction *m_exportAction = nullptr;
    std::function<bool()> m_confirmSensitive;
    QList<requests::ActivityEntry> m_recent;
    QPointer<ApprovalDialog> m_dialog;
    QPointer<SettingsDialog> m_settings;
    QList<quint64> m_queue;
};

} // namespace quill::ui
