#include "crypto/Encoding.h"

#include <QTest>

using namespace quill;
using namespace quill::crypto;

class TestEncoding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hex_roundTrip()
    {
        const Bytes raw = {0x00, 0x01, 0xab, 0xff};
        QCOMPARE(toHex(raw), std::string("0001abff"));
        auto back = fromHex("0001ABff");
        QVERIFY(back.ok());
        QVERIFY(*back == raw);
        QVERIFY(fromHex("0x0001abff", true).ok());
        QCOMPARE(fromHex("0x0001abff").error().code, ErrorCode::InvalidHex);
    }
    void hex_rejectsBadInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("expfail_odd_length") << QStringLiteral("abc");
        QTest::newRow("expfail_bad_digit") << QStringLiteral("zz");
        QTest::newRow("expfail_space") << QStringLiteral("ab cd");
    }
    void hex_rejectsBadInput()
    {
        QFETCH(QString, input);
        auto r = fromHex(input.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidHex);
    }
    void secretFromHex_fillsSecureBytes()
    {
        auto s = secretFromHex("0x0102", true);
        QVERIFY(s.ok());
        QCOMPARE(s->size(), std::size_t(2));
        QCOMPARE(int(s->data()[1]), 2);
    }
    void isLowerHex_checksCaseAndLength()
    {
        QVERIFY(isLowerHex("00ff", 4));
        QVERIFY(!isLowerHex("00FF", 4));
        QVERIFY(!isLowerHex("00ff", 6));
        QVERIFY(!isLowerHex(""));
    }
    // RFC 4648 §10 test vectors, in the URL alphabet without padding.
    void base64url_rfc4648_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("rfc4648 empty") << QByteArray() << QByteArray();
        QTest::newRow("rfc4648 f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("rfc4648 fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("rfc4648 foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("rfc4648 foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("rfc4648 fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("rfc4648 foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
        QTest::newRow("empty recap") << QByteArray(R"({"att":{},"prf":[]})")
                                     << QByteArray("eyJhdHQiOnt9LCJwcmYiOltdfQ");
    }
    void base64url_rfc4648()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, encoded);
        const auto bytes = asBytes(std::string_view(raw.constData(), size_t(raw.size())));
        QCOMPARE(QByteArray::fromStdString(toBase64Url(bytes)), encoded);
        auto back = fromBase64Url(encoded.toStdString());
        QVERIFY(back.ok());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(back->data()), qsizetype(back->size())), raw);
    }
    void base64url_rejects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("expfail_padding") << QByteArray("Zg==");
        QTest::newRow("expfail_standard_alphabet_plus") << QByteArray("+/+/");
        QTest::newRow("expfail_impossible_length") << QByteArray("Zm9vY");
        QTest::newRow("expfail_nonzero_trailing_bits") << QByteArray("Zh");
        QTest::newRow("expfail_whitespace") << QByteArray("Zm9v Yg");
    }
    void base64url_rejects()
    {
        QFETCH(QByteArray, input);
        auto r = fromBase64Url(input.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidBase64);
    }
};

QTEST_GUILESS_MAIN(TestEncoding)
#include "tst_Encoding.moc"
