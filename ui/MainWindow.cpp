#include "MainWindow.h"

#include "AppSettings.h"
#include "ApprovalDialog.h"
#include "Autostart.h"
#include "ExportKeystoreDialog.h"
#include "IdleLock.h"
#include "ImportWalletDialog.h"
#include "Models.h"
#include "RemoveAccountDialog.h"
#include "SettingsDialog.h"

#include "vault/DataFolderWatcher.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

// The resources live in the static quill_ui library: register them explicitly.
static void initResources() { Q_INIT_RESOURCE(quill); }

namespace quill::ui {

namespace {

QPushButton *button(const QString &text, const char *objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(objectName));
    b->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    return b;
}

/// A read-only row-selecting table; `stretch` is the column that takes the spare width.
QTableView *tableView(QAbstractItemModel *model, const char *objectName, const QString &accessibleName, int stretch,
                      QWidget *parent)
{
    auto *v = new QTableView(parent);
    v->setObjectName(QString::fromLatin1(objectName));
    v->setAccessibleName(accessibleName);
    v->setModel(model);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    v->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    v->setWordWrap(false);
    v->setTextElideMode(Qt::ElideMiddle);
    v->setAlternatingRowColors(true);
    v->setTabKeyNavigation(false);
    return v;
}

/// What an empty table will show and how it fills (issue 11: no bare empty tables).
QLabel *emptyState(const QString &text, const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setAccessibleName(text);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

int selectedRow(QTableView *v)
{
    const auto rows = v->selectionModel() ? v->selectionModel()->selectedRows() : QModelIndexList();
    if (!rows.isEmpty())
        return rows.first().row();
    return v->currentIndex().isValid() ? v->currentIndex().row() : -1;
}

} // namespace

MainWindow::MainWindow(Services services, QWidget *parent) : QMainWindow(parent), m_s(services)
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Quill"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/quill.svg")));
    resize(980, 560);

    m_accounts = new AccountsModel(m_s.wallets, this);
    m_pending = new PendingModel(m_s.broker, m_s.clock, this);
    m_names = new AppNames(m_s.pairings, m_s.activity, this);
    m_grants = new GrantsModel(m_s.permissions, *m_names, m_s.clock, this);
    m_apps = new AppsModel(m_s.sessionKeys, *m_names, this);
    m_activity = new ActivityModel(m_s.activity, *m_names, this);
    if (!m_s.dataDir.isEmpty()) {
        auto *watcher = new vault::DataFolderWatcher(m_s.dataDir, {QStringLiteral("activity.jsonl")}, this);
        connect(watcher, &vault::DataFolderWatcher::changed, this, &MainWindow::reloadFromDisk);
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Sections"));

    m_accountsView = tableView(m_accounts, "accountsView", tr("Accounts"), 1, this);
    // Rename in place: F2 or a double-click on the label, or the Rename button.
    m_accountsView->setEditTriggers(QAbstractItemView::EditKeyPressed |
                                    QAbstractItemView::DoubleClicked);
    connect(m_accounts, &AccountsModel::renameFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Not renamed: %1").arg(message), 8000);
    });
    auto *importButton = button(tr("&Add account…"), "addAccountButton", this);
    auto *renameButton = button(tr("Re&name"), "renameAccountButton", this);
    renameButton->setToolTip(tr("Change the selected account's label (F2)"));
    auto *removeButton = button(tr("&Remove…"), "removeAccountButton", this);
    connect(importButton, &QPushButton::clicked, this,
            [this] { openImportDialog(ImportWalletDialog::PrivateKeyPage); });
    connect(renameButton, &QPushButton::clicked, this, [this] {
        if (const int row = selectedRow(m_accountsView); row >= 0) {
            const QModelIndex label = m_accounts->index(row, AccountsModel::kLabelColumn);
            m_accountsView->setCurrentIndex(label);
            m_accountsView->edit(label);
        }
    });
    connect(removeButton, &QPushButton::clicked, this, &MainWindow::removeSelectedAccount);
    // Export keystore…: the button, the account's context menu and the Quill menu (issue #11).
    m_exportAction = new QAction(tr("E&xport keystore…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportKeystoreAction"));
    m_exportAction->setToolTip(
        tr("Save the selected account as a password-encrypted keystore file"));
    connect(m_exportAction, &QAction::triggered, this, [this] { exportSelectedAccount(); });
    auto *exportButton = button(tr("E&xport keystore…"), "exportKeystoreButton", this);
    exportButton->setToolTip(m_exportAction->toolTip());
    connect(exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    m_accountsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_accountsView, &QWidget::customContextMenuRequested, this,
            [this, renameButton, removeButton](const QPoint &at) {
                const QModelIndex index = m_accountsView->indexAt(at);
                if (!index.isValid())
                    return;
                m_accountsView->selectRow(index.row());
                auto *menu = new QMenu(this);
                menu->setObjectName(QStringLiteral("accountContextMenu"));
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->addAction(tr("Re&name"), renameButton, &QPushButton::click);
                menu->addAction(m_exportAction);
                menu->addSeparator();
                menu->addAction(tr("&Remove…"), removeButton, &QPushButton::click);
                menu->popup(m_accountsView->viewport()->mapToGlobal(at));
            });
    m_tabs->addTab(makeTab(m_accountsView, QStringLiteral("accountsTab"),
                           {importButton, renameButton, exportButton, removeButton}, makeWelcome()),
                   tr("Accounts"));
    enableWithSelection(m_accountsView, {renameButton, exportButton, removeButton},
                        {m_exportAction});

    m_pendingView = tableView(m_pending, "pendingView", tr("Pending requests"), 1, this);
    auto *reviewButton = button(tr("Re&view…"), "reviewButton", this);
    connect(reviewButton, &QPushButton::clicked, this, [this] {
        if (const int row = selectedRow(m_pendingView); row >= 0)
            showApproval(m_pending->idAt(row));
    });
    connect(m_pendingView, &QTableView::activated, this, [this](const QModelIndex &i) { showApproval(m_pending->idAt(i.row())); });
    m_tabs->addTab(
        makeTab(
            m_pendingView, QStringLiteral("requestsTab"), {reviewButton},
            emptyState(
                tr("No requests waiting. When an app asks for a Lit session, its request appears "
                   "here and a window opens for you to approve or reject it."),
                "requestsEmpty", this)),
        tr("Requests"));
    enableWithSelection(m_pendingView, {reviewButton});

    m_grantsView = tableView(m_grants, "sessionsView", tr("Remembered sessions"), 2, this);
    auto *revokeButton = button(tr("Re&voke"), "revokeButton", this);
    auto *revokeAppButton = button(tr("Revoke all for this &app"), "revokeAppButton", this);
    connect(revokeButton, &QPushButton::clicked, this, [this] { revokeSelected(false); });
    connect(revokeAppButton, &QPushButton::clicked, this, [this] { revokeSelected(true); });
    m_tabs->addTab(
        makeTab(m_grantsView, QStringLiteral("sessionsTab"), {revokeButton, revokeAppButton},
                emptyState(tr("No remembered sessions. When you answer a request with “Approve and "
                              "remember”, the app's permission is listed here until it ends or you "
                              "revoke it."),
                           "sessionsEmpty", this)),
        tr("Sessions"));
    enableWithSelection(m_grantsView, {revokeButton, revokeAppButton});

    m_appsView = tableView(m_apps, "appsView", tr("Apps with a session key"), 2, this);
    auto *forgetButton = button(tr("&Forget session key"), "forgetKeyButton", this);
    connect(forgetButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow(m_appsView);
        if (row < 0)
            return;
        const auto info = m_apps->infoAt(row);
        m_s.broker.revoke(info.appId, info.address, [](Status) {});
    });
    auto *appsTab = makeTab(
        m_appsView, QStringLiteral("appsTab"), {forgetButton},
        emptyState(tr("No session keys. Quill makes one for an app and account the first time "
                      "you approve its request."),
                   "sessionKeysEmpty", this));
    enableWithSelection(m_appsView, {forgetButton});
    if (m_s.pairings) {
        m_pairedApps = new PairedAppsModel(*m_s.pairings, m_s.permissions, m_s.sessionKeys, m_s.activity, m_s.clock, this);
        m_pairedAppsView = tableView(m_pairedApps, "pairedAppsView", tr("Paired apps"), 1, this);
        auto *unpairButton = button(tr("&Unpair"), "unpairButton", this);
        connect(unpairButton, &QPushButton::clicked, this, &MainWindow::unpairSelected);
        enableWithSelection(m_pairedAppsView, {unpairButton});
        auto *both = new QWidget(this);
        auto *v = new QVBoxLayout(both);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(new QLabel(tr("Paired apps"), both));
        v->addWidget(
            makeTab(m_pairedAppsView, QStringLiteral("pairedAppsPage"), {unpairButton},
                    emptyState(
                        tr("No paired apps. An app pairs when it first connects to Quill; you are "
                           "asked before it is listed here."),
                        "pairedAppsEmpty", this)),
            2);
        v->addWidget(new QLabel(tr("Session keys Quill keeps for them"), both));
        v->addWidget(appsTab, 1);
        both->setObjectName(QStringLiteral("appsTab"));
        appsTab->setObjectName(QStringLiteral("sessionKeysPage"));
        appsTab = both;
    }
    m_tabs->addTab(appsTab, tr("Apps"));

    auto *activityView = tableView(m_activity, "activityView", tr("Activity"), 4, this);
    m_tabs->addTab(
        makeTab(activityView, QStringLiteral("activityTab"), {},
                emptyState(tr("Nothing yet. Every request, approval, rejection and revocation is "
                              "listed here."),
                           "activityEmpty", this)),
        tr("Activity"));
    setCentralWidget(m_tabs);

    // "Start Quill when I log in": an XDG autostart entry running `quill --background`.
    m_autostartAction = new QAction(tr("Start Quill when I &log in"), this);
    m_autostartAction->setObjectName(QStringLiteral("autostartAction"));
    m_autostartAction->setCheckable(true);
    m_autostartAction->setChecked(Autostart::isEnabled());
    m_autostartAction->setToolTip(tr("Quill starts in the tray when you log in, so apps find it."));
    connect(m_autostartAction, &QAction::toggled, this, [this](bool on) {
        if (auto st = Autostart::setEnabled(on, QCoreApplication::applicationFilePath()); !st) {
            QMessageBox::warning(this, tr("Quill"), describeTranslated(st.error()));
            const QSignalBlocker block(m_autostartAction);
            m_autostartAction->setChecked(Autostart::isEnabled());
            return;
        }
        statusBar()->showMessage(on ? tr("Quill will start in the tray when you log in.")
                                    : tr("Quill will not start when you log in."),
                                 5000);
    });
    auto *quillMenu = menuBar()->addMenu(tr("&Quill"));
    quillMenu->setObjectName(QStringLiteral("quillMenu"));
    quillMenu->addAction(m_exportAction);
    quillMenu->addSeparator();
    quillMenu->addAction(m_autostartAction);
    auto *settingsAction = new QAction(tr("&Settings…"), this);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, [this] { openSettings(); });
    quillMenu->addAction(settingsAction);
    quillMenu->addSeparator();
    auto *quit = quillMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    statusBar()->setObjectName(QStringLiteral("statusBar"));
    // The tray's recent activity, remembered answers included: kept from appended() (O(1)).
    m_recentMenu = new QMenu(tr("Recent activity"), this);
    m_recentMenu->setObjectName(QStringLiteral("recentActivityMenu"));
    for (const auto &e : m_s.activity.recent(kRecentInTray))
        m_recent.push_back(e);
    connect(&m_s.activity, &requests::ActivityLog::appended, this, [this](const requests::ActivityEntry &e) {
        m_recent.prepend(e);
        if (m_recent.size() > kRecentInTray)
            m_recent.removeLast();
        fillRecentMenu();
    });
    fillRecentMenu();
    if (m_s.trayAvailable.value_or(QSystemTrayIcon::isSystemTrayAvailable())) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/quill.svg")), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        auto *menu = new QMenu(this);
        menu->addAction(tr("Show Quill"), this, [this] {
            show();
            raise();
            activateWindow();
        });
        menu->addMenu(m_recentMenu);
        menu->addAction(m_autostartAction);
        menu->addAction(tr("Settings…"), this, [this] { openSettings(); });
        menu->addAction(tr("Quit"), qApp, &QApplication::quit);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            show();
            raise();
        });
        m_tray->show();
    }

    if (m_s.idleLock)
        connect(m_s.idleLock, &IdleLock::lockedChanged, this, [this](bool locked) {
            if (locked)
                statusBar()->showMessage(
                    tr("Quill is locked: it will ask before the next approval or removal."));
            else
                statusBar()->clearMessage();
        });
    connect(&m_s.broker, &requests::RequestBroker::reviewRequested, this, &MainWindow::onReviewRequested);
    connect(&m_s.broker, &requests::RequestBroker::pendingCountChanged, this, &MainWindow::updatePendingCount);
    // Keep "time left" columns current.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, m_pendingView->viewport(), qOverload<>(&QWidget::update));
    tick->start();
    updatePendingCount(int(m_s.broker.pendingIds().size()));
}

QWidget *MainWindow::makeWelcome()
{
    auto *welcome = new QWidget(this);
    welcome->setObjectName(QStringLiteral("welcomePanel"));
    welcome->setAccessibleName(tr("Welcome"));
    auto *layout = new QVBoxLayout(welcome);
    layout->addStretch();
    auto *title = new QLabel(tr("Welcome to Quill"), welcome);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto *what = new QLabel(
        tr("Quill keeps your Ethereum account's key in the OS keychain and signs Lit Protocol "
           "sessions for apps on this computer — each time only after you approve."),
        welcome);
    what->setObjectName(QStringLiteral("welcomeText"));
    what->setWordWrap(true);
    what->setAlignment(Qt::AlignCenter);
    layout->addWidget(what);
    auto *row = new QHBoxLayout;
    row->addStretch();
    auto *create = button(tr("&Create a wallet"), "createWalletButton", welcome);
    auto *import = button(tr("&Import a wallet"), "importWalletButton", welcome);
    create->setToolTip(
        tr("A new account from a new recovery phrase, shown once for you to write down"));
    import->setToolTip(tr("From a private key, a recovery phrase or a keystore file"));
    connect(create, &QPushButton::clicked, this,
            [this] { openImportDialog(ImportWalletDialog::CreatePage); });
    connect(import, &QPushButton::clicked, this,
            [this] { openImportDialog(ImportWalletDialog::PrivateKeyPage); });
    row->addWidget(create);
    row->addWidget(import);
    row->addStretch();
    layout->addLayout(row);
    layout->addStretch();
    return welcome;
}

ImportWalletDialog *MainWindow::openImportDialog(int page)
{
    auto *dialog = new ImportWalletDialog(m_s.wallets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPage(ImportWalletDialog::Page(page));
    dialog->open();
    return dialog;
}

QWidget *MainWindow::makeTab(QTableView *view, const QString &name,
                             std::initializer_list<QPushButton *> buttons, QWidget *empty)
{
    auto *page = new QWidget(this);
    page->setObjectName(name);
    auto *layout = new QVBoxLayout(page);
    // The table, or what will appear there while it is empty.
    auto *stack = new QStackedWidget(page);
    stack->setObjectName(name + QStringLiteral("Stack"));
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *model = view->model();
    auto follow = [stack, view, empty, model] {
        stack->setCurrentWidget(model->rowCount() ? static_cast<QWidget *>(view) : empty);
    };
    connect(model, &QAbstractItemModel::rowsInserted, stack, follow);
    connect(model, &QAbstractItemModel::rowsRemoved, stack, follow);
    connect(model, &QAbstractItemModel::modelReset, stack, follow);
    connect(model, &QAbstractItemModel::layoutChanged, stack, follow);
    follow();
    layout->addWidget(stack);
    if (buttons.size()) {
        auto *row = new QHBoxLayout;
        row->addStretch();
        for (auto *b : buttons)
            row->addWidget(b);
        layout->addLayout(row);
    }
    return page;
}

void MainWindow::enableWithSelection(QTableView *view, std::initializer_list<QPushButton *> buttons,
                                     std::initializer_list<QAction *> actions)
{
    const QList<QPushButton *> list(buttons);
    const QList<QAction *> actionList(actions);
    auto update = [view, list, actionList] {
        const bool any = selectedRow(view) >= 0;
        for (auto *b : list)
            b->setEnabled(any);
        for (auto *a : actionList)
            a->setEnabled(any);
    };
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, update);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, update);
    // A reset or removed rows can take the selection without a selectionChanged.
    connect(view->model(), &QAbstractItemModel::modelReset, this, update);
    connect(view->model(), &QAbstractItemModel::rowsRemoved, this, update);
    update();
}

void MainWindow::updatePendingCount(int count)
{
    m_tabs->setTabText(1, count ? tr("Requests (%1)").arg(count) : tr("Requests"));
    const QString tip = count ? tr("Quill — %n request(s) waiting", nullptr, count) : tr("Quill — nothing waiting");
    statusBar()->showMessage(tip);
    if (m_tray)
        m_tray->setToolTip(tip);
}

void MainWindow::onReviewRequested(quint64 id)
{
    if (m_tray && m_tray->isVisible()) {
        const auto *p = m_s.broker.pending(id);
        const QString who = p ? (p->incoming.app.claimedName.isEmpty() ? p->incoming.app.appId : p->incoming.app.claimedName)
                              : QString();
        m_tray->showMessage(tr("Quill: session request"), tr("“%1” asks for a Lit session.").arg(who));
    }
    if (m_dialog) {
        m_queue.push_back(id); // one dialog at a time; the next opens when this one closes
        return;
    }
    showApproval(id);
}

ApprovalDialog *MainWindow::showApproval(quint64 id)
{
    if (!m_s.broker.pending(id))
        return nullptr;
    if (m_dialog) {
        if (m_dialog->requestId() == id) {
            m_dialog->raise();
            m_dialog->activateWindow();
            return m_dialog;
        }
        m_queue.push_back(id);
        return nullptr;
    }
    m_dialog = new ApprovalDialog(m_s.broker, m_s.wallets, m_s.clock, id, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setIdleLock(m_s.idleLock);
    connect(m_dialog, &QDialog::finished, this, [this] {
        while (!m_queue.isEmpty()) {
            const quint64 next = m_queue.takeFirst();
            if (m_s.broker.pending(next)) {
                QTimer::singleShot(0, this, [this, next] { showApproval(next); });
                break;
            }
        }
    });
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void MainWindow::revokeSelected(bool wholeApp)
{
    const int row = selectedRow(m_grantsView);
    if (row < 0)
        return;
    const auto grant = m_grants->grantAt(row);
    QList<QString> accounts;
    if (wholeApp) {
        for (const auto &g : m_s.permissions.grants())
            if (g.appId == grant.appId)
                accounts.push_back(g.account);
    } else {
        accounts.push_back(grant.account);
    }
    const QString name = m_names->nameOf(grant.appId);
    for (const auto &account : accounts)
        m_s.broker.revoke(grant.appId, account, [this, name](Status st) {
            statusBar()->showMessage(st ? tr("Revoked %1's remembered session: it will ask again. Signatures already "
                                             "issued stay valid until they expire.")
                                              .arg(name)
                                        : describeTranslated(st.error()));
        });
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    if (m_recent.isEmpty())
        m_recentMenu->addAction(tr("Nothing yet"))->setEnabled(false);
    for (const auto &e : m_recent) {
        const QString app = e.appName.isEmpty() ? m_names->nameOf(e.appId) : e.appName;
        QString text = tr("%1  %2 — %3")
                           .arg(QDateTime::fromMSecsSinceEpoch(e.time).toLocalTime().toString(QStringLiteral("HH:mm")), app,
                                decisionText(e.decision));
        if (!e.account.isEmpty())
            text += QStringLiteral(" (%1…)").arg(e.account.left(8));
        auto *action = m_recentMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this] {
            show();
            raise();
            m_tabs->setCurrentIndex(m_tabs->count() - 1); // Activity
        });
    }
}

void MainWindow::unpairSelected()
{
    const int row = m_pairedAppsView ? selectedRow(m_pairedAppsView) : -1;
    if (row < 0 || !m_s.unpair)
        return;
    const auto app = m_pairedApps->appAt(row);
    QPointer<MainWindow> self(this);
    m_s.unpair(app.appId, [self, name = app.name](Status st) {
        if (!self)
            return;
        self->statusBar()->showMessage(
            st ? tr("Unpaired %1: it must pair again to ask. Signatures already issued stay valid until they expire.").arg(name)
               : describeTranslated(st.error()));
    });
}

void MainWindow::reloadFromDisk()
{
    // Each store re-reads only if its file changed, and its model follows its signal.
    for (const Status &st : {m_s.wallets.load(), m_s.sessionKeys.load(), m_s.permissions.load()})
        if (!st)
            statusBar()->showMessage(describeTranslated(st.error()));
    m_s.activity.refresh();
    Q_EMIT dataFolderChanged();
}

void MainWindow::removeSelectedAccount()
{
    const int row = selectedRow(m_accountsView);
    if (row < 0)
        return;
    const vault::Account account = m_accounts->accountAt(row);
    if (m_s.idleLock) {
        QPointer<MainWindow> self(this);
        m_s.idleLock->ensureUnlocked(this, tr("remove an account"), [self, account] {
            if (self)
                self->confirmRemoveAccount(account);
        });
        return;
    }
    confirmRemoveAccount(account);
}

void MainWindow::confirmRemoveAccount(const vault::Account &account)
{
    // Window-modal, without a nested event loop: the key goes only on an explicit Remove.
    auto *dialog = new RemoveAccountDialog(account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, address = dialog->address()] {
        QPointer<MainWindow> self(this);
        m_s.wallets.remove(address, [self, address](Status st) {
            if (self)
                self->statusBar()->showMessage(st ? tr("Removed %1 from Quill.").arg(address)
                                                  : describeTranslated(st.error()));
        });
    });
    dialog->open();
}

SettingsDialog *MainWindow::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return m_settings;
    }
    if (isHidden())
        show(); // from the tray: the dialog needs its window
    m_settings = new SettingsDialog(m_s.idleLock, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::applied, this, [this](const AppSettings &a) {
        const QSignalBlocker block(m_autostartAction);
        m_autostartAction->setChecked(Autostart::isEnabled());
        Q_EMIT settingsApplied(a);
    });
    m_settings->open();
    return m_settings;
}

ExportKeystoreDialog *MainWindow::exportSelectedAccount()
{
    const int row = selectedRow(m_accountsView);
    if (row < 0)
        return nullptr;
    if (m_s.idleLock && m_s.idleLock->isLocked()) {
        QPointer<MainWindow> self(this);
        m_s.idleLock->ensureUnlocked(this, tr("export an account"), [self] {
            if (self)
                self->exportSelectedAccount();
        });
        return nullptr;
    }
    if (m_confirmSensitive && !m_confirmSensitive())
        return nullptr;
    // scrypt at the product's cost (n = 2^18, r = 8, p = 1): ScryptParams' default.
    auto *dialog = new ExportKeystoreDialog(m_s.wallets, m_accounts->accountAt(row),
                                            eth::ScryptParams{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportKeystoreDialog::exported, this, [this](const QString &path) {
        statusBar()->showMessage(
            tr("Saved the keystore file %1.").arg(QDir::toNativeSeparators(path)), 8000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray && m_tray->isVisible()) {
        hide(); // keep running in the tray
        event->ignore();
        // Said once, the first time (issue 11): closing does not quit.
        QSettings settings;
        if (!settings.value(QStringLiteral("ui/trayNoticeShown"), false).toBool()) {
            settings.setValue(QStringLiteral("ui/trayNoticeShown"), true);
            auto *notice =
                new QMessageBox(QMessageBox::Information, tr("Quill keeps running"),
                                tr("Quill keeps running in the tray, so apps can still ask you for "
                                   "signatures. To stop it, choose Quit in the tray menu."),
                                QMessageBox::Ok, nullptr);
            notice->setObjectName(QStringLiteral("trayNotice"));
            notice->setAttribute(Qt::WA_DeleteOnClose);
            notice->setWindowIcon(windowIcon());
            notice->show();
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace quill::ui
