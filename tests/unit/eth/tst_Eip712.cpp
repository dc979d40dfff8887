#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/Eip712.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace quill;
using namespace quill::crypto;
using namespace quill::eth;
using namespace quill::eth::eip712;

namespace {

QString hex(const Hash256 &h)
{
    return QStringLiteral("0x") + QString::fromStdString(toHex(h));
}

// EIP-712's own example (eips.ethereum.org/EIPS/eip-712, assets/eip-712/Example.js).
const char *kMail = R"({
  "types": {
    "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                     {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
    "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
    "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"},
             {"name": "contents", "type": "string"}]
  },
  "primaryType": "Mail",
  "domain": {"name": "Ether Mail", "version": "1", "chainId": 1,
             "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
  "message": {
    "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
    "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
    "contents": "Hello, Bob!"
  }
})";

Types mailTypes()
{
    return {{"Person", {{"name", "string"}, {"wallet", "address"}}},
            {"Mail", {{"from", "Person"}, {"to", "Person"}, {"contents", "string"}}}};
}

/// hashStruct of {"v": value} for a one-member struct `S(type v)`.
Result<Hash256> hashOne(const std::string &type, const std::string &valueJson)
{
    const Types types{{"S", {{"v", type}}}};
    return hashStruct(types, "S", "{\"v\":" + valueJson + "}");
}

} // namespace

class TestEip712 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // EIP-712 example: encodeType, typeHash, domain separator, hashStruct, digest, signature.
    void mail_encodeType()
    {
        auto e = encodeType(mailTypes(), "Mail");
        QVERIFY(e.ok());
        QCOMPARE(
            QString::fromStdString(*e),
            QStringLiteral(
                "Mail(Person from,Person to,string contents)Person(string name,address wallet)"));
        QCOMPARE(
            hex(typeHash(mailTypes(), "Mail").value()),
            QStringLiteral("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"));
    }
    void mail_digestAndSignature()
    {
        auto h = hashTypedData(kMail);
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : describe(h.error())));
        QCOMPARE(
            hex(h->domainSeparator),
            QStringLiteral("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"));
        QCOMPARE(
            hex(h->structHash),
            QStringLiteral("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"));
        QCOMPARE(
            hex(h->digest),
            QStringLiteral("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
        // The EIP's key is keccak256("cow"); its signature is v = 28, r, s below.
        const auto cow = keccak256(asBytes("cow"));
        SecureBytes key{std::span<const std::uint8_t>(cow)};
        auto sig = secp256k1::signRecoverable(key, h->digest);
        QVERIFY(sig.ok());
        QCOMPARE(QString::fromStdString(toHex(*sig)),
                 QStringLiteral("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                                "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"
                                "01"));
    }
    // Vectors computed by ethers 6 TypedDataEncoder and checked against viem hashTypedData
    // (tests/interop/gen-eip712-vectors.mjs; CTest interop_eip712_vectors keeps the file honest).
    void npmVectors_data()
    {
        QTest::addColumn<QByteArray>("typedData");
        QTest::addColumn<QString>("encodeType");
        QTest::addColumn<QString>("domainSeparator");
        QTest::addColumn<QString>("structHash");
        QTest::addColumn<QString>("digest");
        const auto doc = nlohmann::ordered_json::parse(
            quill::test::readData(QStringLiteral("eip712/vectors.json")).toStdString());
        QVERIFY(doc.size() >= 4);
        for (const auto &v : doc)
            QTest::newRow(v["name"].get<std::string>().c_str())
                << QByteArray::fromStdString(v["typedData"].dump())
                << QString::fromStdString(v["encodeType"].get<std::string>())
                << QString::fromStdString(v["domainSeparator"].get<std::string>())
                << QString::fromStdString(v["structHash"].get<std::string>())
                << QString::fromStdString(v["digest"].get<std::string>());
    }
    void npmVectors()
    {
        QFETCH(QByteArray, typedData);
        QFETCH(QString, encodeType);
        QFETCH(QString, domainSeparator);
        QFETCH(QString, structHash);
        QFETCH(QString, digest);
        auto h = hashTypedData(typedData.toStdString());
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : describe(h.error())));
        QCOMPARE(hex(h->domainSeparator), domainSeparator);
        QCOMPARE(hex(h->structHash), structHash);
        QCOMPARE(hex(h->digest), digest);
        const auto doc = nlohmann::ordered_json::parse(typedData.toStdString());
        Types types;
        for (auto it = doc["types"].begin(); it != doc["types"].end(); ++it)
            for (const auto &f : *it)
                types[it.key()].push_back(
                    {f["name"].get<std::string>(), f["type"].get<std::string>()});
        QCOMPARE(QString::fromStdString(
                     eip712::encodeType(types, doc["primaryType"].get<std::string>()).value()),
                 encodeType);
    }
    // Referenced types are sorted by name, whatever order they are declared or used in.
    void encodeType_sortsReferencedTypes()
    {
        const Types types{{"Top", {{"z", "Zed"}, {"a", "Alpha[]"}}},
                          {"Zed", {{"n", "uint8"}}},
                          {"Alpha", {{"z", "Zed"}, {"b", "bytes32"}}},
                          {"Unused", {{"x", "bool"}}}};
        QCOMPARE(QString::fromStdString(encodeType(types, "Top").value()),
                 QStringLiteral("Top(Zed z,Alpha[] a)Alpha(Zed z,bytes32 b)Zed(uint8 n)"));
    }
    void encodeType_refusesUnknownType()
    {
        const Types types{{"S", {{"x", "uint7"}}}};
        auto e = encodeType(types, "S");
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, ErrorCode::TypedDataType);
        QVERIFY2(e.error().context.contains(QStringLiteral("S.x")), qPrintable(e.error().context));
        QCOMPARE(encodeType(types, "Missing").error().code, ErrorCode::TypedDataType);
    }
    // Atomic values, encoded by hand: keccak(typeHash ‖ word).
    void values_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("word"); // empty: refused with TypedDataValue
        const QByteArray zero(64, '0');
        const QByteArray ff(64, 'f');
        const QByteArray none;
        auto row = [](const char *name, const char *type, const QByteArray &value,
                      const QByteArray &word) {
            QTest::newRow(name) << QByteArray(type) << value << word;
        };
        row("uint8 255", "uint8", "255", QByteArray(zero.left(62) + "ff"));
        row("uint8 256", "uint8", "256", none);
        row("uint8 -1", "uint8", "-1", none);
        row("uint256 decimal string", "uint256", "\"84532\"", QByteArray(zero.left(59) + "14a34"));
        row("uint256 hex string", "uint256", "\"0x14A34\"", QByteArray(zero.left(59) + "14a34"));
        row("uint256 max", "uint256",
            "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"",
            ff);
        row("uint256 2^256", "uint256",
            "\"115792089237316195423570985008687907853269984665640564039457584007913129639936\"",
            none);
        row("uint256 float", "uint256", "1.5", none);
        row("uint256 empty", "uint256", "\"\"", none);
        row("uint256 space", "uint256", "\" 1\"", none);
        row("int8 -128", "int8", "-128", QByteArray(ff.left(62) + "80"));
        row("int8 -129", "int8", "-129", none);
        row("int8 127", "int8", "127", QByteArray(zero.left(62) + "7f"));
        row("int8 128", "int8", "128", none);
        row("int256 -1", "int256", "\"-1\"", ff);
        row("bool true", "bool", "true", QByteArray(zero.left(63) + "1"));
        row("bool 1", "bool", "1", none);
        row("address lower", "address", "\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"",
            QByteArray(zero.left(24) + "cd2a3d9f938e13cd947ec05abc7fe734df8dd826"));
        row("address bad checksum", "address", "\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827\"",
            none);
        row("bytes4 left-aligned", "bytes4", "\"0xdeadbeef\"",
            QByteArray("deadbeef" + zero.left(56)));
        row("bytes4 too short", "bytes4", "\"0xdead\"", none);
        row("bytes4 no 0x", "bytes4", "\"deadbeef\"", none);
        row("string", "string", "\"cow\"",
            QByteArray::fromStdString(toHex(keccak256(asBytes("cow")))));
        row("bytes", "bytes", "\"0x636f77\"",
            QByteArray::fromStdString(toHex(keccak256(asBytes("cow")))));
        row("string not a string", "string", "7", none);
        // Dynamic types hash their contents (rows above).
    }
    void values()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, word);
        auto h = hashOne(type.toStdString(), value.toStdString());
        if (word.isEmpty()) {
            QVERIFY2(!h.ok(), "accepted a value that does not fit its type");
            QCOMPARE(errorCodeName(h.error().code), errorCodeName(ErrorCode::TypedDataValue));
            return;
        }
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : describe(h.error())));
        const auto th = keccak256(asBytes("S(" + type.toStdString() + " v)"));
        std::string data(th.begin(), th.end());
        const auto w = fromHex(word.toStdString()).value();
        QCOMPARE(w.size(), std::size_t(32));
        data.append(w.begin(), w.end());
        QCOMPARE(hex(*h), hex(keccak256(asBytes(data))));
    }
    // Arrays: keccak of the concatenated encodings; fixed lengths are checked.
    void arrays()
    {
        auto h = hashOne("uint8[2]", "[1, 2]");
        QVERIFY(h.ok());
        std::string words(64, '\0');
        words[31] = 1;
        words[63] = 2;
        const auto inner = keccak256(asBytes(words));
        const auto th = keccak256(asBytes("S(uint8[2] v)"));
        std::string data(th.begin(), th.end());
        data.append(inner.begin(), inner.end());
        QCOMPARE(hex(*h), hex(keccak256(asBytes(data))));
        QCOMPARE(hashOne("uint8[]", "[1, 2]").value(),
                 hashOne("uint8[]", "[\"1\", \"0x02\"]").value());
        QCOMPARE(hashOne("uint8[3]", "[1, 2]").error().code, ErrorCode::TypedDataValue);
        QCOMPARE(hashOne("uint8[]", "{}").error().code, ErrorCode::TypedDataValue);
    }
    void structs_refuseMissingAndExtraMembers()
    {
        const auto types = mailTypes();
        auto missing = hashStruct(types, "Person", R"({"name": "Cow"})");
        QCOMPARE(missing.error().code, ErrorCode::TypedDataValue);
        QVERIFY2(missing.error().context.startsWith(QStringLiteral("Person.wallet")),
                 qPrintable(missing.error().context));
        auto extra = hashStruct(
            types, "Person",
            R"({"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "x": 1})");
        QCOMPARE(extra.error().code, ErrorCode::TypedDataValue);
        QVERIFY2(extra.error().context.startsWith(QStringLiteral("Person.x")),
                 qPrintable(extra.error().context));
    }
    void hashTypedData_refusesBadDocuments()
    {
        QCOMPARE(hashTypedData("{").error().code, ErrorCode::InvalidJson);
        QCOMPARE(
            hashTypedData(R"({"types":{},"primaryType":"A","domain":{},"message":{},"types":{}})")
                .error()
                .code,
            ErrorCode::InvalidJson);
        QCOMPARE(hashTypedData(
                     R"({"types":{"EIP712Domain":[]},"primaryType":"A","domain":{},"message":{}})")
                     .error()
                     .code,
                 ErrorCode::TypedDataType);
        QCOMPARE(
            hashTypedData(
                R"({"types":{"EIP712Domain":[],"A":[]},"primaryType":"A","domain":{},"message":{},"x":1})")
                .error()
                .code,
            ErrorCode::TypedDataType);
        // A self-referencing type with a deeply nested value stops at the depth cap.
        std::string deep = "{\"n\":[]}";
        for (int i = 0; i < 40; ++i)
            deep = "{\"n\":[" + deep + "]}";
        auto d = hashTypedData(
            R"({"types":{"EIP712Domain":[],"N":[{"name":"n","type":"N[]"}]},"primaryType":"N","domain":{},"message":)" +
            deep + "}");
        QCOMPARE(d.error().code, ErrorCode::TypedDataValue);
    }
};

QTEST_GUILESS_MAIN(TestEip712)
#include "tst_Eip712.moc"
