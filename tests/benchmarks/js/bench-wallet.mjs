#!/usr/bin/env node
// Quill — JS reference for wallet import (compared with tests/benchmarks/bench_wallet.cpp).
//
//   node tests/benchmarks/js/bench-wallet.mjs [--quick]
//
// Uses ethers 6.17.0 from tests/interop/node_modules (run `npm ci` there first). Measures:
//   (a) keystoreDecryptN18_ms     Wallet.fromEncryptedJson on tests/data/keystore/valid_ethers6_n18.json
//                                 (scrypt n = 2^18, r = 8, p = 1), mean milliseconds per call;
//   (b) mnemonicFirstAddress_ms   HDNodeWallet.fromPhrase("abandon … about") — BIP-39 seed and the
//                                 default path m/44'/60'/0'/0/0 — then .address, mean milliseconds.
// Prints {"keystoreDecryptN18_ms":…,"mnemonicFirstAddress_ms":…} on stdout; details on stderr.
// All inputs are PUBLIC TEST DATA.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INTEROP = path.resolve(HERE, '../../interop');
if (!fs.existsSync(path.join(INTEROP, 'node_modules', '.package-lock.json'))) {
  process.stderr.write(`bench-wallet: ${INTEROP}/node_modules is missing; run: (cd ${INTEROP} && npm ci --no-audit --no-fund)\n`);
  process.exit(2);
}
const require = createRequire(path.join(INTEROP, 'package.json'));
const { Wallet, HDNodeWallet, version } = require('ethers6');

const QUICK = process.argv.includes('--quick');
const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const FIRST = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const KEYSTORE = fs.readFileSync(path.resolve(HERE, '../../data/keystore/valid_ethers6_n18.json'), 'utf8');
const KEYSTORE_ADDRESS = '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23';

async function timeIt(label, { warmup, minIters, minMs }, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  let iters = 0;
  const t0 = performance.now();
  let t = t0;
  while (iters < minIters || t - t0 < minMs) {
    await fn();
    iters++;
    t = performance.now();
  }
  const mean = (t - t0) / iters;
  process.stderr.write(`${label}: ${iters} iterations, mean ${mean.toFixed(3)} ms\n`);
  return mean;
}

async function main() {
  const scale = QUICK ? 0.25 : 1;
  const decryptMs = await timeIt('(a) ethers 6 Wallet.fromEncryptedJson, n=2^18 r=8 p=1',
    { warmup: 1, minIters: Math.max(2, Math.ceil(8 * scale)), minMs: 0 }, async () => {
      const w = await Wallet.fromEncryptedJson(KEYSTORE, 'testpassword');
      if (w.address !== KEYSTORE_ADDRESS) throw new Error('keystore decrypted to the wrong address');
    });
  const phraseMs = await timeIt('(b) ethers 6 HDNodeWallet.fromPhrase → address',
    { warmup: 20, minIters: Math.ceil(200 * scale), minMs: 4000 * scale }, () => {
      const w = HDNodeWallet.fromPhrase(PHRASE);
      if (w.address !== FIRST) throw new Error('wrong first address');
    });
  process.stderr.write(`ethers ${version}, node ${process.version}, ${process.platform}/${process.arch}${QUICK ? ' (quick run)' : ''}\n`);
  process.stdout.write(JSON.stringify({
    keystoreDecryptN18_ms: Number(decryptMs.toFixed(2)),
    mnemonicFirstAddress_ms: Number(phraseMs.toFixed(4)),
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench-wallet: ${e.stack || e}\n`);
  process.exit(1);
});
