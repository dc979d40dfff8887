#include "eth/Unicode.h"

#include <QByteArray>
#include <QString>

#include <sodium/utils.h>

#include <algorithm>
#include <cstring>

namespace quill::eth::detail {

namespace {

void wipe(QString &s)
{
    if (!s.isEmpty())
        sodium_memzero(s.data(), std::size_t(s.size()) * sizeof(QChar));
    s.clear();
}

void wipe(QByteArray &b)
{
    if (!b.isEmpty())
        sodium_memzero(b.data(), std::size_t(b.size()));
    b.clear();
}

crypto::SecureBytes normalize(std::string_view text, QString::NormalizationForm form)
{
    if (isAscii(text)) // every normalisation form leaves ASCII unchanged
        return crypto::SecureBytes(
            std::span(reinterpret_cast<const std::uint8_t *>(text.data()), text.size()));
    QString in = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QString normal = in.normalized(form);
    wipe(in);
    QByteArray utf8 = normal.toUtf8();
    wipe(normal);
    crypto::SecureBytes out(std::span(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                      std::size_t(utf8.size())));
    wipe(utf8);
    return out;
}

} // namespace

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

crypto::SecureBytes nfkd(std::string_view text)
{
    return normalize(text, QString::NormalizationForm_KD);
}

crypto::SecureBytes nfkc(std::string_view text)
{
    return normalize(text, QString::NormalizationForm_KC);
}

} // namespace quill::eth::detail
