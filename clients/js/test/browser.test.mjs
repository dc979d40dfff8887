// The browser build in headless Chromium (Debian's /usr/bin/chromium): a page served on
// 127.0.0.1 imports quill-signer's browser entry from the installed package, pairs over
// Quill's WebSocket (token in IndexedDB), asks for accounts and SessionSigs, and posts the
// result back; the SessionSigs are checked with quill-cli verify. Skipped without Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, makeRequest, verify, DEV_ADDRESS } from './helpers.mjs';

const CHROMIUM = process.env.QUILL_CHROMIUM ?? '/usr/bin/chromium';
const PKG = path.dirname(path.dirname(createRequire(import.meta.url).resolve('quill-signer'))); // …/quill-signer/src/node.js

let server;
before(async () => { if (existsSync(CHROMIUM)) server = await startServer('all', { ws: true }); });
after(() => server?.stop());

test('browser build over the WebSocket in headless Chromium', { skip: !existsSync(CHROMIUM) && 'no Chromium', timeout: 60000 }, async () => {
  let resolveResult;
  const result = new Promise((r) => { resolveResult = r; });
  const page = `<!doctype html><meta charset="utf-8"><script type="module">
    import { QuillClient } from '/pkg/src/browser.js';
    const report = (body) => fetch('/result', { method: 'POST', body: JSON.stringify(body) });
    try {
      const quill = await QuillClient.connect({ appName: 'Browser test', wsUrl: ${JSON.stringify(server?.wsUrl)} });
      const again = await QuillClient.connect({ appName: 'Browser test', wsUrl: ${JSON.stringify(server?.wsUrl)} });
      const accounts = await quill.accounts();
      const sigs = await quill.requestSessionSigs(${JSON.stringify(makeRequest(3))});
      await report({ ok: true, accounts, sigs, first: quill.newlyPaired, second: again.newlyPaired, origin: location.origin });
      quill.close(); again.close();
    } catch (e) { await report({ ok: false, error: String(e && e.stack || e) }); }
  </script>`;
  const web = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/result') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => { res.end('ok'); resolveResult(JSON.parse(body)); });
      return;
    }
    if (req.url === '/') { res.setHeader('content-type', 'text/html'); return res.end(page); }
    if (req.url.startsWith('/pkg/src/') && !req.url.includes('..')) {
      res.setHeader('content-type', 'text/javascript');
      return res.end(readFileSync(path.join(PKG, req.url.slice('/pkg/'.length))));
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((r) => web.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${web.address().port}/`;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'quill-chromium-'));
  const chromium = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
    '--remote-debugging-port=0', url], {
    stdio: 'ignore',
    detached: true, // its own process group: its helpers die with it
    env: { ...process.env, TMPDIR: profile }, // its singleton socket folder goes with the profile
  });
  try {
    const r = await result;
    assert.ok(r.ok, r.error);
    assert.deepEqual(r.accounts, [DEV_ADDRESS]);
    assert.equal(r.first, true, 'first connect pairs');
    assert.equal(r.second, false, 'second connect presents the token kept in IndexedDB');
    assert.equal(Object.keys(r.sigs).length, 3);
    const v = verify(r.sigs, '--address', DEV_ADDRESS);
    assert.equal(v.code, 0, v.out);
  } finally {
    const exited = chromium.exitCode !== null || new Promise((r) => chromium.once('exit', r));
    try { process.kill(-chromium.pid, 'SIGKILL'); } catch { /* already gone */ }
    web.close();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});
