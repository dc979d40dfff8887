#pragma once

#include "api/ApiRequest.h"
#include "common/Result.h"

#include <functional>
#include <string>

namespace quill::api {

/// The approval side of a session request (the request broker implements it; tests use a
/// scripted one). ApiServer calls it only for paired apps with validated params.
class RequestHandler
{
public:
    /// Answers a request: the JSON text of the result (the SessionSigs map, or the AuthSig
    /// object), which ApiServer embeds verbatim as the JSON-RPC result (raw line breaks,
    /// whitespace in valid JSON, are dropped for line framing; text that is not one valid
    /// JSON value is answered -32603), or an error.
    /// Error codes and what the app sees (core/api/README.md): UserRejected → 4001,
    /// RequestExpired → 4300, RequestCancelled → 4301, Unauthorized → 4100, Busy → 4304,
    /// Lit*/Siwe*/InvalidTime/InvalidPublicKey/InvalidParams → -32602 (context shown to the
    /// app: name the field, never a secret), anything else → -32603 with the code's name
    /// only (the context is not sent).
    using Reply = std::function<void(Result<std::string>)>;

    virtual ~RequestHandler() = default;

    /// Starts deciding `request`. The handler calls `reply` exactly once, later or at once;
    /// the request may stay pending as long as the user takes. ApiServer ignores a reply for
    /// a request it has cancelled, so calling it after cancel() is harmless.
    virtual void handle(const ApiRequest &request, Reply reply) = 0;

    /// The app went away (disconnected, logged out, was unpaired): drop the request without
    /// answering. Called at most once per id, and only for ids not yet answered.
    virtual void cancel(quint64 requestId) = 0;

    /// True if every answer this handler gives is known to be one JSON value (the broker
    /// checks its small answers and writes SessionSigs maps valid by construction; parsing a
    /// 30-node map again cost ~0.4 ms of the GUI thread per answer, issue 12). ApiServer
    /// checks the answers of any other handler itself.
    virtual bool answersAreCheckedJson() const { return false; }
};

} // namespace quill::api
