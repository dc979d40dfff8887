#include "common/OrderedJson.h"

#include "common/JsonSyntaxError.h"

namespace quill::detail {

Result<OrderedJson> parseOrdered(std::string_view text)
{
    auto parsed = parseUnique<OrderedJson>(text);
    if (auto *doc = std::get_if<OrderedJson>(&parsed))
        return std::move(*doc);
    const auto &refusal = std::get<JsonRefusal>(parsed);
    if (refusal.duplicate)
        return Error{ErrorCode::InvalidJson,
                     QStringLiteral("duplicate key %1")
                         .arg(QString::fromStdString(refusal.key.empty() ? std::string("\"\"")
                                                                         : refusal.key))};
    return Error{ErrorCode::InvalidJson, jsonSyntaxError(text, refusal.byte)};
}

} // namespace quill::detail
