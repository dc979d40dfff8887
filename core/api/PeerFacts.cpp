#include "api/PeerFacts.h"

namespace quill::api {

QString toString(Transport transport)
{
    switch (transport) {
    case Transport::LocalSocket:
        return QStringLiteral("local-socket");
    case Transport::WebSocket:
        return QStringLiteral("websocket");
    }
    return {};
}

QString PeerFacts::peerKey() const
{
    if (transport == Transport::WebSocket && !origin.isEmpty())
        return QStringLiteral("origin:") + origin;
    return QStringLiteral("program:%1:").arg(uid) + executable;
}

} // namespace quill::api
