#include "../../TestData.h"

#include "api/JsonRpc.h"
#include "api/JsonScan.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace quill;
using namespace quill::api;
using namespace quill::test;

namespace {
// JSON literals live here as plain strings: Qt 6.4's moc mis-lexes raw strings that contain
// quotes next to brackets or backslashes, and then silently finds no Q_OBJECT class.
const QByteArray kRequestBytes =
    "{\"nodeUrls\":[\"https://127.0.0.1:7470\"],\"chainId\":1.0e0,\"statement\":\"a \\\"q\\\" "
    "\\u00e9 "
    "/}\",\"capabilityAuthSigs\":[{\"sig\":\"0x1\",\"derivedVia\":\"web3.eth.personal.sign\","
    "\"signedMessage\":\"{[\",\"address\":\"0xA\"}]}";
constexpr const char *kScanDoc =
    " { \"a\" : \"}{\\\"\" , \"\\u0072equest\":{\"k\":[1,{\"x\":\"]\"}]} "
    ",\"n\":-1.5e3,\"t\":true, \"z\" :null } ";
constexpr const char *kScanA = "\"}{\\\"\"";
constexpr const char *kScanRequest = "{\"k\":[1,{\"x\":\"]\"}]}";
constexpr const char *kDepthDoc = "{\"a\":[{\"b\":\"[[[[\"}]}";

std::string_view view(const QByteArray &b)
{
    return {b.constData(), std::size_t(b.size())};
}
} // namespace

class TestJsonRpc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_expfail_data() { addExpfailRows(QStringLiteral("jsonrpc")); }
    void parse_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        const auto text = readData(file);
        std::string replyId = "unset";
        auto r = JsonRpc::parseRequest(view(text), replyId);
        QVERIFY2(!r.ok(), "parser accepted an expfail fixture");
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
        QVERIFY(!r.error().context.isEmpty());
        QVERIFY(replyId == "null" || replyId == "1"); // the id once readable, else null
        // The error response is one line of valid JSON whatever the input was.
        const auto response = JsonRpc::error(replyId, r.error());
        QVERIFY(!response.contains('\n'));
        QVERIFY(JsonRpc::isValidJson(view(response)));
    }
    void parse_answersWithTheIdOnceReadable()
    {
        std::string id;
        QVERIFY(!JsonRpc::parseRequest(R"({"jsonrpc":"1.0","id":"abc","method":"m"})", id).ok());
        QCOMPARE(id, std::string(R"("abc")"));
        QVERIFY(!JsonRpc::parseRequest(R"({"jsonrpc":"2.0","id":null,"method":"m"})", id).ok());
        QCOMPARE(id, std::string("null"));
        QVERIFY(!JsonRpc::parseRequest("not json", id).ok());
        QCOMPARE(id, std::string("null"));
    }
    void parse_valid_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("method");
        QTest::newRow("minimal") << "jsonrpc/valid_minimal.json"
                                 << "1"
                                 << "quill_accounts";
        QTest::newRow("string id, any member order") << "jsonrpc/valid_string_id.json"
                                                     << "\"req-\u00e9\""
                                                     << "quill_hello";
        QTest::newRow("negative id") << "jsonrpc/valid_negative_id.json"
                                     << "-7"
                                     << "quill_revoke";
        QTest::newRow("whitespace") << "jsonrpc/valid_whitespace.json"
                                    << "0"
                                    << "quill_accounts";
        QTest::newRow("request bytes") << "jsonrpc/valid_request_bytes.json"
                                       << "9"
                                       << "quill_requestSessionSigs";
    }
    void parse_valid()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, method);
        std::string replyId;
        auto r = JsonRpc::parseRequest(view(readData(file)), replyId);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
        QCOMPARE(QString::fromStdString(r->id), id);
        QCOMPARE(replyId, r->id);
        QCOMPARE(QString::fromStdString(r->method), method);
    }
    // The app's request object is handed on byte for byte: key order (capabilityAuthSigs are
    // signed in the app's key order), number spelling, escapes and whitespace inside.
    void params_objectTextIsTheExactBytes()
    {
        std::string id;
        auto r = JsonRpc::parseRequest(
            view(readData(QStringLiteral("jsonrpc/valid_request_bytes.json"))), id);
        QVERIFY(r.ok());
        auto text = r->params.objectText("request");
        QVERIFY(text.ok());
        QCOMPARE(QByteArray::fromStdString(*text), kRequestBytes);
        QCOMPARE(r->params.string("profile", 16).value(), std::string("lit-v7"));
        QCOMPARE(r->params.objectText("missing").error().context,
                 QStringLiteral("missing: required"));
        QCOMPARE(r->params.objectText("profile").error().context,
                 QStringLiteral("profile: must be an object"));
    }
    void params_errorsNameTheField()
    {
        std::string id;
        auto r = JsonRpc::parseRequest(
            R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"name":"ok","n":5,"evil":"a\u202eb","ctl":"a\u0007","long":"xxxxxxxxxx","bidi":"\u2066x"}})",
            id);
        QVERIFY(r.ok());
        const auto &p = r->params;
        QVERIFY(p.present());
        QVERIFY(p.has("name"));
        QVERIFY(!p.has("nope"));
        QCOMPARE(p.allowOnly({"name", "n", "evil", "ctl", "long"}).error().context,
                 QStringLiteral("bidi: unknown parameter"));
        QCOMPARE(p.allowOnly({"name", "n", "evil", "ctl", "long"}).error().code,
                 ErrorCode::InvalidParams);
        QVERIFY(p.allowOnly({"name", "n", "evil", "ctl", "long", "bidi"}).ok());
        QCOMPARE(p.string("name", 10).value(), std::string("ok"));
        QCOMPARE(p.string("n", 10).error().context, QStringLiteral("n: must be a string"));
        QCOMPARE(p.string("absent", 10).error().context, QStringLiteral("absent: required"));
        QVERIFY(!p.optionalString("absent", 10).value().has_value());
        QCOMPARE(p.string("long", 5).error().context, QStringLiteral("long: longer than 5 bytes"));
        QVERIFY(p.string("evil", 99)
                    .error()
                    .context.startsWith(QStringLiteral("evil: contains U+202E (a control")));
        QVERIFY(p.string("ctl", 99).error().context.startsWith(
            QStringLiteral("ctl: contains U+0007 (a control")));
        QVERIFY(!p.string("bidi", 99).ok());

        auto none = JsonRpc::parseRequest(R"({"jsonrpc":"2.0","id":1,"method":"m"})", id);
        QVERIFY(!none->params.present());
        QVERIFY(none->params.allowOnly({}).ok());
    }
    // Issue 14: line/paragraph separators, zero-width characters, the BOM and every bidi
    // control are refused in names, descriptions and URLs (the list shared with resource ids).
    void params_refuseInvisibleAndBidiCharacters_data()
    {
        QTest::addColumn<QString>("escaped");
        QTest::addColumn<bool>("refused");
        for (const char *cp : {"2028", "2029", "200b", "200c", "200d", "2060", "feff", "202a",
                               "202b", "202c", "202d", "202e", "2066", "2067", "2068", "2069",
                               "200e", "200f", "061c", "0085", "007f", "001b"})
            QTest::newRow(cp) << QStringLiteral("a\\u%1b").arg(QLatin1String(cp)) << true;
        for (const char *cp : {"00e9", "4e2d", "200a", "2010", "2070", "fefe"})
            QTest::newRow(cp) << QStringLiteral("a\\u%1b").arg(QLatin1String(cp)) << false;
        QTest::newRow("emoji") << QStringLiteral("a\\ud83d\\ude00b") << false;
    }
    void params_refuseInvisibleAndBidiCharacters()
    {
        QFETCH(QString, escaped);
        QFETCH(bool, refused);
        std::string id;
        auto r =
            JsonRpc::parseRequest(R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"name":")" +
                                      escaped.toStdString() + R"("}})",
                                  id);
        QVERIFY(r.ok());
        auto name = r->params.string("name", 64);
        QCOMPARE(!name.ok(), refused);
        if (refused)
            QVERIFY2(name.error().context.startsWith(QStringLiteral("name: contains U+")),
                     qPrintable(name.error().context));
    }
    void build_resultEmbedsVerbatim()
    {
        const std::string sigs = R"({"https://b:1":{"sig":"ab","x":1.50},"https://a:1":{}})";
        const auto msg = JsonRpc::result(R"("id-1")", sigs);
        QCOMPARE(msg, QByteArray(R"({"jsonrpc":"2.0","id":"id-1","result":)") +
                          QByteArray::fromStdString(sigs) + '}');
        auto back = JsonRpc::parseResponse(view(msg));
        QVERIFY(back.ok());
        QVERIFY(!back->isError);
        QCOMPARE(back->id, std::string(R"("id-1")"));
        QCOMPARE(back->resultJson, sigs);
    }
    void build_errorIsOneEscapedLine()
    {
        const auto msg = JsonRpc::error("3", RpcErrorCode::InvalidParams,
                                        QStringLiteral("a \"b\"\nc\u2028"), ErrorCode::LitNodeUrl);
        QVERIFY(!msg.contains('\n'));
        auto back = JsonRpc::parseResponse(view(msg));
        QVERIFY(back.ok());
        QVERIFY(back->isError);
        QCOMPARE(back->code, -32602);
        QCOMPARE(QString::fromStdString(back->message), QStringLiteral("a \"b\"\nc\u2028"));
        QCOMPARE(back->dataJson, std::string(R"({"quillError":85})"));
    }
    // Internal and authorization failures never carry their context to the app.
    void build_errorHidesInternalContext()
    {
        auto back = JsonRpc::parseResponse(view(JsonRpc::error(
            "1", Error{ErrorCode::KeychainFailure, QStringLiteral("dbus path /x secret")})));
        QCOMPARE(back->code, -32603);
        QCOMPARE(QString::fromStdString(back->message), QStringLiteral("keychain failure"));
        back = JsonRpc::parseResponse(view(
            JsonRpc::error("1", Error{ErrorCode::Unauthorized, QStringLiteral("app abc exists")})));
        QCOMPARE(back->code, 4100);
        QCOMPARE(QString::fromStdString(back->message), QStringLiteral("unauthorized"));
        back = JsonRpc::parseResponse(view(JsonRpc::error(
            "1", Error{ErrorCode::LitNodeUrl, QStringLiteral("nodeUrls[0]: port")})));
        QCOMPARE(back->code, -32602);
        QCOMPARE(QString::fromStdString(back->message),
                 QStringLiteral("node URL: nodeUrls[0]: port"));
    }
    // The numbers apps match on (core/api/README.md). Never change them.
    void errorCodes_areStable_data()
    {
        QTest::addColumn<int>("quill");
        QTest::addColumn<int>("rpc");
        QTest::newRow("UserRejected") << int(ErrorCode::UserRejected) << 4001;
        QTest::newRow("Unauthorized") << int(ErrorCode::Unauthorized) << 4100;
        QTest::newRow("UnsupportedMethod") << int(ErrorCode::UnsupportedMethod) << 4200;
        QTest::newRow("RequestExpired") << int(ErrorCode::RequestExpired) << 4300;
        QTest::newRow("RequestCancelled") << int(ErrorCode::RequestCancelled) << 4301;
        QTest::newRow("MessageTooLarge") << int(ErrorCode::MessageTooLarge) << 4302;
        QTest::newRow("RateLimited") << int(ErrorCode::RateLimited) << 4303;
        QTest::newRow("Busy") << int(ErrorCode::Busy) << 4304;
        QTest::newRow("InvalidJson") << int(ErrorCode::InvalidJson) << -32700;
        QTest::newRow("InvalidRpcRequest") << int(ErrorCode::InvalidRpcRequest) << -32600;
        QTest::newRow("InvalidParams") << int(ErrorCode::InvalidParams) << -32602;
        QTest::newRow("LitNodeUrl") << int(ErrorCode::LitNodeUrl) << -32602;
        QTest::newRow("LitTimeRange") << int(ErrorCode::LitTimeRange) << -32602;
        QTest::newRow("SiweNonce") << int(ErrorCode::SiweNonce) << -32602;
        QTest::newRow("InvalidPublicKey") << int(ErrorCode::InvalidPublicKey) << -32602;
        QTest::newRow("KeychainUnavailable") << int(ErrorCode::KeychainUnavailable) << -32603;
        QTest::newRow("AccountNotFound") << int(ErrorCode::AccountNotFound) << -32603;
        QTest::newRow("CryptoFailure") << int(ErrorCode::CryptoFailure) << -32603;
    }
    void errorCodes_areStable()
    {
        QFETCH(int, quill);
        QFETCH(int, rpc);
        QCOMPARE(int(rpcErrorCode(ErrorCode(quill))), rpc);
    }
    void errorCodes_quillNumbers()
    {
        QCOMPARE(int(ErrorCode::Unauthorized), 144);
        QCOMPARE(int(ErrorCode::RateLimited), 145);
        QCOMPARE(int(ErrorCode::MessageTooLarge), 146);
        QCOMPARE(int(ErrorCode::Busy), 147);
        QCOMPARE(int(ErrorCode::UnsupportedMethod), 148);
        QCOMPARE(int(ErrorCode::InvalidRpcRequest), 149);
        QCOMPARE(int(ErrorCode::InvalidParams), 150);
    }
    void parseResponse_rejectsBadShapes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("both") << QByteArray(
            R"({"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}})");
        QTest::newRow("neither") << QByteArray(R"({"jsonrpc":"2.0","id":1})");
        QTest::newRow("no version") << QByteArray(R"({"id":1,"result":1})");
        QTest::newRow("float id") << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"result":1})");
        QTest::newRow("error code string")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"m"}})");
        QTest::newRow("error extra")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"m","x":1}})");
        QTest::newRow("extra member") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":1,"x":2})");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces") << QByteArray("  ");
    }
    void parseResponse_rejectsBadShapes()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!JsonRpc::parseResponse(view(text)).ok());
    }
    void scan_memberText()
    {
        using detail::memberText;
        const std::string_view doc = kScanDoc;
        QCOMPARE(std::string(*memberText(doc, "a")), std::string(kScanA));
        QCOMPARE(std::string(*memberText(doc, "request")), std::string(kScanRequest));
        QCOMPARE(std::string(*memberText(doc, "n")), std::string("-1.5e3"));
        QCOMPARE(std::string(*memberText(doc, "t")), std::string("true"));
        QCOMPARE(std::string(*memberText(doc, "z")), std::string("null"));
        QVERIFY(!memberText(doc, "k"));
        QVERIFY(!memberText("[1]", "a"));
        QVERIFY(!memberText("{}", "a"));
    }
    // skipString finds closing quotes with memchr and counts the backslashes before each:
    // an even run (\\\\") closes the string, an odd one (\\\") does not.
    void scan_memberText_backslashRuns()
    {
        using detail::memberText;
        const std::string_view doc =
            "{\"a\":\"x\\\\\",\"b\":\"\\\"}\\\\\\\"]\",\"c\":\"\\\\\\\\\\\"q\",\"d\":\"\",\"e\":[ "
            "\"\\\\\" ,\"}\" ],\"f\":1}";
        QCOMPARE(std::string(*memberText(doc, "a")), std::string("\"x\\\\\""));
        QCOMPARE(std::string(*memberText(doc, "b")), std::string("\"\\\"}\\\\\\\"]\""));
        QCOMPARE(std::string(*memberText(doc, "c")), std::string("\"\\\\\\\\\\\"q\""));
        QCOMPARE(std::string(*memberText(doc, "d")), std::string(R"("")"));
        QCOMPARE(std::string(*memberText(doc, "e")), std::string("[ \"\\\\\" ,\"}\" ]"));
        QCOMPARE(std::string(*memberText(doc, "f")), std::string("1"));
        QVERIFY(nlohmann::json::accept(doc)); // the document is valid JSON
    }
    // The response check (simdjson) keeps nlohmann's strictness: duplicate keys at any
    // depth, invalid UTF-8 and a value after the first are refused; result bytes are exact.
    void parseResponse_strictAtEveryDepth_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{"a":{"b":1}}})")
                               << true;
        QTest::newRow("dup top") << QByteArray(R"({"jsonrpc":"2.0","id":7,"id":8,"result":1})")
                                 << false;
        QTest::newRow("dup nested")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{"a":{"b":1,"b":2}}})") << false;
        QTest::newRow("dup in array")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":[{"k":1},{"k":1,"k":1}]})") << false;
        QTest::newRow("dup escaped")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"b\":1,\"\\u0062\":2}}")
            << false;
        QTest::newRow("bad utf-8")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"\xc3\x28\"}") << false;
        QTest::newRow("two values")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":1} {})") << false;
        QTest::newRow("string id")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":\"x\\u0041\",\"result\":1}") << true;
        QTest::newRow("null id") << QByteArray(R"({"jsonrpc":"2.0","id":null,"result":1})") << true;
        QTest::newRow("array id") << QByteArray(R"({"jsonrpc":"2.0","id":[1],"result":1})")
                                  << false;
        QTest::newRow("version 1") << QByteArray(R"({"jsonrpc":"1.0","id":1,"result":1})") << false;
    }
    void parseResponse_strictAtEveryDepth()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        const auto back = JsonRpc::parseResponse(view(text));
        QCOMPARE(back.ok(), ok);
    }
    void parseResponse_keepsResultBytesAndIdSpelling()
    {
        const QByteArray text = "{\"id\":\"x\\u0041\" , \"result\" : {\"n\":1.50,\"s\":\"\\\"}\"} "
                                ",\"jsonrpc\":\"2.0\"}";
        const auto back = JsonRpc::parseResponse(view(text));
        QVERIFY(back.ok());
        QCOMPARE(back->resultJson, std::string("{\"n\":1.50,\"s\":\"\\\"}\"}"));
        QCOMPARE(back->id, std::string(R"("xA")"));
    }
    void scan_nestingDepth()
    {
        using detail::nestingDepth;
        QCOMPARE(nestingDepth("[]", 10), std::size_t(1));
        QCOMPARE(nestingDepth(kDepthDoc, 10), std::size_t(3));
        QCOMPARE(nestingDepth(std::string(100, '['), 10), std::size_t(11));
        QCOMPARE(nestingDepth("1", 10), std::size_t(0));
    }
    void isValidJson_acceptsOneValue()
    {
        QVERIFY(JsonRpc::isValidJson(R"( {"a":[1,2]} )"));
        QVERIFY(JsonRpc::isValidJson("true"));
        QVERIFY(!JsonRpc::isValidJson(R"({"a":1} {"b":2})"));
        QVERIFY(!JsonRpc::isValidJson(""));
        QVERIFY(!JsonRpc::isValidJson("{\"a\":\"\xff\"}"));
    }
};

QTEST_GUILESS_MAIN(TestJsonRpc)
#include "tst_JsonRpc.moc"
