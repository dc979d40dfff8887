// Fuzzes what the WebSocket transport reads before a peer is admitted (issue 14): the raw
// HTTP request head (WebSocketTransport::checkRequestHead) and a /proc/net/tcp{,6} table
// (tcppeer::findInTable). Invariants: nothing crashes; a head accepted as having one Host
// still is after appending data behind its blank line; a head without the blank line is
// never accepted; a match is a real entry (uid >= 0, inode != 0).
#include "api/TcpPeerLookup.h"
#include "api/WebSocketTransport.h"

#include <QHostAddress>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill::api;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const bool accepted = !WebSocketTransport::checkRequestHead(bytes).has_value();
    if (!bytes.contains("\r\n\r\n"))
        check(!accepted);
    if (accepted)
        check(!WebSocketTransport::checkRequestHead(bytes + "Host: x\r\n\r\n").has_value());

    static const QHostAddress v4(QHostAddress::LocalHost);
    static const QHostAddress v6(QHostAddress::LocalHostIPv6);
    for (const auto &[peer, local] : {std::pair{&v4, &v4}, std::pair{&v6, &v6}}) {
        const auto owner = tcppeer::findInTable(bytes, *peer, 40000, *local, 7475);
        if (owner)
            check(owner->uid >= 0 && owner->inode != 0);
    }
    return 0;
}
