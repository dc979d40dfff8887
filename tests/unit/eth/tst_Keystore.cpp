#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/Keystore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace quill;
using namespace quill::crypto;
using namespace quill::eth;
using namespace quill::test;

namespace {
SecureBytes bytes(std::string_view s)
{
    return SecureBytes(asBytes(s));
}
SecureBytes key(const char *hex)
{
    return std::move(secretFromHex(hex, true)).value();
}
std::string addressOf(const SecureBytes &k)
{
    return Address::fromPublicKey(*secp256k1::publicKey(k)).toChecksummed();
}
const char *kKeyA = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const char *kAddressA = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
const ScryptParams kLight{1024, 8, 1};
} // namespace

class TestKeystore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The Web3 Secret Storage definition's own vectors (pbkdf2 c = 2^18; scrypt n = 2^18,
    // r = 1, p = 8 — which OpenSSL 3.0's scrypt and ethers 6 both refuse).
    void specVectors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kdf");
        QTest::newRow("spec pbkdf2")
            << QStringLiteral("keystore/spec_pbkdf2.json") << QStringLiteral("pbkdf2");
        QTest::newRow("spec scrypt")
            << QStringLiteral("keystore/spec_scrypt.json") << QStringLiteral("scrypt");
    }
    void specVectors()
    {
        QFETCH(QString, file);
        QFETCH(QString, kdf);
        const auto json = readData(file).toStdString();
        auto info = keystore::inspect(json);
        QVERIFY(info.ok());
        QCOMPARE(QString::fromStdString(info->kdf), kdf);
        QVERIFY(!info->address);
        auto k = keystore::decrypt(json, bytes("testpassword"));
        QVERIFY2(k.ok(), qPrintable(k.ok() ? QString() : describe(k.error())));
        QCOMPARE(toHex(k->span()),
                 std::string("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"));
        QCOMPARE(addressOf(*k), std::string("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b"));
        QCOMPARE(keystore::decrypt(json, bytes("testpassworD")).error().code,
                 ErrorCode::KeystoreWrongPassword);
    }
    // Files written by ethers 5.7.2 and 6.17.0 (tests/interop/gen-keystores.mjs), incl. ethers'
    // default cost, n = 2^18, an HD wallet with "x-ethers", and a non-ASCII password.
    void ethersFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("passwordHex");
        QTest::addColumn<QString>("privateKey");
        QTest::addColumn<QString>("address");
        const auto manifest = readJsonObject(QStringLiteral("keystore/manifest.json"));
        QVERIFY(manifest.size() >= 7);
        for (auto it = manifest.begin(); it != manifest.end(); ++it) {
            const auto o = it.value().toObject();
            QTest::newRow(qPrintable(it.key())) << QStringLiteral("keystore/") + it.key()
                                                << o[QStringLiteral("passwordHex")].toString()
                                                << o[QStringLiteral("privateKey")].toString()
                                                << o[QStringLiteral("address")].toString();
        }
        QTest::newRow("valid_crafted_pbkdf2.json")
            << QStringLiteral("keystore/valid_crafted_pbkdf2.json")
            << QStringLiteral("7465737470617373776f7264") << QString::fromLatin1(kKeyA)
            << QString::fromLatin1(kAddressA);
    }
    void ethersFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, passwordHex);
        QFETCH(QString, privateKey);
        QFETCH(QString, address);
        const auto json = readData(file).toStdString();
        auto info = keystore::inspect(json);
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : describe(info.error())));
        QVERIFY(info->address);
        QCOMPARE(QString::fromStdString(info->address->toChecksummed()), address);
        auto k =
            keystore::decrypt(json, std::move(secretFromHex(passwordHex.toStdString())).value());
        QVERIFY2(k.ok(), qPrintable(k.ok() ? QString() : describe(k.error())));
        QCOMPARE(QString::fromStdString(toHex(k->span())), privateKey);
        QCOMPARE(QString::fromStdString(addressOf(*k)), address);
    }
    // ethers NFKC-normalises string passwords before scrypt; users may type another form.
    // Quill retries with NFKC only after a MAC mismatch with a non-ASCII password.
    void decrypt_nonAsciiPasswordNfkc()
    {
        const auto json =
            readData(QStringLiteral("keystore/valid_ethers6_light_nfkc.json")).toStdString();
        auto typed = keystore::decrypt(
            json, bytes("p\xC3\xA4ssw\xC3\xB6rd \xEF\xAC\x81")); // pässwörd ﬁ (NFC)
        QVERIFY(typed.ok());
        auto nfkc = keystore::decrypt(json, bytes("p\xC3\xA4ssw\xC3\xB6rd fi"));
        QVERIFY(nfkc.ok());
        auto decomposed = keystore::decrypt(json, bytes("pa\xCC\x88sswo\xCC\x88rd fi"));
        QVERIFY(decomposed.ok());
        QVERIFY(typed->equals(nfkc->span()));
        QVERIFY(typed->equals(decomposed->span()));
        QCOMPARE(keystore::decrypt(json, bytes("p\xC3\xA4sswort fi")).error().code,
                 ErrorCode::KeystoreWrongPassword);
    }
    void decrypt_expfail_data() { addExpfailRows(QStringLiteral("keystore")); }
    void decrypt_expfail()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        const auto json = readData(file).toStdString();
        auto k = keystore::decrypt(json, bytes("testpassword"));
        QVERIFY2(!k.ok(), "decrypted a file that must be rejected");
        QCOMPARE(int(k.error().code), code);
        QVERIFY(!k.error().context.isEmpty());
        // inspect() reports the same error for whatever needs no password.
        const auto c = ErrorCode(code);
        if (c == ErrorCode::KeystoreFormat || c == ErrorCode::KeystoreUnsupported)
            QCOMPARE(int(keystore::inspect(json).error().code), code);
    }
    void decrypt_errorsNameTheField()
    {
        auto unknown = keystore::decrypt(
            readData(QStringLiteral("keystore/expfail_unknown_kdf.json")).toStdString(),
            bytes("testpassword"));
        QVERIFY(unknown.error().context.contains(QStringLiteral("argon2id")));
        auto cipher = keystore::decrypt(
            readData(QStringLiteral("keystore/expfail_unknown_cipher.json")).toStdString(),
            bytes("testpassword"));
        QVERIFY(cipher.error().context.contains(QStringLiteral("aes-256-gcm")));
        auto costly = keystore::decrypt(
            readData(QStringLiteral("keystore/expfail_scrypt_n_too_large.json")).toStdString(),
            bytes("testpassword"));
        QVERIFY(costly.error().context.contains(QStringLiteral("limits")));
        auto truncated = keystore::decrypt(
            readData(QStringLiteral("keystore/expfail_truncated_ciphertext.json")).toStdString(),
            bytes("testpassword"));
        QVERIFY(truncated.error().context.contains(QStringLiteral("crypto.ciphertext")));
    }
    void decrypt_acceptsBothCryptoSpellings()
    {
        auto doc = nlohmann::json::parse(
            readData(QStringLiteral("keystore/valid_crafted_pbkdf2.json")).toStdString());
        doc["Crypto"] = doc["crypto"];
        doc.erase("crypto");
        QVERIFY(keystore::decrypt(doc.dump(), bytes("testpassword")).ok());
        doc["crypto"] = doc["Crypto"];
        QCOMPARE(keystore::decrypt(doc.dump(), bytes("testpassword")).error().code,
                 ErrorCode::KeystoreFormat);
        doc.erase("Crypto");
        doc.erase("address"); // optional
        doc["crypto"]["ciphertext"] =
            "0x" + doc["crypto"]["ciphertext"].get<std::string>(); // 0x allowed
        QVERIFY(keystore::decrypt(doc.dump(), bytes("testpassword")).ok());
    }
    void encrypt_roundTrip()
    {
        const SecureBytes k = key(kKeyA);
        auto json = keystore::encrypt(k, bytes("testpassword"), kLight);
        QVERIFY(json.ok());
        const auto doc = nlohmann::json::parse(*json);
        QCOMPARE(doc["version"].get<int>(), 3);
        QCOMPARE(doc["address"].get<std::string>(),
                 std::string("2c7536e3605d9c16a7a3d7b1898e529396a65c23"));
        QVERIFY(QRegularExpression(
                    QStringLiteral(
                        "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(QString::fromStdString(doc["id"].get<std::string>()))
                    .hasMatch());
        QCOMPARE(doc["crypto"]["kdf"].get<std::string>(), std::string("scrypt"));
        QCOMPARE(doc["crypto"]["kdfparams"]["n"].get<int>(), 1024);
        QCOMPARE(doc["crypto"]["kdfparams"]["salt"].get<std::string>().size(), std::size_t(64));
        auto back = keystore::decrypt(*json, bytes("testpassword"));
        QVERIFY(back.ok());
        QVERIFY(back->equals(k.span()));
        QCOMPARE(keystore::decrypt(*json, bytes("testpasswort")).error().code,
                 ErrorCode::KeystoreWrongPassword);
        // Fresh salt, IV and id every time.
        auto again = keystore::encrypt(k, bytes("testpassword"), kLight);
        const auto doc2 = nlohmann::json::parse(*again);
        QVERIFY(doc2["id"] != doc["id"]);
        QVERIFY(doc2["crypto"]["kdfparams"]["salt"] != doc["crypto"]["kdfparams"]["salt"]);
        QVERIFY(doc2["crypto"]["cipherparams"]["iv"] != doc["crypto"]["cipherparams"]["iv"]);
        QVERIFY(json->find("4c0883a6") == std::string::npos);
    }
    void encrypt_defaultParams()
    {
        auto json = keystore::encrypt(key(kKeyA), bytes("testpassword"));
        QVERIFY(json.ok());
        auto info = keystore::inspect(*json);
        QCOMPARE(info->scrypt.n, std::uint64_t(1) << 18);
        QCOMPARE(info->scrypt.r, 8u);
        QCOMPARE(info->scrypt.p, 1u);
    }
    void encrypt_rejects()
    {
        QCOMPARE(keystore::encrypt(SecureBytes(32), bytes("pw"), kLight).error().code,
                 ErrorCode::InvalidPrivateKey);
        QCOMPARE(keystore::encrypt(key(kKeyA), bytes("pw"), {1000, 8, 1}).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(keystore::encrypt(key(kKeyA), bytes("pw"), {1u << 21, 8, 1}).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(keystore::encrypt(key(kKeyA), bytes("pw"), {1024, 0, 1}).error().code,
                 ErrorCode::InvalidArgument);
    }
    // Quill's file read back by ethers 5 and 6 (tests/interop/check-keystore.mjs). Skipped
    // without node or without tests/interop/node_modules (npm ci there).
    void encrypt_ethersReadsIt()
    {
        const QString interop =
            QFileInfo(dataPath(QStringLiteral("../interop"))).canonicalFilePath();
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QDir(interop + QStringLiteral("/node_modules/ethers6")).exists())
            QSKIP("node or tests/interop/node_modules missing (cd tests/interop && npm ci)");
        const std::string password = "p\xC3\xA4ss word"; // non-ASCII: passed to ethers as bytes
        auto json = keystore::encrypt(key(kKeyA), bytes(password), kLight);
        QVERIFY(json.ok());
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("quill.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json->data(), qint64(json->size()));
        f.close();
        QProcess p;
        p.start(node,
                {interop + QStringLiteral("/check-keystore.mjs"), f.fileName(),
                 QString::fromStdString(toHex(asBytes(password))), QString::fromLatin1(kAddressA)});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(
            p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
            qPrintable(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(TestKeystore)
#include "tst_Keystore.moc"
