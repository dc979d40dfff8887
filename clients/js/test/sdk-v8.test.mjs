// The real Lit SDK v8: @lit-protocol/auth's createEoaAuthContext with quillAccount(quill) as the
// account, then @lit-protocol/networks' issueSessionFromContext (per-node sigs with maxPrice),
// offline (a stand-in litClient gives the blockhash; no network), against `quill-cli serve
// --dev`. The SDK builds its own SIWE and Quill signs it byte for byte (quill_signSiweMessage).
// Checked with the SDK's schemas and viem's verifyMessage, tweetnacl, and `quill-cli verify`.
// The SDK comes from tests/interop-v8's lockfile (QUILL_INTEROP_V8_MODULES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { QuillClient, MemoryTokenStore, quillAccount, QuillInvalidRequest } from 'quill-signer';
import { startServer, verify, tmp, DEV_ADDRESS } from './helpers.mjs';

const MODULES = process.env.QUILL_INTEROP_V8_MODULES;
const require = createRequire(path.join(MODULES ?? '.', 'noop.js'));
const skip = !MODULES && 'QUILL_INTEROP_V8_MODULES unset';

const quiet = async (fn) => {
  const saved = { log: console.log, warn: console.warn, info: console.info, debug: console.debug };
  console.log = console.warn = console.info = console.debug = () => {};
  try { return await fn(); } finally { Object.assign(console, saved); }
};

const NODE_URLS = ['https://127.0.0.1:7470', 'https://127.0.0.1:7471', 'https://127.0.0.1:7472'];
const BLOCKHASH = '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677';

let server;
let remembering;
before(async () => {
  if (skip) return;
  server = await startServer('all');
  remembering = await startServer('remember');
});
after(() => { server?.stop(); remembering?.stop(); });

async function loadSdk() {
  process.env.LOG_LEVEL ||= 'silent';
  return quiet(async () => {
    const auth = require('@lit-protocol/auth');
    const networks = require('@lit-protocol/networks');
    const authRequire = createRequire(require.resolve('@lit-protocol/auth'));
    const netRequire = createRequire(require.resolve('@lit-protocol/networks'));
    return { auth, networks, helpers: authRequire('@lit-protocol/auth-helpers'), viem: authRequire('viem'),
             schemas: netRequire('@lit-protocol/schemas'), nacl: require('tweetnacl') };
  });
}

/** createEoaAuthContext with Quill as the account: the SDK's SIWE, Quill's signature. */
async function authContext(sdk, quill, { statement, expiration } = {}) {
  const authManager = sdk.auth.createAuthManager({
    storage: sdk.auth.storagePlugins.localStorageNode({ appName: 'quill-test', networkName: 'naga-local', storagePath: path.join(tmp, `lit-${Math.random().toString(16).slice(2)}`) }),
  });
  const account = await quillAccount(quill);
  return quiet(() => authManager.createEoaAuthContext({
    config: { account },
    authConfig: {
      domain: 'localhost:3000', statement, expiration,
      resources: [
        ['access-control-condition-decryption', '*'],
        ['lit-action-execution', '*'],
      ],
    },
    litClient: { getContext: async () => ({ latestBlockhash: BLOCKHASH }) },
  }));
}

function issue(sdk, context) {
  const pricingContext = sdk.networks.PricingContextSchema.parse({
    product: 'DECRYPTION', userMaxPrice: 10n ** 18n, threshold: 3,
    nodePrices: NODE_URLS.map((url) => ({ url, prices: [10n ** 16n, 10n ** 16n, 10n ** 16n, 10n ** 16n] })),
  });
  return quiet(() => sdk.networks.issueSessionFromContext({ authContext: context, pricingContext }));
}

test('SDK v8 createEoaAuthContext with quillAccount, then session sigs', { skip }, async () => {
  const sdk = await loadSdk();
  const quill = await QuillClient.connect({ appName: 'SDK v8 test', tokenStore: new MemoryTokenStore(), socketPath: server.socket });
  try {
    const context = await authContext(sdk, quill, { statement: 'Sign in to the v8 test.' });
    const authSig = await context.authNeededCallback();
    // The SDK's own schema accepts what Quill returned, and viem recovers the user's address.
    sdk.schemas.AuthSigSchema.parse(authSig);
    assert.equal(authSig.address, DEV_ADDRESS);
    assert.ok(await sdk.viem.verifyMessage({ address: DEV_ADDRESS, message: authSig.signedMessage, signature: authSig.sig }));
    // Quill signed the SDK's text: it carries the SDK's session key and the v8 shape.
    assert.ok(authSig.signedMessage.includes(`URI: lit:session:${context.sessionKeyPair.publicKey}`));
    assert.ok(authSig.signedMessage.includes('\nSign in to the v8 test. I further authorize the stated URI'));
    assert.ok(authSig.signedMessage.includes(`Nonce: ${BLOCKHASH}`));

    const sessionSigs = await issue(sdk, context);
    assert.deepEqual(Object.keys(sessionSigs).sort(), NODE_URLS);
    for (const url of NODE_URLS) {
      const sig = sessionSigs[url];
      const ok = sdk.nacl.sign.detached.verify(new TextEncoder().encode(sig.signedMessage),
        Buffer.from(sig.sig, 'hex'), Buffer.from(sig.address, 'hex'));
      assert.ok(ok, `${url}: ed25519 signature`);
      const payload = JSON.parse(sig.signedMessage);
      assert.equal(payload.capabilities.at(-1).signedMessage, authSig.signedMessage);
    }
    const v = verify(sessionSigs, '--address', DEV_ADDRESS);
    assert.equal(v.code, 0, v.out);
  } finally {
    quill.close();
  }
});

test('SDK v8 with a remembered grant: one dialog for three auth contexts', { skip }, async () => {
  const sdk = await loadSdk();
  const quill = await QuillClient.connect({ appName: 'Remembering v8 app', tokenStore: new MemoryTokenStore(), socketPath: remembering.socket });
  try {
    for (let round = 1; round <= 3; round++) {
      // A fresh auth context each time (new storage): the SDK builds and asks again; its default
      // expiration is 15 minutes, which ends within the remembered day.
      const context = await authContext(sdk, quill);
      const sessionSigs = await issue(sdk, context);
      const v = verify(sessionSigs, '--address', DEV_ADDRESS);
      assert.equal(v.code, 0, `round ${round}: ${v.out}`);
      for (let t = 0; t < 40 && remembering.reviews() < 1; t++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(remembering.reviews(), 1, `round ${round}: ${remembering.reviews()} dialogs`);
    }
  } finally {
    quill.close();
  }
});

test('signSiweMessage refuses what is not a Lit session message, naming the part', { skip }, async () => {
  const quill = await QuillClient.connect({ appName: 'SIWE refusals', tokenStore: new MemoryTokenStore(), socketPath: server.socket });
  try {
    await assert.rejects(quill.signSiweMessage('Sign this to log in: 12345'),
      (e) => e instanceof QuillInvalidRequest && e.code === -32602 && /message: /.test(e.message));
    const pending = [];
    quill.on('pending', (e) => pending.push(e));
    const account = await quillAccount(quill);
    await assert.rejects(account.signTypedData({}), /only Lit session messages/);
  } finally {
    quill.close();
  }
});
