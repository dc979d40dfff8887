// quill-cli request: a client of a running Quill (issue #5). Pairs on first use and keeps the
// pairing token in the OS keychain; later runs present it.

#include "WalletCommands.h"

#include "CliIo.h"

#include "api/ApiClient.h"
#include "vault/KeychainStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <iostream>
#include <memory>

namespace quill::cli {

namespace {

constexpr int kUnusable = 2;
constexpr int kRefused = 1;

struct RequestRun
{
    api::ApiClient client;
    vault::KeychainStore keychain;
    QString endpoint;
    QString name;
    QByteArray params;
    std::function<void(int)> finish;
    bool retried = false;

    QString tokenKey() const { return QStringLiteral("client:") + endpoint; }

    void failWith(const api::RpcReply &r)
    {
        std::cerr << "quill-cli: " << r.message.toStdString() << " (error " << r.code << ")\n";
        finish(kRefused);
    }

    void start()
    {
        keychain.read(tokenKey(), [this](Result<crypto::SecureBytes> saved) {
            QString appId, token;
            if (saved) {
                const QByteArray text(reinterpret_cast<const char *>(saved->data()), qsizetype(saved->size()));
                appId = QString::fromLatin1(text.split(' ').value(0));
                token = QString::fromLatin1(text.split(' ').value(1));
            }
            hello(appId, token);
        });
    }

    void hello(const QString &appId, const QString &token)
    {
        client.hello(name, appId, token, [this, hadToken = !token.isEmpty()](const api::RpcReply &r) {
            if (!r.ok) {
                if (hadToken && r.code == 4100 && !retried) {
                    // The pairing was revoked on Quill's side: forget it and pair again.
                    retried = true;
                    keychain.remove(tokenKey(), [this](Status) { hello({}, {}); });
                    return;
                }
                return failWith(r);
            }
            const auto o = QJsonDocument::fromJson(r.result).object();
            const QString newToken = o.value(QStringLiteral("token")).toString();
            if (newToken.isEmpty())
                return ask();
            const QByteArray record = o.value(QStringLiteral("appId")).toString().toLatin1() + ' ' + newToken.toLatin1();
            keychain.write(tokenKey(),
                           crypto::SecureBytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(record.constData()),
                                                                             size_t(record.size()))),
                           [this](Status st) {
                               if (!st)
                                   std::cerr << "quill-cli: paired, but the token could not be kept ("
                                             << describe(st.error()).toStdString() << "); the next run pairs again\n";
                               ask();
                           });
        });
    }

    void ask()
    {
        client.call(QStringLiteral("quill_requestSessionSigs"), params, [this](const api::RpcReply &r) {
            if (!r.ok)
                return failWith(r);
            std::cout << r.result.toStdString() << '\n';
            finish(0);
        });
    }
};

} // namespace

int runRequest(const std::vector<std::string> &argv)
{
    auto args = parseArgs(argv, {"--socket", "--ws", "--origin", "--name", "--profile"}, {});
    if (!args) {
        printError(args.error());
        return kUnusable;
    }
    if (args->positional.size() != 1) {
        printError(QStringLiteral("request: expected exactly one REQ.json argument"));
        return kUnusable;
    }
    if (args->has("--socket") && args->has("--ws")) {
        printError(QStringLiteral("--socket/--ws: give one of them"));
        return kUnusable;
    }
    auto text = readTextFile(args->positional[0], "REQ.json");
    if (!text) {
        printError(text.error());
        return kUnusable;
    }
    QJsonParseError parseError{};
    QJsonDocument::fromJson(QByteArray::fromStdString(*text), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        printError(QStringLiteral("REQ.json: not valid JSON (at byte %1)").arg(parseError.offset));
        return kUnusable;
    }
    const std::string profile = args->has("--profile") ? args->value("--profile") : "lit-v7";
    if (profile != "lit-v7" && profile != "lit-v8") {
        printError(QStringLiteral("--profile: expected lit-v7 or lit-v8"));
        return kUnusable;
    }

    CliApplication cli;
    QCoreApplication &app = cli.app();
    RequestRun run;
    run.name = args->has("--name") ? QString::fromStdString(args->value("--name")) : QStringLiteral("quill-cli");
    // The request member goes verbatim (key order of capabilityAuthSigs is signed).
    run.params = "{\"request\":" + QByteArray::fromStdString(*text).trimmed() + ",\"profile\":\"" +
                 QByteArray::fromStdString(profile) + "\"}";
    int code = kUnusable;
    run.finish = [&code](int c) {
        code = c;
        QCoreApplication::exit(c);
    };
    QObject::connect(&run.client, &api::ApiClient::connected, &app, [&run] { run.start(); });
    QObject::connect(&run.client, &api::ApiClient::disconnected, &app, [&run, &code] {
        if (code == kUnusable) {
            std::cerr << "quill-cli: Quill is not reachable (is it running?): start the desktop app with `quill`; "
                         "for tests and CI, `quill-cli serve --dev --dev-key-file KEY` signs without asking\n";
            run.finish(kUnusable);
        }
    });
    if (args->has("--ws")) {
        const QUrl url(QString::fromStdString(args->value("--ws")));
        if (!url.isValid() || url.scheme() != QStringLiteral("ws")) {
            printError(QStringLiteral("--ws: expected ws://127.0.0.1:PORT"));
            return kUnusable;
        }
        run.endpoint = url.toString();
        run.client.connectToUrl(url, QString::fromStdString(args->value("--origin")));
    } else {
        run.endpoint = args->has("--socket") ? QString::fromStdString(args->value("--socket"))
                                             : QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR")) + QStringLiteral("/quill/quill.sock");
        run.client.connectToLocal(run.endpoint);
    }
    QTimer::singleShot(0, &app, [] {});
    QCoreApplication::exec();
    return code;
}

} // namespace quill::cli
