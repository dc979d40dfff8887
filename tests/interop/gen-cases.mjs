#!/usr/bin/env node
// Quill interop tests — JS reference case generator.
//
// Runs the REAL Lit JS SDK code paths offline under a frozen clock and writes one folder per
// case (request.json, key.hex, seed.hex, now.txt, profile.txt, expected.json, siwe.txt,
// authsig.json) for Quill's C++ implementation to reproduce byte for byte.
//
//   lit-v7: LitNodeClientNodeJs.getSessionSigs (@lit-protocol/lit-node-client-nodejs 7.4.0) with a
//           client put into the "ready" state by hand (no network), an authNeededCallback that
//           builds the SIWE with createSiweMessageWithRecaps and signs it with generateAuthSig
//           (ethers v5 Wallet); capacity delegations via client.createCapacityDelegationAuthSig.
//   lit-v8: what @lit-protocol/auth's EOA auth context does (AuthConfigSchema.parse,
//           createSiweMessageWithResources + generateAuthSig from @lit-protocol/auth-helpers 8.2.0)
//           followed by issueSessionFromContext from @lit-protocol/networks 8.4.1, which picks the
//           cheapest `threshold` nodes, computes maxPrice and signs the per-node payloads.
//
// Usage:
//   node gen-cases.mjs OUTDIR              generate every case into OUTDIR/<case-name>/
//   node gen-cases.mjs --self-check        regenerate the shipped vectors (tests/data/vectors/*.json) and
//                                          compare byte for byte; also runs check-output's
//                                          independent checks on every generated case.
//                                          Exit status 1 on any mismatch.
//   node gen-cases.mjs --list              print the case names
//   options: --vectors DIR (default: ../data/vectors), --only NAME[,NAME…]
//
// Every key below is a PUBLIC TEST KEY (RFC 8032 test vectors, the ethers documentation key and
// a widely published example key). Never use them for anything real.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------------------------------
// Frozen clock. Installed BEFORE any SDK module is loaded (some compute defaults at load time).
// `new Date()` (no arguments) and `Date.now()` return the frozen instant; everything else is the
// real Date. setNow() moves the frozen instant between cases.
// ------------------------------------------------------------------------------------------
const RealDate = globalThis.Date;
let frozenMs = RealDate.parse('2025-01-15T12:00:00.000Z');

const FrozenDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    const nt = newTarget === FrozenDate ? target : newTarget;
    return Reflect.construct(target, args.length === 0 ? [frozenMs] : args, nt);
  },
  apply() {
    // Date() called as a function returns a string for "now"
    return new RealDate(frozenMs).toString();
  },
  get(target, prop, receiver) {
    if (prop === 'now') return () => frozenMs;
    return Reflect.get(target, prop, receiver);
  },
});
globalThis.Date = FrozenDate;

function setNow(iso) {
  const ms = RealDate.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad ISO time: ${iso}`);
  frozenMs = ms;
}

// The SDKs are chatty (console.log/warn/info/debug). Keep stdout/stderr clean unless asked.
const VERBOSE = !!process.env.QUILL_INTEROP_VERBOSE;
const realConsole = { log: console.log, warn: console.warn, info: console.info, debug: console.debug };
function quietSdk(fn) {
  return async (...args) => {
    if (!VERBOSE) {
      console.log = console.warn = console.info = console.debug = () => {};
    }
    try {
      return await fn(...args);
    } finally {
      Object.assign(console, realConsole);
    }
  };
}
function out(line) { process.stdout.write(line + '\n'); }
function err(line) { process.stderr.write(line + '\n'); }

// Silence the `depd` deprecation notices the v7 constants print when they are loaded.
if (!VERBOSE) process.env.NO_DEPRECATION = process.env.NO_DEPRECATION || '*';

// ------------------------------------------------------------------------------------------
// SDK modules (loaded after the clock is frozen)
// ------------------------------------------------------------------------------------------
const sdk = await quietSdk(async () => {
  const nacl = require('tweetnacl');
  const { ethers } = require('ethers');
  const v7Auth = require('@lit-protocol/auth-helpers');
  const v7Const = require('@lit-protocol/constants');
  const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
  const v8Auth = require('lit-auth-helpers-v8');
  const v8AuthRequire = createRequire(require.resolve('lit-auth-helpers-v8'));
  const v8Const = v8AuthRequire('@lit-protocol/constants');
  const v8Net = require('@lit-protocol/networks');
  // The schemas module exactly as @lit-protocol/networks resolves it (what
  // issueSessionFromContext itself uses to parse the auth config).
  const netRequire = createRequire(require.resolve('@lit-protocol/networks'));
  const v8Schemas = netRequire('@lit-protocol/schemas');
  return { nacl, ethers, v7Auth, v7Const, LitNodeClientNodeJs, v8Auth, v8Const, v8Net, v8Schemas };
})();

const { nacl, ethers } = sdk;

// ------------------------------------------------------------------------------------------
// Public test material
// ------------------------------------------------------------------------------------------
// Ethereum keys
const KEY_A = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'; // → 0x2c7536E3…5c23 (public example key)
const KEY_B = '0x0123456789012345678901234567890123456789012345678901234567890123'; // → 0x14791697…9325 (ethers docs test key)
// Ed25519 session seeds: RFC 8032 §7.1 TEST 1 and TEST 2
const SEED_1 = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const SEED_2 = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';

const NOW = '2025-01-15T12:00:00.000Z';
const BLOCKHASH = '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677';
const BLOCKHASH_2 = '0x8b4f3c7d1e2a9b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c';
const LOCAL3 = ['https://127.0.0.1:7470', 'https://127.0.0.1:7471', 'https://127.0.0.1:7472'];
const ACC_ID = '53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628/35900b737f8be49f1b2534969c6d3d253fd07102a9adfeda5c1faae181b8c349';
const LIT_ACTION_CID = 'QmUjX8MW6StQ7NKNdaS6g4RMkvN5hcgtKmEi8Mca6oX4t3';
const SDK_TEST_STATEMENT = 'This is a test statement.  You can put anything you want here.'; // two spaces (SDK default)
const WEI = 10n ** 17n; // 0.1 × 10^18

const P = {
  acc: 'lit-accesscontrolcondition',
  pkp: 'lit-pkp',
  action: 'lit-litaction',
  rli: 'lit-ratelimitincrease',
  paydel: 'lit-paymentdelegation',
};
const A = {
  accDecrypt: 'access-control-condition-decryption',
  accSign: 'access-control-condition-signing',
  pkpSign: 'pkp-signing',
  actionExec: 'lit-action-execution',
  rli: 'rate-limit-increase-auth',
  paydel: 'lit-payment-delegation',
};

// ------------------------------------------------------------------------------------------
// Cases. `statement`/`domain`/`expiration` left undefined = the SDK default is used (and then
// written explicitly into request.json).
// ------------------------------------------------------------------------------------------
const CASES = [
  {
    name: 'v7-A-acc-decryption-defaults',
    description: 'Vector A: one ACC decryption request, SDK defaults (domain localhost, test statement, expiration now+24h).',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.acc, ACC_ID, A.accDecrypt]],
    vector: 'v7-A-acc-decryption-defaults.json',
  },
  {
    name: 'v7-B-wildcards-custom-statement',
    description: 'Wildcards for every prefix (pkp, litaction, acc decryption+signing), custom statement and domain, explicit expiration.',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.pkp, '*', A.pkpSign], [P.action, '*', A.actionExec], [P.acc, '*', A.accDecrypt], [P.acc, '*', A.accSign]],
    statement: 'Authorize a Lit session for Example App.',
    domain: 'wallet.example.com',
    expiration: '2025-01-15T13:00:00.000Z',
  },
  {
    name: 'v7-B-capacity-delegation',
    description: 'Spec example B: the wildcard case plus one capacity-delegation AuthSig (createCapacityDelegationAuthSig, owner key B) in capabilityAuthSigs.',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.pkp, '*', A.pkpSign], [P.action, '*', A.actionExec], [P.acc, '*', A.accDecrypt], [P.acc, '*', A.accSign]],
    statement: 'Authorize a Lit session for Example App.',
    domain: 'wallet.example.com',
    expiration: '2025-01-15T13:00:00.000Z',
    capacityDelegation: { ownerKey: KEY_B, capacityTokenId: '12345', uses: '10', delegatees: 'wallet' },
    specB: true,
  },
  {
    name: 'v7-C-pkp-id-litaction-cid',
    description: 'Spec example C: PKP id 0x1234 (padded by LitPKPResource) and a Lit Action CID, domain localhost:3000, empty statement.',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.pkp, '0x1234', A.pkpSign], [P.action, LIT_ACTION_CID, A.actionExec]],
    statement: '',
    domain: 'localhost:3000',
  },
  {
    name: 'v7-D-rate-limit-increase',
    description: 'Capacity credit NFT resource lit-ratelimitincrease://12345 with rate-limit-increase-auth, SDK test statement, 7-day expiration.',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.rli, '12345', A.rli]],
    expiration: '2025-01-22T12:00:00.000Z',
  },
  {
    name: 'v7-E-statement-punctuation',
    description: 'Statement using the punctuation allowed by the SIWE statement charset; ACC decryption + specific PKP.',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.acc, ACC_ID, A.accDecrypt], [P.pkp, 'ab'.repeat(32), A.pkpSign]],
    statement: "Quill test: sign-in (v1.2) for app@example.com! Terms: https://example.com/tos?lang=en&v=2#s1; fee=$0 + [none], it's ~free* _ok_.",
    domain: 'dapp.example.org',
    expiration: '2025-01-16T00:00:00.000Z',
  },
  {
    name: 'v7-G-six-nodes-chain137',
    description: 'Six nodes, chainId 137, explicit issuedAt, other wallet key (B) and RFC 8032 TEST 2 session seed, clock at a month/day rollover with the default +24h expiration.',
    profile: 'lit-v7', now: '2025-06-30T23:59:59.999Z', key: KEY_B, seed: SEED_2, nonce: BLOCKHASH_2,
    nodeUrls: [
      'https://15.235.83.220:7470', 'https://15.235.83.220:7471', 'https://15.235.83.220:7472',
      'https://51.255.59.58:443', 'https://node-e.example.net:7470', 'https://localhost:7475',
    ],
    requests: [[P.acc, 'f'.repeat(64), A.accSign], [P.action, '*', A.actionExec], [P.pkp, '*', A.pkpSign]],
    statement: 'Session for the six-node test network.',
    chainId: 137,
    requestIssuedAt: true,
  },
  {
    name: 'v8-F-naga-acc-and-pkp',
    description: 'Vector F: v8 (Naga) ACC decryption + lit-pkp://* signing, schema defaults (statement "", domain localhost), DECRYPTION pricing, 2 cheapest of 3 nodes.',
    profile: 'lit-v8', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.acc, ACC_ID, A.accDecrypt], [P.pkp, '*', A.pkpSign]],
    expiration: '2025-01-15T12:15:00.000Z',
    pricing: {
      product: 'DECRYPTION', threshold: 2, userMaxPrice: 30n * WEI,
      prices: { // [DECRYPTION, SIGN, LIT_ACTION, SIGN_SESSION_KEY]
        'https://127.0.0.1:7470': [1n * WEI, 1n * WEI, 1n * WEI, 1n * WEI],
        'https://127.0.0.1:7471': [15n * WEI / 10n, 1n * WEI, 1n * WEI, 1n * WEI],
        'https://127.0.0.1:7472': [12n * WEI / 10n, 1n * WEI, 1n * WEI, 1n * WEI],
      },
    },
    vector: 'v8-F-naga-acc-and-pkp.json',
  },
  {
    name: 'v8-G-naga-litaction-5nodes',
    description: 'v8: Lit Action CID + PKP id + ACC signing wildcard, custom statement and domain with port, LIT_ACTION pricing, 3 cheapest of 5 nodes with an uneven excess split.',
    profile: 'lit-v8', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH,
    nodeUrls: ['https://10.0.0.1:443', 'https://10.0.0.2:443', 'https://10.0.0.3:443', 'https://10.0.0.4:443', 'https://10.0.0.5:443'],
    requests: [[P.action, LIT_ACTION_CID, A.actionExec], [P.pkp, '0x1234', A.pkpSign], [P.acc, '*', A.accSign]],
    statement: 'Quill v8 test session.',
    domain: 'app.example.com:8443',
    expiration: '2025-01-15T13:00:00.000Z',
    pricing: {
      product: 'LIT_ACTION', threshold: 3, userMaxPrice: 1000000000000000001n,
      prices: {
        'https://10.0.0.1:443': [1n, 2n, 250000000000000000n, 4n],
        'https://10.0.0.2:443': [1n, 2n, 90000000000000000n, 4n],
        'https://10.0.0.3:443': [1n, 2n, 310000000000000000n, 4n],
        'https://10.0.0.4:443': [1n, 2n, 120000000000000007n, 4n],
        'https://10.0.0.5:443': [1n, 2n, 90000000000000000n, 4n],
      },
    },
  },
  {
    name: 'v8-H-naga-payment-delegation',
    description: 'v8: lit-paymentdelegation resource + ACC decryption, with one capabilityAuthSig (payment-delegation SIWE signed by key B), SIGN pricing on 4 nodes, threshold 4.',
    profile: 'lit-v8', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH,
    nodeUrls: ['https://192.168.10.11:7470', 'https://192.168.10.12:7470', 'https://192.168.10.13:7470', 'https://192.168.10.14:7470'],
    requests: [[P.paydel, '77', A.paydel], [P.acc, ACC_ID, A.accDecrypt]],
    statement: 'Use my payment delegation.',
    expiration: '2025-01-15T12:30:00.000Z',
    v8Capability: { ownerKey: KEY_B, resourceId: '77', expiration: '2025-01-22T12:00:00.000Z' },
    pricing: {
      product: 'SIGN', threshold: 4, userMaxPrice: 4n * 10n ** 18n,
      prices: {
        'https://192.168.10.11:7470': [1n, 400000000000000000n, 3n, 4n],
        'https://192.168.10.12:7470': [1n, 300000000000000000n, 3n, 4n],
        'https://192.168.10.13:7470': [1n, 500000000000000000n, 3n, 4n],
        'https://192.168.10.14:7470': [1n, 300000000000000000n, 3n, 4n],
      },
    },
  },
  // ---- issue #8: conformance corners. request.json carries what the APP sends (raw PKP ids,
  // decimal or non-canonical hex prices, capability AuthSigs in the app's key order, omitted
  // expiration/domain); request.sdk.json what the SDK made of it.
  {
    name: 'v7-I-pkp-id-forms-default-expiry',
    description: 'PKP ids as apps write them (0x + 64 hex, short upper-case hex, decimal-looking 12345 padded as hex, 0x + mixed case) normalised by LitPKPResource; no expiration and no domain in the request (defaults: +24 h, localhost).',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [
      [P.pkp, '0x' + 'c0ffee'.repeat(10) + 'c0de', A.pkpSign],
      [P.pkp, 'ABCDEF0123', A.pkpSign],
      [P.pkp, '12345', A.pkpSign],
      [P.pkp, '0xDeadBeef', A.pkpSign],
      [P.action, LIT_ACTION_CID, A.actionExec],
    ],
    statement: 'PKP id forms.',
    omit: ['expiration', 'domain'],
  },
  {
    name: 'v7-J-capability-key-order-default-expiry',
    description: 'A capacity-delegation AuthSig handed to getSessionSigs with its keys in another order (address, signedMessage, derivedVia, sig): v7 passes it to JSON.stringify as it is. No expiration in the request (+24 h).',
    profile: 'lit-v7', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.pkp, '*', A.pkpSign], [P.acc, ACC_ID, A.accDecrypt]],
    statement: 'Capability key order.',
    capacityDelegation: { ownerKey: KEY_B, capacityTokenId: '12345', uses: '10', delegatees: 'wallet' },
    capabilityKeyOrder: ['address', 'signedMessage', 'derivedVia', 'sig'],
    omit: ['expiration'],
  },
  {
    name: 'v8-I-naga-pkp-ids-decimal-prices-default-expiry',
    description: 'v8: PKP ids with and without 0x, short, upper-case and decimal-looking; maxPrices given to Quill in decimal; no expiration (AuthConfigSchema default: 15 min, computed when the schema module loads, which is the frozen NOW here) and no domain.',
    profile: 'lit-v8', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [
      [P.pkp, '0x' + 'c0ffee'.repeat(10) + 'c0de', A.pkpSign],
      [P.pkp, 'ABCDEF0123', A.pkpSign],
      [P.pkp, '12345', A.pkpSign],
      [P.acc, ACC_ID, A.accDecrypt],
    ],
    statement: 'Naga PKP ids.',
    omit: ['expiration', 'domain'],
    maxPriceInput: 'decimal',
    pricing: {
      product: 'SIGN', threshold: 3, userMaxPrice: 75n * 10n ** 16n,
      prices: {
        'https://127.0.0.1:7470': [1n, 10n ** 17n, 3n, 4n],
        'https://127.0.0.1:7471': [1n, 12n * 10n ** 16n, 3n, 4n],
        'https://127.0.0.1:7472': [1n, 5n * 10n ** 16n + 7n, 3n, 4n],
      },
    },
  },
  {
    name: 'v8-J-naga-capability-key-order-hex-prices',
    description: 'v8: a payment-delegation capabilityAuthSig given with its keys in another order (AuthSigSchema rebuilds it as sig, derivedVia, signedMessage, address); maxPrices given to Quill as upper-case hex with leading zeros, decimal and SDK hex; PKP id 0xABCD.',
    profile: 'lit-v8', now: NOW, key: KEY_A, seed: SEED_1, nonce: BLOCKHASH, nodeUrls: LOCAL3,
    requests: [[P.paydel, '77', A.paydel], [P.pkp, '0xABCD', A.pkpSign]],
    statement: 'Naga capability order.',
    expiration: '2025-01-15T12:30:00.000Z',
    v8Capability: { ownerKey: KEY_B, resourceId: '77', expiration: '2025-01-22T12:00:00.000Z' },
    capabilityKeyOrder: ['signedMessage', 'address', 'sig', 'derivedVia'],
    maxPriceInput: 'mixed',
    pricing: {
      product: 'SIGN', threshold: 3, userMaxPrice: 10n ** 18n,
      prices: {
        'https://127.0.0.1:7470': [1n, 25n * 10n ** 16n, 3n, 4n],
        'https://127.0.0.1:7471': [1n, 1n, 3n, 4n],
        'https://127.0.0.1:7472': [1n, 3n * 10n ** 17n, 3n, 4n],
      },
    },
  },
];

// Partial published values of spec example B (§11.2); checked by --self-check for case
// v7-B-capacity-delegation.
const SPEC_B = {
  eip191Digest: '0xb6846a31eff6ada6d0b0f28e70856b5be83544c4c439872104a8a245031afc92',
  authSigPrefix: '0x3b5bce82',
  authSigSuffix: '711e351c',
  node7470Sig: '559154a25e5b072fbe8c0c3899c90f11075921da35d95d21c59e520265caf4557a21d5affa2760ec7925e0df50b3db29124d1de1b073667fe26de38975a1ac0f',
  capacityDelegator: '0x14791697260E4c9A71f18484C9f997B308e59325',
};

// ------------------------------------------------------------------------------------------
// helpers
// ------------------------------------------------------------------------------------------
const hex = (u8) => Buffer.from(u8).toString('hex');
const unhex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const plain = (v) => JSON.parse(JSON.stringify(v));

function sessionKeyFromSeed(seedHex) {
  const kp = nacl.sign.keyPair.fromSeed(unhex(seedHex));
  return { publicKey: hex(kp.publicKey), secretKey: hex(kp.secretKey) };
}

function v7Resource(prefix, id) {
  const { LitAccessControlConditionResource, LitPKPResource, LitActionResource, LitRLIResource } = sdk.v7Auth;
  switch (prefix) {
    case P.acc: return new LitAccessControlConditionResource(id);
    case P.pkp: return new LitPKPResource(id);
    case P.action: return new LitActionResource(id);
    case P.rli: return new LitRLIResource(id);
    default: throw new Error(`no v7 resource class for ${prefix}`);
  }
}

function v8Resource(prefix, id) {
  const { LitAccessControlConditionResource, LitPKPResource, LitActionResource, LitPaymentDelegationResource } = sdk.v8Auth;
  switch (prefix) {
    case P.acc: return new LitAccessControlConditionResource(id);
    case P.pkp: return new LitPKPResource(id);
    case P.action: return new LitActionResource(id);
    case P.paydel: return new LitPaymentDelegationResource(id);
    default: throw new Error(`no v8 resource class for ${prefix}`);
  }
}

// The keys of an AuthSig in the order an app sent them (case.capabilityKeyOrder).
function reorderKeys(obj, order) {
  if (!order) return obj;
  const out = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

// maxPrices as the app writes them for Quill (case.maxPriceInput): the SDK signs the same
// "0x" + lowercase hex whatever form Quill was given.
function appMaxPrice(hex, form, i) {
  const v = BigInt(hex);
  const pick = form === 'mixed' ? ['hex-upper-padded', 'decimal', 'sdk'][i % 3] : form;
  if (pick === 'decimal') return v.toString(10);
  if (pick === 'hex-upper-padded') return '0X000' + v.toString(16).toUpperCase();
  return hex;
}

// What the app sends Quill, from what the SDK saw (sdkRequest): the raw resource ids of the
// case, the app's capability key order, its price forms, and omitted defaults.
function appRequest(c, sdkRequest, appCapabilityAuthSigs) {
  const request = plain(sdkRequest);
  request.resourceAbilityRequests.forEach((r, i) => { r.resource.resource = c.requests[i][1]; });
  if (appCapabilityAuthSigs?.length) request.capabilityAuthSigs = plain(appCapabilityAuthSigs);
  if (c.maxPriceInput && request.maxPrices) {
    Object.keys(request.maxPrices).forEach((url, i) => {
      request.maxPrices[url] = appMaxPrice(request.maxPrices[url], c.maxPriceInput, i);
    });
  }
  for (const k of c.omit ?? []) delete request[k];
  return request;
}

// The request document's resourceAbilityRequests: always {"resource":{"resource","resourcePrefix"},"ability"}.
function requestRars(rars) {
  return rars.map((r) => ({
    resource: { resource: r.resource.resource, resourcePrefix: r.resource.resourcePrefix },
    ability: r.ability,
    ...(r.data !== undefined ? { data: plain(r.data) } : {}),
  }));
}

// ------------------------------------------------------------------------------------------
// lit-v7: LitNodeClientNodeJs.getSessionSigs, offline
// ------------------------------------------------------------------------------------------
async function runV7(c) {
  setNow(c.now);
  if (typeof globalThis.localStorage !== 'undefined') {
    // The v7 SDK caches the wallet AuthSig in localStorage ("lit-wallet-sig"); a polyfill would
    // leak AuthSigs between cases.
    throw new Error('a global localStorage exists; refusing to run the v7 SDK (cached AuthSigs would leak between cases)');
  }
  const { LitNodeClientNodeJs, v7Auth, v7Const } = sdk;
  const wallet = new ethers.Wallet(c.key);
  const sessionKey = sessionKeyFromSeed(c.seed);

  const client = new LitNodeClientNodeJs({ litNetwork: v7Const.LIT_NETWORK.Custom, debug: false });
  // Put the client into the state connect() would leave it in, as far as getSessionSigs and
  // createCapacityDelegationAuthSig need it: ready, the connected node set, and a fresh blockhash
  // (so _syncBlockhash() does not go to the network).
  client.ready = true;
  client.connectedNodes = new Set(c.nodeUrls);
  client.latestBlockhash = c.nonce;
  client.lastBlockHashRetrieved = Date.now();

  const resourceAbilityRequests = c.requests.map(([prefix, id, ability]) => ({ resource: v7Resource(prefix, id), ability }));

  const capabilityAuthSigs = [];
  if (c.capacityDelegation) {
    const cd = c.capacityDelegation;
    const { capacityDelegationAuthSig } = await client.createCapacityDelegationAuthSig({
      dAppOwnerWallet: new ethers.Wallet(cd.ownerKey),
      capacityTokenId: cd.capacityTokenId,
      delegateeAddresses: [cd.delegatees === 'wallet' ? wallet.address : cd.delegatees],
      uses: cd.uses,
    });
    capabilityAuthSigs.push(reorderKeys(capacityDelegationAuthSig, c.capabilityKeyOrder));
  }

  const callbackParams = [];
  let siwe;
  let authSig;
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests,
    sessionKey,
    ...(c.expiration !== undefined ? { expiration: c.expiration } : {}),
    ...(c.domain !== undefined ? { domain: c.domain } : {}),
    ...(capabilityAuthSigs.length ? { capabilityAuthSigs } : {}),
    authNeededCallback: async (params) => {
      callbackParams.push(params);
      // The documented v6/v7 wallet callback.
      const toSign = await v7Auth.createSiweMessageWithRecaps({
        uri: params.uri,
        expiration: params.expiration,
        resources: params.resourceAbilityRequests,
        walletAddress: wallet.address,
        nonce: params.nonce,
        litNodeClient: client,
        ...(params.domain !== undefined ? { domain: params.domain } : {}),
        ...(c.statement !== undefined ? { statement: c.statement } : {}),
        ...(c.chainId !== undefined ? { chainId: c.chainId } : {}),
      });
      siwe = toSign;
      authSig = await v7Auth.generateAuthSig({ signer: wallet, toSign });
      return authSig;
    },
  });
  if (callbackParams.length !== 1) {
    throw new Error(`${c.name}: authNeededCallback was called ${callbackParams.length} times (expected once)`);
  }
  const expiration = callbackParams[0].expiration;

  const sdkRequest = {
    domain: c.domain ?? 'localhost',
    statement: c.statement ?? SDK_TEST_STATEMENT,
    chainId: c.chainId ?? 1,
    nonce: c.nonce,
    ...(c.requestIssuedAt ? { issuedAt: c.now } : {}),
    expiration,
    resourceAbilityRequests: requestRars(resourceAbilityRequests),
    nodeUrls: [...c.nodeUrls],
    ...(capabilityAuthSigs.length ? { capabilityAuthSigs: plain(capabilityAuthSigs) } : {}),
  };
  return {
    request: appRequest(c, sdkRequest, capabilityAuthSigs), sdkRequest,
    expected: sessionSigs, siwe, authSig, sessionKey,
    callbackParams: callbackParams.map((p) => {
      const { sessionKey: _omit, ...rest } = p; // never write the session secret into meta data
      return plain(rest);
    }),
  };
}

// ------------------------------------------------------------------------------------------
// lit-v8: EOA auth context (as @lit-protocol/auth builds it) + issueSessionFromContext
// ------------------------------------------------------------------------------------------
async function v8CapabilityAuthSig(c, walletAddress) {
  const cap = c.v8Capability;
  const owner = new ethers.Wallet(cap.ownerKey);
  const toSign = await sdk.v8Auth.createSiweMessage({
    uri: 'lit:capability:delegation',
    walletAddress: owner.address,
    nonce: c.nonce,
    expiration: cap.expiration,
    resources: [{
      resource: v8Resource(P.paydel, cap.resourceId),
      ability: sdk.v8Const.LIT_ABILITY.PaymentDelegation,
      data: { delegate_to: [walletAddress.slice(2)] },
    }],
  });
  return sdk.v8Auth.generateAuthSig({ signer: owner, toSign });
}

async function runV8(c) {
  setNow(c.now);
  const { v8Auth, v8Net, v8Schemas } = sdk;
  const wallet = new ethers.Wallet(c.key);
  const kp = sessionKeyFromSeed(c.seed);
  const sessionKeyPair = { publicKey: kp.publicKey, secretKey: c.seed }; // v8: 32-byte seed as secretKey

  const resources = c.requests.map(([prefix, id, ability]) => ({ resource: v8Resource(prefix, id), ability }));
  const capabilityAuthSigs = c.v8Capability
    ? [reorderKeys(await v8CapabilityAuthSig(c, wallet.address), c.capabilityKeyOrder)]
    : undefined;
  if (c.omit?.includes('expiration') && c.now !== NOW) {
    // AuthConfigSchema's default expiration is computed once, when the schema module loads
    // (under the frozen clock at NOW); any other `now` would not be "now + 15 min".
    throw new Error(`${c.name}: a v8 case without expiration must run at ${NOW}`);
  }

  // getEoaAuthContextAdapter: validate the auth config (applies schema defaults)
  const authConfig = v8Schemas.AuthConfigSchema.parse({
    resources,
    expiration: c.expiration,
    statement: c.statement,
    domain: c.domain,
    capabilityAuthSigs,
  });
  // getEoaAuthContext: build the SIWE from the auth config and sign it with the wallet
  const toSign = await v8Auth.createSiweMessageWithResources({
    uri: v8Schemas.SessionKeyUriSchema.parse(sessionKeyPair.publicKey),
    statement: authConfig.statement,
    domain: authConfig.domain,
    expiration: authConfig.expiration,
    resources: authConfig.resources,
    walletAddress: wallet.address,
    nonce: c.nonce,
  });
  const authSig = await v8Auth.generateAuthSig({ signer: wallet, toSign });
  const authContext = {
    authNeededCallback: async () => authSig,
    sessionKeyPair,
    authConfig: {
      domain: authConfig.domain,
      resources: authConfig.resources,
      capabilityAuthSigs: authConfig.capabilityAuthSigs,
      expiration: authConfig.expiration,
      statement: authConfig.statement,
    },
  };
  const pricingContext = v8Net.PricingContextSchema.parse({
    product: c.pricing.product,
    userMaxPrice: c.pricing.userMaxPrice,
    nodePrices: c.nodeUrls.map((url) => ({ url, prices: c.pricing.prices[url] })),
    threshold: c.pricing.threshold,
  });
  const sessionSigs = await v8Net.issueSessionFromContext({ authContext, pricingContext });

  const nodeUrls = Object.keys(sessionSigs);
  const maxPrices = {};
  for (const url of nodeUrls) maxPrices[url] = JSON.parse(sessionSigs[url].signedMessage).maxPrice;

  const sdkRequest = {
    domain: authConfig.domain,
    statement: authConfig.statement,
    chainId: 1,
    nonce: c.nonce,
    expiration: authConfig.expiration,
    resourceAbilityRequests: requestRars(resources),
    nodeUrls,
    ...(authConfig.capabilityAuthSigs.length ? { capabilityAuthSigs: plain(authConfig.capabilityAuthSigs) } : {}),
    maxPrices,
  };
  return {
    request: appRequest(c, sdkRequest, capabilityAuthSigs), sdkRequest,
    expected: sessionSigs, siwe: toSign, authSig, sessionKey: kp, callbackParams: [],
  };
}

const runCase = quietSdk(async (c) => (c.profile === 'lit-v8' ? runV8(c) : runV7(c)));

// ------------------------------------------------------------------------------------------
// Consistency checks on what the SDK produced (request.json must describe it faithfully)
// ------------------------------------------------------------------------------------------
function sanity(c, r) {
  const problems = [];
  r = { ...r, request: r.sdkRequest };
  const { SiweMessage } = require('siwe');
  const m = new SiweMessage(r.siwe);
  if (m.prepareMessage() !== r.siwe) problems.push('SIWE does not round-trip through siwe.SiweMessage');
  if (m.domain !== r.request.domain) problems.push(`SIWE domain ${m.domain} != request.domain ${r.request.domain}`);
  if (!m.statement?.startsWith(r.request.statement + ' I further authorize the stated URI')) problems.push('SIWE statement is not request.statement + " " + ReCap sentence');
  if (m.chainId !== r.request.chainId) problems.push('SIWE chainId mismatch');
  if (m.nonce !== r.request.nonce) problems.push('SIWE nonce mismatch');
  if (m.expirationTime !== r.request.expiration) problems.push('SIWE expiration mismatch');
  if (m.issuedAt !== c.now) problems.push('SIWE issuedAt != now');
  const urls = Object.keys(r.expected);
  const want = r.request.nodeUrls;
  if (urls.length !== want.length || urls.some((u) => !want.includes(u))) problems.push('node set mismatch');
  for (const u of urls) {
    const p = JSON.parse(r.expected[u].signedMessage);
    if (p.issuedAt !== (r.request.issuedAt ?? c.now)) problems.push(`${u}: payload issuedAt mismatch`);
    if (p.expiration !== r.request.expiration) problems.push(`${u}: payload expiration mismatch`);
  }
  if (problems.length) throw new Error(`${c.name}: generated case is inconsistent:\n  ${problems.join('\n  ')}`);
}

// ------------------------------------------------------------------------------------------
// Writing a case folder
// ------------------------------------------------------------------------------------------
function writeCase(outDir, c, r) {
  const dir = path.join(outDir, c.name);
  fs.mkdirSync(dir, { recursive: true });
  const w = (f, s) => fs.writeFileSync(path.join(dir, f), s);
  w('request.json', JSON.stringify(r.request, null, 2) + '\n');
  w('request.sdk.json', JSON.stringify(r.sdkRequest, null, 2) + '\n');
  w('key.hex', c.key.replace(/^0x/, '') + '\n');
  w('seed.hex', c.seed + '\n');
  w('now.txt', c.now + '\n');
  w('profile.txt', c.profile + '\n');
  w('expected.json', JSON.stringify(r.expected, null, 2) + '\n');
  w('siwe.txt', r.siwe); // exact bytes, no trailing newline
  w('authsig.json', JSON.stringify(r.authSig, null, 2) + '\n');
  w('meta.json', JSON.stringify({
    name: c.name,
    description: c.description,
    profile: c.profile,
    sessionPublicKey: r.sessionKey.publicKey,
    walletAddress: r.authSig.address,
    authNeededCallbackParams: r.callbackParams,
    packages: packageVersions(),
  }, null, 2) + '\n');
}

function packageVersions() {
  const lock = JSON.parse(fs.readFileSync(path.join(HERE, 'package-lock.json'), 'utf8'));
  const v = (p) => lock.packages?.[p]?.version ?? null;
  return {
    '@lit-protocol/lit-node-client-nodejs': v('node_modules/@lit-protocol/lit-node-client-nodejs'),
    '@lit-protocol/auth-helpers': v('node_modules/@lit-protocol/auth-helpers'),
    '@lit-protocol/constants': v('node_modules/@lit-protocol/constants'),
    'lit-auth-helpers-v8 (@lit-protocol/auth-helpers)': v('node_modules/lit-auth-helpers-v8'),
    '@lit-protocol/networks': v('node_modules/@lit-protocol/networks'),
    siwe: v('node_modules/siwe'),
    ethers: v('node_modules/ethers'),
    tweetnacl: v('node_modules/tweetnacl'),
  };
}

// ------------------------------------------------------------------------------------------
// Self-check
// ------------------------------------------------------------------------------------------
function cmp(failures, label, got, want) {
  if (got === want) return true;
  const g = String(got);
  const w = String(want);
  let i = 0;
  while (i < g.length && i < w.length && g[i] === w[i]) i++;
  const from = Math.max(0, i - 40);
  const show = (s) => JSON.stringify(s.slice(from, i + 60));
  failures.push(`${label}: mismatch at char ${i} (lengths ${g.length} / ${w.length})\n      got:  …${show(g)}\n      want: …${show(w)}`);
  return false;
}

function checkAgainstVector(c, r, vec, failures) {
  const n = c.name;
  cmp(failures, `${n} SIWE text`, r.siwe, vec.siwe.message);
  cmp(failures, `${n} EIP-191 digest`, ethers.utils.hashMessage(r.siwe), vec.siwe.eip191Digest);
  cmp(failures, `${n} AuthSig`, JSON.stringify(r.authSig), JSON.stringify(vec.authSig));
  cmp(failures, `${n} node URL set/order`, JSON.stringify(Object.keys(r.expected)), JSON.stringify(Object.keys(vec.sessionSigs)));
  for (const url of Object.keys(vec.sessionSigs)) {
    const got = r.expected[url];
    const want = vec.sessionSigs[url];
    if (!got) { failures.push(`${n} ${url}: missing`); continue; }
    cmp(failures, `${n} ${url} signedMessage`, got.signedMessage, want.signedMessage);
    cmp(failures, `${n} ${url} sig`, got.sig, want.sig);
    cmp(failures, `${n} ${url} envelope`, JSON.stringify(got), JSON.stringify(want));
  }
  if (vec.authNeededCallbackParams && r.callbackParams.length) {
    const got = r.callbackParams[0];
    const want = vec.authNeededCallbackParams[0];
    for (const k of ['uri', 'expiration', 'nonce', 'statement', 'chain']) {
      cmp(failures, `${n} callback.${k}`, JSON.stringify(got[k]), JSON.stringify(want[k]));
    }
    cmp(failures, `${n} callback.resources`, JSON.stringify(got.resources), JSON.stringify(want.resources));
    cmp(failures, `${n} callback.resourceAbilityRequests`, JSON.stringify(got.resourceAbilityRequests), JSON.stringify(want.resourceAbilityRequests));
  }
}

function checkSpecB(c, r, failures) {
  const n = c.name;
  cmp(failures, `${n} EIP-191 digest (spec §11.2)`, ethers.utils.hashMessage(r.siwe), SPEC_B.eip191Digest);
  const okSig = r.authSig.sig.startsWith(SPEC_B.authSigPrefix) && r.authSig.sig.endsWith(SPEC_B.authSigSuffix);
  if (!okSig) failures.push(`${n} AuthSig sig (spec §11.2): got ${r.authSig.sig}, want ${SPEC_B.authSigPrefix}…${SPEC_B.authSigSuffix}`);
  cmp(failures, `${n} capacity delegator`, r.request.capabilityAuthSigs?.[0]?.address, SPEC_B.capacityDelegator);
  cmp(failures, `${n} https://127.0.0.1:7470 sig (spec §11.2)`, r.expected['https://127.0.0.1:7470']?.sig, SPEC_B.node7470Sig);
}

async function selfCheck(cases, vectorsDir) {
  const { checkSessionSigs } = await import(pathToFileURL(path.join(HERE, 'check-output.mjs')).href);
  const failures = [];
  let vectorsChecked = 0;
  for (const c of cases) {
    let r;
    try {
      r = await runCase(c);
      sanity(c, r);
    } catch (e) {
      failures.push(`${c.name}: generation failed: ${e.stack || e}`);
      continue;
    }
    if (c.vector) {
      const file = path.join(vectorsDir, c.vector);
      if (!fs.existsSync(file)) {
        failures.push(`${c.name}: vector file not found: ${file}`);
      } else {
        const before = failures.length;
        checkAgainstVector(c, r, JSON.parse(fs.readFileSync(file, 'utf8')), failures);
        vectorsChecked++;
        out(`${failures.length === before ? 'ok  ' : 'FAIL'} ${c.name}: reproduces ${c.vector} byte for byte`);
      }
    }
    if (c.specB) {
      const before = failures.length;
      checkSpecB(c, r, failures);
      out(`${failures.length === before ? 'ok  ' : 'FAIL'} ${c.name}: matches the published values of spec example B`);
    }
    // The independent JS checks (check-output.mjs) must accept what the SDK itself produced.
    const problems = checkSessionSigs({
      request: r.sdkRequest, profile: c.profile, now: c.now,
      walletKeyHex: c.key, seedHex: c.seed,
    }, r.expected);
    if (problems.length) failures.push(...problems.map((p) => `${c.name}: check-output: ${p}`));
    else out(`ok   ${c.name}: SDK output passes check-output`);
  }
  if (failures.length) {
    err(`\nself-check FAILED (${failures.length} problem(s)):`);
    for (const f of failures) err('  - ' + f);
    return 1;
  }
  out(`self-check passed: ${cases.length} cases generated, ${vectorsChecked} shipped vectors reproduced byte for byte`);
  return 0;
}

// ------------------------------------------------------------------------------------------
// main
// ------------------------------------------------------------------------------------------
function usage() {
  err('usage: node gen-cases.mjs OUTDIR | --self-check | --list   [--vectors DIR] [--only NAME[,NAME…]]');
  process.exit(2);
}

async function main(argv) {
  let mode = null;
  let outDir = null;
  let vectorsDir = path.join(HERE, '..', 'data', 'vectors');
  let only = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--self-check') mode = 'self-check';
    else if (a === '--list') mode = 'list';
    else if (a === '--vectors') vectorsDir = argv[++i] ?? usage();
    else if (a === '--only') only = (argv[++i] ?? usage()).split(',');
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) { err(`unknown option ${a}`); usage(); }
    else if (outDir === null) { outDir = a; mode = mode ?? 'gen'; }
    else usage();
  }
  if (!mode) usage();
  let cases = CASES;
  if (only) {
    cases = CASES.filter((c) => only.includes(c.name));
    const unknown = only.filter((n) => !CASES.some((c) => c.name === n));
    if (unknown.length) { err(`unknown case(s): ${unknown.join(', ')}`); return 2; }
  }
  if (mode === 'list') { for (const c of cases) out(c.name); return 0; }
  if (mode === 'self-check') return selfCheck(cases, vectorsDir);

  fs.mkdirSync(outDir, { recursive: true });
  for (const c of cases) {
    const r = await runCase(c);
    sanity(c, r);
    writeCase(outDir, c, r);
    out(`wrote ${path.join(outDir, c.name)} (${c.profile}, ${Object.keys(r.expected).length} nodes)`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => { err(`gen-cases: ${e.stack || e}`); process.exit(1); },
);
