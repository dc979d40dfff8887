// Load: 1,000 requests pending at once from 20 apps, then 10,000 bad messages from 50
// more, while other apps are still served. No crash, memory bounded, everything pending is
// cancelled when the apps leave. Label "load"; a few seconds in a debug build.
#include "ApiHarness.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <unistd.h>

using namespace quill;
using namespace quill::api;
using namespace quill::test;

namespace {

constexpr int kPendingClients = 20;
constexpr int kRequestsEach = 50;
constexpr int kFloodClients = 50;
constexpr int kBadEach = 200;

// How much resident memory the flood may add. AddressSanitizer keeps freed blocks in a
// 256 MiB quarantine and pads every allocation, so its figure says nothing about leaks.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kMaxGrowth = 512ll << 20;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr qint64 kMaxGrowth = 512ll << 20;
#else
constexpr qint64 kMaxGrowth = 64ll << 20;
#endif
#else
constexpr qint64 kMaxGrowth = 64ll << 20;
#endif

qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const auto fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * ::sysconf(_SC_PAGESIZE) : 0;
}

/// The longest gap between ticks of a 10 ms timer: how long the event loop was busy.
class LoopWatch : public QObject
{
public:
    LoopWatch()
    {
        m_clock.start();
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_worst = std::max(m_worst, m_clock.restart()); });
        m_timer.start(10);
    }
    qint64 worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

QByteArray badMessage(int i)
{
    switch (i % 5) {
    case 0:
        return "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) + ",\"method\":";
    case 1:
        return "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\"}]";
    case 2:
        return "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) +
               ",\"method\":\"quill_requestSessionSigs\"}";
    case 3:
        return "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"x\"," + QByteArray(500, ' ') +
               "\"params\":{}}";
    default: {
        static const char kNotUtf8[] = "\xff\xfe not even UTF-8 \x01\x02";
        return QByteArray(kNotUtf8, qsizetype(sizeof kNotUtf8 - 1));
    }
    }
}

} // namespace

class TestApiLoad : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void load_pendingRequestsAndBadMessages()
    {
        QElapsedTimer total;
        total.start();
        ApiFixture f;
        auto limits = f.server.limits();
        limits.maxConnectionsPerPeer = 200; // every test client has our uid
        f.server.setLimits(limits);
        QVERIFY(f.listen());
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;

        auto first = connectLocal(f.socketPath());
        const auto paired = hello(*first, QStringLiteral("Load"));
        QVERIFY(paired.ok);
        const QString appId = member(paired, "appId");
        const QString token = member(paired, "token");

        // 1,000 pending requests from 20 paired apps.
        std::vector<std::unique_ptr<ApiClient>> apps;
        int answered = 0;
        int cancelledAnswers = 0;
        for (int i = 0; i < kPendingClients; ++i) {
            apps.push_back(connectLocal(f.socketPath()));
            QVERIFY(apps.back());
            QVERIFY(hello(*apps.back(), QStringLiteral("Load"), appId, token).ok);
            for (int j = 0; j < kRequestsEach; ++j)
                apps.back()->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                                  [&](const RpcReply &r) {
                                      if (r.ok)
                                          ++answered;
                                      else if (r.code == RpcReply::kDisconnected)
                                          ++cancelledAnswers;
                                  });
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.handler.handled, kPendingClients * kRequestsEach, 20000);
        QCOMPARE(f.server.pendingCount(), kPendingClients * kRequestsEach);
        const qint64 before = residentBytes();

        // 10,000 bad messages from 50 unpaired clients; each gets exactly one answer
        // (parse error, invalid request, 4100, or 4303 once over its budget).
        LoopWatch watch;
        std::vector<std::unique_ptr<ApiClient>> flood;
        int badAnswers = 0;
        QMap<int, int> codes;
        for (int i = 0; i < kFloodClients; ++i) {
            flood.push_back(connectLocal(f.socketPath()));
            QVERIFY(flood.back());
            connect(flood.back().get(), &ApiClient::unmatchedReply, this, [&](const RpcReply &r) {
                ++badAnswers;
                ++codes[r.code];
            });
        }
        for (int j = 0; j < kBadEach; ++j)
            for (auto &c : flood)
                c->sendRaw(badMessage(j));

        // Meanwhile other apps are served: a new connection pairs by token and asks for
        // accounts; a few pending requests are answered.
        auto other = connectLocal(f.socketPath());
        QVERIFY(hello(*other, QStringLiteral("Other"), appId, token).ok);
        QVERIFY(call(*other, QStringLiteral("quill_accounts")).ok);
        int toAnswer = 10;
        for (auto it = f.handler.held.begin(); it != f.handler.held.end() && toAnswer > 0;
             --toAnswer)
            it = (it->second(std::string("{\"ok\":true}")), f.handler.held.erase(it));
        QTRY_COMPARE_WITH_TIMEOUT(badAnswers, kFloodClients * kBadEach, 20000);
        QTRY_COMPARE(answered, 10);
        qInfo("bad-message answers by code: %s", qPrintable([&] {
                  QStringList parts;
                  for (auto it = codes.begin(); it != codes.end(); ++it)
                      parts << QStringLiteral("%1×%2").arg(it.key()).arg(it.value());
                  return parts.join(QStringLiteral(", "));
              }()));
        for (int code : codes.keys())
            QVERIFY2(code == -32700 || code == -32600 || code == 4100 || code == 4303,
                     qPrintable(QString::number(code)));
        for (auto &c : flood)
            QVERIFY(c->isConnected()); // bad input does not cost an app its connection
        QCOMPARE(f.server.pendingCount(), kPendingClients * kRequestsEach - 10);

        const qint64 growth = residentBytes() - before;
        qInfo(
            "resident memory growth during the flood: %lld KiB; longest event-loop stall: %lld ms",
            growth / 1024, watch.worstMs());
        QVERIFY2(growth < kMaxGrowth, "memory grew more than the bound");

        // The apps leave: every request still pending is cancelled, nothing leaks.
        for (auto &app : apps)
            app->disconnectFromServer();
        apps.clear();
        QTRY_COMPARE_WITH_TIMEOUT(f.handler.cancelled.size(), kPendingClients * kRequestsEach - 10,
                                  20000);
        QCOMPARE(f.server.pendingCount(), 0);
        QVERIFY(f.handler.held.empty());
        QCOMPARE(cancelledAnswers, kPendingClients * kRequestsEach - 10);
        flood.clear();
        other.reset();
        first.reset();
        QTRY_COMPARE(f.server.connectionCount(), 0);
        qInfo("whole load test: %lld ms", total.elapsed());
        QVERIFY(total.elapsed() < 30000);
    }
};

QTEST_GUILESS_MAIN(TestApiLoad)
#include "tst_ApiLoad.moc"
