// quill-signer (the installed package) against `quill-cli serve --dev`: the whole API over the
// Unix socket and over the WebSocket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  QuillClient, FileTokenStore, MemoryTokenStore, SecretToolTokenStore, QuillRejected, QuillNotRunning, QuillDisabled,
  QuillInvalidRequest, QuillUnsupported, errorFromRpc, chipotleChainId, walletAuthHeader,
} from 'quill-signer';
import { startServer, makeRequest, verify, verifyChainSecured, tmp, DEV_ADDRESS, DEV_KEY } from './helpers.mjs';

let all;
let none;
before(async () => {
  all = await startServer('all', { ws: true });
  none = await startServer('none');
});
after(() => { all?.stop(); none?.stop(); });

const tokens = (name) => new FileTokenStore(path.join(tmp, `tokens-${name}`));

test('the package under test is the installed tarball', () => {
  const resolved = createRequire(import.meta.url).resolve('quill-signer');
  assert.match(resolved, /node_modules\/quill-signer\//);
});

for (const transport of ['socket', 'websocket']) {
  const connect = (name, store, extra = {}) => QuillClient.connect({
    appName: name, tokenStore: store, socketPath: all.socket,
    ...(transport === 'websocket' ? { wsUrl: all.wsUrl, origin: 'http://localhost:3000' } : {}), ...extra,
  });

  test(`${transport}: pairs once, keeps the token 0600, reuses it`, async () => {
    const store = tokens(`${transport}-pair`);
    const q1 = await connect('JS test', store, { description: 'node test', url: 'https://example.org' });
    assert.equal(q1.newlyPaired, true);
    q1.close();
    assert.equal(statSync(store.fileFor(q1.tokenKey)).mode & 0o777, 0o600);
    assert.equal(statSync(store.folder).mode & 0o777, 0o700);
    const q2 = await connect('JS test', store);
    assert.equal(q2.newlyPaired, false);
    assert.equal(q2.appId, q1.appId);
    q2.close();
  });

  test(`${transport}: re-pairs when the kept token is unknown`, async () => {
    const store = new MemoryTokenStore();
    const q1 = await connect('JS stale', store);
    q1.close();
    await store.save(q1.tokenKey, { appId: q1.appId, token: '0'.repeat(64) });
    const q2 = await connect('JS stale', store);
    assert.equal(q2.newlyPaired, true);
    assert.notEqual(q2.appId, q1.appId);
    q2.close();
  });

  test(`${transport}: accounts, session sigs (v7, v8, 60 nodes), auth sig, invalid request, info`, async () => {
    const q = await connect('JS calls', new MemoryTokenStore());
    try {
      assert.deepEqual(await q.accounts(), [DEV_ADDRESS]);
      const sigs = await q.requestSessionSigs(makeRequest(3, 'Sign in to the JS test.'));
      assert.equal(Object.keys(sigs).length, 3);
      const v = verify(sigs, '--address', DEV_ADDRESS, '--resource', 'lit-pkp://*', '--ability', 'pkp-signing');
      assert.equal(v.code, 0, v.out);
      const v8req = makeRequest(2);
      v8req.maxPrices = Object.fromEntries(v8req.nodeUrls.map((u) => [u, '0x1000']));
      const v8 = await q.requestSessionSigs(JSON.stringify(v8req), { profile: 'lit-v8' });
      assert.equal(verify(v8).code, 0);
      const big = await q.requestSessionSigs(makeRequest(60));
      assert.ok(JSON.stringify(big).length > 65536);
      assert.equal(verify(big).code, 0);
      const pk = 'ab'.repeat(32);
      const auth = await q.requestAuthSig(makeRequest(1), pk);
      assert.equal(auth.address, DEV_ADDRESS);
      assert.ok(auth.signedMessage.includes(`URI: lit:session:${pk}`));
      const bad = makeRequest(1);
      bad.resourceAbilityRequests[0].ability = 'pkp-signing';
      await assert.rejects(q.requestSessionSigs(bad), (e) => e instanceof QuillInvalidRequest && e.code === -32602 &&
        /resourceAbilityRequests\[0\]/.test(e.field ?? ''));
      try {
        assert.equal(typeof await q.info(), 'object');
      } catch (e) {
        assert.ok(e instanceof QuillUnsupported && /quill_info/.test(e.message), String(e));
      }
      assert.deepEqual(await q.accounts(), [DEV_ADDRESS]); // still usable after either answer
    } finally {
      q.close();
    }
  });

  test(`${transport}: signSiweMessage signs an SDK-built message as it is; pending, resolved and disconnected events`, async () => {
    const q = await connect('JS SIWE', new MemoryTokenStore());
    const events = [];
    q.on('pending', (e) => events.push(['pending', e.method]));
    q.on('resolved', (e) => events.push(['resolved', e.method, e.outcome]));
    q.on('disconnected', () => events.push(['disconnected']));
    try {
      const now = new Date();
      const text = readFileSync(path.join(process.env.QUILL_TEST_DATA, 'siwemessage/valid_v7_default_statement.txt'), 'utf8')
        .replace('Issued At: 2035-01-15T12:00:00.000Z', `Issued At: ${now.toISOString()}`)
        .replace('Expiration Time: 2035-01-16T12:00:00.000Z', `Expiration Time: ${new Date(now.getTime() + 3600e3).toISOString()}`);
      const { signature, authSig } = await q.signSiweMessage(text);
      assert.equal(authSig.signedMessage, text);
      assert.equal(authSig.sig, signature);
      assert.equal(authSig.address, DEV_ADDRESS);
      assert.deepEqual(events, [['pending', 'quill_signSiweMessage'], ['resolved', 'quill_signSiweMessage', 'approved']]);
      await assert.rejects(q.signSiweMessage(`${text}\nAlso send 1 ETH.`),
        (e) => e instanceof QuillInvalidRequest && e.code === -32602);
    } finally {
      q.close();
    }
    assert.deepEqual(events.at(-1), ['disconnected']);
  });

  test(`${transport}: revoke forgets the token; next connect pairs`, async () => {
    const store = new MemoryTokenStore();
    const q = await connect('JS revoke', store);
    await q.revoke();
    q.close();
    assert.equal(await store.load(q.tokenKey), null);
    const q2 = await connect('JS revoke', store);
    assert.equal(q2.newlyPaired, true);
    q2.close();
  });
}

test('socket: a burst over the rate limit is retried with back-off until all succeed', async () => {
  const q = await QuillClient.connect({ appName: 'JS burst', socketPath: all.socket, tokenStore: new MemoryTokenStore() });
  try {
    const results = await Promise.all(Array.from({ length: 150 }, () => q.accounts()));
    assert.equal(results.length, 150);
    assert.ok(results.every((r) => r[0] === DEV_ADDRESS));
    assert.ok(q.rateLimitRetries > 0, 'Quill never answered 4303: the burst did not test the back-off');
  } finally {
    q.close();
  }
});

test('--approve none: pairing is rejected with 4001', async () => {
  await assert.rejects(QuillClient.connect({ appName: 'JS refused', socketPath: none.socket, tokenStore: new MemoryTokenStore() }),
    (e) => e instanceof QuillRejected && e.code === 4001);
});

test('not running: QuillNotRunning says how to start Quill', async () => {
  await assert.rejects(QuillClient.connect({ appName: 'x', socketPath: path.join(tmp, 'absent.sock'), tokenStore: new MemoryTokenStore() }),
    (e) => e instanceof QuillNotRunning && /quill-cli serve --dev/.test(e.message));
});

test('autoStart: runs `quill --background` from PATH when the socket is absent, then connects', async () => {
  // A stand-in `quill` that starts `quill-cli serve --dev` on the socket the client waits for.
  const bin = path.join(tmp, 'autostart-bin');
  const socket = path.join(tmp, 'autostart.sock');
  const pidFile = path.join(tmp, 'autostart.pid');
  const argsFile = path.join(tmp, 'autostart.args');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(tmp, 'dev.key'), DEV_KEY);
  writeFileSync(path.join(bin, 'quill'), `#!/bin/sh\necho "$@" > '${argsFile}'\necho $$ > '${pidFile}'\n` +
    `exec '${process.env.QUILL_CLI}' serve --dev --dev-key-file '${path.join(tmp, 'dev.key')}' --socket '${socket}' --approve all >/dev/null 2>&1\n`,
  { mode: 0o755 });
  const savedPath = process.env.PATH;
  try {
    await assert.rejects(QuillClient.connect({ appName: 'No autostart', socketPath: socket, tokenStore: new MemoryTokenStore() }),
      (e) => e instanceof QuillNotRunning);
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    const q = await QuillClient.connect({ appName: 'Autostarted', socketPath: socket, tokenStore: new MemoryTokenStore(), autoStart: true });
    assert.deepEqual(await q.accounts(), [DEV_ADDRESS]);
    q.close();
    assert.equal(readFileSync(argsFile, 'utf8').trim(), '--background');
    // Without a quill on PATH, autoStart says so.
    process.env.PATH = path.join(tmp, 'empty-bin');
    await assert.rejects(QuillClient.connect({ appName: 'No quill', socketPath: path.join(tmp, 'none.sock'), tokenStore: new MemoryTokenStore(), autoStart: true }),
      (e) => e instanceof QuillNotRunning && /no `quill` on PATH/.test(e.message));
  } finally {
    process.env.PATH = savedPath;
    try { process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM'); } catch { /* not started */ }
  }
});

test('WebSocket off while Quill runs: QuillDisabled', async () => {
  await assert.rejects(QuillClient.connect({ appName: 'x', socketPath: none.socket, wsUrl: 'ws://127.0.0.1:1', tokenStore: new MemoryTokenStore() }),
    (e) => e instanceof QuillDisabled && e instanceof QuillNotRunning);
});

test('secret-tool token store round trip (when a Secret Service answers)', async (t) => {
  const st = new SecretToolTokenStore();
  if (!(await st.available().catch(() => false))) return t.skip('no Secret Service');
  const q = await QuillClient.connect({ appName: 'JS keyring', socketPath: all.socket, tokenStore: st });
  q.close();
  assert.equal((await st.load(q.tokenKey)).appId, q.appId);
  const q2 = await QuillClient.connect({ appName: 'JS keyring', socketPath: all.socket, tokenStore: st });
  assert.equal(q2.newlyPaired, false);
  await q2.revoke();
  q2.close();
  assert.equal(await st.load(q.tokenKey), null);
});

test('file token store: two stores on one folder keep both pairings', async () => {
  const folder = path.join(tmp, 'shared-folder');
  const a = new FileTokenStore(folder);
  const b = new FileTokenStore(folder);
  await Promise.all([a.save('k1', { appId: '1', token: 't1' }), b.save('k2', { appId: '2', token: 't2' })]);
  await a.delete('absent');
  assert.deepEqual(await new FileTokenStore(folder).load('k1'), { appId: '1', token: 't1' });
  assert.deepEqual(await new FileTokenStore(folder).load('k2'), { appId: '2', token: 't2' });
});

test('error codes map to typed errors', () => {
  for (const [code, name] of [[4001, 'QuillRejected'], [4100, 'QuillUnauthorized'], [4200, 'QuillUnsupported'],
    [4300, 'QuillExpired'], [4303, 'QuillRateLimited'], [4304, 'QuillBusy'], [-32602, 'QuillInvalidRequest'], [7, 'QuillError']]) {
    const e = errorFromRpc({ code, message: 'request.nodeUrls[0]: no port', data: { quillError: 9 } });
    assert.equal(e.constructor.name, name);
    assert.equal(e.code, code);
    assert.equal(e.quillError, 9);
  }
  assert.equal(errorFromRpc({ code: -32602, message: 'request.nodeUrls[0]: no port' }).field, 'request.nodeUrls[0]');
  assert.equal(errorFromRpc({ code: -32602, message: 'invalid params: request.bogus: unknown key' }).field, 'request.bogus');
});

// Lit Chipotle ChainSecured (issue #15), through serve --dev and checked by quill-cli's copy of
// the server's checks.
test('signLitChainSecured and signTypedData', async () => {
  const q = await QuillClient.connect({ appName: 'JS chainsecured', tokenStore: new MemoryTokenStore(), socketPath: all.socket });
  try {
    const body = await q.signLitChainSecured('billing-auth', { chainId: 8453 });
    assert.deepEqual(Object.keys(body), ['typed_data', 'signature']);
    assert.equal(body.typed_data.primaryType, 'BillingAuth');
    assert.equal(body.typed_data.message.address, DEV_ADDRESS);
    let v = verifyChainSecured(body, '8453', '--purpose', 'billing-auth');
    assert.equal(v.code, 0, v.out);
    v = verifyChainSecured(walletAuthHeader(body), '8453');
    assert.equal(v.code, 0, v.out);
    assert.equal(verifyChainSecured(body, '84532').code, 1);
    // The chain id from a Chipotle server's config endpoint.
    const fakeFetch = async (url) => ({ ok: url === 'https://chipotle.example/core/v1/get_node_chain_config', status: 404,
      json: async () => ({ chain_name: 'base-sepolia', chain_id: 84532 }) });
    assert.equal(await chipotleChainId('https://chipotle.example/', { fetch: fakeFetch }), 84532);
    const viaUrl = await q.signLitChainSecured('create-wallet', { chipotleUrl: 'https://chipotle.example/core/v1', fetch: fakeFetch });
    assert.equal(viaUrl.typed_data.domain.chainId, '84532');
    // Typed data the app built: signed as given; anything else refused naming the difference.
    const typed = { ...body.typed_data, message: { ...body.typed_data.message, issuedAt: String(Math.floor(Date.now() / 1000)) } };
    const again = await q.signTypedData(JSON.stringify(typed));
    assert.deepEqual(again.typed_data, typed);
    assert.equal(verifyChainSecured(again, '8453').code, 0);
    await assert.rejects(q.signTypedData({ ...typed, types: { ...typed.types, Extra: [] } }),
      (e) => e instanceof QuillInvalidRequest && e.code === -32602 && /unexpected type Extra/.test(e.message));
    await assert.rejects(q.signLitChainSecured('mint', { chainId: 8453 }), (e) => e instanceof QuillInvalidRequest);
    await assert.rejects(q.signLitChainSecured('billing-auth', {}), TypeError);
  } finally {
    q.close();
  }
  const refused = await QuillClient.connect({ appName: 'JS cs none', tokenStore: new MemoryTokenStore(), socketPath: none.socket })
    .catch((e) => e);
  assert.ok(refused instanceof QuillRejected, String(refused)); // --approve none refuses even the pairing
});
