#include "requests/RequestReview.h"

#include "lit/Delegation.h"
#include "lit/MaxPrice.h"
#include "recap/Recap.h"
#include "siwe/SiweMessage.h"

#include <QCoreApplication>
#include <QUrl>

namespace quill::requests {

namespace {

constexpr UnixMillis kLongExpiry = 7 * kDay;
constexpr UnixMillis kNodeMaxLifetime = 30 * kDay;
constexpr UnixMillis kClockSlack = 60 * kSecond;

QString q(const std::string &s) { return QString::fromStdString(s); }

int defaultPort(const QString &scheme)
{
    if (scheme == QStringLiteral("https") || scheme == QStringLiteral("wss"))
        return 443;
    if (scheme == QStringLiteral("http") || scheme == QStringLiteral("ws"))
        return 80;
    return -1;
}

/// True if the SIWE `domain` (an RFC 3986 authority, EIP-4361 §2.1) names the site of the
/// browser `origin`: same host (case-insensitive) and same port, where an absent port is
/// the scheme's default — "app.example.com:443" is the site https://app.example.com
/// (issue 14).
bool domainMatchesOrigin(const QString &domain, const QString &origin)
{
    const QUrl site(origin);
    if (!site.isValid() || site.host().isEmpty() || domain.isEmpty() ||
        domain.contains(QLatin1Char('@')) || domain.contains(QLatin1Char('/')))
        return false;
    const QUrl claimed(site.scheme() + QStringLiteral("://") + domain, QUrl::StrictMode);
    if (!claimed.isValid() || claimed.host().isEmpty() || !claimed.path().isEmpty())
        return false;
    const int port = defaultPort(site.scheme());
    return claimed.host().compare(site.host(), Qt::CaseInsensitive) == 0 &&
           claimed.port(port) == site.port(port);
}

/// A nota-bene object (canonical JSON without whitespace, as signed) indented for people,
/// byte for byte the same values (numbers are not re-read as doubles); anything outside
/// printable ASCII is written as a \\uXXXX escape, so no character can disguise the text.
QString formatNotaBene(const std::string &canonical)
{
    QString out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += QLatin1Char('\n') + QString(2 * depth, QLatin1Char(' '));
    };
    const QString text = QString::fromStdString(canonical);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            continue;
        }
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (u == u'\\')
                escaped = true;
            else if (u == u'"')
                inString = false;
            continue;
        }
        const bool emptyAhead = i + 1 < text.size() && (text.at(i + 1) == QLatin1Char('}') ||
                                                        text.at(i + 1) == QLatin1Char(']'));
        switch (u) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[':
            out += c;
            if (!emptyAhead) {
                ++depth;
                newline();
            }
            break;
        case u'}':
        case u']':
            if (i > 0 && text.at(i - 1) != QLatin1Char('{') && text.at(i - 1) != QLatin1Char('[')) {
                --depth;
                newline();
            }
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += QStringLiteral(": ");
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool isLoopbackDomain(const QString &domain)
{
    const QString host = domain.section(QLatin1Char(':'), 0, 0);
    return host == QStringLiteral("localhost") || host == QStringLiteral("127.0.0.1") ||
           domain.startsWith(QStringLiteral("[::1]"));
}

QString describeDuration(UnixMillis ms)
{
    if (ms >= 2 * kDay)
        return QCoreApplication::translate("quill::Review", "%1 days").arg(ms / kDay);
    if (ms >= 2 * kHour)
        return QCoreApplication::translate("quill::Review", "%1 hours").arg(ms / kHour);
    return QCoreApplication::translate("quill::Review", "%1 minutes")
        .arg(qMax<UnixMillis>(ms / kMinute, 0));
}

/// The nota-bene objects the ReCap signs for (`resource`, `ability`), empty if none.
std::vector<std::string> notaBenesOf(const recap::Recap &recap, const std::string &resource,
                                     std::string_view ability)
{
    const auto &att = recap.attenuations();
    const auto entry = att.find(resource);
    if (entry == att.end())
        return {};
    const auto found = entry->second.find(std::string(ability));
    return found == entry->second.end() ? std::vector<std::string>() : found->second;
}

} // namespace

QString shortId(const QString &id)
{
    if (id.size() <= 12)
        return id;
    return id.left(4) + QStringLiteral("…") + id.right(4);
}

QString describeCapability(const lit::ResourceAbilityRequest &r)
{
    const bool any = r.resource == "*";
    const QString id = shortId(q(r.resource));
    using lit::Ability;
    switch (r.ability) {
    case Ability::AccessControlConditionDecryption:
        return any ? QCoreApplication::translate(
                         "quill::Review",
                         "Decrypt any data protected by any access-control condition")
                   : QCoreApplication::translate(
                         "quill::Review", "Decrypt data protected by access-control condition %1")
                         .arg(id);
    case Ability::AccessControlConditionSigning:
        return any ? QCoreApplication::translate("quill::Review",
                                                 "Sign with any access-control condition")
                   : QCoreApplication::translate("quill::Review",
                                                 "Sign with access-control condition %1")
                         .arg(id);
    case Ability::PkpSigning:
        return any ? QCoreApplication::translate("quill::Review", "Sign with any of your PKPs")
                   : QCoreApplication::translate("quill::Review", "Sign with PKP %1").arg(id);
    case Ability::LitActionExecution:
        return any ? QCoreApplication::translate("quill::Review", "Run any Lit Action")
                   : QCoreApplication::translate("quill::Review", "Run Lit Action %1").arg(id);
    case Ability::RateLimitIncreaseAuth:
        return any ? QCoreApplication::translate("quill::Review",
                                                 "Use any of your capacity credits")
                   : QCoreApplication::translate("quill::Review", "Use capacity credit NFT #%1")
                         .arg(id);
    case Ability::PaymentDelegation:
        return any ? QCoreApplication::translate("quill::Review", "Use any payment delegation")
                   : QCoreApplication::translate("quill::Review", "Use payment delegation %1")
                         .arg(id);
    }
    return {};
}

QStringList describeDelegation(const recap::Recap &recap)
{
    QStringList out;
    for (const auto &[key, abilities] : recap.attenuations()) {
        const auto sep = key.find("://");
        // A plain enum and a flag rather than std::optional: GCC 12 at -O3 reports the
        // optional's payload as maybe-uninitialized here.
        lit::ResourcePrefix prefix{};
        bool litResource = false;
        if (sep != std::string::npos)
            if (const auto parsed = lit::parseResourcePrefix(key.substr(0, sep))) {
                prefix = *parsed;
                litResource = true;
            }
        const std::string id = sep == std::string::npos ? std::string() : key.substr(sep + 3);
        for (const auto &[ability, notes] : abilities) {
            QString text;
            if (ability == "*/*")
                text =
                    QCoreApplication::translate("quill::Review", "Do anything with %1").arg(q(key));
            for (int a = 0;
                 litResource && text.isEmpty() && a <= int(lit::Ability::PaymentDelegation); ++a) {
                const auto candidate = lit::Ability(a);
                if (lit::recapAbility(candidate) == ability && lit::isValidPair(prefix, candidate))
                    text = describeCapability({prefix, id, candidate, std::nullopt});
            }
            if (text.isEmpty())
                text = QCoreApplication::translate("quill::Review", "%1 on %2")
                           .arg(q(ability), q(key));
            QStringList conditions;
            for (const auto &note : notes)
                if (note != "{}")
                    conditions.push_back(q(note));
            if (!conditions.isEmpty())
                text += QCoreApplication::translate("quill::Review", " (conditions: %1)")
                            .arg(conditions.join(QStringLiteral("; ")));
            out.push_back(text);
        }
    }
    return out;
}

bool RequestReview::hasDanger() const
{
    for (const auto &w : warnings)
        if (w.severity == Severity::Danger)
            return true;
    return false;
}

bool RequestReview::hasWarning(const QString &code) const
{
    for (const auto &w : warnings)
        if (w.code == code)
            return true;
    return false;
}

Result<RequestReview> RequestReview::build(const lit::SessionRequest &request,
                                           const lit::IssuancePlan &plan, const AppIdentity &app,
                                           const QString &account,
                                           const std::string &sessionPublicKeyHex,
                                           lit::Profile profile, UnixMillis now)
{
    auto siwe = lit::SessionSigIssuer::buildSiwe(request, plan, account.toStdString(), sessionPublicKeyHex);
    if (!siwe)
        return siwe.error();
    RequestReview review;
    review.siweText = siwe->render();
    review.issuedAt = q(plan.issuedAt);
    review.expiration = q(plan.expiration);
    review.nodeCount = int(request.nodeUrls.size());
    for (const auto &url : request.nodeUrls) {
        // "https://host:port" → "host" (fromJson validated every URL).
        const auto normal = lit::normalizedNodeUrl(url);
        const std::string hostPort = normal ? normal->substr(8) : url;
        const QString host = q(hostPort.substr(0, hostPort.rfind(':')));
        if (!review.nodeHosts.contains(host))
            review.nodeHosts.push_back(host);
    }
    review.profile = profile;

    auto add = [&](Severity s, const char *code, const QString &text) {
        review.warnings.push_back({s, QString::fromLatin1(code), text});
    };

    for (const auto &r : request.resourceAbilityRequests) {
        CapabilityRow row{q(r.key()),
                          q(std::string(lit::toString(r.ability))),
                          describeCapability(r),
                          r.resource == "*",
                          {}};
        // Issue 14: the nota-bene is signed (inside the ReCap's base64); show it readably.
        if (r.dataJson) {
            QStringList shown;
            for (const auto &nb : notaBenesOf(plan.recap, r.key(), lit::recapAbility(r.ability)))
                if (nb != "{}")
                    shown.push_back(formatNotaBene(nb));
            row.data = shown.join(QStringLiteral("\n"));
        }
        review.rows.push_back(row);
        if (!row.data.isEmpty())
            add(Severity::Info, "nota-bene",
                QCoreApplication::translate("quill::Review",
                                            "Signed with conditions (data) for %1:\n%2")
                    .arg(row.resourceKey, row.data));
    }

    // Danger: what nodes reject or what may be a phishing attempt.
    const QString domain = q(request.domain);
    if (!app.origin.isEmpty()) {
        if (!domainMatchesOrigin(domain, app.origin))
            add(Severity::Danger, "domain-mismatch",
                QCoreApplication::translate(
                    "quill::Review",
                    "The message names the site \"%1\", but the request comes from %2.")
                    .arg(domain, app.origin));
    } else if (!isLoopbackDomain(domain)) {
        // Issue 14: without an Origin nothing ties the app to the site it names; a signature
        // for someone else's site is what a phishing app wants, so this is a Danger.
        add(Severity::Danger, "domain-unverified",
            QCoreApplication::translate(
                "quill::Review",
                "The message names the site \"%1\", but this app has no browser Origin: "
                "nothing shows that it belongs to that site.")
                .arg(domain));
    }
    const auto issued = parseRfc3339(plan.issuedAt);
    const auto expires = parseRfc3339(plan.expiration);
    if (issued && expires) {
        const UnixMillis lifetime = *expires - *issued;
        if (lifetime > kNodeMaxLifetime)
            add(Severity::Danger, "expiry-over-30-days",
                QCoreApplication::translate(
                    "quill::Review", "Valid for %1: Lit nodes reject sessions longer than 30 days.")
                    .arg(describeDuration(lifetime)));
        else if (lifetime > kLongExpiry)
            add(Severity::Warning, "long-expiry",
                QCoreApplication::translate("quill::Review", "Valid for %1, more than a week.")
                    .arg(describeDuration(lifetime)));
        if (*expires <= now)
            add(Severity::Danger, "already-expired",
                QCoreApplication::translate("quill::Review",
                                            "The request expired before it could be signed."));
        if (*issued > now + kClockSlack)
            add(Severity::Danger, "issued-in-future",
                QCoreApplication::translate("quill::Review",
                                            "The request is dated in the future (%1).")
                    .arg(q(plan.issuedAt)));
    }
    if (profile == lit::Profile::LitV8) {
        QStringList caps;
        for (const auto &url : request.nodeUrls) {
            std::optional<lit::MaxPrice> value;
            if (const auto price = request.maxPriceFor(url))
                if (auto parsed = lit::MaxPrice::parse(*price))
                    value = *parsed;
            if (!value) {
                add(Severity::Danger, "max-price-missing",
                    QCoreApplication::translate(
                        "quill::Review",
                        "No price cap (maxPrice) for %1: Naga nodes refuse the session.")
                        .arg(q(url)));
                continue;
            }
            PriceCapRow row{q(url), q(value->toSdkHex()), q(value->toDecimal()),
                            q(value->toTokens())};
            caps.push_back(
                QCoreApplication::translate("quill::Review", "%1 at most %2 tokens (%3 wei)")
                    .arg(row.nodeUrl, row.tokens, row.wei));
            review.priceCaps.push_back(row);
        }
        if (!caps.isEmpty())
            add(Severity::Info, "max-price",
                QCoreApplication::translate("quill::Review", "Price caps per node: %1.")
                    .arg(caps.join(QStringLiteral("; "))));
    }
    for (const auto &r : request.resourceAbilityRequests)
        if (!lit::isValidPair(r.prefix, r.ability))
            add(Severity::Danger, "invalid-pair",
                QCoreApplication::translate("quill::Review", "%1 is not a valid ability for %2.")
                    .arg(q(std::string(lit::toString(r.ability))), q(r.key())));

    // Warning: broad or unusual.
    for (const auto &r : request.resourceAbilityRequests) {
        if (r.prefix != lit::ResourcePrefix::Pkp)
            continue;
        // The SDK keeps the case of a PKP id, but nodes name a PKP by its lowercase token id
        // and compare ids as strings (spec §5.3, §9 step 4).
        const bool hex64 =
            r.resource.size() == 64 &&
            r.resource.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
        if (hex64 && r.resource.find_first_of("ABCDEF") != std::string::npos)
            add(Severity::Warning, "pkp-id-upper-case",
                QCoreApplication::translate(
                    "quill::Review",
                    "PKP id %1 has upper-case hex: Lit nodes name PKPs in lower case, so "
                    "this session may not cover that PKP.")
                    .arg(q(r.resource)));
        if (r.requestedResource.empty())
            continue;
        const auto &given = r.requestedResource;
        const bool decimalLooking = given.find_first_not_of("0123456789") == std::string::npos;
        if (decimalLooking)
            add(Severity::Warning, "pkp-id-padded-as-hex",
                QCoreApplication::translate(
                    "quill::Review",
                    "PKP id %1 is read as hex and signed as %2, as the Lit SDK does. If %1 is a "
                    "decimal token id, this is a different PKP.")
                    .arg(q(given), q(r.resource)));
        else
            add(Severity::Info, "pkp-id-normalised",
                QCoreApplication::translate("quill::Review",
                                            "PKP id %1 is signed as %2 (the Lit SDK's form).")
                    .arg(q(given), q(r.resource)));
    }
    bool wildcard = false;
    for (const auto &row : review.rows)
        wildcard = wildcard || row.wildcard;
    if (wildcard)
        add(Severity::Warning, "wildcard-resource",
            QCoreApplication::translate(
                "quill::Review",
                "Covers every resource of a kind (*), not one specific resource."));
    for (const auto &[resource, abilities] : plan.recap.attenuations())
        if (abilities.count("*/*"))
            add(Severity::Warning, "wildcard-ability",
                QCoreApplication::translate("quill::Review", "Allows every ability (*/*) on %1.")
                    .arg(q(resource)));
    if (!app.paired)
        add(Severity::Warning, "unpaired-app",
            QCoreApplication::translate("quill::Review", "This app is not paired with Quill."));
    else if (app.firstRequest)
        add(Severity::Warning, "first-time-app",
            QCoreApplication::translate("quill::Review", "First request from this app."));
    // Issue 14: name who verifiably signed each delegation and what it grants. fromJson
    // refuses unverifiable ones; a request built another way is marked, not trusted.
    const auto sessionEnds = parseRfc3339(plan.expiration);
    for (std::size_t i = 0; i < request.capabilityAuthSigs.size(); ++i) {
        auto d = lit::Delegation::verify(request.capabilityAuthSigs[i]);
        if (!d) {
            review.delegations.push_back({});
            add(Severity::Danger, "delegation-unverified",
                QCoreApplication::translate("quill::Review", "Delegation %1 cannot be verified: %2")
                    .arg(i + 1)
                    .arg(d.error().context));
            continue;
        }
        DelegationRow row{q(d->signer), describeDelegation(d->recap),
                          q(d->message.expirationTime.value_or(std::string()))};
        add(Severity::Warning, "delegation-attached",
            QCoreApplication::translate(
                "quill::Review", "Attaches a delegation signed by %1 (signature verified): %2.")
                .arg(row.signer, row.grants.join(QStringLiteral("; "))));
        if (d->message.expirationTime && sessionEnds) {
            const auto ends = parseRfc3339(*d->message.expirationTime);
            if (ends && *ends < *sessionEnds)
                add(Severity::Warning, "delegation-expires-first",
                    QCoreApplication::translate(
                        "quill::Review",
                        "The delegation signed by %1 ends at %2, before this session (%3).")
                        .arg(row.signer, row.expiration, review.expiration));
        }
        review.delegations.push_back(row);
    }

    // Info.
    // Issue 14: how many nodes and where, not only a count.
    constexpr int kHostsShown = 8;
    QString hosts = review.nodeHosts.mid(0, kHostsShown).join(QStringLiteral(", "));
    if (review.nodeHosts.size() > kHostsShown)
        hosts += QCoreApplication::translate("quill::Review", " and %1 more")
                     .arg(review.nodeHosts.size() - kHostsShown);
    add(Severity::Info, "node-count",
        // Without a translator %n is the number and "(s)" stays: the CLI's text is unchanged.
        QCoreApplication::translate("quill::Review", "Signs for %1 on %2: %3.")
            .arg(QCoreApplication::translate("quill::Review", "%n Lit node(s)", nullptr,
                                             review.nodeCount),
                 QCoreApplication::translate("quill::Review", "%n host(s)", nullptr,
                                             int(review.nodeHosts.size())),
                 hosts));
    add(Severity::Info, "profile",
        profile == lit::Profile::LitV7
            ? QCoreApplication::translate("quill::Review", "Lit network: Datil (SDK v7 format).")
            : QCoreApplication::translate("quill::Review", "Lit network: Naga (SDK v8 format)."));
    return review;
}

Result<RequestReview> RequestReview::buildForSiwe(const lit::SessionSiwe &message,
                                                  const AppIdentity &app, UnixMillis now)
{
    auto review = build(message.asRequest(), message.plan(), app, q(message.message.address),
                        message.sessionPublicKey, lit::Profile::LitV7, now);
    if (!review)
        return review;
    review->siweText = message.message.render();
    review->appBuilt = true;
    review->nodeCount = 0;
    review->warnings.removeIf([](const ReviewWarning &w) {
        return w.code == QStringLiteral("node-count") || w.code == QStringLiteral("profile");
    });
    review->warnings.push_back(
        {Severity::Info, QStringLiteral("app-built-message"),
         QCoreApplication::translate(
             "quill::Review",
             "The app's Lit SDK wrote this message. Quill signs it exactly as shown; the app "
             "makes the per-node signatures itself with its session key %1.")
             .arg(shortId(q(message.sessionPublicKey)))});
    if (message.message.chainId != 1)
        review->warnings.push_back(
            {Severity::Info, QStringLiteral("chain-id"),
             QCoreApplication::translate("quill::Review", "Chain id %1 (Lit SDKs write 1).")
                 .arg(message.message.chainId)});
    return review;
}

} // namespace quill::requests
