// Request → response through the local API for apps with a remembered grant (issue target:
// 30 nodes, 20 clients in parallel over the local socket, p50 ≤ 5 ms, p99 ≤ 15 ms).
//
// A complete headless Quill (ScriptedHost: real ApiServer, local-socket transport, broker,
// vault on a MemoryStore) runs in its own QThread with its own event loop; 20 ApiClients live
// in the benchmark thread. Each client pairs and makes one approved request (the scripted
// user approves and remembers, so every app gets its grant), then every round all 20 send the
// same 30-node quill_requestSessionSigs at once and the time from call() to the answer's
// callback is recorded per request. One iteration is one round (manual time: the round's wall
// time); counters p50_ms/p99_ms/max_ms are over every request of every round.
//
// Rounds start at most every 55 ms so that each connection stays inside the API's default
// rate limit (a bucket of 100 refilled at 20 messages/s): the limits are the product's, not
// relaxed for the benchmark.

#include "../support/ScriptedHost.h"

#include "api/ApiClient.h"
#include "common/Time.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

using namespace quill;

namespace {

constexpr int kClients = 20;
constexpr int kNodes = 30;
constexpr auto kRoundPeriod = std::chrono::milliseconds(55);

using Clock = std::chrono::steady_clock;

/// The host and everything it owns are created, used and destroyed in this thread.
class HostThread : public QThread
{
public:
    HostThread(QString socketPath) : m_path(std::move(socketPath)) {}

    /// Blocks until the host listens (true) or failed to (false, `error` says why).
    bool waitReady()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_state != State::Starting; });
        return m_state == State::Listening;
    }

    /// Runs `f(host)` in the host thread and waits for it.
    template <typename F> auto inHost(F f)
    {
        decltype(f(std::declval<test::ScriptedHost &>())) out{};
        QMetaObject::invokeMethod(
            m_host, [&] { out = f(*m_host); }, Qt::BlockingQueuedConnection);
        return out;
    }

    QString error;

protected:
    void run() override
    {
        test::Script script;
        script.remember = true;
        test::ScriptedHost host(script);
        const auto st = host.listen(m_path);
        {
            std::lock_guard lock(m_mutex);
            m_host = &host;
            if (!st)
                error = describe(st.error());
            m_state = st ? State::Listening : State::Failed;
        }
        m_cv.notify_all();
        if (st)
            exec();
        m_host = nullptr;
    }

private:
    enum class State
    {
        Starting,
        Listening,
        Failed
    };
    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    State m_state = State::Starting;
    test::ScriptedHost *m_host = nullptr;
};

QByteArray requestParams()
{
    std::ifstream in(QUILL_TEST_DATA_DIR "/requests/valid_vector_a.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto request = QJsonDocument::fromJson(QByteArray::fromStdString(ss.str())).object();
    // A fixed expiration: the grant made by the first request covers every later one exactly.
    request[QStringLiteral("expiration")] = QString::fromStdString(formatIso(nowMillis() + kHour));
    QJsonArray nodes;
    for (int i = 0; i < kNodes; ++i)
        nodes.append(QStringLiteral("https://127.0.0.1:%1").arg(7470 + i));
    request[QStringLiteral("nodeUrls")] = nodes;
    return QJsonDocument(QJsonObject{{QStringLiteral("request"), request}})
        .toJson(QJsonDocument::Compact);
}

/// Runs the benchmark thread's event loop until `done()` (the callbacks that change it call
/// `loop.quit()`) or `timeoutMs`; false on timeout. No polling: the loop sleeps in between.
template <typename Pred> bool spin(QEventLoop &loop, Pred done, int timeoutMs = 10000)
{
    if (done())
        return true;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    while (!done() && timeout.isActive())
        loop.exec();
    return done();
}

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank.
    const auto rank = std::size_t(std::max(1.0, std::ceil(p / 100.0 * double(sorted.size()))));
    return sorted[std::min(rank, sorted.size()) - 1];
}

void BM_ApiRemembered30x20(benchmark::State &state)
{
    int argc = 1;
    char name[] = "bench";
    char *argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app(
        QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv));

    QTemporaryDir run;
    HostThread host(run.filePath(QStringLiteral("q.sock")));
    host.start();
    struct Stop
    {
        HostThread &t;
        ~Stop()
        {
            t.quit();
            t.wait();
        }
    } stop{host};
    if (!host.waitReady()) {
        state.SkipWithError(("host: " + host.error.toStdString()).c_str());
        return;
    }

    const QByteArray params = requestParams();
    const QString method = QStringLiteral("quill_requestSessionSigs");
    QEventLoop loop;
    std::vector<std::unique_ptr<api::ApiClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        auto c = std::make_unique<api::ApiClient>();
        QObject::connect(c.get(), &api::ApiClient::connected, &loop, &QEventLoop::quit);
        c->connectToLocal(run.filePath(QStringLiteral("q.sock")));
        if (!spin(loop, [&] { return c->isConnected(); })) {
            state.SkipWithError("a client could not connect");
            return;
        }
        clients.push_back(std::move(c));
    }
    // Pair each client (one app each), one at a time: pairing prompts are limited.
    for (int i = 0; i < kClients; ++i) {
        bool answered = false, ok = false;
        clients[i]->hello(QStringLiteral("bench app %1").arg(i), {}, {},
                          [&](const api::RpcReply &r) {
                              answered = true;
                              ok = r.ok;
                              loop.quit();
                          });
        if (!spin(loop, [&] { return answered; }) || !ok) {
            state.SkipWithError("pairing failed");
            return;
        }
    }
    // One approved (and remembered) request per app: afterwards each app has its grant.
    int answered = 0, failed = 0;
    for (auto &c : clients)
        c->call(method, params, [&](const api::RpcReply &r) {
            failed += r.ok ? 0 : 1;
            if (++answered == kClients)
                loop.quit();
        });
    if (!spin(loop, [&] { return answered == kClients; }) || failed) {
        state.SkipWithError("the first (approved) requests failed");
        return;
    }
    const int promptsBefore = host.inHost([](test::ScriptedHost &h) { return h.reviews; });
    if (promptsBefore != kClients) {
        state.SkipWithError("expected one prompt per app");
        return;
    }

    std::vector<double> latencies; // ms, every request of every round
    latencies.reserve(std::size_t(state.max_iterations) * kClients);
    std::vector<double> rounds; // ms, wall time of each round
    rounds.reserve(std::size_t(state.max_iterations));
    std::vector<Clock::time_point> sent(kClients);
    auto nextRound = Clock::now();
    for (auto _ : state) {
        std::this_thread::sleep_until(nextRound);
        const auto start = Clock::now();
        nextRound = start + kRoundPeriod;
        int done = 0, errors = 0;
        for (int i = 0; i < kClients; ++i) {
            sent[i] = Clock::now();
            clients[i]->call(method, params, [&, i](const api::RpcReply &r) {
                latencies.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - sent[i]).count());
                errors += r.ok ? 0 : 1;
                if (++done == kClients)
                    loop.quit();
            });
        }
        if (!spin(loop, [&] { return done == kClients; })) {
            state.SkipWithError("a round timed out");
            break;
        }
        const std::chrono::duration<double> round = Clock::now() - start;
        state.SetIterationTime(round.count());
        rounds.push_back(round.count() * 1000);
        if (errors) {
            state.SkipWithError("a remembered request failed");
            break;
        }
    }
    if (state.error_occurred())
        return;
    // Every measured request was answered from its app's grant, without a prompt.
    if (host.inHost([](test::ScriptedHost &h) { return h.reviews; }) != promptsBefore) {
        state.SkipWithError("a measured request prompted the user");
        return;
    }
    state.counters["p50_ms"] = percentile(latencies, 50);
    state.counters["p99_ms"] = percentile(latencies, 99);
    state.counters["max_ms"] = percentile(latencies, 100);
    state.counters["requests"] = double(latencies.size());
    // The first and the last round: shows whether latency drifts as the host's state (its
    // activity log, one line per answered request) grows during the run.
    state.counters["round_first_ms"] = rounds.front();
    state.counters["round_last_ms"] = rounds.back();
}
BENCHMARK(BM_ApiRemembered30x20)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(120);

} // namespace
