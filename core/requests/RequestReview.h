#pragma once

#include "requests/AppIdentity.h"

#include "common/Time.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSiwe.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <string>

namespace quill::requests {

enum class Severity { Info, Warning, Danger };

/// One honest remark about a request. `code` is stable (tests, logs); `text` is for people.
struct ReviewWarning
{
    Severity severity;
    QString code;
    QString text;
};

/// One requested capability in plain words.
struct CapabilityRow
{
    QString resourceKey; ///< "<prefix>://<id>"
    QString ability;     ///< Lit ability, e.g. "access-control-condition-decryption"
    QString text;        ///< "Decrypt data protected by access-control condition 53b0…c349"
    bool wildcard = false;
    QString data; ///< the signed nota-bene (`data`) as indented, ASCII-only JSON; empty if none
};

/// One node's price cap (lit-v8 `maxPrice`), as signed and in readable units.
struct PriceCapRow
{
    QString nodeUrl;
    QString signedHex; ///< what is signed, e.g. "0x3782dace9d90000"
    QString wei;       ///< decimal wei, e.g. "250000000000000000"
    QString tokens;    ///< whole tokens (18 decimals), e.g. "0.25"
};

/// One app-supplied delegation (capabilityAuthSig), checked: who signed it and what it
/// grants, in plain words (issue 14).
struct DelegationRow
{
    QString signer;     ///< EIP-55 address the signature recovers to; empty if unverified
    QStringList grants; ///< e.g. "Use capacity credit NFT #12345 (uses 10; delegate_to …)"
    QString expiration; ///< its SIWE Expiration Time, or empty
};

/// Everything the user needs to decide on a request: the exact SIWE text that will be
/// signed, what it allows in plain words, and warnings with a severity. Pure function of
/// its inputs; no I/O.
struct RequestReview
{
    std::string siweText;
    QList<CapabilityRow> rows;
    QList<ReviewWarning> warnings;
    QList<PriceCapRow> priceCaps; ///< lit-v8 only, in node order
    QList<DelegationRow> delegations; ///< capabilityAuthSigs, in request order
    QString issuedAt;   ///< ISO, as signed
    QString expiration; ///< ISO, as signed
    int nodeCount = 0;
    QStringList nodeHosts; ///< distinct node hosts (lower case), in first-seen order
    lit::Profile profile = lit::Profile::LitV7;
    /// The app's SDK built the message (quill_signSiweMessage): it is signed exactly as
    /// shown, for its own account and expiry; no node list.
    bool appBuilt = false;

    bool hasDanger() const;
    bool hasWarning(const QString &code) const;

    /// Builds the review of `request` from `app`, to be signed by `account` with the session
    /// key `sessionPublicKeyHex`, under the fixed `plan` (times, nonce, ReCap), at `now`.
    /// Returns: the review, or the error that makes the request unsignable (then the
    /// request cannot be approved at all).
    [[nodiscard]] static Result<RequestReview> build(const lit::SessionRequest &request,
                                                     const lit::IssuancePlan &plan,
                                                     const AppIdentity &app, const QString &account,
                                                     const std::string &sessionPublicKeyHex,
                                                     lit::Profile profile, UnixMillis now);

    /// The review of a message the app's SDK built (lit::SessionSiwe): the same rows and
    /// warnings as build(), with the message's own text, account and times.
    [[nodiscard]] static Result<RequestReview> buildForSiwe(const lit::SessionSiwe &message,
                                                            const AppIdentity &app, UnixMillis now);
};

/// The plain-words sentence for one capability (see RequestReview::rows).
QString describeCapability(const lit::ResourceAbilityRequest &request);

/// The plain-words sentences for what a delegation's ReCap grants, one per (resource,
/// ability); nota-bene conditions are appended as JSON.
QStringList describeDelegation(const recap::Recap &recap);

/// "53b0…c349" for long ids; the id itself when short.
QString shortId(const QString &id);

} // namespace quill::requests
