#include "../../ChainSecuredTestData.h"
#include "../../TestData.h"

#include "requests/ChainSecuredReview.h"

#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

class TestChainSecuredReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void build_plainWords()
    {
        const auto r = ChainSecuredReview::build(
            chainSecuredAuth(lit::ChainSecuredPurpose::ConvertAccount, 8453),
            pairedWebSocketApp(QStringLiteral("My dapp"), QString()));
        QCOMPARE(r.action,
                 QStringLiteral(
                     "Convert a Lit account to ChainSecured, with this wallet as its owner."));
        QCOMPARE(r.chain, QStringLiteral("Base (chain id 8453)"));
        QCOMPARE(r.account, QStringLiteral("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377"));
        QCOMPARE(r.issuedAt, QStringLiteral("2026-05-28T20:26:40.000Z"));
        QVERIFY2(r.validity.startsWith(
                     QStringLiteral("Valid for 5 minutes (until 2026-05-28T20:31:40.000Z); anyone "
                                    "who obtains it can repeat this action")),
                 qPrintable(r.validity));
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(r.typedDataJson.find("\"primaryType\":\"ConvertAccount\"") != std::string::npos);
    }
    void build_eachPurposeHasItsOwnSentence()
    {
        QStringList seen;
        for (auto p :
             {lit::ChainSecuredPurpose::CreateWallet, lit::ChainSecuredPurpose::ConvertAccount,
              lit::ChainSecuredPurpose::AddUsageApiKey, lit::ChainSecuredPurpose::BillingAuth}) {
            const auto text = describePurpose(p);
            QVERIFY(!text.isEmpty());
            QVERIFY(!seen.contains(text));
            seen << text;
        }
    }
    void build_chainWarnings_data()
    {
        QTest::addColumn<qulonglong>("chainId");
        QTest::addColumn<QString>("chain");
        QTest::addColumn<QString>("warning"); // empty: none
        QTest::newRow("Base") << 8453ULL << QStringLiteral("Base (chain id 8453)") << QString();
        QTest::newRow("Base Sepolia")
            << 84532ULL << QStringLiteral("Base Sepolia (chain id 84532)") << QString();
        QTest::newRow("Anvil") << 175188ULL
                               << QStringLiteral("Anvil (local test chain) (chain id 175188)")
                               << QStringLiteral("test-chain");
        QTest::newRow("Ethereum mainnet") << 1ULL << QStringLiteral("unknown chain (chain id 1)")
                                          << QStringLiteral("unknown-chain");
    }
    void build_chainWarnings()
    {
        QFETCH(qulonglong, chainId);
        QFETCH(QString, chain);
        QFETCH(QString, warning);
        const auto r = ChainSecuredReview::build(
            chainSecuredAuth(lit::ChainSecuredPurpose::CreateWallet, chainId),
            pairedWebSocketApp(QStringLiteral("x"), QString()));
        QCOMPARE(r.chain, chain);
        QCOMPARE(r.warnings.size(), warning.isEmpty() ? 0 : 1);
        if (!warning.isEmpty())
            QVERIFY(r.hasWarning(warning));
    }
    void build_originNotLit_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<bool>("warns");
        QTest::newRow("Lit on litprotocol.com")
            << QStringLiteral("Lit Dashboard")
            << QStringLiteral("https://dashboard.litprotocol.com") << false;
        QTest::newRow("Lit on a look-alike")
            << QStringLiteral("Lit Dashboard")
            << QStringLiteral("https://litprotocol.com.evil.example") << true;
        QTest::newRow("Lit over http")
            << QStringLiteral("Lit Dashboard") << QStringLiteral("http://dashboard.litprotocol.com")
            << true;
        QTest::newRow("Lit elsewhere")
            << QStringLiteral("lit explorer") << QStringLiteral("https://example.com") << true;
        QTest::newRow("not claiming Lit")
            << QStringLiteral("My dapp") << QStringLiteral("https://example.com") << false;
        QTest::newRow("no origin") << QStringLiteral("Lit CLI") << QStringLiteral("") << false;
    }
    void build_originNotLit()
    {
        QFETCH(QString, name);
        QFETCH(QString, origin);
        QFETCH(bool, warns);
        const auto r =
            ChainSecuredReview::build(chainSecuredAuth(lit::ChainSecuredPurpose::BillingAuth, 8453),
                                      pairedWebSocketApp(name, origin));
        QCOMPARE(r.hasWarning(QStringLiteral("origin-not-lit")), warns);
    }
};

QTEST_GUILESS_MAIN(TestChainSecuredReview)
#include "tst_ChainSecuredReview.moc"
