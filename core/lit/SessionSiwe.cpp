#include "lit/SessionSiwe.h"

#include "crypto/Encoding.h"
#include "lit/LitVocabulary.h"

namespace quill::lit {

namespace {

Error fault(ErrorCode code, const char *part, const QString &what)
{
    return Error{code, QString::fromLatin1(part) + QStringLiteral(": ") + what};
}

/// The Lit ability a ReCap ability means on a resource of `prefix` (several Lit abilities
/// share one ReCap ability; the prefix decides, as the SDK's valid-pair table does).
std::optional<Ability> litAbility(ResourcePrefix prefix, std::string_view recapText)
{
    for (int a = 0; a <= int(Ability::PaymentDelegation); ++a) {
        const auto candidate = Ability(a);
        if (recapAbility(candidate) == recapText && isValidPair(prefix, candidate))
            return candidate;
    }
    return std::nullopt;
}

} // namespace

Result<SessionSiwe> SessionSiwe::parse(std::string_view text)
{
    if (text.size() > kMaxBytes)
        return fault(ErrorCode::SiweSyntax, "message",
                     QStringLiteral("%1 bytes; at most %2").arg(text.size()).arg(kMaxBytes));
    auto parsed = siwe::SiweMessage::parse(text);
    if (!parsed)
        return Error{parsed.error().code, QStringLiteral("message: ") + parsed.error().context};
    SessionSiwe out;
    out.message = std::move(parsed).value();
    const auto &m = out.message;
    // What is reviewed must be all that is signed: the text must be the canonical rendering
    // of what was parsed (no trailing text, no second trailing LF, nothing the parser skips).
    if (m.render() != text)
        return fault(ErrorCode::SiweSyntax, "message",
                     QStringLiteral("does not render back to the same bytes (trailing text or "
                                    "non-canonical spacing)"));

    // URI: the session key the signature authorises.
    if (m.uri.rfind(kSessionUriPrefix, 0) != 0 ||
        !crypto::isLowerHex(std::string_view(m.uri).substr(kSessionUriPrefix.size()), 64))
        return fault(ErrorCode::SiweUri, "uri",
                     QStringLiteral("must be lit:session: followed by 64 lowercase hex digits "
                                    "(an Ed25519 session key)"));
    out.sessionPublicKey = m.uri.substr(kSessionUriPrefix.size());
    if (!m.expirationTime)
        return fault(ErrorCode::SiweExpirationTime, "expirationTime",
                     QStringLiteral("missing; a Lit session must expire"));
    if (m.notBefore)
        return fault(ErrorCode::SiweNotBefore, "notBefore",
                     QStringLiteral("not used by Lit session messages"));
    if (m.requestId)
        return fault(ErrorCode::SiweRequestId, "requestId",
                     QStringLiteral("not used by Lit session messages"));

    // Exactly one resource: the ReCap. Anything more would be signed but not reviewed.
    if (m.resources.size() != 1)
        return fault(ErrorCode::SiweResources, "resources",
                     QStringLiteral("%1 resources; a Lit session message has exactly one "
                                    "(its urn:recap:)")
                         .arg(m.resources.size()));
    auto recap = recap::Recap::decode(m.resources.front(), recap::Recap::Mode::Strict);
    if (!recap)
        return Error{recap.error().code, QStringLiteral("recap: ") + recap.error().context};
    out.recap = std::move(recap).value();
    if (!out.recap.proofs().empty())
        return fault(ErrorCode::RecapShape, "recap",
                     QStringLiteral("has proofs (prf); Lit session ReCaps have none"));
    if (out.recap.attenuations().empty())
        return fault(ErrorCode::RecapShape, "recap", QStringLiteral("grants nothing"));
    for (const auto &[key, abilities] : out.recap.attenuations()) {
        const QString where = QStringLiteral("recap: '%1'").arg(QString::fromStdString(key));
        const auto sep = key.find("://");
        const auto prefix =
            sep == std::string::npos ? std::nullopt : parseResourcePrefix(key.substr(0, sep));
        if (!prefix)
            return Error{ErrorCode::LitResourcePrefix,
                         where + QStringLiteral(" is not a Lit resource (lit-…://id)")};
        const std::string id = key.substr(sep + 3);
        if (id.empty())
            return Error{ErrorCode::LitRequestField, where + QStringLiteral(": empty id")};
        if (auto st = checkResourceIdText(id); !st)
            return Error{ErrorCode::LitRequestField,
                         where + QStringLiteral(": ") + st.error().context};
        for (const auto &[ability, notes] : abilities) {
            const auto lit = litAbility(*prefix, ability);
            if (!lit)
                return Error{ErrorCode::LitAbilityMismatch,
                             where + QStringLiteral(": '%1' is not a Lit ability for this resource")
                                         .arg(QString::fromStdString(ability))};
            if (notes.size() != 1)
                return Error{
                    ErrorCode::RecapShape,
                    where + QStringLiteral(": %1 nota-bene entries for '%2'; Lit SDKs write one")
                                .arg(notes.size())
                                .arg(QString::fromStdString(ability))};
            ResourceAbilityRequest r{*prefix, id, *lit, std::nullopt};
            if (notes.front() != "{}")
                r.dataJson = notes.front();
            out.capabilities.push_back(std::move(r));
        }
    }

    // The statement must end with the sentence the ReCap implies (EIP-5573): a ReCap that
    // grants more than the statement says, or a statement that promises something else, is
    // refused. What comes before it is the app's own text.
    const std::string sentence = out.recap.statement();
    const std::string statement = m.statement.value_or(std::string());
    if (statement == sentence) {
        out.appStatement.clear();
    } else if (statement.size() > sentence.size() &&
               statement.compare(statement.size() - sentence.size(), sentence.size(), sentence) ==
                   0 &&
               statement[statement.size() - sentence.size() - 1] == ' ') {
        out.appStatement = statement.substr(0, statement.size() - sentence.size() - 1);
    } else {
        return fault(ErrorCode::SiweStatement, "statement",
                     QStringLiteral("must end with the ReCap sentence \"%1\"")
                         .arg(QString::fromStdString(sentence)));
    }
    if (out.appStatement.find("urn:recap") != std::string::npos ||
        out.appStatement.find(std::string(recap::Recap::kPreamble)) != std::string::npos)
        return fault(ErrorCode::SiweStatement, "statement",
                     QStringLiteral("names a second ReCap before its own sentence"));
    return out;
}

SessionRequest SessionSiwe::asRequest() const
{
    SessionRequest r;
    r.domain = message.domain;
    r.statement = appStatement;
    r.chainId = message.chainId;
    r.nonce = message.nonce;
    r.issuedAt = message.issuedAt;
    r.expiration = message.expirationTime;
    r.resourceAbilityRequests = capabilities;
    return r;
}

IssuancePlan SessionSiwe::plan() const
{
    IssuancePlan p;
    p.recap = recap;
    p.issuedAt = message.issuedAt;
    p.expiration = message.expirationTime.value_or(std::string());
    p.nonce = message.nonce;
    return p;
}

} // namespace quill::lit
