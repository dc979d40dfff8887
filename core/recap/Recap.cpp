#include "recap/Recap.h"

#include "common/JsonSyntaxError.h"
#include "common/JsonText.h"
#include "common/OrderedJson.h"
#include "crypto/Encoding.h"

#include <nlohmann/json.hpp>

#include <set>

namespace quill::recap {

namespace {

bool isAbilityChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '*' || c == '_' || c == '+' || c == '-';
}

/// A resource key must be a URI with a scheme and no whitespace or control characters.
bool isValidResourceKey(std::string_view key)
{
    const auto colon = key.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    for (char c : key)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return false;
    return true;
}

Error shape(const char *what) { return Error{ErrorCode::RecapShape, QString::fromLatin1(what)}; }

} // namespace

bool Recap::isValidAbility(std::string_view ability)
{
    const auto slash = ability.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == ability.size())
        return false;
    for (std::size_t i = 0; i < ability.size(); ++i)
        if (i != slash && !isAbilityChar(ability[i]))
            return false;
    return true;
}

void Recap::addAbility(const std::string &resource, const std::string &ability,
                       const std::string &notaBene)
{
    auto &entries = m_att[resource][ability];
    bool allEmpty = true;
    for (const auto &e : entries)
        allEmpty = allEmpty && e == "{}";
    if (allEmpty)
        entries.clear();
    entries.push_back(notaBene);
}

std::string Recap::toCanonicalJson() const
{
    std::string out = "{\"att\":{";
    bool firstResource = true;
    for (const auto &[resource, abilities] : m_att) {
        if (!firstResource)
            out += ',';
        firstResource = false;
        appendJsonString(out, resource);
        out += ":{";
        bool firstAbility = true;
        for (const auto &[ability, notes] : abilities) {
            if (!firstAbility)
                out += ',';
            firstAbility = false;
            appendJsonString(out, ability);
            out += ":[";
            for (std::size_t i = 0; i < notes.size(); ++i) {
                if (i)
                    out += ',';
                out += notes[i];
            }
            out += ']';
        }
        out += '}';
    }
    out += "},\"prf\":[";
    for (std::size_t i = 0; i < m_prf.size(); ++i) {
        if (i)
            out += ',';
        appendJsonString(out, m_prf[i]);
    }
    out += "]}";
    return out;
}

std::string Recap::encode() const
{
    return std::string(kUrnPrefix) + crypto::toBase64Url(crypto::asBytes(toCanonicalJson()));
}

Result<Recap> Recap::decode(std::string_view urn, Mode mode)
{
    if (urn.substr(0, kUrnPrefix.size()) != kUrnPrefix)
        return Error{ErrorCode::RecapPrefix, QStringLiteral("must start with urn:recap:")};
    auto raw = crypto::fromBase64Url(urn.substr(kUrnPrefix.size()));
    if (!raw)
        return Error{ErrorCode::RecapEncoding, raw.error().context};
    const std::string_view text(reinterpret_cast<const char *>(raw->data()), raw->size());

    // Duplicate keys at any depth are refused (nlohmann would silently keep one of them).
    auto parsed = detail::parseUnique<nlohmann::json>(text);
    if (const auto *refusal = std::get_if<detail::JsonRefusal>(&parsed)) {
        if (refusal->duplicate)
            return Error{ErrorCode::RecapDuplicateKey, QString::fromStdString(refusal->key)};
        return Error{ErrorCode::RecapJson, jsonSyntaxError(text, refusal->byte)};
    }
    nlohmann::json doc = std::move(std::get<nlohmann::json>(parsed));
    if (!doc.is_object())
        return shape("top level must be an object");
    if (doc.size() != 2 || !doc.contains("att") || !doc.contains("prf"))
        return shape("object must have exactly the keys att and prf");
    const auto &att = doc["att"];
    const auto &prf = doc["prf"];
    if (!att.is_object())
        return shape("att must be an object");
    if (!prf.is_array())
        return shape("prf must be an array");

    Recap recap;
    for (const auto &proof : prf) {
        if (!proof.is_string())
            return shape("prf entries must be strings");
        recap.m_prf.push_back(proof.get<std::string>());
    }
    for (const auto &[resource, abilities] : att.items()) {
        if (!isValidResourceKey(resource))
            return Error{ErrorCode::RecapShape,
                         QStringLiteral("resource key is not a URI: %1")
                             .arg(QString::fromStdString(resource))};
        if (!abilities.is_object())
            return shape("each att value must be an object of abilities");
        auto &target = recap.m_att[resource];
        for (const auto &[ability, notes] : abilities.items()) {
            if (!isValidAbility(ability))
                return Error{ErrorCode::RecapAbility, QString::fromStdString(ability)};
            if (!notes.is_array() || notes.empty())
                return shape("each ability must map to a non-empty array of objects");
            auto &list = target[ability];
            for (const auto &nb : notes) {
                if (!nb.is_object())
                    return shape("nota-bene entries must be objects");
                list.push_back(nb.dump()); // nlohmann::json sorts keys: canonical
            }
        }
    }
    if (mode == Mode::Strict && recap.toCanonicalJson() != text)
        return Error{ErrorCode::RecapNotCanonical,
                     QStringLiteral("JSON is not in canonical form (sorted keys, no whitespace)")};
    return recap;
}

std::string Recap::statement() const
{
    std::string out(kPreamble);
    int n = 1;
    for (const auto &[resource, abilities] : m_att) {
        // Namespaces in order of first appearance among the sorted ability strings.
        std::vector<std::pair<std::string, std::vector<std::string>>> groups;
        for (const auto &[ability, notes] : abilities) {
            const auto slash = ability.find('/');
            const std::string ns = ability.substr(0, slash);
            const std::string name = slash == std::string::npos ? std::string() : ability.substr(slash + 1);
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const auto &g) { return g.first == ns; });
            if (it == groups.end())
                groups.push_back({ns, {name}});
            else
                it->second.push_back(name);
        }
        for (const auto &[ns, names] : groups) {
            out += " (" + std::to_string(n++) + ") '" + ns + "': ";
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (i)
                    out += ", ";
                out += "'" + names[i] + "'";
            }
            out += " for '" + resource + "'.";
        }
    }
    return out;
}

bool Recap::covers(std::string_view prefix, std::string_view id, std::string_view ability) const
{
    const std::string base = std::string(prefix) + "://";
    auto entry = m_att.find(base + "*");
    if (entry == m_att.end())
        entry = m_att.find(base + std::string(id));
    if (entry == m_att.end())
        return false;
    const auto &abilities = entry->second;
    return abilities.count("*/*") != 0 || abilities.count(std::string(ability)) != 0;
}

} // namespace quill::recap
