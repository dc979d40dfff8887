// Wallet import: keystore decryption and mnemonic → first account. tests/benchmarks/run.sh
// compares these with ethers 6 (tests/benchmarks/js/bench-wallet.mjs) on the same inputs.

#include "crypto/Encoding.h"
#include "crypto/Kdf.h"
#include "crypto/Secp256k1.h"
#include "eth/Address.h"
#include "eth/HdKey.h"
#include "eth/Keystore.h"
#include "eth/Mnemonic.h"

#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace quill;

namespace {

// Public test data: the BIP-39 "abandon … about" phrase; the n = 2^18 keystore that
// tests/interop/gen-keystores.mjs wrote with ethers 6 for password "testpassword".
constexpr const char *kPhrase =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const crypto::SecureBytes &password()
{
    static const crypto::SecureBytes p(crypto::asBytes("testpassword"));
    return p;
}

std::string keystoreN18()
{
    std::ifstream in(QUILL_TEST_DATA_DIR "/keystore/valid_ethers6_n18.json");
    std::stringstream ss;
    ss << in.rdbuf();
    if (ss.str().empty())
        std::abort();
    return ss.str();
}

/// keystore::decrypt of a geth-standard file: scrypt n = 2^18, r = 8, p = 1 (256 MiB).
void BM_KeystoreDecrypt_N18(benchmark::State &state)
{
    const std::string json = keystoreN18();
    for (auto _ : state) {
        auto key = eth::keystore::decrypt(json, password());
        if (!key)
            std::abort();
        benchmark::DoNotOptimize(key);
    }
}
BENCHMARK(BM_KeystoreDecrypt_N18)->Unit(benchmark::kMillisecond)->Iterations(3);

/// The two scrypt implementations considered for the keystore, same parameters. OpenSSL needs
/// maxmem raised above its 32 MiB default (and refuses n >= 2^(16 r) whatever maxmem is).
void BM_Scrypt_N18_Libsodium(benchmark::State &state)
{
    const std::string salt(32, 's');
    for (auto _ : state)
        benchmark::DoNotOptimize(
            crypto::scrypt(password().span(), crypto::asBytes(salt), 1u << 18, 8, 1, 32));
}
BENCHMARK(BM_Scrypt_N18_Libsodium)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Scrypt_N18_OpenSsl(benchmark::State &state)
{
    const std::string salt(32, 's');
    unsigned char out[32];
    for (auto _ : state) {
        if (EVP_PBE_scrypt(reinterpret_cast<const char *>(password().data()), password().size(),
                           reinterpret_cast<const unsigned char *>(salt.data()), salt.size(),
                           1u << 18, 8, 1, std::uint64_t(1) << 30, out, sizeof out) != 1)
            std::abort();
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_Scrypt_N18_OpenSsl)->Unit(benchmark::kMillisecond)->Iterations(3);

/// Phrase → seed → m/44'/60'/0'/0/0 → address: what importing a recovery phrase costs.
void BM_MnemonicToFirstAddress(benchmark::State &state)
{
    for (auto _ : state) {
        auto mnemonic = eth::Mnemonic::parse(kPhrase);
        auto master = eth::HdKey::fromSeed(mnemonic->toSeed());
        auto account = master->derive(eth::HdKey::ethereumPath(0));
        auto pub = crypto::secp256k1::publicKey(account->privateKey());
        const auto address = eth::Address::fromPublicKey(*pub);
        benchmark::DoNotOptimize(address);
    }
}
BENCHMARK(BM_MnemonicToFirstAddress)->Unit(benchmark::kMicrosecond);

/// Its two parts: BIP-39 PBKDF2 (2048 × HMAC-SHA512) and BIP-32 derivation to the account.
void BM_Bip39Seed(benchmark::State &state)
{
    const auto mnemonic = eth::Mnemonic::parse(kPhrase);
    for (auto _ : state)
        benchmark::DoNotOptimize(mnemonic->toSeed());
}
BENCHMARK(BM_Bip39Seed)->Unit(benchmark::kMicrosecond);

void BM_Bip32DeriveEthereum0(benchmark::State &state)
{
    const auto master = eth::HdKey::fromSeed(eth::Mnemonic::parse(kPhrase)->toSeed());
    for (auto _ : state)
        benchmark::DoNotOptimize(master->derive(eth::HdKey::ethereumPath(0)));
}
BENCHMARK(BM_Bip32DeriveEthereum0)->Unit(benchmark::kMicrosecond);

} // namespace
