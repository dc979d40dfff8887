#include "lit/AuthSig.h"

#include "common/JsonText.h"
#include "lit/JsonUtil.h"

namespace quill::lit {

std::string AuthSig::toJson() const
{
    std::string out;
    out.reserve(signedMessage.size() + sig.size() + 128);
    out += "{\"sig\":";
    appendJsonString(out, sig);
    out += ",\"derivedVia\":";
    appendJsonString(out, derivedVia);
    out += ",\"signedMessage\":";
    appendJsonString(out, signedMessage);
    out += ",\"address\":";
    appendJsonString(out, address);
    if (algo) {
        out += ",\"algo\":";
        appendJsonString(out, *algo);
    }
    out += '}';
    return out;
}

Result<AuthSig> AuthSig::fromJson(std::string_view json)
{
    auto doc = detail::parseOrdered(json);
    if (!doc)
        return Error{ErrorCode::LitCapability, doc.error().context};
    return detail::authSigFromJson(*doc);
}

} // namespace quill::lit
