#include "api/TcpPeerLookup.h"

#include <QFile>

#include <cstdint>
#include <cstring>
#include <dirent.h>
#include <unistd.h>

namespace quill::api::tcppeer {

namespace {

/// "0100007F:1F90" (IPv4: one 32-bit word; IPv6: four) as the kernel prints it: each word
/// is the address bytes in memory order printed as a native-endian integer ("%08X").
bool parseEndpoint(const QByteArray &text, QHostAddress &address, quint16 &port)
{
    const qsizetype colon = text.indexOf(':');
    if (colon != 8 && colon != 32)
        return false;
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok, 16);
    if (!ok || p > 0xffff)
        return false;
    port = quint16(p);
    quint8 bytes[16] = {};
    for (qsizetype w = 0; w < colon / 8; ++w) {
        const std::uint32_t word = text.mid(w * 8, 8).toUInt(&ok, 16);
        if (!ok)
            return false;
        std::memcpy(bytes + w * 4, &word, 4);
    }
    if (colon == 8) {
        address = QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 |
                               quint32(bytes[2]) << 8 | quint32(bytes[3]));
    } else {
        address = QHostAddress(bytes);
    }
    return true;
}

bool sameAddress(const QHostAddress &a, const QHostAddress &b)
{
    return a.isEqual(b, QHostAddress::ConvertV4MappedToIPv4);
}

} // namespace

std::optional<SocketOwner> findInTable(const QByteArray &table, const QHostAddress &peer,
                                       quint16 peerPort, const QHostAddress &local,
                                       quint16 localPort)
{
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the column header
        const QList<QByteArray> f = lines[i].simplified().split(' ');
        // sl local rem st tx:rx tr:when retrnsmt uid timeout inode …
        if (f.size() < 10)
            continue;
        QHostAddress a;
        QHostAddress b;
        quint16 ap = 0;
        quint16 bp = 0;
        if (!parseEndpoint(f[1], a, ap) || !parseEndpoint(f[2], b, bp))
            continue;
        if (ap != peerPort || bp != localPort || !sameAddress(a, peer) || !sameAddress(b, local))
            continue;
        bool okUid = false;
        bool okInode = false;
        const qint64 uid = f[7].toLongLong(&okUid);
        const quint64 inode = f[9].toULongLong(&okInode);
        if (!okUid || !okInode || inode == 0 || uid < 0)
            continue;
        return SocketOwner{uid, inode};
    }
    return std::nullopt;
}

std::optional<SocketOwner> findPeer(const QHostAddress &peer, quint16 peerPort,
                                    const QHostAddress &local, quint16 localPort,
                                    const QString &procRoot)
{
    for (const char *name : {"/net/tcp", "/net/tcp6"}) {
        QFile file(procRoot + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // procfs files report size 0: read until the end.
        if (auto owner = findInTable(file.readAll(), peer, peerPort, local, localPort))
            return owner;
    }
    return std::nullopt;
}

qint64 findSocketHolder(quint64 inode, const QString &procRoot)
{
    const QByteArray wanted = "socket:[" + QByteArray::number(inode) + ']';
    const QByteArray root = QFile::encodeName(procRoot);
    DIR *proc = ::opendir(root.constData());
    if (!proc)
        return 0;
    qint64 found = 0;
    while (const dirent *entry = ::readdir(proc)) {
        const char *name = entry->d_name;
        if (*name < '1' || *name > '9' || std::strspn(name, "0123456789") != std::strlen(name))
            continue;
        const QByteArray fdDir = root + '/' + name + "/fd";
        DIR *fds = ::opendir(fdDir.constData());
        if (!fds)
            continue; // another user's process, or gone
        char target[64];
        while (const dirent *fd = ::readdir(fds)) {
            if (fd->d_name[0] == '.')
                continue;
            const QByteArray link = fdDir + '/' + fd->d_name;
            const ssize_t n = ::readlink(link.constData(), target, sizeof target);
            if (n == wanted.size() &&
                std::memcmp(target, wanted.constData(), std::size_t(n)) == 0) {
                found = QByteArray(name).toLongLong();
                break;
            }
        }
        ::closedir(fds);
        if (found)
            break;
    }
    ::closedir(proc);
    return found;
}

} // namespace quill::api::tcppeer
