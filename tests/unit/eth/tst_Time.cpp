#include "common/Time.h"

#include <QTest>

using namespace quill;

class TestTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_rfc3339Forms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("millis");
        QTest::newRow("js iso") << QStringLiteral("2025-01-15T12:00:00.000Z") << qint64(1736942400000);
        QTest::newRow("no fraction") << QStringLiteral("2025-01-15T12:00:00Z") << qint64(1736942400000);
        QTest::newRow("offset") << QStringLiteral("2025-01-15T13:30:00.5+01:30") << qint64(1736942400500);
        QTest::newRow("micro truncated") << QStringLiteral("2025-01-15T12:00:00.123456Z") << qint64(1736942400123);
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00.000Z") << qint64(0);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00Z") << qint64(1709164800000);
    }
    void parse_rfc3339Forms()
    {
        QFETCH(QString, text);
        QFETCH(qint64, millis);
        auto t = parseRfc3339(text.toStdString());
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().context));
        QCOMPARE(*t, millis);
    }
    void parse_rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("expfail_no_offset") << QStringLiteral("2025-01-15T12:00:00");
        QTest::newRow("expfail_space_separator") << QStringLiteral("2025-01-15 12:00:00Z");
        QTest::newRow("expfail_bad_date") << QStringLiteral("2025-02-30T12:00:00Z");
        QTest::newRow("expfail_hour_24") << QStringLiteral("2025-01-15T24:00:00Z");
        QTest::newRow("expfail_trailing") << QStringLiteral("2025-01-15T12:00:00Zjunk");
        QTest::newRow("expfail_empty_fraction") << QStringLiteral("2025-01-15T12:00:00.Z");
        QTest::newRow("expfail_short") << QStringLiteral("2025-01-15");
        QTest::newRow("expfail_empty") << QString();
    }
    void parse_rejects()
    {
        QFETCH(QString, text);
        auto t = parseRfc3339(text.toStdString());
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::InvalidTime);
    }
    void format_isJavaScriptIso()
    {
        QCOMPARE(formatIso(1736942400000), std::string("2025-01-15T12:00:00.000Z"));
        QCOMPARE(formatIso(1736942400000 + kDay + 7), std::string("2025-01-16T12:00:00.007Z"));
        QCOMPARE(formatIso(-1), std::string("1969-12-31T23:59:59.999Z"));
    }
};

QTEST_GUILESS_MAIN(TestTime)
#include "tst_Time.moc"
