#!/usr/bin/env node
// Quill interop tests — independent JS checks of a SessionSigs map.
//
//   node check-output.mjs CASE_DIR OUTPUT_JSON
//
// CASE_DIR is a folder written by gen-cases.mjs (request.json, key.hex, seed.hex, now.txt,
// profile.txt); OUTPUT_JSON is Quill's `issue` output (a SessionSigs map). Nothing here looks at
// expected.json: every check is derived from the request and verified with the JS libraries
// (siwe's SiweMessage parser/renderer, ethers v5 and v6 verifyMessage, tweetnacl
// sign.detached.verify, and an independent ReCap decoder). Prints one line per failed check; exit 0 = all passed,
// 1 = some check failed, 2 = usage / unreadable input.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nacl = require('tweetnacl');
const { ethers } = require('ethers');
const { SiweMessage } = require('siwe');
const ethers6 = require('ethers6'); // second, independent EIP-191 implementation (ethers 6.x)

export const ENVELOPE_KEYS = ['sig', 'derivedVia', 'signedMessage', 'address', 'algo'];
const PAYLOAD_KEYS_V7 = ['sessionKey', 'resourceAbilityRequests', 'capabilities', 'issuedAt', 'expiration', 'nodeAddress'];
const PAYLOAD_KEYS_V8 = [...PAYLOAD_KEYS_V7, 'maxPrice'];
const AUTHSIG_KEYS = ['sig', 'derivedVia', 'signedMessage', 'address'];
const RECAP_PREAMBLE = 'I further authorize the stated URI to perform the following actions on my behalf:';
const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;
const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// LIT ability → ReCap "Namespace/Ability"
export const RECAP_ABILITY = {
  'access-control-condition-decryption': 'Threshold/Decryption',
  'access-control-condition-signing': 'Threshold/Signing',
  'pkp-signing': 'Threshold/Signing',
  'lit-action-execution': 'Threshold/Execution',
  'rate-limit-increase-auth': 'Auth/Auth',
  'lit-payment-delegation': 'Auth/Auth',
};

const keysOf = (o) => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : null);
const sameKeys = (o, want) => JSON.stringify(keysOf(o)) === JSON.stringify(want);
const utf8 = (s) => new TextEncoder().encode(s);
const unhex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const short = (s, n = 120) => (typeof s === 'string' && s.length > n ? s.slice(0, n) + '…' : String(s));

// Canonical JSON (sorted keys, no whitespace, JSON.stringify escaping)
export function canonicalJson(v) {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

// urn:recap:<unpadded base64url of JSON> → { json, text } or throws
export function decodeRecapUrn(urn) {
  if (!urn.startsWith('urn:recap:')) throw new Error('not a urn:recap: URI');
  const b64 = urn.slice('urn:recap:'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(b64)) throw new Error('payload is not unpadded base64url');
  if (b64.length % 4 === 1) throw new Error('payload has an impossible base64 length');
  const bytes = Buffer.from(b64, 'base64url');
  if (bytes.toString('base64url') !== b64) throw new Error('payload is not canonical base64url');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const json = JSON.parse(text);
  if (!sameKeys(json, ['att', 'prf'])) throw new Error(`decoded object keys are ${JSON.stringify(keysOf(json))}, want ["att","prf"]`);
  return { json, text };
}

// The ReCap sentence (spec §5.5)
export function recapSentence(att) {
  let s = RECAP_PREAMBLE;
  let n = 1;
  for (const resource of Object.keys(att).sort()) {
    const groups = new Map();
    for (const ability of Object.keys(att[resource]).sort()) {
      const i = ability.indexOf('/');
      const ns = ability.slice(0, i);
      const name = ability.slice(i + 1);
      if (!groups.has(ns)) groups.set(ns, []);
      groups.get(ns).push(name);
    }
    for (const [ns, names] of groups) {
      s += ` (${n}) '${ns}': ${names.map((x) => `'${x}'`).join(', ')} for '${resource}'.`;
      n++;
    }
  }
  return s;
}

// The attenuations a wallet should grant for the request's resourceAbilityRequests.
export function expectedAtt(rars) {
  const att = {};
  for (const r of rars) {
    const key = `${r.resource.resourcePrefix}://${r.resource.resource}`;
    const ab = RECAP_ABILITY[r.ability];
    if (!ab) throw new Error(`unknown ability ${r.ability}`);
    att[key] ??= {};
    att[key][ab] = [r.data ?? {}];
  }
  return att;
}

function covers(att, rar) {
  const prefix = rar.resource.resourcePrefix;
  const entry = att[`${prefix}://*`] ?? att[`${prefix}://${rar.resource.resource}`];
  if (!entry) return false;
  return '*/*' in entry || RECAP_ABILITY[rar.ability] in entry;
}

function checkIsoTime(fail, label, s) {
  if (typeof s !== 'string' || !ISO_MS_Z.test(s) || Number.isNaN(Date.parse(s))) {
    fail(`${label} is not an ISO-8601 UTC time with milliseconds: ${short(s)}`);
    return NaN;
  }
  return Date.parse(s);
}

// Verifies one AuthSig (wallet or app capability). Returns the parsed SiweMessage or null.
// anyOrder: only the key set is checked (v7 passes app capability AuthSigs through in the
// app's key order; the verbatim comparison with the request pins that order).
function checkAuthSig(fail, label, a, anyOrder = false) {
  const keysOk = anyOrder
    ? a && typeof a === 'object' && JSON.stringify(keysOf(a).sort()) === JSON.stringify([...AUTHSIG_KEYS].sort())
    : sameKeys(a, AUTHSIG_KEYS);
  if (!keysOk) {
    fail(`${label}: keys ${JSON.stringify(keysOf(a))}, want ${JSON.stringify(AUTHSIG_KEYS)}`);
    if (!a || typeof a !== 'object') return null;
  }
  if (a.derivedVia !== 'web3.eth.personal.sign') fail(`${label}: derivedVia is ${short(a.derivedVia)}`);
  if (typeof a.sig !== 'string' || !/^0x[0-9a-f]{130}$/.test(a.sig)) fail(`${label}: sig is not 0x + 130 lowercase hex`);
  let addr = null;
  try {
    addr = ethers.utils.getAddress(a.address);
    if (addr !== a.address) fail(`${label}: address ${a.address} is not EIP-55 checksummed`);
  } catch {
    fail(`${label}: address ${short(a.address)} is not an Ethereum address`);
  }
  let msg = null;
  if (typeof a.signedMessage !== 'string') {
    fail(`${label}: signedMessage is not a string`);
    return null;
  }
  try {
    msg = new SiweMessage(a.signedMessage);
  } catch (e) {
    fail(`${label}: siwe SiweMessage cannot parse signedMessage: ${short(e?.message ?? JSON.stringify(e))}`);
  }
  if (msg) {
    let rendered = null;
    try { rendered = msg.prepareMessage(); } catch (e) { fail(`${label}: prepareMessage() threw: ${short(e?.message)}`); }
    if (rendered !== null && rendered !== a.signedMessage) fail(`${label}: siwe prepareMessage() does not reproduce signedMessage`);
    if (addr && msg.address !== addr) fail(`${label}: SIWE address ${msg.address} != AuthSig address ${addr}`);
  }
  try {
    const rec = ethers.utils.verifyMessage(a.signedMessage, a.sig);
    if (addr && rec !== addr) fail(`${label}: ethers verifyMessage recovers ${rec}, want ${addr}`);
  } catch (e) {
    fail(`${label}: ethers verifyMessage failed: ${short(e?.message)}`);
  }
  try {
    const rec6 = ethers6.verifyMessage(a.signedMessage, a.sig);
    if (addr && rec6 !== addr) fail(`${label}: ethers v6 verifyMessage recovers ${rec6}, want ${addr}`);
  } catch (e) {
    fail(`${label}: ethers v6 verifyMessage failed: ${short(e?.message)}`);
  }
  return msg;
}

/**
 * ctx: { request, profile ('lit-v7'|'lit-v8'), now (ISO), walletKeyHex, seedHex }
 * sessionSigs: the parsed SessionSigs map.
 * Returns a list of failure strings (empty = all checks passed).
 */
export function checkSessionSigs(ctx, sessionSigs) {
  const failures = [];
  const { request, profile, now } = ctx;
  const isV8 = profile === 'lit-v8';
  const seed = unhex(ctx.seedHex.trim().replace(/^0x/, ''));
  const sessionPub = Buffer.from(nacl.sign.keyPair.fromSeed(seed).publicKey).toString('hex');
  const walletAddr = new ethers.Wallet('0x' + ctx.walletKeyHex.trim().replace(/^0x/, '')).address;
  const nodeUrls = request.nodeUrls ?? [];
  const appCaps = request.capabilityAuthSigs ?? [];
  const wantIssuedAt = request.issuedAt ?? now;

  if (!sessionSigs || typeof sessionSigs !== 'object' || Array.isArray(sessionSigs)) {
    return ['output is not a JSON object (SessionSigs map)'];
  }
  const urls = Object.keys(sessionSigs);
  const missing = nodeUrls.filter((u) => !urls.includes(u));
  const extra = urls.filter((u) => !nodeUrls.includes(u));
  if (missing.length) failures.push(`map: missing node(s) ${missing.join(', ')}`);
  if (extra.length) failures.push(`map: unexpected node(s) ${extra.join(', ')}`);
  if (!urls.length) failures.push('map: no session sigs');

  // The capabilities are normally identical in every payload; verify each distinct variant once.
  const checkedCaps = new Set();
  let referencePayload = null;
  const wantAtt = (() => { try { return expectedAtt(request.resourceAbilityRequests ?? []); } catch (e) { failures.push(`request: ${e.message}`); return null; } })();

  for (const url of urls) {
    const fail = (m) => failures.push(`${url}: ${m}`);
    const env = sessionSigs[url];
    if (!sameKeys(env, ENVELOPE_KEYS)) {
      fail(`envelope keys ${JSON.stringify(keysOf(env))}, want ${JSON.stringify(ENVELOPE_KEYS)} in this order`);
      if (!env || typeof env !== 'object') continue;
    }
    if (env.derivedVia !== 'litSessionSignViaNacl') fail(`derivedVia is ${short(env.derivedVia)}, want litSessionSignViaNacl`);
    if (env.algo !== 'ed25519') fail(`algo is ${short(env.algo)}, want ed25519`);
    if (env.address !== sessionPub) fail(`address ${short(env.address)} != session public key ${sessionPub} (from seed.hex)`);
    if (typeof env.sig !== 'string' || !/^[0-9a-f]{128}$/.test(env.sig)) fail('sig is not 128 lowercase hex characters');
    if (typeof env.signedMessage !== 'string') { fail('signedMessage is not a string'); continue; }

    // Ed25519 signature over the UTF-8 payload
    try {
      const ok = /^[0-9a-f]{64}$/.test(env.address) && /^[0-9a-f]{128}$/.test(env.sig) &&
        nacl.sign.detached.verify(utf8(env.signedMessage), unhex(env.sig), unhex(env.address));
      if (!ok) fail('tweetnacl sign.detached.verify rejects the session signature');
    } catch (e) {
      fail(`tweetnacl verify threw: ${e.message}`);
    }

    // Payload
    let p;
    try { p = JSON.parse(env.signedMessage); } catch (e) { fail(`signedMessage is not JSON: ${e.message}`); continue; }
    if (JSON.stringify(p) !== env.signedMessage) fail('signedMessage is not in JSON.stringify form (whitespace/escaping/number formatting differs)');
    const wantKeys = isV8 ? PAYLOAD_KEYS_V8 : PAYLOAD_KEYS_V7;
    if (!sameKeys(p, wantKeys)) fail(`payload keys ${JSON.stringify(keysOf(p))}, want ${JSON.stringify(wantKeys)}`);
    if (p.sessionKey !== sessionPub) fail('payload sessionKey != session public key');
    if (p.nodeAddress !== url) fail(`payload nodeAddress ${short(p.nodeAddress)} != map key`);
    if (p.issuedAt !== wantIssuedAt) fail(`payload issuedAt ${short(p.issuedAt)}, want ${wantIssuedAt}`);
    if (p.expiration !== request.expiration) fail(`payload expiration ${short(p.expiration)}, want ${request.expiration}`);
    const tIss = checkIsoTime(fail, 'payload issuedAt', p.issuedAt);
    const tExp = checkIsoTime(fail, 'payload expiration', p.expiration);
    if (tExp < tIss) fail('payload expiration is before issuedAt');
    if (tExp - tIss > THIRTY_DAYS_MS) fail('payload expiration is more than 30 days after issuedAt');
    if (isV8) {
      const want = request.maxPrices?.[url];
      if (typeof p.maxPrice !== 'string' || !/^0x[0-9a-f]+$/.test(p.maxPrice)) fail(`maxPrice ${short(p.maxPrice)} is not 0x + lowercase hex`);
      if (p.maxPrice !== want) fail(`maxPrice ${short(p.maxPrice)}, want ${want}`);
    }

    // resourceAbilityRequests: the app's array, in order, with the profile's key order
    const rars = request.resourceAbilityRequests ?? [];
    const resKeys = isV8 ? ['resourcePrefix', 'resource'] : ['resource', 'resourcePrefix'];
    if (!Array.isArray(p.resourceAbilityRequests) || p.resourceAbilityRequests.length !== rars.length) {
      fail('payload resourceAbilityRequests length differs from the request');
    } else {
      p.resourceAbilityRequests.forEach((r, i) => {
        const want = rars[i];
        const wantElemKeys = want.data !== undefined ? ['resource', 'ability', 'data'] : ['resource', 'ability'];
        if (!sameKeys(r, wantElemKeys)) fail(`resourceAbilityRequests[${i}] keys ${JSON.stringify(keysOf(r))}, want ${JSON.stringify(wantElemKeys)}`);
        if (!sameKeys(r?.resource, resKeys)) fail(`resourceAbilityRequests[${i}].resource keys ${JSON.stringify(keysOf(r?.resource))}, want ${JSON.stringify(resKeys)} (${profile})`);
        if (r?.resource?.resource !== want.resource.resource || r?.resource?.resourcePrefix !== want.resource.resourcePrefix || r?.ability !== want.ability) {
          fail(`resourceAbilityRequests[${i}] differs from the request`);
        }
      });
    }

    // capabilities: [...request.capabilityAuthSigs, walletAuthSig]
    const caps = p.capabilities;
    if (!Array.isArray(caps) || caps.length !== appCaps.length + 1) {
      fail(`capabilities has ${Array.isArray(caps) ? caps.length : 'no'} entries, want ${appCaps.length + 1} (capabilityAuthSigs + wallet AuthSig last)`);
      continue;
    }
    appCaps.forEach((c, i) => {
      if (JSON.stringify(caps[i]) !== JSON.stringify(c)) fail(`capabilities[${i}] is not the request's capabilityAuthSigs[${i}] verbatim`);
    });

    // All payloads identical apart from nodeAddress (and maxPrice)
    const { nodeAddress: _n, maxPrice: _m, ...rest } = p;
    const restJson = JSON.stringify(rest);
    if (referencePayload === null) referencePayload = restJson;
    else if (restJson !== referencePayload) fail('payload differs from the other nodes in more than nodeAddress/maxPrice');

    const capsKey = JSON.stringify(caps);
    if (checkedCaps.has(capsKey)) continue;
    const tag = checkedCaps.size === 0 ? '' : ` (variant in ${url})`;
    checkedCaps.add(capsKey);

    caps.slice(0, -1).forEach((c, i) => checkAuthSig((m) => failures.push(`capabilities[${i}]${tag}: ${m}`), 'capability', c, !isV8));

    const w = caps[caps.length - 1];
    const wf = (m) => failures.push(`wallet AuthSig${tag}: ${m}`);
    const msg = checkAuthSig(wf, 'AuthSig', w);
    if (w?.address !== walletAddr) wf(`address ${short(w?.address)}, want ${walletAddr} (from key.hex)`);
    if (!msg) continue;
    if (msg.domain !== request.domain) wf(`SIWE domain ${msg.domain}, want ${request.domain}`);
    if (msg.uri !== `lit:session:${sessionPub}`) wf(`SIWE URI ${msg.uri}, want lit:session:${sessionPub}`);
    if (msg.version !== '1') wf(`SIWE version ${msg.version}`);
    if (msg.chainId !== request.chainId) wf(`SIWE chainId ${msg.chainId}, want ${request.chainId}`);
    if (msg.nonce !== request.nonce) wf(`SIWE nonce ${msg.nonce}, want ${request.nonce}`);
    if (msg.issuedAt !== wantIssuedAt) wf(`SIWE issuedAt ${msg.issuedAt}, want ${wantIssuedAt}`);
    if (msg.expirationTime !== request.expiration) wf(`SIWE expirationTime ${msg.expirationTime}, want ${request.expiration}`);
    if (msg.notBefore !== undefined || msg.requestId !== undefined) wf('SIWE has Not Before / Request ID');
    const tSiweExp = Date.parse(msg.expirationTime);
    if (!(tExp <= tSiweExp)) wf('session expiration is after the SIWE Expiration Time');
    const recaps = (msg.resources ?? []).filter((r) => r.startsWith('urn:recap:'));
    if (!msg.resources || msg.resources.length !== 1 || recaps.length !== 1) {
      wf(`SIWE resources must be exactly one urn:recap: URN, got ${JSON.stringify(msg.resources ?? [])}`);
      continue;
    }
    let recap;
    try {
      recap = decodeRecapUrn(recaps[0]);
    } catch (e) {
      wf(`ReCap URN does not decode: ${e.message}`);
      continue;
    }
    if (recap.text !== canonicalJson(recap.json)) wf('ReCap JSON is not canonical (sorted keys, no whitespace)');
    if (!Array.isArray(recap.json.prf) || recap.json.prf.length !== 0) wf('ReCap prf is not []');
    const att = recap.json.att;
    if (!att || typeof att !== 'object') { wf('ReCap att is not an object'); continue; }
    for (const r of request.resourceAbilityRequests ?? []) {
      if (!covers(att, r)) wf(`ReCap does not cover ${r.resource.resourcePrefix}://${r.resource.resource} ${r.ability}`);
    }
    if (wantAtt && canonicalJson(att) !== canonicalJson(wantAtt)) wf(`ReCap att ${short(canonicalJson(att), 300)} != the one built from resourceAbilityRequests ${short(canonicalJson(wantAtt), 300)}`);
    const sentence = recapSentence(att);
    if (typeof msg.statement !== 'string' || !msg.statement.endsWith(sentence)) wf('SIWE statement does not end with the ReCap sentence');
    else if (msg.statement !== `${request.statement} ${sentence}`) wf('SIWE statement is not request.statement + " " + ReCap sentence');
  }
  return failures;
}

export function readCaseContext(caseDir) {
  const rd = (f) => fs.readFileSync(path.join(caseDir, f), 'utf8');
  return {
    // request.sdk.json: the request as the SDK normalised it (PKP ids, maxPrice form,
    // capability key order, defaults filled in), written by gen-cases from the SDK's own
    // objects; older case folders only have request.json.
    request: JSON.parse(fs.existsSync(path.join(caseDir, 'request.sdk.json')) ? rd('request.sdk.json') : rd('request.json')),
    profile: rd('profile.txt').trim(),
    now: rd('now.txt').trim(),
    walletKeyHex: rd('key.hex').trim(),
    seedHex: rd('seed.hex').trim(),
  };
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: node check-output.mjs CASE_DIR OUTPUT_JSON\n');
    return 2;
  }
  let ctx;
  let sigs;
  try {
    ctx = readCaseContext(argv[0]);
  } catch (e) {
    process.stderr.write(`check-output: cannot read case folder ${argv[0]}: ${e.message}\n`);
    return 2;
  }
  try {
    sigs = JSON.parse(fs.readFileSync(argv[1], 'utf8'));
  } catch (e) {
    process.stdout.write(`FAIL output: not readable JSON: ${e.message}\n`);
    return 1;
  }
  const failures = checkSessionSigs(ctx, sigs);
  for (const f of failures) process.stdout.write(`FAIL ${f}\n`);
  return failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
