#pragma once

#include <string>
#include <vector>

namespace quill::cli {

/// quill-cli serve --dev --dev-key-file F [--socket PATH] [--websocket-port N]
///                 [--approve all|none]
/// A development signer for app CI (issue #10): the real local API with a key held only in
/// memory and every approval answered by rule. Runs until SIGINT/SIGTERM; exit 0 then, 2 on
/// unusable input or when it refuses to start.
int runServe(const std::vector<std::string> &argv);

} // namespace quill::cli
