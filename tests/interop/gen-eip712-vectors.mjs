// EIP-712 vectors from the npm packages for Quill's generic encoder (core/eth/Eip712, issue #15).
//
//   node gen-eip712-vectors.mjs OUT.json   write the vectors (tests/data/eip712/vectors.json)
//   node gen-eip712-vectors.mjs --check F  recompute and require F to be exactly that (CTest)
//
// Each case is an eth_signTypedData_v4 document. ethers 6 TypedDataEncoder gives the domain
// separator, the struct hash and the digest; viem hashTypedData must give the same digest (and
// hashDomain / hashStruct the same parts), or the generator fails.

import { readFileSync, writeFileSync } from 'node:fs';
import { TypedDataEncoder } from 'ethers6';
import { hashDomain, hashStruct, hashTypedData } from 'viem';

const person = [
  { name: 'name', type: 'string' },
  { name: 'wallet', type: 'address' },
];
const domainType = (...names) => {
  const all = {
    name: { name: 'name', type: 'string' },
    version: { name: 'version', type: 'string' },
    chainId: { name: 'chainId', type: 'uint256' },
    verifyingContract: { name: 'verifyingContract', type: 'address' },
    salt: { name: 'salt', type: 'bytes32' },
  };
  return names.map((n) => all[n]);
};

const CASES = [
  {
    name: 'eip712-mail',
    source: 'EIP-712 example (assets/eip-712/Example.js)',
    typedData: {
      types: {
        EIP712Domain: domainType('name', 'version', 'chainId', 'verifyingContract'),
        Person: person,
        Mail: [
          { name: 'from', type: 'Person' },
          { name: 'to', type: 'Person' },
          { name: 'contents', type: 'string' },
        ],
      },
      primaryType: 'Mail',
      domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
      message: {
        from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
        to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
        contents: 'Hello, Bob!',
      },
    },
  },
  {
    name: 'mail-with-arrays',
    source: 'Mail with Person[] and address[] members, types declared out of order',
    typedData: {
      types: {
        Mail: [
          { name: 'from', type: 'Person' },
          { name: 'to', type: 'Person[]' },
          { name: 'contents', type: 'string' },
          { name: 'attachments', type: 'Attachment[2]' },
        ],
        Person: [
          { name: 'name', type: 'string' },
          { name: 'wallets', type: 'address[]' },
        ],
        EIP712Domain: domainType('name', 'version', 'chainId', 'verifyingContract', 'salt'),
        Attachment: [
          { name: 'digest', type: 'bytes32' },
          { name: 'size', type: 'uint64' },
        ],
      },
      primaryType: 'Mail',
      domain: {
        name: 'Ether Mail', version: '2', chainId: '0x2105',
        verifyingContract: '0xcccccccccccccccccccccccccccccccccccccccc',
        salt: '0x000000000000000000000000000000000000000000000000000000000000abcd',
      },
      message: {
        from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', '0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF'] },
        to: [
          { name: 'Bob', wallets: ['0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB'] },
          { name: 'Nobody', wallets: [] },
        ],
        contents: 'Hello, Bob! ✓ héllo',
        attachments: [
          { digest: '0x' + '11'.repeat(32), size: 1024 },
          { digest: '0x' + 'ff'.repeat(32), size: '18446744073709551615' },
        ],
      },
    },
  },
  {
    name: 'atomic-types',
    source: 'every atomic kind, edge values',
    typedData: {
      types: {
        EIP712Domain: domainType('chainId'),
        Atoms: [
          { name: 'u8', type: 'uint8' },
          { name: 'u256max', type: 'uint256' },
          { name: 'i8min', type: 'int8' },
          { name: 'i256neg', type: 'int256' },
          { name: 'i32hex', type: 'int32' },
          { name: 'flag', type: 'bool' },
          { name: 'off', type: 'bool' },
          { name: 'b1', type: 'bytes1' },
          { name: 'b32', type: 'bytes32' },
          { name: 'dyn', type: 'bytes' },
          { name: 'empty', type: 'bytes' },
          { name: 'text', type: 'string' },
          { name: 'who', type: 'address' },
          { name: 'grid', type: 'uint16[3]' },
          { name: 'nested', type: 'uint8[2][]' },
          { name: 'words', type: 'string[]' },
        ],
      },
      primaryType: 'Atoms',
      domain: { chainId: 84532 },
      message: {
        u8: 255,
        u256max: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
        i8min: -128,
        i256neg: '-57896044618658097711785492504343953926634992332820282019728792003956564819968',
        i32hex: '0x7fffffff',
        flag: true,
        off: false,
        b1: '0xab',
        b32: '0x' + '0123456789abcdef'.repeat(4),
        dyn: '0xdeadbeef00',
        empty: '0x',
        text: '',
        who: '0x63fac9201494f0bd17b9892b9fae4d52fe3bd377',
        grid: [1, 2, 65535],
        nested: [[1, 2], [3, 4], [0, 255]],
        words: ['cow', 'Lit ChainSecured', ''],
      },
    },
  },
  {
    name: 'chainsecured-create-wallet-84532',
    source: 'lit-chipotle-chainsecured.md vector (typed data as Chipotle builds it)',
    typedData: {
      types: {
        EIP712Domain: domainType('name', 'version', 'chainId'),
        CreateWallet: [
          { name: 'address', type: 'address' },
          { name: 'issuedAt', type: 'uint256' },
        ],
      },
      primaryType: 'CreateWallet',
      domain: { name: 'Lit ChainSecured', version: '1', chainId: '84532' },
      message: { address: '0x63fac9201494f0bd17b9892b9fae4d52fe3bd377', issuedAt: '1780000000' },
    },
  },
];

// viem wants bigint/number for integer types: convert by walking the declared types.
function forViem(types, type, value) {
  const arr = type.match(/^(.*)\[(\d*)\]$/);
  if (arr) return value.map((v) => forViem(types, arr[1], v));
  if (types[type]) return Object.fromEntries(types[type].map((f) => [f.name, forViem(types, f.type, value[f.name])]));
  if (/^u?int\d+$/.test(type)) return BigInt(value);
  return value;
}

function compute(c) {
  const { types, primaryType, domain, message } = c.typedData;
  const noDomain = { ...types };
  delete noDomain.EIP712Domain;
  const ethers = {
    domainSeparator: TypedDataEncoder.hashDomain(domain),
    structHash: TypedDataEncoder.from(noDomain).hashStruct(primaryType, message),
    digest: TypedDataEncoder.hash(domain, noDomain, message),
    encodeType: TypedDataEncoder.from(noDomain).encodeType(primaryType),
  };
  const viemDomain = forViem(types, 'EIP712Domain', domain);
  const viemMessage = forViem(types, primaryType, message);
  const viem = {
    domainSeparator: hashDomain({ domain: viemDomain, types }),
    structHash: hashStruct({ data: viemMessage, primaryType, types }),
    digest: hashTypedData({ domain: viemDomain, types, primaryType, message: viemMessage }),
  };
  for (const k of ['domainSeparator', 'structHash', 'digest'])
    if (ethers[k] !== viem[k]) throw new Error(`${c.name}: ethers and viem disagree on ${k}: ${ethers[k]} vs ${viem[k]}`);
  return { name: c.name, source: `${c.source}; hashes: ethers 6 TypedDataEncoder = viem hashTypedData`, typedData: c.typedData, ...ethers };
}

const vectors = `${JSON.stringify(CASES.map(compute), null, 1)}\n`;
const [mode, file] = process.argv.slice(2);
if (mode === '--check' && file) {
  const have = readFileSync(file, 'utf8');
  if (have !== vectors) {
    console.error(`${file} differs from what ethers 6 and viem compute now; regenerate with: node gen-eip712-vectors.mjs ${file}`);
    process.exit(1);
  }
  console.log(`${CASES.length} EIP-712 vectors: ethers 6 == viem == ${file}`);
} else if (mode && !mode.startsWith('-')) {
  writeFileSync(mode, vectors);
  console.log(`wrote ${CASES.length} vectors to ${mode}`);
} else {
  console.error('usage: node gen-eip712-vectors.mjs OUT.json | --check FILE');
  process.exit(2);
}
