// Lit JS SDK glue: Quill as v7 getSessionSigs()'s authNeededCallback, and as the account of
// v8's createEoaAuthContext.

import { QuillInvalidRequest, QuillUnsupported } from './core.js';

/** EVM chain names of the Lit SDK (LIT_CHAINS) → EIP-155 chain ids, for the common ones. */
export const CHAIN_IDS = Object.freeze({
  ethereum: 1, sepolia: 11155111, goerli: 5, polygon: 137, mumbai: 80001, amoy: 80002,
  arbitrum: 42161, arbitrumSepolia: 421614, optimism: 10, base: 8453, baseSepolia: 84532,
  bsc: 56, avalanche: 43114, fantom: 250, xdai: 100, gnosis: 100, celo: 42220, zksync: 324,
  chronicleTestnet: 175177, yellowstone: 175188, lit: 175200,
});

/**
 * A drop-in `authNeededCallback` for the Lit SDK v7's `getSessionSigs()`: the SDK keeps its
 * session key and asks Quill (quill_requestAuthSig) for the wallet AuthSig over it.
 *
 * Mapping (the SDK's AuthCallbackParams → Quill's request):
 * - `uri` ("lit:session:<hex>") → sessionPublicKey (the prefix stripped);
 * - `chain` → chainId (CHAIN_IDS, or options.chainId);
 * - `nonce`, `expiration`, `resourceAbilityRequests` as they are;
 * - node URLs from `litNodeClient.connectedNodes` (each node gets its own session sig);
 * - `domain`: options.domain, else getSessionSigs()'s `domain` (often undefined), else the
 *   page's host, else "localhost";
 * - `statement`: only options.statement. The SDK's `params.statement` is not forwarded: in v7
 *   it is the session capability object's statement, i.e. the ReCap sentence itself, and Quill
 *   appends that sentence to the statement — it would appear twice. `params.resources` (the SDK's ReCap) is ignored: Quill builds the
 *   ReCap from resourceAbilityRequests and shows it to the user.
 */
export function quillAuthNeededCallback(quill, { litNodeClient, domain, statement, chainId } = {}) {
  if (!quill || typeof quill.requestAuthSig !== 'function') throw new TypeError('quill: a connected QuillClient');
  if (!litNodeClient) throw new TypeError('litNodeClient: the LitNodeClient getSessionSigs() runs on');
  return async (params) => {
    const uri = String(params?.uri ?? '');
    if (!uri.startsWith('lit:session:')) {
      throw new QuillInvalidRequest(`uri: expected lit:session:<session public key>, got ${uri}`, -32602);
    }
    const chain = params.chain ?? 'ethereum';
    const id = chainId ?? CHAIN_IDS[chain];
    if (!id) throw new QuillInvalidRequest(`chain: unknown chain '${chain}' (pass chainId to quillAuthNeededCallback)`, -32602);
    const nodeUrls = [...(litNodeClient.connectedNodes ?? [])];
    if (!nodeUrls.length) throw new QuillInvalidRequest('nodeUrls: the LitNodeClient has no connected nodes (await litNodeClient.connect())', -32602);
    const request = {
      domain: domain ?? params.domain ?? globalThis.location?.host ?? 'localhost',
      ...(statement ? { statement } : {}),
      chainId: id,
      nonce: params.nonce,
      ...(params.expiration ? { expiration: params.expiration } : {}),
      resourceAbilityRequests: (params.resourceAbilityRequests ?? []).map((r) => ({
        resource: { resource: r.resource.resource, resourcePrefix: r.resource.resourcePrefix },
        ability: r.ability,
      })),
      nodeUrls,
    };
    return quill.requestAuthSig(request, uri.slice('lit:session:'.length));
  };
}

/**
 * An account for the Lit SDK v8's `authManager.createEoaAuthContext({config: {account}})`: the
 * SDK builds its SIWE (createSiweMessageWithResources) and calls `account.signMessage({message})`;
 * Quill shows that exact message and signs it (quill_signSiweMessage). The address is the one
 * given, else the first account the user reveals to this app (quill_accounts).
 * Only Lit session messages can be signed this way; transactions and typed data are refused.
 */
export async function quillAccount(quill, { address } = {}) {
  if (!quill || typeof quill.signSiweMessage !== 'function') throw new TypeError('quill: a connected QuillClient');
  const chosen = address ?? (await quill.accounts())[0];
  if (!chosen) throw new QuillInvalidRequest('address: the user revealed no account to this app', -32602);
  const refuse = (what) => async () => {
    throw new QuillUnsupported(`${what}: Quill signs only Lit session messages for this account`, 4200);
  };
  return {
    address: chosen,
    type: 'local',
    source: 'quill',
    async signMessage({ message }) {
      const text = typeof message === 'string' ? message : null;
      if (text === null) throw new QuillInvalidRequest('message: Quill signs text messages only (not raw bytes)', -32602);
      const signed = await quill.signSiweMessage(text);
      return signed.signature;
    },
    signTransaction: refuse('signTransaction'),
    signTypedData: refuse('signTypedData'),
  };
}
