#pragma once

// Test fakes and helpers for the local API: scripted approvers and request handler (they
// answer on the next turn of the event loop, as a dialog would), a fixture with the real
// server on a temporary socket, and a blocking-for-tests call helper over the real client.

#include "../../AsyncWait.h"
#include "../../TestData.h"

#include "api/AccountsApprover.h"
#include "api/ApiClient.h"
#include "api/ApiServer.h"
#include "api/LocalSocketTransport.h"
#include "api/PairingApprover.h"
#include "api/PairingStore.h"
#include "api/RequestHandler.h"
#include "vault/MemoryStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

namespace quill::test {

using namespace quill::api;

/// Runs `f` on the next turn of the event loop.
template <typename F> void later(QObject *context, F f)
{
    QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
}

class ScriptedPairingApprover : public QObject, public PairingApprover
{
public:
    enum class Mode
    {
        Approve,
        Deny,
        Hold
    };
    Mode mode = Mode::Approve;
    QString approvedName; ///< empty: keep the claimed name
    QList<PairingRequest> requests;
    QList<quint64> cancelled;
    std::map<quint64, Decision> held;

    void requestPairing(const PairingRequest &request, Decision decide) override
    {
        requests.push_back(request);
        if (mode == Mode::Hold) {
            held.emplace(request.id, std::move(decide));
            return;
        }
        const bool approve = mode == Mode::Approve;
        later(this, [decide = std::move(decide), approve, name = approvedName] {
            decide(approve ? std::optional<QString>(name) : std::nullopt);
        });
    }
    void cancelPairing(quint64 id) override { cancelled.push_back(id); }
};

class ScriptedAccountsApprover : public QObject, public AccountsApprover
{
public:
    std::optional<QStringList> answer =
        QStringList{QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")};
    QList<AccountsRequest> requests;
    QList<quint64> cancelled;

    void requestAccounts(const AccountsRequest &request, Decision decide) override
    {
        requests.push_back(request);
        later(this, [decide = std::move(decide), a = answer] { decide(a); });
    }
    void cancelAccounts(quint64 id) override { cancelled.push_back(id); }
};

class ScriptedRequestHandler : public QObject, public RequestHandler
{
public:
    enum class Mode
    {
        Answer,
        Hold
    };
    Mode mode = Mode::Answer;
    Result<std::string> answer = std::string("{}");
    int handled = 0;
    std::optional<ApiRequest> last;
    QList<quint64> cancelled;
    std::map<quint64, Reply> held;

    void handle(const ApiRequest &request, Reply reply) override
    {
        ++handled;
        last = request;
        if (mode == Mode::Hold) {
            held.emplace(request.id, std::move(reply));
            return;
        }
        later(this, [reply = std::move(reply), a = answer] { reply(a); });
    }
    void cancel(quint64 requestId) override
    {
        cancelled.push_back(requestId);
        held.erase(requestId);
    }
};

/// The real server with scripted approval, listening on a socket in a temporary directory.
/// Member order matters: fakes outlive the server, the transport dies first.
struct ApiFixture
{
    QTemporaryDir dir;
    vault::MemoryStore store;
    PairingStore pairings{store, dir.path()};
    ScriptedPairingApprover pairer;
    ScriptedAccountsApprover accountsApprover;
    ScriptedRequestHandler handler;
    ApiServer server{pairings};
    LocalSocketTransport local{server};

    ApiFixture()
    {
        server.setPairingApprover(&pairer);
        server.setAccountsApprover(&accountsApprover);
        server.setRequestHandler(&handler);
    }
    [[nodiscard]] bool listen() { return local.listen(socketPath()).ok(); }
    QString socketPath() const { return dir.filePath(QStringLiteral("run/quill.sock")); }
};

inline std::unique_ptr<ApiClient> connectLocal(const QString &path)
{
    auto client = std::make_unique<ApiClient>();
    QSignalSpy connected(client.get(), &ApiClient::connected);
    client->connectToLocal(path);
    if (!connected.count() && !connected.wait(5000))
        return nullptr;
    return client;
}

inline RpcReply call(ApiClient &client, const QString &method, const QByteArray &params = {})
{
    auto r = await<RpcReply>([&](auto cb) { client.call(method, params, cb); });
    if (!r) {
        RpcReply timeout;
        timeout.code = -999;
        timeout.message = QStringLiteral("test timeout");
        return timeout;
    }
    return *r;
}

inline RpcReply hello(ApiClient &client, const QString &name, const QString &appId = {},
                      const QString &token = {})
{
    auto r = await<RpcReply>([&](auto cb) { client.hello(name, appId, token, cb); });
    return r ? *r : RpcReply{};
}

/// A member of a result object (tests only; QJsonDocument is fine for reading).
inline QString member(const RpcReply &reply, const char *name)
{
    return QJsonDocument::fromJson(reply.result).object().value(QLatin1String(name)).toString();
}

/// Whitespace outside strings removed: the compact form JSON.stringify writes, key order kept.
inline std::string minify(const QByteArray &json)
{
    std::string out;
    bool inString = false;
    bool escaped = false;
    for (char c : json) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    return out;
}

/// The request document used by the end-to-end tests: one line, capability keys in the
/// app's order (address first), which must reach the handler unchanged.
inline QByteArray requestDoc()
{
    return readData(QStringLiteral("requests/valid_capability_key_order.json")).trimmed();
}

inline QByteArray sessionSigsParams(const QByteArray &request = requestDoc())
{
    return QByteArray("{\"request\":") + request + '}';
}

} // namespace quill::test
