#include "crypto/Keccak256.h"

#include <cstring>

namespace quill::crypto {

namespace {

constexpr std::uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

// Rotation offsets r[x + 5y] and the π lane permutation, from FIPS 202 §3.2.2–3.2.3.
constexpr unsigned kRho[25] = {0,  1,  62, 28, 27, 36, 44, 6,  55, 20, 3,  10, 43,
                               25, 39, 41, 45, 15, 21, 8,  18, 2,  61, 56, 14};

constexpr std::uint64_t rotl(std::uint64_t v, unsigned n)
{
    return n == 0 ? v : (v << n) | (v >> (64 - n));
}

void keccakF1600(std::uint64_t a[25])
{
    for (std::uint64_t rc : kRoundConstants) {
        // θ
        std::uint64_t c[5];
        for (int x = 0; x < 5; ++x)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            const std::uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[y + x] ^= d;
        }
        // ρ and π: B[y, 2x+3y] = rot(A[x, y], r[x, y])
        std::uint64_t b[25];
        for (int x = 0; x < 5; ++x)
            for (int y = 0; y < 5; ++y)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], kRho[x + 5 * y]);
        // χ
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; ++x)
                a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        // ι
        a[0] ^= rc;
    }
}

std::uint64_t loadLe64(const std::uint8_t *p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

} // namespace

Hash256 keccak256(std::span<const std::uint8_t> data)
{
    constexpr std::size_t kRate = 136; // 1088 bits
    std::uint64_t state[25] = {};
    const std::uint8_t *p = data.data();
    std::size_t left = data.size();
    while (left >= kRate) {
        for (std::size_t i = 0; i < kRate / 8; ++i)
            state[i] ^= loadLe64(p + 8 * i);
        keccakF1600(state);
        p += kRate;
        left -= kRate;
    }
    std::uint8_t block[kRate] = {};
    if (left)
        std::memcpy(block, p, left);
    block[left] ^= 0x01;
    block[kRate - 1] ^= 0x80;
    for (std::size_t i = 0; i < kRate / 8; ++i)
        state[i] ^= loadLe64(block + 8 * i);
    keccakF1600(state);

    Hash256 out;
    for (std::size_t i = 0; i < 32; ++i)
        out[i] = static_cast<std::uint8_t>(state[i / 8] >> (8 * (i % 8)));
    return out;
}

} // namespace quill::crypto
