#include "crypto/Aes128Ctr.h"
#include "crypto/Digest.h"
#include "crypto/Encoding.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"

#include <QTest>

#include <openssl/evp.h>

using namespace quill;
using namespace quill::crypto;

namespace {
Bytes hex(const char *h)
{
    return std::move(fromHex(h)).value();
}
} // namespace

class TestKdf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Our two-compressions-per-iteration PBKDF2-HMAC-SHA512 against OpenSSL's generic one,
    // across password lengths around the 128-byte block (hashed when longer), output lengths
    // around the 64-byte block and iteration counts.
    void pbkdf2Sha512_matchesOpenSsl_data()
    {
        QTest::addColumn<int>("passwordLength");
        QTest::addColumn<int>("saltLength");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("length");
        for (int pw : {0, 1, 32, 127, 128, 129, 300})
            for (int it : {1, 2, 2048})
                for (int len : {1, 32, 64, 65, 130})
                    QTest::addRow("pw%d_it%d_len%d", pw, it, len) << pw << (pw % 40) << it << len;
    }
    void pbkdf2Sha512_matchesOpenSsl()
    {
        QFETCH(int, passwordLength);
        QFETCH(int, saltLength);
        QFETCH(int, iterations);
        QFETCH(int, length);
        const SecureBytes password = randomBytes(std::size_t(passwordLength));
        const SecureBytes salt = randomBytes(std::size_t(saltLength));
        const SecureBytes ours = pbkdf2HmacSha512(password.span(), salt.span(),
                                                  std::uint32_t(iterations), std::size_t(length));
        Bytes ref(static_cast<std::size_t>(length));
        QCOMPARE(PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(password.data()), passwordLength,
                                   salt.data(), saltLength, iterations, EVP_sha512(), length,
                                   ref.data()),
                 1);
        QVERIFY(ours.equals(ref));
    }
    // RFC 7914 §12 test vectors 1 and 2.
    void scrypt_rfc7914()
    {
        auto a = scrypt({}, {}, 16, 1, 1, 64);
        QVERIFY(a.ok());
        QCOMPARE(toHex(a->span()),
                 std::string("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                             "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"));
        auto b = scrypt(asBytes("password"), asBytes("NaCl"), 1024, 8, 16, 64);
        QVERIFY(b.ok());
        QCOMPARE(toHex(b->span()),
                 std::string("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                             "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
        QCOMPARE(scrypt({}, {}, 1000, 1, 1, 32).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(scrypt({}, {}, 16, 0, 1, 32).error().code, ErrorCode::InvalidArgument);
    }
    // RFC 7914 §11 (PBKDF2-HMAC-SHA256, c = 1).
    void pbkdf2Sha256_rfc7914()
    {
        auto k = pbkdf2HmacSha256(asBytes("passwd"), asBytes("salt"), 1, 64);
        QVERIFY(k.ok());
        QCOMPARE(toHex(k->span()),
                 std::string("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                             "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    }
    // NIST SP 800-38A F.5.1 (CTR-AES128.Encrypt), all four blocks.
    void aes128Ctr_sp800_38a()
    {
        const SecureBytes key(hex("2b7e151628aed2a6abf7158809cf4f3c"));
        const Bytes iv = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        const Bytes plain = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        auto c = aes128Ctr(key, std::span<const std::uint8_t, 16>(iv.data(), 16), plain);
        QVERIFY(c.ok());
        QCOMPARE(toHex(c->span()),
                 std::string("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                             "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"));
        auto back = aes128Ctr(key, std::span<const std::uint8_t, 16>(iv.data(), 16), c->span());
        QVERIFY(back->equals(plain));
    }
    void digests_knownAnswers()
    {
        QCOMPARE(toHex(sha256(asBytes("abc"))),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // HASH160 of the generator point G (compressed): its well-known Bitcoin hash.
        QCOMPARE(toHex(hash160(
                     hex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"))),
                 std::string("751e76e8199196d454941c45d1b3a323f1433bd6"));
    }
    // RFC 4231 test case 1 (HMAC-SHA-512).
    void hmacSha512_rfc4231()
    {
        const Bytes key(20, 0x0b);
        QCOMPARE(toHex(hmacSha512(key, asBytes("Hi There")).span()),
                 std::string("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                             "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"));
    }
};

QTEST_GUILESS_MAIN(TestKdf)
#include "tst_Kdf.moc"
