#pragma once

// Internal to core: nlohmann parsing that refuses duplicate keys, shared by eth (EIP-712),
// lit, recap and the API's JSON-RPC. Not for public headers (it is expensive to compile).

#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace quill::detail {

using OrderedJson = nlohmann::ordered_json;

/// Why parseUnique refused a text: a key repeated in one object (`key`, the first such), or a
/// syntax error (`byte`: nlohmann's position of it, 0 if unknown).
struct JsonRefusal
{
    bool duplicate = false;
    std::string key;
    std::size_t byte = 0;
};

/// Parses `text` as one JSON value into `Json` (nlohmann::json, or ordered_json to keep key
/// order), refusing a key that appears twice in any object at any depth — nlohmann would
/// silently keep one of them. Callers turn a JsonRefusal into their own error.
template <typename Json> std::variant<Json, JsonRefusal> parseUnique(std::string_view text)
{
    std::vector<std::set<std::string>> seen;
    JsonRefusal refusal;
    const typename Json::parser_callback_t onEvent = [&](int, typename Json::parse_event_t event,
                                                         Json &parsed) {
        using E = typename Json::parse_event_t;
        if (event == E::object_start) {
            seen.emplace_back();
        } else if (event == E::object_end) {
            if (!seen.empty())
                seen.pop_back();
        } else if (event == E::key && !seen.empty()) {
            const auto &key = parsed.template get_ref<const std::string &>();
            if (!seen.back().insert(key).second && !refusal.duplicate) {
                refusal.duplicate = true;
                refusal.key = key;
            }
        }
        return true;
    };
    try {
        auto doc = Json::parse(text.begin(), text.end(), onEvent);
        if (refusal.duplicate)
            return refusal;
        return doc;
    } catch (const typename Json::parse_error &e) {
        return JsonRefusal{false, {}, e.byte};
    } catch (const typename Json::exception &) {
        return JsonRefusal{};
    }
}

/// Parses JSON keeping key order; duplicate keys at any depth are an error.
/// Returns: the document, or InvalidJson with the parser's message.
[[nodiscard]] Result<OrderedJson> parseOrdered(std::string_view text);

} // namespace quill::detail
