// Fuzzes the ReCap decoder. Invariants: a strictly decoded ReCap re-encodes to the input;
// anything the node mode accepts re-encodes to something the strict mode accepts.
#include "recap/Recap.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using quill::recap::Recap;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (auto strict = Recap::decode(text); strict && strict->encode() != text)
        std::abort();
    if (auto node = Recap::decode(text, Recap::Mode::Node)) {
        const std::string again = node->encode();
        if (!Recap::decode(again))
            std::abort();
        (void)node->statement();
    }
    return 0;
}
