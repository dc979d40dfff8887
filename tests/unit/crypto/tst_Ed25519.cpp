#include "crypto/Ed25519Key.h"
#include "crypto/Encoding.h"

#include <QTest>

using namespace quill;
using namespace quill::crypto;

namespace {
SecureBytes seedOf(const char *hex) { return std::move(secretFromHex(hex)).value(); }
Bytes bytesOf(const QByteArray &hex) { return std::move(fromHex(hex.toStdString())).value(); }
}

class TestEd25519 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // RFC 8032 §7.1 TEST 1–3.
    void sign_rfc8032_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QByteArray>("pub");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("RFC 8032 TEST 1")
            << QByteArray("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            << QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray()
            << QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QTest::newRow("RFC 8032 TEST 2")
            << QByteArray("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
            << QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c") << QByteArray("72")
            << QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        QTest::newRow("RFC 8032 TEST 3")
            << QByteArray("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
            << QByteArray("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025") << QByteArray("af82")
            << QByteArray("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
    }
    void sign_rfc8032()
    {
        QFETCH(QByteArray, seed);
        QFETCH(QByteArray, pub);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        auto key = Ed25519Key::fromSeed(seedOf(seed.constData()));
        QVERIFY(key.ok());
        QCOMPARE(QByteArray::fromStdString(toHex(key->publicKey())), pub);
        const auto msg = bytesOf(message);
        const auto sig = key->sign(msg);
        QCOMPARE(QByteArray::fromStdString(toHex(sig)), signature);
        QVERIFY(Ed25519Key::verifyStrict(key->publicKey(), msg, sig));
    }
    void verifyStrict_rejectsTampering()
    {
        auto key = Ed25519Key::generate();
        const std::string msg = "payload";
        auto sig = key.sign(asBytes(msg));
        QVERIFY(Ed25519Key::verifyStrict(key.publicKey(), asBytes(msg), sig));
        QVERIFY(!Ed25519Key::verifyStrict(key.publicKey(), asBytes(std::string("payloaD")), sig));
        sig[10] ^= 1;
        QVERIFY(!Ed25519Key::verifyStrict(key.publicKey(), asBytes(msg), sig));
    }
    void verifyStrict_rejectsSmallOrderKeys()
    {
        // The identity point as public key with R = identity and S = 0 satisfies the
        // cofactorless equation for every message: verify_strict must refuse it.
        Ed25519PublicKey identity{};
        identity[0] = 1;
        Ed25519Signature sig{};
        sig[0] = 1;
        QVERIFY(Ed25519Key::isSmallOrder(identity));
        QVERIFY(!Ed25519Key::verifyStrict(identity, asBytes(std::string("anything")), sig));
        auto normal = Ed25519Key::generate();
        QVERIFY(!Ed25519Key::isSmallOrder(normal.publicKey()));
    }
    void verifyStrict_rejectsNonCanonicalS()
    {
        auto key = Ed25519Key::fromSeed(seedOf("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        QVERIFY(key.ok());
        auto sig = key->sign({});
        // S + L: same value modulo L, but non-canonical. L = 2^252 + 27742317777372353535851937790883648493.
        static const std::uint8_t kL[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                            0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                            0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
        unsigned carry = 0;
        for (int i = 0; i < 32; ++i) {
            const unsigned v = unsigned(sig[32 + i]) + kL[i] + carry;
            sig[32 + i] = std::uint8_t(v & 0xff);
            carry = v >> 8;
        }
        QVERIFY(!Ed25519Key::verifyStrict(key->publicKey(), {}, sig));
    }
    // verifyStrict's libsodium fast path must never change a decision (issue 12: "keep
    // verification's strictness exactly as it is"): valid, tampered, non-canonical S,
    // small-order and non-canonical encodings are decided as OpenSSL alone decides them.
    void verifyStrict_decidesAsOpenSsl()
    {
        int accepted = 0;
        int cases = 0;
        auto same = [&](const Ed25519PublicKey &pub, const std::string &msg,
                        const Ed25519Signature &sig) {
            const bool fast = Ed25519Key::verifyStrict(pub, asBytes(msg), sig);
            const bool reference = Ed25519Key::verifyOpenSsl(pub, asBytes(msg), sig);
            ++cases;
            accepted += fast ? 1 : 0;
            return fast == reference;
        };
        for (int round = 0; round < 200; ++round) {
            auto key = Ed25519Key::generate();
            const std::string msg = "payload " + std::to_string(round);
            const auto sig = key.sign(asBytes(msg));
            QVERIFY(same(key.publicKey(), msg, sig));
            for (int bit = round % 7; bit < 512; bit += 37) { // R and S bits
                auto bad = sig;
                bad[bit / 8] ^= std::uint8_t(1u << (bit % 8));
                QVERIFY(same(key.publicKey(), msg, bad));
            }
            for (int bit = round % 5; bit < 256; bit += 41) { // public key bits
                auto pub = key.publicKey();
                pub[bit / 8] ^= std::uint8_t(1u << (bit % 8));
                QVERIFY(same(pub, msg, sig));
            }
            QVERIFY(same(key.publicKey(), msg + "x", sig));
            // Non-canonical public key encodings y = p + k (k < 19), both sign bits.
            Ed25519PublicKey high{};
            high.fill(0xff);
            high[0] = std::uint8_t(0xed + round % 19);
            high[31] = (round % 2) ? 0xff : 0x7f;
            QVERIFY(same(high, msg, sig));
        }
        QCOMPARE(accepted, 200); // exactly the untouched signatures
        QVERIFY(cases > 4000);
    }
    void fromSeed_rejectsWrongLength()
    {
        auto key = Ed25519Key::fromSeed(SecureBytes(31));
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidPrivateKey);
    }
};

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_Ed25519.moc"
