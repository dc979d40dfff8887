#include "crypto/SecureBytes.h"

#include <QDebug>

#include <sodium/utils.h>

#include <cstring>
#include <new>

namespace quill::crypto {

SecureBytes::SecureBytes(std::size_t size)
    : m_data(size ? new std::uint8_t[size]() : nullptr), m_size(size)
{
}

SecureBytes::SecureBytes(std::span<const std::uint8_t> data) : SecureBytes(data.size())
{
    if (!data.empty() && m_data)
        std::memcpy(m_data, data.data(), data.size());
}

SecureBytes::~SecureBytes() { clear(); }

SecureBytes::SecureBytes(SecureBytes &&other) noexcept : m_data(other.m_data), m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

void SecureBytes::clear()
{
    if (m_data) {
        sodium_memzero(m_data, m_size);
        delete[] m_data;
    }
    m_data = nullptr;
    m_size = 0;
}

bool SecureBytes::equals(std::span<const std::uint8_t> other) const
{
    if (other.size() != m_size)
        return false;
    return m_size == 0 || sodium_memcmp(m_data, other.data(), m_size) == 0;
}

} // namespace quill::crypto

QDebug operator<<(QDebug debug, const quill::crypto::SecureBytes &bytes)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "<redacted " << bytes.size() << " bytes>";
    return debug;
}
