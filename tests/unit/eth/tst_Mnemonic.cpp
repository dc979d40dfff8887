#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "eth/Mnemonic.h"

#include <QJsonArray>
#include <QTest>

#include <set>

using namespace quill;
using namespace quill::crypto;
using namespace quill::eth;
using namespace quill::test;

namespace {
std::string phraseOf(const Mnemonic &m)
{
    return std::string(reinterpret_cast<const char *>(m.phrase().data()), m.phrase().size());
}
const char *kAbandon =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
} // namespace

class TestMnemonic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // trezor/python-mnemonic vectors.json (the BIP-39 reference vectors), passphrase "TREZOR".
    void vectors_data()
    {
        QTest::addColumn<QString>("entropy");
        QTest::addColumn<QString>("mnemonic");
        QTest::addColumn<QString>("seed");
        const auto rows =
            readJsonObject(QStringLiteral("bip39/vectors.json"))[QStringLiteral("english")]
                .toArray();
        QCOMPARE(rows.size(), 24);
        int i = 0;
        for (const auto &r : rows) {
            const auto row = r.toArray();
            QTest::addRow("trezor_%d_%dw", i++, int(row[1].toString().count(QLatin1Char(' ')) + 1))
                << row[0].toString() << row[1].toString() << row[2].toString();
        }
    }
    void vectors()
    {
        QFETCH(QString, entropy);
        QFETCH(QString, mnemonic);
        QFETCH(QString, seed);
        // entropy → mnemonic
        auto fromEntropy =
            Mnemonic::fromEntropy(std::move(secretFromHex(entropy.toStdString())).value());
        QVERIFY(fromEntropy.ok());
        QCOMPARE(QString::fromStdString(phraseOf(*fromEntropy)), mnemonic);
        // mnemonic → seed
        auto parsed = Mnemonic::parse(mnemonic.toStdString());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : describe(parsed.error())));
        QCOMPARE(parsed->wordCount(), int(mnemonic.count(QLatin1Char(' ')) + 1));
        QCOMPARE(QString::fromStdString(phraseOf(*parsed)), mnemonic);
        QCOMPARE(QString::fromStdString(toHex(parsed->toSeed("TREZOR").span())), seed);
    }
    // Known seed without passphrase (BIP-39 reference implementation).
    void toSeed_emptyPassphrase()
    {
        auto m = Mnemonic::parse(kAbandon);
        QVERIFY(m.ok());
        QCOMPARE(toHex(m->toSeed().span()),
                 std::string("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                             "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4"));
    }
    // NFKD: compatibility forms of the passphrase give the same seed (BIP-39 "UTF-8 NFKD").
    void toSeed_passphraseIsNfkd()
    {
        auto m = Mnemonic::parse(kAbandon);
        QVERIFY(m.ok());
        // Fullwidth "ＴＲＥＺＯＲ" is "TREZOR" under NFKD; precomposed é (U+00E9) is e + U+0301.
        QVERIFY(
            m->toSeed("\xEF\xBC\xB4\xEF\xBC\xB2\xEF\xBC\xA5\xEF\xBC\xBA\xEF\xBC\xAF\xEF\xBC\xB2")
                .equals(m->toSeed("TREZOR").span()));
        QVERIFY(m->toSeed("caf\xC3\xA9").equals(m->toSeed("cafe\xCC\x81").span()));
        QVERIFY(!m->toSeed("TREZOR").equals(m->toSeed("trezor").span()));
    }
    void parse_normalises_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray canonical(kAbandon);
        QTest::newRow("upper case") << canonical.toUpper();
        QTest::newRow("surrounding and repeated whitespace")
            << QByteArray("  \tabandon  abandon\nabandon abandon abandon abandon abandon abandon "
                          "abandon abandon abandon\r\n about \n");
        // U+3000 IDEOGRAPHIC SPACE (Japanese input methods) and U+00A0 are spaces under NFKD.
        QTest::newRow("ideographic and no-break spaces")
            << QByteArray(kAbandon).replace(7, 1, "\xE3\x80\x80").replace(17, 1, "\xC2\xA0");
        // Fullwidth letters are ASCII under NFKD.
        QTest::newRow("fullwidth about") << QByteArray(kAbandon).replace(
            88, 5, "\xEF\xBD\x81\xEF\xBD\x82\xEF\xBD\x8F\xEF\xBD\x95\xEF\xBD\x94");
    }
    void parse_normalises()
    {
        QFETCH(QByteArray, input);
        auto m = Mnemonic::parse(input.toStdString());
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : describe(m.error())));
        QCOMPARE(phraseOf(*m), std::string(kAbandon));
        QCOMPARE(m->wordCount(), 12);
    }
    void parse_expfail_data()
    {
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<int>("code");
        const QString abandon = QStringLiteral("abandon ");
        QTest::newRow("expfail_bad_checksum")
            << abandon.repeated(11) + QStringLiteral("abandon") << int(ErrorCode::MnemonicChecksum);
        QTest::newRow("expfail_bad_checksum_24")
            << abandon.repeated(23) + QStringLiteral("about") << int(ErrorCode::MnemonicChecksum);
        QTest::newRow("expfail_swapped_words")
            << QStringLiteral(
                   "winner legal thank year wave sausage worth useful legal winner thank yellow")
            << int(ErrorCode::MnemonicChecksum);
        QTest::newRow("expfail_unknown_word")
            << abandon.repeated(10) + QStringLiteral("abandonn about")
            << int(ErrorCode::MnemonicUnknownWord);
        QTest::newRow("expfail_prefix_only")
            << abandon.repeated(11) + QStringLiteral("abou") << int(ErrorCode::MnemonicUnknownWord);
        QTest::newRow("expfail_non_english")
            << QString::fromUtf8("あいこくしん ").repeated(11) + QString::fromUtf8("あおぞら")
            << int(ErrorCode::MnemonicUnknownWord);
        QTest::newRow("expfail_wrong_word_count_11")
            << abandon.repeated(10) + QStringLiteral("about") << int(ErrorCode::MnemonicWordCount);
        QTest::newRow("expfail_wrong_word_count_13")
            << abandon.repeated(12) + QStringLiteral("about") << int(ErrorCode::MnemonicWordCount);
        QTest::newRow("expfail_wrong_word_count_25")
            << abandon.repeated(24) + QStringLiteral("art") << int(ErrorCode::MnemonicWordCount);
        QTest::newRow("expfail_empty") << QString() << int(ErrorCode::MnemonicWordCount);
        QTest::newRow("expfail_whitespace_only")
            << QStringLiteral(" \t\n ") << int(ErrorCode::MnemonicWordCount);
    }
    void parse_expfail()
    {
        QFETCH(QString, phrase);
        QFETCH(int, code);
        auto m = Mnemonic::parse(phrase.toStdString());
        QVERIFY(!m.ok());
        QCOMPARE(int(m.error().code), code);
    }
    void parse_unknownWordNamesWordAndPosition()
    {
        auto m = Mnemonic::parse("abandon abandon abandonn abandon Zebra abandon abandon abandon "
                                 "abandon abandon abandon about");
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::MnemonicUnknownWord);
        QVERIFY2(m.error().context.contains(QStringLiteral("word 3")),
                 qPrintable(m.error().context));
        QVERIFY(m.error().context.contains(QStringLiteral("\"abandonn\"")));
        QVERIFY(!m.error().context.contains(QStringLiteral("zebra")));
    }
    void generate_roundTrips_data()
    {
        QTest::addColumn<int>("words");
        QTest::newRow("12") << 12;
        QTest::newRow("24") << 24;
    }
    void generate_roundTrips()
    {
        QFETCH(int, words);
        std::set<std::string> seen;
        for (int i = 0; i < 8; ++i) {
            const Mnemonic m = Mnemonic::generate(words);
            QCOMPARE(m.wordCount(), words);
            auto back = Mnemonic::parse(phraseOf(m));
            QVERIFY(back.ok());
            QVERIFY(back->phrase().equals(m.phrase().span()));
            QVERIFY(seen.insert(phraseOf(m)).second);
        }
    }
    // The word check after creating a wallet (issue #11): by 1-based position, whitespace
    // and ASCII case ignored, nothing else accepted.
    void hasWordAt_matchesOnlyThatWord()
    {
        auto m = Mnemonic::parse("legal winner thank year wave sausage worth useful legal winner "
                                 "thank yellow");
        QVERIFY(m.ok());
        QVERIFY(m->hasWordAt(1, "legal"));
        QVERIFY(m->hasWordAt(6, " Sausage\n"));
        QVERIFY(m->hasWordAt(12, "yellow"));
        QVERIFY(!m->hasWordAt(12, "yello"));
        QVERIFY(!m->hasWordAt(12, "yellows"));
        QVERIFY(!m->hasWordAt(11, "yellow"));
        QVERIFY(!m->hasWordAt(2, ""));
        QVERIFY(!m->hasWordAt(2, "winner thank"));
    }
    void fromEntropy_rejectsBadSizes()
    {
        for (std::size_t n : {0, 8, 15, 17, 33, 64})
            QCOMPARE(Mnemonic::fromEntropy(SecureBytes(n)).error().code,
                     ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestMnemonic)
#include "tst_Mnemonic.moc"
