#include "../../TestData.h"

#include "siwe/SiweMessage.h"

#include <QDir>
#include <QTest>

using namespace quill;
using namespace quill::siwe;
using namespace quill::test;

class TestSiwe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The siwe npm package (2.3.2) rendering of vector A, built field by field.
    void render_matchesSiweNpm()
    {
        const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
        SiweMessage m;
        m.domain = "localhost";
        m.address = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
        const std::string expected = str(v[QStringLiteral("siwe")].toObject()[QStringLiteral("message")]);
        auto parsed = SiweMessage::parse(expected);
        QVERIFY(parsed.ok());
        m.statement = parsed->statement;
        m.uri = "lit:session:d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        m.chainId = 1;
        m.nonce = "0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677";
        m.issuedAt = "2025-01-15T12:00:00.000Z";
        m.expirationTime = "2025-01-16T12:00:00.000Z";
        m.resources = parsed->resources;
        QVERIFY(m.validate().ok());
        QCOMPARE(m.render(), expected);
    }
    void render_withoutStatementHasTwoBlankLines()
    {
        SiweMessage m;
        m.domain = "example.com";
        m.address = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
        m.uri = "https://example.com";
        m.nonce = "abcdefgh";
        m.issuedAt = "2021-09-30T16:25:24Z";
        QCOMPARE(m.render(), std::string("example.com wants you to sign in with your Ethereum account:\n"
                                         "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\n\n"
                                         "URI: https://example.com\nVersion: 1\nChain ID: 1\n"
                                         "Nonce: abcdefgh\nIssued At: 2021-09-30T16:25:24Z"));
        m.statement = "";
        QCOMPARE(m.render().find("\n\n\nURI"), std::string("example.com wants you to sign in with your Ethereum account:\n"
                                                             "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2").size());
    }
    void parse_validFixturesRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(dataPath(QStringLiteral("siwe")));
        for (const auto &f : dir.entryList({QStringLiteral("valid_*.txt")}))
            QTest::newRow(qPrintable(f)) << QStringLiteral("siwe/") + f;
    }
    void parse_validFixturesRoundTrip()
    {
        QFETCH(QString, file);
        const auto text = readData(file).toStdString();
        auto m = SiweMessage::parse(text);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : describe(m.error())));
        QCOMPARE(m->render(), text);
    }
    void parse_eip4361Example_fields()
    {
        auto m = SiweMessage::parse(readData(QStringLiteral("siwe/valid_eip4361_example.txt")).toStdString());
        QVERIFY(m.ok());
        QCOMPARE(m->domain, std::string("service.invalid"));
        QCOMPARE(*m->statement, std::string("I accept the ServiceOrg Terms of Service: https://service.invalid/tos"));
        QCOMPARE(m->nonce, std::string("32891756"));
        QCOMPARE(m->resources.size(), std::size_t(2));
        QVERIFY(!m->expirationTime);
    }
    void parse_expfail_data() { addExpfailRows(QStringLiteral("siwe")); }
    void parse_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto m = SiweMessage::parse(readData(file).toStdString());
        QVERIFY2(!m.ok(), "parser accepted an expfail fixture");
        QCOMPARE(errorCodeName(m.error().code), errorCodeName(ErrorCode(code)));
        QVERIFY(!m.error().context.isEmpty());
    }
    void checkTime_noGrace()
    {
        auto m = SiweMessage::parse(readData(QStringLiteral("siwe/valid_no_statement_all_optionals.txt")).toStdString());
        QVERIFY(m.ok());
        auto exp = parseRfc3339(*m->expirationTime);
        auto nbf = parseRfc3339(*m->notBefore);
        QVERIFY(m->checkTime(*exp).ok());
        QCOMPARE(m->checkTime(*exp + 1).error().code, ErrorCode::SiweExpirationTime);
        QCOMPARE(m->checkTime(*nbf - 1).error().code, ErrorCode::SiweNotBefore);
    }
    void validate_namesTheField()
    {
        auto m = SiweMessage::parse(readData(QStringLiteral("siwe/valid_eip4361_example.txt")).toStdString());
        QVERIFY(m.ok());
        auto bad = *m;
        bad.nonce = "short";
        QCOMPARE(bad.validate().error().code, ErrorCode::SiweNonce);
        bad = *m;
        bad.statement = "line\nbreak";
        QCOMPARE(bad.validate().error().code, ErrorCode::SiweStatement);
        bad = *m;
        bad.domain = "";
        QCOMPARE(bad.validate().error().code, ErrorCode::SiweDomain);
    }
    void authority_forms()
    {
        QVERIFY(isValidAuthority("localhost"));
        QVERIFY(isValidAuthority("localhost:3000"));
        QVERIFY(isValidAuthority("[::1]:8080"));
        QVERIFY(isValidAuthority("user@example.com"));
        QVERIFY(!isValidAuthority("exa mple.com"));
        QVERIFY(!isValidAuthority("example.com:"));
        QVERIFY(!isValidAuthority("example.com/path"));
    }
};

QTEST_GUILESS_MAIN(TestSiwe)
#include "tst_Siwe.moc"
