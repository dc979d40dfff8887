// A Secret Service that never answers: it owns org.freedesktop.secrets on the session bus
// and swallows every call, as a keyring waiting for an unlock prompt does. Used to test that
// Quill says at once that it waits, gives up after a bounded wait, and leaves no pending
// record. Prints READY once the name is owned.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusVirtualObject>

#include <cstdio>

namespace {
class BlackHole final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        return true;
    } // never replies
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto bus = QDBusConnection::sessionBus();
    BlackHole hole;
    if (!bus.registerVirtualObject(QStringLiteral("/"), &hole, QDBusConnection::SubPath) ||
        !bus.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        std::fprintf(stderr, "cannot own org.freedesktop.secrets\n");
        return 1;
    }
    std::printf("READY\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}
