// quill-cli chainsecured sign|verify: Lit Chipotle ChainSecured authorizations (issue #15).

#include "CliCommands.h"
#include "CliIo.h"
#include "WalletCommands.h"

#include "common/JsonText.h"
#include "common/Time.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "lit/ChainSecured.h"

#include <iostream>

namespace quill::cli {

namespace {

constexpr int kFailed = 1;
constexpr int kUnusable = 2;

int unusable(const QString &message)
{
    printError(message);
    return kUnusable;
}

Result<std::int64_t> nowSecondsFrom(const Args &args)
{
    if (!args.has("--now"))
        return nowMillis() / kSecond;
    auto t = parseRfc3339(args.value("--now"));
    if (!t)
        return Error{ErrorCode::InvalidTime, QStringLiteral("--now: ") + t.error().context};
    // Unix seconds, rounded down like JavaScript's Math.floor(Date.now() / 1000).
    return *t >= 0 ? *t / kSecond : -((-*t + kSecond - 1) / kSecond);
}

Result<std::uint64_t> chainIdFrom(const Args &args)
{
    if (!args.has("--chain-id"))
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("--chain-id: required (Base 8453, Base Sepolia 84532; a Chipotle server "
                           "says which in GET /core/v1/get_node_chain_config)")};
    const auto text = args.value("--chain-id");
    std::uint64_t n = 0;
    bool ok = !text.empty() && text.size() <= 19 && text[0] != '0';
    for (char c : text) {
        ok = ok && c >= '0' && c <= '9';
        if (ok)
            n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (!ok)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--chain-id: expected a positive decimal number, got '%1'")
                         .arg(QString::fromStdString(text))};
    return n;
}

int runSign(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv,
                          {"--purpose", "--chain-id", "--account", "--key-file", "--keystore",
                           "--password-file", "--now"},
                          {"--header"});
    if (!args)
        return unusable(describe(args.error()));
    if (!args->positional.empty())
        return unusable(QStringLiteral("chainsecured sign: unexpected argument '%1'")
                            .arg(QString::fromStdString(args->positional[0])));
    const auto purpose = lit::purposeFromName(args->value("--purpose"));
    if (!args->has("--purpose") || !purpose ||
        lit::purposeCliName(*purpose) != args->value("--purpose"))
        return unusable(QStringLiteral("--purpose: expected create-wallet, convert-account, "
                                       "add-usage-api-key or billing-auth"));
    auto chainId = chainIdFrom(*args);
    if (!chainId)
        return unusable(describe(chainId.error()));
    auto now = nowSecondsFrom(*args);
    if (!now)
        return unusable(describe(now.error()));
    if (*now < 0)
        return unusable(QStringLiteral("--now: before 1970"));
    const bool header = args->has("--header");
    if (header && *purpose != lit::ChainSecuredPurpose::BillingAuth)
        return unusable(
            QStringLiteral("--header: only for billing-auth (the X-Wallet-Auth header)"));

    lit::ChainSecuredAuthorization auth;
    auth.purpose = *purpose;
    auth.chainId = *chainId;
    auth.issuedAt = *now;
    auto signWith = [&](const crypto::SecureBytes &key) {
        auto pub = crypto::secp256k1::publicKey(key);
        if (!pub)
            return unusable(describe(pub.error()));
        auth.address = eth::Address::fromPublicKey(*pub);
        auto sig = lit::signChainSecured(key, auth);
        if (!sig)
            return unusable(describe(sig.error()));
        std::cout << (header ? lit::walletAuthHeader(auth, *sig)
                             : lit::chainSecuredBody(auth, *sig))
                  << '\n';
        return 0;
    };

    const bool fromAccount = args->has("--account");
    if (fromAccount == (args->has("--key-file") || args->has("--keystore")))
        return unusable(
            QStringLiteral("chainsecured sign: give one of --account ADDRESS, --key-file F, "
                           "--keystore F --password-file P"));
    if (fromAccount) {
        auto address = eth::Address::parse(args->value("--account"));
        if (!address)
            return unusable(QStringLiteral("--account: ") + describe(address.error()));
        return withAccountKey(QString::fromStdString(address->toChecksummed()), signWith);
    }
    auto key = walletKeyFrom(*args);
    if (!key)
        return unusable(describe(key.error()));
    return signWith(*key);
}

int runVerifyFile(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--chain-id", "--now", "--purpose"}, {});
    if (!args)
        return unusable(describe(args.error()));
    if (args->positional.size() != 1)
        return unusable(QStringLiteral("chainsecured verify: expected exactly one FILE argument"));
    lit::ChainSecuredExpectation expected;
    auto chainId = chainIdFrom(*args);
    if (!chainId)
        return unusable(describe(chainId.error()));
    expected.chainId = *chainId;
    auto now = nowSecondsFrom(*args);
    if (!now)
        return unusable(describe(now.error()));
    expected.nowSeconds = *now;
    if (args->has("--purpose")) {
        expected.purpose = lit::purposeFromName(args->value("--purpose"));
        if (!expected.purpose)
            return unusable(QStringLiteral("--purpose: expected create-wallet, convert-account, "
                                           "add-usage-api-key or billing-auth"));
    }
    auto text = readTextFile(args->positional[0], "FILE");
    if (!text)
        return unusable(describe(text.error()));
    auto r = lit::verifyChainSecuredBody(*text, expected);
    // Not JSON (nor base64 of it) at all: unusable input, as `verify` treats it.
    if (!r &&
        (r.error().code == ErrorCode::InvalidJson || r.error().code == ErrorCode::InvalidBase64))
        return unusable(QStringLiteral("FILE: ") + describe(r.error()));
    std::string out = "{\"ok\":";
    if (r) {
        out += "true,\"purpose\":" + jsonString(lit::primaryTypeName(r->purpose)) +
               ",\"address\":" + jsonString(r->address.toChecksummed()) +
               ",\"chainId\":" + std::to_string(r->chainId) +
               ",\"issuedAt\":" + std::to_string(r->issuedAt) + '}';
        std::cout << out << '\n';
        return 0;
    }
    out += "false,\"code\":" + std::to_string(static_cast<int>(r.error().code)) +
           ",\"error\":" + jsonString(describe(r.error()).toStdString()) + '}';
    std::cout << out << '\n';
    printError(QStringLiteral("FILE: ") + describe(r.error()));
    return kFailed;
}

} // namespace

int runChainSecured(const std::vector<std::string> &argv)
{
    if (argv.empty())
        return unusable(QStringLiteral("chainsecured: expected sign or verify"));
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "sign")
        return runSign(rest);
    if (argv[0] == "verify")
        return runVerifyFile(rest);
    return unusable(QStringLiteral("chainsecured: unknown subcommand '%1' (sign or verify)")
                        .arg(QString::fromStdString(argv[0])));
}

} // namespace quill::cli
