// GUI test of the Lit Chipotle ChainSecured review (issue #15): what the user reads, and that a
// danger warning gates approval until acknowledged.
#include "ChainSecuredReviewView.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace quill;
using namespace quill::requests;

namespace {

lit::ChainSecuredAuthorization auth(lit::ChainSecuredPurpose purpose, std::uint64_t chainId)
{
    lit::ChainSecuredAuthorization a;
    a.purpose = purpose;
    a.chainId = chainId;
    a.address = eth::Address::parse("0x63FaC9201494f0bd17B9892B9fae4d52fe3BD377").value();
    a.issuedAt = 1780000000;
    return a;
}

AppIdentity app(const QString &name, const QString &origin)
{
    AppIdentity a;
    a.appId = QStringLiteral("app-1");
    a.claimedName = name;
    a.transport = QStringLiteral("websocket");
    a.origin = origin;
    a.paired = true;
    return a;
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    auto *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

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
        const auto a = auth(lit::ChainSecuredPurpose::AddUsageApiKey, 84532);
        view.setReview(ChainSecuredReview::build(a, app(QStringLiteral("My dapp"), QString())),
                       app(QStringLiteral("My dapp"), QString()));
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
        QVERIFY(text(&view, "appLabel").contains(QStringLiteral("“My dapp”")));
        QCOMPARE(child<QPlainTextEdit>(&view, QStringLiteral("typedDataText"))->toPlainText(),
                 QString::fromStdString(a.typedDataJson()));
        QVERIFY(!child<QCheckBox>(&view, QStringLiteral("acknowledgeCheck"))->isVisible());
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
        const auto phisher = app(QStringLiteral("Lit Dashboard"),
                                 QStringLiteral("https://litprotocol.com.evil.example"));
        view.setReview(
            ChainSecuredReview::build(auth(lit::ChainSecuredPurpose::ConvertAccount, 1), phisher),
            phisher);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(text(&view, "warning_origin-not-lit").startsWith(QStringLiteral("Danger: ")));
        QVERIFY(text(&view, "warning_unknown-chain").startsWith(QStringLiteral("Warning: ")));
        auto *ack = child<QCheckBox>(&view, QStringLiteral("acknowledgeCheck"));
        QVERIFY(ack->isVisible());
        QVERIFY(!view.approvable());
        QCOMPARE(spy.count(), 0);
        QTest::mouseClick(ack, Qt::LeftButton, {}, QPoint(8, ack->height() / 2));
        QVERIFY(ack->isChecked());
        QVERIFY(view.approvable());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toBool(), true);
        // A new review clears the acknowledgement.
        view.setReview(
            ChainSecuredReview::build(auth(lit::ChainSecuredPurpose::BillingAuth, 8453), phisher),
            phisher);
        QVERIFY(!ack->isChecked());
        QVERIFY(!view.approvable());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("warning_unknown-chain")));
    }
};

QTEST_MAIN(TestChainSecuredReviewGui)
#include "tst_ChainSecuredReview.moc"
