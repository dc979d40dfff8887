#pragma once

#include "common/Result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quill::recap {

/// An EIP-5573 ReCap capability object: `att` maps resource URIs to abilities
/// ("Namespace/name") to nota-bene objects; `prf` lists proofs (Lit never uses them).
/// Nota-bene objects are kept as canonical JSON text ("{}" for none).
class Recap
{
public:
    using Abilities = std::map<std::string, std::vector<std::string>>;
    using Attenuations = std::map<std::string, Abilities>;

    static constexpr std::string_view kUrnPrefix = "urn:recap:";
    static constexpr std::string_view kPreamble =
        "I further authorize the stated URI to perform the following actions on my behalf:";

    /// Adds `ability` on `resource` with one nota-bene object (canonical JSON text), merging
    /// as siwe-recap's addAttenuation does: a repeated ability whose entries are all `{}` is
    /// replaced, otherwise the entry is appended.
    void addAbility(const std::string &resource, const std::string &ability,
                    const std::string &notaBene = "{}");

    const Attenuations &attenuations() const { return m_att; }
    const std::vector<std::string> &proofs() const { return m_prf; }

    /// Canonical JSON (keys sorted, no whitespace): {"att":{…},"prf":[…]}.
    std::string toCanonicalJson() const;

    /// "urn:recap:" + unpadded base64url of the canonical JSON.
    std::string encode() const;

    /// How strict decode() is.
    enum class Mode {
        /// What the JS SDK produces and accepts: canonical bytes only (sorted keys, no
        /// whitespace), besides the checks of Node mode.
        Strict,
        /// What a Lit node (siwe-recap 0.2 in Rust) decodes: any key order or spacing.
        Node,
    };

    /// Decodes a `urn:recap:` URI. Rejects: another prefix (RecapPrefix), padding or bad
    /// characters (RecapEncoding), invalid JSON (RecapJson), duplicate keys at any depth
    /// (RecapDuplicateKey), a wrong shape (RecapShape), a malformed ability (RecapAbility)
    /// and, in Strict mode, non-canonical JSON (RecapNotCanonical).
    [[nodiscard]] static Result<Recap> decode(std::string_view urn, Mode mode = Mode::Strict);

    /// The human-readable sentence of EIP-5573 / Lit spec §5.5, e.g.
    /// "I further authorize … on my behalf: (1) 'Threshold': 'Decryption' for 'lit-…://…'."
    std::string statement() const;

    /// Lit's coverage rule (spec §5.6, node `verify_capabilities_for_resource`): inspect
    /// `<prefix>://*` if present, else `<prefix>://<id>`; covered iff that entry has `*/*`
    /// or exactly `ability` ("Threshold/Decryption").
    bool covers(std::string_view prefix, std::string_view id, std::string_view ability) const;

    /// Returns: true if `ability` is "Namespace/name" with both parts in [A-Za-z0-9.*_+-]+.
    static bool isValidAbility(std::string_view ability);

private:
    Attenuations m_att;
    std::vector<std::string> m_prf;
};

} // namespace quill::recap
