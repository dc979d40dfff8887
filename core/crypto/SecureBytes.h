#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

class QDebug;

namespace quill::crypto {

/// The only container for key material (private keys, seeds, passwords).
/// Move-only; the buffer is wiped with sodium_memzero on destruction, on move-from and on
/// clear(); never converts implicitly to QByteArray/QString; prints as `<redacted N bytes>`.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    /// Copies `data` in. The caller stays responsible for wiping its own copy.
    explicit SecureBytes(std::span<const std::uint8_t> data);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    /// An explicit copy; use sparingly.
    [[nodiscard]] SecureBytes clone() const { return SecureBytes(span()); }

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<const std::uint8_t> span() const { return {m_data, m_size}; }
    std::span<std::uint8_t> span() { return {m_data, m_size}; }

    /// Wipes and releases the buffer.
    void clear();

    /// Constant-time comparison (sodium_memcmp); sizes are not secret.
    bool equals(std::span<const std::uint8_t> other) const;

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace quill::crypto

QDebug operator<<(QDebug debug, const quill::crypto::SecureBytes &bytes);
