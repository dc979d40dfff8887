#include "../../TestData.h"

#include "requests/RequestReview.h"

#include <QJsonDocument>
#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {
const UnixMillis kNow = 1736942400000; // 2025-01-15T12:00:00.000Z
const QString kAccount = QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
constexpr const char *kPub = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

lit::SessionRequest request(const QString &file = QStringLiteral("requests/valid_vector_a.json"))
{
    return std::move(lit::SessionRequest::fromJson(readData(file).toStdString())).value();
}

AppIdentity pairedApp()
{
    AppIdentity app;
    app.appId = QStringLiteral("app");
    app.claimedName = QStringLiteral("App");
    app.paired = true;
    app.firstRequest = false;
    return app;
}

RequestReview reviewOf(const lit::SessionRequest &r, const AppIdentity &app = pairedApp(), UnixMillis now = kNow)
{
    auto plan = lit::SessionSigIssuer::resolvePlan(r, now);
    auto review = RequestReview::build(r, *plan, app, kAccount, kPub, lit::Profile::LitV7, now);
    if (!review)
        qFatal("review failed: %s", qPrintable(describe(review.error())));
    return std::move(review).value();
}

lit::ResourceAbilityRequest rar(lit::ResourcePrefix p, const char *id, lit::Ability a)
{
    return {p, id, a, std::nullopt};
}
} // namespace

class TestRequestReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows_plainWordsForEveryResourceKind_data()
    {
        QTest::addColumn<int>("prefix");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("ability");
        QTest::addColumn<QString>("text");
        using P = lit::ResourcePrefix;
        using A = lit::Ability;
        QTest::newRow("acc decrypt") << int(P::AccessControlCondition) << QStringLiteral("53b01f82/35900b73c349") << int(A::AccessControlConditionDecryption)
                                     << QStringLiteral("Decrypt data protected by access-control condition 53b0…c349");
        QTest::newRow("acc decrypt any") << int(P::AccessControlCondition) << QStringLiteral("*") << int(A::AccessControlConditionDecryption)
                                         << QStringLiteral("Decrypt any data protected by any access-control condition");
        QTest::newRow("acc sign") << int(P::AccessControlCondition) << QStringLiteral("abc") << int(A::AccessControlConditionSigning)
                                  << QStringLiteral("Sign with access-control condition abc");
        QTest::newRow("pkp")
            << int(P::Pkp)
            << QStringLiteral("0000000000000000000000000000000000000000000000000000000000001234")
            << int(A::PkpSigning) << QStringLiteral("Sign with PKP 0000…1234");
        QTest::newRow("pkp any") << int(P::Pkp) << QStringLiteral("*") << int(A::PkpSigning) << QStringLiteral("Sign with any of your PKPs");
        QTest::newRow("lit action") << int(P::LitAction) << QStringLiteral("QmUjX8MW6StQ7NKNdaS6g4RMkvN5hcgtKmEi8Mca6oX4t3") << int(A::LitActionExecution)
                                    << QStringLiteral("Run Lit Action QmUj…X4t3");
        QTest::newRow("lit action any") << int(P::LitAction) << QStringLiteral("*") << int(A::LitActionExecution) << QStringLiteral("Run any Lit Action");
        QTest::newRow("capacity credit") << int(P::RateLimitIncrease) << QStringLiteral("12345") << int(A::RateLimitIncreaseAuth)
                                         << QStringLiteral("Use capacity credit NFT #12345");
        QTest::newRow("payment delegation") << int(P::PaymentDelegation) << QStringLiteral("*") << int(A::PaymentDelegation)
                                            << QStringLiteral("Use any payment delegation");
    }
    void rows_plainWordsForEveryResourceKind()
    {
        QFETCH(int, prefix);
        QFETCH(QString, id);
        QFETCH(int, ability);
        QFETCH(QString, text);
        auto r = request();
        r.resourceAbilityRequests = {{lit::ResourcePrefix(prefix), id.toStdString(), lit::Ability(ability), std::nullopt}};
        const auto review = reviewOf(r);
        QCOMPARE(review.rows.size(), 1);
        QCOMPARE(review.rows[0].text, text);
        QCOMPARE(review.rows[0].wildcard, id == QStringLiteral("*"));
        QCOMPARE(review.hasWarning(QStringLiteral("wildcard-resource")), id == QStringLiteral("*"));
    }
    void siweText_isWhatIsSigned()
    {
        const auto review = reviewOf(request());
        const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
        QCOMPARE(review.siweText, str(v[QStringLiteral("siwe")].toObject()[QStringLiteral("message")]));
        QVERIFY(!review.hasDanger());
        QVERIFY(review.hasWarning(QStringLiteral("node-count")));
        QVERIFY(review.hasWarning(QStringLiteral("profile")));
    }
    void warnings_everyKind_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("severity");
        QTest::newRow("domain mismatch") << QStringLiteral("domain-mismatch") << int(Severity::Danger);
        QTest::newRow("domain unverified")
            << QStringLiteral("domain-unverified") << int(Severity::Danger);
        QTest::newRow("over 30 days") << QStringLiteral("expiry-over-30-days") << int(Severity::Danger);
        QTest::newRow("long expiry") << QStringLiteral("long-expiry") << int(Severity::Warning);
        QTest::newRow("already expired") << QStringLiteral("already-expired") << int(Severity::Danger);
        QTest::newRow("issued in future") << QStringLiteral("issued-in-future") << int(Severity::Danger);
        QTest::newRow("unpaired") << QStringLiteral("unpaired-app") << int(Severity::Warning);
        QTest::newRow("first time") << QStringLiteral("first-time-app") << int(Severity::Warning);
        QTest::newRow("wildcard") << QStringLiteral("wildcard-resource") << int(Severity::Warning);
        QTest::newRow("delegation") << QStringLiteral("delegation-attached") << int(Severity::Warning);
    }
    void warnings_everyKind()
    {
        QFETCH(QString, code);
        QFETCH(int, severity);
        auto r = request();
        auto app = pairedApp();
        UnixMillis now = kNow;
        if (code == QStringLiteral("domain-mismatch"))
            app.origin = QStringLiteral("https://evil.example");
        else if (code == QStringLiteral("domain-unverified"))
            r.domain = "wallet.example.com";
        else if (code == QStringLiteral("expiry-over-30-days"))
            r.expiration = "2025-02-15T12:00:00.000Z";
        else if (code == QStringLiteral("long-expiry"))
            r.expiration = "2025-01-23T12:00:00.000Z";
        else if (code == QStringLiteral("already-expired"))
            now = kNow + 2 * kDay;
        else if (code == QStringLiteral("issued-in-future"))
            r.issuedAt = "2025-01-15T12:05:00.000Z";
        else if (code == QStringLiteral("unpaired-app"))
            app.paired = false;
        else if (code == QStringLiteral("first-time-app"))
            app.firstRequest = true;
        else if (code == QStringLiteral("wildcard-resource"))
            r.resourceAbilityRequests = {rar(lit::ResourcePrefix::Pkp, "*", lit::Ability::PkpSigning)};
        else if (code == QStringLiteral("delegation-attached")) {
            const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
            r.capabilityAuthSigs = {*lit::AuthSig::fromJson(QJsonDocument(v[QStringLiteral("authSig")].toObject()).toJson().toStdString())};
        }
        const auto review = reviewOf(r, app, now);
        bool found = false;
        for (const auto &w : review.warnings)
            if (w.code == code) {
                found = true;
                QCOMPARE(int(w.severity), severity);
                QVERIFY(!w.text.isEmpty());
            }
        QVERIFY2(found, qPrintable(code));
        QCOMPARE(review.hasDanger(), severity == int(Severity::Danger));
    }
    // Issue 14: the review names who verifiably signed a delegation and what it grants.
    void delegation_namesVerifiedSignerAndGrants()
    {
        auto r = request(QStringLiteral("requests/valid_capability_delegation.json"));
        const auto review = reviewOf(r);
        QCOMPARE(review.delegations.size(), 1);
        const auto &d = review.delegations[0];
        QCOMPARE(d.signer, kAccount);
        QCOMPARE(d.expiration, QStringLiteral("2035-01-15T12:00:00.000Z"));
        QCOMPARE(d.grants.size(), 1);
        QVERIFY2(
            d.grants[0].startsWith(QStringLiteral("Use capacity credit NFT #12345 (conditions: {")),
            qPrintable(d.grants[0]));
        QVERIFY(d.grants[0].contains(QStringLiteral("\"uses\":\"10\"")));
        bool named = false;
        for (const auto &w : review.warnings)
            named = named || (w.code == QStringLiteral("delegation-attached") &&
                              w.text.contains(kAccount + QStringLiteral(" (signature verified)")) &&
                              w.text.contains(QStringLiteral("capacity credit NFT #12345")));
        QVERIFY(named);
        QVERIFY(!review.hasDanger());
    }
    void delegation_forgedOneIsDanger()
    {
        // A request built without fromJson (which refuses it) is still not trusted.
        auto r = request(QStringLiteral("requests/valid_capability_delegation.json"));
        r.capabilityAuthSigs[0].address = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
        const auto review = reviewOf(r);
        QVERIFY(review.hasWarning(QStringLiteral("delegation-unverified")));
        QVERIFY(!review.hasWarning(QStringLiteral("delegation-attached")));
        QVERIFY(review.hasDanger());
        QVERIFY(review.delegations[0].signer.isEmpty());
    }
    void delegation_endingBeforeTheSessionIsFlagged()
    {
        auto r = request(QStringLiteral("requests/timefail_capability_expired.json"));
        r.expiration = "2025-01-30T12:00:00.000Z";
        const auto review = reviewOf(r);
        QVERIFY(review.hasWarning(QStringLiteral("delegation-expires-first")));
    }
    // Issue 14: the node count comes with the distinct hosts.
    void nodeCount_namesDistinctHosts()
    {
        auto r = request(QStringLiteral("requests/valid_node_urls_256.json"));
        const auto review = reviewOf(r);
        QCOMPARE(review.nodeCount, 256);
        QCOMPARE(review.nodeHosts,
                 (QStringList{QStringLiteral("node.example"), QStringLiteral("127.0.0.1")}));
        bool found = false;
        for (const auto &w : review.warnings)
            found =
                found ||
                (w.code == QStringLiteral("node-count") &&
                 w.text == QStringLiteral(
                               "Signs for 256 Lit node(s) on 2 host(s): node.example, 127.0.0.1."));
        QVERIFY(found);
    }
    void originMatchingDomain_isNotFlagged()
    {
        auto r = request();
        r.domain = "localhost:3000";
        auto app = pairedApp();
        app.origin = QStringLiteral("http://localhost:3000");
        QVERIFY(!reviewOf(r, app).hasWarning(QStringLiteral("domain-mismatch")));
    }
    // Issue 14: the scheme's default port written out in the domain is the same site.
    void domainCheck_defaultPortIsTheSameSite_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("mismatch");
        QTest::newRow("https :443") << QStringLiteral("https://app.example.com")
                                    << QStringLiteral("app.example.com:443") << false;
        QTest::newRow("https no port") << QStringLiteral("https://app.example.com")
                                       << QStringLiteral("app.example.com") << false;
        QTest::newRow("https upper-case host") << QStringLiteral("https://app.example.com")
                                               << QStringLiteral("APP.example.com") << false;
        QTest::newRow("http :80") << QStringLiteral("http://app.example.com")
                                  << QStringLiteral("app.example.com:80") << false;
        QTest::newRow("https :80") << QStringLiteral("https://app.example.com")
                                   << QStringLiteral("app.example.com:80") << true;
        QTest::newRow("http :443") << QStringLiteral("http://app.example.com")
                                   << QStringLiteral("app.example.com:443") << true;
        QTest::newRow("other port") << QStringLiteral("https://app.example.com:8443")
                                    << QStringLiteral("app.example.com") << true;
        QTest::newRow("explicit port") << QStringLiteral("https://app.example.com:8443")
                                       << QStringLiteral("app.example.com:8443") << false;
        QTest::newRow("other host")
            << QStringLiteral("https://app.example.com") << QStringLiteral("evil.com:443") << true;
        QTest::newRow("userinfo") << QStringLiteral("https://app.example.com")
                                  << QStringLiteral("evil@app.example.com") << true;
    }
    void domainCheck_defaultPortIsTheSameSite()
    {
        QFETCH(QString, origin);
        QFETCH(QString, domain);
        QFETCH(bool, mismatch);
        auto r = request();
        r.domain = domain.toStdString();
        auto app = pairedApp();
        app.origin = origin;
        QCOMPARE(reviewOf(r, app).hasWarning(QStringLiteral("domain-mismatch")), mismatch);
    }
    // Issue 14: an Origin-less app claiming a site is a Danger; a loopback domain is not.
    void noOriginDomainClaim_isADanger()
    {
        auto r = request();
        r.domain = "evil.com";
        auto review = reviewOf(r);
        QVERIFY(review.hasWarning(QStringLiteral("domain-unverified")));
        QVERIFY(review.hasDanger());
        r.domain = "localhost:3000";
        review = reviewOf(r);
        QVERIFY(!review.hasWarning(QStringLiteral("domain-unverified")));
        QVERIFY(!review.hasDanger());
    }
    // Issue 14: the nota-bene data is signed, so the review shows it as readable JSON.
    void notaBene_shownAsFormattedJson()
    {
        auto r = request();
        auto rq =
            rar(lit::ResourcePrefix::LitAction, "QmUjX8MW6StQ7NKNdaS6g4RMkvN5hcgtKmEi8Mca6oX4t3",
                lit::Ability::LitActionExecution);
        // {"z":[1,{}],"a":"x\u202e\"y","n":12345678901234567890}, keys out of order
        rq.dataJson = "{\"z\":[1,{}],\"a\":\"x\\u202e\\\"y\",\"n\":12345678901234567890}";
        r.resourceAbilityRequests = {rq};
        const auto review = reviewOf(r);
        const QString expected =
            QStringLiteral("{\n  \"a\": \"x\\u202e\\\"y\",\n  \"n\": 12345678901234567890,\n"
                           "  \"z\": [\n    1,\n    {}\n  ]\n}");
        QCOMPARE(review.rows.size(), 1);
        QCOMPARE(review.rows[0].data, expected);
        bool shown = false;
        for (const auto &w : review.warnings)
            shown = shown || (w.code == QStringLiteral("nota-bene") && w.text.endsWith(expected));
        QVERIFY(shown);
        r.resourceAbilityRequests[0].dataJson.reset();
        QVERIFY(reviewOf(r).rows[0].data.isEmpty());
        QVERIFY(!reviewOf(r).hasWarning(QStringLiteral("nota-bene")));
    }
    // Issue #8: rows show the PKP id as signed; a decimal-looking id padded as hex warns.
    void pkpIds_shownAsSignedAndPaddingFlagged()
    {
        auto all = request(QStringLiteral("requests/valid_pkp_ids.json"));
        const QString z59(59, QLatin1Char('0'));
        struct Case
        {
            std::size_t index;
            const char *code;
            Severity severity;
        };
        const Case cases[] = {{0, "pkp-id-normalised", Severity::Info},
                              {2, "pkp-id-padded-as-hex", Severity::Warning},
                              {3, "pkp-id-normalised", Severity::Info}};
        for (const auto &c : cases) {
            auto r = all;
            r.resourceAbilityRequests = {all.resourceAbilityRequests[c.index]};
            const auto review = reviewOf(r);
            QCOMPARE(review.rows[0].resourceKey,
                     QStringLiteral("lit-pkp://") +
                         QString::fromStdString(r.resourceAbilityRequests[0].resource));
            int found = 0;
            for (const auto &w : review.warnings)
                if (w.code == QLatin1String(c.code)) {
                    ++found;
                    QCOMPARE(int(w.severity), int(c.severity));
                    QVERIFY2(w.text.contains(
                                 QString::fromStdString(r.resourceAbilityRequests[0].resource)),
                             qPrintable(w.text));
                    QVERIFY2(w.text.contains(QString::fromStdString(
                                 r.resourceAbilityRequests[0].requestedResource)),
                             qPrintable(w.text));
                }
            QCOMPARE(found, 1);
            QVERIFY(review.siweText.find("lit-pkp://" + r.resourceAbilityRequests[0].resource) !=
                    std::string::npos);
        }
        const auto decimal = [&] {
            auto r = all;
            r.resourceAbilityRequests = {all.resourceAbilityRequests[2]};
            return reviewOf(r);
        }();
        QCOMPARE(decimal.rows[0].resourceKey,
                 QStringLiteral("lit-pkp://") + z59 + QStringLiteral("12345"));
        // Upper-case hex is kept (as the SDK does) but flagged: nodes use lowercase token ids.
        {
            auto r = all;
            r.resourceAbilityRequests = {all.resourceAbilityRequests[1]}; // "ABCdef"
            const auto review = reviewOf(r);
            QVERIFY(review.hasWarning(QStringLiteral("pkp-id-upper-case")));
            QVERIFY(review.hasWarning(QStringLiteral("pkp-id-normalised")));
            r.resourceAbilityRequests = {all.resourceAbilityRequests[3]}; // lowercase 0x + 64
            QVERIFY(!reviewOf(r).hasWarning(QStringLiteral("pkp-id-upper-case")));
        }
        // Ids the rule leaves alone get no remark.
        for (const std::size_t i : {std::size_t(4), std::size_t(5), std::size_t(6)}) {
            auto r = all;
            r.resourceAbilityRequests = {all.resourceAbilityRequests[i]};
            const auto review = reviewOf(r);
            QVERIFY(!review.hasWarning(QStringLiteral("pkp-id-normalised")) || i == 4);
            QVERIFY(!review.hasWarning(QStringLiteral("pkp-id-padded-as-hex")));
        }
    }
    // Issue #8: lit-v8 price caps in tokens and wei, per node.
    void priceCaps_v8InTokensAndWei()
    {
        auto r = request(QStringLiteral("requests/valid_max_prices.json"));
        auto plan = lit::SessionSigIssuer::resolvePlan(r, kNow, lit::Profile::LitV8);
        auto review =
            RequestReview::build(r, *plan, pairedApp(), kAccount, kPub, lit::Profile::LitV8, kNow);
        QVERIFY(review.ok());
        QCOMPARE(review->priceCaps.size(), 3);
        QCOMPARE(review->priceCaps[0].nodeUrl, QStringLiteral("https://127.0.0.1:7470"));
        QCOMPARE(review->priceCaps[0].signedHex, QStringLiteral("0x3782dace9d90000"));
        QCOMPARE(review->priceCaps[0].wei, QStringLiteral("250000000000000000"));
        QCOMPARE(review->priceCaps[0].tokens, QStringLiteral("0.25"));
        QCOMPARE(review->priceCaps[1].tokens, QStringLiteral("0.25"));
        QVERIFY(review->hasWarning(QStringLiteral("max-price")));
        QVERIFY(!review->hasDanger());
        QCOMPARE(review->expiration,
                 QStringLiteral("2025-01-16T12:00:00.000Z")); // given in the request
        // A node without a cap is flagged; lit-v7 shows none.
        r.maxPrices.pop_back();
        review =
            RequestReview::build(r, *plan, pairedApp(), kAccount, kPub, lit::Profile::LitV8, kNow);
        QVERIFY(review->hasWarning(QStringLiteral("max-price-missing")));
        QVERIFY(review->hasDanger());
        review =
            RequestReview::build(r, *plan, pairedApp(), kAccount, kPub, lit::Profile::LitV7, kNow);
        QVERIFY(review->priceCaps.isEmpty());
        QVERIFY(!review->hasWarning(QStringLiteral("max-price")));
    }
    void shortId_forms()
    {
        QCOMPARE(shortId(QStringLiteral("abc")), QStringLiteral("abc"));
        QCOMPARE(shortId(QStringLiteral("0123456789abcdef")), QStringLiteral("0123…cdef"));
    }
};

QTEST_GUILESS_MAIN(TestRequestReview)
#include "tst_RequestReview.moc"
