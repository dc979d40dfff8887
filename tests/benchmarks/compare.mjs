// Runs quill_bench (Google Benchmark, JSON), the JS references (js/bench-sdk.mjs,
// js/bench-wallet.mjs) and the whole quill-cli process for 30 nodes, then prints a table of
// figures, targets and ratios.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const build = path.resolve(ROOT, process.argv[2] ?? 'build/release');
const bench = path.join(build, 'tests/benchmarks/quill_bench');
const cli = path.join(build, 'app/quill-cli');

const gb = JSON.parse(execFileSync(bench, ['--benchmark_format=json', '--benchmark_min_time=0.5'], { encoding: 'utf8' }));
const ms = (name) => {
  const b = gb.benchmarks.find((x) => x.name === name || x.name === `${name}/real_time` || x.name.startsWith(`${name}/iterations:`));
  if (!b) throw new Error(`no benchmark ${name} in quill_bench's output`);
  const scale = { ns: 1e-6, us: 1e-3, ms: 1 }[b.time_unit];
  return b.real_time * scale;
};

// Counters of the API benchmark (bench_api.cpp): per-request latencies over every round.
const apiBench = () => gb.benchmarks.find((x) => x.name.startsWith('BM_ApiRemembered30x20/'));

const js = JSON.parse(execFileSync('node', [path.join(HERE, 'js/bench-sdk.mjs'), '--quick'], { encoding: 'utf8' }));
const jsWallet = JSON.parse(execFileSync('node', [path.join(HERE, 'js/bench-wallet.mjs'), '--quick'], { encoding: 'utf8' }));

// Whole process: quill-cli issue for 30 nodes (request, key and seed files on disk).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quill-bench-'));
const req = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/requests/valid_vector_a.json'), 'utf8'));
req.nodeUrls = Array.from({ length: 30 }, (_, i) => `https://127.0.0.1:${7470 + i}`);
fs.writeFileSync(path.join(tmp, 'req.json'), JSON.stringify(req));
// Public test key and RFC 8032 seed of the spec's vectors.
fs.writeFileSync(path.join(tmp, 'key.hex'), '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
fs.writeFileSync(path.join(tmp, 'seed.hex'), '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const args = ['issue', '--request', path.join(tmp, 'req.json'), '--key-file', path.join(tmp, 'key.hex'),
  '--session-seed-file', path.join(tmp, 'seed.hex'), '--now', '2025-01-15T12:00:00.000Z'];
// Interleaved, 60 runs each: the issue, a QCoreApplication program that does nothing (issue
// 12's reference) and `quill-cli address` (start-up plus one key file), so that the machine's
// drift during the loop touches all three alike.
const time = (file, argv) => {
  const t0 = process.hrtime.bigint();
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const runs = [];
const bare = [];
const address = [];
for (let i = 0; i < 60; i++) {
  bare.push(time(path.join(build, 'tests/benchmarks/bare_start'), []));
  address.push(time(cli, ['address', '--key-file', path.join(tmp, 'key.hex')]));
  runs.push(time(cli, args));
}
fs.rmSync(tmp, { recursive: true, force: true });
// The SDK script's whole process (issue 12: quill-cli issue ≥ 100× it): node starting, loading
// the v7 SDK and ethers from tests/interop, one offline getSessionSigs for 30 nodes, exit.
const sdkRuns = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  execFileSync('node', [path.join(HERE, 'js/bench-sdk.mjs'), '--once'], { stdio: 'ignore' });
  sdkRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
runs.sort((a, b) => a - b);
const cliMedian = runs[Math.floor(runs.length / 2)];
const bareMedian = median(bare);
const addressMedian = median(address);

// The desktop app: cold start to the first shown window (whole process), and resident memory
// with the demo's approval dialog open (offscreen platform: no display needed).
const gui = path.join(build, 'app/quill');
const guiEnv = { ...process.env, QT_QPA_PLATFORM: 'offscreen' };
const starts = [];
for (let i = 0; i < 10; i++) {
  const t0 = process.hrtime.bigint();
  execFileSync(gui, ['--demo', '--startup-timing'], { env: guiEnv, stdio: 'ignore' });
  starts.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
starts.sort((a, b) => a - b);
const { spawn } = await import('node:child_process');
const demo = spawn(gui, ['--demo'], { env: guiEnv, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${demo.pid}/status`, 'utf8'))[1]);
demo.kill();

const rows = [
  ['session sigs, 30 nodes (per-node loop)', ms('BM_SessionSigs/30'), js.sessionSigs30_loop_ms, 'ms', '≤ 2 ms, ≥ 200× JS'],
  ['whole issuance, 30 nodes (plan+SIWE+sign+30 sigs)', ms('BM_IssueAll30'), js.getSessionSigs30_ms, 'ms', ''],
  ['personal_sign of the SIWE text', ms('BM_PersonalSign') * 1000, js.personalSign_us, 'µs', '≤ 100 µs'],
  ['quill-cli issue, 30 nodes, whole process (median of 60; JS: the SDK script, median of 5)', cliMedian, median(sdkRuns), 'ms', `≤ 1.3 × bare start (${(1.3 * bareMedian).toFixed(1)} ms); ≥ 100× the SDK script`],
  ['  quill-cli address, whole process (median of 60)', addressMedian, null, 'ms', ''],
  ['  a bare QCoreApplication program, whole process (median of 60)', bareMedian, null, 'ms', 'reference'],
  ['Ed25519, one 1.7 KB payload: libsodium (used) / OpenSSL EVP_DigestSign', ms('BM_Ed25519Sign_Payload') * 1000, null, 'µs', `OpenSSL ${(ms('BM_Ed25519Sign_OpenSsl') * 1000).toFixed(1)} µs; target for 30 nodes: ≤ 1.4 × 30 × this / 2 = ${(1.4 * 30 * ms('BM_Ed25519Sign_Payload') / 2).toFixed(2)} ms`],
  ['verify 30 session sigs (strict)', ms('BM_Verify30'), null, 'ms', '≤ 2.5 ms'],
  ['  Ed25519 verification of one payload: verifyStrict (libsodium path) / OpenSSL only', ms('BM_Ed25519Verify/0') * 1000, null, 'µs', `OpenSSL only ${(ms('BM_Ed25519Verify/1') * 1000).toFixed(1)} µs`],
  ['  API answer check, one 30-node answer (JsonRpc::isValidJson, nlohmann; not run on the broker answers)', ms('BM_ValidateAnswer30/0') * 1000, null, 'µs', ''],
  ['  a client reading one 30-node answer line (JsonRpc::parseResponse, simdjson)', ms('BM_ValidateAnswer30/2') * 1000, null, 'µs', ''],
  ['approval → response, 30 nodes, through the broker (event loop included)', ms('BM_ApprovalToResponse30/real_time'), null, 'ms', '≤ 5 ms'],
  ['API, remembered grant, 30 nodes, 20 clients in parallel, local socket: p50', apiBench().p50_ms, null, 'ms', '≤ 5 ms'],
  ['  same: p99', apiBench().p99_ms, null, 'ms', '≤ 15 ms'],
  ['quill --demo cold start to first window, whole process (median of 10)', starts[5], null, 'ms', '≤ 400 ms'],
  ['quill --demo resident memory with the approval dialog open', rssKb / 1024, null, 'MB', '≤ 80 MB'],
  ['keystore decrypt, scrypt n=2^18 r=8 p=1 (ethers 6)', ms('BM_KeystoreDecrypt_N18'), jsWallet.keystoreDecryptN18_ms, 'ms', '≥ 1.4× ethers 6'],
  ['  scrypt alone: libsodium (used) / OpenSSL EVP_PBE_scrypt', ms('BM_Scrypt_N18_Libsodium'), null, 'ms', `OpenSSL ${ms('BM_Scrypt_N18_OpenSsl').toFixed(0)} ms`],
  ['mnemonic → first address m/44\'/60\'/0\'/0/0 (ethers 6)', ms('BM_MnemonicToFirstAddress') * 1000, jsWallet.mnemonicFirstAddress_ms * 1000, 'µs', '≥ 3× ethers 6'],
];
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}; node ${process.version}`);
console.log('| measurement | Quill | JS reference | ratio | target |');
console.log('|---|---|---|---|---|');
for (const [name, q, j, unit, target] of rows) {
  const ratio = j ? `${(j / q).toFixed(j / q < 10 ? 2 : 0)}×` : '—';
  console.log(`| ${name} | ${q.toFixed(unit === 'µs' ? 1 : 2)} ${unit} | ${j ? j.toFixed(1) + ' ' + unit : '—'} | ${ratio} | ${target} |`);
}
