#!/usr/bin/env node
// Quill — JS reference benchmark (the numbers Quill's C++ benchmarks are compared with).
//
//   node tests/benchmarks/js/bench-sdk.mjs [--quick]      (default run ≈ 30 s; --quick ≈ 5 s)
//   node tests/benchmarks/js/bench-sdk.mjs --once         one getSessionSigs for 30 nodes, then exit:
//                                                         the SDK script's whole process, which
//                                                         compare.mjs times beside `quill-cli issue`
//
// Uses the npm packages installed in tests/interop/node_modules (run `npm ci` there first);
// no second node_modules. Measures:
//   (a) sessionSigs30_loop_ms  the v7 getSessionSigs per-node signing loop for 30 nodes, exactly as
//                              @lit-protocol/lit-node-client-nodejs 7.4.0 does it (spread template +
//                              nodeAddress, JSON.stringify, @lit-protocol/uint8arrays hex/utf8
//                              conversion, @lit-protocol/nacl (TweetNaCl) sign.detached, hex) —
//                              mean milliseconds per 30-node batch;
//   (b) getSessionSigs30_ms    the whole offline LitNodeClientNodeJs.getSessionSigs for 30 nodes
//                              (same setup as tests/interop/gen-cases.mjs: client marked ready,
//                              authNeededCallback = createSiweMessageWithRecaps + generateAuthSig with
//                              an ethers v5 Wallet, fixed session key) — mean milliseconds per call;
//   (c) personalSign_us        ethers v5 Wallet.signMessage (EIP-191 personal_sign) of a SIWE text —
//                              mean microseconds per signature.
// Prints {"sessionSigs30_loop_ms":…,"getSessionSigs30_ms":…,"personalSign_us":…} on stdout;
// details (iterations, versions) go to stderr.
//
// Keys are PUBLIC TEST KEYS (RFC 8032 TEST 1 seed; a widely published example Ethereum key).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INTEROP = path.resolve(HERE, '../../interop');
if (!fs.existsSync(path.join(INTEROP, 'node_modules', '.package-lock.json'))) {
  process.stderr.write(`bench-sdk: ${INTEROP}/node_modules is missing; run: (cd ${INTEROP} && npm ci --no-audit --no-fund)\n`);
  process.exit(2);
}
// Resolve every package from tests/interop/node_modules.
const require = createRequire(path.join(INTEROP, 'package.json'));
const clientRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));

const QUICK = process.argv.includes('--quick');
const ONCE = process.argv.includes('--once');
const VERBOSE = !!process.env.QUILL_INTEROP_VERBOSE;
if (!VERBOSE) process.env.NO_DEPRECATION = process.env.NO_DEPRECATION || '*';

// SDK logging off while loading/running the SDK
const realConsole = { log: console.log, warn: console.warn, info: console.info, debug: console.debug };
const mute = () => { if (!VERBOSE) console.log = console.warn = console.info = console.debug = () => {}; };
const unmute = () => Object.assign(console, realConsole);

mute();
const tweetnacl = require('tweetnacl');
const { ethers } = require('ethers');
const v7Auth = require('@lit-protocol/auth-helpers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
// The exact modules getSessionSigs uses for the per-node loop
const { nacl } = clientRequire('@lit-protocol/nacl');
const { uint8arrayFromString, uint8arrayToString } = clientRequire('@lit-protocol/uint8arrays');
unmute();

const KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const BLOCKHASH = '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677';
const ACC_ID = '53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349';
const NODES = Array.from({ length: 30 }, (_, i) => `https://127.0.0.1:${7470 + i}`);

const kp = tweetnacl.sign.keyPair.fromSeed(Uint8Array.from(Buffer.from(SEED, 'hex')));
const sessionKey = {
  publicKey: Buffer.from(kp.publicKey).toString('hex'),
  secretKey: Buffer.from(kp.secretKey).toString('hex'),
};
const wallet = new ethers.Wallet(KEY);

function makeClient() {
  const client = new LitNodeClientNodeJs({ litNetwork: 'custom', debug: false });
  client.ready = true;
  client.connectedNodes = new Set(NODES);
  client.latestBlockhash = BLOCKHASH;
  client.lastBlockHashRetrieved = Date.now();
  return client;
}

function requests() {
  return [{ resource: new v7Auth.LitAccessControlConditionResource(ACC_ID), ability: 'access-control-condition-decryption' }];
}

async function getSessionSigs30(client) {
  client.lastBlockHashRetrieved = Date.now(); // keep the blockhash "fresh": never go to the network
  return client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: requests(),
    sessionKey,
    authNeededCallback: async (params) => {
      const toSign = await v7Auth.createSiweMessageWithRecaps({
        uri: params.uri,
        expiration: params.expiration,
        resources: params.resourceAbilityRequests,
        walletAddress: wallet.address,
        nonce: params.nonce,
        litNodeClient: client,
      });
      return v7Auth.generateAuthSig({ signer: wallet, toSign });
    },
  });
}

// (a) the per-node loop of getSessionSigs (lit-node-client-nodejs 7.4.0), for 30 nodes
function signingLoop30(signingTemplate) {
  const signatures = {};
  NODES.forEach((nodeAddress) => {
    const toSign = { ...signingTemplate, nodeAddress };
    const signedMessage = JSON.stringify(toSign);
    const uint8arrayKey = uint8arrayFromString(sessionKey.secretKey, 'base16');
    const uint8arrayMessage = uint8arrayFromString(signedMessage, 'utf8');
    const signature = nacl.sign.detached(uint8arrayMessage, uint8arrayKey);
    signatures[nodeAddress] = {
      sig: uint8arrayToString(signature, 'base16'),
      derivedVia: 'litSessionSignViaNacl',
      signedMessage,
      address: sessionKey.publicKey,
      algo: 'ed25519',
    };
  });
  return signatures;
}

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
  process.stderr.write(`${label}: ${iters} iterations, mean ${mean.toFixed(4)} ms\n`);
  return mean;
}

async function main() {
  const scale = QUICK ? 0.1 : 1;
  mute();
  let result;
  try {
    const client = makeClient();
    if (ONCE) {
      const sigs = await getSessionSigs30(client);
      unmute();
      process.stdout.write(`${Object.keys(sigs).length}\n`);
      return;
    }
    // A real 30-node result supplies the template (same bytes getSessionSigs signs).
    const sample = await getSessionSigs30(client);
    const first = JSON.parse(sample[NODES[0]].signedMessage);
    const { nodeAddress: _n, ...signingTemplate } = first;
    // sanity: the loop reproduces the SDK's output byte for byte
    const mine = signingLoop30(signingTemplate);
    for (const u of NODES) {
      if (JSON.stringify(mine[u]) !== JSON.stringify(sample[u])) throw new Error(`signing loop does not reproduce the SDK output for ${u}`);
    }
    const siwe = first.capabilities[first.capabilities.length - 1].signedMessage;

    const loopMs = await timeIt('(a) 30-node signing loop', { warmup: 3, minIters: Math.ceil(20 * scale), minMs: 8000 * scale }, () => signingLoop30(signingTemplate));
    const gssMs = await timeIt('(b) getSessionSigs, 30 nodes', { warmup: 2, minIters: Math.ceil(15 * scale), minMs: 8000 * scale }, () => getSessionSigs30(client));
    const signMs = await timeIt('(c) ethers v5 signMessage(SIWE)', { warmup: 20, minIters: Math.ceil(1000 * scale), minMs: 3000 * scale }, () => wallet.signMessage(siwe));

    result = {
      sessionSigs30_loop_ms: Number(loopMs.toFixed(4)),
      getSessionSigs30_ms: Number(gssMs.toFixed(4)),
      personalSign_us: Number((signMs * 1000).toFixed(2)),
    };
  } finally {
    unmute();
  }
  process.stderr.write(`node ${process.version}, ${process.platform}/${process.arch}${QUICK ? " (quick run)" : ""}\n`);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  unmute();
  process.stderr.write(`bench-sdk: ${e.stack || e}\n`);
  process.exit(1);
});
