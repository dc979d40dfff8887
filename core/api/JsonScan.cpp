#include "api/JsonScan.h"

#include <nlohmann/json.hpp>

#include <string>

namespace quill::api::detail {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void skipSpace(std::string_view s, std::size_t &i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
}

/// `s[i]` is the opening quote; leaves `i` just past the closing quote.
void skipString(std::string_view s, std::size_t &i)
{
    ++i;
    while (i < s.size()) {
        const char c = s[i++];
        if (c == '\\')
            ++i; // the escaped character (for \uXXXX the hex digits are plain characters)
        else if (c == '"')
            return;
    }
}

/// Leaves `i` just past the value starting at `s[i]`.
void skipValue(std::string_view s, std::size_t &i)
{
    if (i >= s.size())
        return;
    const char c = s[i];
    if (c == '"') {
        skipString(s, i);
        return;
    }
    if (c == '{' || c == '[') {
        std::size_t depth = 0;
        while (i < s.size()) {
            const char d = s[i];
            if (d == '"') {
                skipString(s, i);
                continue;
            }
            ++i;
            if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0)
                    return;
            }
        }
        return;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isSpace(s[i]))
        ++i; // number, true, false, null
}

bool keyEquals(std::string_view literal, std::string_view key)
{
    const auto body = literal.substr(1, literal.size() - 2);
    if (body.find('\\') == std::string_view::npos)
        return body == key;
    try {
        return nlohmann::json::parse(literal).get_ref<const std::string &>() == key;
    } catch (const nlohmann::json::exception &) {
        return false;
    }
}

} // namespace

std::size_t nestingDepth(std::string_view text, std::size_t limit)
{
    std::size_t depth = 0;
    std::size_t deepest = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"') {
            skipString(text, i);
            continue;
        }
        ++i;
        if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return limit + 1;
            }
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::optional<std::string_view> memberText(std::string_view object, std::string_view key)
{
    std::size_t i = 0;
    skipSpace(object, i);
    if (i >= object.size() || object[i] != '{')
        return std::nullopt;
    ++i;
    while (i < object.size()) {
        skipSpace(object, i);
        if (i >= object.size() || object[i] == '}')
            return std::nullopt;
        if (object[i] == ',') {
            ++i;
            continue;
        }
        if (object[i] != '"')
            return std::nullopt;
        const std::size_t keyStart = i;
        skipString(object, i);
        const auto literal = object.substr(keyStart, i - keyStart);
        skipSpace(object, i);
        if (i >= object.size() || object[i] != ':')
            return std::nullopt;
        ++i;
        skipSpace(object, i);
        const std::size_t valueStart = i;
        skipValue(object, i);
        if (keyEquals(literal, key))
            return object.substr(valueStart, i - valueStart);
    }
    return std::nullopt;
}

} // namespace quill::api::detail
