// quill-cli: the Quill core without widgets. Other tools drive it; its flags, output and
// exit codes are a contract (README "quill-cli").

#include "CliCommands.h"
#include "CliUsage.h"
#ifdef QUILL_CLI_LEAN
#include "Installed.h"
#else
#include "ServeCommand.h"
#include "WalletCommands.h"
#endif

#include "QuillVersion.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

#ifdef QUILL_CLI_LEAN
/// The commands that talk to the keychain or to Quill run in quill-cli-full (issue 12): this
/// binary loads no QtNetwork, QtWebSockets, QtDBus or QtKeychain. Same argv, same exit code.
[[noreturn]] void runFull(char **argv)
{
    for (const std::string &candidate : quill::cli::installedPaths("quill-cli-full")) {
        ::execv(candidate.c_str(), argv);
        if (errno != ENOENT)
            break;
    }
    std::cerr << "quill-cli: cannot run quill-cli-full for '" << argv[1] << "' (" << std::strerror(errno)
              << "); it is installed beside quill-cli in <libexecdir>/quill\n";
    std::exit(2);
}
#endif

} // namespace

int main(int argc, char **argv)
{
    using namespace quill::cli;
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        (argc < 2 ? std::cerr : std::cout) << usage();
        return argc < 2 ? 2 : 0;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::cout << "quill-cli " QUILL_VERSION "\n";
        return 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> rest(argv + 2, argv + argc);
    // COMMAND --help, wallet --help and wallet SUB --help: the help on stdout, exit 0.
    if (asksForHelp(rest)) {
        std::optional<std::string> text;
        if (command == "wallet")
            text = walletUsage(rest[0]); // rest is not empty: it asks for help
        if (!text)
            text = commandUsage(command);
        if (text) {
            std::cout << *text;
            return 0;
        }
    }
#ifdef QUILL_CLI_LEAN
    if (command == "wallet" || command == "request" || command == "serve" || command == "chainsecured")
        runFull(argv);
#endif
    if (command == "issue") {
        for (const auto &a : rest)
            if (a == "--account" || a.rfind("--account=", 0) == 0) {
#ifdef QUILL_CLI_LEAN
                runFull(argv);
#else
                return runIssueFromVault(rest);
#endif
            }
        return runIssue(rest);
    }
#ifndef QUILL_CLI_LEAN
    if (command == "wallet")
        return runWallet(rest);
    if (command == "request")
        return runRequest(rest);
    if (command == "serve")
        return runServe(rest);
    if (command == "chainsecured")
        return runChainSecured(rest);
#endif
    if (command == "auth-sig")
        return runAuthSig(rest);
    if (command == "siwe")
        return runSiwe(rest);
    if (command == "verify")
        return runVerify(rest);
    if (command == "address")
        return runAddress(rest);
    if (command == "demo")
        return runDemo(rest);
    if (command == "review")
        return runReview(rest);
    std::cerr << "quill-cli: unknown command '" << command << "' (see quill-cli --help)\n";
    return 2;
}
