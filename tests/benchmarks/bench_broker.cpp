// Approval-to-response through the real RequestBroker (MemoryStore keychain, 30 nodes):
// the time from approve() until the app's reply callback runs, event loop included.

#include "crypto/Encoding.h"
#include "requests/RequestBroker.h"
#include "vault/MemoryStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace quill;

namespace {

std::string readRequest()
{
    std::ifstream in(QUILL_TEST_DATA_DIR "/requests/valid_vector_a.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void BM_ApprovalToResponse30(benchmark::State &state)
{
    int argc = 1;
    char name[] = "bench";
    char *argv[] = {name, nullptr};
    auto *app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    QTemporaryDir dir;
    vault::MemoryStore store;
    vault::WalletVault wallets(store, dir.path());
    vault::SessionKeyStore sessionKeys(store, dir.path());
    requests::PermissionStore permissions(dir.path());
    requests::ActivityLog activity(dir.path());
    requests::SystemClock clock;
    requests::RequestBroker broker(wallets, sessionKeys, permissions, activity, clock);
    QEventLoop loop;
    QString account;
    // Public test key of the spec's vectors.
    wallets.importKey(std::move(crypto::secretFromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")).value(),
                      QString(), vault::AccountSource::PrivateKey, QString(), [&](Result<vault::Account> a) {
                          account = a->address;
                          loop.quit();
                      });
    loop.exec();
    auto request = std::move(lit::SessionRequest::fromJson(readRequest())).value();
    request.expiration.reset();
    request.nodeUrls.clear();
    for (int i = 0; i < 30; ++i)
        request.nodeUrls.push_back("https://127.0.0.1:" + std::to_string(7470 + i));
    for (auto _ : state) {
        state.PauseTiming();
        requests::IncomingRequest in;
        in.app.appId = QStringLiteral("bench");
        in.request = request;
        bool answered = false;
        auto id = broker.submit(std::move(in), [&](Result<std::string> r) {
            if (!r)
                std::abort();
            answered = true;
            loop.quit();
        });
        state.ResumeTiming();
        if (!broker.approve(*id, {account, false, std::nullopt}))
            std::abort();
        if (!answered)
            loop.exec();
    }
    delete app;
}
BENCHMARK(BM_ApprovalToResponse30)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
