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

Run run(const QString &program, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(30000))
        qFatal("%s hung: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run cli(const QStringList &args)
{
    return run(QStringLiteral(QUILL_CLI_PATH), args);
}

/// The desktop app as started from a text console or over ssh: no display, no platform set.
Run guiWithoutDisplay(const QStringList &args)
{
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    return run(QStringLiteral(QUILL_GUI_PATH), args, env);
}

const QStringList kCommands = {QStringLiteral("issue"),   QStringLiteral("auth-sig"),
                               QStringLiteral("siwe"),    QStringLiteral("verify"),
                               QStringLiteral("address"), QStringLiteral("wallet"),
                               QStringLiteral("request"), QStringLiteral("review"),
                               QStringLiteral("serve"),   QStringLiteral("demo")};
const QStringList kWalletCommands = {QStringLiteral("import"), QStringLiteral("create"),
                                     QStringLiteral("list"),   QStringLiteral("export"),
                                     QStringLiteral("remove"), QStringLiteral("derive"),
                                     QStringLiteral("doctor")};

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
    // Issue 11: both binaries report the one project version.
    void version_bothBinariesFromTheProjectVersion()
    {
        const auto c = cli({QStringLiteral("--version")});
        QCOMPARE(c.code, 0);
        QCOMPARE(c.out, QByteArray("quill-cli " QUILL_PROJECT_VERSION "\n"));
        QVERIFY(c.err.isEmpty());
        const auto g = guiWithoutDisplay({QStringLiteral("--version")});
        QCOMPARE(g.code, 0);
        QCOMPARE(g.out, QByteArray("quill " QUILL_PROJECT_VERSION "\n"));
    }
    // Issue 11: `quill --help` aborted without a display; now it answers before QApplication.
    void gui_helpWithoutDisplay()
    {
        for (const char *flag : {"--help", "-h"}) {
            const auto r = guiWithoutDisplay({QString::fromLatin1(flag)});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.startsWith("Usage: quill [options]\n"), r.out.constData());
            for (const char *option :
                 {"--demo", "--screenshot <DIR>", "--websocket-port <PORT>", "--version"})
                QVERIFY2(r.out.contains(option), option);
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        }
        // Anything else needs a display: said in one line, not a Qt abort.
        const auto noDisplay = guiWithoutDisplay({QStringLiteral("--demo")});
        QCOMPARE(noDisplay.code, 2);
        QVERIFY2(noDisplay.err.startsWith("quill: no display"), noDisplay.err.constData());
        QCOMPARE(noDisplay.err.count('\n'), 1);
    }
    void help_listsEveryCommand()
    {
        const auto r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const auto &c : kCommands)
            QVERIFY2(r.out.contains(QByteArray("\nquill-cli " + c.toUtf8() + ' ')) ||
                         r.out.contains(QByteArray("\nquill-cli " + c.toUtf8() + '\n')),
                     qPrintable(c));
        for (const auto &w : kWalletCommands)
            QVERIFY2(r.out.contains(QByteArray("quill-cli wallet " + w.toUtf8())), qPrintable(w));
    }
    // The README's quill-cli synopsis is the whole of `quill-cli --help` (issue 11).
    void readme_hasTheWholeSynopsis()
    {
        QFile readme(QStringLiteral(QUILL_TEST_DATA_DIR "/../../README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QByteArray text = readme.readAll();
        const auto r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        const auto lines = r.out.split('\n');
        const auto from = lines.indexOf(QByteArray()) + 1; // after the usage lines
        auto to = from;
        while (to < lines.size() && !lines[to].isEmpty()) // up to the exit codes
            ++to;
        QVERIFY(from > 0 && to > from);
        for (auto i = from; i < to; ++i)
            QVERIFY2(text.contains(QByteArray(lines[i] + '\n')), lines[i].constData());
    }
    void help_everyCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("synopsis");
        for (const auto &c : kCommands) {
            QTest::newRow(qPrintable(c)) << QStringList{c, QStringLiteral("--help")}
                                         << QByteArray("usage: quill-cli " + c.toUtf8());
            QTest::newRow(qPrintable(c + QStringLiteral(" -h")))
                << QStringList{c, QStringLiteral("-h")}
                << QByteArray("usage: quill-cli " + c.toUtf8());
        }
        for (const auto &w : kWalletCommands)
            QTest::newRow(qPrintable(QStringLiteral("wallet ") + w))
                << QStringList{QStringLiteral("wallet"), w, QStringLiteral("--help")}
                << QByteArray("usage: quill-cli wallet " + w.toUtf8());
        // --help wins over everything else on the line, even flags that would be unusable.
        QTest::newRow("issue with other flags")
            << QStringList{QStringLiteral("issue"), QStringLiteral("--bogus"),
                           QStringLiteral("--help")}
            << QByteArray("usage: quill-cli issue");
        QTest::newRow("wallet remove with address")
            << QStringList{QStringLiteral("wallet"), QStringLiteral("remove"),
                           QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"),
                           QStringLiteral("--help")}
            << QByteArray("usage: quill-cli wallet remove ADDRESS [--yes]");
    }
    void help_everyCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, synopsis);
        const auto r = cli(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(synopsis), r.out.constData());
        QVERIFY2(r.out.contains("Exit codes:"), r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }
    // Issue 11: "Lit resource prefix: --request: Lit resource prefix: …" and JSON-library text.
    void errors_sayEachPartOnce_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("expected");
        const auto key = path(QStringLiteral("key.hex"));
        const auto issueWith = [&](const QString &file) {
            return QStringList{QStringLiteral("issue"), QStringLiteral("--request"),
                               dataPath(QStringLiteral("requests/") + file),
                               QStringLiteral("--key-file"), key};
        };
        QTest::newRow("unknown prefix")
            << issueWith(QStringLiteral("expfail_unknown_prefix.json"))
            << QByteArray("quill-cli: --request: Lit resource prefix: ");
        QTest::newRow("truncated JSON") << issueWith(QStringLiteral("expfail_truncated.json"))
                                        << QByteArray("quill-cli: --request: invalid JSON: ");
        QTest::newRow("request not JSON")
            << QStringList{QStringLiteral("issue"), QStringLiteral("--request"),
                           path(QStringLiteral("garbage.json")), QStringLiteral("--key-file"), key}
            << QByteArray("quill-cli: --request: invalid JSON: syntax error at line 1, column 3\n");
        auto vault = issueWith(QStringLiteral("expfail_unknown_prefix.json"));
        vault.replace(3, QStringLiteral("--account"));
        vault.replace(4, QStringLiteral("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
        vault << QStringLiteral("--app") << QStringLiteral("x");
        QTest::newRow("unknown prefix, vault key")
            << vault << QByteArray("quill-cli: --request: Lit resource prefix: ");
        QTest::newRow("review not JSON")
            << QStringList{QStringLiteral("review"), path(QStringLiteral("garbage.json"))}
            << QByteArray("quill-cli: REQ.json: invalid JSON: syntax error at line 1, column 3\n");
        QTest::newRow("verify not JSON")
            << QStringList{QStringLiteral("verify"), path(QStringLiteral("garbage.json"))}
            << QByteArray("quill-cli: SIGS.json: invalid JSON: syntax error at line 1, column 3\n");
        QTest::newRow("repeated flag")
            << QStringList{QStringLiteral("address"), QStringLiteral("--key-file"), key,
                           QStringLiteral("--key-file"), key}
            << QByteArray("quill-cli: --key-file: given more than once\n");
    }
    void errors_sayEachPartOnce()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, expected);
        const auto r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(expected), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(!r.err.contains("json.exception"), r.err.constData());
        QVERIFY2(!r.err.contains("parse_error"), r.err.constData());
        // No part of the message twice ("X: --request: X: …").
        QStringList parts = QString::fromUtf8(r.err).trimmed().split(QLatin1Char(':'));
        for (auto &part : parts)
            part = part.trimmed();
        QVERIFY2(parts.removeDuplicates() == 0, r.err.constData());
    }
    // Issue 11: a file that is not a SessionSigs map is unusable input (2), not a failure (1).
    void verify_notSessionSigs_exits2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("a request") << dataPath(QStringLiteral("requests/valid_vector_a.json"));
        QTest::newRow("a keystore") << dataPath(QStringLiteral("keystore/spec_pbkdf2.json"));
    }
    void verify_notSessionSigs_exits2()
    {
        QFETCH(QString, file);
        const auto r = cli({QStringLiteral("verify"), file});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("quill-cli: SIGS.json: not a SessionSigs map"),
                 r.err.constData());
    }
    // --resource/--ability pairs are the flags that may repeat.
    void verify_repeatedResourcePairs()
    {
        const QString resource =
            QStringLiteral("lit-accesscontrolcondition://"
                           "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/"
                           "35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349");
        const auto r = cli({QStringLiteral("verify"), path(QStringLiteral("sigsA.json")),
                            QStringLiteral("--now"), QStringLiteral("2025-01-15T12:00:00.000Z"),
                            QStringLiteral("--resource"), resource, QStringLiteral("--ability"),
                            QStringLiteral("access-control-condition-decryption"),
                            QStringLiteral("--resource"), resource, QStringLiteral("--ability"),
                            QStringLiteral("access-control-condition-decryption")});
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
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
        QTest::newRow("repeated flag") << QStringList{QStringLiteral("issue"),
                                                      QStringLiteral("--request"),
                                                      req,
                                                      QStringLiteral("--now"),
                                                      QStringLiteral("2025-01-15T12:00:00Z"),
                                                      QStringLiteral("--key-file"),
                                                      key,
                                                      QStringLiteral("--now"),
                                                      QStringLiteral("2025-01-16T12:00:00Z")}
                                       << QStringLiteral("--now: given more than once");
        QTest::newRow("repeated switch")
            << QStringList{QStringLiteral("verify"), path(QStringLiteral("sigsA.json")),
                           QStringLiteral("--node-only"), QStringLiteral("--node-only")}
            << QStringLiteral("--node-only: given more than once");
        QTest::newRow("repeated wallet flag")
            << QStringList{QStringLiteral("wallet"),  QStringLiteral("derive"),
                           QStringLiteral("--count"), QStringLiteral("1"),
                           QStringLiteral("--count"), QStringLiteral("2")}
            << QStringLiteral("--count: given more than once");
        QTest::newRow("verify a request") << QStringList{QStringLiteral("verify"), req}
                                          << QStringLiteral("not a SessionSigs map");
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
