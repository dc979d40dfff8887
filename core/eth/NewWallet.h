#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "eth/Mnemonic.h"

#include <string>

namespace quill::eth {

/// A wallet made from a new recovery phrase: the phrase to show the user once, and the key
/// Quill stores — its first Ethereum account (BIP-44 m/44'/60'/0'/0/0, no passphrase).
/// `quill-cli wallet create` and the GUI's Create both make it here.
struct NewWallet
{
    Mnemonic mnemonic;
    crypto::SecureBytes privateKey;
    std::string derivationPath;

    /// Returns: a new wallet of `words` words (12 or 24, as Mnemonic::generate), or the
    ///          derivation's error (InvalidPrivateKey, probability < 2^-127).
    /// Secrets: the phrase and the key are only in the returned SecureBytes; the seed and
    ///          the master key are wiped.
    [[nodiscard]] static Result<NewWallet> create(int words);
};

} // namespace quill::eth
