#include "WalletCommands.h"

#include "CliIo.h"

#include "api/PairingStore.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Keystore.h"
#include "eth/Mnemonic.h"
#include "eth/NewWallet.h"
#include "lit/SessionSigIssuer.h"
#include "requests/ActivityLog.h"
#include "requests/PermissionStore.h"
#include "vault/KeychainStore.h"
#include "vault/KeystoreExport.h"
#include "vault/MemoryStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <functional>
#include <iostream>
#include <unistd.h>

namespace quill::cli {

namespace {

constexpr int kUnusable = 2;


int failWith(const Error &e)
{
    printError(e);
    return kUnusable;
}

/// The vault as the CLI opens it: the OS keychain and the index in the data folder.
struct Vault
{
    vault::KeychainStore store;
    vault::WalletVault wallets{store, dataDir()};
    vault::SessionKeyStore sessionKeys{store, dataDir()};
    api::PairingStore pairings{store, dataDir()};
};

using Finish = std::function<void(int)>;

/// Runs `work` inside a Qt event loop (the vault is asynchronous) once the vault is open
/// (indexes loaded, interrupted imports/removals recovered); returns the exit code `work`
/// reports through its Finish, or 2 if the vault cannot be opened.
int withVault(const std::function<void(Vault &, Finish)> &work)
{
    CliApplication cli;
    QCoreApplication &app = cli.app();
    Vault v;
    QObject::connect(&v.store, &vault::SecretStore::waitingForUser, [&v](bool waiting) {
        if (waiting)
            printError(QStringLiteral("waiting for the keyring to be unlocked (up to %1 s)…")
                           .arg(v.store.timeoutMs() / 1000));
    });
    int code = kUnusable;
    Finish finish = [&code](int c) {
        code = c;
        QCoreApplication::exit(c);
    };
    QTimer::singleShot(0, &app, [&] {
        for (const Status &st : {v.wallets.load(), v.sessionKeys.load(), v.pairings.load()})
            if (!st)
                return finish(failWith(st.error()));
        // Finishes only what dead processes left unfinished; never another process's work.
        // If the keychain cannot finish it now, the command goes on and a later one retries.
        auto warn = [](const Status &st) {
            if (!st)
                printError(QStringLiteral("an interrupted operation stays unfinished (retried next time): ") +
                           describe(st.error()));
        };
        v.wallets.recover([&, warn](Status st) {
            warn(st);
            v.sessionKeys.recover([&, warn](Status st2) {
                warn(st2);
                v.pairings.recover([&, warn](Status st3) {
                    warn(st3);
                    work(v, finish);
                });
            });
        });
    });
    QCoreApplication::exec();
    return code;
}

std::string_view textOf(const crypto::SecureBytes &b)
{
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

/// The mnemonic of --mnemonic-file with --passphrase-file, as a BIP-32 master key.
Result<eth::HdKey> masterFromMnemonic(const Args &args)
{
    auto phrase = readSecretFile(args.value("--mnemonic-file"), "--mnemonic-file");
    if (!phrase)
        return phrase.error();
    auto mnemonic = eth::Mnemonic::parse(textOf(*phrase));
    if (!mnemonic)
        return locate(QStringLiteral("--mnemonic-file"), mnemonic.error());
    crypto::SecureBytes passphrase;
    if (args.has("--passphrase-file")) {
        auto p = readSecretFile(args.value("--passphrase-file"), "--passphrase-file");
        if (!p)
            return p.error();
        passphrase = std::move(p).value();
    }
    return eth::HdKey::fromSeed(mnemonic->toSeed(textOf(passphrase)));
}

Result<std::uint32_t> accountIndex(const Args &args, const char *flag)
{
    const auto text = args.value(flag);
    if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(text) >= 0x80000000ul)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: expected an index 0 … 2147483647").arg(QString::fromLatin1(flag))};
    return std::uint32_t(std::stoul(text));
}

struct KeyToImport
{
    crypto::SecureBytes key;
    vault::AccountSource source;
    QString path;
};

Result<KeyToImport> keyToImport(const Args &args)
{
    const int sources = int(args.has("--key-file")) + int(args.has("--mnemonic-file")) + int(args.has("--keystore"));
    if (sources != 1)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("wallet import: give exactly one of --key-file, --mnemonic-file or --keystore")};
    if (args.has("--mnemonic-file")) {
        if (args.has("--account") && args.has("--path"))
            return Error{ErrorCode::InvalidArgument, QStringLiteral("--account/--path: give one of them")};
        std::string path = eth::HdKey::ethereumPath(0);
        if (args.has("--path")) {
            path = args.value("--path");
        } else if (args.has("--account")) {
            auto n = accountIndex(args, "--account");
            if (!n)
                return n.error();
            path = eth::HdKey::ethereumPath(*n);
        }
        auto master = masterFromMnemonic(args);
        if (!master)
            return master.error();
        auto child = master->derive(path);
        if (!child)
            return locate(QStringLiteral("--path"), child.error());
        return KeyToImport{child->privateKey().clone(), vault::AccountSource::Mnemonic, QString::fromStdString(path)};
    }
    auto key = walletKeyFrom(args);
    if (!key)
        return key.error();
    return KeyToImport{std::move(key).value(),
                       args.has("--keystore") ? vault::AccountSource::Keystore : vault::AccountSource::PrivateKey, QString()};
}

int importInto(KeyToImport k, const QString &label)
{
    auto shared = std::make_shared<KeyToImport>(std::move(k));
    return withVault([&](Vault &v, Finish finish) {
        v.wallets.importKey(std::move(shared->key), label, shared->source, shared->path,
                            [finish](Result<vault::Account> r) {
                                if (!r)
                                    return finish(failWith(r.error()));
                                std::cout << r->address.toStdString() << '\n';
                                finish(0);
                            });
    });
}

int walletImport(const Args &args)
{
    auto k = keyToImport(args);
    if (!k)
        return failWith(k.error());
    return importInto(std::move(k).value(), QString::fromStdString(args.value("--label")));
}

int walletCreate(const Args &args)
{
    int words = 12;
    if (args.has("--words")) {
        const auto w = args.value("--words");
        if (w != "12" && w != "24")
            return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--words: expected 12 or 24")});
        words = w == "12" ? 12 : 24;
    }
    auto created = eth::NewWallet::create(words);
    if (!created)
        return failWith(created.error());
    const eth::Mnemonic &mnemonic = created->mnemonic;
    KeyToImport k{std::move(created->privateKey), vault::AccountSource::Created,
                  QString::fromStdString(created->derivationPath)};
    auto shared = std::make_shared<KeyToImport>(std::move(k));
    const QString label = QString::fromStdString(args.value("--label"));
    return withVault([&](Vault &v, Finish finish) {
        v.wallets.importKey(std::move(shared->key), label, shared->source, shared->path,
                            [finish, &mnemonic](Result<vault::Account> r) {
                                if (!r)
                                    return finish(failWith(r.error()));
                                // Shown once: Quill keeps only the derived key, never the phrase.
                                std::cout << textOf(mnemonic.phrase()) << '\n';
                                std::cerr << "quill-cli: created " << r->address.toStdString()
                                          << "; write the recovery phrase down, Quill does not keep it\n";
                                finish(0);
                            });
    });
}

int walletExport(const Args &args)
{
    if (args.positional.size() != 2)
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet export: expected ADDRESS")});
    if (!args.has("--password-file") || !args.has("--out"))
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet export: give --password-file P and --out FILE")});
    const QString address = QString::fromStdString(args.positional[1]);
    const QString out = QString::fromStdString(args.value("--out"));
    if (QFile::exists(out))
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--out: %1 exists; not overwriting it").arg(out)});
    auto password = readSecretFile(args.value("--password-file"), "--password-file");
    if (!password)
        return failWith(password.error());
    if (password->empty())
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--password-file: the password is empty")});
    auto pw = std::make_shared<crypto::SecureBytes>(std::move(password).value());
    return withVault([&](Vault &v, Finish finish) {
        // The same export as the GUI's: encrypted off this thread, written 0600, never over
        // an existing file.
        vault::exportKeystore(v.wallets, address, std::move(*pw), out, {}, [finish](Status st) {
            if (!st)
                return finish(failWith(st.error().code == ErrorCode::Io ||
                                               st.error().code == ErrorCode::InvalidArgument
                                           ? locate(QStringLiteral("--out"), st.error())
                                           : st.error()));
            finish(0);
        });
    });
}

int walletDerive(const Args &args)
{
    if (!args.has("--mnemonic-file"))
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet derive: give --mnemonic-file M")});
    std::uint32_t count = 5;
    if (args.has("--count")) {
        auto n = accountIndex(args, "--count");
        if (!n || *n == 0 || *n > 100)
            return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("--count: expected 1 … 100")});
        count = *n;
    }
    auto master = masterFromMnemonic(args);
    if (!master)
        return failWith(master.error());
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto path = eth::HdKey::ethereumPath(i);
        auto child = master->derive(path);
        if (!child)
            return failWith(child.error());
        auto pub = crypto::secp256k1::publicKey(child->privateKey());
        std::cout << i << '\t' << path << '\t' << eth::Address::fromPublicKey(*pub).toChecksummed() << '\n';
    }
    return 0;
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

/// Asks on stderr whether to remove `account` and reads one line of stdin: the address's
/// last 6 hex digits (any case) or "yes" confirm. End of input (no terminal, nothing piped)
/// or any other answer is no (issue 11: removing deletes the key).
bool confirmRemoval(const vault::Account &account)
{
    const QString suffix = account.address.right(6);
    std::cerr << "Remove " << account.address.toStdString();
    if (!account.label.isEmpty())
        std::cerr << " (" << account.label.toStdString() << ")";
    std::cerr << "? Its key is deleted from the OS keychain; without a backup (quill-cli wallet "
                 "export, or the recovery phrase) it is lost.\n"
              << "Type " << suffix.toStdString()
              << " (the address's last 6 characters) or 'yes' to remove it: " << std::flush;
    std::string line;
    const bool answered = static_cast<bool>(std::getline(std::cin, line));
    if (!answered || !::isatty(STDIN_FILENO))
        std::cerr << '\n'; // a terminal echoed the user's newline; a pipe did not
    if (!answered)
        return false;
    const QString answer = QString::fromStdString(line).trimmed();
    return answer.compare(suffix, Qt::CaseInsensitive) == 0 || answer == QStringLiteral("yes");
}

int walletRemove(const Args &args)
{
    if (args.positional.size() != 2)
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet remove: expected ADDRESS")});
    const QString address = QString::fromStdString(args.positional[1]);
    if (auto a = eth::Address::parse(address.toStdString()); !a)
        return failWith(locate(QStringLiteral("ADDRESS"), a.error()));
    const bool ask = !args.has("--yes");
    return withVault([&](Vault &v, Finish finish) {
        // An address that is not listed gets the vault's own answer (AccountNotFound).
        if (auto account = v.wallets.account(address); account && ask && !confirmRemoval(*account))
            return finish(
                failWith(Error{ErrorCode::InvalidArgument,
                               QStringLiteral("wallet remove: not confirmed, nothing removed "
                                              "(--yes removes without asking)")}));
        v.wallets.remove(address, [finish](Status removed) { finish(removed ? 0 : failWith(removed.error())); });
    });
}

/// Counts the orphans (unfinished records of dead processes) that opening the vault
/// finishes, before it does.
int orphansIn(vault::JournaledIndex &index)
{
    (void)index.refresh();
    int n = 0;
    for (const auto &r : index.records())
        n += r.isOrphan() ? 1 : 0;
    return n;
}

/// Addresses Quill has seen used (session keys, grants, activity) but does not list: their
/// keys may still be in the keychain from an older Quill that lost the index record.
QStringList unlistedAddresses(Vault &v)
{
    QStringList seen;
    for (const auto &k : v.sessionKeys.list())
        seen << k.address;
    requests::PermissionStore grants(dataDir());
    if (grants.load())
        for (const auto &g : grants.grants())
            seen << g.account;
    for (const auto &e : requests::ActivityLog(dataDir()).recent(100000))
        seen << e.account;
    QStringList out;
    for (const auto &address : seen) {
        auto parsed = eth::Address::parse(address.toStdString());
        if (!parsed)
            continue;
        const QString checksummed = QString::fromStdString(parsed->toChecksummed());
        if (!v.wallets.account(checksummed) && !out.contains(checksummed))
            out << checksummed;
    }
    return out;
}

/// `wallet doctor`'s checks, one asynchronous step after another.
class Doctor
{
public:
    Doctor(Vault &v, Finish finish, int orphans) : m_v(v), m_finish(std::move(finish)), m_orphans(orphans) {}

    void run()
    {
        if (m_orphans > 0)
            say(QStringLiteral("finished %1 interrupted operation(s) left by stopped processes").arg(m_orphans));
        m_v.wallets.index().audit([this](Result<QStringList> missing) {
            if (!missing)
                return m_finish(failWith(missing.error()));
            for (const auto &address : *missing) {
                m_needsUser = true;
                say(QStringLiteral("account %1 is listed but its key is not in the keychain; import it again or "
                                   "remove it: quill-cli wallet remove %1")
                        .arg(address));
            }
            m_v.sessionKeys.index().audit([this](Result<QStringList> gone) {
                if (!gone)
                    return m_finish(failWith(gone.error()));
                dropSessionKeys(*gone);
            });
        });
    }

private:
    static void say(const QString &line) { std::cout << line.toStdString() << '\n'; }

    void dropSessionKeys(QStringList keys)
    {
        if (keys.isEmpty())
            return probeUnlisted(unlistedAddresses(m_v));
        const QString key = keys.takeFirst();
        say(QStringLiteral("session key %1 was listed without its secret: dropped (a new one is made on next use)").arg(key));
        m_v.sessionKeys.index().remove(key, [this, keys](Status) { dropSessionKeys(keys); });
    }

    void probeUnlisted(QStringList addresses)
    {
        if (addresses.isEmpty())
            return report();
        const QString address = addresses.takeFirst();
        m_v.store.read(QStringLiteral("wallet:") + address, [this, address, addresses](Result<crypto::SecureBytes> key) {
            if (key) {
                m_needsUser = true;
                say(QStringLiteral("the key of %1 is in the keychain but in no list; to list it again: "
                                   "quill-cli wallet doctor --adopt %1")
                        .arg(address));
            }
            probeUnlisted(addresses);
        });
    }

    void report()
    {
        if (!m_needsUser)
            say(QStringLiteral("ok: %1 account(s), %2 session key(s) and %3 app(s) agree with the keychain")
                    .arg(m_v.wallets.accounts().size())
                    .arg(m_v.sessionKeys.list().size())
                    .arg(m_v.pairings.apps().size()));
        m_finish(m_needsUser ? 1 : 0);
    }

    Vault &m_v;
    Finish m_finish;
    int m_orphans;
    bool m_needsUser = false;
};

/// `wallet doctor [--adopt ADDRESS [--label L]]`: makes the indexes and the keychain agree
/// and says what it found and did. Exit 0: they agree; 1: something needs the user (a key
/// to adopt, an account whose key is gone); 2: unusable input or no keychain.
int walletDoctor(const Args &args)
{
    int orphans = 0;
    {
        // Counted before withVault() opens (and so recovers) the indexes; no secret is read.
        vault::MemoryStore unused;
        vault::WalletVault w(unused, dataDir());
        vault::SessionKeyStore k(unused, dataDir());
        api::PairingStore p(unused, dataDir());
        orphans = orphansIn(w.index()) + orphansIn(k.index()) + orphansIn(p.index());
    }
    if (args.has("--adopt")) {
        const QString address = QString::fromStdString(args.value("--adopt"));
        const QString label = QString::fromStdString(args.value("--label"));
        return withVault([&](Vault &v, Finish finish) {
            v.wallets.adopt(address, label, [finish](Result<vault::Account> a) {
                if (!a)
                    return finish(failWith(locate(QStringLiteral("--adopt"), a.error())));
                std::cout << "adopted " << a->address.toStdString() << ": listed again with its key from the keychain\n";
                finish(0);
            });
        });
    }
    std::unique_ptr<Doctor> doctor;
    return withVault([&](Vault &v, Finish finish) {
        doctor = std::make_unique<Doctor>(v, finish, orphans);
        doctor->run();
    });
}

} // namespace

int runWallet(const std::vector<std::string> &argv)
{
    if (argv.empty())
        return failWith(Error{ErrorCode::InvalidArgument, QStringLiteral("wallet: expected import|create|list|export|remove|derive|doctor")});
    auto args = parseArgs(argv,
                          {"--key-file", "--label", "--mnemonic-file", "--passphrase-file",
                           "--account", "--path", "--keystore", "--password-file", "--words",
                           "--out", "--count", "--adopt"},
                          {"--yes"});
    if (!args)
        return failWith(args.error());
    const auto &sub = args->positional.empty() ? std::string() : args->positional[0];
    if (sub == "import")
        return walletImport(*args);
    if (sub == "list")
        return walletList();
    if (sub == "create")
        return walletCreate(*args);
    if (sub == "export")
        return walletExport(*args);
    if (sub == "derive")
        return walletDerive(*args);
    if (sub == "remove")
        return walletRemove(*args);
    if (sub == "doctor")
        return walletDoctor(*args);
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
        return failWith(locate(QStringLiteral("--request"), request.error()));
    auto plan = lit::SessionSigIssuer::plan(*request, now, *profile);
    if (!plan)
        return failWith(locate(QStringLiteral("--request"), plan.error()));
    auto address = eth::Address::parse(args->value("--account"));
    if (!address)
        return failWith(locate(QStringLiteral("--account"), address.error()));
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

int withAccountKey(const QString &account, const std::function<int(const crypto::SecureBytes &)> &use)
{
    return withVault([&](Vault &v, Finish finish) {
        v.wallets.privateKey(account, [finish, &use](Result<crypto::SecureBytes> key) {
            if (!key)
                return finish(failWith(key.error()));
            const int code = use(*key);
            key->clear();
            finish(code);
        });
    });
}

} // namespace quill::cli
