#pragma once

#include <string>
#include <vector>

namespace quill::cli {

/// `quill-cli wallet import|create|list|export|remove|derive …` (issue #3). Keys live in the OS
/// keychain; the account index in Quill's data folder ($QUILL_DATA_DIR overrides it).
int runWallet(const std::vector<std::string> &argv);

/// `quill-cli issue --request REQ.json --account ADDRESS --app APP_ID …`: keys from the vault
/// (the app's session key is created on first use).
int runIssueFromVault(const std::vector<std::string> &argv);

} // namespace quill::cli
