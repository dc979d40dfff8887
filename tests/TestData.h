#pragma once

// Helpers shared by Quill's Qt tests: locating and reading the checked-in test data.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <string>

namespace quill::test {

inline QString dataPath(const QString &relative)
{
    return QStringLiteral(QUILL_TEST_DATA_DIR "/") + relative;
}

inline QByteArray readData(const QString &relative)
{
    QFile f(dataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline QJsonObject readJsonObject(const QString &relative)
{
    return QJsonDocument::fromJson(readData(relative)).object();
}

inline std::string str(const QJsonValue &v) { return v.toString().toStdString(); }

} // namespace quill::test

#include "common/Result.h"

#include <optional>

namespace quill::test {

/// Maps an ErrorCode's identifier (as written in expfail manifests) to the code.
inline std::optional<ErrorCode> errorCodeFromIdentifier(const QString &name)
{
#define QUILL_CODE(x) {QStringLiteral(#x), ErrorCode::x}
    static const std::pair<QString, ErrorCode> kCodes[] = {
        QUILL_CODE(InvalidArgument), QUILL_CODE(Io), QUILL_CODE(InvalidHex), QUILL_CODE(InvalidBase64),
        QUILL_CODE(InvalidJson), QUILL_CODE(InvalidTime), QUILL_CODE(InvalidPrivateKey),
        QUILL_CODE(InvalidPublicKey), QUILL_CODE(InvalidSignature), QUILL_CODE(CryptoFailure),
        QUILL_CODE(InvalidAddress), QUILL_CODE(AddressChecksumMismatch), QUILL_CODE(SiweSyntax),
        QUILL_CODE(SiweDomain), QUILL_CODE(SiweAddress), QUILL_CODE(SiweStatement), QUILL_CODE(SiweUri),
        QUILL_CODE(SiweVersion), QUILL_CODE(SiweChainId), QUILL_CODE(SiweNonce), QUILL_CODE(SiweIssuedAt),
        QUILL_CODE(SiweExpirationTime), QUILL_CODE(SiweNotBefore), QUILL_CODE(SiweRequestId),
        QUILL_CODE(SiweResources), QUILL_CODE(RecapPrefix), QUILL_CODE(RecapEncoding), QUILL_CODE(RecapJson),
        QUILL_CODE(RecapShape), QUILL_CODE(RecapDuplicateKey), QUILL_CODE(RecapNotCanonical),
        QUILL_CODE(RecapAbility), QUILL_CODE(LitResourcePrefix), QUILL_CODE(LitAbility),
        QUILL_CODE(LitAbilityMismatch), QUILL_CODE(LitRequestField), QUILL_CODE(LitTimeRange),
        QUILL_CODE(LitNodeUrl), QUILL_CODE(LitMaxPrice), QUILL_CODE(LitCapability),
        QUILL_CODE(KeychainUnavailable), QUILL_CODE(SecretNotFound), QUILL_CODE(KeychainFailure),
        QUILL_CODE(AccountExists), QUILL_CODE(AccountNotFound), QUILL_CODE(StorageFailure), QUILL_CODE(IndexCorrupt),
        QUILL_CODE(UserRejected), QUILL_CODE(RequestExpired), QUILL_CODE(RequestCancelled), QUILL_CODE(RequestNotFound),
        QUILL_CODE(MnemonicWordCount), QUILL_CODE(MnemonicUnknownWord), QUILL_CODE(MnemonicChecksum),
        QUILL_CODE(InvalidDerivationPath), QUILL_CODE(KeystoreFormat), QUILL_CODE(KeystoreUnsupported),
        QUILL_CODE(KeystoreWrongPassword), QUILL_CODE(KeystoreCorrupt),
        QUILL_CODE(Unauthorized), QUILL_CODE(RateLimited), QUILL_CODE(MessageTooLarge), QUILL_CODE(Busy),
        QUILL_CODE(UnsupportedMethod), QUILL_CODE(InvalidRpcRequest), QUILL_CODE(InvalidParams),
        QUILL_CODE(TypedDataType), QUILL_CODE(TypedDataValue), QUILL_CODE(ChainSecuredSchema),
        QUILL_CODE(ChainSecuredDomain), QUILL_CODE(ChainSecuredTime), QUILL_CODE(ChainSecuredSigner),
    };
#undef QUILL_CODE
    for (const auto &[n, c] : kCodes)
        if (n == name)
            return c;
    return std::nullopt;
}

/// Adds one data row per entry of an expfail manifest ({"file": "ErrorCodeName"}):
/// columns "file" (QString, relative to data/) and "code" (int).
inline void addExpfailRows(const QString &dir)
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    const auto manifest = readJsonObject(dir + QStringLiteral("/expfail.json"));
    if (manifest.isEmpty())
        qFatal("empty expfail manifest in %s", qPrintable(dir));
    for (auto it = manifest.begin(); it != manifest.end(); ++it) {
        const auto code = errorCodeFromIdentifier(it.value().toString());
        if (!code)
            qFatal("unknown error code %s", qPrintable(it.value().toString()));
        QTest::newRow(qPrintable(it.key())) << dir + QLatin1Char('/') + it.key() << int(*code);
    }
}

} // namespace quill::test
