// Fuzzes the API's JSON-RPC layer: request and response parsing, the params accessors and
// the byte-exact member views. Invariants: nothing crashes; every error response is one
// line of valid JSON; every exact-bytes view of a parsed value is itself valid JSON.
#include "api/JsonRpc.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

void checkMessage(const QByteArray &message)
{
    check(!message.contains('\n'));
    check(quill::api::JsonRpc::isValidJson(
        std::string_view(message.constData(), std::size_t(message.size()))));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace quill::api;
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    std::string replyId;
    auto request = JsonRpc::parseRequest(text, replyId);
    check(JsonRpc::isValidJson(replyId));
    if (!request) {
        checkMessage(JsonRpc::error(replyId, request.error()));
    } else {
        check(replyId == request->id);
        const auto &params = request->params;
        (void)params.allowOnly({"request", "profile", "name", "token", "appId"});
        for (const char *name :
             {"request", "name", "token", "appId", "profile", "sessionPublicKey"}) {
            if (auto s = params.string(name, 256); s)
                checkMessage(JsonRpc::result(request->id, "\"x\""));
            else
                checkMessage(JsonRpc::error(request->id, s.error()));
            if (auto object = params.objectText(name); object)
                check(JsonRpc::isValidJson(*object));
        }
        checkMessage(JsonRpc::request(request->id, request->method, "{}"));
    }

    auto response = JsonRpc::parseResponse(text);
    if (response) {
        check(JsonRpc::isValidJson(response->id));
        if (!response->isError)
            check(JsonRpc::isValidJson(response->resultJson));
        else if (!response->dataJson.empty())
            check(JsonRpc::isValidJson(response->dataJson));
    }
    return 0;
}
