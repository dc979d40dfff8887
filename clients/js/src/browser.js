// quill-signer for browsers: Quill's loopback WebSocket (the browser sends the page's Origin,
// Quill's identity for it); the pairing token in IndexedDB, which is per origin.
import { QuillClientBase, QuillDisabled } from './core.js';

export * from './core.js';
export { quillAuthNeededCallback, quillAccount, CHAIN_IDS } from './lit.js';

/** The WebSocket port the README suggests enabling (quill --websocket-port 7475). */
export const DEFAULT_WS_URL = 'ws://127.0.0.1:7475';

/** Pairings in this origin's IndexedDB (database "quill-signer", store "pairings"). */
export class IndexedDbTokenStore {
  #db = null;
  #open() {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open('quill-signer', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('pairings');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.#db;
  }
  async #tx(mode, fn) {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const req = fn(db.transaction('pairings', mode).objectStore('pairings'));
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => reject(req.error);
    });
  }
  load(key) { return this.#tx('readonly', (s) => s.get(key)); }
  async save(key, value) { await this.#tx('readwrite', (s) => s.put({ ...value }, key)); }
  async delete(key) { await this.#tx('readwrite', (s) => s.delete(key)); }
}

function openBrowserWebSocket(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const conn = { onmessage: () => {}, onclose: () => {} };
    let opened = false;
    ws.onopen = () => {
      opened = true;
      conn.send = (text) => ws.send(text);
      conn.close = () => ws.close();
      resolve(conn);
    };
    ws.onmessage = (ev) => conn.onmessage(typeof ev.data === 'string' ? ev.data : '');
    ws.onerror = () => { if (!opened) reject(new Error('connection failed')); };
    ws.onclose = () => { if (opened) conn.onclose(); else reject(new Error('connection failed')); };
  });
}

export class QuillClient extends QuillClientBase {
  /** Connects to Quill's WebSocket (wsUrl, default DEFAULT_WS_URL) and pairs or presents the kept token. */
  static async connect({ appName, description, url, wsUrl = DEFAULT_WS_URL, tokenStore } = {}) {
    if (!appName || typeof appName !== 'string') throw new TypeError('appName: a non-empty string (shown to the user as a claim)');
    let conn;
    try {
      conn = await openBrowserWebSocket(wsUrl);
    } catch {
      // A page cannot tell "not running" from "WebSocket off": both are refused connections.
      throw new QuillDisabled(`Quill does not answer at ${wsUrl}: start Quill and enable its WebSocket for apps ` +
        '(quill --websocket-port 7475, or the setting in Quill).');
    }
    const client = new QuillClient(conn, { appName, description, url, tokenStore: tokenStore ?? new IndexedDbTokenStore(), endpoint: wsUrl });
    try {
      await client.pair();
    } catch (e) {
      client.close();
      throw e;
    }
    return client;
  }
}
