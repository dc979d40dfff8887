// Fuzzes quill_signSiweMessage's parser (lit::SessionSiwe). Invariants: whatever parses is
// exactly the input, names its session key, and says in its statement what its ReCap grants;
// its request form carries every capability.
#include "lit/SessionSiwe.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto m = quill::lit::SessionSiwe::parse(text);
    if (!m)
        return 0;
    if (m->message.render() != text || m->sessionPublicKey.size() != 64)
        std::abort();
    const std::string statement = m->message.statement.value_or(std::string());
    const std::string sentence = m->recap.statement();
    if (statement.size() < sentence.size() ||
        statement.compare(statement.size() - sentence.size(), sentence.size(), sentence) != 0)
        std::abort();
    if (m->asRequest().resourceAbilityRequests.size() != m->capabilities.size() ||
        m->capabilities.empty())
        std::abort();
    if (m->plan().recap.encode() != m->message.resources.at(0))
        std::abort();
    return 0;
}
