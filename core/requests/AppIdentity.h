#pragma once

#include <QString>

namespace quill::requests {

/// Who is asking. `claimedName` is whatever the app says about itself and is shown as a
/// claim; the other fields are facts the transport established and are shown as facts.
struct AppIdentity
{
    QString appId;       ///< stable id: a paired app's id, "cli", "demo"
    QString claimedName; ///< as the app presented itself (untrusted)
    QString transport;   ///< "local-socket", "websocket", "cli", "demo"
    qint64 pid = 0;      ///< peer process (local socket), 0 if unknown
    QString executable;  ///< peer executable path (local socket), empty if unknown
    QString origin;      ///< browser Origin (WebSocket), empty if none
    bool paired = false; ///< the app presented a valid pairing token
    bool firstRequest = true; ///< no earlier request from this app was approved
};

} // namespace quill::requests
