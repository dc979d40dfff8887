#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/PersonalSign.h"

#include <QTest>

using namespace quill;
using namespace quill::crypto;
using namespace quill::eth;
using namespace quill::test;

namespace {
SecureBytes key(const char *hex) { return std::move(secretFromHex(hex, true)).value(); }
}

class TestEth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // EIP-55's own test cases.
    void checksum_eip55Vectors_data()
    {
        QTest::addColumn<QString>("address");
        for (const char *a : {"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                              "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
                              "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                              "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void checksum_eip55Vectors()
    {
        QFETCH(QString, address);
        auto a = Address::parse(address.toStdString());
        QVERIFY(a.ok());
        const auto out = QString::fromStdString(a->toChecksummed());
        // Mixed-case vectors are already checksummed; all-upper/all-lower ones normalise.
        QCOMPARE(out.toLower(), address.toLower());
        QVERIFY(Address::isChecksummed(out.toStdString()));
        if (address != address.toLower() && address != QStringLiteral("0x") + address.mid(2).toUpper())
            QCOMPARE(out, address);
    }
    void parse_rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("code");
        QTest::newRow("expfail_wrong_checksum")
            << QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD") << int(ErrorCode::AddressChecksumMismatch);
        QTest::newRow("expfail_no_prefix")
            << QStringLiteral("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00") << int(ErrorCode::InvalidAddress);
        QTest::newRow("expfail_short") << QStringLiteral("0x5aAeb6053F") << int(ErrorCode::InvalidAddress);
        QTest::newRow("expfail_non_hex")
            << QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg") << int(ErrorCode::InvalidAddress);
    }
    void parse_rejects()
    {
        QFETCH(QString, input);
        QFETCH(int, code);
        auto a = Address::parse(input.toStdString());
        QVERIFY(!a.ok());
        QCOMPARE(int(a.error().code), code);
    }
    void address_fromPrivateKey()
    {
        // Public test key used by the spec's vectors.
        auto pub = secp256k1::publicKey(key("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        QVERIFY(pub.ok());
        QCOMPARE(Address::fromPublicKey(*pub).toChecksummed(), std::string("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
    }
    void privateKey_rejectsZeroAndOrder()
    {
        QVERIFY(!secp256k1::isValidPrivateKey(key("0000000000000000000000000000000000000000000000000000000000000000")));
        QVERIFY(!secp256k1::isValidPrivateKey(key("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")));
        QVERIFY(secp256k1::isValidPrivateKey(key("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")));
        QCOMPARE(secp256k1::publicKey(SecureBytes(32)).error().code, ErrorCode::InvalidPrivateKey);
    }
    // EIP-191 digest and signature from vector A (ethers 5.7.2 signMessage).
    void personalSign_matchesEthers()
    {
        const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
        const auto message = str(v[QStringLiteral("siwe")].toObject()[QStringLiteral("message")]);
        QCOMPARE(QString::fromStdString("0x" + toHex(personalMessageDigest(message))),
                 QStringLiteral("0x1363ca01b2748ce669c94dc910b301f8a19e24d43f262151919208a20b693f58"));
        auto sig = personalSign(key("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"), message);
        QVERIFY(sig.ok());
        QCOMPARE(*sig, str(v[QStringLiteral("authSig")].toObject()[QStringLiteral("sig")]));
        auto who = recoverPersonal(message, *sig);
        QVERIFY(who.ok());
        QCOMPARE(who->toChecksummed(), std::string("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
    }
    void recoverPersonal_rules()
    {
        const std::string msg = "hello";
        auto sig = personalSign(key("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"), msg);
        QVERIFY(sig.ok());
        // v = 0/1 and upper-case hex: nodes accept, the canonical (SDK) form does not.
        std::string v01 = *sig;
        v01[130] = '0';
        v01[131] = v01[131] == 'b' ? '0' : '1';
        QVERIFY(recoverPersonal(msg, v01, SignatureRules::Node).ok());
        QCOMPARE(recoverPersonal(msg, v01).error().code, ErrorCode::InvalidSignature);
        std::string upper = "0x" + QString::fromStdString(sig->substr(2)).toUpper().toStdString();
        QVERIFY(recoverPersonal(msg, upper, SignatureRules::Node).ok());
        QVERIFY(!recoverPersonal(msg, upper).ok());
        // A different message recovers a different address.
        auto other = recoverPersonal("hellO", *sig);
        QVERIFY(!other.ok() || other->toChecksummed() != "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        QVERIFY(!recoverPersonal(msg, "0x1234").ok());
    }
};

QTEST_GUILESS_MAIN(TestEth)
#include "tst_Eth.moc"
