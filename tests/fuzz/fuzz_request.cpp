// Fuzzes the session request parser and everything downstream of a request that parses:
// planning and SIWE building must never crash, and a built SIWE must parse back. A parsed
// request holds ids and prices in the SDK's signed form (issue #8): normalising again
// changes nothing.
#include "lit/MaxPrice.h"
#include "lit/SessionSigIssuer.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill::lit;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto request = SessionRequest::fromJson(text);
    if (!request)
        return 0;
    for (const auto &r : request->resourceAbilityRequests) {
        auto again = sdkResourceId(r.prefix, r.resource);
        if (!again || *again != r.resource || r.resource.empty())
            std::abort();
    }
    for (const auto &[url, price] : request->maxPrices) {
        auto value = MaxPrice::parse(price);
        if (!value || value->toSdkHex() != price ||
            MaxPrice::parse(value->toDecimal()).value() != *value)
            std::abort();
    }
    for (const auto profile : {Profile::LitV7, Profile::LitV8}) {
        auto plan = SessionSigIssuer::plan(*request, 1736942400000, profile);
        if (!plan)
            continue;
        auto siwe = SessionSigIssuer::buildSiwe(
            *request, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        if (siwe) {
            auto back = quill::siwe::SiweMessage::parse(siwe->render());
            if (!back || back->render() != siwe->render())
                std::abort();
        }
    }
    return 0;
}
