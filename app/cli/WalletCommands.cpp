#include "WalletCommands.h"

#include "CliIo.h"

#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "lit/SessionSigIssuer.h"
#include "vault/KeychainStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTimer>

#include <functional>
#include <iostream>

namespace quill::cli {

namespace {

constexpr int kUnusable = 2;

QString dataDir()
{
    const QByteArray env = qgetenv("QUILL_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

int failWith(const Error &e)
{
    printError(describe(e));
    return kUnusable;
}

/// The vault as the CLI opens it: the OS keychain and the index in the data folder.
struct Vault
{
    vault::KeychainStore store;
    vault::WalletVault wallets{store, dataDir()};
    vault::SessionKeyStore sessionKeys{store, dataDir()};
};

using Finish = std::function<void(int)>;

/// Runs `work` inside a Qt event loop (the vault is asynchronous) once the vault is open
/// (indexes loaded, interrupted imports/removals recovered); returns the exit code `work`
/// reports through its Finish, or 2 if the vault cannot be opened.
int withVault(const std::function<void(Vault &, Finish)> &work)
{
    int argc = 1;
    char name[] = "quill-cli";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("quill"));
    QCoreApplication::setApplicationName(QStringLiteral("quill"));
    Vault v;
    int code = kUnusable;
    Finish finish = [&code](int c) {
        code = c;
        QCoreApplication::exit(c);
    };
    QTimer::singleShot(0, &app, [&] {
        for (const Status &st : {v.wallets.load(), v.sessionKeys.load()})
            if (!st)
                return finish(failWith(st.error()));
        v.wallets.recover([&](Status st) {
            if (!st)
                return finish(failWith(st.error()));
            v.sessionKeys.recover([&](Status st2) {
                if (!st2)
                    return finish(failWith(st2.error()));
                work(v, finish);
            });
        });
    });
    QCoreApplication::exec();
    return code;
}

int walletImport(const Args &args)
{
    const QString label = QString::fromStdString(args.value("--label"));
    if (!args.has("--key-file"))
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet import: give --key-file F")});
    auto key = readHexSecretFile(args.value("--key-file"), "--key-file", 32);
    if (!key)
        return failWith(key.error());
    if (!crypto::secp256k1::isValidPrivateKey(*key))
        return failWith(Error{ErrorCode::InvalidPrivateKey,
                              QStringLiteral("--key-file: not a valid secp256k1 private key (zero or ≥ curve order)")});
    auto shared = std::make_shared<crypto::SecureBytes>(std::move(key).value());
    return withVault([&](Vault &v, Finish finish) {
        v.wallets.importKey(std::move(*shared), label, vault::AccountSource::PrivateKey, QString(),
                            [finish](Result<vault::Account> r) {
                                if (!r)
                                    return finish(failWith(r.error()));
                                std::cout << r->address.toStdString() << '\n';
                                finish(0);
                            });
    });
}

int walletList()
{
    return withVault([](Vault &v, Finish finish) {
        for (const auto &a : v.wallets.accounts()) {
            std::cout << a.address.toStdString() << '\t' << a.label.toStdString() << '\t'
                      << vault::toString(a.source).toStdString();
            if (!a.derivationPath.isEmpty())
                std::cout << ' ' << a.derivationPath.toStdString();
            std::cout << '\t' << a.createdAt.toUTC().toString(Qt::ISODate).toStdString() << '\n';
        }
        finish(0);
    });
}

int walletRemove(const Args &args)
{
    if (args.positional.size() != 2)
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet remove: expected ADDRESS")});
    const QString address = QString::fromStdString(args.positional[1]);
    if (auto a = eth::Address::parse(address.toStdString()); !a)
        return failWith(Error{a.error().code, QStringLiteral("ADDRESS: ") + a.error().context});
    return withVault([&](Vault &v, Finish finish) {
        v.wallets.remove(address, [finish](Status removed) { finish(removed ? 0 : failWith(removed.error())); });
    });
}

} // namespace

int runWallet(const std::vector<std::string> &argv)
{
    if (argv.empty())
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet: expected import|list|remove")});
    auto args = parseArgs(argv, {"--key-file", "--label"}, {});
    if (!args)
        return failWith(args.error());
    const auto &sub = args->positional.empty() ? std::string() : args->positional[0];
    if (sub == "import")
        return walletImport(*args);
    if (sub == "list")
        return walletList();
    if (sub == "remove")
        return walletRemove(*args);
    return failWith(Error{ErrorCode::InvalidArgument,
                          QStringLiteral("wallet: unknown subcommand '%1'").arg(QString::fromStdString(sub))});
}

int runIssueFromVault(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--request", "--account", "--app", "--now", "--profile"}, {});
    if (!args)
        return failWith(args.error());
    if (!args->has("--app") || args->value("--app").empty())
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--app: required with --account")});
    auto profile = lit::parseProfile(args->has("--profile") ? args->value("--profile") : "lit-v7");
    if (!profile)
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--profile: expected lit-v7 or lit-v8")});
    UnixMillis now = nowMillis();
    if (args->has("--now")) {
        auto t = parseRfc3339(args->value("--now"));
        if (!t)
            return failWith(Error{ErrorCode::InvalidTime, QStringLiteral("--now: ") + t.error().context});
        now = *t;
    }
    if (!args->has("--request"))
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--request: required")});
    auto text = readTextFile(args->value("--request"), "--request");
    if (!text)
        return failWith(text.error());
    auto request = lit::SessionRequest::fromJson(*text);
    if (!request)
        return failWith(Error{request.error().code, QStringLiteral("--request: ") + describe(request.error())});
    auto plan = lit::SessionSigIssuer::plan(*request, now);
    if (!plan)
        return failWith(Error{plan.error().code, QStringLiteral("--request: ") + describe(plan.error())});
    auto address = eth::Address::parse(args->value("--account"));
    if (!address)
        return failWith(Error{address.error().code, QStringLiteral("--account: ") + address.error().context});
    const QString account = QString::fromStdString(address->toChecksummed());
    const QString appId = QString::fromStdString(args->value("--app"));
    auto req = std::make_shared<lit::SessionRequest>(std::move(request).value());
    auto pl = std::make_shared<lit::IssuancePlan>(std::move(plan).value());
    const auto prof = *profile;
    return withVault([=](Vault &v, Finish finish) {
        auto fail = [finish](const Error &e) { finish(failWith(e)); };
        v.wallets.privateKey(account, [=, &v](Result<crypto::SecureBytes> key) {
            if (!key)
                return fail(key.error());
            auto walletKey = std::make_shared<crypto::SecureBytes>(std::move(key).value());
            v.sessionKeys.sessionKey(appId, account, [=](Result<std::shared_ptr<lit::SessionKey>> sk) {
                if (!sk)
                    return fail(sk.error());
                auto siwe = lit::SessionSigIssuer::buildSiwe(*req, *pl, account.toStdString(), (*sk)->publicKeyHex());
                if (!siwe)
                    return fail(siwe.error());
                auto authSig = lit::SessionSigIssuer::signAuthSig(*walletKey, *siwe);
                walletKey->clear();
                if (!authSig)
                    return fail(authSig.error());
                auto sigs = lit::SessionSigIssuer::issue(*req, *pl, *authSig, **sk, prof);
                if (!sigs)
                    return fail(sigs.error());
                std::cout << sigs->toJson() << '\n';
                finish(0);
            });
        });
    });
}

} // namespace quill::cli
