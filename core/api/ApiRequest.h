#pragma once

#include "api/PeerFacts.h"

#include "lit/ChainSecured.h"
#include "lit/SessionRequest.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSiwe.h"

#include <memory>

#include <QString>

#include <string>

namespace quill::api {

/// What an app asked for.
enum class ApiRequestKind
{
    SessionSigs, ///< quill_requestSessionSigs: Quill keeps the session key, returns the SessionSigs
                 ///< map
    AuthSig,     ///< quill_requestAuthSig: the app keeps its session key, Quill returns the wallet
                 ///< AuthSig
    SiweMessage, ///< quill_signSiweMessage: the app's SDK built the SIWE; Quill signs it as it is
    ChainSecured, ///< quill_signLitChainSecured / quill_signTypedData: a Lit Chipotle EIP-712
                  ///< authorization, answered {typed_data, signature} (issue #15)
};

/// A validated, typed session request from a paired app, as ApiServer hands it to the
/// RequestHandler. Everything in `request` is the app's own (untrusted) content, already
/// checked by lit::SessionRequest::fromJson; `peer` holds transport facts.
struct ApiRequest
{
    quint64 id = 0; ///< assigned by ApiServer, unique for its lifetime; RequestHandler::cancel(id)
    ApiRequestKind kind = ApiRequestKind::SessionSigs;
    QString appId;       ///< the paired app's id (from the pairing, not from the app)
    QString appName;     ///< the name the user approved (or edited) when pairing
    QString claimedName; ///< the name the app gave in this connection's quill_hello (a claim)
    PeerFacts peer;
    lit::SessionRequest request;
    std::string requestJson; ///< the `request` member exactly as the app sent it
    lit::Profile profile = lit::Profile::LitV7;
    std::string sessionPublicKey; ///< AuthSig kind: 64 lowercase hex (Ed25519), else empty
    std::shared_ptr<const lit::SessionSiwe> siwe; ///< SiweMessage kind: the parsed message
    /// ChainSecured kind (quill_signLitChainSecured): the flow and the chain.
    lit::ChainSecuredPurpose chainSecuredPurpose = lit::ChainSecuredPurpose::CreateWallet;
    std::uint64_t chainId = 0;
    /// ChainSecured kind (quill_signTypedData): the app's typed data, accepted by
    /// lit::parseChainSecuredTypedData.
    std::optional<lit::ChainSecuredAuthorization> typedData;
};

} // namespace quill::api
