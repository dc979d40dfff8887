#pragma once

#include "common/Result.h"
#include "common/Time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quill::lit {

/// One requested use to check coverage for: "<prefix>://<id>" and a Lit ability.
struct ResourceUse
{
    std::string resourceKey;
    std::string ability;
};

struct VerifyOptions
{
    UnixMillis now = 0;
    /// If set, the user identity (address of the winning capability) must be this one.
    std::optional<std::string> expectedAddress;
    /// Uses to check as a node would for a request (spec §9 steps 4 and 7.6). Empty: in
    /// strict mode every listed resourceAbilityRequest must be covered by the ReCap.
    std::vector<ResourceUse> uses;
    /// Apply exactly the node's rules. Default (false) is strict: also fail whatever the
    /// official SDK could never have produced (non-canonical JSON, key order, hex case,
    /// high-S, session expiry beyond the SIWE expiry, …).
    bool nodeOnly = false;
};

struct VerifyCheck
{
    std::string name;
    bool ok;
    std::string detail;
};

struct VerifyReport
{
    std::vector<VerifyCheck> checks;
    bool ok() const;
    /// {"ok":bool,"checks":[{"name","ok","detail"},…]}
    std::string toJson() const;
};

/// Performs the checks a Lit node makes on session sigs (spec §9), for every node entry of
/// a SessionSigs map.
class SessionSigVerifier
{
public:
    /// Returns: the report (ok() false if any check failed), or InvalidJson / InvalidArgument
    /// when the input is not a non-empty SessionSigs map at all.
    [[nodiscard]] static Result<VerifyReport> verify(std::string_view sessionSigsJson,
                                                     const VerifyOptions &options);
};

} // namespace quill::lit
