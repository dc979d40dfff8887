// The real Lit SDK v7 getSessionSigs() with quillAuthNeededCallback, offline (a client marked
// ready with fake nodes and blockhash, as tests/interop does), against `quill-cli serve --dev`;
// the result is checked with the SDK's own validateSessionSigs and with `quill-cli verify`.
// The SDK comes from tests/interop's lockfile (QUILL_INTEROP_MODULES), not a second lockfile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { QuillClient, MemoryTokenStore, quillAuthNeededCallback } from 'quill-signer';
import { startServer, verify, DEV_ADDRESS } from './helpers.mjs';

const MODULES = process.env.QUILL_INTEROP_MODULES;
const require = createRequire(path.join(MODULES ?? '.', 'noop.js'));

const quiet = async (fn) => {
  const saved = { log: console.log, warn: console.warn, info: console.info, debug: console.debug };
  console.log = console.warn = console.info = console.debug = () => {};
  try { return await fn(); } finally { Object.assign(console, saved); }
};

let server;
let remembering;
before(async () => {
  server = await startServer('all', { ws: true });
  remembering = await startServer('remember');
});
after(() => { server?.stop(); remembering?.stop(); });

const NODE_URLS = ['https://127.0.0.1:7470', 'https://127.0.0.1:7471', 'https://127.0.0.1:7472'];
const BLOCKHASH = '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677';

/** The official v7 packages from tests/interop's lockfile, with the SDK's own session-sig validator. */
async function loadSdk() {
  process.env.NO_DEPRECATION ||= '*';
  return quiet(async () => {
    const sdkRequire = createRequire(require.resolve('@lit-protocol/lit-node-client-nodejs'));
    return {
      ...require('@lit-protocol/lit-node-client-nodejs'), ...require('@lit-protocol/auth-helpers'),
      ...require('@lit-protocol/constants'), validateSessionSigs: sdkRequire('@lit-protocol/misc').validateSessionSigs,
    };
  });
}

/** A LitNodeClient marked ready with fake nodes and blockhash: getSessionSigs() runs offline. */
function offlineClient(sdk) {
  const litNodeClient = new sdk.LitNodeClientNodeJs({ litNetwork: sdk.LIT_NETWORK.Custom, debug: false });
  litNodeClient.ready = true; // offline stand-in for await litNodeClient.connect()
  litNodeClient.connectedNodes = new Set(NODE_URLS);
  litNodeClient.latestBlockhash = BLOCKHASH;
  litNodeClient.lastBlockHashRetrieved = Date.now();
  return litNodeClient;
}

for (const transport of ['socket', 'websocket']) {
  test(`SDK v7 getSessionSigs with quillAuthNeededCallback (${transport})`, { skip: !MODULES && 'QUILL_INTEROP_MODULES unset' }, async () => {
    const sdk = await loadSdk();
    const { SiweMessage } = require('siwe');
    const quill = await QuillClient.connect({
      appName: 'SDK v7 test', tokenStore: new MemoryTokenStore(), socketPath: server.socket,
      ...(transport === 'websocket' ? { wsUrl: server.wsUrl, origin: 'http://localhost:3000' } : {}),
    });
    try {
      const litNodeClient = offlineClient(sdk);
      const resourceAbilityRequests = [
        { resource: new sdk.LitAccessControlConditionResource('*'), ability: sdk.LIT_ABILITY.AccessControlConditionDecryption },
        { resource: new sdk.LitPKPResource('*'), ability: sdk.LIT_ABILITY.PKPSigning },
        { resource: new sdk.LitActionResource('*'), ability: sdk.LIT_ABILITY.LitActionExecution },
      ];
      const callback = quillAuthNeededCallback(quill, { litNodeClient, domain: 'localhost:3000', statement: 'Sign in to the SDK test.' });
      const calls = [];
      const sessionSigs = await quiet(() => litNodeClient.getSessionSigs({
        chain: 'ethereum', resourceAbilityRequests,
        authNeededCallback: async (params) => { calls.push(params); return callback(params); },
      }));
      assert.equal(calls.length, 1, 'the SDK accepted the AuthSig at once');
      assert.deepEqual(Object.keys(sessionSigs).sort(), NODE_URLS);
      const validated = sdk.validateSessionSigs(sessionSigs);
      assert.ok(validated.isValid, validated.errors.join('; '));
      const v = verify(sessionSigs, '--address', DEV_ADDRESS, '--resource', 'lit-pkp://*', '--ability', 'pkp-signing');
      assert.equal(v.code, 0, v.out);
      const wallet = JSON.parse(sessionSigs[NODE_URLS[0]].signedMessage).capabilities.at(-1);
      const siwe = new SiweMessage(wallet.signedMessage);
      assert.equal(siwe.address, DEV_ADDRESS);
      assert.equal(siwe.domain, 'localhost:3000');
      assert.equal(siwe.chainId, 1);
      assert.equal(siwe.nonce, BLOCKHASH);
      assert.equal(siwe.uri, calls[0].uri);
      // The ReCap sentence once, after our statement (the SDK's statement is not forwarded).
      assert.ok(siwe.statement.startsWith('Sign in to the SDK test. I further authorize'), siwe.statement);
      assert.equal(siwe.statement.split('I further authorize').length, 2, siwe.statement);
    } finally {
      quill.close();
    }
  });
}

// Issue #9: "approve and remember" as apps call it. The SDK's getSessionSigs three times in a
// row with its default expiration: the user is asked once, the next two are answered from the
// grant without a dialog, and each result passes the SDK's own validation.
test('SDK v7 getSessionSigs x3 with default expirations: one dialog, then the grant answers', { skip: !MODULES && 'QUILL_INTEROP_MODULES unset' }, async () => {
  const sdk = await loadSdk();
  const quill = await QuillClient.connect({ appName: 'Remembering app', tokenStore: new MemoryTokenStore(), socketPath: remembering.socket });
  try {
    const litNodeClient = offlineClient(sdk);
    const resourceAbilityRequests = [
      { resource: new sdk.LitAccessControlConditionResource('*'), ability: sdk.LIT_ABILITY.AccessControlConditionDecryption },
      { resource: new sdk.LitActionResource('*'), ability: sdk.LIT_ABILITY.LitActionExecution },
    ];
    const callback = quillAuthNeededCallback(quill, { litNodeClient, domain: 'localhost:3000' });
    let calls = 0;
    for (let round = 1; round <= 3; round++) {
      const sessionSigs = await quiet(() => litNodeClient.getSessionSigs({
        chain: 'ethereum', resourceAbilityRequests,
        authNeededCallback: async (params) => { calls++; return callback(params); },
      }));
      const validated = sdk.validateSessionSigs(sessionSigs);
      assert.ok(validated.isValid, `round ${round}: ${validated.errors.join('; ')}`);
      // The SDK keeps its own session key and dates its per-node sigs 24 h ahead; under a grant
      // Quill's SIWE ends with the grant, which can be a moment earlier. Nodes accept that (the
      // session simply ends with the SIWE), so check what nodes check.
      const v = verify(sessionSigs, '--address', DEV_ADDRESS, '--node-only');
      assert.equal(v.code, 0, v.out);
      // serve logs each dialog on stderr, which may reach us after the answer on the socket.
      for (let t = 0; t < 40 && remembering.reviews() < 1; t++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(remembering.reviews(), 1, `round ${round}: ${remembering.reviews()} dialogs`);
    }
    assert.ok(calls >= 3, 'the SDK asked for an AuthSig each time (no cache in Node)');
  } finally {
    quill.close();
  }
});
