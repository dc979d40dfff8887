// quill-cli: the Quill core without widgets. Other tools drive it; its flags, output and
// exit codes are a contract (README "quill-cli").

#include "CliCommands.h"
#include "CliUsage.h"
#include "ServeCommand.h"
#include "WalletCommands.h"

#include "QuillVersion.h"

#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

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
    if (command == "issue") {
        for (const auto &a : rest)
            if (a == "--account" || a.rfind("--account=", 0) == 0)
                return runIssueFromVault(rest);
        return runIssue(rest);
    }
    if (command == "wallet")
        return runWallet(rest);
    if (command == "request")
        return runRequest(rest);
    if (command == "auth-sig")
        return runAuthSig(rest);
    if (command == "siwe")
        return runSiwe(rest);
    if (command == "verify")
        return runVerify(rest);
    if (command == "address")
        return runAddress(rest);
    if (command == "serve")
        return runServe(rest);
    if (command == "demo")
        return runDemo(rest);
    if (command == "review")
        return runReview(rest);
    std::cerr << "quill-cli: unknown command '" << command << "' (see quill-cli --help)\n";
    return 2;
}
