#include "common/OrderedJson.h"

#include "common/JsonSyntaxError.h"

#include <set>
#include <string>
#include <vector>

namespace quill::detail {

Result<OrderedJson> parseOrdered(std::string_view text)
{
    std::vector<std::set<std::string>> seen;
    std::string duplicate;
    const OrderedJson::parser_callback_t onEvent = [&](int, OrderedJson::parse_event_t event,
                                                       OrderedJson &parsed) {
        using E = OrderedJson::parse_event_t;
        if (event == E::object_start) {
            seen.emplace_back();
        } else if (event == E::object_end) {
            if (!seen.empty())
                seen.pop_back();
        } else if (event == E::key && !seen.empty()) {
            const auto &key = parsed.get_ref<const std::string &>();
            if (!seen.back().insert(key).second && duplicate.empty())
                duplicate = key.empty() ? std::string("\"\"") : key;
        }
        return true;
    };
    try {
        auto doc = OrderedJson::parse(text.begin(), text.end(), onEvent);
        if (!duplicate.empty())
            return Error{ErrorCode::InvalidJson,
                         QStringLiteral("duplicate key %1").arg(QString::fromStdString(duplicate))};
        return doc;
    } catch (const OrderedJson::parse_error &e) {
        return Error{ErrorCode::InvalidJson, jsonSyntaxError(text, e.byte)};
    } catch (const OrderedJson::exception &) {
        return Error{ErrorCode::InvalidJson, jsonSyntaxError(text, 0)};
    }
}

} // namespace quill::detail
