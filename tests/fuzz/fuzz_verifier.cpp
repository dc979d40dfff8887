// Fuzzes the session-sig verifier with arbitrary SessionSigs maps (strict and node modes).
#include "lit/SessionSigVerifier.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill::lit;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    VerifyOptions options;
    options.now = 1736942400000;
    (void)SessionSigVerifier::verify(text, options);
    options.nodeOnly = true;
    options.uses = {{"lit-pkp://*", "pkp-signing"}};
    (void)SessionSigVerifier::verify(text, options);
    return 0;
}
