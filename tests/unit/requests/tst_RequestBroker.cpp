#include "../../AsyncWait.h"
#include "../../BrokerFixture.h"
#include "../../FakeClock.h"
#include "../../TestData.h"

#include "crypto/Encoding.h"
#include "eth/PersonalSign.h"
#include "lit/ChainSecured.h"
#include "lit/SessionSigVerifier.h"
#include "requests/RequestBroker.h"
#include "vault/MemoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {
// Public test key of the spec's vectors.

lit::SessionRequest vectorA()
{
    return std::move(lit::SessionRequest::fromJson(readData(QStringLiteral("requests/valid_vector_a.json")).toStdString())).value();
}

/// A whole broker with its collaborators on a MemoryStore and a fake clock.
struct Fixture : BrokerFixture
{
    IncomingRequest incoming(const QString &appId = QStringLiteral("app-1"))
    {
        IncomingRequest in;
        in.app.appId = appId;
        in.app.claimedName = QStringLiteral("Test app");
        in.app.transport = QStringLiteral("local-socket");
        in.app.paired = true;
        in.request = vectorA();
        return in;
    }
};

/// Submits and collects the reply.
struct Submitted
{
    quint64 id = 0;
    std::shared_ptr<std::optional<Result<std::string>>> reply = std::make_shared<std::optional<Result<std::string>>>();
};

Submitted submit(Fixture &f, IncomingRequest in)
{
    Submitted s;
    auto reply = s.reply;
    auto id = f.broker.submit(std::move(in), [reply](Result<std::string> r) { reply->emplace(std::move(r)); });
    if (!id)
        qFatal("submit refused: %s", qPrintable(describe(id.error())));
    s.id = *id;
    return s;
}

bool waitReply(const Submitted &s) { return QTest::qWaitFor([&] { return s.reply->has_value(); }, 10000); }

/// A Lit session SIWE as an app's SDK builds it (tests/data/siwemessage), dated at kTestNow and
/// ending `lifetime` later.
IncomingRequest siweRequest(const QString &fixture, UnixMillis lifetime)
{
    std::string text = readData(QStringLiteral("siwemessage/") + fixture).toStdString();
    auto replace = [&](const std::string &from, const std::string &to) {
        text.replace(text.find(from), from.size(), to);
    };
    replace("Issued At: 2035-01-15T12:00:00.000Z", "Issued At: " + formatIso(kTestNow));
    replace("Expiration Time: 2035-01-16T12:00:00.000Z",
            "Expiration Time: " + formatIso(kTestNow + lifetime));
    auto parsed = lit::SessionSiwe::parse(text);
    if (!parsed)
        qFatal("fixture: %s", qPrintable(describe(parsed.error())));
    IncomingRequest in;
    in.app.appId = QStringLiteral("app-1");
    in.app.claimedName = QStringLiteral("Test app");
    in.app.transport = QStringLiteral("local-socket");
    in.app.paired = true;
    in.kind = RequestKind::SiweMessage;
    in.siwe = std::make_shared<const lit::SessionSiwe>(std::move(parsed).value());
    return in;
}

} // namespace

class TestRequestBroker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void approve_signsExactlyTheReviewedText()
    {
        Fixture f;
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        auto s = submit(f, f.incoming());
        QVERIFY(review.wait(5000));
        QCOMPARE(review.at(0).at(0).toULongLong(), s.id);
        auto r = f.broker.review(s.id, kTestAccount);
        QVERIFY(r.ok());
        QCOMPARE(r->rows.size(), 1);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QVERIFY2(s.reply->value().ok(), qPrintable(s.reply->value().ok() ? QString() : describe(s.reply->value().error())));
        const auto map = QJsonDocument::fromJson(QByteArray::fromStdString(s.reply->value().value())).object();
        QCOMPARE(map.size(), 3);
        const auto payload = QJsonDocument::fromJson(map.begin().value().toObject()[QStringLiteral("signedMessage")].toString().toUtf8()).object();
        const auto walletAuthSig = payload[QStringLiteral("capabilities")].toArray().last().toObject();
        QCOMPARE(walletAuthSig[QStringLiteral("signedMessage")].toString().toStdString(), r->siweText);
        lit::VerifyOptions options;
        options.now = kTestNow;
        options.expectedAddress = kTestAccount.toStdString();
        auto report = lit::SessionSigVerifier::verify(s.reply->value().value(), options);
        QVERIFY(report.ok() && report->ok());
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).value<Decision>() == Decision::Approved);
        // The reviewed fresh session key was kept for the app and account.
        QVERIFY(f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount).has_value());
        QVERIFY(r->siweText.find("lit:session:" +
                                 f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount)
                                     ->toStdString()) != std::string::npos);
        QCOMPARE(f.activity.recent().size(), 1);
        QCOMPARE(f.activity.recent()[0].decision, QStringLiteral("approved"));
        QVERIFY(f.broker.pendingIds().isEmpty());
    }
    void reject_answersUserRejected()
    {
        Fixture f;
        auto s = submit(f, f.incoming());
        QVERIFY(f.broker.reject(s.id).ok());
        QVERIFY(waitReply(s));
        QCOMPARE(s.reply->value().error().code, ErrorCode::UserRejected);
        QCOMPARE(f.activity.recent()[0].decision, QStringLiteral("rejected"));
        QCOMPARE(f.broker.reject(s.id).error().code, ErrorCode::RequestNotFound);
    }
    void timeout_expiresWithFakeClock()
    {
        Fixture f;
        f.broker.setTimeout(5 * kMinute);
        auto s = submit(f, f.incoming());
        f.clock.advance(5 * kMinute - 1);
        f.broker.checkTimeouts();
        QVERIFY(!s.reply->has_value());
        f.clock.advance(1);
        f.broker.checkTimeouts();
        QVERIFY(s.reply->has_value());
        QCOMPARE(s.reply->value().error().code, ErrorCode::RequestExpired);
        QCOMPARE(f.activity.recent()[0].decision, QStringLiteral("expired"));
    }
    void cancel_dropsWithoutReply()
    {
        Fixture f;
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        auto s = submit(f, f.incoming());
        f.broker.cancel(s.id);
        QVERIFY(f.broker.pendingIds().isEmpty());
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).value<Decision>() == Decision::Cancelled);
        QTest::qWait(50);
        QVERIFY(!s.reply->has_value());
    }
    void remembered_grantAnswersExactCoverWithoutPrompt()
    {
        Fixture f;
        auto first = submit(f, f.incoming());
        QVERIFY(f.broker.approve(first.id, {kTestAccount, true, std::nullopt}).ok());
        QVERIFY(waitReply(first));
        QCOMPARE(f.permissions.grants().size(), 1);

        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        auto second = submit(f, f.incoming());
        QVERIFY(waitReply(second));
        QVERIFY(second.reply->value().ok());
        QCOMPARE(review.count(), 0);
        QVERIFY(f.activity.recent()[0].automatic);

        // Wider: one more capability prompts again.
        auto wider = f.incoming();
        auto extra = wider.request.resourceAbilityRequests[0];
        extra.prefix = lit::ResourcePrefix::LitAction;
        extra.resource = "*";
        extra.ability = lit::Ability::LitActionExecution;
        wider.request.resourceAbilityRequests.push_back(extra);
        auto third = submit(f, wider);
        QVERIFY(review.wait(5000));
        QVERIFY(!third.reply->has_value());
        // Another app never benefits from the grant.
        auto other = submit(f, f.incoming(QStringLiteral("app-2")));
        QVERIFY(review.wait(5000));
        QVERIFY(!other.reply->has_value());
    }
    void approve_shortensExpiryOnly()
    {
        Fixture f;
        auto s = submit(f, f.incoming());
        QCOMPARE(
            f.broker.approve(s.id, {kTestAccount, false, std::string("2025-01-17T12:00:00.000Z")})
                .error()
                .code,
            ErrorCode::LitTimeRange);
        auto r = f.broker.review(s.id, kTestAccount, std::string("2025-01-15T13:00:00.000Z"));
        QVERIFY(r.ok());
        QVERIFY(r->siweText.find("Expiration Time: 2025-01-15T13:00:00.000Z") != std::string::npos);
        QVERIFY(
            f.broker.approve(s.id, {kTestAccount, false, std::string("2025-01-15T13:00:00.000Z")})
                .ok());
        QVERIFY(waitReply(s));
        QVERIFY(QString::fromStdString(s.reply->value().value()).contains(QStringLiteral("\\\"expiration\\\":\\\"2025-01-15T13:00:00.000Z\\\"")));
    }
    // What nodes reject is refused before anyone is asked (issue #9), naming the field.
    void invalidTimes_areRefusedUpFront_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::newRow("expired") << QStringLiteral("timefail_expired.json") << QStringLiteral("expiration");
        QTest::newRow("before issuedAt") << QStringLiteral("timefail_expiry_before_issued.json") << QStringLiteral("expiration");
        QTest::newRow("over 30 days") << QStringLiteral("timefail_over_30_days.json") << QStringLiteral("expiration");
        QTest::newRow("issued in future") << QStringLiteral("timefail_issued_in_future.json") << QStringLiteral("issuedAt");
    }
    void invalidTimes_areRefusedUpFront()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        Fixture f;
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        auto in = f.incoming();
        in.request = std::move(lit::SessionRequest::fromJson(readData(QStringLiteral("requests/") + file).toStdString())).value();
        bool replied = false;
        auto id = f.broker.submit(std::move(in), [&](Result<std::string>) { replied = true; });
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, ErrorCode::LitTimeRange);
        QVERIFY2(id.error().context.startsWith(field + QLatin1Char(':')), qPrintable(id.error().context));
        QTest::qWait(20);
        QCOMPARE(review.count(), 0);
        QVERIFY(!replied);
        QVERIFY(f.broker.pendingIds().isEmpty());
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("refused"));
        QVERIFY(f.activity.recent(1).at(0).error.contains(field));
    }
    // The SDK's way: no expiration (24 h default), approve and remember for 1 h, then the
    // same request twice more: no prompt, each SIWE expiring at the grant's end.
    void remembered_defaultExpiryIsCovered_andClippedToTheGrant()
    {
        Fixture f;
        auto in = f.incoming();
        in.request.expiration.reset();
        auto first = submit(f, in);
        ApprovalScope scope{kTestAccount, true, std::nullopt, kHour};
        QVERIFY(f.broker.approve(first.id, scope).ok());
        QVERIFY(waitReply(first));
        QCOMPARE(f.permissions.grants().at(0).expiresAt, kTestNow + kHour);
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        for (int i = 0; i < 2; ++i) {
            auto again = submit(f, in);
            QVERIFY(waitReply(again));
            QVERIFY(again.reply->value().ok());
            QVERIFY(QString::fromStdString(again.reply->value().value())
                        .contains(QStringLiteral("Expiration Time: 2025-01-15T13:00:00.000Z")));
        }
        QCOMPARE(review.count(), 0);
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("remembered"));
        QCOMPARE(f.activity.recent(1).at(0).account, kTestAccount);
        QCOMPARE(f.activity.recent(1).at(0).expiration, QStringLiteral("2025-01-15T13:00:00.000Z"));
        // After the grant's end it prompts again.
        f.clock.advance(kHour);
        auto later = submit(f, in);
        QVERIFY(review.wait(5000));
        QVERIFY(!later.reply->has_value());
    }
    void authSigKind_usesTheAppsKey()
    {
        Fixture f;
        auto in = f.incoming();
        in.kind = RequestKind::AuthSig;
        in.sessionPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        auto s = submit(f, in);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        auto authSig = lit::AuthSig::fromJson(s.reply->value().value());
        QVERIFY(authSig.ok());
        QVERIFY(authSig->signedMessage.find("URI: lit:session:d75a9801") != std::string::npos);
        QVERIFY(!f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));
        in.sessionPublicKey = "xyz";
        QCOMPARE(f.broker.submit(in, {}).error().code, ErrorCode::InvalidPublicKey);
    }
    void siweMessage_signsTheAppsTextAsItIs()
    {
        Fixture f;
        auto in = siweRequest(QStringLiteral("valid_v7_default_statement.txt"), kHour);
        const std::string text = in.siwe->message.render();
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        auto s = submit(f, in);
        QVERIFY(review.wait(5000));
        auto r = f.broker.review(s.id, kTestAccount);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(r->siweText, text);
        QVERIFY(r->appBuilt);
        QCOMPARE(r->rows.size(), 1);
        QVERIFY(r->hasWarning(QStringLiteral("app-built-message")));
        QVERIFY(!r->hasWarning(QStringLiteral("node-count")));
        // Its expiry cannot be changed.
        QCOMPARE(f.broker.approve(s.id, {kTestAccount, false, formatIso(kTestNow + kMinute)})
                     .error()
                     .code,
                 ErrorCode::LitTimeRange);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QVERIFY2(
            s.reply->value().ok(),
            qPrintable(s.reply->value().ok() ? QString() : describe(s.reply->value().error())));
        const auto answer =
            QJsonDocument::fromJson(QByteArray::fromStdString(s.reply->value().value())).object();
        const auto signature = answer[QStringLiteral("signature")].toString().toStdString();
        const auto authSig = answer[QStringLiteral("authSig")].toObject();
        QCOMPARE(authSig[QStringLiteral("signedMessage")].toString().toStdString(), text);
        QCOMPARE(authSig[QStringLiteral("sig")].toString().toStdString(), signature);
        QCOMPARE(authSig[QStringLiteral("address")].toString(), kTestAccount);
        auto signer = eth::recoverPersonal(text, signature);
        QVERIFY(signer.ok());
        QCOMPARE(QString::fromStdString(signer->toChecksummed()), kTestAccount);
        QCOMPARE(f.activity.recent(1).at(0).kind, QStringLiteral("siwe-message"));
        QCOMPARE(f.activity.recent(1).at(0).account, kTestAccount);
        // No session key is kept: the app holds its own.
        QVERIFY(!f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));
    }
    void siweMessage_forAnotherAddressCannotBeApproved()
    {
        Fixture f;
        auto in = siweRequest(QStringLiteral("valid_v7_default_statement.txt"), kHour);
        auto m = in.siwe->message;
        m.address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        auto parsed = lit::SessionSiwe::parse(m.render());
        QVERIFY(parsed.ok());
        in.siwe = std::make_shared<const lit::SessionSiwe>(std::move(parsed).value());
        auto s = submit(f, in);
        QCOMPARE(f.broker.review(s.id, kTestAccount).error().code, ErrorCode::SiweAddress);
        QCOMPARE(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).error().code,
                 ErrorCode::SiweAddress);
        QCOMPARE(f.broker.pendingIds().size(), 1);
    }
    void siweMessage_badTimesAreRefusedUpFront()
    {
        Fixture f;
        auto expired = siweRequest(QStringLiteral("valid_v7_default_statement.txt"), kHour);
        f.clock.advance(2 * kHour);
        QCOMPARE(f.broker.submit(expired, {}).error().code, ErrorCode::LitTimeRange);
        Fixture g;
        auto tooLong = siweRequest(QStringLiteral("valid_v7_default_statement.txt"), 31 * kDay);
        QCOMPARE(g.broker.submit(tooLong, {}).error().code, ErrorCode::LitTimeRange);
        QCOMPARE(g.activity.recent(1).at(0).decision, QStringLiteral("refused"));
    }
    void siweMessage_rememberedGrantCoversWhatEndsWithinIt()
    {
        Fixture f;
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        auto first =
            submit(f, siweRequest(QStringLiteral("valid_v7_default_statement.txt"), 15 * kMinute));
        QVERIFY(review.wait(5000));
        ApprovalScope scope{kTestAccount, true, std::nullopt, kDay};
        QVERIFY(f.broker.approve(first.id, scope).ok());
        QVERIFY(waitReply(first));
        QCOMPARE(f.permissions.grants().size(), 1);
        // The same capabilities, another statement (v8's empty one), ending within the grant:
        // answered without a prompt, exactly as written.
        auto again = siweRequest(QStringLiteral("valid_v8_empty_statement.txt"), 15 * kMinute);
        const std::string text = again.siwe->message.render();
        auto second = submit(f, again);
        QVERIFY(waitReply(second));
        QCOMPARE(review.count(), 1);
        const auto answer =
            QJsonDocument::fromJson(QByteArray::fromStdString(second.reply->value().value()))
                .object();
        QCOMPARE(answer[QStringLiteral("authSig")]
                     .toObject()[QStringLiteral("signedMessage")]
                     .toString()
                     .toStdString(),
                 text);
        QCOMPARE(f.activity.recent(1).at(0).decision, QStringLiteral("remembered"));
        // One that would outlive the grant asks again (it cannot be shortened).
        auto longer =
            submit(f, siweRequest(QStringLiteral("valid_v8_empty_statement.txt"), 2 * kDay));
        QVERIFY(review.wait(5000));
        QVERIFY(!longer.reply->has_value());
        // So does one asking for more than the grant holds.
        auto wider = submit(
            f, siweRequest(QStringLiteral("valid_pkp_wildcard_and_action.txt"), 15 * kMinute));
        QVERIFY(review.wait(5000));
        QVERIFY(!wider.reply->has_value());
        QCOMPARE(f.broker.pendingIds().size(), 2);
    }
    void approve_unknownAccountKeepsRequestPending()
    {
        Fixture f;
        auto s = submit(f, f.incoming());
        QCOMPARE(f.broker.approve(s.id, {QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), false, std::nullopt}).error().code,
                 ErrorCode::AccountNotFound);
        QCOMPARE(f.broker.pendingIds().size(), 1);
    }
    void keychainFailure_answersFailed()
    {
        Fixture f;
        auto s = submit(f, f.incoming());
        f.store.failNext(ErrorCode::KeychainFailure);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QCOMPARE(s.reply->value().error().code, ErrorCode::KeychainFailure);
        QCOMPARE(f.activity.recent()[0].decision, QStringLiteral("failed"));
    }
    void revoke_dropsGrantAndSessionKey()
    {
        Fixture f;
        auto s = submit(f, f.incoming());
        QVERIFY(f.broker.approve(s.id, {kTestAccount, true, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QVERIFY(f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));
        auto st = await<Status>(
            [&](auto cb) { f.broker.revoke(QStringLiteral("app-1"), kTestAccount, cb); });
        QVERIFY(st && st->ok());
        QVERIFY(f.permissions.grants().isEmpty());
        QVERIFY(!f.sessionKeys.publicKey(QStringLiteral("app-1"), kTestAccount));
    }
    // Lit Chipotle ChainSecured (issue #15): a one-off, built for the chosen account and signed
    // at the moment of approval.
    void chainSecured_signsForTheChosenAccountAtApproval()
    {
        Fixture f;
        QSignalSpy review(&f.broker, &RequestBroker::reviewRequested);
        auto in = f.incoming();
        in.kind = RequestKind::ChainSecured;
        in.chainSecuredPurpose = lit::ChainSecuredPurpose::BillingAuth;
        in.chainId = 8453;
        auto s = submit(f, std::move(in));
        QVERIFY(review.wait(5000));
        QCOMPARE(f.broker.review(s.id, kTestAccount).error().code, ErrorCode::InvalidArgument);
        auto r = f.broker.reviewChainSecured(s.id, kTestAccount);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
        QCOMPARE(r->account, kTestAccount);
        QCOMPARE(r->chain, QStringLiteral("Base (chain id 8453)"));
        f.clock.advance(10 * kSecond);
        QCOMPARE(f.broker.approve(s.id, {kTestAccount, true, std::nullopt}).error().code,
                 ErrorCode::InvalidArgument);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QVERIFY2(
            s.reply->value().ok(),
            qPrintable(s.reply->value().ok() ? QString() : describe(s.reply->value().error())));
        const auto body = s.reply->value().value();
        auto v = lit::verifyChainSecuredBody(
            body, lit::ChainSecuredExpectation{8453, (kTestNow + 10 * kSecond) / kSecond,
                                               lit::ChainSecuredPurpose::BillingAuth});
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : describe(v.error())));
        QCOMPARE(v->issuedAt, (kTestNow + 10 * kSecond) / kSecond);
        QCOMPARE(QString::fromStdString(v->address.toChecksummed()), kTestAccount);
        const auto log = f.activity.recent();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].kind, QStringLiteral("chainsecured"));
        QCOMPARE(log[0].decision, QStringLiteral("approved"));
        QCOMPARE(log[0].resources, QStringList{QStringLiteral("BillingAuth chain 8453")});
        QVERIFY(f.permissions.grants().isEmpty());
    }
    void chainSecured_appTypedDataSignedAsGivenByItsAccountOnly()
    {
        Fixture f;
        lit::ChainSecuredAuthorization given;
        given.purpose = lit::ChainSecuredPurpose::CreateWallet;
        given.chainId = 84532;
        given.address = eth::Address::parse(kTestAccount.toStdString()).value();
        given.issuedAt = kTestNow / kSecond - 100;
        auto in = f.incoming();
        in.kind = RequestKind::ChainSecured;
        in.typedData = given;
        auto s = submit(f, in);
        QVERIFY(f.broker.approve(s.id, {kTestAccount, false, std::nullopt}).ok());
        QVERIFY(waitReply(s));
        QVERIFY(s.reply->value().ok());
        QVERIFY(s.reply->value().value().rfind("{\"typed_data\":" + given.typedDataJson() + ",",
                                               0) == 0);
        QVERIFY(lit::verifyChainSecuredBody(
                    s.reply->value().value(),
                    lit::ChainSecuredExpectation{84532, kTestNow / kSecond, std::nullopt})
                    .ok());
        // Typed data naming an account Quill holds no key for cannot be approved with another.
        in.typedData->address =
            eth::Address::parse("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377").value();
        auto other = submit(f, in);
        QCOMPARE(f.broker.reviewChainSecured(other.id, kTestAccount).error().code,
                 ErrorCode::ChainSecuredSigner);
        QCOMPARE(f.broker.approve(other.id, {kTestAccount, false, std::nullopt}).error().code,
                 ErrorCode::ChainSecuredSigner);
        QVERIFY(f.broker.reject(other.id).ok());
        QVERIFY(waitReply(other));
        QCOMPARE(other.reply->value().error().code, ErrorCode::UserRejected);
        // Typed data the server would refuse for its time is refused before anyone is asked.
        in.typedData->issuedAt = kTestNow / kSecond - 301;
        auto stale = f.broker.submit(in, [](Result<std::string>) {});
        QCOMPARE(stale.error().code, ErrorCode::ChainSecuredTime);
    }
};

QTEST_GUILESS_MAIN(TestRequestBroker)
#include "tst_RequestBroker.moc"
