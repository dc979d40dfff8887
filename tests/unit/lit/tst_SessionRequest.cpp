#include "../../TestData.h"

#include "lit/SessionRequest.h"

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
        QCOMPARE(r->capabilityJson[0],
                 std::string("{\"address\":\"0xabc\",\"sig\":\"0x01\",\"derivedVia\":\"web3.eth.personal.sign\","
                             "\"signedMessage\":\"a\\nb\"}"));
        QCOMPARE(r->capabilityAuthSigs[0].signedMessage, std::string("a\nb"));
        QCOMPARE(*r->resourceAbilityRequests[0].dataJson, std::string("{\"z\":\"1\",\"a\":[\"x\"]}"));
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
    void nodeUrl_rules()
    {
        QVERIFY(validateNodeUrl("https://127.0.0.1:7470").ok());
        QVERIFY(validateNodeUrl("http://localhost:7470").ok());
        QVERIFY(validateNodeUrl("https://[::1]:7470").ok());
        QVERIFY(!validateNodeUrl("https://[::1]").ok());
        QVERIFY(!validateNodeUrl("https://host:").ok());
        QVERIFY(!validateNodeUrl("https://host:12a").ok());
    }
};

QTEST_GUILESS_MAIN(TestSessionRequest)
#include "tst_SessionRequest.moc"
