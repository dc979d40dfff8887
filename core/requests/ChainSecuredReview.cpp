#include "requests/ChainSecuredReview.h"

#include "common/Time.h"

#include <QCoreApplication>
#include <QUrl>

namespace quill::requests {

QString describePurpose(lit::ChainSecuredPurpose purpose)
{
    switch (purpose) {
    case lit::ChainSecuredPurpose::CreateWallet:
        return QCoreApplication::translate(
            "quill::Review", "Create a new wallet (PKP) for your Lit ChainSecured account.");
    case lit::ChainSecuredPurpose::ConvertAccount:
        return QCoreApplication::translate(
            "quill::Review",
            "Convert a Lit account to ChainSecured, with this wallet as its owner.");
    case lit::ChainSecuredPurpose::AddUsageApiKey:
        return QCoreApplication::translate("quill::Review",
                                           "Add a usage API key to your Lit ChainSecured account.");
    case lit::ChainSecuredPurpose::BillingAuth:
        return QCoreApplication::translate(
            "quill::Review", "Authorize billing operations for your Lit ChainSecured account.");
    }
    return {};
}

QString chainName(std::uint64_t chainId)
{
    switch (chainId) {
    case 8453:
        return QStringLiteral("Base");
    case 84532:
        return QStringLiteral("Base Sepolia");
    case 175188:
        return QCoreApplication::translate("quill::Review", "Anvil (local test chain)");
    default:
        return {};
    }
}

bool ChainSecuredReview::hasWarning(const QString &code) const
{
    for (const auto &w : warnings)
        if (w.code == code)
            return true;
    return false;
}

namespace {

/// True for litprotocol.com and its subdomains (the domain Lit serves its apps and
/// dashboard from), over https.
bool isLitOrigin(const QString &origin)
{
    const QUrl url(origin);
    if (url.scheme() != QStringLiteral("https"))
        return false;
    const QString host = url.host().toLower();
    return host == QStringLiteral("litprotocol.com") ||
           host.endsWith(QStringLiteral(".litprotocol.com"));
}

} // namespace

ChainSecuredReview ChainSecuredReview::build(const lit::ChainSecuredAuthorization &auth,
                                             const AppIdentity &app)
{
    ChainSecuredReview r;
    r.action = describePurpose(auth.purpose);
    const QString name = chainName(auth.chainId);
    r.chain =
        (name.isEmpty() ? QCoreApplication::translate("quill::Review", "unknown chain") : name) +
        QCoreApplication::translate("quill::Review", " (chain id %1)").arg(auth.chainId);
    r.account = QString::fromStdString(auth.address.toChecksummed());
    r.issuedAt = QString::fromStdString(formatIso(auth.issuedAt * kSecond));
    const QString until = QString::fromStdString(
        formatIso((auth.issuedAt + lit::kChainSecuredSkewSeconds) * kSecond));
    r.validity = QCoreApplication::translate(
                     "quill::Review",
                     "Valid for 5 minutes (until %1); anyone who obtains it can repeat this action "
                     "in that time.")
                     .arg(until);
    r.typedDataJson = auth.typedDataJson();
    if (auth.chainId == 175188)
        r.warnings.append(
            {Severity::Info, QStringLiteral("test-chain"),
             QCoreApplication::translate(
                 "quill::Review", "Chain id 175188 is Anvil, a local test chain: Lit's production "
                                  "servers use Base (8453).")});
    else if (name.isEmpty())
        r.warnings.append({Severity::Warning, QStringLiteral("unknown-chain"),
                           QCoreApplication::translate(
                               "quill::Review",
                               "Chain id %1 is not Base (8453) or Base Sepolia (84532), the chains "
                               "Lit Chipotle uses.")
                               .arg(auth.chainId)});
    const bool claimsLit = app.claimedName.contains(QStringLiteral("lit"), Qt::CaseInsensitive);
    if (claimsLit && !app.origin.isEmpty() && !isLitOrigin(app.origin))
        r.warnings.append(
            {Severity::Danger, QStringLiteral("origin-not-lit"),
             QCoreApplication::translate(
                 "quill::Review", "The app calls itself \"%1\" but its web origin %2 is not a Lit "
                                  "Protocol domain.")
                 .arg(app.claimedName, app.origin)});
    if (!app.paired)
        r.warnings.append(
            {Severity::Danger, QStringLiteral("unpaired"),
             QCoreApplication::translate("quill::Review", "This app is not paired with Quill.")});
    return r;
}

} // namespace quill::requests
