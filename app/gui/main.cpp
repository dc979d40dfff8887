// quill: the desktop app. Creates the concrete services, connects them and shows the main
// window. `--demo` uses a throw-away in-memory wallet and sends a sample request shortly
// after start; `--screenshot DIR` (with --demo) saves PNGs of the windows and quits.

#include "ApiPrompts.h"
#include "AppSettings.h"
#include "ApprovalDialog.h"
#include "ExportKeystoreDialog.h"
#include "IdleLock.h"
#include "ImportWalletDialog.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "Theme.h"

#include "api/ApiServer.h"
#include "api/BrokerRequestHandler.h"
#include "api/LocalSocketTransport.h"
#include "api/PairingStore.h"
#include "api/WebSocketTransport.h"
#include "common/QuitOnSignal.h"
#include "crypto/Random.h"
#include "crypto/Secp256k1.h"
#include "requests/RequestBroker.h"
#include "vault/KeychainStore.h"
#include "vault/MemoryStore.h"

#include "QuillVersion.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdio>
#include <memory>

using namespace quill;

namespace {

/// Secrets must not end up in core dumps.
void disableCoreDumps()
{
#ifdef NDEBUG
    ::prctl(PR_SET_DUMPABLE, 0);
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
#endif
}

constexpr const char *kDemoRequest = R"({
  "domain": "localhost:3000",
  "statement": "Demo dApp would like to decrypt your file and run its Lit Actions.",
  "resourceAbilityRequests": [
    {"resource": {"resource": "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349",
                  "resourcePrefix": "lit-accesscontrolcondition"},
     "ability": "access-control-condition-decryption"},
    {"resource": {"resource": "*", "resourcePrefix": "lit-litaction"}, "ability": "lit-action-execution"}],
  "nodeUrls": ["https://127.0.0.1:7470", "https://127.0.0.1:7471", "https://127.0.0.1:7472"]})";

void submitDemoRequest(requests::RequestBroker &broker)
{
    requests::IncomingRequest in;
    in.app.appId = QStringLiteral("demo-dapp");
    in.app.claimedName = QStringLiteral("Demo dApp");
    in.app.transport = QStringLiteral("demo");
    in.app.origin = QStringLiteral("http://localhost:3000");
    in.app.paired = true;
    in.request = std::move(lit::SessionRequest::fromJson(kDemoRequest)).value();
    (void)broker.submit(std::move(in), [](Result<std::string>) {});
}

/// Qt's own strings (qtbase: standard buttons, context menus) from the system's Qt, and
/// Quill's from the resource (:/i18n/quill_<lang>.qm), in the user's language as
/// QLocale::system() has it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). English needs Quill's
/// file too: it holds the plural forms ("1 request", "2 requests").
void installTranslators(QCoreApplication &app)
{
    const QLocale locale = QLocale::system();
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *quill = new QTranslator(&app);
    if (quill->load(locale, QStringLiteral("quill"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(quill);
}

bool savePng(QWidget *w, const QString &path)
{
    const bool ok = w && w->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED to write", qPrintable(path));
    return ok;
}

/// The account dialogs of issue #11: Export keystore… (a password typed, its strength shown)
/// and the word check after Create (nothing is exported or saved).
void saveAccountDialogs(ui::MainWindow &window, vault::WalletVault &wallets, const QString &dir)
{
    window.tabs()->setCurrentIndex(0);
    if (auto *view = window.findChild<QTableView *>(QStringLiteral("accountsView")))
        view->selectRow(0);
    if (auto *exporter = window.exportSelectedAccount()) {
        for (const char *name : {"passwordEdit", "repeatPasswordEdit"})
            if (auto *edit = exporter->findChild<QLineEdit *>(QString::fromLatin1(name)))
                edit->setText(QStringLiteral("harbour-42-Lantern"));
        savePng(exporter, dir + QStringLiteral("/export.png"));
        exporter->reject();
    }
    ui::ImportWalletDialog create(wallets, &window);
    create.setPage(ui::ImportWalletDialog::CreatePage);
    create.show();
    auto *next = create.findChild<QPushButton *>(QStringLiteral("importButton"));
    auto *wrote = create.findChild<QCheckBox *>(QStringLiteral("wroteItDownCheck"));
    if (next && wrote) {
        next->click(); // Create: the words
        wrote->setChecked(true);
        next->click(); // Next: the word check
        savePng(&create, dir + QStringLiteral("/wordcheck.png"));
    }
    create.reject();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    disableCoreDumps();
    // Names, version and options before QApplication: `--help` and `--version` answer without
    // a display (issue 11); QApplication needs one (or QT_QPA_PLATFORM=offscreen).
    QCoreApplication::setApplicationVersion(QStringLiteral(QUILL_VERSION));
    QCoreApplication::setApplicationName(QStringLiteral("quill"));
    QCoreApplication::setOrganizationName(QStringLiteral("quill"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Quill — desktop signer for Lit Protocol session signatures"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Throw-away in-memory wallet and a sample request."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("With --demo: save PNGs to DIR and quit."),
                                  QStringLiteral("DIR"));
    QCommandLineOption timing(QStringLiteral("startup-timing"), QStringLiteral("Print the time to the first shown window and quit."));
    QCommandLineOption wsPort(QStringLiteral("websocket-port"),
                              QStringLiteral("Also serve apps on ws://127.0.0.1:PORT (off by default; setting api/websocketPort)."),
                              QStringLiteral("PORT"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark palette (to check dark themes without one)."));
    QCommandLineOption background(QStringLiteral("background"),
                                  QStringLiteral("Start in the tray without a window (what \"Start Quill when I log in\" "
                                                 "runs); requests still open their dialog."));
    parser.addOptions({demo, screenshot, timing, dark, wsPort, background});
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Qt's own options (-platform, -style …) are unknown here; QApplication takes them out and
    // parser.process() below reports anything else that is unknown.
    (void)parser.parse(arguments);
    if (parser.isSet(help)) {
        // Without a QCoreApplication the parser cannot name the program: name it here.
        const QString text = parser.helpText();
        std::fputs(qPrintable(QStringLiteral("Usage: quill [options]") +
                              text.mid(text.indexOf(QLatin1Char('\n')))),
                   stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("quill %s\n", QUILL_VERSION);
        return 0;
    }
    const bool platformGiven = qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ||
                               arguments.contains(QStringLiteral("-platform"));
    if (!platformGiven && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fputs("quill: no display (DISPLAY and WAYLAND_DISPLAY are unset). Without one, use "
                   "quill-cli, or QT_QPA_PLATFORM=offscreen quill --screenshot DIR\n",
                   stderr);
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Quill"));
    // The window's app id (Wayland) is the desktop entry's id, so docks and the session find
    // packaging/io.github.quill.Quill.desktop; on X11 StartupWMClass there names WM_CLASS.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.quill.Quill"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quill.svg")));
    parser.process(app);
    installTranslators(app);
    // The theme: --dark, else the setting (Settings… applies later changes live).
    ui::Theme::instance().apply(parser.isSet(dark) ? ui::Theme::Mode::Dark : ui::Theme::saved());
    const bool isDemo = parser.isSet(demo) || parser.isSet(screenshot);

    // One Quill per user: a second `quill` hands its arguments to the running one, which
    // shows its window, and exits 0 (issue 11). Demos and timing runs are throw-away
    // instances beside it.
    app::SingleInstance instance(app::SingleInstance::defaultPath());
    if (!isDemo && !parser.isSet(timing)) {
        const auto role = instance.start(QCoreApplication::arguments().mid(1));
        if (role && *role == app::SingleInstance::Role::Secondary) {
            std::fputs(parser.isSet(background)
                           ? "quill: Quill is already running\n"
                           : "quill: Quill is already running: showing its window\n",
                       stderr);
            return 0;
        }
        if (!role)
            std::fprintf(stderr, "quill: cannot check for a running Quill: %s\n",
                         qPrintable(describe(role.error())));
    }

    // SIGTERM (the session logging out) and SIGINT end the event loop, so that the stores and
    // the demo's temporary folder are closed and removed as on Quit.
    const QuitOnSignal quitOnSignal;

    // Services.
    std::unique_ptr<vault::SecretStore> store;
    QTemporaryDir demoDir;
    QString dataDir;
    if (isDemo) {
        store = std::make_unique<vault::MemoryStore>();
        dataDir = demoDir.path();
    } else {
        store = std::make_unique<vault::KeychainStore>();
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
    }
    vault::WalletVault wallets(*store, dataDir);
    vault::SessionKeyStore sessionKeys(*store, dataDir);
    requests::PermissionStore permissions(dataDir);
    requests::ActivityLog activity(dataDir);
    requests::SystemClock clock;
    QStringList loadErrors;
    for (const Status &st : {wallets.load(), sessionKeys.load(), permissions.load()})
        if (!st)
            loadErrors << describeTranslated(st.error());
    wallets.recover([](Status) {});
    sessionKeys.recover([](Status) {});
    (void)permissions.prune(clock.now());
    requests::RequestBroker broker(wallets, sessionKeys, permissions, activity, clock);

    // The local API: apps ask here; every request goes through the broker to the user.
    api::PairingStore pairings(*store, dataDir);
    if (auto st = pairings.load(); !st)
        loadErrors << describeTranslated(st.error());
    pairings.recover([](Status) {});
    api::ApiServer *apiServer = nullptr; // made below, once the window can host its prompts
    const ui::AppSettings settings = ui::AppSettings::load();
    // The idle lock (issue #11): before approvals, pairings and removals after a time away.
    ui::IdleLock idleLock(*store, clock);
    idleLock.setTimeout(settings.idleLockMinutes * kMinute);
    if (!isDemo)
        (void)idleLock.watchScreenSaver();
    ui::MainWindow window({wallets, sessionKeys, permissions, activity, broker, clock, dataDir,
                           &pairings,
                           [&apiServer](const QString &appId, std::function<void(Status)> done) {
                               if (apiServer)
                                   apiServer->unpair(appId, std::move(done));
                           },
                           std::nullopt, &idleLock});
    api::BrokerRequestHandler handler(broker, activity);
    auto *prompts = new ui::ApiPrompts(wallets, &window);
    prompts->setIdleLock(&idleLock);
    api::ApiServer server(pairings);
    apiServer = &server;
    server.setRequestHandler(&handler);
    QObject::connect(&handler, &api::BrokerRequestHandler::waitingForUser, &server, &api::ApiServer::notifyWaiting);
    server.setPairingApprover(prompts);
    server.setAccountsApprover(prompts);
    // Names of apps as the user accepted them, kept after an unpairing for the log.
    QHash<QString, QString> appNames;
    auto noteNames = [&] {
        for (const auto &a : pairings.apps())
            appNames.insert(a.appId, a.name);
    };
    noteNames();
    QObject::connect(&pairings, &api::PairingStore::appsChanged, &window, noteNames);
    QObject::connect(&server, &api::ApiServer::appUnpaired, &broker, [&](const QString &appId, api::UnpairedBy) {
        broker.forgetApp(appId, appNames.value(appId, appId), [](Status) {});
    });
    QObject::connect(&window, &ui::MainWindow::dataFolderChanged, &pairings, [&] {
        if (auto st = pairings.load(); !st)
            window.statusBar()->showMessage(describeTranslated(st.error()));
    });
    QObject::connect(store.get(), &vault::SecretStore::waitingForUser, &window, [&](bool waiting) {
        if (waiting)
            window.statusBar()->showMessage(QCoreApplication::translate(
                "quill::app", "Waiting for the keyring: unlock it in the system prompt"));
        else
            window.statusBar()->clearMessage();
    });
    api::LocalSocketTransport local(server);
    api::WebSocketTransport websocket(server);
    const QString socketPath = isDemo ? demoDir.filePath(QStringLiteral("quill.sock")) : api::LocalSocketTransport::defaultPath();
    if (!parser.isSet(timing)) {
        if (auto st = local.listen(socketPath); !st)
            loadErrors << QCoreApplication::translate("quill::app", "Apps cannot reach Quill: %1")
                              .arg(describeTranslated(st.error()));
        const int port =
            parser.isSet(wsPort) ? parser.value(wsPort).toInt() : settings.webSocketPort;
        if (port > 0 && port < 65536) {
            if (auto st = websocket.listen(quint16(port)); !st)
                loadErrors << QCoreApplication::translate("quill::app", "WebSocket for apps: %1")
                                  .arg(describeTranslated(st.error()));
        }
        auto announce = [&] {
            server.setInfo(
                {QCoreApplication::applicationVersion(), websocket.isListening(), [&wallets] {
                     return !wallets.accounts().isEmpty();
                 }});
            window.statusBar()->showMessage(
                websocket.isListening()
                    ? QCoreApplication::translate("quill::app",
                                                  "Apps connect at %1 and ws://127.0.0.1:%2")
                          .arg(local.path())
                          .arg(websocket.port())
                    : QCoreApplication::translate("quill::app", "Apps connect at %1")
                          .arg(local.path()));
        };
        announce();
        // Settings: the WebSocket follows a changed setting at once (browser apps connected to
        // the old port lose their connection and reconnect to the new one). An OK that leaves
        // the setting as it was keeps a --websocket-port given on the command line.
        QObject::connect(
            &window, &ui::MainWindow::settingsApplied, &server,
            [&, announce, before = settings.webSocketPort](const ui::AppSettings &a) mutable {
                if (a.webSocketPort == before)
                    return;
                before = a.webSocketPort;
                websocket.close();
                if (a.webSocketPort > 0) {
                    if (auto st = websocket.listen(quint16(a.webSocketPort)); !st)
                        QMessageBox::warning(
                            &window, QStringLiteral("Quill"),
                            QCoreApplication::translate("quill::app", "WebSocket for apps: %1")
                                .arg(describeTranslated(st.error())));
                }
                announce();
            });
    }
    QObject::connect(
        &instance, &app::SingleInstance::argumentsReceived, &window, [&](const QStringList &args) {
            QCommandLineParser again;
            again.addOptions({demo, screenshot, timing, dark, wsPort, background});
            (void)again.parse(QStringList{QStringLiteral("quill")} + args);
            if (again.isSet(background)) {
                std::fputs("quill: started again with --background: nothing to show\n", stderr);
                return;
            }
            std::fputs("quill: started again: showing the window\n", stderr);
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.show();
            window.raise();
            window.activateWindow();
        });
    // --background: only the tray (where there is one; without a tray the window is the only
    // way to reach Quill, so it is shown).
    // "Start hidden" in Settings does the same for every start.
    const bool hidden = parser.isSet(background) || settings.startHidden;
    if (!hidden || !QSystemTrayIcon::isSystemTrayAvailable() || isDemo)
        window.show();
    else
        std::fprintf(stderr, "quill: running in the tray; apps connect at %s\n", qPrintable(local.path()));
    if (parser.isSet(timing)) {
        QTimer::singleShot(0, &app, [&] {
            std::printf("first window shown after %lld ms\n", static_cast<long long>(sinceStart.elapsed()));
            QApplication::quit();
        });
        return QApplication::exec();
    }
    if (!loadErrors.isEmpty())
        QMessageBox::warning(&window, QStringLiteral("Quill"), loadErrors.join(QLatin1Char('\n')));
    if (!isDemo) {
        store->probe([&window](Status st) {
            if (!st)
                QMessageBox::critical(
                    &window, QStringLiteral("Quill"),
                    QCoreApplication::translate(
                        "quill::app", "No OS keychain available: Quill cannot keep keys. (%1)")
                        .arg(describeTranslated(st.error())));
        });
        return QApplication::exec();
    }

    // Before the demo wallet: the first-run welcome and an empty tab (issue 11).
    if (parser.isSet(screenshot)) {
        QDir().mkpath(parser.value(screenshot));
        savePng(&window, parser.value(screenshot) + QStringLiteral("/first-run.png"));
        window.tabs()->setCurrentIndex(2);
        savePng(&window, parser.value(screenshot) + QStringLiteral("/first-run-sessions.png"));
        window.tabs()->setCurrentIndex(0);
    }
    // Demo: a throw-away wallet, then a sample request a moment after start.
    crypto::SecureBytes key = crypto::randomBytes(32);
    while (!crypto::secp256k1::isValidPrivateKey(key))
        key = crypto::randomBytes(32);
    wallets.importKey(std::move(key), QStringLiteral("Demo wallet (throw-away)"), vault::AccountSource::Created, QString(),
                      [&broker](Result<vault::Account> r) {
                          if (r)
                              QTimer::singleShot(600, &broker, [&broker] { submitDemoRequest(broker); });
                      });
    if (parser.isSet(screenshot)) {
        const QString dir = parser.value(screenshot);
        QDir().mkpath(dir);
        auto *poll = new QTimer(&app);
        poll->setInterval(200);
        int step = 0;
        QObject::connect(poll, &QTimer::timeout, &app, [&, poll]() mutable {
            auto *dialog = window.currentApproval();
            if (step == 0 && dialog && dialog->isVisible()) {
                savePng(dialog, dir + QStringLiteral("/approval-dialog.png"));
                savePng(&window, dir + QStringLiteral("/main-window-requests.png"));
                window.tabs()->setCurrentIndex(1);
                savePng(&window, dir + QStringLiteral("/main-window-pending.png"));
                if (auto *remember = dialog->findChild<QPushButton *>(QStringLiteral("approveRememberButton")))
                    remember->click();
                step = 1;
            } else if (step == 1 && broker.pendingIds().isEmpty()) {
                window.tabs()->setCurrentIndex(2);
                savePng(&window, dir + QStringLiteral("/main-window-sessions.png"));
                window.tabs()->setCurrentIndex(0);
                savePng(&window, dir + QStringLiteral("/main-window-accounts.png"));
                window.tabs()->setCurrentIndex(4);
                savePng(&window, dir + QStringLiteral("/main-window-activity.png"));
                window.tabs()->setCurrentIndex(0);
                // Settings (issue #11), then the window in the dark theme on the next tick,
                // once the palette change has reached every widget.
                auto *settingsDialog = window.openSettings();
                savePng(settingsDialog, dir + QStringLiteral("/settings.png"));
                settingsDialog->reject();
                ui::Theme::instance().apply(ui::Theme::Mode::Dark);
                step = 2;
            } else if (step == 2) {
                savePng(&window, dir + QStringLiteral("/dark.png"));
                auto *darkSettings = window.openSettings();
                savePng(darkSettings, dir + QStringLiteral("/settings-dark.png"));
                darkSettings->reject();
                saveAccountDialogs(window, wallets, dir); // export and word check, dark
                // The idle lock's question (issue #11), as a returning user sees it.
                idleLock.setTimeout(5 * kMinute);
                idleLock.lock(ui::IdleLock::Reason::Idle);
                idleLock.ensureUnlocked(
                    &window, QCoreApplication::translate("quill", "approve this request"), [] {});
                savePng(idleLock.currentDialog(), dir + QStringLiteral("/unlock-dark.png"));
                idleLock.currentDialog()->reject();
                poll->stop();
                QApplication::quit();
            }
        });
        poll->start();
        QTimer::singleShot(20000, &app, [] {
            std::fprintf(stderr, "screenshot: timed out\n");
            QApplication::exit(1);
        });
    }
    return QApplication::exec();
}
