// Google Benchmark suite for the protocol core. tests/benchmarks/run.sh runs it together
// with the JS reference path (tests/benchmarks/js/bench-sdk.mjs) and prints the ratios.

#include "api/JsonRpc.h"
#include "common/Parallel.h"
#include "crypto/Ed25519Key.h"
#include "crypto/Encoding.h"
#include "crypto/Keccak256.h"
#include "eth/PersonalSign.h"
#include "lit/SessionSigIssuer.h"
#include "lit/SessionSigVerifier.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include <array>
#include <vector>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace quill;

namespace {

// Public test keys of the spec's vectors.
crypto::SecureBytes walletKey()
{
    return std::move(crypto::secretFromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")).value();
}
lit::SessionKey sessionKey()
{
    return std::move(lit::SessionKey::fromSeed(
                         std::move(crypto::secretFromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")).value()))
        .value();
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Vector A's request spread over `nodes` node URLs.
lit::SessionRequest requestWithNodes(int nodes)
{
    auto req = lit::SessionRequest::fromJson(readFile(QUILL_TEST_DATA_DIR "/requests/valid_vector_a.json"));
    if (!req)
        std::abort();
    req->nodeUrls.clear();
    for (int i = 0; i < nodes; ++i)
        req->nodeUrls.push_back("https://127.0.0.1:" + std::to_string(7470 + i));
    return std::move(req).value();
}

constexpr UnixMillis kNow = 1736942400000;

void BM_Keccak256_1KiB(benchmark::State &state)
{
    const std::string data(1024, 'x');
    for (auto _ : state)
        benchmark::DoNotOptimize(crypto::keccak256(crypto::asBytes(data)));
}
BENCHMARK(BM_Keccak256_1KiB);

void BM_PersonalSign(benchmark::State &state)
{
    const auto key = walletKey();
    const auto req = requestWithNodes(1);
    auto plan = lit::SessionSigIssuer::plan(req, kNow);
    const auto siwe = lit::SessionSigIssuer::buildSiwe(req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23",
                                                       sessionKey().publicKeyHex())
                          ->render();
    for (auto _ : state)
        benchmark::DoNotOptimize(eth::personalSign(key, siwe));
}
BENCHMARK(BM_PersonalSign)->Unit(benchmark::kMicrosecond);

void BM_Ed25519Sign_Payload(benchmark::State &state)
{
    const auto key = sessionKey();
    const std::string payload(1766, 'p'); // vector A's payload size
    for (auto _ : state)
        benchmark::DoNotOptimize(key.key().sign(crypto::asBytes(payload)));
}
BENCHMARK(BM_Ed25519Sign_Payload)->Unit(benchmark::kMicrosecond);

/// Reference for issue 12: the same payload signed with OpenSSL's EVP_DigestSign (what Quill
/// used before libsodium), with the same seed.
void BM_Ed25519Sign_OpenSsl(benchmark::State &state)
{
    const auto seed = crypto::secretFromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed->data(), seed->size());
    const std::string payload(1766, 'p');
    std::array<unsigned char, 64> sig{};
    for (auto _ : state) {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        size_t len = sig.size();
        EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key);
        EVP_DigestSign(ctx, sig.data(), &len, reinterpret_cast<const unsigned char *>(payload.data()), payload.size());
        EVP_MD_CTX_free(ctx);
        benchmark::DoNotOptimize(sig);
    }
    EVP_PKEY_free(key);
}
BENCHMARK(BM_Ed25519Sign_OpenSsl)->Unit(benchmark::kMicrosecond);

/// N payload signatures on the calling thread only, and with parallelFor on idle pool threads:
/// where the hand-off starts to pay (kParallelSigningMinNodes).
void BM_SignNodes(benchmark::State &state)
{
    const auto key = sessionKey();
    const auto n = std::size_t(state.range(0));
    const bool parallel = state.range(1) != 0;
    const std::vector<std::string> payloads(n, std::string(1766, 'p'));
    std::vector<crypto::Ed25519Signature> sigs(n);
    for (auto _ : state) {
        parallelFor(n, parallel ? 2 : n + 1, [&](std::size_t i) { sigs[i] = key.key().sign(crypto::asBytes(payloads[i])); });
        benchmark::DoNotOptimize(sigs);
    }
}
BENCHMARK(BM_SignNodes)
    ->ArgsProduct({{2, 4, 6, 8, 16, 30}, {0, 1}})
    ->ArgNames({"nodes", "parallel"})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

/// The per-node loop only (what the SDK's tweetnacl loop does): payloads + Ed25519 for N nodes,
/// given the wallet AuthSig.
void BM_SessionSigs(benchmark::State &state)
{
    const auto req = requestWithNodes(int(state.range(0)));
    const auto key = sessionKey();
    auto plan = lit::SessionSigIssuer::plan(req, kNow);
    auto siwe = lit::SessionSigIssuer::buildSiwe(req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.publicKeyHex());
    auto authSig = lit::SessionSigIssuer::signAuthSig(walletKey(), *siwe);
    for (auto _ : state) {
        auto sigs = lit::SessionSigIssuer::issue(req, *plan, *authSig, key, lit::Profile::LitV7);
        benchmark::DoNotOptimize(sigs);
    }
}
BENCHMARK(BM_SessionSigs)->Arg(3)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Everything from a parsed request: plan, SIWE, personal_sign, 30 payloads and signatures.
void BM_IssueAll30(benchmark::State &state)
{
    const auto req = requestWithNodes(30);
    const auto key = sessionKey();
    const auto wallet = walletKey();
    for (auto _ : state) {
        auto plan = lit::SessionSigIssuer::plan(req, kNow);
        auto siwe = lit::SessionSigIssuer::buildSiwe(req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.publicKeyHex());
        auto authSig = lit::SessionSigIssuer::signAuthSig(wallet, *siwe);
        auto sigs = lit::SessionSigIssuer::issue(req, *plan, *authSig, key, lit::Profile::LitV7);
        benchmark::DoNotOptimize(sigs);
    }
}
BENCHMARK(BM_IssueAll30)->Unit(benchmark::kMillisecond);

/// Issue 12: one payload verification, verifyStrict (libsodium fast path) against the
/// OpenSSL-only reference that decides the same.
void BM_Ed25519Verify(benchmark::State &state)
{
    const auto key = sessionKey();
    const std::string payload(1766, 'p');
    const auto sig = key.key().sign(crypto::asBytes(payload));
    const bool reference = state.range(0) == 1;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            reference ? crypto::Ed25519Key::verifyOpenSsl(key.key().publicKey(),
                                                          crypto::asBytes(payload), sig)
                      : crypto::Ed25519Key::verifyStrict(key.key().publicKey(),
                                                         crypto::asBytes(payload), sig));
    state.SetLabel(reference ? "OpenSSL only" : "verifyStrict");
}
BENCHMARK(BM_Ed25519Verify)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_Verify30(benchmark::State &state)
{
    const auto req = requestWithNodes(30);
    const auto key = sessionKey();
    auto plan = lit::SessionSigIssuer::plan(req, kNow);
    auto siwe = lit::SessionSigIssuer::buildSiwe(req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.publicKeyHex());
    auto authSig = lit::SessionSigIssuer::signAuthSig(walletKey(), *siwe);
    const auto json = lit::SessionSigIssuer::issue(req, *plan, *authSig, key, lit::Profile::LitV7)->toJson();
    lit::VerifyOptions options;
    options.now = kNow;
    for (auto _ : state)
        benchmark::DoNotOptimize(lit::SessionSigVerifier::verify(json, options));
}
BENCHMARK(BM_Verify30)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Issue 12: checking a 30-node answer is one JSON value before it goes out on the API
/// (ApiServer, on the GUI thread): nlohmann's accept against QJsonDocument's parser; and
/// reading it back in a client (JsonRpc::parseResponse, simdjson).
void BM_ValidateAnswer30(benchmark::State &state)
{
    const auto req = requestWithNodes(30);
    const auto key = sessionKey();
    auto plan = lit::SessionSigIssuer::plan(req, kNow);
    auto siwe = lit::SessionSigIssuer::buildSiwe(
        req, *plan, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.publicKeyHex());
    auto authSig = lit::SessionSigIssuer::signAuthSig(walletKey(), *siwe);
    const auto json =
        lit::SessionSigIssuer::issue(req, *plan, *authSig, key, lit::Profile::LitV7)->toJson();
    const bool qt = state.range(0) == 1;
    const bool client = state.range(0) == 2;
    const QByteArray line = api::JsonRpc::result("7", json);
    for (auto _ : state) {
        if (client) {
            // What ApiClient does with each answer line: the whole line checked (simdjson),
            // the envelope read, `result` handed on as its exact bytes.
            benchmark::DoNotOptimize(api::JsonRpc::parseResponse(
                std::string_view(line.constData(), std::size_t(line.size()))));
        } else if (qt) {
            QJsonParseError e{};
            benchmark::DoNotOptimize(QJsonDocument::fromJson(
                QByteArray::fromRawData(json.data(), qsizetype(json.size())), &e));
        } else {
            benchmark::DoNotOptimize(api::JsonRpc::isValidJson(json));
        }
    }
    state.SetLabel(client ? "JsonRpc::parseResponse"
                   : qt   ? "QJsonDocument"
                          : "JsonRpc::isValidJson");
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(json.size()));
}
BENCHMARK(BM_ValidateAnswer30)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
