#pragma once

#include "api/PeerFacts.h"

#include <QByteArray>
#include <QObject>

namespace quill::api {

/// One app's connection, as a transport presents it to ApiServer: whole messages in and out,
/// the peer's facts, and a way to hang up. The transport owns framing (a line, a WebSocket
/// frame) and the per-message size cap of that framing; ApiServer owns everything else.
///
/// Lifetime: ApiServer takes ownership in addConnection() and deletes the object (later, on
/// the event loop) after disconnected().
class ApiConnection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ApiConnection() override = default;

    /// What the transport established about the peer (fixed for the connection's life).
    virtual const PeerFacts &peer() const = 0;

    /// Queues one complete message (a JSON text without a line break) for the peer.
    /// Misuse: a message containing '\n' asserts (it would break line framing).
    virtual void send(const QByteArray &message) = 0;

    /// Bytes queued for the peer and not yet written (ApiServer closes connections whose
    /// peer stops reading, so an app cannot make Quill buffer without bound).
    virtual qint64 bytesPending() const = 0;

    /// Stops delivering messages at once, flushes what was queued, then disconnects; if the
    /// peer does not take the data within a couple of seconds the socket is aborted.
    /// disconnected() follows exactly once (possibly before close() returns).
    virtual void close() = 0;

Q_SIGNALS:
    /// One complete message as received (not yet parsed, not size-checked by ApiServer).
    void messageReceived(const QByteArray &message);
    /// The framing overflowed the transport's cap before a message was complete; nothing
    /// more will be delivered. ApiServer answers MessageTooLarge and closes.
    void messageTooLarge();
    /// The connection is gone (either side). Emitted once.
    void disconnected();
};

} // namespace quill::api
