#pragma once

#include <QString>

namespace quill::api {

/// How an app reached Quill.
enum class Transport
{
    LocalSocket, ///< the user-only Unix socket in the runtime directory
    WebSocket,   ///< the loopback WebSocket (off by default)
};

/// "local-socket" or "websocket" (stable; stored in apps.json and shown to the user).
QString toString(Transport transport);

/// What the transport itself established about the peer. These are facts, shown as facts in
/// the approval dialogs; anything the app says about itself (its name, URL) is a claim and
/// lives elsewhere. Never holds a secret.
struct PeerFacts
{
    Transport transport = Transport::LocalSocket;
    qint64 uid = -1;    ///< peer uid (SO_PEERCRED; WebSocket: /proc/net/tcp), -1 if unknown
    qint64 pid = 0;     ///< peer process id (SO_PEERCRED; WebSocket: /proc/*/fd), 0 if unknown
    QString executable; ///< /proc/<pid>/exe at connect time, empty if unreadable
    QString origin;     ///< the browser's Origin header (WebSocket), empty if none was sent
    QString address;    ///< "127.0.0.1:54321" (WebSocket), empty for the local socket

    /// The party: what per-party caps and the pairing-prompt budget count by (issue 14).
    /// A browser page is its Origin ("origin:<origin>"); anything else — the local socket and
    /// Origin-less WebSocket clients — is its program ("program:<uid>:<executable>"), so one
    /// program cannot use up the room of another.
    QString peerKey() const;
};

} // namespace quill::api
