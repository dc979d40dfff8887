// Test helpers: `quill-cli serve --dev` on a private socket (and WebSocket), quill-cli verify.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const CLI = process.env.QUILL_CLI;
if (!CLI) throw new Error('QUILL_CLI: path to quill-cli');
export const DEV_KEY = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'; // public test vector
export const DEV_ADDRESS = '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23';

export const tmp = mkdtempSync(path.join(os.tmpdir(), 'quill-js-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

export async function startServer(approve = 'all', { ws = false } = {}) {
  const key = path.join(tmp, 'dev.key');
  writeFileSync(key, DEV_KEY);
  const socket = path.join(tmp, `quill-${approve}-${Math.random().toString(16).slice(2, 8)}.sock`);
  const args = ['serve', '--dev', '--dev-key-file', key, '--socket', socket, '--approve', approve];
  if (ws) args.push('--websocket-port', '0');
  const proc = spawn(CLI, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QUILL_DATA_DIR: path.join(tmp, 'userdata') } });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const line = await new Promise((resolve) => {
    const rl = readline.createInterface({ input: proc.stdout });
    rl.once('line', resolve);
    proc.once('exit', () => resolve(''));
  });
  const [word, , port] = line.split(' ');
  if (word !== 'READY') throw new Error(`serve --dev did not start: ${line} ${stderr}`);
  return {
    socket, wsUrl: Number(port) > 0 ? `ws://127.0.0.1:${port}` : null, stop: () => proc.kill('SIGTERM'),
    /** How many requests reached the (scripted) user: the dialogs a person would have seen. */
    reviews: () => (stderr.match(/serve: approved request/g) ?? []).length,
  };
}

export function makeRequest(nodes = 1, statement) {
  return {
    domain: 'localhost:3000',
    ...(statement ? { statement } : {}),
    resourceAbilityRequests: [
      { resource: { resource: '*', resourcePrefix: 'lit-litaction' }, ability: 'lit-action-execution' },
      { resource: { resource: '*', resourcePrefix: 'lit-pkp' }, ability: 'pkp-signing' },
    ],
    nodeUrls: Array.from({ length: nodes }, (_, i) => `https://node${i}.example:7470`),
  };
}

/** quill-cli verify: {code, out}. */
export function verify(sigs, ...extra) {
  const f = path.join(tmp, `sigs-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(sigs));
  const r = spawnSync(CLI, ['verify', f, ...extra], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** quill-cli chainsecured verify (a body object or an X-Wallet-Auth string): {code, out}. */
export function verifyChainSecured(body, chainId, ...extra) {
  const f = path.join(tmp, `cs-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
  const r = spawnSync(CLI, ['chainsecured', 'verify', f, '--chain-id', chainId, ...extra], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}
