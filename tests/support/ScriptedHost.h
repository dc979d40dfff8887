#pragma once

// A complete Quill host without widgets, for end-to-end tests, the Node example and the API
// benchmark: the real ApiServer, transports, pairing store, RequestBroker and vault (on a
// MemoryStore holding the spec's public test key), with scripted approvers in place of the
// user. Nothing here is used by the product.

#include "api/AccountsApprover.h"
#include "api/ApiServer.h"
#include "api/BrokerRequestHandler.h"
#include "api/LocalSocketTransport.h"
#include "api/PairingApprover.h"
#include "api/PairingStore.h"
#include "api/WebSocketTransport.h"
#include "requests/RequestBroker.h"
#include "vault/MemoryStore.h"

#include <QTemporaryDir>

namespace quill::test {

/// What the scripted "user" does.
struct Script
{
    bool pair = true;          ///< approve pairing prompts
    bool approve = true;       ///< approve session requests (else reject)
    bool remember = false;     ///< approve and remember
    bool answerRequests = true; ///< false: leave requests pending (timeouts, disconnects)
};

class ScriptedHost : public QObject, public api::PairingApprover, public api::AccountsApprover
{
    Q_OBJECT
public:
    /// Public test key of the spec's vectors.
    static constexpr const char *kAccount = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

    explicit ScriptedHost(Script script = {}, QObject *parent = nullptr);

    /// Listens on `socketPath` (and, with a non-negative port, on the loopback WebSocket).
    [[nodiscard]] Status listen(const QString &socketPath, int wsPort = -1);

    Script script;
    QTemporaryDir dir;
    vault::MemoryStore store;
    vault::WalletVault wallets{store, dir.path()};
    vault::SessionKeyStore sessionKeys{store, dir.path()};
    requests::PermissionStore permissions{dir.path()};
    requests::ActivityLog activity{dir.path()};
    requests::SystemClock clock;
    requests::RequestBroker broker{wallets, sessionKeys, permissions, activity, clock};
    api::PairingStore pairings{store, dir.path()};
    api::BrokerRequestHandler handler{broker, activity}; // before the server: it outlives it
    api::ApiServer server{pairings};
    api::LocalSocketTransport local{server};
    api::WebSocketTransport websocket{server};
    int pairingPrompts = 0;
    int reviews = 0;

    void requestPairing(const api::PairingRequest &request, PairingApprover::Decision decide) override;
    void cancelPairing(quint64) override {}
    void requestAccounts(const api::AccountsRequest &request, AccountsApprover::Decision decide) override;
    void cancelAccounts(quint64) override {}
};

} // namespace quill::test
