#include "lit/LitVocabulary.h"

#include <array>
#include <utility>

namespace quill::lit {

namespace {

constexpr std::array<std::pair<ResourcePrefix, std::string_view>, 5> kPrefixes = {{
    {ResourcePrefix::AccessControlCondition, "lit-accesscontrolcondition"},
    {ResourcePrefix::Pkp, "lit-pkp"},
    {ResourcePrefix::RateLimitIncrease, "lit-ratelimitincrease"},
    {ResourcePrefix::LitAction, "lit-litaction"},
    {ResourcePrefix::PaymentDelegation, "lit-paymentdelegation"},
}};

constexpr std::array<std::pair<Ability, std::string_view>, 6> kAbilities = {{
    {Ability::AccessControlConditionDecryption, "access-control-condition-decryption"},
    {Ability::AccessControlConditionSigning, "access-control-condition-signing"},
    {Ability::PkpSigning, "pkp-signing"},
    {Ability::RateLimitIncreaseAuth, "rate-limit-increase-auth"},
    {Ability::LitActionExecution, "lit-action-execution"},
    {Ability::PaymentDelegation, "lit-payment-delegation"},
}};

} // namespace

std::string_view toString(ResourcePrefix prefix)
{
    for (const auto &[p, s] : kPrefixes)
        if (p == prefix)
            return s;
    return {};
}

std::string_view toString(Ability ability)
{
    for (const auto &[a, s] : kAbilities)
        if (a == ability)
            return s;
    return {};
}

std::optional<ResourcePrefix> parseResourcePrefix(std::string_view text)
{
    for (const auto &[p, s] : kPrefixes)
        if (s == text)
            return p;
    return std::nullopt;
}

std::optional<Ability> parseAbility(std::string_view text)
{
    for (const auto &[a, s] : kAbilities)
        if (s == text)
            return a;
    return std::nullopt;
}

bool isValidPair(ResourcePrefix prefix, Ability ability)
{
    switch (prefix) {
    case ResourcePrefix::AccessControlCondition:
        return ability == Ability::AccessControlConditionDecryption ||
               ability == Ability::AccessControlConditionSigning;
    case ResourcePrefix::Pkp: return ability == Ability::PkpSigning;
    case ResourcePrefix::RateLimitIncrease: return ability == Ability::RateLimitIncreaseAuth;
    case ResourcePrefix::LitAction: return ability == Ability::LitActionExecution;
    case ResourcePrefix::PaymentDelegation: return ability == Ability::PaymentDelegation;
    }
    return false;
}

std::string_view recapAbility(Ability ability)
{
    switch (ability) {
    case Ability::AccessControlConditionDecryption: return "Threshold/Decryption";
    case Ability::AccessControlConditionSigning:
    case Ability::PkpSigning: return "Threshold/Signing";
    case Ability::LitActionExecution: return "Threshold/Execution";
    case Ability::RateLimitIncreaseAuth:
    case Ability::PaymentDelegation: return "Auth/Auth";
    }
    return {};
}

std::string resourceKey(ResourcePrefix prefix, std::string_view id)
{
    std::string key(toString(prefix));
    key += "://";
    key += id;
    return key;
}

Result<std::string> formatPkpResourceId(std::string_view id)
{
    constexpr std::size_t kTokenIdHexDigits = 64; // a PKP token id is 32 bytes
    if (id.substr(0, 2) == "0x")
        id.remove_prefix(2);
    if (id.size() > kTokenIdHexDigits)
        return Error{
            ErrorCode::LitRequestField,
            QStringLiteral(
                "a PKP token id has at most 64 hex digits (after 0x); this one has %1 characters")
                .arg(id.size())};
    bool hex = !id.empty();
    for (char c : id)
        hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    if (!hex)
        return std::string(id);
    return std::string(kTokenIdHexDigits - id.size(), '0') + std::string(id);
}

Result<std::string> sdkResourceId(ResourcePrefix prefix, std::string_view id)
{
    if (prefix == ResourcePrefix::Pkp)
        return formatPkpResourceId(id);
    return std::string(id);
}

} // namespace quill::lit
