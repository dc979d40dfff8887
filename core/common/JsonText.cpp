#include "common/JsonText.h"

#include <nlohmann/json.hpp>

namespace quill {

void appendJsonString(std::string &out, std::string_view value)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0; // start of the pending run of bytes copied verbatim
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(value.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0x0f];
        }
    }
    out.append(value.data() + run, value.size() - run);
    out += '"';
}

std::string jsonString(std::string_view value)
{
    std::string out;
    out.reserve(value.size() + 2);
    appendJsonString(out, value);
    return out;
}

bool isOneJsonValue(std::string_view text)
{
    // nlohmann's SAX acceptor keeps its own stack: deep nesting cannot exhaust ours.
    return nlohmann::json::accept(text.begin(), text.end());
}

} // namespace quill
