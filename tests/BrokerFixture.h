#pragma once

// A request broker as the app builds it, over a temporary data folder and an in-memory
// keychain, with the spec's public test key imported: what the broker, GUI, settings,
// accounts and translation tests start from.

#include "AsyncWait.h"
#include "FakeClock.h"

#include "crypto/Encoding.h"
#include "requests/ActivityLog.h"
#include "requests/PermissionStore.h"
#include "requests/RequestBroker.h"
#include "vault/MemoryStore.h"
#include "vault/SessionKeyStore.h"
#include "vault/WalletVault.h"

#include <QTemporaryDir>

#include <optional>

namespace quill::test {

/// Public test key of the spec's vectors, and its address.
inline constexpr const char *kTestKey =
    "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
inline const QString kTestAccount = QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
/// 2025-01-15T12:00:00.000Z
inline constexpr UnixMillis kTestNow = 1736942400000;

struct BrokerFixture
{
    QTemporaryDir dir;
    vault::MemoryStore store;
    vault::WalletVault wallets{store, dir.path()};
    vault::SessionKeyStore sessionKeys{store, dir.path()};
    requests::PermissionStore permissions{dir.path()};
    requests::ActivityLog activity{dir.path()};
    FakeClock clock;
    requests::RequestBroker broker{wallets, sessionKeys, permissions, activity, clock};

    /// Imports the test key labelled `accountLabel` (none: no account), at `now`.
    explicit BrokerFixture(std::optional<QString> accountLabel = QStringLiteral("Test"),
                           UnixMillis now = kTestNow)
        : clock(now)
    {
        if (!accountLabel)
            return;
        auto r = await<Result<vault::Account>>([&](auto cb) {
            wallets.importKey(std::move(crypto::secretFromHex(kTestKey)).value(), *accountLabel,
                              vault::AccountSource::PrivateKey, QString(), cb);
        });
        if (!r || !r->ok())
            qFatal("test fixture: importing the test key failed");
    }
};

} // namespace quill::test
