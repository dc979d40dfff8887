#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QCoreApplication>

#include <map>
#include <string>
#include <vector>

namespace quill::cli {

/// Parsed command line: positional arguments and --flags (only those parsed as repeatable
/// may appear more than once).
struct Args
{
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> flags; ///< "--name" → value ("" for switches)

    bool has(const std::string &flag) const { return flags.count(flag) != 0; }
    std::string value(const std::string &flag) const;
    std::vector<std::string> values(const std::string &flag) const;
};

/// Parses argv after the command name. `valued` lists the flags that take a value and
/// `switches` those that do not; anything else is an error naming it. A flag given twice is
/// an error too (a silently ignored second value is worse), unless `repeatable` lists it.
[[nodiscard]] Result<Args> parseArgs(const std::vector<std::string> &argv,
                                     const std::vector<std::string> &valued,
                                     const std::vector<std::string> &switches,
                                     const std::vector<std::string> &repeatable = {});

/// Reads a whole file as text. Errors name the flag it came from.
[[nodiscard]] Result<std::string> readTextFile(const std::string &path, const std::string &flag);

/// Reads a file holding a hex secret (optional 0x, surrounding whitespace ignored) of
/// exactly `bytes` bytes, straight into SecureBytes; the read buffer is wiped.
[[nodiscard]] Result<crypto::SecureBytes> readHexSecretFile(const std::string &path,
                                                            const std::string &flag,
                                                            std::size_t bytes);

/// Reads a secret text file (password, passphrase, recovery phrase) straight into
/// SecureBytes; one trailing newline (LF or CRLF) is dropped, nothing else is changed.
[[nodiscard]] Result<crypto::SecureBytes> readSecretFile(const std::string &path, const std::string &flag);

/// The wallet private key from `--key-file F` (hex) or `--keystore F --password-file P`
/// (Web3 Secret Storage v3). Errors name the flag; a wrong password is KeystoreWrongPassword.
[[nodiscard]] Result<crypto::SecureBytes> walletKeyFrom(const Args &args);

/// Prints "quill-cli: <message>" on stderr.
void printError(const QString &message);

/// An error as quill-cli reports it, each part once: where it came from first (the flag,
/// file or argument a CLI helper put at the start of the context: "--request: …",
/// "SIGS.json: …"), then what kind of error (omitted for the CLI's own invalid-argument
/// messages), then the detail. "--request: Lit resource prefix: …".
QString describeForCli(const Error &error);

/// Prints describeForCli(error) as printError does.
void printError(const Error &error);

/// `error` with `where` (a flag, file or argument name) put before its context.
Error locate(const QString &where, Error error);

/// Quill's data folder: $QUILL_DATA_DIR, else the platform's app data folder
/// (~/.local/share/quill/quill). Needs the QCoreApplication names set.
QString dataDir();

/// The Qt event loop of a command that needs one (the vault, the API client, the server):
/// a QCoreApplication named as Quill's, so that dataDir() and QSettings find Quill's folders.
class CliApplication
{
public:
    CliApplication();
    QCoreApplication &app() { return m_app; }

private:
    int m_argc = 1;
    char m_name[10] = "quill-cli";
    char *m_argv[2] = {m_name, nullptr};
    QCoreApplication m_app; ///< last: it keeps references to m_argc and m_argv
};

} // namespace quill::cli
