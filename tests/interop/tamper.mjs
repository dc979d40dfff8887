#!/usr/bin/env node
// Quill interop tests — builds tampered copies of an SDK-made SessionSigs map, which
// `quill-cli verify` must reject (exit 1).
//
//   node tamper.mjs MODE IN.json OUT.json [SEED_HEX_FILE]
//   node tamper.mjs --all CASES_DIR OUT_ROOT
//       for every case folder: writes OUT_ROOT/<case>/tampered-<MODE>.json for every MODE and
//       checks the JS harness itself (check-output's checks accept expected.json and reject
//       every tampered copy); prints one line per harness problem, exit 1 if any.
//
// MODE:
//   flip-sig                   flip one hex character of the first node's sig
//   node-address               change nodeAddress inside the first node's signedMessage
//                              (not re-signed)
//   capability-siwe            change the wallet AuthSig's SIWE text (its Nonce line) inside
//                              the first node's signedMessage (outer sig not re-signed)
//   capability-siwe-resigned   same change in every node's payload, and every payload re-signed
//                              with the session key (needs SEED_HEX_FILE), so that only the inner
//                              EIP-191 check can catch it
//
// The output keeps JSON.stringify form (same key order) so only the intended bytes change.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const nacl = require('tweetnacl');

const HEX = '0123456789abcdef';

function flipHexChar(s, i) {
  const c = s[i].toLowerCase();
  return s.slice(0, i) + HEX[(HEX.indexOf(c) + 1) % 16] + s.slice(i + 1);
}

function changeSiweNonce(siwe) {
  const m = /\nNonce: ([^\n]+)/.exec(siwe);
  if (!m) throw new Error('no Nonce line in the capability SIWE');
  const nonce = m[1];
  const last = nonce[nonce.length - 1];
  const repl = last === '0' ? '1' : '0';
  const changed = nonce.slice(0, -1) + repl;
  return siwe.slice(0, m.index) + `\nNonce: ${changed}` + siwe.slice(m.index + m[0].length);
}

function tamperWalletSiwe(env) {
  const p = JSON.parse(env.signedMessage);
  const caps = p.capabilities;
  if (!Array.isArray(caps) || !caps.length) throw new Error('payload has no capabilities');
  const w = caps[caps.length - 1];
  w.signedMessage = changeSiweNonce(w.signedMessage);
  env.signedMessage = JSON.stringify(p);
}

export const MODES = ['flip-sig', 'node-address', 'capability-siwe', 'capability-siwe-resigned'];

// Returns a tampered deep copy of the SessionSigs map `sigs`.
export function tamper(mode, sigsIn, seedHex) {
  const sigs = JSON.parse(JSON.stringify(sigsIn));
  const urls = Object.keys(sigs);
  if (!urls.length) throw new Error('empty SessionSigs map');
  const first = sigs[urls[0]];
  switch (mode) {
    case 'flip-sig':
      first.sig = flipHexChar(first.sig, 10);
      break;
    case 'node-address': {
      const p = JSON.parse(first.signedMessage);
      p.nodeAddress = p.nodeAddress === 'https://203.0.113.7:7470' ? 'https://203.0.113.8:7470' : 'https://203.0.113.7:7470';
      first.signedMessage = JSON.stringify(p);
      break;
    }
    case 'capability-siwe':
      tamperWalletSiwe(first);
      break;
    case 'capability-siwe-resigned': {
      if (!seedHex) throw new Error('capability-siwe-resigned needs the session seed');
      const kp = nacl.sign.keyPair.fromSeed(Uint8Array.from(Buffer.from(seedHex.trim(), 'hex')));
      for (const u of urls) {
        tamperWalletSiwe(sigs[u]);
        const sig = nacl.sign.detached(new TextEncoder().encode(sigs[u].signedMessage), kp.secretKey);
        sigs[u].sig = Buffer.from(sig).toString('hex');
      }
      break;
    }
    default:
      throw Object.assign(new Error(`unknown mode ${mode}`), { usage: true });
  }
  return sigs;
}

async function all(casesDir, outRoot) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { checkSessionSigs, readCaseContext } = await import(pathToFileURL(path.join(here, 'check-output.mjs')).href);
  const problems = [];
  const names = fs.readdirSync(casesDir).filter((n) => fs.existsSync(path.join(casesDir, n, 'expected.json'))).sort();
  if (!names.length) problems.push(`no case folders in ${casesDir}`);
  for (const name of names) {
    const dir = path.join(casesDir, name);
    const ctx = readCaseContext(dir);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    const ok = checkSessionSigs(ctx, expected);
    if (ok.length) problems.push(`${name}: check-output rejects the SDK output: ${ok[0]}`);
    fs.mkdirSync(path.join(outRoot, name), { recursive: true });
    for (const mode of MODES) {
      let t;
      try {
        t = tamper(mode, expected, ctx.seedHex);
      } catch (e) {
        problems.push(`${name}: cannot build tampered copy ${mode}: ${e.message}`);
        continue;
      }
      fs.writeFileSync(path.join(outRoot, name, `tampered-${mode}.json`), JSON.stringify(t, null, 2) + '\n');
      if (!checkSessionSigs(ctx, t).length) problems.push(`${name}: check-output accepts tampered copy ${mode}`);
    }
  }
  for (const p of problems) process.stdout.write(`FAIL ${p}\n`);
  if (!problems.length) process.stdout.write(`harness ok: ${names.length} cases, ${MODES.length} tampered copies each\n`);
  return problems.length ? 1 : 0;
}

async function main(argv) {
  if (argv[0] === '--all') {
    if (argv.length !== 3) return usage();
    return all(argv[1], argv[2]);
  }
  const [mode, inFile, outFile, seedFile] = argv;
  if (!mode || !inFile || !outFile || argv.length > 4) return usage();
  const sigs = JSON.parse(fs.readFileSync(inFile, 'utf8'));
  const seedHex = seedFile ? fs.readFileSync(seedFile, 'utf8') : undefined;
  fs.writeFileSync(outFile, JSON.stringify(tamper(mode, sigs, seedHex), null, 2) + '\n');
  return 0;
}

function usage() {
  process.stderr.write('usage: node tamper.mjs flip-sig|node-address|capability-siwe|capability-siwe-resigned IN.json OUT.json [SEED_HEX_FILE]\n' +
    '       node tamper.mjs --all CASES_DIR OUT_ROOT\n');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`tamper: ${e.message}\n`); process.exitCode = 2; },
  );
}
