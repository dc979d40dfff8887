#include "../../TestData.h"

#include "common/JsonText.h"
#include "lit/Delegation.h"
#include "lit/MaxPrice.h"
#include "lit/SessionRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QDir>
#include <QTest>

using namespace quill;
using namespace quill::lit;
using namespace quill::test;

class TestSessionRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_validFixtures_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto &f : QDir(dataPath(QStringLiteral("requests"))).entryList({QStringLiteral("valid_*.json")}))
            QTest::newRow(qPrintable(f)) << QStringLiteral("requests/") + f;
    }
    void parse_validFixtures()
    {
        QFETCH(QString, file);
        auto r = SessionRequest::fromJson(readData(file).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QVERIFY(!r->resourceAbilityRequests.empty());
        QVERIFY(!r->nodeUrls.empty());
    }
    void parse_minimalUsesDefaults()
    {
        auto r = SessionRequest::fromJson(readData(QStringLiteral("requests/valid_minimal.json")).toStdString());
        QVERIFY(r.ok());
        QCOMPARE(r->domain, std::string("localhost"));
        QCOMPARE(r->chainId, std::uint64_t(1));
        QVERIFY(!r->statement && !r->nonce && !r->issuedAt && !r->expiration);
        QCOMPARE(r->resourceAbilityRequests[0].key(), std::string("lit-litaction://*"));
    }
    void parse_keepsCapabilityKeyOrderAndData()
    {
        auto r = SessionRequest::fromJson(readData(QStringLiteral("requests/valid_capability_key_order.json")).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        // The app's key order and JSON.stringify escaping are kept byte for byte.
        const auto &cap = r->capabilityAuthSigs[0];
        std::string expected = "{\"address\":\"" + cap.address + "\",\"sig\":\"" + cap.sig +
                               "\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":";
        appendJsonString(expected, cap.signedMessage);
        QCOMPARE(r->capabilityJson[0], expected + "}");
        QVERIFY(cap.signedMessage.find("\nURI: lit:capability:delegation\n") != std::string::npos);
        QCOMPARE(*r->resourceAbilityRequests[0].dataJson, std::string("{\"z\":\"1\",\"a\":[\"x\"]}"));
    }
    // Issue 14: every capabilityAuthSig is checked before it is shown or signed over; the
    // error names the entry and the defect. Fixtures: tests/interop/gen-delegation-fixtures.mjs
    // (real SIWE delegations signed by the public test key, then forged).
    void parse_refusesForgedDelegations_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad signature") << QStringLiteral("bad_signature")
                                       << QStringLiteral("capabilityAuthSigs[0]: signature");
        QTest::newRow("0x1111… signature")
            << QStringLiteral("forged_sig") << QStringLiteral("capabilityAuthSigs[0]: signature");
        QTest::newRow("wrong address") << QStringLiteral("wrong_address")
                                       << QStringLiteral("capabilityAuthSigs[0]: address 0xd8dA");
        QTest::newRow("not SIWE") << QStringLiteral("not_siwe")
                                  << QStringLiteral(
                                         "capabilityAuthSigs[0]: signedMessage is not a SIWE");
        QTest::newRow("no ReCap") << QStringLiteral("no_recap")
                                  << QStringLiteral("capabilityAuthSigs[0]: SIWE has no urn:recap");
        QTest::newRow("too many") << QStringLiteral("too_many")
                                  << QStringLiteral("capabilityAuthSigs: at most 16");
        QTest::newRow("too large")
            << QStringLiteral("too_large")
            << QStringLiteral("capabilityAuthSigs[0]: larger than 65536 bytes");
    }
    void parse_refusesForgedDelegations()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/expfail_capability_%1.json").arg(file))
                .toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::LitCapability);
        QVERIFY2(r.error().context.startsWith(message), qPrintable(r.error().context));
    }
    void parse_acceptsRealDelegation()
    {
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/valid_capability_delegation.json")).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        auto d = Delegation::verify(r->capabilityAuthSigs[0]);
        QVERIFY(d.ok());
        QCOMPARE(d->signer, std::string("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
        QVERIFY(d->recap.covers("lit-ratelimitincrease", "12345", "Auth/Auth"));
        QVERIFY(d->checkTime(parseRfc3339("2035-01-15T12:00:00.000Z").value()).ok());
        QCOMPARE(d->checkTime(parseRfc3339("2035-01-15T12:00:00.001Z").value()).error().code,
                 ErrorCode::LitCapability);
        // Sixteen entries are allowed.
        auto doc = QJsonDocument::fromJson(
                       readData(QStringLiteral("requests/expfail_capability_too_many.json")))
                       .object();
        auto caps = doc[QStringLiteral("capabilityAuthSigs")].toArray();
        caps.removeLast();
        doc[QStringLiteral("capabilityAuthSigs")] = caps;
        auto sixteen = SessionRequest::fromJson(QJsonDocument(doc).toJson().toStdString());
        QVERIFY2(sixteen.ok(), qPrintable(sixteen.ok() ? QString() : describe(sixteen.error())));
        QCOMPARE(sixteen->capabilityAuthSigs.size(), std::size_t(16));
    }
    void parse_expfail_data() { addExpfailRows(QStringLiteral("requests")); }
    void parse_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto r = SessionRequest::fromJson(readData(file).toStdString());
        QVERIFY2(!r.ok(), "parser accepted an expfail fixture");
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
        QVERIFY(!r.error().context.isEmpty());
    }
    void parse_errorNamesTheField()
    {
        auto r = SessionRequest::fromJson(readData(QStringLiteral("requests/expfail_ability_mismatch.json")).toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().context.startsWith(QStringLiteral("resourceAbilityRequests[0].ability")),
                 qPrintable(r.error().context));
    }
    // SDK formatPKPResource (auth-helpers 7.4.0 and 8.x utils.js), issue #8.
    void formatPkpResourceId_matchesSdk_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output"); // empty: refused
        const QString z60(60, QLatin1Char('0'));
        const QString full = QStringLiteral("ab").repeated(32);
        QTest::newRow("0x short") << QStringLiteral("0x1234") << z60 + QStringLiteral("1234");
        QTest::newRow("short") << QStringLiteral("1234") << z60 + QStringLiteral("1234");
        QTest::newRow("upper case kept")
            << QStringLiteral("0xABcd") << z60 + QStringLiteral("ABcd");
        QTest::newRow("decimal-looking padded as hex")
            << QStringLiteral("12345") << QString(59, QLatin1Char('0')) + QStringLiteral("12345");
        QTest::newRow("0x full") << QStringLiteral("0x") + full << full;
        QTest::newRow("full") << full << full;
        QTest::newRow("wildcard") << QStringLiteral("*") << QStringLiteral("*");
        QTest::newRow("0x wildcard") << QStringLiteral("0x*") << QStringLiteral("*");
        QTest::newRow("upper 0X not stripped") << QStringLiteral("0Xff") << QStringLiteral("0Xff");
        QTest::newRow("non-hex kept") << QStringLiteral("my-pkp") << QStringLiteral("my-pkp");
        QTest::newRow("one 0x stripped") << QStringLiteral("0x0x12") << QStringLiteral("0x12");
        QTest::newRow("expfail_65") << QString(65, QLatin1Char('1')) << QString();
        QTest::newRow("expfail_0x_65")
            << QStringLiteral("0x") + QString(65, QLatin1Char('a')) << QString();
    }
    void formatPkpResourceId_matchesSdk()
    {
        QFETCH(QString, input);
        QFETCH(QString, output);
        auto r = formatPkpResourceId(input.toStdString());
        if (output.isEmpty()) {
            QVERIFY(!r.ok());
            QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode::LitRequestField));
            return;
        }
        QVERIFY(r.ok());
        QCOMPARE(QString::fromStdString(*r), output);
    }
    void parse_normalisesPkpIdsOnly()
    {
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/valid_pkp_ids.json")).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        const std::string z60(60, '0');
        std::string ab;
        for (int i = 0; i < 32; ++i)
            ab += "ab";
        const std::vector<std::pair<std::string, std::string>> want = {
            {z60 + "1234", "0x1234"},
            {std::string(58, '0') + "ABCdef", "ABCdef"},
            {std::string(59, '0') + "12345", "12345"},
            {ab, "0x" + ab},
            {"*", "0x*"},
            {"0Xff", ""},
            {"my-pkp", ""},
            {"0x1234", ""}};
        QCOMPARE(r->resourceAbilityRequests.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            QCOMPARE(r->resourceAbilityRequests[i].resource, want[i].first);
            QCOMPARE(r->resourceAbilityRequests[i].requestedResource, want[i].second);
        }
        // Everything downstream uses the normalised id.
        QCOMPARE(r->resourceAbilityRequests[0].key(), "lit-pkp://" + z60 + "1234");
    }
    void parse_pkpErrorNamesTheField()
    {
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/expfail_pkp_id_too_long.json")).toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().context.startsWith(
                     QStringLiteral("resourceAbilityRequests[0].resource.resource: ")),
                 qPrintable(r.error().context));
    }
    void maxPrice_formats_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("hex");
        QTest::addColumn<QString>("decimal");
        QTest::addColumn<QString>("tokens");
        QTest::newRow("decimal") << QStringLiteral("250000000000000000")
                                 << QStringLiteral("0x3782dace9d90000")
                                 << QStringLiteral("250000000000000000") << QStringLiteral("0.25");
        QTest::newRow("hex upper, leading zeros")
            << QStringLiteral("0X0003782DACE9D90000") << QStringLiteral("0x3782dace9d90000")
            << QStringLiteral("250000000000000000") << QStringLiteral("0.25");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0x0") << QStringLiteral("0")
                              << QStringLiteral("0");
        QTest::newRow("hex zero") << QStringLiteral("0x000") << QStringLiteral("0x0")
                                  << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("one wei") << QStringLiteral("1") << QStringLiteral("0x1")
                                 << QStringLiteral("1") << QStringLiteral("0.000000000000000001");
        QTest::newRow("whole tokens")
            << QStringLiteral("3000000000000000000") << QStringLiteral("0x29a2241af62c0000")
            << QStringLiteral("3000000000000000000") << QStringLiteral("3");
        QTest::newRow("vector F") << QStringLiteral("0x14ad8b1b0b550000")
                                  << QStringLiteral("0x14ad8b1b0b550000")
                                  << QStringLiteral("1490000000000000000")
                                  << QStringLiteral("1.49");
        QTest::newRow("leading zeros decimal")
            << QStringLiteral("000123") << QStringLiteral("0x7b") << QStringLiteral("123")
            << QStringLiteral("0.000000000000000123");
        QTest::newRow("2^256-1")
            << QStringLiteral(
                   "115792089237316195423570985008687907853269984665640564039457584007913129639935")
            << QStringLiteral("0x") + QString(64, QLatin1Char('f'))
            << QStringLiteral(
                   "115792089237316195423570985008687907853269984665640564039457584007913129639935")
            << QStringLiteral("115792089237316195423570985008687907853269984665640564039457."
                              "584007913129639935");
    }
    void maxPrice_formats()
    {
        QFETCH(QString, input);
        QFETCH(QString, hex);
        QFETCH(QString, decimal);
        QFETCH(QString, tokens);
        auto p = MaxPrice::parse(input.toStdString());
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().context));
        QCOMPARE(QString::fromStdString(p->toSdkHex()), hex);
        QCOMPARE(QString::fromStdString(p->toDecimal()), decimal);
        QCOMPARE(QString::fromStdString(p->toTokens()), tokens);
    }
    void maxPrice_refusals_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("empty hex") << QStringLiteral("0x");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("negative hex") << QStringLiteral("-0x1");
        QTest::newRow("fraction") << QStringLiteral("0.5");
        QTest::newRow("exponent") << QStringLiteral("1e18");
        QTest::newRow("2^256") << QStringLiteral(
            "115792089237316195423570985008687907853269984665640564039457584007913129639936");
        QTest::newRow("hex 2^256") << QStringLiteral("0x1") + QString(64, QLatin1Char('0'));
        QTest::newRow("space") << QStringLiteral("1 000");
        QTest::newRow("plus") << QStringLiteral("+1");
        QTest::newRow("bad hex") << QStringLiteral("0x12g");
    }
    void maxPrice_refusals()
    {
        QFETCH(QString, input);
        auto p = MaxPrice::parse(input.toStdString());
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::LitMaxPrice);
    }
    void parse_storesMaxPricesInSdkForm()
    {
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/valid_max_prices.json")).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(*r->maxPriceFor("https://127.0.0.1:7470"), std::string("0x3782dace9d90000"));
        QCOMPARE(*r->maxPriceFor("https://127.0.0.1:7471"), std::string("0x3782dace9d90000"));
        QCOMPARE(*r->maxPriceFor("https://127.0.0.1:7472"), "0x" + std::string(64, 'f'));
    }
    void parse_priceErrorNamesTheNode_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"negative", "fractional", "exponent", "empty", "empty_hex",
                              "too_large", "hex_too_large", "number", "spaces"})
            QTest::newRow(f)
                << QStringLiteral("requests/expfail_max_price_%1.json").arg(QLatin1String(f));
    }
    void parse_priceErrorNamesTheNode()
    {
        QFETCH(QString, file);
        auto r = SessionRequest::fromJson(readData(file).toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::LitMaxPrice);
        QVERIFY2(
            r.error().context.startsWith(QStringLiteral("maxPrices[\"https://127.0.0.1:7470\"]: ")),
            qPrintable(r.error().context));
    }
    void nodeUrl_rules()
    {
        QVERIFY(validateNodeUrl("https://127.0.0.1:7470").ok());
        QVERIFY(validateNodeUrl("https://[::1]:7470").ok());
        QVERIFY(validateNodeUrl("https://node.example:65535").ok());
        QVERIFY(validateNodeUrl("https://node.example:0").ok());
        QVERIFY(!validateNodeUrl("https://[::1]").ok());
        QVERIFY(!validateNodeUrl("https://host:").ok());
        QVERIFY(!validateNodeUrl("https://host:12a").ok());
        // Issue 14: https only, ports as nodes read them, nothing ambiguous.
        QVERIFY(!validateNodeUrl("http://localhost:7470").ok());
        QVERIFY(!validateNodeUrl("HTTPS://localhost:7470").ok());
        QVERIFY(!validateNodeUrl("https://node.example:65536").ok());
        QVERIFY(!validateNodeUrl("https://node.example:99999").ok());
        QVERIFY(!validateNodeUrl("https://node.example:0000000000007470").ok());
        QVERIFY(!validateNodeUrl("https://node.example:07470").ok());
        QCOMPARE(normalizedNodeUrl("https://Node.EXAMPLE:7470").value(),
                 std::string("https://node.example:7470"));
    }
    void nodeUrls_refusedNamingTheEntry_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("http") << QStringLiteral("node_url_http")
                              << QStringLiteral("nodeUrls[0]: must start with https://");
        QTest::newRow("port > 65535") << QStringLiteral("node_url_port_too_large")
                                      << QStringLiteral("nodeUrls[0]: port must be at most 65535");
        QTest::newRow("leading zero") << QStringLiteral("node_url_leading_zero_port")
                                      << QStringLiteral("nodeUrls[0]: port has leading zeros");
        QTest::newRow("host case") << QStringLiteral("node_url_case_duplicate")
                                   << QStringLiteral("nodeUrls[1]: duplicate node URL");
        QTest::newRow("257 URLs") << QStringLiteral("node_url_too_many")
                                  << QStringLiteral("nodeUrls: at most 256 node URLs");
        const QString id = QStringLiteral("resourceAbilityRequests[0].resource.resource: ");
        QTest::newRow("U+202E id")
            << QStringLiteral("resource_id_rlo") << id + QStringLiteral("contains U+202E");
        QTest::newRow("U+200B id")
            << QStringLiteral("resource_id_zero_width") << id + QStringLiteral("contains U+200B");
        QTest::newRow("BOM id") << QStringLiteral("resource_id_bom")
                                << id + QStringLiteral("contains U+FEFF");
        QTest::newRow("U+2028 id") << QStringLiteral("resource_id_line_separator")
                                   << id + QStringLiteral("contains U+2028");
        QTest::newRow("é id") << QStringLiteral("resource_id_non_ascii")
                              << id + QStringLiteral("must be ASCII");
    }
    void nodeUrls_refusedNamingTheEntry()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/expfail_%1.json").arg(file)).toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().context.startsWith(message), qPrintable(r.error().context));
    }
    void nodeUrls_signedAsWritten()
    {
        // 256 URLs are allowed; a mixed-case host is kept as the app wrote it (the SDK signs it
        // so).
        auto r = SessionRequest::fromJson(
            readData(QStringLiteral("requests/valid_node_urls_256.json")).toStdString());
        QVERIFY(r.ok());
        QCOMPARE(r->nodeUrls.size(), std::size_t(256));
        QCOMPARE(r->nodeUrls[0], std::string("https://Node.Example:7000"));
    }
};

QTEST_GUILESS_MAIN(TestSessionRequest)
#include "tst_SessionRequest.moc"
