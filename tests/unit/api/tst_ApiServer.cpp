// End-to-end tests of the local API: the real ApiServer behind the real local-socket
// transport on a temporary path, driven by the real ApiClient; approval is scripted.
#include "ApiHarness.h"

#include "api/JsonRpc.h"
#include "api/JsonScan.h"
#include "crypto/Encoding.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace quill;
using namespace quill::api;
using namespace quill::test;

namespace {

struct Paired
{
    QString appId;
    QString token;
};

/// Pairs `client` through the scripted approver.
Paired pair(ApiClient &client, const QString &name = QStringLiteral("Test App"))
{
    const auto r = hello(client, name);
    if (!r.ok)
        qWarning("pairing failed: %d %s", r.code, qPrintable(r.message));
    return {member(r, "appId"), member(r, "token")};
}

QByteArray vectorSessionSigs()
{
    const auto file = readData(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
    const auto raw = detail::memberText(
        std::string_view(file.constData(), std::size_t(file.size())), "sessionSigs");
    return QByteArray::fromStdString(minify(QByteArray::fromStdString(std::string(*raw))));
}

int errorCode(const RpcReply &r)
{
    return r.ok ? 0 : r.code;
}

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- the socket --------------------------------------------------------------------
    void socket_isUserOnly()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(f.socketPath()).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(st.st_uid, ::geteuid());
        QCOMPARE(::stat(QFile::encodeName(f.dir.filePath(QStringLiteral("run"))).constData(), &st),
                 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
    }
    void socket_refusesADirectoryOthersCanWrite()
    {
        ApiFixture f;
        const QString open = f.dir.filePath(QStringLiteral("open"));
        QVERIFY(QDir().mkpath(open));
        QCOMPARE(::chmod(QFile::encodeName(open).constData(), 0777), 0);
        auto st = f.local.listen(open + QStringLiteral("/quill.sock"));
        QVERIFY(!st.ok());
        QVERIFY(st.error().context.contains(QStringLiteral("writable by other users")));
        // An existing private directory is used as it is (never chmod-ed).
        QCOMPARE(::chmod(QFile::encodeName(open).constData(), 0755), 0);
        QVERIFY(f.local.listen(open + QStringLiteral("/quill.sock")).ok());
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(open).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0755);
    }
    void socket_defaultPathIsInTheRuntimeDirectory()
    {
        QTemporaryDir runtime;
        QFile::setPermissions(runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner);
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const QString path = LocalSocketTransport::defaultPath();
        if (saved.isEmpty())
            qunsetenv("XDG_RUNTIME_DIR");
        else
            qputenv("XDG_RUNTIME_DIR", saved);
        QCOMPARE(path, runtime.path() + QStringLiteral("/quill/quill.sock"));
    }
    void socket_replacesStaleFileButNotALiveServer()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        LocalSocketTransport second(f.server);
        auto busy = second.listen(f.socketPath());
        QVERIFY(!busy.ok());
        QVERIFY(busy.error().context.contains(QStringLiteral("another Quill")));
        f.local.close();
        QVERIFY(!QFile::exists(f.socketPath()));

        // A crash leaves the file behind with nobody listening.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const auto path = QFile::encodeName(f.socketPath());
        std::memcpy(addr.sun_path, path.constData(), std::size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        ::close(fd);
        QVERIFY(QFile::exists(f.socketPath()));
        QVERIFY(second.listen(f.socketPath()).ok());
        auto client = connectLocal(f.socketPath());
        QVERIFY(client);
    }
    void peer_factsComeFromTheKernel()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        QVERIFY(client);
        QVERIFY(!pair(*client).appId.isEmpty());
        QCOMPARE(f.pairer.requests.size(), 1);
        const auto &peer = f.pairer.requests[0].peer;
        QVERIFY(peer.transport == Transport::LocalSocket);
        QCOMPARE(peer.uid, qint64(::geteuid()));
        QCOMPARE(peer.pid, qint64(::getpid()));
        QCOMPARE(peer.executable, QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));
        QCOMPARE(f.pairer.requests[0].claimedName, QStringLiteral("Test App"));
    }
    void peer_withAnotherUidIsRefused()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.local.setExpectedUidForTesting(qint64(::geteuid()) + 1);
        QSignalSpy refused(&f.local, &LocalSocketTransport::peerRefused);
        ApiClient client;
        QSignalSpy unmatched(&client, &ApiClient::unmatchedReply);
        QSignalSpy gone(&client, &ApiClient::disconnected);
        client.connectToLocal(f.socketPath());
        QVERIFY(gone.wait(5000));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(f.server.connectionCount(), 0);
        QVERIFY(f.pairer.requests.isEmpty());
        if (!unmatched.isEmpty()) // the 4100 line may or may not be read before the close
            QCOMPARE(unmatched[0][0].value<RpcReply>().code, 4100);
    }

    // --- pairing -------------------------------------------------------------------------
    void hello_pairsWhenTheUserApproves()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.pairer.approvedName = QStringLiteral("  Renamed by user  ");
        QSignalSpy paired(&f.server, &ApiServer::appPaired);
        auto client = connectLocal(f.socketPath());
        const auto r = hello(*client, QStringLiteral("Claimed Name"));
        QVERIFY2(r.ok, qPrintable(r.message));
        const QString appId = member(r, "appId");
        const QString token = member(r, "token");
        QVERIFY(crypto::isLowerHex(appId.toStdString(), 32));
        QVERIFY(crypto::isLowerHex(token.toStdString(), 64));
        QCOMPARE(member(r, "name"), QStringLiteral("Renamed by user"));
        QCOMPARE(paired.count(), 1);
        QCOMPARE(paired[0][0].toString(), appId);
        // The token is in the keychain only; apps.json has the non-secret record.
        QVERIFY(f.store.contains(QStringLiteral("pairing:") + appId));
        QFile index(f.pairings.indexPath());
        QVERIFY(index.open(QIODevice::ReadOnly));
        const auto text = index.readAll();
        QVERIFY(text.contains(appId.toLatin1()));
        QVERIFY(text.contains("Claimed Name"));
        QVERIFY(!text.contains(token.toLatin1()));
        QCOMPARE(f.pairings.apps().size(), 1);
        QCOMPARE(f.pairings.apps()[0].name, QStringLiteral("Renamed by user"));
        // Paired: the next call is served.
        QCOMPARE(errorCode(call(*client, QStringLiteral("quill_accounts"))), 0);
        // A second hello on a paired connection is a protocol error.
        QCOMPARE(errorCode(hello(*client, QStringLiteral("again"))), -32600);
    }
    void hello_deniedPairingKeepsTheConnection()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.pairer.mode = ScriptedPairingApprover::Mode::Deny;
        auto client = connectLocal(f.socketPath());
        const auto r = hello(*client, QStringLiteral("Nope"));
        QCOMPARE(r.code, 4001);
        QCOMPARE(f.store.size(), std::size_t(0));
        QVERIFY(f.pairings.apps().isEmpty());
        QCOMPARE(call(*client, QStringLiteral("quill_accounts")).code, 4100);
        f.pairer.mode = ScriptedPairingApprover::Mode::Approve;
        QVERIFY(hello(*client, QStringLiteral("Second try")).ok);
    }
    void hello_tokenPairsLaterConnectionsWithoutAPrompt()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto first = connectLocal(f.socketPath());
        const auto app = pair(*first);
        auto second = connectLocal(f.socketPath());
        const auto r = hello(*second, QStringLiteral("Test App"), app.appId, app.token);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(member(r, "appId"), app.appId);
        QCOMPARE(member(r, "name"), QStringLiteral("Test App"));
        QVERIFY(member(r, "token").isEmpty());
        QCOMPARE(f.pairer.requests.size(), 1);
        QCOMPARE(errorCode(call(*second, QStringLiteral("quill_accounts"))), 0);
    }
    void hello_pairingSurvivesARestart()
    {
        QTemporaryDir dir;
        vault::MemoryStore store;
        Paired app;
        {
            PairingStore pairings(store, dir.path());
            ApiServer server(pairings);
            ScriptedPairingApprover approver;
            server.setPairingApprover(&approver);
            LocalSocketTransport local(server);
            QVERIFY(local.listen(dir.filePath(QStringLiteral("s.sock"))).ok());
            auto client = connectLocal(local.path());
            app = pair(*client);
            server.setPairingApprover(nullptr);
        }
        PairingStore pairings(store, dir.path());
        QVERIFY(pairings.load().ok());
        ApiServer server(pairings);
        LocalSocketTransport local(server);
        QVERIFY(local.listen(dir.filePath(QStringLiteral("s.sock"))).ok());
        auto client = connectLocal(local.path());
        QVERIFY(hello(*client, QStringLiteral("x"), app.appId, app.token).ok);
    }
    void hello_wrongTokenOrUnknownAppIsOneAnswer()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        const auto app = pair(*client);
        auto other = connectLocal(f.socketPath());
        QString wrong = app.token;
        wrong[0] = wrong[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        const auto badToken = hello(*other, QStringLiteral("x"), app.appId, wrong);
        const auto badApp =
            hello(*other, QStringLiteral("x"), QString(32, QLatin1Char('a')), app.token);
        QCOMPARE(badToken.code, 4100);
        QCOMPARE(badApp.code, 4100);
        QCOMPARE(badToken.message, badApp.message); // does not tell whether the app exists
        QCOMPARE(badToken.message, QStringLiteral("unauthorized"));
        QCOMPARE(call(*other, QStringLiteral("quill_accounts")).code, 4100);
        // Shape errors name the field.
        const auto shortToken =
            hello(*other, QStringLiteral("x"), app.appId, QStringLiteral("abc"));
        QCOMPARE(shortToken.code, -32602);
        QVERIFY(shortToken.message.contains(QStringLiteral("token:")));
        const auto upper = hello(*other, QStringLiteral("x"), app.appId.toUpper(), app.token);
        QCOMPARE(upper.code, -32602);
        QVERIFY(upper.message.contains(QStringLiteral("appId:")));
        auto r = call(*other, QStringLiteral("quill_hello"),
                      QByteArray("{\"name\":\"x\",\"token\":\"00\"}"));
        QCOMPARE(r.code, -32602);
        QVERIFY(r.message.contains(QStringLiteral("appId: required with token")));
        // Still usable: the right token works on the same connection.
        QVERIFY(hello(*other, QStringLiteral("x"), app.appId, app.token).ok);
    }
    void hello_paramsAreChecked()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        auto r = call(*client, QStringLiteral("quill_hello"), QByteArray("{}"));
        QCOMPARE(r.code, -32602);
        QVERIFY(r.message.contains(QStringLiteral("name: required")));
        r = call(*client, QStringLiteral("quill_hello"),
                 QByteArray("{\"name\":\"x\",\"icon\":\"y\"}"));
        QCOMPARE(r.code, -32602);
        QVERIFY(r.message.contains(QStringLiteral("icon: unknown parameter")));
        r = call(*client, QStringLiteral("quill_hello"), QByteArray("{\"name\":\"a\\u202eb\"}"));
        QCOMPARE(r.code, -32602);
        r = call(*client, QStringLiteral("quill_hello"),
                 QByteArray("{\"name\":\"") + QByteArray(65, 'n') + "\"}");
        QCOMPARE(r.code, -32602);
        r = call(*client, QStringLiteral("quill_hello"), QByteArray("{\"name\":\"   \"}"));
        QCOMPARE(r.code, -32602);
        QVERIFY(f.pairer.requests.isEmpty());
        r = call(*client, QStringLiteral("quill_hello"),
                 QByteArray(
                     "{\"name\":\"Full\",\"description\":\"d\",\"url\":\"https://app.example\"}"));
        QVERIFY(r.ok);
        QCOMPARE(f.pairer.requests[0].description, QStringLiteral("d"));
        QCOMPARE(f.pairer.requests[0].url, QStringLiteral("https://app.example"));
    }
    void hello_withoutKeychainPairsNothing()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.store.setUnavailable(true);
        auto client = connectLocal(f.socketPath());
        const auto r = hello(*client, QStringLiteral("x"));
        QCOMPARE(r.code, -32603);
        QCOMPARE(r.message, QStringLiteral("no OS keychain available"));
        QVERIFY(f.pairings.apps().isEmpty());
        QCOMPARE(call(*client, QStringLiteral("quill_accounts")).code, 4100);
    }
    void hello_promptIsClosedWhenTheAppLeaves()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.pairer.mode = ScriptedPairingApprover::Mode::Hold;
        auto client = connectLocal(f.socketPath());
        client->hello(QStringLiteral("x"), {}, {}, [](const RpcReply &) {});
        QTRY_COMPARE(f.pairer.requests.size(), 1);
        QCOMPARE(f.server.pendingCount(), 1);
        client->disconnectFromServer();
        QTRY_COMPARE(f.pairer.cancelled.size(), 1);
        QCOMPARE(f.pairer.cancelled[0], f.pairer.requests[0].id);
        QCOMPARE(f.server.pendingCount(), 0);
        // The user clicks "Allow" on a prompt that is already gone: nothing is paired.
        f.pairer.held.begin()->second(QStringLiteral("late"));
        QTest::qWait(50);
        QVERIFY(f.pairings.apps().isEmpty());
        QCOMPARE(f.store.size(), std::size_t(0));
    }
    void hello_pairingPromptsAreCapped()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto limits = f.server.limits();
        limits.maxPendingPairings = 2;
        f.server.setLimits(limits);
        f.pairer.mode = ScriptedPairingApprover::Mode::Hold;
        std::vector<std::unique_ptr<ApiClient>> clients;
        for (int i = 0; i < 2; ++i) {
            clients.push_back(connectLocal(f.socketPath()));
            clients.back()->hello(QStringLiteral("x"), {}, {}, [](const RpcReply &) {});
        }
        // Every client here is the same program: one party, so one prompt at a time
        // (issue 14); the second waits for nothing and is told so.
        QTRY_COMPARE(f.pairer.requests.size(), 1);
        auto third = connectLocal(f.socketPath());
        const auto r = hello(*third, QStringLiteral("x"));
        QCOMPARE(r.code, 4304);
        QVERIFY(r.message.contains(QStringLiteral("already open")));
        QCOMPARE(f.pairer.requests.size(), 1);
        // A second hello on a connection with one in flight is refused too.
        QCOMPARE(hello(*clients[0], QStringLiteral("x")).code, 4304);
        // Once the prompt is answered, the party may ask again.
        f.pairer.held.begin()->second(std::nullopt);
        QTRY_COMPARE(f.pairer.requests.size(), 1);
        f.pairer.mode = ScriptedPairingApprover::Mode::Approve;
        QVERIFY(hello(*third, QStringLiteral("x")).ok);
    }
    // Issue 14: a party that keeps asking runs out of prompts for a while.
    void hello_pairingPromptBudgetPerParty()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto limits = f.server.limits();
        limits.pairingPromptsPerParty = 3;
        f.server.setLimits(limits);
        f.pairer.mode = ScriptedPairingApprover::Mode::Deny;
        auto client = connectLocal(f.socketPath());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hello(*client, QStringLiteral("x")).code, 4001);
        const auto r = hello(*client, QStringLiteral("x"));
        QCOMPARE(r.code, 4304);
        QVERIFY2(r.message.contains(QStringLiteral("too many pairing attempts")),
                 qPrintable(r.message));
        QCOMPARE(f.pairer.requests.size(), 3);
        // A new window: the budget is back.
        limits.pairingBudgetMs = 1;
        f.server.setLimits(limits);
        QTest::qWait(5);
        QCOMPARE(hello(*client, QStringLiteral("x")).code, 4001);
    }

    // --- access before pairing and unknown methods ---------------------------------------------
    void unpaired_everyMethodButHelloIs4100()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        for (const char *method :
             {"quill_requestSessionSigs", "quill_requestAuthSig", "quill_accounts", "quill_revoke",
              "eth_sendTransaction", "quill_nope"}) {
            const auto r = call(*client, QString::fromLatin1(method), sessionSigsParams());
            QCOMPARE(r.code, 4100);
            // The same answer for every method (it does not tell which exist), saying what to do.
            QCOMPARE(r.message, QStringLiteral("unauthorized: this connection is not paired; call quill_hello first"));
        }
        QCOMPARE(f.handler.handled, 0);
        QVERIFY(f.accountsApprover.requests.isEmpty());
    }
    // --- issue #9: quill_info, notifications, prompt timeouts, hints --------------------------
    void info_answersWithoutPairing()
    {
        ApiFixture f;
        f.server.setInfo({QStringLiteral("1.2.3"), false, [] { return true; }});
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        auto r = call(*client, QStringLiteral("quill_info"), "{}");
        QVERIFY2(r.ok, qPrintable(r.message));
        const auto o = QJsonDocument::fromJson(r.result).object();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Quill"));
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("1.2.3"));
        QCOMPARE(o.value(QStringLiteral("apiVersion")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("profiles")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("transports")).toArray().size(), 1);
        QCOMPARE(o.value(QStringLiteral("paired")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("hasAccount")).toBool(), true);
        pair(*client);
        r = call(*client, QStringLiteral("quill_info"), "{}");
        QCOMPARE(QJsonDocument::fromJson(r.result).object().value(QStringLiteral("paired")).toBool(), true);
        QCOMPARE(call(*client, QStringLiteral("quill_info"), R"({"x":1})").code, -32602);
    }
    void waitingRequest_isAnnounced_andResolved()
    {
        ApiFixture f;
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        QSignalSpy notes(client.get(), &ApiClient::notification);
        std::optional<RpcReply> reply;
        client->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                     [&](const RpcReply &r) { reply = r; });
        QTRY_COMPARE(f.handler.held.size(), std::size_t(1));
        const quint64 requestId = f.handler.held.begin()->first;
        f.server.notifyWaiting(requestId);
        f.server.notifyWaiting(requestId); // once only
        QTRY_COMPARE(notes.count(), 1);
        QCOMPARE(notes.at(0).at(0).toString(), QStringLiteral("quill_pending"));
        const auto pendingParams = QJsonDocument::fromJson(notes.at(0).at(1).toByteArray()).object();
        QVERIFY(pendingParams.contains(QStringLiteral("id")));
        f.handler.held.begin()->second(Error{ErrorCode::UserRejected, QString()});
        QTRY_VERIFY(reply.has_value());
        QCOMPARE(reply->code, 4001);
        QCOMPARE(notes.count(), 2);
        QCOMPARE(notes.at(1).at(0).toString(), QStringLiteral("quill_resolved"));
        const auto resolved = QJsonDocument::fromJson(notes.at(1).at(1).toByteArray()).object();
        QCOMPARE(resolved.value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
        QCOMPARE(resolved.value(QStringLiteral("id")), pendingParams.value(QStringLiteral("id")));
    }
    void pairingPrompt_timesOut()
    {
        ApiFixture f;
        ApiLimits limits;
        limits.promptTimeoutMs = 200;
        f.server.setLimits(limits);
        f.pairer.mode = ScriptedPairingApprover::Mode::Hold;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        const auto r = hello(*client, QStringLiteral("Waits"));
        QCOMPARE(r.code, 4300);
        QCOMPARE(f.pairer.cancelled.size(), 1); // the dialog is closed too
        // The connection can try again.
        f.pairer.mode = ScriptedPairingApprover::Mode::Approve;
        QVERIFY(hello(*client, QStringLiteral("Again")).ok);
    }
    void authSig_keyHints()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const QByteArray req = readData(QStringLiteral("requests/valid_minimal.json")).trimmed();
        const QString key = QStringLiteral("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        auto withKey = [&](const QString &k) {
            return call(*client, QStringLiteral("quill_requestAuthSig"),
                        "{\"request\":" + req + ",\"sessionPublicKey\":\"" + k.toUtf8() + "\"}");
        };
        auto r = withKey(QStringLiteral("lit:session:") + key);
        QCOMPARE(r.code, -32602);
        QVERIFY2(r.message.contains(QStringLiteral("without the \"lit:session:\" prefix")), qPrintable(r.message));
        r = withKey(QStringLiteral("0x") + key);
        QCOMPARE(r.code, -32602);
        QVERIFY2(r.message.contains(QStringLiteral("without the 0x prefix")), qPrintable(r.message));
        QCOMPARE(f.handler.handled, 0);
    }
    void paired_unknownMethodIs4200()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const auto r = call(*client, QStringLiteral("eth_sign"));
        QCOMPARE(r.code, 4200);
        QVERIFY(r.message.contains(QStringLiteral("eth_sign")));
        QCOMPARE(r.data, QByteArray("{\"quillError\":148}"));
    }

    // --- session requests --------------------------------------------------------------
    void sessionSigs_resultArrivesByteIdentical()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        const QByteArray sigs = vectorSessionSigs();
        QVERIFY(sigs.startsWith("{\"https://127.0.0.1:7470\":{\"sig\":\"870b"));
        f.handler.answer = sigs.toStdString();
        auto client = connectLocal(f.socketPath());
        const auto app = pair(*client, QStringLiteral("Claimed"));
        const auto r =
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.result, sigs);
        // What the handler saw: typed, with the app's exact bytes and the transport's facts.
        QVERIFY(f.handler.last);
        const ApiRequest &req = *f.handler.last;
        QVERIFY(req.kind == ApiRequestKind::SessionSigs);
        QCOMPARE(req.appId, app.appId);
        QCOMPARE(req.appName, QStringLiteral("Claimed"));
        QCOMPARE(req.claimedName, QStringLiteral("Claimed"));
        QCOMPARE(QByteArray::fromStdString(req.requestJson), requestDoc());
        QCOMPARE(req.request.capabilityJson.size(), std::size_t(1));
        QVERIFY(QByteArray::fromStdString(req.request.capabilityJson[0])
                    .startsWith("{\"address\":\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\",\"sig\""));
        QVERIFY(req.profile == lit::Profile::LitV7);
        QCOMPARE(req.peer.pid, qint64(::getpid()));
        QCOMPARE(f.server.pendingCount(), 0);
    }
    void sessionSigs_profileAndAuthSigParams()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const QByteArray key(64, 'a');
        auto r = call(*client, QStringLiteral("quill_requestAuthSig"),
                      QByteArray("{\"request\":") + requestDoc() + ",\"sessionPublicKey\":\"" +
                          key + "\"}");
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(f.handler.last->kind == ApiRequestKind::AuthSig);
        QCOMPARE(QByteArray::fromStdString(f.handler.last->sessionPublicKey), key);
        const auto v8 = readData(QStringLiteral("requests/valid_vector_f_v8.json"));
        r = call(*client, QStringLiteral("quill_requestSessionSigs"),
                 QByteArray("{\"profile\":\"lit-v8\",\"request\":") + v8 + '}');
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(f.handler.last->profile == lit::Profile::LitV8);
        // Byte for byte, except that the client turned line breaks (whitespace) into spaces.
        QCOMPARE(QByteArray::fromStdString(f.handler.last->requestJson),
                 QByteArray(v8).replace('\n', ' '));
    }
    // Lit Chipotle ChainSecured (issue #15): params checked here, the typed data by the strict
    // checker; the handler gets a typed ChainSecured request.
    void chainSecured_methods()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        auto r = call(*client, QStringLiteral("quill_signLitChainSecured"),
                      R"({"purpose":"billing-auth","chainId":8453})");
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(f.handler.last->kind == ApiRequestKind::ChainSecured);
        QVERIFY(f.handler.last->chainSecuredPurpose == lit::ChainSecuredPurpose::BillingAuth);
        QCOMPARE(f.handler.last->chainId, std::uint64_t(8453));
        QVERIFY(!f.handler.last->typedData);
        r = call(*client, QStringLiteral("quill_signLitChainSecured"),
                 R"({"purpose":"CreateWallet","chainId":"84532"})");
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(f.handler.last->chainId, std::uint64_t(84532));
        const int handled = f.handler.handled;
        for (const char *bad :
             {R"({"purpose":"mint","chainId":8453})", R"({"purpose":"billing-auth","chainId":0})",
              R"({"purpose":"billing-auth","chainId":-1})",
              R"({"purpose":"billing-auth","chainId":1.5})", R"({"purpose":"billing-auth"})",
              R"({"purpose":"billing-auth","chainId":8453,"x":1})"}) {
            r = call(*client, QStringLiteral("quill_signLitChainSecured"), QByteArray(bad));
            QCOMPARE(r.code, -32602);
        }
        const QByteArray typed = readData(QStringLiteral("chainsecured/valid_canonical.json"));
        r = call(*client, QStringLiteral("quill_signTypedData"),
                 QByteArray("{\"typedData\":") + typed + '}');
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(f.handler.last->typedData.has_value());
        QCOMPARE(f.handler.last->chainId, std::uint64_t(84532));
        QCOMPARE(f.handler.last->typedData->issuedAt, std::int64_t(1780000000));
        // Anything but the ChainSecured shape: -32602 naming the first difference.
        const QByteArray extra = readData(QStringLiteral("chainsecured/expfail_extra_type.json"));
        r = call(*client, QStringLiteral("quill_signTypedData"),
                 QByteArray("{\"typedData\":") + extra + '}');
        QCOMPARE(r.code, -32602);
        QVERIFY2(
            r.message.contains(QStringLiteral("typedData: types: unexpected type TotallyLegit")),
            qPrintable(r.message));
        QCOMPARE(f.handler.handled, handled + 1);
    }
    void signSiweMessage_handsTheParsedMessageToTheHandler()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const QByteArray text =
            readData(QStringLiteral("siwemessage/valid_v7_default_statement.txt"));
        QJsonObject params{{QStringLiteral("message"), QString::fromUtf8(text)}};
        auto r = call(*client, QStringLiteral("quill_signSiweMessage"),
                      QJsonDocument(params).toJson(QJsonDocument::Compact));
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(f.handler.last->kind == ApiRequestKind::SiweMessage);
        QVERIFY(f.handler.last->siwe);
        QCOMPARE(QByteArray::fromStdString(f.handler.last->siwe->message.render()), text);
        QCOMPARE(f.handler.last->siwe->capabilities.size(), std::size_t(1));
    }
    void signSiweMessage_refusesWhatIsNotALitSessionMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("part");
        QTest::newRow("second resource") << "expfail_second_resource.txt"
                                         << "resources: ";
        QTest::newRow("recap wider than statement") << "expfail_recap_wider_than_statement.txt"
                                                    << "statement: ";
        QTest::newRow("non-Lit URI") << "expfail_non_lit_uri.txt"
                                     << "uri: ";
        QTest::newRow("CRLF") << "expfail_crlf.txt"
                              << "message: ";
        QTest::newRow("trailing text") << "expfail_trailing_text.txt"
                                       << "message: ";
        QTest::newRow("free text") << "expfail_free_text.txt"
                                   << "message: ";
    }
    void signSiweMessage_refusesWhatIsNotALitSessionMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, part);
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        QJsonObject params{{QStringLiteral("message"),
                            QString::fromUtf8(readData(QStringLiteral("siwemessage/") + file))}};
        auto r = call(*client, QStringLiteral("quill_signSiweMessage"),
                      QJsonDocument(params).toJson(QJsonDocument::Compact));
        QCOMPARE(r.code, -32602);
        QVERIFY2(r.message.startsWith(QStringLiteral("invalid params: ") + part),
                 qPrintable(r.message));
        QCOMPARE(f.handler.handled, 0);
        // Wrong shapes of params.
        r = call(*client, QStringLiteral("quill_signSiweMessage"), QByteArray(R"({"message":1})"));
        QCOMPARE(r.code, -32602);
        r = call(*client, QStringLiteral("quill_signSiweMessage"),
                 QByteArray(R"({"message":"x","extra":1})"));
        QCOMPARE(r.code, -32602);
        QVERIFY2(r.message.contains(QStringLiteral("extra")), qPrintable(r.message));
        QCOMPARE(f.handler.handled, 0);
    }
    void sessionSigs_invalidParamsNameTheField_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("params");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("quillError");
        const QString sigs = QStringLiteral("quill_requestSessionSigs");
        const QString auth = QStringLiteral("quill_requestAuthSig");
        QTest::newRow("no params") << sigs << QByteArray() << "request: required" << 150;
        QTest::newRow("missing request") << sigs << QByteArray("{}") << "request: required" << 150;
        QTest::newRow("request not object")
            << sigs << QByteArray("{\"request\":[]}") << "request: must be an object" << 150;
        QTest::newRow("unknown param")
            << sigs << sessionSigsParams().replace("{\"request\"", "{\"x\":1,\"request\"")
            << "x: unknown parameter" << 150;
        QTest::newRow("node url without port")
            << sigs << sessionSigsParams().replace("https://localhost:7470", "https://localhost")
            << "request.nodeUrls[0]:" << 85;
        QTest::newRow("missing nodeUrls")
            << sigs << QByteArray("{\"request\":{\"resourceAbilityRequests\":[]}}")
            << "request.resourceAbilityRequests: must be a non-empty array" << 83;
        QTest::newRow("bad profile")
            << sigs
            << sessionSigsParams().replace("{\"request\"", "{\"profile\":\"v9\",\"request\"")
            << "profile: must be" << 150;
        QTest::newRow("missing session key")
            << auth << sessionSigsParams() << "sessionPublicKey: required" << 150;
        QTest::newRow("session key upper case")
            << auth
            << sessionSigsParams().replace(
                   "{\"request\"",
                   QByteArray("{\"sessionPublicKey\":\"" + QByteArray(64, 'A') + "\",\"request\""))
            << "sessionPublicKey: must be 64 lowercase hex" << 150;
        QTest::newRow("sessionPublicKey on sigs")
            << sigs
            << sessionSigsParams().replace("{\"request\"",
                                           "{\"sessionPublicKey\":\"aa\",\"request\"")
            << "sessionPublicKey: unknown parameter" << 150;
        // Issue #8: Quill's deliberate refusals name the field in both profiles.
        const auto fixture = [](const char *file, const char *profile) -> QByteArray {
            const auto doc = QByteArray::fromStdString(
                minify(readData(QStringLiteral("requests/") + QLatin1String(file))));
            return QByteArray("{\"profile\":\"") + profile + "\",\"request\":" + doc + '}';
        };
        for (const char *profile : {"lit-v7", "lit-v8"}) {
            const QString p = QString::fromLatin1(profile);
            QTest::newRow(qPrintable(p + QStringLiteral(" statement non-ascii")))
                << sigs << fixture("expfail_statement_non_ascii.json", profile)
                << "request.statement: " << 83;
            QTest::newRow(qPrintable(p + QStringLiteral(" statement line break")))
                << auth << fixture("expfail_statement_newline.json", profile)
                << "request.statement: " << 83;
            QTest::newRow(qPrintable(p + QStringLiteral(" pkp id too long")))
                << sigs << fixture("expfail_pkp_id_too_long.json", profile)
                << "request.resourceAbilityRequests[0].resource.resource: " << 83;
            QTest::newRow(qPrintable(p + QStringLiteral(" fractional price")))
                << sigs << fixture("expfail_max_price_fractional.json", profile)
                << "request.maxPrices[\"https://127.0.0.1:7470\"]: " << 86;
        }
    }
    void sessionSigs_invalidParamsNameTheField()
    {
        QFETCH(QString, method);
        QFETCH(QByteArray, params);
        QFETCH(QString, field);
        QFETCH(int, quillError);
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const auto r = call(*client, method, params);
        QCOMPARE(r.code, -32602);
        QVERIFY2(r.message.contains(field), qPrintable(r.message));
        QCOMPARE(r.data, QByteArray("{\"quillError\":") + QByteArray::number(quillError) + '}');
        QCOMPARE(f.handler.handled, 0);
    }
    void sessionSigs_handlerErrorsMapToStableCodes_data()
    {
        QTest::addColumn<int>("quillError");
        QTest::addColumn<QString>("context");
        QTest::addColumn<int>("rpc");
        QTest::addColumn<QString>("message");
        QTest::newRow("rejected") << int(ErrorCode::UserRejected) << "" << 4001
                                  << "rejected by the user";
        QTest::newRow("expired") << int(ErrorCode::RequestExpired) << "" << 4300
                                 << "request expired before the user decided";
        QTest::newRow("time range") << int(ErrorCode::LitTimeRange) << "expiration: after 30 days"
                                    << -32602 << "time range: expiration: after 30 days";
        QTest::newRow("keychain") << int(ErrorCode::KeychainFailure)
                                  << "org.freedesktop.secrets: locked" << -32603
                                  << "keychain failure";
    }
    void sessionSigs_handlerErrorsMapToStableCodes()
    {
        QFETCH(int, quillError);
        QFETCH(QString, context);
        QFETCH(int, rpc);
        QFETCH(QString, message);
        ApiFixture f;
        QVERIFY(f.listen());
        f.handler.answer = Error{ErrorCode(quillError), context};
        auto client = connectLocal(f.socketPath());
        pair(*client);
        const auto r =
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams());
        QCOMPARE(r.code, rpc);
        QCOMPARE(r.message, message);
        QCOMPARE(r.data, QByteArray("{\"quillError\":") + QByteArray::number(quillError) + '}');
    }
    void sessionSigs_invalidHandlerResultIsAnInternalError()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.handler.answer = std::string("{\"a\":");
        auto client = connectLocal(f.socketPath());
        pair(*client);
        QCOMPARE(
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams()).code,
            -32603);
        f.handler.answer = std::string("{\n  \"a\": 1\n}");
        const auto r =
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams());
        QVERIFY(r.ok);
        QCOMPARE(r.result, QByteArray("{  \"a\": 1}")); // line breaks dropped, nothing else
    }
    void sessionSigs_disconnectWhilePendingCancels()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        auto client = connectLocal(f.socketPath());
        pair(*client);
        for (int i = 0; i < 3; ++i)
            client->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                         [](const RpcReply &) {});
        QTRY_COMPARE(f.handler.handled, 3);
        QCOMPARE(f.server.pendingCount(), 3);
        QCOMPARE(f.handler.held.size(), std::size_t(3));
        std::vector<RequestHandler::Reply> late;
        for (auto &[id, reply] : f.handler.held)
            late.push_back(reply);
        client.reset(); // the app goes away
        QTRY_COMPARE(f.handler.cancelled.size(), 3);
        QCOMPARE(f.server.pendingCount(), 0);
        QVERIFY(f.handler.held.empty());
        QTRY_COMPARE(f.server.connectionCount(), 0);
        // A broker that answers after the cancel is ignored, not crashed on.
        for (auto &reply : late)
            reply(std::string("{}"));
        QCOMPARE(f.server.pendingCount(), 0);
    }
    void sessionSigs_pendingRequestsAreCapped()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto limits = f.server.limits();
        limits.maxPendingPerConnection = 3;
        f.server.setLimits(limits);
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        auto client = connectLocal(f.socketPath());
        pair(*client);
        for (int i = 0; i < 3; ++i)
            client->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                         [](const RpcReply &) {});
        QTRY_COMPARE(f.handler.handled, 3);
        const auto r =
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams());
        QCOMPARE(r.code, 4304);
        QCOMPARE(f.handler.handled, 3);
        // Answering one frees a slot.
        f.handler.held.begin()->second(std::string("1"));
        f.handler.held.erase(f.handler.held.begin());
        f.handler.mode = ScriptedRequestHandler::Mode::Answer;
        QVERIFY(call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams()).ok);
    }
    void sessionSigs_duplicatePendingIdIsRefused()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        auto client = connectLocal(f.socketPath());
        pair(*client);
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        const QByteArray msg = JsonRpc::request("\"dup\"", "quill_requestSessionSigs",
                                                sessionSigsParams().toStdString());
        client->sendRaw(msg);
        client->sendRaw(msg);
        QTRY_COMPARE(unmatched.count(), 1);
        const auto r = unmatched[0][0].value<RpcReply>();
        QCOMPARE(r.code, -32600);
        QVERIFY(r.message.contains(QStringLiteral("already used")));
        QCOMPARE(f.handler.handled, 1);
    }

    // --- hostile input -----------------------------------------------------------------
    void malformedJson_keepsTheConnectionUsable()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        client->sendRaw("{not json");
        client->sendRaw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\"}]");
        client->sendRaw("\xff\xfe\x00garbage");
        QTRY_COMPARE(unmatched.count(), 3);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, -32700);
        QCOMPARE(unmatched[1][0].value<RpcReply>().code, -32600);
        QCOMPARE(unmatched[2][0].value<RpcReply>().code, -32700);
        QVERIFY(hello(*client, QStringLiteral("after garbage")).ok);
    }
    void oversizeMessage_isRefusedAndClosed()
    {
        ApiFixture f;
        auto limits = f.server.limits();
        limits.maxMessageBytes = 4096;
        f.server.setLimits(limits);
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        QSignalSpy gone(client.get(), &ApiClient::disconnected);
        client->sendRaw(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"quill_hello\",\"params\":{\"name\":\"" +
            QByteArray(5000, 'x') + "\"}}");
        QVERIFY(gone.wait(5000));
        QCOMPARE(unmatched.count(), 1);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, 4302);
        QVERIFY(f.pairer.requests.isEmpty());
        // Without any line break: refused as soon as the buffer passes the cap.
        QLocalSocket raw;
        raw.connectToServer(f.socketPath());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(QByteArray(10000, '{'));
        QTRY_VERIFY(raw.state() == QLocalSocket::UnconnectedState);
        QVERIFY(raw.readAll().contains("4302"));
        QTRY_COMPARE(f.server.connectionCount(), 0);
    }
    // A client that forgets the final line break is answered once it goes quiet (issue #9).
    void unterminatedMessage_isAnsweredAfterAShortIdle()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        QLocalSocket raw;
        raw.connectToServer(f.socketPath());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(R"({"jsonrpc":"2.0","id":7,"method":"quill_info","params":{}})");
        QTRY_VERIFY_WITH_TIMEOUT(raw.canReadLine(), 3000);
        const QByteArray line = raw.readLine();
        QVERIFY2(line.contains("\"id\":7") && line.contains("\"result\""), line.constData());
        // Half a message is not taken for a whole one: it waits for the rest.
        raw.write(R"({"jsonrpc":"2.0","id":8,"method":)");
        QTest::qWait(600);
        QVERIFY(!raw.canReadLine());
        raw.write("\"quill_info\",\"params\":{}}\n");
        QTRY_VERIFY_WITH_TIMEOUT(raw.canReadLine(), 3000);
        QVERIFY(raw.readLine().contains("\"id\":8"));
    }
    void rateLimit_refusesOverBudgetButKeepsTheConnection()
    {
        ApiFixture f;
        auto limits = f.server.limits();
        limits.messageBurst = 5;
        limits.messagesPerSecond = 0; // no refill: deterministic
        f.server.setLimits(limits);
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        QSignalSpy unmatched(client.get(), &ApiClient::unmatchedReply);
        for (int i = 0; i < 5; ++i)
            client->sendRaw("{}");
        QTRY_COMPARE(unmatched.count(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(unmatched[i][0].value<RpcReply>().code, -32600);
        const auto r = hello(*client, QStringLiteral("x"));
        QCOMPARE(r.code, 4303);
        QVERIFY(client->isConnected());
    }
    void connections_cappedPerPeer()
    {
        ApiFixture f;
        auto limits = f.server.limits();
        limits.maxConnectionsPerPeer = 2;
        f.server.setLimits(limits);
        QVERIFY(f.listen());
        auto a = connectLocal(f.socketPath());
        auto b = connectLocal(f.socketPath());
        QTRY_COMPARE(f.server.connectionCount(), 2);
        ApiClient c;
        QSignalSpy unmatched(&c, &ApiClient::unmatchedReply);
        QSignalSpy gone(&c, &ApiClient::disconnected);
        c.connectToLocal(f.socketPath());
        QVERIFY(gone.wait(5000));
        QCOMPARE(unmatched.count(), 1);
        QCOMPARE(unmatched[0][0].value<RpcReply>().code, 4304);
        // The first two are unaffected; when one leaves, a new one fits.
        QVERIFY(hello(*a, QStringLiteral("a")).ok);
        b.reset();
        QTRY_COMPARE(f.server.connectionCount(), 1);
        auto d = connectLocal(f.socketPath());
        QVERIFY(hello(*d, QStringLiteral("d")).ok);
    }

    // --- accounts, revoke, unpair ------------------------------------------------------
    void accounts_onlyAfterConsent()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        auto client = connectLocal(f.socketPath());
        const auto app = pair(*client, QStringLiteral("Acc"));
        auto r = call(*client, QStringLiteral("quill_accounts"));
        QVERIFY(r.ok);
        QCOMPARE(r.result, QByteArray("[\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\"]"));
        QCOMPARE(f.accountsApprover.requests.size(), 1);
        QCOMPARE(f.accountsApprover.requests[0].appId, app.appId);
        QCOMPARE(f.accountsApprover.requests[0].appName, QStringLiteral("Acc"));
        f.accountsApprover.answer = std::nullopt;
        QCOMPARE(call(*client, QStringLiteral("quill_accounts")).code, 4001);
        QCOMPARE(call(*client, QStringLiteral("quill_accounts"), QByteArray("{\"all\":true}")).code,
                 -32602);
        f.server.setAccountsApprover(nullptr);
        QCOMPARE(call(*client, QStringLiteral("quill_accounts")).code, 4200);
    }
    void revoke_logsTheAppOutEverywhere()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        QSignalSpy unpaired(&f.server, &ApiServer::appUnpaired);
        auto a = connectLocal(f.socketPath());
        const auto app = pair(*a);
        auto b = connectLocal(f.socketPath());
        QVERIFY(hello(*b, QStringLiteral("b"), app.appId, app.token).ok);
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        std::optional<RpcReply> pendingOnB;
        b->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                [&](const RpcReply &r) { pendingOnB = r; });
        QTRY_COMPARE(f.handler.handled, 1);

        const auto r = call(*a, QStringLiteral("quill_revoke"));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.result, QByteArray("true"));
        QTRY_VERIFY(pendingOnB.has_value());
        QCOMPARE(pendingOnB->code, 4301);
        QCOMPARE(f.handler.cancelled.size(), 1);
        QCOMPARE(unpaired.count(), 1);
        QCOMPARE(unpaired[0][0].toString(), app.appId);
        QVERIFY(unpaired[0][1].value<UnpairedBy>() == UnpairedBy::App);
        QVERIFY(!f.store.contains(QStringLiteral("pairing:") + app.appId));
        QVERIFY(f.pairings.apps().isEmpty());
        QCOMPARE(call(*a, QStringLiteral("quill_accounts")).code, 4100);
        QCOMPARE(call(*b, QStringLiteral("quill_accounts")).code, 4100);
        auto c = connectLocal(f.socketPath());
        QCOMPARE(hello(*c, QStringLiteral("c"), app.appId, app.token).code, 4100);
    }
    void hostUnpair_invalidatesTheToken()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        QSignalSpy unpaired(&f.server, &ApiServer::appUnpaired);
        auto client = connectLocal(f.socketPath());
        const auto app = pair(*client);
        f.handler.mode = ScriptedRequestHandler::Mode::Hold;
        std::optional<RpcReply> pending;
        client->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                     [&](const RpcReply &r) { pending = r; });
        QTRY_COMPARE(f.handler.handled, 1);
        auto st = await<Status>([&](auto cb) { f.server.unpair(app.appId, cb); });
        QVERIFY(st && st->ok());
        QTRY_VERIFY(pending.has_value());
        QCOMPARE(pending->code, 4100);
        QCOMPARE(f.handler.cancelled.size(), 1);
        QCOMPARE(unpaired.count(), 1);
        QVERIFY(unpaired[0][1].value<UnpairedBy>() == UnpairedBy::Host);
        QCOMPARE(call(*client, QStringLiteral("quill_accounts")).code, 4100);
        QCOMPARE(hello(*client, QStringLiteral("x"), app.appId, app.token).code, 4100);
        auto again = await<Status>([&](auto cb) { f.server.unpair(app.appId, cb); });
        QCOMPARE(again->error().code, ErrorCode::Unauthorized);
    }
    void noHandler_sessionMethodsAreUnsupported()
    {
        ApiFixture f;
        QVERIFY(f.listen());
        f.server.setRequestHandler(nullptr);
        auto client = connectLocal(f.socketPath());
        pair(*client);
        QCOMPARE(
            call(*client, QStringLiteral("quill_requestSessionSigs"), sessionSigsParams()).code,
            4200);
        f.server.setPairingApprover(nullptr);
        auto other = connectLocal(f.socketPath());
        QCOMPARE(hello(*other, QStringLiteral("x")).code, 4100);
    }
    void serverDestroyedWithPendingWork()
    {
        auto f = std::make_unique<ApiFixture>();
        QVERIFY(f->listen());
        f->handler.mode = ScriptedRequestHandler::Mode::Hold;
        auto client = connectLocal(f->socketPath());
        pair(*client);
        client->call(QStringLiteral("quill_requestSessionSigs"), sessionSigsParams(),
                     [](const RpcReply &) {});
        QTRY_COMPARE(f->handler.handled, 1);
        auto late = f->handler.held.begin()->second;
        std::optional<RpcReply> answer;
        client->call(QStringLiteral("quill_accounts"), {}, [&](const RpcReply &r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        // Tear down the transport and server while a request is pending.
        f->local.close();
        f->server.setRequestHandler(nullptr);
        f.reset();
        late(std::string("{}")); // the server is gone; nothing happens
        QSignalSpy gone(client.get(), &ApiClient::disconnected);
        QVERIFY(gone.count() || gone.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_ApiServer.moc"
