// Fuzzes the strict EIP-4361 parser. Invariant: whatever parses renders back to the input.
#include "siwe/SiweMessage.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto message = quill::siwe::SiweMessage::parse(text);
    if (message && message->render() != text)
        std::abort();
    return 0;
}
