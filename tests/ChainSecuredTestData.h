#pragma once

// The ChainSecured authorization and app identity that the core review test and the GUI
// review test both start from.

#include "lit/ChainSecured.h"
#include "requests/AppIdentity.h"

#include <cstdint>

namespace quill::test {

/// An authorization for a fixed address at issuedAt 1780000000.
inline lit::ChainSecuredAuthorization chainSecuredAuth(lit::ChainSecuredPurpose purpose,
                                                       std::uint64_t chainId)
{
    lit::ChainSecuredAuthorization a;
    a.purpose = purpose;
    a.chainId = chainId;
    a.address = eth::Address::parse("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377").value();
    a.issuedAt = 1780000000;
    return a;
}

/// A paired WebSocket app "app-1" calling itself `name`, with `origin`.
inline requests::AppIdentity pairedWebSocketApp(const QString &name, const QString &origin)
{
    requests::AppIdentity a;
    a.appId = QStringLiteral("app-1");
    a.claimedName = name;
    a.transport = QStringLiteral("websocket");
    a.origin = origin;
    a.paired = true;
    return a;
}

} // namespace quill::test
