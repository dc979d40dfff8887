// A headless Quill host with a scripted user, for the Node example and the API benchmark.
//   api_test_server --socket PATH [--ws-port N] [--remember] [--reject]
// Prints "READY <socket path> <ws port or -1>" once listening; runs until SIGTERM/SIGINT, then
// removes its temporary data folder.
#include "ScriptedHost.h"
#include "common/QuitOnSignal.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    quill::test::Script script;
    script.remember = args.contains(QStringLiteral("--remember"));
    script.approve = !args.contains(QStringLiteral("--reject"));
    const auto value = [&](const char *flag) {
        const int i = int(args.indexOf(QString::fromLatin1(flag)));
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
    };
    const QString socket = value("--socket");
    const int port = value("--ws-port").isEmpty() ? -1 : value("--ws-port").toInt();
    if (socket.isEmpty()) {
        std::fprintf(stderr, "usage: api_test_server --socket PATH [--ws-port N] [--remember] [--reject]\n");
        return 2;
    }
    const quill::QuitOnSignal quitOnSignal;
    quill::test::ScriptedHost host(script);
    if (auto st = host.listen(socket, port); !st) {
        std::fprintf(stderr, "api_test_server: %s\n", qPrintable(quill::describe(st.error())));
        return 2;
    }
    std::printf("READY %s %d\n", qPrintable(host.local.path()), port >= 0 ? int(host.websocket.port()) : -1);
    std::fflush(stdout);
    return QCoreApplication::exec();
}
