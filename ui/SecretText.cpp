#include "SecretText.h"

#include <QByteArray>

#include <sodium/utils.h>

#include <cstdint>
#include <span>

namespace quill::ui {

crypto::SecureBytes takeSecret(QString text, bool trim)
{
    QByteArray utf8 = (trim ? text.trimmed() : text).toUtf8();
    crypto::SecureBytes out(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(utf8.constData()), std::size_t(utf8.size())));
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    if (!text.isEmpty())
        sodium_memzero(text.data(), std::size_t(text.size()) * sizeof(QChar));
    return out;
}

} // namespace quill::ui
