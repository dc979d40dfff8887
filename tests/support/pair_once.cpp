// Pairs one app in $QUILL_DATA_DIR against the OS keychain, as the desktop app does when the
// user approves a pairing, then exits. The kill test (vault-concurrency.sh) kills it at random
// moments: the next start of any Quill process must leave apps.json and the keychain in
// agreement. Prints the app id.

#include "api/PairingStore.h"
#include "vault/KeychainStore.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quill::vault::KeychainStore store;
    quill::api::PairingStore pairings(store, qEnvironmentVariable("QUILL_DATA_DIR"));
    int code = 1;
    QTimer::singleShot(0, &app, [&] {
        quill::api::PairedApp draft;
        draft.name = draft.claimedName = QStringLiteral("Kill test");
        pairings.pair(draft, [&](quill::Result<quill::api::PairingStore::Pairing> p) {
            if (p) {
                std::printf("%s\n", qPrintable(p->app.appId));
                code = 0;
            } else {
                std::fprintf(stderr, "pair_once: %s\n", qPrintable(quill::describe(p.error())));
            }
            QCoreApplication::exit(code);
        });
    });
    QCoreApplication::exec();
    return code;
}
