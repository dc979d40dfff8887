#pragma once

#include "crypto/SecureBytes.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace quill::cli {

/// `quill-cli wallet import|create|list|export|remove|derive …` (issue #3). Keys live in the OS
/// keychain; the account index in Quill's data folder ($QUILL_DATA_DIR overrides it).
int runWallet(const std::vector<std::string> &argv);

/// `quill-cli issue --request REQ.json --account ADDRESS --app APP_ID …`: keys from the vault
/// (the app's session key is created on first use).
int runIssueFromVault(const std::vector<std::string> &argv);

/// `quill-cli request REQ.json [--socket PATH | --ws URL [--origin O]] [--name APP] [--profile P]`:
/// asks a running Quill for SessionSigs (pairs on first use; the token stays in the keychain).
/// Exit 0 with the SessionSigs on stdout, 1 if Quill refused (error on stderr), 2 on
/// unusable input or no Quill.
int runRequest(const std::vector<std::string> &argv);

/// Opens the vault, loads `account`'s key from the OS keychain and calls `use` with it (the
/// key is wiped afterwards); returns what `use` returns, or 2 if the key cannot be had.
int withAccountKey(const QString &account, const std::function<int(const crypto::SecureBytes &)> &use);

} // namespace quill::cli
