#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace quill::api {

/// Who holds the other end of a loopback TCP connection, as the kernel reports it in
/// /proc/net/tcp and /proc/net/tcp6 (issue 14: the WebSocket's counterpart of SO_PEERCRED).
/// Linux only; every function fails closed (std::nullopt / 0) when the tables are
/// unreadable or the socket is already gone.
namespace tcppeer {

/// The socket at the peer's end: its owner's uid and its inode.
struct SocketOwner
{
    qint64 uid = -1;
    quint64 inode = 0;
};

/// Finds, in the text of one /proc/net/tcp{,6} table, the socket whose local end is
/// `peer`:`peerPort` and whose remote end is `local`:`localPort` — the connecting side of a
/// connection we accepted. IPv4-mapped IPv6 addresses match their IPv4 form; nothing else is
/// converted (::1 is not 127.0.0.1). Entries without an inode (TIME_WAIT) are skipped.
/// Returns: the owner, or std::nullopt if no line matches.
std::optional<SocketOwner> findInTable(const QByteArray &table, const QHostAddress &peer,
                                       quint16 peerPort, const QHostAddress &local,
                                       quint16 localPort);

/// findInTable() over `procRoot`/net/tcp and `procRoot`/net/tcp6.
std::optional<SocketOwner> findPeer(const QHostAddress &peer, quint16 peerPort,
                                    const QHostAddress &local, quint16 localPort,
                                    const QString &procRoot = QStringLiteral("/proc"));

/// A process that holds the socket `inode` open: the first `procRoot`/<pid>/fd/* that links
/// to "socket:[inode]". Only processes we may inspect are seen (our own uid's, or all as
/// root). Returns: the pid, or 0 if none was found.
qint64 findSocketHolder(quint64 inode, const QString &procRoot = QStringLiteral("/proc"));

} // namespace tcppeer

} // namespace quill::api
