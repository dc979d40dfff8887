// Fuzzes the typed-data parsers: the generic EIP-712 encoder and the strict ChainSecured
// checker (issue #15). Invariants: whatever the checker accepts re-serialises to typed data it
// reads back as the same authorization; if the generic encoder also hashes the input, both
// agree on the digest; a checker-accepted body never verifies with a garbage signature.
#include "eth/Eip712.h"
#include "lit/ChainSecured.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto generic = eth::eip712::hashTypedData(text);
    const auto auth = lit::parseChainSecuredTypedData(text);
    if (auth) {
        const auto again = lit::parseChainSecuredTypedData(auth->typedDataJson());
        if (!again || again->purpose != auth->purpose || again->chainId != auth->chainId ||
            again->address != auth->address || again->issuedAt != auth->issuedAt)
            std::abort();
        if (generic && generic->digest != auth->digest())
            std::abort();
        lit::ChainSecuredExpectation expected{auth->chainId, auth->issuedAt, std::nullopt};
        if (lit::verifyChainSecured(text, "0x" + std::string(130, '1'), expected))
            std::abort();
    }
    (void)lit::verifyChainSecuredBody(text,
                                      lit::ChainSecuredExpectation{8453, 1780000000, std::nullopt});
    return 0;
}
