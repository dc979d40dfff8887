// A remembered request (answered from a grant, no dialog) through the broker alone and
// through the desktop app's stack: the main window open (its models follow every change),
// an activity log of 0 or 10,000 entries, the same secret store. Issue #9's target: the full
// stack costs at most 1.5x the CPU of the broker alone, and does not grow with the log.
// Run with QUILL_BENCH_KEYCHAIN=1 inside tests/keychain/with-keyring.sh for the real keychain
// (tests/benchmarks/run.sh does); otherwise a MemoryStore.

#include "MainWindow.h"
#include "crypto/Encoding.h"
#include "requests/RequestBroker.h"
#include "vault/KeychainStore.h"
#include "vault/MemoryStore.h"

#include <QApplication>
#include <QEventLoop>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

using namespace quill;

namespace {

constexpr const char *kKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"; // public test key

std::unique_ptr<vault::SecretStore> makeStore()
{
    if (qEnvironmentVariableIntValue("QUILL_BENCH_KEYCHAIN") == 1)
        return std::make_unique<vault::KeychainStore>(QStringLiteral("quill-bench"));
    return std::make_unique<vault::MemoryStore>();
}

lit::SessionRequest benchRequest()
{
    std::ifstream in(QUILL_TEST_DATA_DIR "/requests/valid_vector_a.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto request = std::move(lit::SessionRequest::fromJson(ss.str())).value();
    request.issuedAt.reset();
    request.expiration.reset(); // the SDK's way: the grant decides
    return request;
}

/// One Quill: vault, grants, log and broker in a fresh data folder, with the account
/// imported and a grant that covers benchRequest().
struct Stack
{
    QTemporaryDir dir;
    std::unique_ptr<vault::SecretStore> store = makeStore();
    vault::WalletVault wallets{*store, dir.path()};
    vault::SessionKeyStore sessionKeys{*store, dir.path()};
    requests::PermissionStore permissions{dir.path()};
    requests::ActivityLog activity{dir.path(), 64 << 20};
    requests::SystemClock clock;
    requests::RequestBroker broker{wallets, sessionKeys, permissions, activity, clock};
    QString account;
    lit::SessionRequest request = benchRequest();

    explicit Stack(int logEntries)
    {
        QEventLoop loop;
        wallets.importKey(std::move(crypto::secretFromHex(kKey)).value(), QString(), vault::AccountSource::PrivateKey,
                          QString(), [&](Result<vault::Account> a) {
                              if (!a)
                                  std::abort();
                              account = a->address;
                              loop.quit();
                          });
        loop.exec();
        requests::Grant g;
        g.appId = QStringLiteral("bench");
        g.account = account;
        for (const auto &r : request.resourceAbilityRequests)
            g.capabilities.insert({r.key(), std::string(lit::toString(r.ability))});
        g.createdAt = clock.now();
        g.expiresAt = g.createdAt + kDay;
        if (!permissions.remember(g))
            std::abort();
        requests::ActivityEntry e;
        e.appId = QStringLiteral("bench");
        e.appName = QStringLiteral("Bench app");
        e.account = account;
        e.kind = QStringLiteral("session-sigs");
        e.decision = QStringLiteral("remembered");
        for (int i = 0; i < logEntries; ++i) {
            e.time = clock.now() - (logEntries - i);
            if (!activity.append(e))
                std::abort();
        }
    }
    ~Stack()
    {
        QEventLoop loop;
        wallets.remove(account, [&](Status) { loop.quit(); });
        loop.exec();
        for (const auto &k : sessionKeys.list()) {
            sessionKeys.remove(k.appId, k.address, [&](Status) { loop.quit(); });
            loop.exec();
        }
    }

    /// One remembered request, submit to answer.
    void once(QEventLoop &loop)
    {
        requests::IncomingRequest in;
        in.app.appId = QStringLiteral("bench");
        in.app.claimedName = QStringLiteral("Bench app");
        in.request = request;
        bool answered = false;
        auto id = broker.submit(std::move(in), [&](Result<std::string> r) {
            if (!r)
                std::abort();
            answered = true;
            loop.quit();
        });
        if (!id)
            std::abort();
        if (!answered)
            loop.exec();
    }
};

void BM_RememberedBrokerAlone(benchmark::State &state)
{
    Stack stack(0);
    QEventLoop loop;
    stack.once(loop); // the session key is made once, as for any app
    for (auto _ : state)
        stack.once(loop);
}
BENCHMARK(BM_RememberedBrokerAlone)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime()->MinTime(2.0);

void BM_RememberedFullStack(benchmark::State &state)
{
    Stack stack(int(state.range(0)));
    ui::MainWindow window({stack.wallets, stack.sessionKeys, stack.permissions, stack.activity, stack.broker,
                           stack.clock, stack.dir.path()});
    window.show();
    QEventLoop loop;
    stack.once(loop);
    for (auto _ : state)
        stack.once(loop);
    state.counters["logEntries"] = double(state.range(0));
}
BENCHMARK(BM_RememberedFullStack)
    ->Arg(0)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
