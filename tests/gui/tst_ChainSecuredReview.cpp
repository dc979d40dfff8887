// GUI test of the Lit Chipotle ChainSecured review (issue #15): what the user reads, and that a
// danger warning gates approval until acknowledged.
#include "../AsyncWait.h"
#include "../BrokerFixture.h"
#include "../ChainSecuredTestData.h"
#include "../FakeClock.h"

#include "ApprovalDialog.h"
#include "ChainSecuredReviewView.h"
#include "crypto/Encoding.h"
#include "vault/MemoryStore.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quill;
using namespace quill::requests;
using namespace quill::test;

namespace {

template <typename T> T *child(QObject *parent, const QString &name)
{
    auto *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

// A broker with one account on a MemoryStore (public test key of the spec's vectors).
const UnixMillis kNow = 1780000000000;

struct Fixture : BrokerFixture
{
    Fixture() : BrokerFixture(QStringLiteral("Test"), kNow) {}
};

QString text(QWidget *view, const char *name)
{
    return child<QLabel>(view, QLatin1String(name))->text();
}

} // namespace

class TestChainSecuredReviewGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsThePlainWordsAndTheExactData()
    {
        ui::ChainSecuredReviewView view;
        const auto a = chainSecuredAuth(lit::ChainSecuredPurpose::AddUsageApiKey, 84532);
        view.setReview(
            ChainSecuredReview::build(a, pairedWebSocketApp(QStringLiteral("My dapp"), QString())),
            pairedWebSocketApp(QStringLiteral("My dapp"), QString()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(text(&view, "actionLabel"),
                 QStringLiteral("Add a usage API key to your Lit ChainSecured account."));
        QCOMPARE(text(&view, "chainLabel"), QStringLiteral("Base Sepolia (chain id 84532)"));
        QCOMPARE(text(&view, "accountLabel"),
                 QStringLiteral("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377"));
        QVERIFY2(text(&view, "validityLabel")
                     .contains(QStringLiteral("anyone who obtains it can repeat this action")),
                 qPrintable(text(&view, "validityLabel")));
        QVERIFY(text(&view, "chainSecuredAppLabel").contains(QStringLiteral("“My dapp”")));
        QCOMPARE(child<QPlainTextEdit>(&view, QStringLiteral("typedDataText"))->toPlainText(),
                 QString::fromStdString(a.typedDataJson()));
        QVERIFY(!child<QCheckBox>(&view, QStringLiteral("chainSecuredAcknowledge"))->isVisible());
        QVERIFY(view.approvable());
        // Every focusable named widget has an accessible name.
        for (auto *w : view.findChildren<QWidget *>())
            if (!w->objectName().isEmpty() && w->focusPolicy() != Qt::NoFocus)
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    void dangerMustBeAcknowledged()
    {
        ui::ChainSecuredReviewView view;
        QSignalSpy spy(&view, &ui::ChainSecuredReviewView::approvableChanged);
        const auto phisher =
            pairedWebSocketApp(QStringLiteral("Lit Dashboard"),
                               QStringLiteral("https://litprotocol.com.evil.example"));
        view.setReview(ChainSecuredReview::build(
                           chainSecuredAuth(lit::ChainSecuredPurpose::ConvertAccount, 1), phisher),
                       phisher);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(text(&view, "warning_origin-not-lit").startsWith(QStringLiteral("Danger: ")));
        QVERIFY(text(&view, "warning_unknown-chain").startsWith(QStringLiteral("Warning: ")));
        auto *ack = child<QCheckBox>(&view, QStringLiteral("chainSecuredAcknowledge"));
        QVERIFY(ack->isVisible());
        QVERIFY(!view.approvable());
        QCOMPARE(spy.count(), 0);
        QTest::mouseClick(ack, Qt::LeftButton, {}, QPoint(8, ack->height() / 2));
        QVERIFY(ack->isChecked());
        QVERIFY(view.approvable());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toBool(), true);
        // A new review clears the acknowledgement.
        view.setReview(ChainSecuredReview::build(
                           chainSecuredAuth(lit::ChainSecuredPurpose::BillingAuth, 8453), phisher),
                       phisher);
        QVERIFY(!ack->isChecked());
        QVERIFY(!view.approvable());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("warning_unknown-chain")));
    }
    // The approval dialog opens the ChainSecured review for a ChainSecured request, offers no
    // "remember", and its Approve answers the app with a body Chipotle's checks accept.
    void approvalDialog_showsTheReviewAndSigns()
    {
        Fixture f;
        IncomingRequest in;
        in.app = pairedWebSocketApp(QStringLiteral("Lit Dashboard"),
                                    QStringLiteral("https://dashboard.litprotocol.com"));
        in.kind = RequestKind::ChainSecured;
        in.chainSecuredPurpose = lit::ChainSecuredPurpose::CreateWallet;
        in.chainId = 8453;
        auto reply = std::make_shared<std::optional<Result<std::string>>>();
        const auto id =
            f.broker.submit(in, [reply](Result<std::string> r) { reply->emplace(std::move(r)); });
        QVERIFY(id.ok());
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, *id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view =
            child<ui::ChainSecuredReviewView>(&dialog, QStringLiteral("chainSecuredReview"));
        QVERIFY(view->isVisible());
        QCOMPARE(text(view, "actionLabel"),
                 QStringLiteral("Create a new wallet (PKP) for your Lit ChainSecured account."));
        QCOMPARE(text(view, "chainLabel"), QStringLiteral("Base (chain id 8453)"));
        QCOMPARE(text(view, "accountLabel"), kTestAccount);
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("approveRememberButton"))->isVisible());
        QVERIFY(!child<QWidget>(&dialog, QStringLiteral("capabilityTable"))->isVisible());
        QVERIFY(!child<QWidget>(&dialog, QStringLiteral("siweText"))->isVisible());
        QVERIFY(child<QPushButton>(&dialog, QStringLiteral("rejectButton"))->isDefault());
        auto *approve = child<QPushButton>(&dialog, QStringLiteral("approveButton"));
        QVERIFY(approve->isEnabled());
        QSignalSpy finished(&f.broker, &RequestBroker::requestFinished);
        QTest::mouseClick(approve, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return reply->has_value(); }, 10000));
        QVERIFY2(reply->value().ok(),
                 qPrintable(reply->value().ok() ? QString() : describe(reply->value().error())));
        auto v = lit::verifyChainSecuredBody(
            reply->value().value(),
            lit::ChainSecuredExpectation{8453, kNow / kSecond,
                                         lit::ChainSecuredPurpose::CreateWallet});
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : describe(v.error())));
        QCOMPARE(QString::fromStdString(v->address.toChecksummed()), kTestAccount);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).value<Decision>() == Decision::Approved);
    }
    void approvalDialog_dangerGatesApproveAndEscRejects()
    {
        Fixture f;
        IncomingRequest in;
        in.app = pairedWebSocketApp(QStringLiteral("Lit Dashboard"),
                                    QStringLiteral("https://lit-protocol.example"));
        in.kind = RequestKind::ChainSecured;
        in.chainSecuredPurpose = lit::ChainSecuredPurpose::ConvertAccount;
        in.chainId = 8453;
        auto reply = std::make_shared<std::optional<Result<std::string>>>();
        const auto id =
            f.broker.submit(in, [reply](Result<std::string> r) { reply->emplace(std::move(r)); });
        QVERIFY(id.ok());
        ui::ApprovalDialog dialog(f.broker, f.wallets, f.clock, *id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *approve = child<QPushButton>(&dialog, QStringLiteral("approveButton"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("warning_origin-not-lit")));
        QVERIFY(!approve->isEnabled());
        auto *ack = child<QCheckBox>(&dialog, QStringLiteral("chainSecuredAcknowledge"));
        QTest::mouseClick(ack, Qt::LeftButton, {}, QPoint(8, ack->height() / 2));
        QVERIFY(approve->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(QTest::qWaitFor([&] { return reply->has_value(); }, 5000));
        QCOMPARE(reply->value().error().code, ErrorCode::UserRejected);
    }
};

QTEST_MAIN(TestChainSecuredReviewGui)
#include "tst_ChainSecuredReview.moc"
