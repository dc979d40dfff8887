// Runs against a real Secret Service (gnome-keyring in a private D-Bus session started by
// tests/keychain/with-keyring.sh). With QUILL_EXPECT_NO_KEYCHAIN=1 (no session bus) it
// checks the "no keychain" path instead.

#include "../../AsyncWait.h"

#include "vault/KeychainStore.h"

#include <QProcess>
#include <QTest>

using namespace quill;
using namespace quill::vault;
using namespace quill::test;

namespace {
crypto::SecureBytes bytes(std::initializer_list<std::uint8_t> list)
{
    return crypto::SecureBytes(std::span<const std::uint8_t>(list.begin(), list.size()));
}
bool expectNoKeychain() { return qEnvironmentVariableIntValue("QUILL_EXPECT_NO_KEYCHAIN") == 1; }
}

class TestKeychainStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void probe_reportsAvailability()
    {
        KeychainStore store(QStringLiteral("quill-test"));
        auto st = await<Status>([&](auto cb) { store.probe(cb); });
        QVERIFY(st);
        if (expectNoKeychain()) {
            QVERIFY(!st->ok());
            QCOMPARE(st->error().code, ErrorCode::KeychainUnavailable);
        } else {
            QVERIFY2(st->ok(), qPrintable(st->ok() ? QString() : describe(st->error())));
        }
    }
    void writeReadRemove_roundTripsBinary()
    {
        KeychainStore store(QStringLiteral("quill-test"));
        auto written = await<Status>([&](auto cb) { store.write(QStringLiteral("k1"), bytes({0x00, 0xff, 0x00, 0x7f}), cb); });
        QVERIFY(written);
        if (expectNoKeychain()) {
            QCOMPARE(written->error().code, ErrorCode::KeychainUnavailable);
            return;
        }
        QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : describe(written->error())));
        auto read = await<Result<crypto::SecureBytes>>([&](auto cb) { store.read(QStringLiteral("k1"), cb); });
        QVERIFY(read && read->ok());
        QVERIFY((*read)->equals(bytes({0x00, 0xff, 0x00, 0x7f}).span()));
        // The item is in the Secret Service (schema org.qt.keychain), not in a file.
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("server"), QStringLiteral("quill-test")});
        if (tool.waitForFinished(10000) && tool.exitCode() == 0)
            QVERIFY(QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError()).contains(QStringLiteral("k1")));
        auto removed = await<Status>([&](auto cb) { store.remove(QStringLiteral("k1"), cb); });
        QVERIFY(removed && removed->ok());
        auto missing = await<Result<crypto::SecureBytes>>([&](auto cb) { store.read(QStringLiteral("k1"), cb); });
        QCOMPARE(missing->error().code, ErrorCode::SecretNotFound);
        // Removal is idempotent (retried after a crash).
        auto removedAgain = await<Status>([&](auto cb) { store.remove(QStringLiteral("k1"), cb); });
        QVERIFY(removedAgain->ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_KeychainStore.moc"
