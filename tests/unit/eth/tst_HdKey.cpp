#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Mnemonic.h"

#include <QJsonArray>
#include <QTest>

using namespace quill;
using namespace quill::crypto;
using namespace quill::eth;
using namespace quill::test;

namespace {
const char *kAbandon =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

std::string addressOf(const HdKey &key)
{
    return Address::fromPublicKey(*secp256k1::publicKey(key.privateKey())).toChecksummed();
}
} // namespace

class TestHdKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // BIP-32 test vectors 1 and 2: every chain's xprv.
    void bip32Vectors_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("xprv");
        const auto vectors =
            readJsonObject(QStringLiteral("bip32/vectors.json"))[QStringLiteral("vectors")]
                .toArray();
        QCOMPARE(vectors.size(), 2);
        int v = 1;
        for (const auto &vector : vectors) {
            const auto o = vector.toObject();
            for (const auto &chain : o[QStringLiteral("chains")].toArray()) {
                const auto c = chain.toArray();
                QTest::addRow("vector%d %s", v, qPrintable(c[0].toString()))
                    << o[QStringLiteral("seed")].toString() << c[0].toString() << c[1].toString();
            }
            ++v;
        }
    }
    void bip32Vectors()
    {
        QFETCH(QString, seed);
        QFETCH(QString, path);
        QFETCH(QString, xprv);
        auto master = HdKey::fromSeed(std::move(secretFromHex(seed.toStdString())).value());
        QVERIFY(master.ok());
        auto key = master->derive(path.toStdString());
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : describe(key.error())));
        QCOMPARE(QString::fromStdString(key->toXprv()), xprv);
        // Same key with ' instead of H, and step by step through relative paths.
        auto primed = master->derive(
            QString(path).replace(QLatin1Char('H'), QLatin1Char('\'')).toStdString());
        QVERIFY(primed.ok());
        QVERIFY(primed->privateKey().equals(key->privateKey().span()));
        auto walk = master->derive("m");
        QVERIFY(walk.ok());
        for (const auto &step : path.split(QLatin1Char('/')).mid(1)) {
            auto next = walk->derive(step.toStdString());
            QVERIFY(next.ok());
            walk = std::move(next);
        }
        QCOMPARE(QString::fromStdString(walk->toXprv()), xprv);
    }
    // BIP-39 reference vectors, last column: the root xprv of each "TREZOR" seed.
    void bip39SeedToXprv_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("xprv");
        const auto rows =
            readJsonObject(QStringLiteral("bip39/vectors.json"))[QStringLiteral("english")]
                .toArray();
        int i = 0;
        for (const auto &r : rows) {
            const auto row = r.toArray();
            QTest::addRow("trezor_%d", i++) << row[2].toString() << row[3].toString();
        }
    }
    void bip39SeedToXprv()
    {
        QFETCH(QString, seed);
        QFETCH(QString, xprv);
        auto master = HdKey::fromSeed(std::move(secretFromHex(seed.toStdString())).value());
        QVERIFY(master.ok());
        QCOMPARE(QString::fromStdString(master->toXprv()), xprv);
    }
    // ethers 6.17.0 HDNodeWallet.fromPhrase(phrase, "", path) for the first three accounts.
    void ethereumAccounts_matchEthers_data()
    {
        QTest::addColumn<uint>("index");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("key");
        QTest::newRow("0")
            << 0u << QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
            << QStringLiteral("1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727");
        QTest::newRow("1")
            << 1u << QStringLiteral("0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0")
            << QStringLiteral("9a983cb3d832fbde5ab49d692b7a8bf5b5d232479c99333d0fc8e1d21f1b55b6");
        QTest::newRow("2")
            << 2u << QStringLiteral("0xb6716976A3ebe8D39aCEB04372f22Ff8e6802D7A")
            << QStringLiteral("5b824bd1104617939cd07c117ddc4301eb5beeca0904f964158963d69ab9d831");
    }
    void ethereumAccounts_matchEthers()
    {
        QFETCH(uint, index);
        QFETCH(QString, address);
        QFETCH(QString, key);
        auto m = Mnemonic::parse(kAbandon);
        QVERIFY(m.ok());
        auto master = HdKey::fromSeed(m->toSeed());
        QVERIFY(master.ok());
        auto account = master->derive(HdKey::ethereumPath(index));
        QVERIFY(account.ok());
        QCOMPARE(account->depth(), 5);
        QCOMPARE(QString::fromStdString(toHex(account->privateKey().span())), key);
        QCOMPARE(QString::fromStdString(addressOf(*account)), address);
    }
    void ethereumPath_format()
    {
        QCOMPARE(HdKey::ethereumPath(0), std::string("m/44'/60'/0'/0/0"));
        QCOMPARE(HdKey::ethereumPath(2147483647u), std::string("m/44'/60'/0'/0/2147483647"));
    }
    void derive_expfail_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *p : {"",
                              "m/",
                              "m//0",
                              "/0",
                              "m/0/",
                              "m0",
                              "n/0",
                              "M/0",
                              "m/0x1",
                              "m/-1",
                              "m/+1",
                              "m/01",
                              "m/2147483648",
                              "m/2147483648'",
                              "m/99999999999",
                              "m/0''",
                              "m/'",
                              "m/h",
                              "m/1 ",
                              "m/ 1",
                              "m/1/m",
                              "0'/m"})
            QTest::newRow(p[0] ? p : "(empty)") << QString::fromLatin1(p);
    }
    void derive_expfail()
    {
        QFETCH(QString, path);
        auto master =
            HdKey::fromSeed(std::move(secretFromHex("000102030405060708090a0b0c0d0e0f")).value());
        QVERIFY(master.ok());
        auto key = master->derive(path.toStdString());
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidDerivationPath);
    }
    void derive_absolutePathFromChildRejected()
    {
        auto master =
            HdKey::fromSeed(std::move(secretFromHex("000102030405060708090a0b0c0d0e0f")).value());
        auto child = master->derive("m/0'");
        QVERIFY(child.ok());
        QCOMPARE(child->derive("m/1").error().code, ErrorCode::InvalidDerivationPath);
        QVERIFY(child->derive("1").ok());
        QVERIFY(child->derive("2147483647h").ok());
    }
    void derive_depthLimit()
    {
        auto master =
            HdKey::fromSeed(std::move(secretFromHex("000102030405060708090a0b0c0d0e0f")).value());
        std::string deep = "m";
        for (int i = 0; i < 256; ++i)
            deep += "/0";
        QCOMPARE(master->derive(deep).error().code, ErrorCode::InvalidDerivationPath);
    }
    void fromSeed_rejectsBadLengths()
    {
        QCOMPARE(HdKey::fromSeed(SecureBytes(15)).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(HdKey::fromSeed(SecureBytes(65)).error().code, ErrorCode::InvalidArgument);
        QVERIFY(HdKey::fromSeed(SecureBytes(16)).ok());
        QVERIFY(HdKey::fromSeed(SecureBytes(64)).ok());
    }
    void move_leavesSourceEmpty()
    {
        auto master =
            HdKey::fromSeed(std::move(secretFromHex("000102030405060708090a0b0c0d0e0f")).value());
        HdKey a = std::move(master).value();
        HdKey b = std::move(a);
        QVERIFY(a.privateKey().empty()); // NOLINT(bugprone-use-after-move): checking the wipe
        QVERIFY(
            std::all_of(a.chainCode().begin(), a.chainCode().end(), [](auto c) { return c == 0; }));
        QCOMPARE(b.privateKey().size(), std::size_t(32));
    }
};

QTEST_GUILESS_MAIN(TestHdKey)
#include "tst_HdKey.moc"
