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
    if (transport == Transport::LocalSocket)
        return QStringLiteral("uid:%1").arg(uid);
    return QStringLiteral("origin:") + origin;
}

} // namespace quill::api
