// quill-cli: the Quill core without widgets. Other tools drive it; its flags, output and
// exit codes are a contract (README "quill-cli").

#include "CliCommands.h"
#include "ServeCommand.h"
#include "WalletCommands.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char *kUsage = R"(usage: quill-cli COMMAND [options]

  issue    --request REQ.json (--key-file F | --keystore F --password-file P) [--session-seed-file S] [--now ISO8601]
           [--profile lit-v7|lit-v8]
           print the SessionSigs map {nodeUrl: {sig, derivedVia, signedMessage, address, algo}}
  auth-sig --request REQ.json --session-public-key HEX (--key-file F | --keystore F --password-file P)
           [--now ISO8601] [--profile lit-v7|lit-v8]
           print the wallet AuthSig JSON (for apps that keep their own session key)
  siwe     --request REQ.json --address 0x... --session-public-key HEX [--now ISO8601]
           [--profile lit-v7|lit-v8]
           print the exact SIWE text that would be signed
  verify   SIGS.json [--now ISO8601] [--address 0x...] [--resource PREFIX://ID --ability NAME]...
           [--node-only]
           check session sigs as a Lit node would; exit 0 pass, 1 fail, 2 unusable input
  issue    --request REQ.json --account ADDRESS --app APP_ID [--now ISO8601] [--profile …]
           as above with the account's key from the OS keychain and the app's session key
           (created on first use)
  address  (--key-file F | --keystore F --password-file P)
           print the EIP-55 address of a key
  wallet   import (--key-file F | --mnemonic-file M [--passphrase-file P] [--account N | --path P]
                  | --keystore F --password-file P) [--label L]
           create [--words 12|24] [--label L]     (prints the recovery phrase once)
           list | remove ADDRESS | export ADDRESS --password-file P --out FILE
           derive --mnemonic-file M [--passphrase-file P] [--count N]   (addresses to pick from)
           doctor [--adopt ADDRESS [--label L]]   (make the lists and the keychain agree; exit 1 if
                  something needs you, e.g. a key in the keychain that no list names)
           manage accounts (keys in the OS keychain; the index in $QUILL_DATA_DIR or
           ~/.local/share/quill/quill)
  request  REQ.json [--socket PATH | --ws ws://127.0.0.1:PORT [--origin O]] [--name APP]
           [--profile lit-v7|lit-v8]
           ask a running Quill for SessionSigs (pairs on first use; token kept in the keychain)
  review   REQ.json [--address 0x...] [--session-public-key HEX] [--origin URL] [--unpaired]
           [--now ISO8601] [--profile lit-v7|lit-v8]
           print what the approval dialog shows: capabilities in plain words, warnings, the text
  serve    --dev --dev-key-file F [--socket PATH] [--websocket-port N] [--approve all|remember|none]
           a development signer for app CI: the local API with F's key in memory only, every
           pairing and request answered by rule (all: signed WITHOUT ASKING; none: 4001).
           Prints "READY <socket> <ws port or -1>"; refuses a key that is one of your accounts
  chainsecured sign --purpose create-wallet|convert-account|add-usage-api-key|billing-auth --chain-id N
           (--account ADDRESS | --key-file F | --keystore F --password-file P) [--now ISO8601] [--header]
           print the Lit Chipotle request body {typed_data, signature} (EIP-712, valid for 5 minutes
           and replayable in that time); --header: the X-Wallet-Auth value (billing-auth)
  chainsecured verify FILE --chain-id N [--now ISO8601] [--purpose P]
           apply Chipotle's checks to a body, or an X-Wallet-Auth value; exit 0 pass, 1 fail, 2 unusable
  demo     issue and verify a session with a throw-away wallet (nothing is stored)

Exit codes: 0 success, 1 verification failed, 2 unusable input (one line on stderr).
)";

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        (argc < 2 ? std::cerr : std::cout) << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> rest(argv + 2, argv + argc);
    using namespace quill::cli;
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
    if (command == "chainsecured")
        return runChainSecured(rest);
    std::cerr << "quill-cli: unknown command '" << command << "' (see quill-cli --help)\n";
    return 2;
}
