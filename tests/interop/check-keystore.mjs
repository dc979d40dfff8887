#!/usr/bin/env node
// Reads a keystore that Quill wrote with ethers 5.7.2 and 6.17.0 (tests/unit/eth/tst_Keystore
// runs it when node and node_modules are present).
//
//   node tests/interop/check-keystore.mjs FILE PASSWORD_HEX EXPECTED_ADDRESS
//
// Exit 0 if both ethers versions decrypt FILE to EXPECTED_ADDRESS, 1 if not, 2 on bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, 'package.json'));

const [file, passwordHex, expected] = process.argv.slice(2);
if (!file || passwordHex === undefined || !expected) {
  process.stderr.write('usage: check-keystore.mjs FILE PASSWORD_HEX EXPECTED_ADDRESS\n');
  process.exit(2);
}
const json = fs.readFileSync(file, 'utf8');
// Bytes, not a string: ethers would NFKC-normalise a string password.
const password = Uint8Array.from(Buffer.from(passwordHex, 'hex'));
try {
  const w5 = await require('ethers').ethers.Wallet.fromEncryptedJson(json, password);
  const w6 = await require('ethers6').Wallet.fromEncryptedJson(json, password);
  const ok = w5.address === expected && w6.address === expected;
  process.stdout.write(`ethers 5: ${w5.address}\nethers 6: ${w6.address}\n`);
  process.exit(ok ? 0 : 1);
} catch (e) {
  process.stderr.write(`check-keystore: ${e.message}\n`);
  process.exit(1);
}
