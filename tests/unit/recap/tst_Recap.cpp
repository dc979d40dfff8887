#include "../../TestData.h"

#include "recap/Recap.h"

#include <QDir>
#include <QTest>

using namespace quill;
using namespace quill::recap;
using namespace quill::test;

class TestRecap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_emptyObject()
    {
        Recap r;
        QCOMPARE(r.toCanonicalJson(), std::string(R"({"att":{},"prf":[]})"));
        QCOMPARE(r.encode(), std::string("urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ"));
        QCOMPARE(r.statement(), std::string(Recap::kPreamble));
    }
    // Vector A (siwe-recap 0.0.2-alpha.0 via @lit-protocol/auth-helpers 7.4.0).
    void encode_vectorA()
    {
        const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
        Recap r;
        r.addAbility("lit-accesscontrolcondition://53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/"
                     "35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349",
                     "Threshold/Decryption");
        const auto expectedUrn = readData(QStringLiteral("recap/valid_vector_a.txt")).toStdString();
        QCOMPARE(r.encode(), expectedUrn);
        const auto message = str(v[QStringLiteral("siwe")].toObject()[QStringLiteral("message")]);
        QVERIFY(message.find(r.statement() + "\n") != std::string::npos);
    }
    // Spec §11.2 (vector B): sorted resources, grouped abilities, numbering.
    void statement_wildcardsVectorB()
    {
        Recap r;
        r.addAbility("lit-pkp://*", "Threshold/Signing");
        r.addAbility("lit-litaction://*", "Threshold/Execution");
        r.addAbility("lit-accesscontrolcondition://*", "Threshold/Decryption");
        r.addAbility("lit-accesscontrolcondition://*", "Threshold/Signing");
        QCOMPARE(r.statement(),
                 std::string("I further authorize the stated URI to perform the following actions on my behalf: "
                             "(1) 'Threshold': 'Decryption', 'Signing' for 'lit-accesscontrolcondition://*'. "
                             "(2) 'Threshold': 'Execution' for 'lit-litaction://*'. "
                             "(3) 'Threshold': 'Signing' for 'lit-pkp://*'."));
        QCOMPARE(r.encode(), readData(QStringLiteral("recap/valid_wildcards.txt")).toStdString());
    }
    void statement_namespacesGroupedInFirstAppearanceOrder()
    {
        Recap r;
        r.addAbility("lit-ratelimitincrease://1", "Auth/Auth");
        r.addAbility("lit-ratelimitincrease://1", "Threshold/Signing");
        r.addAbility("lit-ratelimitincrease://1", "*/*");
        QCOMPARE(r.statement().substr(Recap::kPreamble.size()),
                 std::string(" (1) '*': '*' for 'lit-ratelimitincrease://1'. (2) 'Auth': 'Auth' for "
                             "'lit-ratelimitincrease://1'. (3) 'Threshold': 'Signing' for 'lit-ratelimitincrease://1'."));
    }
    void addAbility_mergesLikeSiweRecap()
    {
        Recap r;
        r.addAbility("lit-pkp://*", "Threshold/Signing");
        r.addAbility("lit-pkp://*", "Threshold/Signing");
        QCOMPARE(r.attenuations().at("lit-pkp://*").at("Threshold/Signing").size(), std::size_t(1));
        r.addAbility("lit-pkp://*", "Threshold/Signing", R"({"a":1})");
        QCOMPARE(r.attenuations().at("lit-pkp://*").at("Threshold/Signing"), std::vector<std::string>{R"({"a":1})"});
        r.addAbility("lit-pkp://*", "Threshold/Signing", R"({"b":2})");
        QCOMPARE(r.attenuations().at("lit-pkp://*").at("Threshold/Signing").size(), std::size_t(2));
    }
    void decode_validFixturesRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto &f : QDir(dataPath(QStringLiteral("recap"))).entryList({QStringLiteral("valid_*.txt")}))
            QTest::newRow(qPrintable(f)) << QStringLiteral("recap/") + f;
    }
    void decode_validFixturesRoundTrip()
    {
        QFETCH(QString, file);
        const auto urn = readData(file).toStdString();
        auto r = Recap::decode(urn);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(r->encode(), urn);
    }
    void decode_expfail_data() { addExpfailRows(QStringLiteral("recap")); }
    void decode_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto r = Recap::decode(readData(file).toStdString());
        QVERIFY2(!r.ok(), "decoder accepted an expfail fixture");
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
    }
    void decode_nodeModeAcceptsAnyOrder()
    {
        const auto urn = readData(QStringLiteral("recap/expfail_unsorted_att.txt")).toStdString();
        QCOMPARE(Recap::decode(urn).error().code, ErrorCode::RecapNotCanonical);
        auto r = Recap::decode(urn, Recap::Mode::Node);
        QVERIFY(r.ok());
        QVERIFY(r->covers("lit-pkp", "abc", "Threshold/Signing"));
        // Duplicates stay errors in both modes.
        const auto dup = readData(QStringLiteral("recap/expfail_duplicate_key.txt")).toStdString();
        QCOMPARE(Recap::decode(dup, Recap::Mode::Node).error().code, ErrorCode::RecapDuplicateKey);
    }
    // Spec §5.6.
    void covers_litRules()
    {
        Recap r;
        r.addAbility("lit-accesscontrolcondition://abc", "Threshold/Decryption");
        QVERIFY(r.covers("lit-accesscontrolcondition", "abc", "Threshold/Decryption"));
        QVERIFY(!r.covers("lit-accesscontrolcondition", "abc", "Threshold/Signing"));
        QVERIFY(!r.covers("lit-accesscontrolcondition", "abd", "Threshold/Decryption"));
        QVERIFY(!r.covers("lit-pkp", "abc", "Threshold/Decryption"));

        Recap all;
        all.addAbility("lit-pkp://1234", "*/*");
        QVERIFY(all.covers("lit-pkp", "1234", "Threshold/Signing"));

        Recap partial;
        partial.addAbility("lit-pkp://1234", "Threshold/*");
        QVERIFY(!partial.covers("lit-pkp", "1234", "Threshold/Signing"));

        // When a wildcard entry exists only it is consulted.
        Recap both;
        both.addAbility("lit-pkp://*", "Threshold/Execution");
        both.addAbility("lit-pkp://1234", "Threshold/Signing");
        QVERIFY(!both.covers("lit-pkp", "1234", "Threshold/Signing"));
        QVERIFY(both.covers("lit-pkp", "9999", "Threshold/Execution"));
    }
    void isValidAbility_charset()
    {
        QVERIFY(Recap::isValidAbility("Threshold/Decryption"));
        QVERIFY(Recap::isValidAbility("*/*"));
        QVERIFY(Recap::isValidAbility("a.b+c_d-e/x"));
        QVERIFY(!Recap::isValidAbility("Threshold"));
        QVERIFY(!Recap::isValidAbility("/x"));
        QVERIFY(!Recap::isValidAbility("a/"));
        QVERIFY(!Recap::isValidAbility("a/b/c"));
    }
};

QTEST_GUILESS_MAIN(TestRecap)
#include "tst_Recap.moc"
