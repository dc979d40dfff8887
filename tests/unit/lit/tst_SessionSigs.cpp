#include "../../TestData.h"

#include "common/JsonText.h"
#include "crypto/Encoding.h"
#include "lit/SessionSigIssuer.h"

#include <QJsonDocument>
#include <QTest>

using namespace quill;
using namespace quill::lit;
using namespace quill::test;

namespace {

// Public test keys of the spec's vectors (never real funds).
constexpr const char *kWalletKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
constexpr const char *kSessionSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr const char *kAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
const UnixMillis kNow = 1736942400000; // 2025-01-15T12:00:00.000Z

SessionRequest request(const char *file)
{
    auto r = SessionRequest::fromJson(readData(QString::fromLatin1(file)).toStdString());
    if (!r)
        qFatal("bad fixture %s: %s", file, qPrintable(describe(r.error())));
    return std::move(r).value();
}

SessionKey sessionKey()
{
    return std::move(SessionKey::fromSeed(std::move(crypto::secretFromHex(kSessionSeed)).value())).value();
}

crypto::SecureBytes walletKey() { return std::move(crypto::secretFromHex(kWalletKey)).value(); }

} // namespace

class TestSessionSigs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Every byte of vectors A (lit-v7) and F (lit-v8): SIWE, AuthSig, payloads, signatures.
    void issue_matchesSdkVectors_data()
    {
        QTest::addColumn<QString>("requestFile");
        QTest::addColumn<QString>("vectorFile");
        QTest::addColumn<int>("profile");
        QTest::newRow("v7-A") << QStringLiteral("requests/valid_vector_a.json")
                              << QStringLiteral("vectors/v7-A-acc-decryption-defaults.json") << int(Profile::LitV7);
        QTest::newRow("v8-F") << QStringLiteral("requests/valid_vector_f_v8.json")
                              << QStringLiteral("vectors/v8-F-naga-acc-and-pkp.json") << int(Profile::LitV8);
    }
    void issue_matchesSdkVectors()
    {
        QFETCH(QString, requestFile);
        QFETCH(QString, vectorFile);
        QFETCH(int, profile);
        const auto vector = readJsonObject(vectorFile);
        const auto req = request(qPrintable(requestFile));
        const auto key = sessionKey();
        auto plan = SessionSigIssuer::plan(req, kNow);
        QVERIFY(plan.ok());
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, key.publicKeyHex());
        QVERIFY2(siwe.ok(), qPrintable(siwe.ok() ? QString() : describe(siwe.error())));
        QCOMPARE(siwe->render(), str(vector[QStringLiteral("siwe")].toObject()[QStringLiteral("message")]));
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        QVERIFY(authSig.ok());
        const auto expectedAuthSig = vector[QStringLiteral("authSig")].toObject();
        QCOMPARE(authSig->sig, str(expectedAuthSig[QStringLiteral("sig")]));
        QCOMPARE(authSig->address, std::string(kAddress));
        auto sigs = SessionSigIssuer::issue(req, *plan, *authSig, key, Profile(profile));
        QVERIFY(sigs.ok());
        const auto expected = vector[QStringLiteral("sessionSigs")].toObject();
        QCOMPARE(sigs->entries.size(), std::size_t(expected.size()));
        for (const auto &e : sigs->entries) {
            const auto exp = expected[QString::fromStdString(e.nodeUrl)].toObject();
            QCOMPARE(e.signedMessage, str(exp[QStringLiteral("signedMessage")]));
            QCOMPARE(e.sig, str(exp[QStringLiteral("sig")]));
            QCOMPARE(e.address, str(exp[QStringLiteral("address")]));
        }
        // The whole map parses back to the same object.
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(sigs->toJson())).object(), expected);
    }
    void plan_defaults()
    {
        auto req = request("requests/valid_minimal.json");
        auto plan = SessionSigIssuer::plan(req, kNow);
        QVERIFY(plan.ok());
        QCOMPARE(plan->issuedAt, std::string("2025-01-15T12:00:00.000Z"));
        QCOMPARE(plan->expiration, std::string("2025-01-16T12:00:00.000Z"));
        QVERIFY(plan->nonce.size() >= 8);
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, sessionKey().publicKeyHex());
        QVERIFY(siwe.ok());
        QCOMPARE(siwe->statement->substr(0, SessionRequest::kDefaultStatement.size()),
                 std::string(SessionRequest::kDefaultStatement));
        // Two plans never share a nonce.
        QVERIFY(SessionSigIssuer::plan(req, kNow)->nonce != plan->nonce);
    }
    // Issue #8: without an expiration, v7 getSessionSigs uses +24 h, v8 AuthConfigSchema +15 min.
    void plan_defaultExpiryPerProfile()
    {
        auto req = request("requests/valid_minimal.json");
        QCOMPARE(SessionSigIssuer::plan(req, kNow, Profile::LitV7)->expiration,
                 std::string("2025-01-16T12:00:00.000Z"));
        QCOMPARE(SessionSigIssuer::plan(req, kNow, Profile::LitV8)->expiration,
                 std::string("2025-01-15T12:15:00.000Z"));
        QCOMPARE(SessionSigIssuer::resolvePlan(req, kNow, Profile::LitV8)->expiration,
                 std::string("2025-01-15T12:15:00.000Z"));
        req.issuedAt = "2025-01-15T11:59:30.500Z";
        QCOMPARE(SessionSigIssuer::plan(req, kNow, Profile::LitV8)->expiration,
                 std::string("2025-01-15T12:14:30.500Z"));
        req.expiration = "2025-01-15T13:00:00.000Z";
        QCOMPARE(SessionSigIssuer::plan(req, kNow, Profile::LitV8)->expiration,
                 std::string("2025-01-15T13:00:00.000Z"));
    }
    void plan_refusesWhatNodesReject_data()
    {
        QTest::addColumn<QString>("issuedAt");
        QTest::addColumn<QString>("expiration");
        QTest::newRow("expfail_more_than_30_days") << QStringLiteral("2025-01-15T12:00:00.000Z") << QStringLiteral("2025-02-14T12:00:00.001Z");
        QTest::newRow("expfail_expiry_before_issue") << QStringLiteral("2025-01-15T12:00:00.000Z") << QStringLiteral("2025-01-15T11:00:00.000Z");
        QTest::newRow("expfail_already_expired") << QStringLiteral("2025-01-14T12:00:00.000Z") << QStringLiteral("2025-01-15T11:59:59.000Z");
        QTest::newRow("expfail_issued_in_future") << QStringLiteral("2025-01-15T12:01:00.001Z") << QStringLiteral("2025-01-16T12:00:00.000Z");
    }
    void plan_refusesWhatNodesReject()
    {
        QFETCH(QString, issuedAt);
        QFETCH(QString, expiration);
        auto req = request("requests/valid_minimal.json");
        req.issuedAt = issuedAt.toStdString();
        req.expiration = expiration.toStdString();
        auto plan = SessionSigIssuer::plan(req, kNow);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ErrorCode::LitTimeRange);
    }
    void plan_acceptsExactly30Days()
    {
        auto req = request("requests/valid_minimal.json");
        req.expiration = "2025-02-14T12:00:00.000Z";
        QVERIFY(SessionSigIssuer::plan(req, kNow).ok());
    }
    void issue_v8NeedsMaxPriceForEveryNode()
    {
        auto req = request("requests/valid_vector_a.json");
        auto plan = SessionSigIssuer::plan(req, kNow);
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, sessionKey().publicKeyHex());
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        auto sigs = SessionSigIssuer::issue(req, *plan, *authSig, sessionKey(), Profile::LitV8);
        QVERIFY(!sigs.ok());
        QCOMPARE(sigs.error().code, ErrorCode::LitMaxPrice);
    }
    void signAuthSig_refusesForeignAddress()
    {
        auto req = request("requests/valid_vector_a.json");
        auto plan = SessionSigIssuer::plan(req, kNow);
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                                                sessionKey().publicKeyHex());
        QVERIFY(siwe.ok());
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        QVERIFY(!authSig.ok());
        QCOMPARE(authSig.error().code, ErrorCode::SiweAddress);
    }
    void payloads_capabilitiesBeforeWalletAuthSig()
    {
        auto req = request("requests/valid_minimal.json");
        req.capabilityJson = {R"({"sig":"0x01","derivedVia":"web3.eth.personal.sign","signedMessage":"m","address":"0x02"})"};
        auto plan = SessionSigIssuer::plan(req, kNow);
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, sessionKey().publicKeyHex());
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        auto payloads = SessionSigIssuer::payloads(req, *plan, *authSig, sessionKey().publicKeyHex(), Profile::LitV7);
        QVERIFY(payloads.ok());
        const auto &p = payloads->front();
        QVERIFY(p.find("\"capabilities\":[{\"sig\":\"0x01\"") != std::string::npos);
        QVERIFY(p.find("\"address\":\"0x02\"},{\"sig\":\"") != std::string::npos);
    }
    // Issue #8: v7 passes app capability AuthSigs through as written; v8's AuthSigSchema
    // rebuilds them in the order sig, derivedVia, signedMessage, address[, algo].
    void payloads_capabilityKeyOrderPerProfile()
    {
        auto req = request("requests/valid_capability_key_order.json");
        req.maxPrices = {{req.nodeUrls[0], "0x1"}};
        req.nodeUrls.resize(1);
        auto plan = SessionSigIssuer::plan(req, kNow);
        QVERIFY(plan.ok());
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, sessionKey().publicKeyHex());
        QVERIFY(siwe.ok());
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        QVERIFY(authSig.ok());
        // The fixture's keys are address, sig, derivedVia, signedMessage.
        const auto &cap = req.capabilityAuthSigs[0];
        std::string message;
        appendJsonString(message, cap.signedMessage);
        const std::string asSent =
            "{\"address\":\"" + cap.address + "\",\"sig\":\"" + cap.sig +
            "\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":" + message + "}";
        const std::string rebuilt =
            "{\"sig\":\"" + cap.sig +
            "\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":" + message +
            ",\"address\":\"" + cap.address + "\"}";
        QCOMPARE(req.capabilityJson[0], asSent);
        auto v7 = SessionSigIssuer::payloads(req, *plan, *authSig, sessionKey().publicKeyHex(),
                                             Profile::LitV7);
        auto v8 = SessionSigIssuer::payloads(req, *plan, *authSig, sessionKey().publicKeyHex(),
                                             Profile::LitV8);
        QVERIFY(v7.ok() && v8.ok());
        QVERIFY2(v7->front().find("\"capabilities\":[" + asSent + ",") != std::string::npos,
                 v7->front().c_str());
        QVERIFY2(v8->front().find("\"capabilities\":[" + rebuilt + ",") != std::string::npos,
                 v8->front().c_str());
        // algo is kept (last) when present.
        req.capabilityAuthSigs[0].algo = "x";
        v8 = SessionSigIssuer::payloads(req, *plan, *authSig, sessionKey().publicKeyHex(),
                                        Profile::LitV8);
        QVERIFY(v8->front().find("\"address\":\"" + cap.address + "\",\"algo\":\"x\"},") !=
                std::string::npos);
    }
    // Issue 14: a delegation that is expired (or not yet valid) when the session starts is
    // refused by checkTimes, which plan(), quill-cli issue and RequestBroker::submit share.
    void plan_refusesExpiredDelegation()
    {
        auto req = request("requests/timefail_capability_expired.json");
        QVERIFY(SessionSigIssuer::plan(req, kNow).ok()); // it expires 2025-01-22T12:00:00.000Z
        const UnixMillis later = parseRfc3339("2025-01-22T12:00:00.001Z").value();
        auto late = SessionSigIssuer::plan(req, later);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, ErrorCode::LitCapability);
        QVERIFY2(late.error().context.startsWith(
                     QStringLiteral("capabilityAuthSigs[0]: delegation expired")),
                 qPrintable(late.error().context));
        // The session's own issuedAt counts too: a session starting after the delegation ends.
        req.issuedAt = "2025-01-23T00:00:00.000Z";
        req.expiration = "2025-01-24T00:00:00.000Z";
        auto resolved = SessionSigIssuer::resolvePlan(req, kNow);
        QVERIFY(resolved.ok());
        QCOMPARE(SessionSigIssuer::checkTimes(*resolved,
                                              parseRfc3339("2025-01-22T23:59:30.000Z").value())
                     .error()
                     .code,
                 ErrorCode::LitCapability);
        // Not Before in the future.
        req.issuedAt.reset();
        req.expiration.reset();
        auto now = SessionSigIssuer::resolvePlan(req, kNow);
        now->delegations[0] = {std::string("2025-01-16T00:00:00.000Z"), std::nullopt};
        QVERIFY(SessionSigIssuer::checkTimes(*now, kNow)
                    .error()
                    .context.contains(QStringLiteral("not valid before")));
    }
    // Issue #8: the payload carries the normalised PKP id and the SDK's maxPrice form.
    void payloads_signNormalisedIdsAndPrices()
    {
        auto req = request("requests/valid_max_prices.json");
        auto pkp = request("requests/valid_pkp_ids.json");
        req.resourceAbilityRequests = {pkp.resourceAbilityRequests[0]};
        auto plan = SessionSigIssuer::plan(req, kNow, Profile::LitV8);
        QVERIFY(plan.ok());
        auto siwe = SessionSigIssuer::buildSiwe(req, *plan, kAddress, sessionKey().publicKeyHex());
        QVERIFY(siwe.ok());
        const std::string id = std::string(60, '0') + "1234";
        QVERIFY(siwe->statement->find("'lit-pkp://" + id + "'.") != std::string::npos);
        QVERIFY(plan->recap.attenuations().count("lit-pkp://" + id));
        auto authSig = SessionSigIssuer::signAuthSig(walletKey(), *siwe);
        auto v8 = SessionSigIssuer::payloads(req, *plan, *authSig, sessionKey().publicKeyHex(),
                                             Profile::LitV8);
        QVERIFY(v8.ok());
        QVERIFY(v8->at(0).find("{\"resourcePrefix\":\"lit-pkp\",\"resource\":\"" + id + "\"}") !=
                std::string::npos);
        QVERIFY(v8->at(0).find("\"maxPrice\":\"0x3782dace9d90000\"}") != std::string::npos);
        QVERIFY(v8->at(1).find("\"maxPrice\":\"0x3782dace9d90000\"}") != std::string::npos);
        QVERIFY(v8->at(2).find("\"maxPrice\":\"0x" + std::string(64, 'f') + "\"}") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSessionSigs)
#include "tst_SessionSigs.moc"
