// quill-cli's help texts: one table, so that `quill-cli --help`, `quill-cli COMMAND --help`
// and `quill-cli wallet SUB --help` cannot disagree (README "quill-cli" and
// packaging/man/quill-cli.1 follow this table).

#include "CliUsage.h"

#include <array>

namespace quill::cli {

namespace {

struct Entry
{
    std::string_view name;
    std::string_view synopsis; ///< "quill-cli NAME …" lines, as in the overview
    std::string_view summary;  ///< what it does, indented, as in the overview
    std::string_view options;  ///< the options in full (COMMAND --help only)
};

constexpr std::string_view kKeySource =
    "  --key-file F            a hex secp256k1 private key (0x optional, whitespace ignored)\n"
    "  --keystore F            a Web3 Secret Storage v3 keystore, with\n"
    "  --password-file P       its password (one trailing newline is dropped)\n";

constexpr std::string_view kRequestOptions =
    "  --request REQ.json      the request document (README \"quill-cli\": its fields)\n"
    "  --now ISO8601           the time to sign at (default: now)\n"
    "  --profile lit-v7|lit-v8 Datil / SDK v7 (default) or Naga / SDK v8\n";

constexpr std::array kCommands = {
    Entry{"issue",
          "quill-cli issue --request REQ.json (--key-file F | --keystore F --password-file P)\n"
          "                [--session-seed-file S] [--now ISO8601] [--profile lit-v7|lit-v8]\n"
          "quill-cli issue --request REQ.json --account ADDRESS --app APP_ID [--now ISO8601]\n"
          "                [--profile lit-v7|lit-v8]\n",
          "    print the SessionSigs map {nodeUrl: {sig, derivedVia, signedMessage, address, "
          "algo}};\n"
          "    with --account, the account's key from the OS keychain and the app's session key\n"
          "    (created on first use)\n",
          ""},
    Entry{"auth-sig",
          "quill-cli auth-sig --request REQ.json --session-public-key HEX\n"
          "                   (--key-file F | --keystore F --password-file P) [--now ISO8601]\n"
          "                   [--profile lit-v7|lit-v8]\n",
          "    print the wallet AuthSig JSON (for apps that keep their own session key)\n", ""},
    Entry{"siwe",
          "quill-cli siwe --request REQ.json --address 0x... --session-public-key HEX\n"
          "               [--now ISO8601] [--profile lit-v7|lit-v8]\n",
          "    print the exact SIWE (EIP-4361) text that would be signed\n", ""},
    Entry{"verify",
          "quill-cli verify SIGS.json [--now ISO8601] [--address 0x...]\n"
          "                 [--resource PREFIX://ID --ability NAME]... [--node-only]\n",
          "    check session sigs as a Lit node would; exit 0 pass, 1 fail, 2 unusable input\n"
          "    (including a file that is not a SessionSigs map)\n",
          "  SIGS.json               a SessionSigs map {nodeUrl: sessionSig}\n"
          "  --now ISO8601           the time to check at (default: now)\n"
          "  --address 0x...         the wallet address the sigs must be signed by\n"
          "  --resource PREFIX://ID  with --ability NAME: a use the sigs must allow; repeat the\n"
          "  --ability NAME          pair for more uses (the only flags that may repeat)\n"
          "  --node-only             only a Lit node's rules (default: also what the official\n"
          "                          SDK could never have produced)\n"
          "  stdout: {\"ok\":bool,\"checks\":[{\"name\",\"ok\",\"detail\"}]}\n"},
    Entry{"address", "quill-cli address (--key-file F | --keystore F --password-file P)\n",
          "    print the EIP-55 address of a key\n", ""},
    Entry{"wallet",
          "quill-cli wallet import (--key-file F | --keystore F --password-file P\n"
          "                        | --mnemonic-file M [--passphrase-file P] [--account N | --path "
          "P])\n"
          "                        [--label L]\n"
          "quill-cli wallet create [--words 12|24] [--label L]\n"
          "quill-cli wallet list\n"
          "quill-cli wallet export ADDRESS --password-file P --out FILE\n"
          "quill-cli wallet remove ADDRESS [--yes]\n"
          "quill-cli wallet derive --mnemonic-file M [--passphrase-file P] [--count N]\n"
          "quill-cli wallet doctor [--adopt ADDRESS [--label L]]\n",
          "    manage accounts: keys in the OS keychain, the list in $QUILL_DATA_DIR or\n"
          "    ~/.local/share/quill/quill (quill-cli wallet SUB --help for each)\n",
          ""},
    Entry{"request",
          "quill-cli request REQ.json [--socket PATH | --ws ws://127.0.0.1:PORT [--origin O]]\n"
          "                  [--name APP] [--profile lit-v7|lit-v8]\n",
          "    ask a running Quill for SessionSigs (pairs on first use; token kept in the\n"
          "    keychain); exit 1 if Quill refused, 2 if it is not running\n",
          "  REQ.json                the request document\n"
          "  --socket PATH           Quill's socket (default $XDG_RUNTIME_DIR/quill/quill.sock)\n"
          "  --ws URL                Quill's WebSocket instead, with\n"
          "  --origin O              the Origin header to send (browser apps' origin)\n"
          "  --name APP              the app name the user sees when pairing (default quill-cli)\n"
          "  --profile lit-v7|lit-v8 Datil / SDK v7 (default) or Naga / SDK v8\n"},
    Entry{"review",
          "quill-cli review REQ.json [--address 0x...] [--session-public-key HEX] [--origin URL]\n"
          "                 [--unpaired] [--now ISO8601] [--profile lit-v7|lit-v8]\n",
          "    print what the approval dialog shows: capabilities in plain words, warnings, the\n"
          "    text to be signed\n",
          "  REQ.json                the request document\n"
          "  --address 0x...         the account (default: zeros in the text)\n"
          "  --session-public-key HEX  the session key (default: zeros in the text)\n"
          "  --origin URL            the app's origin, checked against the request's domain\n"
          "  --unpaired              review as for an app that has not paired\n"
          "  --now ISO8601           the time to review at (default: now)\n"
          "  --profile lit-v7|lit-v8 Datil / SDK v7 (default) or Naga / SDK v8\n"},
    Entry{
        "serve",
        "quill-cli serve --dev --dev-key-file F [--socket PATH] [--websocket-port N]\n"
        "                [--approve all|remember|none]\n",
        "    a development signer for app CI: the local API with F's key in memory only, every\n"
        "    pairing and request answered by rule (all: signed WITHOUT ASKING; none: 4001);\n"
        "    prints \"READY <socket> <ws port or -1>\"; refuses a key that is one of your "
        "accounts\n",
        "  --dev                   required: this signer signs without asking\n"
        "  --dev-key-file F        a hex secp256k1 key used only for testing\n"
        "  --socket PATH           where to listen (default $XDG_RUNTIME_DIR/quill/quill.sock)\n"
        "  --websocket-port N      also a WebSocket on 127.0.0.1 (0: any free port)\n"
        "  --approve RULE          all (default), remember (as \"approve and remember\") or none\n"
        "  SIGINT/SIGTERM stop it (exit 0).\n"},
    Entry{"demo", "quill-cli demo\n",
          "    issue and verify a session with a throw-away wallet (nothing is stored)\n", ""},
};

constexpr std::array kWallet = {
    Entry{"import",
          "quill-cli wallet import (--key-file F | --keystore F --password-file P\n"
          "                        | --mnemonic-file M [--passphrase-file P] [--account N | --path "
          "P])\n"
          "                        [--label L]\n",
          "    add an account; prints its address\n",
          "  --key-file F            a hex secp256k1 private key\n"
          "  --keystore F            a Web3 Secret Storage v3 keystore, with --password-file P\n"
          "  --mnemonic-file M       a BIP-39 recovery phrase (English), with an optional\n"
          "  --passphrase-file P     BIP-39 passphrase\n"
          "  --account N             the account m/44'/60'/0'/0/N (default 0), or\n"
          "  --path P                any BIP-32 path\n"
          "  --label L               a name for the account\n"},
    Entry{"create", "quill-cli wallet create [--words 12|24] [--label L]\n",
          "    create an account from a new recovery phrase; prints the phrase once on stdout\n"
          "    (Quill keeps only the derived key: write the phrase down)\n",
          ""},
    Entry{"list", "quill-cli wallet list\n",
          "    one line per account: address, label, source [path], created (tab-separated)\n", ""},
    Entry{"export", "quill-cli wallet export ADDRESS --password-file P --out FILE\n",
          "    write the account's key as a keystore v3 file (scrypt), readable by you only;\n"
          "    never overwrites FILE\n",
          ""},
    Entry{"remove", "quill-cli wallet remove ADDRESS [--yes]\n",
          "    delete the account and its key from the OS keychain; without a backup (wallet\n"
          "    export, or the recovery phrase) the key is lost. Asks first: type the address's\n"
          "    last 6 characters or 'yes' (one line on stdin); no answer means no. --yes does\n"
          "    not ask (for scripts)\n",
          ""},
    Entry{"derive", "quill-cli wallet derive --mnemonic-file M [--passphrase-file P] [--count N]\n",
          "    list the first N (default 5, at most 100) addresses of a phrase, to pick one for\n"
          "    import --account\n",
          ""},
    Entry{"doctor", "quill-cli wallet doctor [--adopt ADDRESS [--label L]]\n",
          "    make the lists and the keychain agree and say what was done; exit 1 if something\n"
          "    needs you (e.g. a key in the keychain that no list names: --adopt lists it again)\n",
          ""},
};

constexpr std::string_view kExitCodes =
    "Exit codes: 0 success; 1 verification failed (verify), Quill refused (request) or something\n"
    "needs you (wallet doctor); 2 unusable input, one line on stderr (a flag given twice too).\n";

const Entry *find(std::string_view name, const auto &table)
{
    for (const auto &e : table)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::string page(const Entry &e, std::string_view extraOptions)
{
    std::string out = "usage: ";
    // Continuation lines of the synopsis keep their alignment under "usage: ".
    for (std::size_t start = 0; start < e.synopsis.size();) {
        const auto end = e.synopsis.find('\n', start);
        if (start != 0)
            out += "       ";
        out += e.synopsis.substr(start, end - start + 1);
        start = end + 1;
    }
    out += "\n";
    out += e.summary;
    if (!e.options.empty() || !extraOptions.empty()) {
        out += "\nOptions:\n";
        out += e.options.empty() ? extraOptions : e.options;
    }
    out += "\n";
    out += kExitCodes;
    return out;
}

} // namespace

std::string usage()
{
    std::string out = "usage: quill-cli COMMAND [options]\n"
                      "       quill-cli COMMAND --help       the command's options in full\n"
                      "       quill-cli --version\n\n";
    for (const auto &e : kCommands) {
        out += e.synopsis;
        out += e.summary;
    }
    out += "\n";
    out += kExitCodes;
    return out;
}

std::optional<std::string> commandUsage(std::string_view command)
{
    const Entry *e = find(command, kCommands);
    if (!e)
        return std::nullopt;
    std::string extra;
    if (command == "issue")
        extra =
            std::string(kRequestOptions) + std::string(kKeySource) +
            "  --session-seed-file S   a 32-byte hex Ed25519 seed (default: a fresh session key)\n"
            "  --account ADDRESS       sign with this Quill account (OS keychain), for\n"
            "  --app APP_ID            this app's session key (created on first use)\n";
    else if (command == "auth-sig")
        extra = std::string(kRequestOptions) + std::string(kKeySource) +
                "  --session-public-key HEX  the app's Ed25519 session key, 64 lowercase hex\n";
    else if (command == "siwe")
        extra = std::string(kRequestOptions) +
                "  --address 0x...         the wallet address (EIP-55 or all one case)\n"
                "  --session-public-key HEX  the Ed25519 session key, 64 lowercase hex\n";
    else if (command == "address")
        extra = kKeySource;
    return page(*e, extra);
}

std::optional<std::string> walletUsage(std::string_view sub)
{
    const Entry *e = find(sub, kWallet);
    if (!e)
        return std::nullopt;
    return page(*e, {});
}

bool asksForHelp(const std::vector<std::string> &args)
{
    for (const auto &a : args)
        if (a == "--help" || a == "-h")
            return true;
    return false;
}

} // namespace quill::cli
