#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quill::cli {

/// `quill-cli --help`: every command's synopsis and what it prints, then the exit codes.
std::string usage();

/// `quill-cli COMMAND --help`: the command's synopsis and its options in full.
/// Returns: the text, or nothing if `command` is not a quill-cli command.
std::optional<std::string> commandUsage(std::string_view command);

/// `quill-cli wallet SUB --help`.
/// Returns: the text, or nothing if `sub` is not a wallet subcommand.
std::optional<std::string> walletUsage(std::string_view sub);

/// Whether the arguments after a command name ask for help: `--help` or `-h` anywhere.
bool asksForHelp(const std::vector<std::string> &args);

} // namespace quill::cli
