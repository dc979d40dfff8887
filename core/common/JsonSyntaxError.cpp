#include "common/JsonSyntaxError.h"

namespace quill {

QString jsonSyntaxError(std::string_view text, std::size_t byte)
{
    if (byte == 0)
        return QStringLiteral("unusable JSON value");
    if (byte > text.size())
        return QStringLiteral("it ends before the JSON does");
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i + 1 < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("syntax error at line %1, column %2").arg(line).arg(column);
}

} // namespace quill
