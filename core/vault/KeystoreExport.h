#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "eth/Keystore.h"

#include <QString>

#include <functional>
#include <string_view>

namespace quill::vault {

class WalletVault;

/// How an account is written out as a keystore file (issue #11).
struct KeystoreExportOptions
{
    /// scrypt cost of the file. Quill always writes the default (n = 2^18, r = 8, p = 1,
    /// geth's "standard" cost); only tests lower it.
    eth::ScryptParams scrypt = {};
    /// Replace a file already at the path (the user was asked); otherwise refuse it.
    bool overwrite = false;
};

/// Writes `text` to `path` atomically (QSaveFile) so that only the owner can read it:
/// without `overwrite` the path is first claimed with O_EXCL and mode 0600, so another
/// file that appears meanwhile is never replaced and no moment exists where the content is
/// readable by others; with `overwrite` the temporary file is made 0600 before any byte is
/// written. Returns: ok, InvalidArgument (`path` exists and `overwrite` is false; context
/// "PATH exists; not overwriting it"), or Io (context: the system's message).
[[nodiscard]] Status writeOwnerOnlyFile(const QString &path, std::string_view text, bool overwrite);

/// Exports an account as a Web3 Secret Storage v3 keystore at `path`: reads the key from
/// the vault, encrypts it with `password` (scrypt, aes-128-ctr) and writes the file with
/// writeOwnerOnlyFile — the KDF and the write run on Qt's thread pool, never on the caller's
/// thread. `done` is called on the vault's thread (not at all if the vault is destroyed).
/// The CLI's `wallet export` and the GUI's Export keystore dialog both call this.
/// Errors: InvalidArgument (empty password, or the file exists without `overwrite`),
///         AccountNotFound and the keychain's errors, InvalidArgument from the scrypt limits,
///         CryptoFailure, Io.
/// Secrets: `password` is moved in; it and the key read from the keychain are wiped when the
///          work ends. The file holds only the encrypted key.
void exportKeystore(WalletVault &vault, const QString &address, crypto::SecureBytes password,
                    const QString &path, const KeystoreExportOptions &options,
                    std::function<void(Status)> done);

} // namespace quill::vault
