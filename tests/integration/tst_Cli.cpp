// Drives the real quill-cli binary: its flags, outputs and exit codes are a contract
// other tools rely on.

#include "../TestData.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace quill::test;

namespace {

struct Run
{
    int code;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(QUILL_CLI_PATH), args);
    if (!p.waitForFinished(30000))
        qFatal("quill-cli hung: %s", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &content) const
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Public test key and RFC 8032 seed of the spec's vectors.
        write(QStringLiteral("key.hex"), "  0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n");
        write(QStringLiteral("seed.hex"), "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        write(QStringLiteral("zero.hex"), QByteArray(64, '0'));
        write(QStringLiteral("garbage.json"), "{not json");
    }
    void issue_vectorA_isByteIdentical()
    {
        const auto r = cli({QStringLiteral("issue"), QStringLiteral("--request"), dataPath(QStringLiteral("requests/valid_vector_a.json")),
                            QStringLiteral("--key-file"), path(QStringLiteral("key.hex")), QStringLiteral("--session-seed-file"),
                            path(QStringLiteral("seed.hex")), QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00.000Z")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        const auto expected = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"))[QStringLiteral("sessionSigs")].toObject();
        QCOMPARE(QJsonDocument::fromJson(r.out).object(), expected);
        QVERIFY(r.out.startsWith("{\"https://127.0.0.1:7470\":{\"sig\":\""));
        write(QStringLiteral("sigsA.json"), r.out);
    }
    void issue_withoutSeed_isFreshAndVerifies()
    {
        const QStringList args = {QStringLiteral("issue"), QStringLiteral("--request"), dataPath(QStringLiteral("requests/valid_minimal.json")),
                                  QStringLiteral("--key-file"), path(QStringLiteral("key.hex"))};
        const auto a = cli(args);
        const auto b = cli(args);
        QCOMPARE(a.code, 0);
        QVERIFY(a.out != b.out);
        write(QStringLiteral("fresh.json"), a.out);
        const auto v = cli({QStringLiteral("verify"), path(QStringLiteral("fresh.json"))});
        QVERIFY2(v.code == 0, v.out.constData());
    }
    void verify_exitCodes()
    {
        const auto ok = cli({QStringLiteral("verify"), path(QStringLiteral("sigsA.json")), QStringLiteral("--now"),
                             QStringLiteral("2025-01-15T12:00:00.000Z"), QStringLiteral("--address"),
                             QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")});
        QCOMPARE(ok.code, 0);
        QVERIFY(ok.out.startsWith("{\"ok\":true,\"checks\":["));
        const auto late = cli({QStringLiteral("verify"), path(QStringLiteral("sigsA.json")), QStringLiteral("--now"),
                               QStringLiteral("2025-03-01T00:00:00Z")});
        QCOMPARE(late.code, 1);
        QVERIFY(late.out.startsWith("{\"ok\":false"));
        const auto bad = cli({QStringLiteral("verify"), path(QStringLiteral("garbage.json"))});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.out.isEmpty());
    }
    void siwe_and_authSig_matchVector()
    {
        const auto v = readJsonObject(QStringLiteral("vectors/v7-A-acc-decryption-defaults.json"));
        const auto s = cli({QStringLiteral("siwe"), QStringLiteral("--request"), dataPath(QStringLiteral("requests/valid_vector_a.json")),
                            QStringLiteral("--address"), QStringLiteral("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23"),
                            QStringLiteral("--session-public-key"), QStringLiteral("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
                            QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00.000Z")});
        QCOMPARE(s.code, 0);
        QCOMPARE(QString::fromUtf8(s.out), v[QStringLiteral("siwe")].toObject()[QStringLiteral("message")].toString() + QLatin1Char('\n'));
        const auto a = cli({QStringLiteral("auth-sig"), QStringLiteral("--request"), dataPath(QStringLiteral("requests/valid_vector_a.json")),
                            QStringLiteral("--session-public-key"), QStringLiteral("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
                            QStringLiteral("--key-file"), path(QStringLiteral("key.hex")), QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00.000Z")});
        QCOMPARE(a.code, 0);
        QCOMPARE(QJsonDocument::fromJson(a.out).object(), v[QStringLiteral("authSig")].toObject());
    }
    // The spec's ethers 6 vector (lit-chipotle-chainsecured.md), issue #15.
    void chainsecured_vectorAndExitCodes()
    {
        write(QStringLiteral("cs-key.hex"), "0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f\n");
        const QString issued = QStringLiteral("2026-05-28T20:26:40Z"); // 1780000000
        const auto s = cli({QStringLiteral("chainsecured"), QStringLiteral("sign"), QStringLiteral("--purpose"),
                            QStringLiteral("create-wallet"), QStringLiteral("--chain-id"), QStringLiteral("84532"),
                            QStringLiteral("--key-file"), path(QStringLiteral("cs-key.hex")), QStringLiteral("--now"), issued});
        QCOMPARE(s.code, 0);
        QVERIFY(s.out.endsWith(",\"signature\":\"0xc9a7862574d1865fd40ebae33b4852b584c52c1cedee5d731f0d3f6e6fb1caa256c"
                               "790d550b4d9c55f88ed1d9386205b74668e4380c72ad136f9cd1d66e585f01b\"}\n"));
        QVERIFY(s.out.contains("\"message\":{\"address\":\"0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377\",\"issuedAt\":\"1780000000\"}"));
        write(QStringLiteral("cs.json"), s.out);
        auto verify = [&](const QString &file, const QString &chain, const QString &now) {
            return cli({QStringLiteral("chainsecured"), QStringLiteral("verify"), path(file), QStringLiteral("--chain-id"), chain,
                        QStringLiteral("--now"), now});
        };
        const auto ok = verify(QStringLiteral("cs.json"), QStringLiteral("84532"), QStringLiteral("2026-05-28T20:31:40Z"));
        QCOMPARE(ok.code, 0);
        QVERIFY(ok.out.startsWith("{\"ok\":true,\"purpose\":\"CreateWallet\""));
        QCOMPARE(verify(QStringLiteral("cs.json"), QStringLiteral("84532"), QStringLiteral("2026-05-28T20:31:41Z")).code, 1);
        QCOMPARE(verify(QStringLiteral("cs.json"), QStringLiteral("8453"), issued).code, 1);
        QCOMPARE(verify(QStringLiteral("garbage.json"), QStringLiteral("8453"), issued).code, 2);
        const auto h = cli({QStringLiteral("chainsecured"), QStringLiteral("sign"), QStringLiteral("--purpose"),
                            QStringLiteral("billing-auth"), QStringLiteral("--chain-id"), QStringLiteral("8453"),
                            QStringLiteral("--key-file"), path(QStringLiteral("cs-key.hex")), QStringLiteral("--header")});
        QCOMPARE(h.code, 0);
        QVERIFY(QByteArray::fromBase64(h.out.trimmed()).startsWith("{\"typed_data\":{"));
        write(QStringLiteral("cs-header.txt"), h.out);
        QCOMPARE(cli({QStringLiteral("chainsecured"), QStringLiteral("verify"), path(QStringLiteral("cs-header.txt")),
                      QStringLiteral("--chain-id"), QStringLiteral("8453")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("chainsecured"), QStringLiteral("sign"), QStringLiteral("--purpose"),
                      QStringLiteral("CreateWallet"), QStringLiteral("--chain-id"), QStringLiteral("8453"),
                      QStringLiteral("--key-file"), path(QStringLiteral("cs-key.hex"))})
                     .code,
                 2);
    }
    void address_printsChecksummed()
    {
        const auto r = cli({QStringLiteral("address"), QStringLiteral("--key-file"), path(QStringLiteral("key.hex"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\n"));
    }
    void keystore_andMnemonicSources()
    {
        write(QStringLiteral("pw.txt"), "testpassword\n");
        write(QStringLiteral("badpw.txt"), "nope");
        const auto ok = cli({QStringLiteral("address"), QStringLiteral("--keystore"), dataPath(QStringLiteral("keystore/spec_pbkdf2.json")),
                             QStringLiteral("--password-file"), path(QStringLiteral("pw.txt"))});
        QCOMPARE(ok.code, 0);
        QCOMPARE(ok.out, QByteArray("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b\n"));
        const auto bad = cli({QStringLiteral("address"), QStringLiteral("--keystore"), dataPath(QStringLiteral("keystore/spec_pbkdf2.json")),
                              QStringLiteral("--password-file"), path(QStringLiteral("badpw.txt"))});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("wrong keystore password"));
        QCOMPARE(bad.err.count('\n'), 1);
        const auto both = cli({QStringLiteral("address"), QStringLiteral("--key-file"), path(QStringLiteral("key.hex")), QStringLiteral("--keystore"),
                               dataPath(QStringLiteral("keystore/spec_pbkdf2.json"))});
        QCOMPARE(both.code, 2);
        write(QStringLiteral("phrase.txt"), "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n");
        const auto derived = cli({QStringLiteral("wallet"), QStringLiteral("derive"), QStringLiteral("--mnemonic-file"), path(QStringLiteral("phrase.txt")),
                                  QStringLiteral("--count"), QStringLiteral("1")});
        QCOMPARE(derived.code, 0);
        QCOMPARE(derived.out, QByteArray("0\tm/44'/60'/0'/0/0\t0x9858EfFD232B4033E47d90003D41EC34EcaEda94\n"));
        write(QStringLiteral("typo.txt"), "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abuot\n");
        const auto typo = cli({QStringLiteral("wallet"), QStringLiteral("derive"), QStringLiteral("--mnemonic-file"), path(QStringLiteral("typo.txt"))});
        QCOMPARE(typo.code, 2);
        QVERIFY(typo.err.contains("12"));
    }
    void review_printsRowsAndWarnings()
    {
        const auto r = cli({QStringLiteral("review"), dataPath(QStringLiteral("requests/valid_vector_a.json")), QStringLiteral("--origin"),
                            QStringLiteral("https://evil.example"), QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00Z")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("Decrypt data protected by access-control condition 53b0"));
        QVERIFY(r.out.contains("DANGER (domain-mismatch)"));
        QVERIFY(r.out.contains("URI: lit:session:"));
        const auto delegated =
            cli({QStringLiteral("review"),
                 dataPath(QStringLiteral("requests/valid_capability_delegation.json")),
                 QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00Z")});
        QCOMPARE(delegated.code, 0);
        QVERIFY2(
            delegated.out.contains("signed by 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 "
                                   "(signature verified), valid until 2035-01-15T12:00:00.000Z:\n"
                                   "      Use capacity credit NFT #12345"),
            delegated.out.constData());
        const auto bad = cli({QStringLiteral("review"), dataPath(QStringLiteral("requests/expfail_unknown_ability.json"))});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("ability"));
    }
    // Every unusable flag, file or field: exit 2, one line on stderr naming it, no stdout.
    void unusableInput_oneLineAndExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const auto req = dataPath(QStringLiteral("requests/valid_vector_a.json"));
        const auto key = path(QStringLiteral("key.hex"));
        QTest::newRow("no command") << QStringList{} << QStringLiteral("usage");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("issue"), QStringLiteral("--bogus"), QStringLiteral("1")} << QStringLiteral("--bogus");
        QTest::newRow("flag without value") << QStringList{QStringLiteral("issue"), QStringLiteral("--request")} << QStringLiteral("--request");
        QTest::newRow("missing request file") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), path(QStringLiteral("nope.json")), QStringLiteral("--key-file"), key} << QStringLiteral("--request");
        QTest::newRow("bad request field") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), dataPath(QStringLiteral("requests/expfail_short_nonce.json")), QStringLiteral("--key-file"), key} << QStringLiteral("nonce");
        QTest::newRow("request not json") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), path(QStringLiteral("garbage.json")), QStringLiteral("--key-file"), key} << QStringLiteral("--request");
        QTest::newRow("missing key") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req} << QStringLiteral("--key-file");
        QTest::newRow("zero key") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), path(QStringLiteral("zero.hex"))} << QStringLiteral("--key-file");
        QTest::newRow("key file not hex") << QStringList{QStringLiteral("address"), QStringLiteral("--key-file"), path(QStringLiteral("garbage.json"))} << QStringLiteral("--key-file");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), key, QStringLiteral("--session-seed-file"), path(QStringLiteral("garbage.json"))} << QStringLiteral("--session-seed-file");
        QTest::newRow("bad now") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), key, QStringLiteral("--now"), QStringLiteral("yesterday")} << QStringLiteral("--now");
        QTest::newRow("bad profile") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), key, QStringLiteral("--profile"), QStringLiteral("lit-v9")} << QStringLiteral("--profile");
        QTest::newRow("expired request") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), key} << QStringLiteral("expiration");
        QTest::newRow("v8 without prices") << QStringList{QStringLiteral("issue"), QStringLiteral("--request"), req, QStringLiteral("--key-file"), key, QStringLiteral("--profile"), QStringLiteral("lit-v8"), QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00Z")} << QStringLiteral("maxPrices");
        QTest::newRow("bad session key") << QStringList{QStringLiteral("siwe"), QStringLiteral("--request"), req, QStringLiteral("--address"), QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"), QStringLiteral("--session-public-key"), QStringLiteral("xyz")} << QStringLiteral("--session-public-key");
        QTest::newRow("bad address") << QStringList{QStringLiteral("siwe"), QStringLiteral("--request"), req, QStringLiteral("--address"), QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65C23"), QStringLiteral("--session-public-key"), QStringLiteral("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")} << QStringLiteral("--address");
        QTest::newRow("verify unpaired resource") << QStringList{QStringLiteral("verify"), path(QStringLiteral("sigsA.json")), QStringLiteral("--resource"), QStringLiteral("lit-pkp://*")} << QStringLiteral("--resource");
        QTest::newRow("verify bad resource") << QStringList{QStringLiteral("verify"), path(QStringLiteral("sigsA.json")), QStringLiteral("--resource"), QStringLiteral("pkp"), QStringLiteral("--ability"), QStringLiteral("pkp-signing")} << QStringLiteral("--resource");
        QTest::newRow("verify missing file") << QStringList{QStringLiteral("verify"), path(QStringLiteral("nope.json"))} << QStringLiteral("SIGS.json");
        // Issue #8: Quill's deliberate refusals, in both profiles, name the field.
        for (const char *profile : {"lit-v7", "lit-v8"}) {
            const auto p = QString::fromLatin1(profile);
            const auto issueWith = [&](const char *file) {
                return QStringList{QStringLiteral("issue"),
                                   QStringLiteral("--request"),
                                   dataPath(QStringLiteral("requests/") + QLatin1String(file)),
                                   QStringLiteral("--key-file"),
                                   key,
                                   QStringLiteral("--profile"),
                                   p,
                                   QStringLiteral("--now"),
                                   QStringLiteral("2025-01-15T12:00:00Z")};
            };
            QTest::newRow(qPrintable(p + QStringLiteral(" statement non-ascii")))
                << issueWith("expfail_statement_non_ascii.json")
                << QStringLiteral(" statement: only ASCII");
            QTest::newRow(qPrintable(p + QStringLiteral(" statement newline")))
                << issueWith("expfail_statement_newline.json")
                << QStringLiteral(" statement: only ASCII");
            QTest::newRow(qPrintable(p + QStringLiteral(" pkp id too long")))
                << issueWith("expfail_pkp_id_too_long.json")
                << QStringLiteral("resourceAbilityRequests[0].resource.resource: ");
            QTest::newRow(qPrintable(p + QStringLiteral(" negative price")))
                << issueWith("expfail_max_price_negative.json")
                << QStringLiteral("maxPrices[\"https://127.0.0.1:7470\"]: ");
            QTest::newRow(qPrintable(p + QStringLiteral(" price too large")))
                << issueWith("expfail_max_price_too_large.json")
                << QStringLiteral("maxPrices[\"https://127.0.0.1:7470\"]: ");
            // Issue 14: forged delegations, named by entry.
            for (const char *f :
                 {"bad_signature", "wrong_address", "not_siwe", "no_recap", "too_large"})
                QTest::newRow(qPrintable(p + QStringLiteral(" delegation ") + QLatin1String(f)))
                    << issueWith(qPrintable(
                           QStringLiteral("expfail_capability_%1.json").arg(QLatin1String(f))))
                    << QStringLiteral("capabilityAuthSigs[0]: ");
            QTest::newRow(qPrintable(p + QStringLiteral(" delegation too many")))
                << issueWith("expfail_capability_too_many.json")
                << QStringLiteral("capabilityAuthSigs: at most 16");
            auto expiredAt = issueWith("timefail_capability_expired.json");
            expiredAt.back() = QStringLiteral("2025-01-22T12:00:01Z");
            QTest::newRow(qPrintable(p + QStringLiteral(" delegation expired")))
                << expiredAt << QStringLiteral("capabilityAuthSigs[0]: delegation expired");
        }
    }
    void unusableInput_oneLineAndExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        if (!args.isEmpty()) {
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY2(r.err.startsWith("quill-cli: "), r.err.constData());
        }
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
