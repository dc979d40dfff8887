// quill-signer: the transport-independent part — errors, JSON-RPC over one connection,
// pairing with a kept token, re-pairing after 4100, back-off on 4303 (Quill's
// core/api/README.md). Node and browser entry points add transports and token stores.

export class QuillError extends Error {
  /** @param {string} message @param {number|undefined} code @param {number|undefined} quillError */
  constructor(message, code, quillError) {
    super(message);
    this.name = new.target.name;
    if (code !== undefined) this.code = code;
    this.quillError = quillError;
  }
}
/** Nothing answers where Quill should be; the message says how to start it. */
export class QuillNotRunning extends QuillError {}
/** Quill runs but its WebSocket for apps is off (or a browser cannot reach it). */
export class QuillDisabled extends QuillNotRunning {}
/** Quill closed the connection. */
export class QuillDisconnected extends QuillError {}
/** 4001: the user rejected (pairing, accounts, the request). */
export class QuillRejected extends QuillError { code = 4001; }
/** 4100: not paired; raised only after one automatic re-pairing. */
export class QuillUnauthorized extends QuillError { code = 4100; }
/** 4200: this Quill does not offer the method. */
export class QuillUnsupported extends QuillError { code = 4200; }
/** 4300: the request expired before the user decided. */
export class QuillExpired extends QuillError { code = 4300; }
/** 4301: cancelled (the app logged out on another connection). */
export class QuillCancelled extends QuillError { code = 4301; }
/** 4302: message too large; Quill closed the connection. */
export class QuillTooLarge extends QuillError { code = 4302; }
/** 4303: rate limited; raised only after retries with back-off. */
export class QuillRateLimited extends QuillError { code = 4303; }
/** 4304: too many pending requests, prompts or connections. */
export class QuillBusy extends QuillError { code = 4304; }
/** -32602 (and -32600/-32700): invalid request; `field` names the member Quill reported. */
export class QuillInvalidRequest extends QuillError {
  constructor(message, code, quillError) {
    super(message, code, quillError);
    // "invalid params: request.nodeUrls[0]: needs an explicit port" → request.nodeUrls[0]
    const text = message.startsWith('invalid params: ') ? message.slice('invalid params: '.length) : message;
    const i = text.indexOf(': ');
    const head = i > 0 ? text.slice(0, i) : '';
    this.field = head && !head.includes(' ') ? head : undefined;
  }
}
/** -32603: Quill failed (keychain, storage). */
export class QuillInternalError extends QuillError { code = -32603; }

const BY_CODE = new Map([
  [4001, QuillRejected], [4100, QuillUnauthorized], [4200, QuillUnsupported], [4300, QuillExpired],
  [4301, QuillCancelled], [4302, QuillTooLarge], [4303, QuillRateLimited], [4304, QuillBusy],
  [-32700, QuillInvalidRequest], [-32600, QuillInvalidRequest], [-32602, QuillInvalidRequest],
  [-32603, QuillInternalError],
]);

/** The typed error for a JSON-RPC `error` member. */
export function errorFromRpc(error) {
  const Cls = BY_CODE.get(error?.code) ?? QuillError;
  return new Cls(String(error?.message ?? 'error'), error?.code, error?.data?.quillError);
}

/** Keeps pairings for this page/process only. */
export class MemoryTokenStore {
  #items = new Map();
  async load(key) { return this.#items.get(key) ?? null; }
  async save(key, value) { this.#items.set(key, { ...value }); }
  async delete(key) { this.#items.delete(key); }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One paired connection. Transports implement {send(text), close(), onmessage(text),
 * onclose(error)}; `endpoint` names the server for the token key.
 */
export class QuillClientBase {
  static rateLimitAttempts = 6;
  static rateLimitFirstDelayMs = 100;

  #conn;
  #pending = new Map();
  #listeners = new Map(); // event name → Set of listeners
  #nextId = 1;
  #closedError = null;
  #hello = null; // the running pairing, shared by concurrent re-pairs

  constructor(conn, { appName, description, url, tokenStore, endpoint }) {
    this.#conn = conn;
    this.appName = appName;
    this.description = description;
    this.url = url;
    this.tokenStore = tokenStore;
    this.endpoint = endpoint;
    this.appId = undefined;
    this.name = undefined; // the name the user approved
    this.newlyPaired = false;
    this.rateLimitRetries = 0; // calls repeated after 4303 (for logs and tests)
    conn.onmessage = (text) => this.#onMessage(text);
    conn.onclose = (err) => this.#onClose(err);
  }

  get tokenKey() { return `${this.endpoint}#${this.appName}`; }

  /**
   * Listens to `pending` ({id, method}: a request now waits for the user — say so in a headless
   * app), `resolved` ({id, method, outcome}: approved, rejected, expired or failed, just before
   * its answer) and `disconnected` (the error that closed the connection).
   */
  on(event, listener) {
    if (!['pending', 'resolved', 'disconnected'].includes(event)) throw new TypeError(`event: pending, resolved or disconnected, not ${event}`);
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(listener);
    return this;
  }

  off(event, listener) {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  #emit(event, value) {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try { listener(value); } catch { /* a listener's error is its own */ }
    }
  }

  #onMessage(text) {
    let msg;
    try { msg = JSON.parse(text); } catch { return; }
    if (msg && msg.id === undefined && typeof msg.method === 'string') {
      // A notification about one of our own requests.
      const id = msg.params?.id;
      const method = this.#pending.get(id)?.method;
      if (msg.method === 'quill_pending') this.#emit('pending', { id, method });
      else if (msg.method === 'quill_resolved') this.#emit('resolved', { id, method, outcome: msg.params?.outcome });
      return;
    }
    const call = this.#pending.get(msg?.id);
    if (!call) return;
    this.#pending.delete(msg.id);
    if (msg.error) call.reject(errorFromRpc(msg.error));
    else call.resolve(msg.result);
  }

  #onClose(err) {
    if (this.#closedError) return;
    this.#closedError = err ?? new QuillDisconnected('Quill closed the connection');
    for (const call of this.#pending.values()) call.reject(this.#closedError);
    this.#pending.clear();
    this.#emit('disconnected', this.#closedError);
  }

  #send(method, paramsJson) {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#conn.send(`{"jsonrpc":"2.0","id":${id},"method":${JSON.stringify(method)},"params":${paramsJson}}`);
    });
  }

  /** One call, retried with exponential back-off (and jitter) while Quill answers 4303. */
  async #callRaw(method, paramsJson = '{}') {
    let delay = QuillClientBase.rateLimitFirstDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#send(method, paramsJson);
      } catch (e) {
        if (!(e instanceof QuillRateLimited) || attempt >= QuillClientBase.rateLimitAttempts) throw e;
        this.rateLimitRetries++;
        await sleep(delay * (1 + Math.random() / 2));
        delay *= 2;
      }
    }
  }

  /** Pairs, or presents the kept token; a token Quill no longer knows is dropped and the app pairs again. */
  async pair({ forgetSaved = false } = {}) {
    if (!this.#hello) {
      this.#hello = this.#doPair(forgetSaved).finally(() => { this.#hello = null; });
    }
    return this.#hello;
  }

  async #doPair(forgetSaved) {
    const params = { name: this.appName };
    if (this.description) params.description = this.description;
    if (this.url) params.url = this.url;
    const saved = forgetSaved ? null : await this.tokenStore.load(this.tokenKey);
    if (saved?.appId && saved?.token) {
      try {
        const r = await this.#callRaw('quill_hello', JSON.stringify({ ...params, appId: saved.appId, token: saved.token }));
        Object.assign(this, { appId: r.appId, name: r.name, newlyPaired: false });
        return;
      } catch (e) {
        if (!(e instanceof QuillUnauthorized)) throw e;
      }
    }
    await this.tokenStore.delete(this.tokenKey);
    const r = await this.#callRaw('quill_hello', JSON.stringify(params));
    Object.assign(this, { appId: r.appId, name: r.name, newlyPaired: true });
    await this.tokenStore.save(this.tokenKey, { appId: r.appId, token: r.token });
  }

  /** A paired call; after 4100 (the user unpaired the app meanwhile) pairs again once and repeats. */
  async #call(method, paramsJson = '{}') {
    try {
      return await this.#callRaw(method, paramsJson);
    } catch (e) {
      if (!(e instanceof QuillUnauthorized)) throw e;
      await this.pair({ forgetSaved: true });
      return this.#callRaw(method, paramsJson);
    }
  }

  static #requestJson(request) {
    // A string is embedded verbatim (its key order, e.g. of capabilityAuthSigs, is signed).
    if (typeof request === 'string') {
      JSON.parse(request);
      return request.trim();
    }
    if (request && typeof request === 'object') return JSON.stringify(request);
    throw new TypeError('request: an object or a JSON text (Quill\'s REQ document)');
  }

  /** What this Quill is (quill_info); QuillUnsupported on a Quill that predates it. */
  async info() {
    try {
      return await this.#call('quill_info');
    } catch (e) {
      if (e instanceof QuillUnsupported) {
        throw new QuillUnsupported('this Quill does not offer quill_info (it predates it); the other methods work', e.code, e.quillError);
      }
      throw e;
    }
  }

  /** The addresses the user chose to reveal to this app. */
  accounts() { return this.#call('quill_accounts'); }

  /** SessionSigs {nodeUrl: {sig, derivedVia, signedMessage, address, algo}}; Quill keeps the session key. */
  requestSessionSigs(request, { profile = 'lit-v7' } = {}) {
    if (profile !== 'lit-v7' && profile !== 'lit-v8') throw new TypeError('profile: lit-v7 or lit-v8');
    return this.#call('quill_requestSessionSigs',
      `{"request":${QuillClientBase.#requestJson(request)},"profile":${JSON.stringify(profile)}}`);
  }

  /** The wallet AuthSig {sig, derivedVia, signedMessage, address} for the app's own session key (64 hex). */
  requestAuthSig(request, sessionPublicKey, { profile } = {}) {
    const extra = profile ? `,"profile":${JSON.stringify(profile)}` : '';
    return this.#call('quill_requestAuthSig',
      `{"request":${QuillClientBase.#requestJson(request)},"sessionPublicKey":${JSON.stringify(sessionPublicKey)}${extra}}`);
  }

  /**
   * Signs a Lit session SIWE message that the app's own Lit SDK built (any SDK version), byte
   * for byte, after the user's review: {signature, authSig}. Quill refuses anything that is not
   * exactly one Lit session message (QuillInvalidRequest naming the part).
   */
  signSiweMessage(message) {
    if (typeof message !== 'string') throw new TypeError('message: the SIWE text');
    return this.#call('quill_signSiweMessage', JSON.stringify({ message }));
  }

  /**
   * Lit Chipotle ChainSecured authorization (EIP-712): the request body {typed_data, signature}
   * for `purpose` ('create-wallet', 'convert-account', 'add-usage-api-key', 'billing-auth'),
   * signed by the account the user picks when they approve. Give the server's `chainId`, or
   * `chipotleUrl` (e.g. 'https://api.litprotocol.com') to read it from GET
   * /core/v1/get_node_chain_config. Valid for 5 minutes and replayable in that time.
   */
  async signLitChainSecured(purpose, { chainId, chipotleUrl, fetch: fetchFn } = {}) {
    if (chainId === undefined && chipotleUrl !== undefined) chainId = await chipotleChainId(chipotleUrl, { fetch: fetchFn });
    if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new TypeError('chainId: a positive integer (or give chipotleUrl)');
    return this.#call('quill_signLitChainSecured', `{"purpose":${JSON.stringify(purpose)},"chainId":${chainId}}`);
  }

  /** Signs ChainSecured typed data the app built (object or JSON string); Quill refuses any other shape (-32602). */
  signTypedData(typedData) {
    return this.#call('quill_signTypedData', `{"typedData":${JSON.stringify(typedData)}}`);
  }

  /** Logs the app out: Quill unpairs it; the kept token is deleted. */
  async revoke() {
    await this.#callRaw('quill_revoke');
    await this.tokenStore.delete(this.tokenKey);
  }

  close() {
    this.#conn.close();
    if (!this.#closedError) this.#onClose(new QuillDisconnected('closed'));
  }
}

/**
 * The chain id a Lit Chipotle server checks ChainSecured signatures against:
 * GET <base>/core/v1/get_node_chain_config → chain_id. `baseUrl` may end in /core/v1.
 */
export async function chipotleChainId(baseUrl, { fetch: fetchFn = globalThis.fetch } = {}) {
  const base = String(baseUrl).replace(/\/+$/, '');
  const url = /\/core\/v1$/.test(base) ? `${base}/get_node_chain_config` : `${base}/core/v1/get_node_chain_config`;
  const res = await fetchFn(url);
  if (!res.ok) throw new QuillError(`${url}: HTTP ${res.status}`);
  const chainId = (await res.json())?.chain_id;
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new QuillError(`${url}: no chain_id in the answer`);
  return chainId;
}

/** The X-Wallet-Auth header value for a BillingAuth body: base64 of its JSON. */
export function walletAuthHeader(body) {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}
