#include "../../TestData.h"

#include "common/JsonText.h"
#include "crypto/Encoding.h"
#include "lit/SessionKey.h"
#include "lit/SessionRequest.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSigVerifier.h"

#include <QJsonDocument>
#include <QTest>

using namespace quill;
using namespace quill::lit;
using namespace quill::test;

namespace {

const UnixMillis kNow = 1736942400000; // 2025-01-15T12:00:00.000Z

/// The SDK-made SessionSigs map of a vector, as compact JSON in the SDK's key order.
std::string sdkSigs(const char *vector)
{
    const auto sigs = readJsonObject(QString::fromLatin1(vector))[QStringLiteral("sessionSigs")].toObject();
    std::string out = "{";
    for (auto it = sigs.begin(); it != sigs.end(); ++it) {
        const auto e = it.value().toObject();
        if (out.size() > 1)
            out += ',';
        out += jsonString(it.key().toStdString()) + ":{";
        const char *sep = "";
        for (const char *k : {"sig", "derivedVia", "signedMessage", "address", "algo"}) {
            out += sep + jsonString(k) + ":" + jsonString(str(e[QString::fromLatin1(k)]));
            sep = ",";
        }
        out += "}";
    }
    return out + "}";
}

/// As sdkSigs, with `from` replaced by `to` in every payload that contains it and that
/// payload signed again with the vectors' session key (RFC 8032 TEST 1 seed): a sig the
/// SDK did not make but that a node would verify.
std::string resignedSigs(const char *vector, const std::string &from, const std::string &to)
{
    const auto seed =
        std::move(crypto::secretFromHex(
                      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
            .value();
    const auto key = std::move(SessionKey::fromSeed(seed)).value();
    const auto sigs =
        readJsonObject(QString::fromLatin1(vector))[QStringLiteral("sessionSigs")].toObject();
    std::string out = "{";
    bool changed = false;
    for (auto it = sigs.begin(); it != sigs.end(); ++it) {
        const auto e = it.value().toObject();
        std::string message = str(e[QStringLiteral("signedMessage")]);
        std::string sig = str(e[QStringLiteral("sig")]);
        if (const auto pos = message.find(from); pos != std::string::npos) {
            message.replace(pos, from.size(), to);
            sig = crypto::toHex(key.key().sign(crypto::asBytes(message)));
            changed = true;
        }
        if (out.size() > 1)
            out += ',';
        out +=
            jsonString(it.key().toStdString()) + ":{\"sig\":" + jsonString(sig) +
            ",\"derivedVia\":\"litSessionSignViaNacl\",\"signedMessage\":" + jsonString(message) +
            ",\"address\":" + jsonString(key.publicKeyHex()) + ",\"algo\":\"ed25519\"}";
    }
    if (!changed)
        qFatal("payload text not found: %s", from.c_str());
    return out + "}";
}

VerifyReport verify(const std::string &json, VerifyOptions options = {})
{
    if (options.now == 0)
        options.now = kNow;
    auto r = SessionSigVerifier::verify(json, options);
    if (!r)
        qFatal("verify refused input: %s", qPrintable(describe(r.error())));
    return std::move(r).value();
}

std::string failures(const VerifyReport &r)
{
    std::string out;
    for (const auto &c : r.checks)
        if (!c.ok)
            out += c.name + " -> " + c.detail + "\n";
    return out;
}

std::string replaced(std::string s, const std::string &from, const std::string &to)
{
    const auto pos = s.find(from);
    if (pos == std::string::npos)
        qFatal("fixture text not found: %s", from.c_str());
    return s.replace(pos, from.size(), to);
}

bool failed(const VerifyReport &r, const std::string &checkSuffix)
{
    for (const auto &c : r.checks)
        if (!c.ok && c.name.size() >= checkSuffix.size() &&
            c.name.compare(c.name.size() - checkSuffix.size(), checkSuffix.size(), checkSuffix) == 0)
            return true;
    return false;
}

/// The node URLs of issuedSigs: https://127.0.0.1:7470, 7471, …
std::string nodeUrl(int i)
{
    return "https://127.0.0.1:" + std::to_string(7470 + i);
}

/// The vectors' session key (RFC 8032 TEST 1 seed).
SessionKey vectorSessionKey()
{
    const auto seed =
        std::move(crypto::secretFromHex(
                      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
            .value();
    return std::move(SessionKey::fromSeed(seed)).value();
}

/// Session sigs for `nodes` nodes (nodeUrl(0) …) of valid_vector_a, issued by Quill now (kNow)
/// with the public test wallet and `key`.
SessionSigs issuedSigs(int nodes, const SessionKey &key)
{
    auto req = SessionRequest::fromJson(
        readData(QStringLiteral("requests/valid_vector_a.json")).toStdString());
    if (!req)
        qFatal("valid_vector_a.json does not parse");
    req->nodeUrls.clear();
    for (int i = 0; i < nodes; ++i)
        req->nodeUrls.push_back(nodeUrl(i));
    const auto wallet = std::move(crypto::secretFromHex("4c0883a69102937d6231471b5dbb6204fe51"
                                                        "29617082792ae468d01a3f362318"))
                            .value();
    const auto check = [](const auto &result, const char *step) {
        if (!result)
            qFatal("%s failed: %s", step, qPrintable(describe(result.error())));
    };
    auto plan = SessionSigIssuer::plan(*req, kNow);
    check(plan, "plan");
    auto siwe = SessionSigIssuer::buildSiwe(
        *req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.publicKeyHex());
    check(siwe, "buildSiwe");
    auto authSig = SessionSigIssuer::signAuthSig(wallet, *siwe);
    check(authSig, "signAuthSig");
    auto sigs = SessionSigIssuer::issue(*req, *plan, *authSig, key, Profile::LitV7);
    check(sigs, "issue");
    return std::move(sigs).value();
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Issue 12: 30 entries are checked on several cores; the report must read as if they
    // were checked one after the other, and a bad entry among them is still found.
    void manyNodes_reportInNodeOrder_andFindTheBadOne()
    {
        std::string json = issuedSigs(30, vectorSessionKey()).toJson();
        const auto good = verify(json);
        QVERIFY(good.ok());
        // Every node's checks, in node order, each node once.
        std::vector<std::string> order;
        for (const auto &c : good.checks) {
            const auto url = c.name.substr(0, c.name.find(": "));
            if (order.empty() || order.back() != url)
                order.push_back(url);
        }
        QCOMPARE(order.size(), std::size_t(30));
        for (std::size_t i = 0; i < order.size(); ++i)
            QCOMPARE(order[i], nodeUrl(int(i)));
        // Break node 17's signature (first hex digit of its sig).
        const std::string marker = "\"https://127.0.0.1:7487\":{\"sig\":\"";
        const auto at = json.find(marker);
        QVERIFY(at != std::string::npos);
        char &digit = json[at + marker.size()];
        digit = digit == '0' ? '1' : '0';
        const auto bad = verify(json);
        QVERIFY(!bad.ok());
        std::vector<std::string> failed;
        for (const auto &c : bad.checks)
            if (!c.ok)
                failed.push_back(c.name);
        QCOMPARE(failed, std::vector<std::string>{"https://127.0.0.1:7487: ed25519-signature"});
        QCOMPARE(bad.checks.size(), good.checks.size());
    }
    // Every entry usually carries the same wallet AuthSig, so its check as a capability is
    // done once per verify() call; an entry that differs in anything the check reads (its
    // payload's expiration, its session key) still gets its own verdict.
    void capabilityVerdicts_followEachEntrysOwnInputs()
    {
        const auto key = vectorSessionKey();
        const auto other = SessionKey::generate();
        auto sigs = issuedSigs(12, key);
        QVERIFY(verify(sigs.toJson()).ok());

        // Node 3: a session that outlives the SIWE (signed again, so only the verdict differs).
        auto &late = sigs.entries[3];
        const std::string expiration = "\"expiration\":\"";
        const auto at = late.signedMessage.find(expiration);
        QVERIFY(at != std::string::npos);
        late.signedMessage.replace(at + expiration.size(), 4, "2099");
        late.sig = crypto::toHex(key.key().sign(crypto::asBytes(late.signedMessage)));
        // Node 8: signed by another session key, which the wallet's SIWE does not name.
        auto &stranger = sigs.entries[8];
        stranger.signedMessage =
            replaced(stranger.signedMessage, key.publicKeyHex(), other.publicKeyHex());
        stranger.address = other.publicKeyHex();
        stranger.sig = crypto::toHex(other.key().sign(crypto::asBytes(stranger.signedMessage)));

        const auto report = verify(sigs.toJson());
        std::vector<std::string> bad;
        for (const auto &c : report.checks)
            if (!c.ok)
                bad.push_back(c.name + " -> " + c.detail);
        QCOMPARE(bad.size(), std::size_t(3));
        QVERIFY2(bad[0].rfind("https://127.0.0.1:7473: times", 0) == 0, bad[0].c_str());
        QVERIFY2(
            bad[1].rfind("https://127.0.0.1:7473: capabilities -> [0] session expiration is later",
                         0) == 0,
            bad[1].c_str());
        QVERIFY2(
            bad[2].rfind("https://127.0.0.1:7478: capabilities -> [0] SIWE URI is lit:session:" +
                             key.publicKeyHex(),
                         0) == 0,
            bad[2].c_str());
    }
    void accepts_sdkVectors_data()
    {
        QTest::addColumn<QString>("vector");
        QTest::newRow("v7-A") << QStringLiteral("vectors/v7-A-acc-decryption-defaults.json");
        QTest::newRow("v8-F") << QStringLiteral("vectors/v8-F-naga-acc-and-pkp.json");
    }
    void accepts_sdkVectors()
    {
        QFETCH(QString, vector);
        const auto json = sdkSigs(qPrintable(vector));
        const auto strict = verify(json);
        QVERIFY2(strict.ok(), failures(strict).c_str());
        VerifyOptions nodeOnly;
        nodeOnly.nodeOnly = true;
        QVERIFY(verify(json, nodeOnly).ok());
        VerifyOptions who;
        who.expectedAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
        who.uses = {{"lit-accesscontrolcondition://53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/"
                     "35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349",
                     "access-control-condition-decryption"}};
        QVERIFY2(verify(json, who).ok(), failures(verify(json, who)).c_str());
    }
    void rejects_tampering_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("check");
        QTest::addColumn<bool>("nodeAlsoRejects");
        QTest::newRow("expfail_flipped_sig_char")
            << QStringLiteral("\"sig\":\"870b") << QStringLiteral("\"sig\":\"870c") << QStringLiteral("ed25519-signature") << true;
        QTest::newRow("expfail_node_address_changed")
            << QStringLiteral("\\\"nodeAddress\\\":\\\"https://127.0.0.1:7470\\\"")
            << QStringLiteral("\\\"nodeAddress\\\":\\\"https://127.0.0.1:7479\\\"") << QStringLiteral("node-address") << true;
        QTest::newRow("expfail_siwe_text_changed")
            << QStringLiteral("This is a test statement.") << QStringLiteral("This is a best statement.")
            << QStringLiteral("capabilities") << true;
        QTest::newRow("expfail_unknown_envelope_key")
            << QStringLiteral(",\"algo\":\"ed25519\"}") << QStringLiteral(",\"algo\":\"ed25519\",\"x\":1}")
            << QStringLiteral("envelope") << true;
        QTest::newRow("expfail_not_a_session_sig")
            << QStringLiteral("\"derivedVia\":\"litSessionSignViaNacl\"") << QStringLiteral("\"derivedVia\":\"web3.eth.personal.sign\"")
            << QStringLiteral("envelope") << true;
        QTest::newRow("expfail_uppercase_sig_hex_strict_only")
            << QStringLiteral("\"sig\":\"870b11640ecb") << QStringLiteral("\"sig\":\"870B11640ECB")
            << QStringLiteral("ed25519-signature") << false;
    }
    void rejects_tampering()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, check);
        QFETCH(bool, nodeAlsoRejects);
        const auto json = replaced(sdkSigs("vectors/v7-A-acc-decryption-defaults.json"), from.toStdString(), to.toStdString());
        const auto strict = verify(json);
        QVERIFY(!strict.ok());
        QVERIFY2(failed(strict, ": " + check.toStdString()), failures(strict).c_str());
        VerifyOptions nodeOnly;
        nodeOnly.nodeOnly = true;
        QCOMPARE(!verify(json, nodeOnly).ok(), nodeAlsoRejects);
    }
    // Issue #8: PKP ids and maxPrices the SDK would have normalised verify on a node but are
    // not SDK-produced, so strict mode fails them.
    void strict_rejectsWhatTheSdkNormalises_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("strictAccepts");
        const QString pkp = QStringLiteral("\"resourcePrefix\":\"lit-pkp\",\"resource\":");
        const QString price = QStringLiteral("\"maxPrice\":\"0x14ad8b1b0b550000\"");
        QTest::newRow("resigned unchanged")
            << pkp + QStringLiteral("\"*\"") << pkp + QStringLiteral("\"*\"") << true;
        QTest::newRow("pkp id padded")
            << pkp + QStringLiteral("\"*\"")
            << pkp + QStringLiteral(
                         "\"00000000000000000000000000000000000000000000000000000000000012Ab\"")
            << true;
        QTest::newRow("expfail_pkp_id_short")
            << pkp + QStringLiteral("\"*\"") << pkp + QStringLiteral("\"1234\"") << false;
        QTest::newRow("expfail_pkp_id_0x")
            << pkp + QStringLiteral("\"*\"")
            << pkp + QStringLiteral(
                         "\"0x00000000000000000000000000000000000000000000000000000000000012ab\"")
            << false;
        QTest::newRow("expfail_pkp_id_too_long")
            << pkp + QStringLiteral("\"*\"")
            << pkp + QStringLiteral("\"%1\"").arg(QString(65, QLatin1Char('a'))) << false;
        QTest::newRow("price sdk form") << price << price << true;
        QTest::newRow("expfail_price_decimal")
            << price << QStringLiteral("\"maxPrice\":\"1490000000000000000\"") << false;
        QTest::newRow("expfail_price_leading_zero")
            << price << QStringLiteral("\"maxPrice\":\"0x014ad8b1b0b550000\"") << false;
        QTest::newRow("expfail_price_upper_case")
            << price << QStringLiteral("\"maxPrice\":\"0x14AD8B1B0B550000\"") << false;
        // An app capability before the wallet AuthSig: v8 writes it in schema key order.
        const QString caps = QStringLiteral("\"capabilities\":[");
        const QString cap =
            QStringLiteral("\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"x\"");
        const QString sig = QStringLiteral("{\"sig\":\"0x01\",");
        QTest::newRow("capability in schema order")
            << caps << caps + sig + cap + QStringLiteral(",\"address\":\"0x02\"},") << true;
        QTest::newRow("capability in schema order with algo")
            << caps << caps + sig + cap + QStringLiteral(",\"address\":\"0x02\",\"algo\":\"a\"},")
            << true;
        QTest::newRow("expfail_capability_in_app_order")
            << caps
            << caps + QStringLiteral("{\"address\":\"0x02\",\"sig\":\"0x01\",") + cap +
                   QStringLiteral("},")
            << false;
        QTest::newRow("expfail_capability_algo_null")
            << caps << caps + sig + cap + QStringLiteral(",\"address\":\"0x02\",\"algo\":null},")
            << false;
    }
    void strict_rejectsWhatTheSdkNormalises()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, strictAccepts);
        const auto json = resignedSigs("vectors/v8-F-naga-acc-and-pkp.json", from.toStdString(),
                                       to.toStdString());
        const auto strict = verify(json);
        QVERIFY2(strict.ok() == strictAccepts, failures(strict).c_str());
        if (!strictAccepts)
            QVERIFY2(failed(strict, ": payload"), failures(strict).c_str());
        VerifyOptions nodeOnly;
        nodeOnly.nodeOnly = true;
        const auto node = verify(json, nodeOnly);
        QVERIFY2(node.ok(), failures(node).c_str());
    }
    void rejects_expiredAndUncovered()
    {
        const auto json = sdkSigs("vectors/v7-A-acc-decryption-defaults.json");
        VerifyOptions later;
        later.now = kNow + 2 * kDay;
        const auto expired = verify(json, later);
        QVERIFY(failed(expired, ": times"));
        QVERIFY(failed(expired, ": capabilities")); // the inner SIWE is checked with no grace
        VerifyOptions grace;
        grace.now = kNow + kDay + 30 * kSecond; // within the outer 60 s slack, SIWE already expired
        const auto r = verify(json, grace);
        QVERIFY(!failed(r, ": times"));
        QVERIFY(failed(r, ": capabilities"));
        VerifyOptions other;
        other.uses = {{"lit-pkp://*", "pkp-signing"}};
        const auto uncovered = verify(json, other);
        QVERIFY(failed(uncovered, ": resources-listed"));
        QVERIFY(failed(uncovered, ": capabilities"));
        VerifyOptions wrongUser;
        wrongUser.expectedAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        QVERIFY(failed(verify(json, wrongUser), ": address"));
    }
    // Issue 14: the curve work waits for the cheap checks. An entry whose signed payload is
    // not even JSON is refused on that alone, without an Ed25519 verification; a wallet
    // AuthSig shared by every node's entry is checked the same way for each.
    void expensiveChecks_comeAfterStructuralOnes()
    {
        const auto json = sdkSigs("vectors/v7-A-acc-decryption-defaults.json");
        const auto broken = replaced(json, "\"signedMessage\":\"{", "\"signedMessage\":\"[{");
        const auto r = verify(broken);
        QVERIFY(failed(r, ": payload"));
        std::string brokenNode; // the entry that was changed (the first one)
        for (const auto &c : r.checks)
            if (!c.ok && brokenNode.empty() && c.name.size() > 9 &&
                c.name.compare(c.name.size() - 9, 9, ": payload") == 0)
                brokenNode = c.name.substr(0, c.name.size() - 9);
        QVERIFY(!brokenNode.empty());
        int ed25519Rows = 0;
        for (const auto &c : r.checks) {
            QVERIFY2(c.name != brokenNode + ": ed25519-signature", c.name.c_str());
            ed25519Rows += c.name.find(": ed25519-signature") != std::string::npos ? 1 : 0;
        }
        QVERIFY(ed25519Rows >= 1); // the untouched entries are still fully checked
        const auto good = verify(json);
        QVERIFY2(good.ok(), failures(good).c_str());
        int users = 0;
        for (const auto &c : good.checks)
            users += c.detail.rfind("user 0x", 0) == 0 ? 1 : 0;
        QVERIFY(users >= 2); // every node's entry names the signer (from one recovery)
    }
    void rejects_unusableInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("expfail_not_json") << QStringLiteral("{");
        QTest::newRow("expfail_array") << QStringLiteral("[]");
        QTest::newRow("expfail_empty_map") << QStringLiteral("{}");
        // Issue 11: JSON that is not a SessionSigs map is unusable input, not a failed check.
        QTest::newRow("expfail_entry_not_object")
            << QStringLiteral("{\"https://127.0.0.1:7470\":\"x\"}");
        QTest::newRow("expfail_request_document") << QStringLiteral(
            "{\"domain\":\"localhost\",\"nodeUrls\":[\"https://127.0.0.1:7470\"]}");
        QTest::newRow("expfail_report") << QStringLiteral("{\"ok\":true,\"checks\":[]}");
        QTest::newRow("expfail_map_of_other_objects")
            << QStringLiteral("{\"https://127.0.0.1:7470\":{\"name\":\"x\"}}");
    }
    void rejects_unusableInput()
    {
        QFETCH(QString, input);
        VerifyOptions o;
        o.now = kNow;
        QVERIFY(!SessionSigVerifier::verify(input.toStdString(), o).ok());
    }
    void report_json()
    {
        VerifyReport r;
        r.checks.push_back({"a", true, "ok"});
        r.checks.push_back({"b", false, "why \"quoted\""});
        // (no raw string here: moc mis-reads backslashes inside raw string literals)
        QCOMPARE(r.toJson(), std::string("{\"ok\":false,\"checks\":[{\"name\":\"a\",\"ok\":true,\"detail\":\"ok\"},"
                                         "{\"name\":\"b\",\"ok\":false,\"detail\":\"why \\\"quoted\\\"\"}]}"));
        QVERIFY(!VerifyReport{}.ok());
    }
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_Verifier.moc"
