// Type declarations for quill-signer (Node and browser entry points share them).

/** Quill's request document (REQ.json in Quill's README). */
export interface QuillRequest {
  domain?: string;
  statement?: string;
  chainId?: number;
  nonce?: string;
  issuedAt?: string;
  expiration?: string;
  resourceAbilityRequests: Array<{ resource: { resource: string; resourcePrefix: string }; ability: string }>;
  nodeUrls: string[];
  capabilityAuthSigs?: AuthSig[];
  maxPrices?: Record<string, string>;
}

export interface AuthSig {
  sig: string;
  derivedVia: string;
  signedMessage: string;
  address: string;
  algo?: string;
}

/** {nodeUrl: {sig, derivedVia, signedMessage, address, algo}} */
export type SessionSigsMap = Record<string, AuthSig & { algo: string }>;

export type Profile = 'lit-v7' | 'lit-v8';

/** Where a pairing ({appId, token}) is kept between runs. */
export interface TokenStore {
  load(key: string): Promise<{ appId: string; token: string } | null>;
  save(key: string, value: { appId: string; token: string }): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ConnectOptions {
  /** Shown to the user as the app's claimed name (≤ 64 bytes). */
  appName: string;
  description?: string;
  url?: string;
  /** Node: Quill's Unix socket (default $XDG_RUNTIME_DIR/quill/quill.sock). */
  socketPath?: string;
  /** Quill's WebSocket, e.g. ws://127.0.0.1:7475 (browsers: default; Node: used when given). */
  wsUrl?: string;
  /** Node over the WebSocket: the Origin header to send (browsers send their own). */
  origin?: string;
  /** Default: Node `secret-tool` or a 0600 file; browser IndexedDB. */
  tokenStore?: TokenStore;
  /** Node, Unix socket: when nothing answers, run `quill --background` (from PATH) and wait for it. */
  autoStart?: boolean;
  /** How long autoStart waits for Quill's socket (default 15000 ms). */
  autoStartTimeoutMs?: number;
}

export class QuillClient {
  static connect(options: ConnectOptions): Promise<QuillClient>;
  readonly appName: string;
  /** This app's id at Quill. */
  readonly appId: string | undefined;
  /** The name the user approved. */
  readonly name: string | undefined;
  /** True if this connection paired (the user was asked). */
  readonly newlyPaired: boolean;
  /** Calls repeated after 4303 (rate limited), for logs and tests. */
  readonly rateLimitRetries: number;
  /** Pairs again (forgetSaved: without presenting the kept token). Called by connect(). */
  pair(options?: { forgetSaved?: boolean }): Promise<void>;
  /** quill_info; QuillUnsupported on a Quill that predates it. */
  info(): Promise<Record<string, unknown>>;
  accounts(): Promise<string[]>;
  requestSessionSigs(request: QuillRequest | string, options?: { profile?: Profile }): Promise<SessionSigsMap>;
  requestAuthSig(request: QuillRequest | string, sessionPublicKey: string, options?: { profile?: Profile }): Promise<AuthSig>;
  /** Signs a Lit session SIWE message the app's own SDK built, byte for byte (quill_signSiweMessage). */
  signSiweMessage(message: string): Promise<{ signature: string; authSig: AuthSig }>;
  /** pending: a request waits for the user; resolved: just before its answer; disconnected: the connection closed. */
  on(event: 'pending', listener: (e: { id: number; method?: string }) => void): this;
  on(event: 'resolved', listener: (e: { id: number; method?: string; outcome: 'approved' | 'rejected' | 'expired' | 'failed' }) => void): this;
  on(event: 'disconnected', listener: (error: QuillError) => void): this;
  off(event: 'pending' | 'resolved' | 'disconnected', listener: (...args: any[]) => void): this;
  /** Lit Chipotle ChainSecured authorization {typed_data, signature} (EIP-712); chainId, or chipotleUrl to fetch it. */
  signLitChainSecured(purpose: ChainSecuredPurpose,
    options: { chainId?: number; chipotleUrl?: string; fetch?: typeof fetch }): Promise<ChainSecuredBody>;
  /** Signs ChainSecured typed data the app built; any other shape is refused (-32602). */
  signTypedData(typedData: object | string): Promise<ChainSecuredBody>;
  revoke(): Promise<void>;
  close(): void;
}

export type ChainSecuredPurpose = 'create-wallet' | 'convert-account' | 'add-usage-api-key' | 'billing-auth';
export interface ChainSecuredBody {
  typed_data: {
    types: Record<string, { name: string; type: string }[]>;
    primaryType: 'CreateWallet' | 'ConvertAccount' | 'AddUsageApiKey' | 'BillingAuth';
    domain: { name: 'Lit ChainSecured'; version: '1'; chainId: string };
    message: { address: string; issuedAt: string };
  };
  signature: string;
}
/** GET <base>/core/v1/get_node_chain_config → chain_id. */
export function chipotleChainId(baseUrl: string, options?: { fetch?: typeof fetch }): Promise<number>;
/** The X-Wallet-Auth header value (base64 of the body's JSON) for BillingAuth. */
export function walletAuthHeader(body: ChainSecuredBody | string): string;

export class QuillError extends Error {
  /** JSON-RPC code (stable; see Quill's core/api/README.md). */
  code?: number;
  /** Quill's ErrorCode number, when sent. */
  quillError?: number;
}
export class QuillNotRunning extends QuillError {}
export class QuillDisabled extends QuillNotRunning {}
export class QuillDisconnected extends QuillError {}
export class QuillRejected extends QuillError { code: 4001; }
export class QuillUnauthorized extends QuillError { code: 4100; }
export class QuillUnsupported extends QuillError { code: 4200; }
export class QuillExpired extends QuillError { code: 4300; }
export class QuillCancelled extends QuillError { code: 4301; }
export class QuillTooLarge extends QuillError { code: 4302; }
export class QuillRateLimited extends QuillError { code: 4303; }
export class QuillBusy extends QuillError { code: 4304; }
export class QuillInvalidRequest extends QuillError {
  /** The member Quill named, e.g. "request.nodeUrls[0]". */
  field?: string;
}
export class QuillInternalError extends QuillError { code: -32603; }
export function errorFromRpc(error: { code: number; message: string; data?: { quillError?: number } }): QuillError;

export class MemoryTokenStore implements TokenStore {
  load(key: string): Promise<{ appId: string; token: string } | null>;
  save(key: string, value: { appId: string; token: string }): Promise<void>;
  delete(key: string): Promise<void>;
}
/** Node only. */
export class FileTokenStore extends MemoryTokenStore { constructor(folder?: string); readonly folder: string; fileFor(key: string): string; }
/** Node only. */
export class SecretToolTokenStore extends MemoryTokenStore { constructor(executable?: string); available(): Promise<boolean>; }
/** Node only. */
export function defaultTokenStore(): Promise<TokenStore>;
/** Node only. */
export function defaultSocketPath(): string;
/** Browser only. */
export class IndexedDbTokenStore extends MemoryTokenStore {}

export const CHAIN_IDS: Readonly<Record<string, number>>;

/** The Lit SDK v7 AuthCallbackParams fields Quill uses. */
export interface AuthCallbackParams {
  uri?: string;
  chain?: string;
  nonce: string;
  expiration?: string;
  resourceAbilityRequests?: Array<{ resource: { resource: string; resourcePrefix: string }; ability: string }>;
  [key: string]: unknown;
}

/**
 * A drop-in authNeededCallback for the Lit SDK v7 getSessionSigs(): asks Quill for the wallet
 * AuthSig over the SDK's session key.
 */
export function quillAuthNeededCallback(
  quill: QuillClient,
  options: { litNodeClient: { connectedNodes: Iterable<string> }; domain?: string; statement?: string; chainId?: number },
): (params: AuthCallbackParams) => Promise<AuthSig>;

/** What quillAccount returns: enough of a viem Account for the Lit SDK v8's createEoaAuthContext. */
export interface QuillAccount {
  readonly address: string;
  readonly type: 'local';
  readonly source: 'quill';
  signMessage(args: { message: string }): Promise<string>;
  signTransaction(...args: unknown[]): Promise<never>;
  signTypedData(...args: unknown[]): Promise<never>;
}

/**
 * An account for the Lit SDK v8 `authManager.createEoaAuthContext({config: {account}})`: the SDK's
 * SIWE is signed by Quill after review (quill_signSiweMessage). `address`: default, the first
 * account the user reveals to the app.
 */
export function quillAccount(quill: QuillClient, options?: { address?: string }): Promise<QuillAccount>;
