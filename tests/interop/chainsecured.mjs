// Interop test for Lit Chipotle ChainSecured authorizations (issue #15).
//
//   node chainsecured.mjs QUILL_CLI_PATH
//
// For every purpose and chain ids 8453, 84532 and 175188, with one public test key and one
// frozen time:
//   ethers 6 Wallet.signTypedData == viem signTypedData == quill-cli chainsecured sign
//     (signature strings compared byte for byte; Quill's typed_data equal to the shape of the
//     spec / Chipotle's build_canonical_typed_data_json, and recoverable by ethers and viem);
//   quill-cli chainsecured verify accepts the ethers-made body (and the X-Wallet-Auth value)
//     and refuses, with the expected error code, each mutation Chipotle's server refuses.
// Prints PASS/FAIL lines and "N passed, N failed"; exits 1 on any failure, 2 on bad usage.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TypedDataEncoder, Wallet, verifyTypedData as ethersVerify } from 'ethers6';
import { hashTypedData, verifyTypedData as viemVerify } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

const quill = process.argv[2];
if (!quill) {
  console.error('usage: node chainsecured.mjs QUILL_CLI_PATH');
  process.exit(2);
}

// PUBLIC TEST KEYS ONLY. The first is the vector of ../../shared/spec (and tests/unit/lit);
// the second is Hardhat/Anvil's well-known account #0, used as "another wallet".
const KEY = '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';
const OTHER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ISSUED_AT = 1780000000;
const iso = (seconds) => new Date(seconds * 1000).toISOString();

const PURPOSES = {
  'create-wallet': 'CreateWallet',
  'convert-account': 'ConvertAccount',
  'add-usage-api-key': 'AddUsageApiKey',
  'billing-auth': 'BillingAuth',
};
const CHAINS = [8453, 84532, 175188];
const DOMAIN_FIELDS = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
];
const MESSAGE_FIELDS = [
  { name: 'address', type: 'address' },
  { name: 'issuedAt', type: 'uint256' },
];
// Quill's error codes (core/common/Result.h) that say why verify refused.
const CODE = { schema: 92, domain: 93, time: 94, signer: 95 };

const wallet = new Wallet(KEY);
const other = new Wallet(OTHER_KEY);
const viemAccount = privateKeyToAccount(KEY);

const work = mkdtempSync(join(tmpdir(), 'quill-chainsecured-'));
writeFileSync(join(work, 'key.hex'), `${KEY}\n`);
let passed = 0;
let failed = 0;
const failures = [];
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    failures.push(name);
    console.log(`FAIL ${name}${detail ? `\n       ${String(detail).split('\n').join('\n       ')}` : ''}`);
  }
}

function runQuill(args) {
  const r = spawnSync(quill, args, { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

let fileCounter = 0;
function verifyFile(content, chainId, now, extra = []) {
  const file = join(work, `body-${fileCounter++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const r = runQuill(['chainsecured', 'verify', file, '--chain-id', String(chainId), '--now', iso(now), ...extra]);
  let report = null;
  try {
    report = JSON.parse(r.out);
  } catch {
    // left null; the check reports the raw output
  }
  return { ...r, report };
}

// The typed data as the spec and Chipotle's own builder write it (string chainId/issuedAt).
function canonical(primaryType, address, chainId, issuedAt) {
  return {
    types: { EIP712Domain: DOMAIN_FIELDS, [primaryType]: MESSAGE_FIELDS },
    primaryType,
    domain: { name: 'Lit ChainSecured', version: '1', chainId: String(chainId) },
    message: { address, issuedAt: String(issuedAt) },
  };
}

// ethers 6 takes the types without EIP712Domain (it derives the domain type itself).
async function ethersSign(signer, typed) {
  const types = { ...typed.types };
  delete types.EIP712Domain;
  return signer.signTypedData(typed.domain, types, typed.message);
}

const clone = (x) => JSON.parse(JSON.stringify(x));

for (const [cliName, primaryType] of Object.entries(PURPOSES)) {
  for (const chainId of CHAINS) {
    const tag = `${cliName} chain ${chainId}`;
    const typed = canonical(primaryType, wallet.address, chainId, ISSUED_AT);

    // --- three signers, one signature ---------------------------------------------------------
    const ethersSig = await ethersSign(wallet, typed);
    const viemSig = await viemAccount.signTypedData({
      domain: { name: 'Lit ChainSecured', version: '1', chainId: BigInt(chainId) },
      types: { EIP712Domain: DOMAIN_FIELDS, [primaryType]: MESSAGE_FIELDS },
      primaryType,
      message: { address: viemAccount.address, issuedAt: BigInt(ISSUED_AT) },
    });
    check(`${tag}: ethers 6 == viem`, ethersSig === viemSig, `${ethersSig}\n${viemSig}`);

    const s = runQuill(['chainsecured', 'sign', '--purpose', cliName, '--chain-id', String(chainId),
      '--key-file', join(work, 'key.hex'), '--now', iso(ISSUED_AT)]);
    let body = null;
    try {
      body = JSON.parse(s.out);
    } catch {
      // reported below
    }
    check(`${tag}: quill-cli sign exits 0 with a JSON body`, s.code === 0 && body !== null, `${s.code} ${s.err}${s.out}`);
    if (!body) continue;
    check(`${tag}: quill-cli signature == ethers 6 == viem`, body.signature === ethersSig && body.signature === viemSig,
      `quill  ${body.signature}\nethers ${ethersSig}`);
    check(`${tag}: quill typed_data == the spec's shape`,
      JSON.stringify(body.typed_data) === JSON.stringify(typed) && Object.keys(body).join() === 'typed_data,signature',
      `${JSON.stringify(body.typed_data)}\n${JSON.stringify(typed)}`);
    // The digest, and that both libraries recover the wallet from Quill's own output.
    const ethersDigest = TypedDataEncoder.hash(body.typed_data.domain,
      { [primaryType]: body.typed_data.types[primaryType] }, body.typed_data.message);
    const viemDigest = hashTypedData({ ...body.typed_data,
      domain: { ...body.typed_data.domain, chainId: BigInt(body.typed_data.domain.chainId) },
      message: { ...body.typed_data.message, issuedAt: BigInt(body.typed_data.message.issuedAt) } });
    check(`${tag}: ethers and viem digests agree`, ethersDigest === viemDigest, `${ethersDigest}\n${viemDigest}`);
    const recoveredEthers = ethersVerify(body.typed_data.domain, { [primaryType]: body.typed_data.types[primaryType] },
      body.typed_data.message, body.signature);
    const viemOk = await viemVerify({ address: wallet.address, ...body.typed_data,
      domain: { ...body.typed_data.domain, chainId: BigInt(chainId) },
      message: { ...body.typed_data.message, issuedAt: BigInt(ISSUED_AT) }, signature: body.signature });
    check(`${tag}: ethers and viem recover the wallet from quill's body`,
      recoveredEthers === wallet.address && viemOk === true, `${recoveredEthers} ${viemOk}`);

    // --- verify accepts what ethers made --------------------------------------------------------
    const good = { typed_data: typed, signature: ethersSig };
    const accept = (name, content, now = ISSUED_AT, extra = []) => {
      const r = verifyFile(content, chainId, now, extra);
      check(`${tag}: verify accepts ${name} (exit 0)`, r.code === 0 && r.report?.ok === true &&
        r.report.address === wallet.address && r.report.purpose === primaryType, `${r.code} ${r.out}${r.err}`);
    };
    accept('the ethers body', good, ISSUED_AT, ['--purpose', cliName]);
    accept('typed_data as a JSON string', { typed_data: JSON.stringify(typed), signature: ethersSig });
    accept('the X-Wallet-Auth form', Buffer.from(JSON.stringify(good)).toString('base64'));
    accept('issuedAt 300 s ago', good, ISSUED_AT + 300);
    accept('issuedAt 300 s ahead', good, ISSUED_AT - 300);

    // --- verify refuses what the server refuses -------------------------------------------------
    const refuse = async (name, code, mutate, { resign = false, now = ISSUED_AT, chain = chainId, extra = [] } = {}) => {
      const t = clone(typed);
      mutate(t);
      let sig = ethersSig;
      if (resign) sig = await ethersSign(wallet, t); // a genuine signature over the mutated data
      const r = verifyFile({ typed_data: t, signature: sig }, chain, now, extra);
      check(`${tag}: verify refuses ${name} (exit 1, code ${code})`, r.code === 1 && r.report?.ok === false &&
        r.report.code === code, `${r.code} ${r.out}${r.err}`);
    };
    await refuse('a wrong domain name (re-signed)', CODE.domain, (t) => { t.domain.name = 'Lit ChainSecured v2'; }, { resign: true });
    await refuse('a wrong domain version (re-signed)', CODE.domain, (t) => { t.domain.version = '2'; }, { resign: true });
    await refuse('an extra domain key verifyingContract (re-signed)', CODE.domain, (t) => {
      t.domain.verifyingContract = '0x1111111111111111111111111111111111111111';
      t.types.EIP712Domain = [...DOMAIN_FIELDS, { name: 'verifyingContract', type: 'address' }];
    }, { resign: true });
    await refuse('an extra domain key salt', CODE.domain, (t) => { t.domain.salt = `0x${'00'.repeat(32)}`; });
    await refuse('an unknown domain key', CODE.schema, (t) => { t.domain.displayName = 'Approve'; });
    await refuse('reordered fields (re-signed)', CODE.schema, (t) => { t.types[primaryType] = [...MESSAGE_FIELDS].reverse(); },
      { resign: true });
    await refuse('reordered domain fields', CODE.schema, (t) => { t.types.EIP712Domain = [...DOMAIN_FIELDS].reverse(); });
    await refuse('an extra type', CODE.schema, (t) => { t.types.TotallyLegit = [{ name: 'spookyField', type: 'string' }]; });
    await refuse('an extra key in a field', CODE.schema, (t) => { t.types[primaryType][0].label = 'Approve $500'; });
    await refuse('an extra message key', CODE.schema, (t) => { t.message.intent = 'Subscribe to weekly briefing'; });
    await refuse('an extra top-level key', CODE.schema, (t) => { t.displayMessage = 'Sign in'; });
    const otherPurpose = Object.values(PURPOSES).find((p) => p !== primaryType);
    await refuse(`the wrong primary type ${otherPurpose} for this endpoint (re-signed)`, CODE.schema, (t) => {
      t.primaryType = otherPurpose;
      t.types = { EIP712Domain: DOMAIN_FIELDS, [otherPurpose]: MESSAGE_FIELDS };
    }, { resign: true, extra: ['--purpose', cliName] });
    await refuse('an unknown primary type', CODE.schema, (t) => {
      t.primaryType = 'Mail';
      t.types = { EIP712Domain: DOMAIN_FIELDS, Mail: MESSAGE_FIELDS };
    });
    await refuse('a primary type relabelled without re-signing', CODE.signer, (t) => {
      t.primaryType = otherPurpose;
      t.types = { EIP712Domain: DOMAIN_FIELDS, [otherPurpose]: MESSAGE_FIELDS };
    });
    await refuse('skew +301 s', CODE.time, () => {}, { now: ISSUED_AT + 301 });
    await refuse('skew -301 s', CODE.time, () => {}, { now: ISSUED_AT - 301 });
    await refuse('another chain', CODE.domain, () => {}, { chain: chainId === 8453 ? 84532 : 8453 });
    await refuse('a changed issuedAt', CODE.signer, (t) => { t.message.issuedAt = String(ISSUED_AT + 1); });
    {
      // Wrong signer: another wallet signs typed data that names the test wallet.
      const sig = await ethersSign(other, typed);
      const r = verifyFile({ typed_data: typed, signature: sig }, chainId, ISSUED_AT);
      check(`${tag}: verify refuses a wrong signer (exit 1, code ${CODE.signer})`,
        r.code === 1 && r.report?.code === CODE.signer && r.report.error.includes(other.address), `${r.code} ${r.out}`);
    }
  }
}

rmSync(work, { recursive: true, force: true });
if (failed) console.log(`\nFailed checks:\n  ${failures.join('\n  ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
