#include "ScriptedHost.h"

#include "crypto/Encoding.h"

#include <QEventLoop>

namespace quill::test {

ScriptedHost::ScriptedHost(Script s, QObject *parent) : QObject(parent), script(s)
{
    server.setRequestHandler(&handler);
    connect(&handler, &api::BrokerRequestHandler::waitingForUser, &server, &api::ApiServer::notifyWaiting);
    server.setInfo({QStringLiteral("test"), false, [this] { return !wallets.accounts().isEmpty(); }});
    server.setPairingApprover(this);
    server.setAccountsApprover(this);
    QEventLoop loop;
    wallets.importKey(std::move(crypto::secretFromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")).value(),
                      QStringLiteral("Test"), vault::AccountSource::PrivateKey, QString(), [&](Result<vault::Account> r) {
                          if (!r)
                              qFatal("scripted host: import failed");
                          loop.quit();
                      });
    loop.exec();
    connect(&broker, &requests::RequestBroker::reviewRequested, this, [this](quint64 id) {
        ++reviews;
        if (!script.answerRequests)
            return;
        if (script.approve)
            (void)broker.approve(id, {QString::fromLatin1(kAccount), script.remember, std::nullopt});
        else
            (void)broker.reject(id);
    });
    connect(&server, &api::ApiServer::appUnpaired, this, [this](const QString &appId, api::UnpairedBy) {
        (void)permissions.revoke(appId);
        for (const auto &k : sessionKeys.list())
            if (k.appId == appId)
                sessionKeys.remove(appId, k.address, [](Status) {});
    });
}

Status ScriptedHost::listen(const QString &socketPath, int wsPort)
{
    if (auto st = local.listen(socketPath); !st)
        return st;
    if (wsPort >= 0)
        return websocket.listen(quint16(wsPort));
    return okStatus();
}

void ScriptedHost::requestPairing(const api::PairingRequest &, PairingApprover::Decision decide)
{
    ++pairingPrompts;
    decide(script.pair ? std::optional<QString>(QString()) : std::nullopt);
}

void ScriptedHost::requestAccounts(const api::AccountsRequest &, AccountsApprover::Decision decide)
{
    decide(QStringList{QString::fromLatin1(kAccount)});
}

} // namespace quill::test
