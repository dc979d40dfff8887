// quill-signer for Node (≥ 20): Quill's Unix socket by default, its WebSocket when wsUrl is
// given; the pairing token in the OS keychain through `secret-tool`, else 0600 files.
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, accessSync, constants, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QuillClientBase, QuillDisabled, QuillNotRunning } from './core.js';
import { openUnixSocket, openWebSocket } from './node-transports.js';

export * from './core.js';
export { quillAuthNeededCallback, quillAccount, CHAIN_IDS } from './lit.js';

/** Quill's socket: $XDG_RUNTIME_DIR/quill/quill.sock (Qt's fallback: /tmp/runtime-$USER). */
export function defaultSocketPath() {
  const runtime = process.env.XDG_RUNTIME_DIR || `/tmp/runtime-${os.userInfo().username}`;
  return path.join(runtime, 'quill', 'quill.sock');
}

const START_HINT = (where) => `Start the Quill desktop app (it listens on ${where}), or, in tests and CI, ` +
  '`quill-cli serve --dev --dev-key-file KEY --socket PATH`.';

/**
 * Files only the user can read: one 0600 file per pairing in a 0700 folder, default
 * $XDG_STATE_HOME/quill-signer/pairings (the Python client's too). One file per key, each
 * replaced atomically: processes pairing other apps at the same time never lose each other's
 * tokens (no shared file to read-modify-write).
 */
export class FileTokenStore {
  constructor(folder) {
    const state = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
    this.folder = folder ?? path.join(state, 'quill-signer', 'pairings');
  }
  fileFor(key) {
    return path.join(this.folder, `${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}.json`);
  }
  async load(key) {
    try {
      const d = JSON.parse(await fs.readFile(this.fileFor(key), 'utf8'));
      return d?.key === key ? { appId: d.appId, token: d.token } : null;
    } catch {
      return null;
    }
  }
  async save(key, value) {
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const file = this.fileFor(key);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(tmp, JSON.stringify({ key, appId: value.appId, token: value.token }), { mode: 0o600, flag: 'wx' });
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }
  async delete(key) { await fs.rm(this.fileFor(key), { force: true }); }
}

const run = (cmd, args, input) => new Promise((resolve) => {
  const child = execFile(cmd, args, { timeout: 10000 }, (err, stdout, stderr) =>
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }));
  if (input !== undefined) child.stdin.end(input);
});

/** The OS keychain (Secret Service) through libsecret's `secret-tool`: service=quill-signer, pairing=<key>. */
export class SecretToolTokenStore {
  constructor(executable = 'secret-tool') { this.executable = executable; }
  /** Whether a Secret Service answers (a lookup of a missing item exits 1 quietly). */
  async available() {
    const r = await run(this.executable, ['lookup', 'service', 'quill-signer', 'pairing', 'quill-signer-probe']);
    return r.code === 0 || (r.code === 1 && !r.stderr.trim());
  }
  async load(key) {
    const r = await run(this.executable, ['lookup', 'service', 'quill-signer', 'pairing', key]);
    if (r.code !== 0 || !r.stdout) return null;
    try { return JSON.parse(r.stdout); } catch { return null; }
  }
  async save(key, value) {
    const r = await run(this.executable, ['store', `--label=Quill pairing (${key})`, 'service', 'quill-signer', 'pairing', key],
      JSON.stringify(value));
    if (r.code !== 0) throw new Error(`secret-tool store failed: ${r.stderr.trim()}`);
  }
  async delete(key) { await run(this.executable, ['clear', 'service', 'quill-signer', 'pairing', key]); }
}

/** `secret-tool` when installed and a Secret Service answers, else 0600 files. */
export async function defaultTokenStore() {
  const st = new SecretToolTokenStore();
  try { if (await st.available()) return st; } catch { /* not installed */ }
  return new FileTokenStore();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The `quill` executable on PATH, or null. */
function findQuill() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'quill');
    try { accessSync(candidate, constants.X_OK); return candidate; } catch { /* not here */ }
  }
  return null;
}

/** autoStart: runs `quill --background` (detached: it outlives the app) and waits for its socket. */
async function startQuillAndOpen(endpoint, timeoutMs, firstCode) {
  const quill = findQuill();
  if (!quill) {
    throw new QuillNotRunning(`Quill is not running (nothing answers at ${endpoint}: ${firstCode}) and autoStart found no ` +
      '`quill` on PATH. Install Quill, or start it yourself.');
  }
  const child = spawn(quill, ['--background'], { detached: true, stdio: 'ignore' });
  child.unref();
  const deadline = Date.now() + timeoutMs;
  let last = firstCode;
  while (Date.now() < deadline) {
    await sleep(100);
    try {
      return await openUnixSocket(endpoint);
    } catch (e) {
      if (e.code !== 'ENOENT' && e.code !== 'ECONNREFUSED') throw e;
      last = e.code;
    }
  }
  throw new QuillNotRunning(`autoStart ran ${quill} --background, but nothing answered at ${endpoint} within ` +
    `${timeoutMs} ms (${last}). ${START_HINT(endpoint)}`);
}

export class QuillClient extends QuillClientBase {
  /**
   * Connects and pairs (first use: the user approves; the token is kept) or presents the kept token.
   * Unix socket (socketPath, default Quill's) unless wsUrl is given (then Origin = origin).
   */
  static async connect({ appName, description, url, socketPath, wsUrl, origin, tokenStore, autoStart = false,
                         autoStartTimeoutMs = 15000 } = {}) {
    if (!appName || typeof appName !== 'string') throw new TypeError('appName: a non-empty string (shown to the user as a claim)');
    let conn;
    let endpoint;
    if (wsUrl) {
      endpoint = origin ? `${wsUrl}@${origin}` : wsUrl;
      try {
        conn = await openWebSocket(wsUrl, origin);
      } catch (e) {
        const sock = socketPath ?? defaultSocketPath();
        if (existsSync(sock)) {
          throw new QuillDisabled(`Quill is running but its WebSocket for apps is off or elsewhere (${wsUrl}: ${e.code ?? e.message}). ` +
            'Enable it in Quill (quill --websocket-port 7475), or connect over the socket (omit wsUrl).');
        }
        throw new QuillNotRunning(`Quill is not running (nothing answers at ${wsUrl}: ${e.code ?? e.message}). ${START_HINT(wsUrl)}`);
      }
    } else {
      endpoint = socketPath ?? defaultSocketPath();
      try {
        conn = await openUnixSocket(endpoint);
      } catch (e) {
        if (e.code !== 'ENOENT' && e.code !== 'ECONNREFUSED') throw e;
        if (!autoStart) {
          throw new QuillNotRunning(`Quill is not running (nothing answers at ${endpoint}: ${e.code}). ${START_HINT(endpoint)}`);
        }
        conn = await startQuillAndOpen(endpoint, autoStartTimeoutMs, e.code);
      }
    }
    const client = new QuillClient(conn, { appName, description, url, tokenStore: tokenStore ?? await defaultTokenStore(), endpoint });
    try {
      await client.pair();
    } catch (e) {
      client.close();
      throw e;
    }
    return client;
  }
}

