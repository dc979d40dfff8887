#pragma once

#include <string>
#include <vector>

namespace quill::cli {

/// Each command takes the arguments after its name and returns the process exit code:
/// 0 success, 1 verification failed (verify only), 2 unusable input (one line on stderr).
int runIssue(const std::vector<std::string> &argv);
int runAuthSig(const std::vector<std::string> &argv);
int runSiwe(const std::vector<std::string> &argv);
int runVerify(const std::vector<std::string> &argv);
int runAddress(const std::vector<std::string> &argv);
int runDemo(const std::vector<std::string> &argv);
int runReview(const std::vector<std::string> &argv);
/// `chainsecured sign|verify …`: Lit Chipotle ChainSecured authorizations (EIP-712, issue #15).
/// verify exits 0 if the file passes the server's checks, 1 if it does not, 2 on unusable input.
int runChainSecured(const std::vector<std::string> &argv);

} // namespace quill::cli
