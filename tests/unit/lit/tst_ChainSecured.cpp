#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/Eip712.h"
#include "lit/ChainSecured.h"

#include <QTest>

using namespace quill;
using namespace quill::crypto;
using namespace quill::lit;
using namespace quill::test;

namespace {

// The public test vector of ../shared/spec/lit-chipotle-chainsecured.md (ethers 6
// Wallet.signTypedData). TEST KEY ONLY — published, never holds funds.
constexpr const char *kTestKey =
    "0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f";
constexpr const char *kTestAddress = "0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377";
constexpr std::int64_t kIssuedAt = 1780000000;

SecureBytes testKey()
{
    return std::move(secretFromHex(kTestKey, true)).value();
}
QString hex(const Hash256 &h)
{
    return QStringLiteral("0x") + QString::fromStdString(toHex(h));
}

ChainSecuredAuthorization
vectorAuth(ChainSecuredPurpose purpose = ChainSecuredPurpose::CreateWallet,
           std::uint64_t chainId = 84532)
{
    ChainSecuredAuthorization a;
    a.purpose = purpose;
    a.chainId = chainId;
    a.address = eth::Address::parse(kTestAddress).value();
    a.issuedAt = kIssuedAt;
    return a;
}

ChainSecuredExpectation expect(std::uint64_t chainId = 84532, std::int64_t now = kIssuedAt,
                               std::optional<ChainSecuredPurpose> purpose = std::nullopt)
{
    return ChainSecuredExpectation{chainId, now, purpose};
}

std::string replaced(std::string s, const std::string &from, const std::string &to)
{
    const auto at = s.find(from);
    if (at == std::string::npos)
        qFatal("mutation target %s not found", from.c_str());
    return s.replace(at, from.size(), to);
}

} // namespace

class TestChainSecured : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vector_matchesEthers()
    {
        const auto auth = vectorAuth();
        QCOMPARE(
            hex(auth.domainSeparator()),
            QStringLiteral("0x0b344b58e117aafe6bed26d8280a1a44815c310d008178e9a9d133cf627ff1e2"));
        QCOMPARE(
            hex(auth.digest()),
            QStringLiteral("0x7917a7ffcd19b316f177dfb44c7ecaae34e947708a3aaafcc96469e08b7b2fff"));
        auto sig = signChainSecured(testKey(), auth);
        QVERIFY(sig.ok());
        QCOMPARE(QString::fromStdString(*sig),
                 QStringLiteral("0xc9a7862574d1865fd40ebae33b4852b584c52c1cedee5d731f0d3f6e6fb1caa2"
                                "56c790d550b4d9c55f8"
                                "8ed1d9386205b74668e4380c72ad136f9cd1d66e585f01b"));
    }
    // The generic encoder, fed the typed data Quill writes, agrees with the fixed-shape digest.
    void typedDataJson_hashesToTheSameDigest()
    {
        for (auto p : {ChainSecuredPurpose::CreateWallet, ChainSecuredPurpose::ConvertAccount,
                       ChainSecuredPurpose::AddUsageApiKey, ChainSecuredPurpose::BillingAuth}) {
            const auto auth = vectorAuth(p, 8453);
            auto h = eth::eip712::hashTypedData(auth.typedDataJson());
            QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : describe(h.error())));
            QCOMPARE(hex(h->digest), hex(auth.digest()));
            auto back = parseChainSecuredTypedData(auth.typedDataJson());
            QVERIFY(back.ok());
            QCOMPARE(back->purpose, p);
            QCOMPARE(back->chainId, std::uint64_t(8453));
            QCOMPARE(back->issuedAt, kIssuedAt);
        }
        // Purposes commit to the digest.
        QVERIFY(vectorAuth(ChainSecuredPurpose::CreateWallet).digest() !=
                vectorAuth(ChainSecuredPurpose::BillingAuth).digest());
    }
    void sign_refusesAnotherAccountsKey()
    {
        auto auth = vectorAuth();
        auth.address = eth::Address::parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826").value();
        QCOMPARE(signChainSecured(testKey(), auth).error().code, ErrorCode::ChainSecuredSigner);
    }
    void body_andHeaderVerify()
    {
        const auto auth = vectorAuth(ChainSecuredPurpose::BillingAuth);
        const auto sig = signChainSecured(testKey(), auth).value();
        const auto body = chainSecuredBody(auth, sig);
        QVERIFY(verifyChainSecuredBody(body, expect()).ok());
        QVERIFY(verifyChainSecuredBody(walletAuthHeader(auth, sig), expect()).ok());
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(walletAuthHeader(auth, sig)))
                     .toStdString(),
                 body);
        QCOMPARE(verifyChainSecuredBody(body,
                                        expect(84532, kIssuedAt, ChainSecuredPurpose::CreateWallet))
                     .error()
                     .code,
                 ErrorCode::ChainSecuredSchema);
        QCOMPARE(verifyChainSecuredBody(
                     replaced(body, "{\"typed_data\"", "{\"x\":1,\"typed_data\""), expect())
                     .error()
                     .code,
                 ErrorCode::ChainSecuredSchema);
        QCOMPARE(verifyChainSecuredBody("not base64!", expect()).error().code,
                 ErrorCode::InvalidBase64);
    }
    // Every mutation the server refuses, on a correctly signed authorization.
    void verify_mutations_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("code"); // 0: accepted
        auto row = [](const char *name, const char *from, const char *to, qint64 now,
                      ErrorCode code) {
            QTest::newRow(name) << QByteArray(from) << QByteArray(to) << now << int(code);
        };
        const qint64 t = kIssuedAt;
        row("unchanged", "", "", t, ErrorCode(0));
        row("skew +300 accepted", "", "", t + 300, ErrorCode(0));
        row("skew -300 accepted", "", "", t - 300, ErrorCode(0));
        row("skew +301", "", "", t + 301, ErrorCode::ChainSecuredTime);
        row("skew -301", "", "", t - 301, ErrorCode::ChainSecuredTime);
        row("domain name", "\"Lit ChainSecured\"", "\"Lit Chainsecured\"", t,
            ErrorCode::ChainSecuredDomain);
        row("domain version", "\"version\":\"1\"", "\"version\":\"2\"", t,
            ErrorCode::ChainSecuredDomain);
        row("extra domain key", "\"chainId\":\"84532\"}",
            "\"chainId\":\"84532\",\"salt\":\"0x00\"}", t, ErrorCode::ChainSecuredDomain);
        row("unknown domain key", "\"chainId\":\"84532\"}", "\"chainId\":\"84532\",\"x\":\"y\"}", t,
            ErrorCode::ChainSecuredSchema);
        row("wrong chain", "\"chainId\":\"84532\"", "\"chainId\":\"8453\"", t,
            ErrorCode::ChainSecuredDomain);
        row("chain as hex", "\"chainId\":\"84532\"", "\"chainId\":\"0x14a34\"", t, ErrorCode(0));
        row("chain as number", "\"chainId\":\"84532\"", "\"chainId\":84532", t, ErrorCode(0));
        row("reordered fields",
            "[{\"name\":\"address\",\"type\":\"address\"},{\"name\":\"issuedAt\",\"type\":"
            "\"uint256\"}]",
            "[{\"name\":\"issuedAt\",\"type\":\"uint256\"},{\"name\":\"address\",\"type\":"
            "\"address\"}]",
            t, ErrorCode::ChainSecuredSchema);
        row("extra type", "\"primaryType\"", "\"primaryType\"", t,
            ErrorCode(0)); // placeholder, replaced below
        row("extra message key", "\"issuedAt\":\"1780000000\"}",
            "\"issuedAt\":\"1780000000\",\"x\":\"y\"}", t, ErrorCode::ChainSecuredSchema);
        row("wrong primary type", "\"primaryType\":\"CreateWallet\"",
            "\"primaryType\":\"BillingAuth\"", t, ErrorCode::ChainSecuredSchema);
        row("issuedAt changed", "\"issuedAt\":\"1780000000\"", "\"issuedAt\":\"1780000001\"", t,
            ErrorCode::ChainSecuredSigner);
        row("other address", kTestAddress, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", t,
            ErrorCode::ChainSecuredSigner);
        row("lowercase address still verifies", kTestAddress,
            "0x63fac9201494f0bd17b9892b9fae4d52fe3bd377", t, ErrorCode(0));
    }
    void verify_mutations()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(qint64, now);
        QFETCH(int, code);
        const auto auth = vectorAuth();
        const auto sig = signChainSecured(testKey(), auth).value();
        std::string typed = auth.typedDataJson();
        if (QByteArray(QTest::currentDataTag()) == "extra type") {
            typed = replaced(typed, "]},\"primaryType\"",
                             "],\"Extra\":[{\"name\":\"x\",\"type\":\"string\"}]},\"primaryType\"");
            code = int(ErrorCode::ChainSecuredSchema);
        } else if (!from.isEmpty()) {
            typed = replaced(typed, from.toStdString(), to.toStdString());
        }
        // The expected purpose is the endpoint's: CreateWallet.
        auto r =
            verifyChainSecured(typed, sig, expect(84532, now, ChainSecuredPurpose::CreateWallet));
        if (code == 0) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
            return;
        }
        QVERIFY2(!r.ok(), "verify accepted a mutation the server refuses");
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
    }
    void verify_wrongSigner()
    {
        const auto auth = vectorAuth();
        SecureBytes other =
            std::move(secretFromHex("0x" + std::string(63, '0') + "1", true)).value();
        // The right digest, signed by a key that is not message.address's.
        auto raw = secp256k1::signRecoverable(other, auth.digest()).value();
        raw[64] = static_cast<std::uint8_t>(raw[64] + 27);
        const auto sig = "0x" + toHex(raw);
        const auto otherAddress = eth::Address::fromPublicKey(secp256k1::publicKey(other).value());
        auto r = verifyChainSecured(auth.typedDataJson(), sig, expect());
        QCOMPARE(r.error().code, ErrorCode::ChainSecuredSigner);
        QVERIFY2(r.error().context.contains(QString::fromStdString(otherAddress.toChecksummed())),
                 qPrintable(r.error().context));
    }
    void verify_signatureForms()
    {
        const auto auth = vectorAuth();
        const auto sig = signChainSecured(testKey(), auth).value();
        const auto typed = auth.typedDataJson();
        QVERIFY(verifyChainSecured(typed, sig.substr(2), expect()).ok());    // no 0x
        QVERIFY(verifyChainSecured(typed, " " + sig + "\n", expect()).ok()); // trimmed
        std::string v01 = sig;
        v01.replace(v01.size() - 2, 2, sig.substr(sig.size() - 2) == "1b" ? "00" : "01");
        QVERIFY(verifyChainSecured(typed, v01, expect()).ok());
        std::string bad = sig;
        bad.replace(bad.size() - 2, 2, "1d");
        QCOMPARE(verifyChainSecured(typed, bad, expect()).error().code,
                 ErrorCode::InvalidSignature);
        QCOMPARE(verifyChainSecured(typed, sig.substr(0, 100), expect()).error().code,
                 ErrorCode::InvalidSignature);
    }
    void parse_errorNamesTheFirstDifference()
    {
        const auto typed = vectorAuth().typedDataJson();
        auto r = parseChainSecuredTypedData(
            replaced(typed, "{\"name\":\"issuedAt\",\"type\":\"uint256\"}",
                     "{\"name\":\"issuedAt\",\"type\":\"uint64\"}"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().context.startsWith(QStringLiteral("types.CreateWallet[1]: expected")),
                 qPrintable(r.error().context));
        auto extra = parseChainSecuredTypedData(
            replaced(typed, "]},\"primaryType\"", "],\"Zzz\":[]},\"primaryType\""));
        QVERIFY2(extra.error().context.contains(QStringLiteral("unexpected type Zzz")),
                 qPrintable(extra.error().context));
    }
    void parse_valid_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f :
             {"valid_canonical.json", "valid_string_form.json", "valid_loose_values.json"})
            QTest::newRow(f) << QStringLiteral("chainsecured/") + QLatin1String(f);
    }
    void parse_valid()
    {
        QFETCH(QString, file);
        auto r = parseChainSecuredTypedData(readData(file).toStdString());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(hex(r->digest()), hex(vectorAuth().digest()));
    }
    void parse_expfail_data() { addExpfailRows(QStringLiteral("chainsecured")); }
    void parse_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto r = parseChainSecuredTypedData(readData(file).toStdString());
        QVERIFY2(!r.ok(), "parser accepted an expfail fixture");
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
        QVERIFY(!r.error().context.isEmpty());
    }
    void purposeNames()
    {
        QCOMPARE(purposeFromName("add-usage-api-key"),
                 std::optional(ChainSecuredPurpose::AddUsageApiKey));
        QCOMPARE(purposeFromName("BillingAuth"), std::optional(ChainSecuredPurpose::BillingAuth));
        QVERIFY(!purposeFromName("billingauth"));
    }
};

QTEST_GUILESS_MAIN(TestChainSecured)
#include "tst_ChainSecured.moc"
