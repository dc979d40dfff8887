#include "api/JsonScan.h"

#include <nlohmann/json.hpp>

#include <cstring>
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

/// `s[i]` is the opening quote; leaves `i` just past the closing quote. A quote closes the
/// string unless an odd number of backslashes precede it (the same rule as reading escape by
/// escape); memchr finds the candidates, so long strings cost little (issue 12: an answer's
/// signed messages are most of its 64 KB).
void skipString(std::string_view s, std::size_t &i)
{
    const std::size_t open = i++;
    while (i < s.size()) {
        const void *q = std::memchr(s.data() + i, '"', s.size() - i);
        if (!q) {
            i = s.size();
            return;
        }
        const std::size_t quote = std::size_t(static_cast<const char *>(q) - s.data());
        std::size_t backslashes = 0;
        while (quote - backslashes > open + 1 && s[quote - backslashes - 1] == '\\')
            ++backslashes;
        i = quote + 1;
        if (backslashes % 2 == 0)
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
