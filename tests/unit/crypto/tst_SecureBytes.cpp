#include "crypto/Random.h"
#include "crypto/SecureBytes.h"

#include <QDebug>
#include <QTest>

using namespace quill::crypto;

class TestSecureBytes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void debug_printsRedacted()
    {
        SecureBytes s(std::vector<std::uint8_t>{0xde, 0xad, 0xbe, 0xef});
        QString text;
        QDebug(&text) << s;
        QCOMPARE(text.trimmed(), QStringLiteral("<redacted 4 bytes>"));
        QVERIFY(!text.contains(QStringLiteral("de")));
    }
    void move_leavesSourceEmpty()
    {
        SecureBytes a = randomBytes(32);
        const auto *p = a.data();
        SecureBytes b = std::move(a);
        QCOMPARE(b.data(), p);
        QVERIFY(a.empty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
        QCOMPARE(a.data(), nullptr);
    }
    void equals_isByValue()
    {
        SecureBytes a(std::vector<std::uint8_t>{1, 2, 3});
        QVERIFY(a.equals(std::vector<std::uint8_t>{1, 2, 3}));
        QVERIFY(!a.equals(std::vector<std::uint8_t>{1, 2, 4}));
        QVERIFY(!a.equals(std::vector<std::uint8_t>{1, 2}));
        QVERIFY(a.clone().equals(a.span()));
    }
    void clear_wipesAndReleases()
    {
        SecureBytes a = randomBytes(16);
        a.clear();
        QVERIFY(a.empty());
    }
    void randomBytes_differ()
    {
        QVERIFY(!randomBytes(32).equals(randomBytes(32).span()));
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_SecureBytes.moc"
