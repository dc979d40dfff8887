// quill-cli serve --dev: the real ApiServer, transports, pairing store and RequestBroker, with
// a development key held only in memory and approvals answered by rule (issue #10). For app
// developers' CI: it signs without asking, so it refuses a key that is one of the user's own
// accounts, and it never opens the OS keychain (vault::MemoryStore, a temporary data folder).

#include "ServeCommand.h"

#include "CliIo.h"
#include "RuleApprover.h"

#include "api/ApiServer.h"
#include "api/BrokerRequestHandler.h"
#include "api/LocalSocketTransport.h"
#include "api/PairingStore.h"
#include "api/WebSocketTransport.h"
#include "common/QuitOnSignal.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "requests/ActivityLog.h"
#include "requests/PermissionStore.h"
#include "requests/RequestBroker.h"
#include "vault/MemoryStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <iostream>

namespace quill::cli {

namespace {

constexpr int kUnusable = 2;

int fail(const QString &message)
{
    printError(message);
    return kUnusable;
}

/// The user's data folder, as every other command opens it (WalletCommands.cpp).

/// Whether `address` is listed in the user's non-secret account index, in any journal state
/// (a pending import is already the user's key). Reads accounts.json only: no lock taken,
/// nothing written, no keychain. Returns: true/false, or StorageFailure/IndexCorrupt when the
/// index exists but cannot be read (then we cannot tell, and refuse).
Result<bool> isUserAccount(const QString &dataDir, const std::string &address)
{
    QFile file(dataDir + QStringLiteral("/accounts.json"));
    if (!file.exists())
        return false;
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::StorageFailure,
                     file.fileName() + QStringLiteral(": ") + file.errorString()};
    QJsonParseError parseError{};
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{ErrorCode::IndexCorrupt,
                     file.fileName() + QStringLiteral(": not a Quill account index")};
    const QString wanted = QString::fromStdString(address);
    for (const auto &v : doc.object().value(QStringLiteral("accounts")).toArray())
        if (v.toObject()
                .value(QStringLiteral("address"))
                .toString()
                .compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

/// Everything `serve` runs, in construction order (the handler outlives the server).
struct DevHost
{
    explicit DevHost(ApprovalRule rule, const QString &account) : approver(broker, account, rule)
    {
        server.setRequestHandler(&handler);
        server.setPairingApprover(&approver);
        server.setAccountsApprover(&approver);
        // An app that logs out loses its grants and session keys, as in the desktop app;
        // quill_pending/quill_resolved reach the app as from the desktop app.
        QObject::connect(&server, &api::ApiServer::appUnpaired, &broker,
                         [this](const QString &appId, api::UnpairedBy) { broker.forgetApp(appId, appId, [](Status) {}); });
        QObject::connect(&handler, &api::BrokerRequestHandler::waitingForUser, &server, &api::ApiServer::notifyWaiting);

    }

    QTemporaryDir dir;
    vault::MemoryStore store; ///< the only SecretStore: nothing reaches the OS keychain
    vault::WalletVault wallets{store, dir.path()};
    vault::SessionKeyStore sessionKeys{store, dir.path()};
    requests::PermissionStore permissions{dir.path()};
    requests::ActivityLog activity{dir.path()};
    requests::SystemClock clock;
    requests::RequestBroker broker{wallets, sessionKeys, permissions, activity, clock};
    api::PairingStore pairings{store, dir.path()};
    RuleApprover approver;
    api::BrokerRequestHandler handler{broker, activity};
    api::ApiServer server{pairings};
    api::LocalSocketTransport local{server};
    api::WebSocketTransport websocket{server};
};

} // namespace

int runServe(const std::vector<std::string> &argv)
{
    auto args =
        parseArgs(argv, {"--dev-key-file", "--socket", "--websocket-port", "--approve"}, {"--dev"});
    if (!args)
        return fail(describeForCli(args.error()));
    if (!args->positional.empty())
        return fail(QStringLiteral("serve: unexpected argument '%1'")
                        .arg(QString::fromStdString(args->positional[0])));
    if (!args->has("--dev"))
        return fail(QStringLiteral(
            "serve: only the development signer exists: give --dev (it signs without asking)"));
    if (!args->has("--dev-key-file"))
        return fail(
            QStringLiteral("--dev-key-file: required (a hex secp256k1 key used only for testing)"));
    ApprovalRule rule = ApprovalRule::All;
    if (args->has("--approve")) {
        const auto a = args->value("--approve");
        if (a == "none")
            rule = ApprovalRule::None;
        else if (a == "remember")
            rule = ApprovalRule::Remember;
        else if (a != "all")
            return fail(QStringLiteral("--approve: expected all, remember or none"));
    }
    int wsPort = -1;
    if (args->has("--websocket-port")) {
        bool ok = false;
        wsPort = QString::fromStdString(args->value("--websocket-port")).toInt(&ok);
        if (!ok || wsPort < 0 || wsPort > 65535)
            return fail(QStringLiteral("--websocket-port: expected 0 (any free port) … 65535"));
    }
    auto key = readHexSecretFile(args->value("--dev-key-file"), "--dev-key-file", 32);
    if (!key)
        return fail(describeForCli(key.error()));
    auto pub = crypto::secp256k1::publicKey(*key);
    if (!pub)
        return fail(QStringLiteral("--dev-key-file: not a valid secp256k1 private key"));
    const std::string address = eth::Address::fromPublicKey(*pub).toChecksummed();

    CliApplication cli;
    QCoreApplication &app = cli.app();

    const QString userDir = dataDir();
    auto mine = isUserAccount(userDir, address);
    if (!mine)
        return fail(
            QStringLiteral("serve: cannot tell whether the dev key is one of your accounts: ") +
            describe(mine.error()));
    if (*mine)
        return fail(QStringLiteral(
                        "serve: refusing to start: %1 is one of your Quill accounts (%2); "
                        "serve --dev signs without asking, so give it a key used only for testing")
                        .arg(QString::fromStdString(address), userDir));

    DevHost host(rule, QString::fromStdString(address));
    if (!host.dir.isValid())
        return fail(QStringLiteral("serve: cannot create a temporary data folder: ") +
                    host.dir.errorString());
    // SIGINT/SIGTERM → a clean quit on the event loop (the temporary folder is removed).
    const QuitOnSignal quitOnSignal;
    if (!quitOnSignal.isActive())
        return fail(QStringLiteral("serve: socketpair failed"));

    int code = kUnusable;
    QTimer::singleShot(0, &app, [&] {
        const QString label = QStringLiteral("serve --dev");
        host.wallets.importKey(
            std::move(*key), label, vault::AccountSource::PrivateKey, QString(),
            [&](Result<vault::Account> r) {
                if (!r) {
                    printError(QStringLiteral("serve: ") + describe(r.error()));
                    return QCoreApplication::exit(kUnusable);
                }
                const QString socketPath = args->has("--socket")
                                               ? QString::fromStdString(args->value("--socket"))
                                               : api::LocalSocketTransport::defaultPath();
                if (auto st = host.local.listen(socketPath); !st) {
                    printError(QStringLiteral("serve: ") + describe(st.error()));
                    return QCoreApplication::exit(kUnusable);
                }
                if (wsPort >= 0)
                    if (auto st = host.websocket.listen(quint16(wsPort)); !st) {
                        printError(QStringLiteral("serve: WebSocket: ") + describe(st.error()));
                        return QCoreApplication::exit(kUnusable);
                    }
                host.server.setInfo({QStringLiteral("dev"), host.websocket.isListening(),
                                     [&host] { return !host.wallets.accounts().isEmpty(); }});
                std::cerr
                    << "quill-cli serve: WARNING: development signer: every request is "
                    << (rule == ApprovalRule::None ? "rejected" : "signed WITHOUT ASKING")
                    << " with " << address
                    << " (key in memory only, OS keychain untouched). Never give it a real key.\n";
                std::printf("READY %s %d\n", qPrintable(host.local.path()),
                            host.websocket.isListening() ? int(host.websocket.port()) : -1);
                std::fflush(stdout);
                code = 0;
            });
    });
    const int exitCode = QCoreApplication::exec();
    if (code == 0)
        std::cerr << "quill-cli serve: stopped (" << host.approver.approved() << " approved, "
                  << host.approver.rejected() << " refused)\n";
    return code == 0 ? exitCode : kUnusable;
}

} // namespace quill::cli
