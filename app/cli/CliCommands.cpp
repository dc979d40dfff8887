#include "CliCommands.h"

#include "CliIo.h"

#include "common/Time.h"
#include "crypto/Encoding.h"
#include "crypto/Random.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSigVerifier.h"
#include "requests/RequestReview.h"

#include <iostream>

namespace quill::cli {

namespace {

constexpr int kUnusable = 2;

int fail(const Error &error)
{
    printError(error);
    return kUnusable;
}

int fail(const QString &message)
{
    printError(message);
    return kUnusable;
}

Result<UnixMillis> nowFrom(const Args &args)
{
    if (!args.has("--now"))
        return nowMillis();
    auto t = parseRfc3339(args.value("--now"));
    if (!t)
        return Error{ErrorCode::InvalidTime, QStringLiteral("--now: ") + t.error().context};
    return t;
}

Result<lit::SessionRequest> requestFrom(const Args &args)
{
    if (!args.has("--request"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("--request: required")};
    auto text = readTextFile(args.value("--request"), "--request");
    if (!text)
        return text.error();
    auto req = lit::SessionRequest::fromJson(*text);
    if (!req)
        return locate(QStringLiteral("--request"), req.error());
    return req;
}

std::string addressOf(const crypto::SecureBytes &key)
{
    auto pub = crypto::secp256k1::publicKey(key);
    return eth::Address::fromPublicKey(*pub).toChecksummed();
}

Result<std::string> sessionPublicKeyFrom(const Args &args)
{
    if (!args.has("--session-public-key"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("--session-public-key: required")};
    auto hex = args.value("--session-public-key");
    if (!crypto::isLowerHex(hex, 64))
        return Error{ErrorCode::InvalidPublicKey,
                     QStringLiteral("--session-public-key: expected 64 lowercase hex digits (32-byte Ed25519 key, no 0x)")};
    return hex;
}

lit::Profile profileOr(const Args &args, bool &ok)
{
    ok = true;
    if (!args.has("--profile"))
        return lit::Profile::LitV7;
    auto p = lit::parseProfile(args.value("--profile"));
    ok = p.has_value();
    return p.value_or(lit::Profile::LitV7);
}

} // namespace

int runIssue(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--request", "--key-file", "--keystore", "--password-file", "--session-seed-file", "--now", "--profile"}, {});
    if (!args)
        return fail(args.error());
    if (!args->positional.empty())
        return fail(QStringLiteral("issue: unexpected argument '%1'").arg(QString::fromStdString(args->positional[0])));
    bool profileOk = false;
    const auto profile = profileOr(*args, profileOk);
    if (!profileOk)
        return fail(QStringLiteral("--profile: expected lit-v7 or lit-v8"));
    auto now = nowFrom(*args);
    if (!now)
        return fail(now.error());
    auto request = requestFrom(*args);
    if (!request)
        return fail(request.error());
    auto walletKey = walletKeyFrom(*args);
    if (!walletKey)
        return fail(walletKey.error());
    std::optional<lit::SessionKey> sessionKey;
    if (args->has("--session-seed-file")) {
        auto seed = readHexSecretFile(args->value("--session-seed-file"), "--session-seed-file", 32);
        if (!seed)
            return fail(seed.error());
        auto key = lit::SessionKey::fromSeed(*seed);
        if (!key)
            return fail(locate(QStringLiteral("--session-seed-file"), key.error()));
        sessionKey.emplace(std::move(key).value());
    } else {
        sessionKey.emplace(lit::SessionKey::generate());
    }
    auto plan = lit::SessionSigIssuer::plan(*request, *now, profile);
    if (!plan)
        return fail(locate(QStringLiteral("--request"), plan.error()));
    auto siwe = lit::SessionSigIssuer::buildSiwe(*request, *plan, addressOf(*walletKey),
                                                 sessionKey->publicKeyHex());
    if (!siwe)
        return fail(locate(QStringLiteral("--request"), siwe.error()));
    auto authSig = lit::SessionSigIssuer::signAuthSig(*walletKey, *siwe);
    if (!authSig)
        return fail(authSig.error());
    auto sigs = lit::SessionSigIssuer::issue(*request, *plan, *authSig, *sessionKey, profile);
    if (!sigs)
        return fail(locate(QStringLiteral("--request"), sigs.error()));
    std::cout << sigs->toJson() << '\n';
    return 0;
}

int runAuthSig(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv,
                          {"--request", "--session-public-key", "--key-file", "--keystore",
                           "--password-file", "--now", "--profile"},
                          {});
    if (!args)
        return fail(args.error());
    if (!args->positional.empty())
        return fail(QStringLiteral("auth-sig: unexpected argument '%1'").arg(QString::fromStdString(args->positional[0])));
    bool profileOk = false;
    const auto profile = profileOr(*args, profileOk);
    if (!profileOk)
        return fail(QStringLiteral("--profile: expected lit-v7 or lit-v8"));
    auto now = nowFrom(*args);
    if (!now)
        return fail(now.error());
    auto request = requestFrom(*args);
    if (!request)
        return fail(request.error());
    auto pub = sessionPublicKeyFrom(*args);
    if (!pub)
        return fail(pub.error());
    auto walletKey = walletKeyFrom(*args);
    if (!walletKey)
        return fail(walletKey.error());
    auto plan = lit::SessionSigIssuer::plan(*request, *now, profile);
    if (!plan)
        return fail(locate(QStringLiteral("--request"), plan.error()));
    auto siwe = lit::SessionSigIssuer::buildSiwe(*request, *plan, addressOf(*walletKey), *pub);
    if (!siwe)
        return fail(locate(QStringLiteral("--request"), siwe.error()));
    auto authSig = lit::SessionSigIssuer::signAuthSig(*walletKey, *siwe);
    if (!authSig)
        return fail(authSig.error());
    std::cout << authSig->toJson() << '\n';
    return 0;
}

int runSiwe(const std::vector<std::string> &argv)
{
    auto args = parseArgs(
        argv, {"--request", "--address", "--session-public-key", "--now", "--profile"}, {});
    if (!args)
        return fail(args.error());
    if (!args->positional.empty())
        return fail(QStringLiteral("siwe: unexpected argument '%1'").arg(QString::fromStdString(args->positional[0])));
    bool profileOk = false;
    const auto profile = profileOr(*args, profileOk);
    if (!profileOk)
        return fail(QStringLiteral("--profile: expected lit-v7 or lit-v8"));
    auto now = nowFrom(*args);
    if (!now)
        return fail(now.error());
    auto request = requestFrom(*args);
    if (!request)
        return fail(request.error());
    if (!args->has("--address"))
        return fail(QStringLiteral("--address: required"));
    auto address = eth::Address::parse(args->value("--address"));
    if (!address)
        return fail(locate(QStringLiteral("--address"), address.error()));
    auto pub = sessionPublicKeyFrom(*args);
    if (!pub)
        return fail(pub.error());
    auto plan = lit::SessionSigIssuer::plan(*request, *now, profile);
    if (!plan)
        return fail(locate(QStringLiteral("--request"), plan.error()));
    auto siwe = lit::SessionSigIssuer::buildSiwe(*request, *plan, address->toChecksummed(), *pub);
    if (!siwe)
        return fail(locate(QStringLiteral("--request"), siwe.error()));
    std::cout << siwe->render() << '\n';
    return 0;
}

int runVerify(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--now", "--address", "--resource", "--ability"}, {"--node-only"},
                          {"--resource", "--ability"});
    if (!args)
        return fail(args.error());
    if (args->positional.size() != 1)
        return fail(QStringLiteral("verify: expected exactly one SIGS.json argument"));
    auto now = nowFrom(*args);
    if (!now)
        return fail(now.error());
    lit::VerifyOptions options;
    options.now = *now;
    options.nodeOnly = args->has("--node-only");
    if (args->has("--address")) {
        auto a = eth::Address::parse(args->value("--address"));
        if (!a)
            return fail(locate(QStringLiteral("--address"), a.error()));
        options.expectedAddress = args->value("--address");
    }
    const auto resources = args->values("--resource");
    const auto abilities = args->values("--ability");
    if (resources.size() != abilities.size())
        return fail(QStringLiteral("--resource/--ability: give them in pairs"));
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const auto sep = resources[i].find("://");
        if (sep == std::string::npos || !lit::parseResourcePrefix(resources[i].substr(0, sep)) ||
            sep + 3 == resources[i].size())
            return fail(QStringLiteral("--resource: expected <lit prefix>://<id>, got '%1'")
                            .arg(QString::fromStdString(resources[i])));
        if (!lit::parseAbility(abilities[i]))
            return fail(QStringLiteral("--ability: unknown Lit ability '%1'").arg(QString::fromStdString(abilities[i])));
        options.uses.push_back({resources[i], abilities[i]});
    }
    auto text = readTextFile(args->positional[0], "SIGS.json");
    if (!text)
        return fail(text.error());
    auto report = lit::SessionSigVerifier::verify(*text, options);
    if (!report)
        return fail(locate(QStringLiteral("SIGS.json"), report.error()));
    std::cout << report->toJson() << '\n';
    return report->ok() ? 0 : 1;
}

int runAddress(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--key-file", "--keystore", "--password-file"}, {});
    if (!args)
        return fail(args.error());
    if (!args->positional.empty())
        return fail(QStringLiteral("address: unexpected argument '%1'").arg(QString::fromStdString(args->positional[0])));
    auto walletKey = walletKeyFrom(*args);
    if (!walletKey)
        return fail(walletKey.error());
    std::cout << addressOf(*walletKey) << '\n';
    return 0;
}

int runDemo(const std::vector<std::string> &argv)
{
    if (!argv.empty())
        return fail(QStringLiteral("demo: takes no arguments"));
    // A throw-away wallet: random key, never written anywhere.
    crypto::SecureBytes walletKey = crypto::randomBytes(32);
    while (!crypto::secp256k1::isValidPrivateKey(walletKey))
        walletKey = crypto::randomBytes(32);
    const auto address = addressOf(walletKey);
    const auto sessionKey = lit::SessionKey::generate();
    const std::string requestJson = R"({
        "domain": "localhost:3000",
        "statement": "Demo app asks to decrypt one file and run Lit Actions.",
        "resourceAbilityRequests": [
          {"resource": {"resource": "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349",
                        "resourcePrefix": "lit-accesscontrolcondition"},
           "ability": "access-control-condition-decryption"},
          {"resource": {"resource": "*", "resourcePrefix": "lit-litaction"}, "ability": "lit-action-execution"}],
        "nodeUrls": ["https://127.0.0.1:7470", "https://127.0.0.1:7471", "https://127.0.0.1:7472"]})";
    auto request = lit::SessionRequest::fromJson(requestJson);
    if (!request)
        return fail(request.error());
    const auto now = nowMillis();
    auto plan = lit::SessionSigIssuer::plan(*request, now);
    if (!plan)
        return fail(plan.error());
    auto siwe = lit::SessionSigIssuer::buildSiwe(*request, *plan, address, sessionKey.publicKeyHex());
    if (!siwe)
        return fail(siwe.error());
    auto authSig = lit::SessionSigIssuer::signAuthSig(walletKey, *siwe);
    if (!authSig)
        return fail(authSig.error());
    auto sigs = lit::SessionSigIssuer::issue(*request, *plan, *authSig, sessionKey, lit::Profile::LitV7);
    if (!sigs)
        return fail(sigs.error());
    lit::VerifyOptions options;
    options.now = now;
    options.expectedAddress = address;
    auto report = lit::SessionSigVerifier::verify(sigs->toJson(), options);
    if (!report)
        return fail(report.error());

    std::cout << "Quill demo - throw-away wallet " << address << "\n"
              << "session key " << sessionKey.publicKeyHex() << "\n\n"
              << "Capabilities requested:\n";
    for (const auto &r : request->resourceAbilityRequests)
        std::cout << "  - " << lit::toString(r.ability) << " on " << r.key() << "\n";
    std::cout << "\nSIWE message the wallet signs (EIP-4361):\n---\n" << siwe->render() << "\n---\n\n"
              << "Session sigs issued for " << sigs->entries.size() << " nodes; verified as a Lit node would: "
              << (report->ok() ? "all checks pass" : "FAILED") << " (" << report->checks.size() << " checks)\n";
    for (const auto &c : report->checks)
        if (!c.ok)
            std::cout << "  FAIL " << c.name << ": " << c.detail << "\n";
    return report->ok() ? 0 : 1;
}

int runReview(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--address", "--session-public-key", "--origin", "--now", "--profile"}, {"--unpaired"});
    if (!args)
        return fail(args.error());
    if (args->positional.size() != 1)
        return fail(QStringLiteral("review: expected exactly one REQ.json argument"));
    bool profileOk = false;
    const auto profile = profileOr(*args, profileOk);
    if (!profileOk)
        return fail(QStringLiteral("--profile: expected lit-v7 or lit-v8"));
    auto now = nowFrom(*args);
    if (!now)
        return fail(now.error());
    auto text = readTextFile(args->positional[0], "REQ.json");
    if (!text)
        return fail(text.error());
    auto request = lit::SessionRequest::fromJson(*text);
    if (!request)
        return fail(locate(QStringLiteral("REQ.json"), request.error()));
    // Without an account or key the text shows placeholders; rows and warnings do not depend on them.
    std::string address = "0x0000000000000000000000000000000000000000";
    if (args->has("--address")) {
        auto a = eth::Address::parse(args->value("--address"));
        if (!a)
            return fail(locate(QStringLiteral("--address"), a.error()));
        address = a->toChecksummed();
    }
    std::string pub(64, '0');
    if (args->has("--session-public-key")) {
        auto p = sessionPublicKeyFrom(*args);
        if (!p)
            return fail(p.error());
        pub = *p;
    }
    requests::AppIdentity app;
    app.appId = QStringLiteral("cli");
    app.origin = QString::fromStdString(args->value("--origin"));
    app.paired = !args->has("--unpaired");
    app.firstRequest = false;
    auto plan = lit::SessionSigIssuer::resolvePlan(*request, *now, profile);
    if (!plan)
        return fail(locate(QStringLiteral("REQ.json"), plan.error()));
    auto review = requests::RequestReview::build(*request, *plan, app, QString::fromStdString(address), pub, profile, *now);
    if (!review)
        return fail(locate(QStringLiteral("REQ.json"), review.error()));
    static const char *const kSeverity[] = {"info", "WARNING", "DANGER"};
    std::cout << "This app will be able to:\n";
    for (const auto &row : review->rows)
        std::cout << "  - " << row.text.toStdString() << "  [" << row.ability.toStdString() << " on "
                  << row.resourceKey.toStdString() << "]\n";
    std::cout << "\nWarnings:\n";
    for (const auto &w : review->warnings)
        std::cout << "  " << kSeverity[int(w.severity)] << " (" << w.code.toStdString() << "): " << w.text.toStdString() << "\n";
    if (!review->priceCaps.isEmpty()) {
        std::cout << "\nPrice caps (maxPrice, signed as the SDK writes it):\n";
        for (const auto &cap : review->priceCaps)
            std::cout << "  - " << cap.nodeUrl.toStdString() << ": " << cap.tokens.toStdString()
                      << " tokens (" << cap.wei.toStdString() << " wei, "
                      << cap.signedHex.toStdString() << ")\n";
    }
    if (!review->delegations.isEmpty()) {
        std::cout << "\nDelegations attached (capabilityAuthSigs):\n";
        for (const auto &d : review->delegations) {
            if (d.signer.isEmpty()) {
                std::cout << "  - UNVERIFIED\n";
                continue;
            }
            std::cout << "  - signed by " << d.signer.toStdString() << " (signature verified)";
            if (!d.expiration.isEmpty())
                std::cout << ", valid until " << d.expiration.toStdString();
            std::cout << ":\n";
            for (const auto &g : d.grants)
                std::cout << "      " << g.toStdString() << "\n";
        }
    }
    std::cout << "\nExpires: " << review->expiration.toStdString() << "\n\nMessage to be signed:\n---\n"
              << review->siweText << "\n---\n";
    return 0;
}

} // namespace quill::cli
