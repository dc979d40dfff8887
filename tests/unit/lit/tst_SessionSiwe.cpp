#include "../../TestData.h"

#include "lit/SessionSiwe.h"

#include <QDir>
#include <QTest>

using namespace quill;
using namespace quill::lit;
using namespace quill::test;

// quill_signSiweMessage's parser (issue 10). The fixtures come from siwe + siwe-recap, the
// libraries the Lit SDKs build their messages with (tests/interop/gen-siwe-message-fixtures.mjs).
class TestSessionSiwe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_validFixtures_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(dataPath(QStringLiteral("siwemessage")));
        const auto files = dir.entryList({QStringLiteral("valid_*.txt")});
        QVERIFY(files.size() >= 5);
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << QStringLiteral("siwemessage/") + f;
    }
    void parse_validFixtures()
    {
        QFETCH(QString, file);
        const QByteArray text = readData(file);
        auto m = SessionSiwe::parse(text.toStdString());
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : describe(m.error())));
        QCOMPARE(m->message.render(), text.toStdString());
        QCOMPARE(m->sessionPublicKey,
                 std::string("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        QVERIFY(!m->capabilities.empty());
        // The request form carries what the review and the grants need.
        const auto request = m->asRequest();
        QCOMPARE(request.domain, std::string("localhost"));
        QCOMPARE(request.resourceAbilityRequests.size(), m->capabilities.size());
        QVERIFY(request.nodeUrls.empty());
        QCOMPARE(m->plan().expiration, std::string("2035-01-16T12:00:00.000Z"));
        QCOMPARE(m->plan().recap.encode(), m->message.resources.front());
    }
    void parse_readsTheAppsStatementAndCapabilities()
    {
        auto v7 = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/valid_v7_default_statement.txt")).toStdString());
        QVERIFY(v7.ok());
        QCOMPARE(v7->appStatement,
                 std::string("This is a test statement.  You can put anything you want here."));
        QCOMPARE(v7->capabilities.size(), std::size_t(1));
        QVERIFY(v7->capabilities[0].ability == Ability::AccessControlConditionDecryption);
        QVERIFY(!v7->capabilities[0].dataJson);

        auto none = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/valid_no_statement.txt")).toStdString());
        QVERIFY(none.ok());
        QCOMPARE(none->appStatement, std::string());
        auto v8 = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/valid_v8_empty_statement.txt")).toStdString());
        QVERIFY(v8.ok());
        QCOMPARE(v8->appStatement, std::string());

        auto three = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/valid_pkp_wildcard_and_action.txt"))
                .toStdString());
        QVERIFY(three.ok());
        QCOMPARE(three->capabilities.size(), std::size_t(3));
        bool pkp = false;
        for (const auto &c : three->capabilities)
            pkp = pkp || (c.prefix == ResourcePrefix::Pkp && c.resource == "*" &&
                          c.ability == Ability::PkpSigning);
        QVERIFY(pkp);

        auto nb = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/valid_nota_bene.txt")).toStdString());
        QVERIFY(nb.ok());
        QVERIFY(nb->capabilities[0].ability == Ability::RateLimitIncreaseAuth);
        QCOMPARE(nb->capabilities[0].dataJson.value_or(""),
                 std::string(R"({"nft_id":["12345"],"uses":"10"})"));
    }
    void parse_expfail_data() { addExpfailRows(QStringLiteral("siwemessage")); }
    void parse_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto m = SessionSiwe::parse(readData(file).toStdString());
        QVERIFY2(!m.ok(), "parser accepted an expfail fixture");
        QVERIFY2(m.error().code == ErrorCode(code), qPrintable(describe(m.error())));
        QVERIFY(!m.error().context.isEmpty());
    }
    void parse_errorsNameThePart()
    {
        auto second = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/expfail_second_resource.txt")).toStdString());
        QVERIFY(second.error().context.startsWith(QStringLiteral("resources: 2 resources")));
        auto wide = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/expfail_recap_wider_than_statement.txt"))
                .toStdString());
        QVERIFY2(wide.error().context.startsWith(
                     QStringLiteral("statement: must end with the ReCap sentence")),
                 qPrintable(wide.error().context));
        auto uri = SessionSiwe::parse(
            readData(QStringLiteral("siwemessage/expfail_non_lit_uri.txt")).toStdString());
        QVERIFY(uri.error().context.startsWith(QStringLiteral("uri: must be lit:session:")));
    }
    void parse_refusesOversizedInputBeforeParsing()
    {
        std::string big(SessionSiwe::kMaxBytes + 1, 'a');
        auto m = SessionSiwe::parse(big);
        QVERIFY(!m.ok());
        QVERIFY(m.error().context.contains(QStringLiteral("at most")));
    }
};

QTEST_APPLESS_MAIN(TestSessionSiwe)
#include "tst_SessionSiwe.moc"
