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

} // namespace quill::cli
