#!/usr/bin/env node
// Using Quill from a Node app: Quill as the Lit JS SDK's (v7) `authNeededCallback`.
//
//   node quill-auth-callback.mjs --ws ws://127.0.0.1:PORT [--origin http://localhost:3000]
//                                [--expect-address 0x…]
//
// The app keeps its own Ed25519 session key, as the SDK does; the user's Ethereum key stays in
// Quill. When the SDK needs the wallet signature (the SIWE with the ReCap of the session) it
// calls `authNeededCallback`; this example answers it by asking Quill over its loopback
// WebSocket (`quill_requestAuthSig`). The user sees the request in Quill and approves it;
// the SDK then signs the per-node session sigs with the app's session key.
//
// 1. connect to Quill's WebSocket, sending an Origin header (the WebSocket transport's identity);
// 2. pair with `quill_hello` (a real app keeps appId + token and presents them next time);
// 3. `quill_accounts`: the addresses the user reveals to this app;
// 4. `LitNodeClientNodeJs.getSessionSigs` with Quill as authNeededCallback. Offline here: the
//    client is marked ready with fake nodes and a fake blockhash, exactly like gen-cases.mjs;
//    a real app calls `await client.connect()` instead;
// 5. check the result with the SDK's and the JS libraries' own checks (see `checks` below).
//
// Exit 0 if every check passed, 1 if one failed, 2 on unusable arguments or no Quill.

import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);

// ------------------------------------------------------------------------------------------
// Arguments
// ------------------------------------------------------------------------------------------
function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const WS_URL = arg('--ws');
const ORIGIN = arg('--origin', 'http://localhost:3000');
const EXPECT_ADDRESS = arg('--expect-address'); // optional: pin the signer (tests)
if (!WS_URL) {
  console.error('usage: node quill-auth-callback.mjs --ws ws://127.0.0.1:PORT [--origin URL] [--expect-address 0x…]');
  process.exit(2);
}

// ------------------------------------------------------------------------------------------
// A minimal JSON-RPC 2.0 client for Quill's WebSocket (core/api/README.md)
// ------------------------------------------------------------------------------------------
class QuillError extends Error {
  constructor(error) {
    super(`Quill error ${error.code}: ${error.message}`);
    this.code = error.code; // 4001 rejected by the user, 4100 not paired, 4300 expired, …
  }
}

class QuillClient {
  static connect(url, origin) {
    return new Promise((resolve, reject) => {
      // Browsers send Origin themselves; a Node app sets it (Quill pairs per Origin).
      const ws = new WebSocket(url, { origin });
      ws.once('open', () => resolve(new QuillClient(ws)));
      ws.once('error', reject);
    });
  }

  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString('utf8'));
      const call = this.pending.get(msg.id);
      if (!call) return;
      this.pending.delete(msg.id);
      if (msg.error) call.reject(new QuillError(msg.error));
      else call.resolve(msg.result);
    });
    ws.on('close', () => {
      for (const call of this.pending.values()) call.reject(new Error('Quill closed the connection'));
      this.pending.clear();
    });
  }

  call(method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  close() {
    this.ws.close();
  }
}

// ------------------------------------------------------------------------------------------
// The Lit SDK (v7), quiet: it logs a lot, and warns about the missing localStorage in Node.
// ------------------------------------------------------------------------------------------
process.env.NO_DEPRECATION ||= '*';
const quiet = async (fn) => {
  const saved = { log: console.log, warn: console.warn, info: console.info, debug: console.debug };
  if (!process.env.QUILL_INTEROP_VERBOSE) console.log = console.warn = console.info = console.debug = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
};
const { LitNodeClientNodeJs, LitAccessControlConditionResource, LitPKPResource, LitActionResource,
  RecapSessionCapabilityObject, LIT_ABILITY, LIT_NETWORK, validateSessionSigs } = await quiet(async () => {
  const sdkRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
  return {
    ...require('@lit-protocol/lit-node-client-nodejs'),
    ...require('@lit-protocol/auth-helpers'),
    ...require('@lit-protocol/constants'),
    // The session sig validator the SDK itself uses (executeJs, pkpSign…), from its own deps.
    validateSessionSigs: sdkRequire('@lit-protocol/misc').validateSessionSigs,
  };
});
const nacl = require('tweetnacl');
const { ethers } = require('ethers');
const { SiweMessage } = require('siwe');

// Fake network (offline): three nodes and a blockhash, as gen-cases.mjs uses.
const NODE_URLS = ['https://127.0.0.1:7470', 'https://127.0.0.1:7471', 'https://127.0.0.1:7472'];
const BLOCKHASH = '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677';
const CHAIN_IDS = { ethereum: 1 };

// ------------------------------------------------------------------------------------------
// Quill as authNeededCallback
// ------------------------------------------------------------------------------------------
/**
 * Returns an authNeededCallback that gets the wallet AuthSig from Quill.
 * The SDK calls it with {uri: 'lit:session:<session public key>', expiration, nonce,
 * resourceAbilityRequests, chain, statement, resources, sessionKey, …}; Quill builds the SIWE
 * and its ReCap itself from the request document (so `statement`/`resources`, the SDK's own
 * rendering, are not forwarded, and `sessionKey`, the secret half, never leaves the app).
 */
function quillAuthNeededCallback(quill, { domain, nodeUrls, statement }) {
  return async (params) => {
    const sessionPublicKey = params.uri.replace(/^lit:session:/, '');
    const request = {
      domain, // the host of our Origin, e.g. localhost:3000
      statement, // optional; Quill appends the ReCap sentence
      chainId: CHAIN_IDS[params.chain ?? 'ethereum'],
      nonce: params.nonce, // the latest blockhash the SDK fetched
      expiration: params.expiration,
      resourceAbilityRequests: params.resourceAbilityRequests.map((r) => ({
        resource: { resource: r.resource.resource, resourcePrefix: r.resource.resourcePrefix },
        ability: r.ability,
      })),
      nodeUrls,
    };
    return quill.call('quill_requestAuthSig', { request, sessionPublicKey });
  };
}

// ------------------------------------------------------------------------------------------
// The example
// ------------------------------------------------------------------------------------------
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok: !!ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

let quill;
try {
  quill = await QuillClient.connect(WS_URL, ORIGIN);
} catch (e) {
  console.error(`quill-auth-callback: cannot connect to ${WS_URL}: ${e.message}`);
  process.exit(2);
}

try {
  // Pairing: the user approves "Quill Node example" once; keep appId + token for next time
  // (then: quill_hello {name, appId, token}).
  const paired = await quill.call('quill_hello', { name: 'Quill Node example', url: ORIGIN });
  console.log(`paired as ${paired.name} (appId ${paired.appId}; token kept by the app)`);
  const accounts = await quill.call('quill_accounts');
  console.log(`accounts revealed: ${accounts.join(', ')}`);

  const client = new LitNodeClientNodeJs({ litNetwork: LIT_NETWORK.Custom, debug: false });
  // Offline stand-in for `await client.connect()`.
  client.ready = true;
  client.connectedNodes = new Set(NODE_URLS);
  client.latestBlockhash = BLOCKHASH;
  client.lastBlockHashRetrieved = Date.now();

  // The app's own session key (the SDK would make one; explicit here to check against).
  const kp = nacl.sign.keyPair();
  const sessionKey = { publicKey: Buffer.from(kp.publicKey).toString('hex'), secretKey: Buffer.from(kp.secretKey).toString('hex') };

  const resourceAbilityRequests = [
    { resource: new LitAccessControlConditionResource('*'), ability: LIT_ABILITY.AccessControlConditionDecryption },
    { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
    { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
  ];
  const domain = new URL(ORIGIN).host;
  const callbackCalls = [];
  const callback = quillAuthNeededCallback(quill, {
    domain, nodeUrls: [...client.connectedNodes], statement: 'Sign in to the Quill Node example.',
  });
  const sessionSigs = await quiet(() => client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests,
    sessionKey,
    authNeededCallback: async (params) => {
      const authSig = await callback(params);
      callbackCalls.push({ params, authSig });
      return authSig;
    },
  }));

  // ---------------------------------------------------------------------------------------
  // Checks
  // ---------------------------------------------------------------------------------------
  const authSig = callbackCalls[0]?.authSig;
  const nodes = Object.keys(sessionSigs);
  // The SDK re-asks (calls the callback again) when the AuthSig fails its own check
  // (checkNeedToResignSessionKey: SIWE signature, URI = the session key, ReCap covering every
  // request); once means it accepted Quill's answer as it was.
  check('SDK accepted Quill\'s AuthSig at once (authNeededCallback called once)', callbackCalls.length === 1,
    `${callbackCalls.length} call(s)`);
  check('SDK produced session sigs for every connected node', nodes.length === NODE_URLS.length &&
    NODE_URLS.every((u) => nodes.includes(u)), nodes.join(', '));
  const validated = validateSessionSigs(sessionSigs);
  check('SDK validateSessionSigs', validated.isValid, validated.errors.join('; '));

  const siwe = new SiweMessage(authSig.signedMessage);
  const verified = await siwe.verify({ signature: authSig.sig, domain, nonce: BLOCKHASH }, { suppressExceptions: true });
  check('siwe SiweMessage.verify (signature, domain, nonce, times)', verified.success,
    verified.error ? String(verified.error.type ?? verified.error) : siwe.address);
  const recovered = ethers.utils.verifyMessage(authSig.signedMessage, authSig.sig);
  check('ethers verifyMessage recovers the AuthSig address', recovered === authSig.address && recovered === siwe.address, recovered);
  check('the signer is an account Quill revealed', accounts.includes(recovered), accounts.join(', '));
  if (EXPECT_ADDRESS) check(`the signer is ${EXPECT_ADDRESS}`, recovered === EXPECT_ADDRESS);
  check('SIWE domain is the Origin host, URI the app\'s session key', siwe.domain === domain &&
    siwe.uri === `lit:session:${sessionKey.publicKey}`, `${siwe.domain}, ${siwe.uri.slice(0, 24)}…`);
  check('SIWE expiration is the one the SDK asked for', siwe.expirationTime === callbackCalls[0].params.expiration,
    siwe.expirationTime);

  const recap = RecapSessionCapabilityObject.decode(siwe.resources?.[0] ?? '');
  const covered = resourceAbilityRequests.filter((r) => recap.verifyCapabilitiesForResource(r.resource, r.ability));
  check('ReCap in the SIWE covers every requested resource/ability', covered.length === resourceAbilityRequests.length,
    Object.entries(recap.attenuations).map(([res, abs]) => `${res} ${Object.keys(abs).join('+')}`).join(', '));
  check('SIWE statement ends with the ReCap sentence', siwe.statement?.endsWith(recap.statement), siwe.statement);

  let naclOk = 0;
  let payloadOk = 0;
  for (const url of nodes) {
    const s = sessionSigs[url];
    if (nacl.sign.detached.verify(Buffer.from(s.signedMessage, 'utf8'), Buffer.from(s.sig, 'hex'), Buffer.from(s.address, 'hex'))) naclOk++;
    const payload = JSON.parse(s.signedMessage);
    const wallet = payload.capabilities.at(-1);
    if (s.address === sessionKey.publicKey && payload.sessionKey === sessionKey.publicKey && payload.nodeAddress === url &&
        JSON.stringify(wallet) === JSON.stringify(authSig)) payloadOk++;
  }
  check('tweetnacl verifies every node sig with the app\'s session key', naclOk === nodes.length, `${naclOk}/${nodes.length}`);
  check('every node payload carries Quill\'s AuthSig as the wallet capability', payloadOk === nodes.length, `${payloadOk}/${nodes.length}`);
} catch (e) {
  check('the flow ran to the end', false, e.code ? `${e.message}` : e.stack);
} finally {
  quill.close();
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
