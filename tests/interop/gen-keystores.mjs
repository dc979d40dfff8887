#!/usr/bin/env node
// Writes Web3 Secret Storage v3 keystores with the official ethers packages into
// tests/data/keystore/ (or OUTDIR), for Quill's keystore tests and benchmarks:
//
//   node tests/interop/gen-keystores.mjs [OUTDIR]
//
// Every key, password and mnemonic here is PUBLIC TEST DATA (the repo's example key, the
// ethers documentation key and the BIP-39 "abandon … about" phrase). Salts and IVs are random,
// so each run writes different bytes that decrypt to the same keys; manifest.json records,
// per file, the password (UTF-8, also as hex), the private key, the address and the writer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, 'package.json'));
const ethers5 = require('ethers').ethers;
const ethers6 = require('ethers6');

const OUT = path.resolve(process.argv[2] ?? path.join(HERE, '..', 'data', 'keystore'));
fs.mkdirSync(OUT, { recursive: true });

const KEY_A = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const KEY_B = '0x0123456789012345678901234567890123456789012345678901234567890123';
const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const LIGHT = { N: 1 << 10, r: 8, p: 1 };

// ethers 6: Wallet.encrypt(password, progress) takes no options; encryptKeystoreJson does.
const enc6 = (wallet, password, scrypt, mnemonic) =>
  ethers6.encryptKeystoreJson({ address: wallet.address, privateKey: wallet.privateKey, mnemonic }, password, { scrypt });

const manifest = {};
async function write(file, writer, wallet, password, json) {
  fs.writeFileSync(path.join(OUT, file), json + '\n');
  // Every file must read back with both ethers versions before it is kept.
  const back5 = await ethers5.Wallet.fromEncryptedJson(json, password);
  const back6 = await ethers6.Wallet.fromEncryptedJson(json, password);
  if (back5.privateKey !== wallet.privateKey || back6.privateKey !== wallet.privateKey) {
    throw new Error(`${file}: does not read back`);
  }
  const doc = JSON.parse(json);
  const kdf = (doc.crypto ?? doc.Crypto).kdfparams;
  manifest[file] = {
    writer,
    password,
    passwordHex: Buffer.from(password, 'utf8').toString('hex'),
    privateKey: wallet.privateKey.slice(2),
    address: wallet.address,
    scrypt: { n: kdf.n, r: kdf.r, p: kdf.p },
  };
  process.stderr.write(`wrote ${file} (${writer}, n=${kdf.n} r=${kdf.r} p=${kdf.p})\n`);
}

async function main() {
  const a5 = new ethers5.Wallet(KEY_A);
  const b5 = new ethers5.Wallet(KEY_B);
  const a6 = new ethers6.Wallet(KEY_A);
  const b6 = new ethers6.Wallet(KEY_B);
  const hd6 = ethers6.HDNodeWallet.fromPhrase(PHRASE);

  await write('valid_ethers5_light_a.json', 'ethers 5.7.2 Wallet.encrypt', a5, 'testpassword',
    await a5.encrypt('testpassword', { scrypt: LIGHT }));
  await write('valid_ethers5_light_b.json', 'ethers 5.7.2 Wallet.encrypt', b5, 'correct horse battery staple',
    await b5.encrypt('correct horse battery staple', { scrypt: LIGHT }));
  await write('valid_ethers6_light_a.json', 'ethers 6.17.0 encryptKeystoreJson', a6, 'testpassword',
    await enc6(a6, 'testpassword', LIGHT));
  // A non-ASCII password: ethers NFKC-normalises string passwords before scrypt.
  await write('valid_ethers6_light_nfkc.json', 'ethers 6.17.0 encryptKeystoreJson', b6, 'pässwörd ﬁ',
    await enc6(b6, 'pässwörd ﬁ', LIGHT));
  // An HD wallet: ethers adds its "x-ethers" block (encrypted mnemonic), which readers ignore.
  await write('valid_ethers6_light_hd.json', 'ethers 6.17.0 encryptKeystoreJson (HD wallet)', hd6, 'testpassword',
    await enc6(hd6, 'testpassword', LIGHT, { entropy: hd6.mnemonic.entropy, path: hd6.path, locale: 'en' }));
  // ethers' default parameters (n = 2^17, r = 8, p = 1).
  await write('valid_ethers6_default.json', 'ethers 6.17.0 Wallet.encrypt (defaults)', a6, 'testpassword',
    await a6.encrypt('testpassword'));
  // geth's "standard" cost (n = 2^18, r = 8, p = 1): the benchmark file.
  await write('valid_ethers6_n18.json', 'ethers 6.17.0 encryptKeystoreJson', a6, 'testpassword',
    await enc6(a6, 'testpassword', { N: 1 << 18, r: 8, p: 1 }));

  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeExpfail();
}

// expfail_* fixtures: files Quill must reject, with the ErrorCode it must report
// (expfail.json). They are built deterministically (fixed salt and IV, pbkdf2 with c = 2 so
// that a test costs nothing) from one good file for password "testpassword".
function craft({ key = KEY_A.slice(2), password = 'testpassword', address } = {}) {
  const salt = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
  const iv = '0f0e0d0c0b0a09080706050403020100';
  const dk = Buffer.from(ethers6.pbkdf2(Buffer.from(password), '0x' + salt, 2, 32, 'sha256').slice(2), 'hex');
  const cipher = crypto.createCipheriv('aes-128-ctr', dk.subarray(0, 16), Buffer.from(iv, 'hex'));
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(key, 'hex')), cipher.final()]);
  const mac = ethers6.keccak256(Buffer.concat([dk.subarray(16, 32), ciphertext])).slice(2);
  return {
    address: address ?? new ethers6.Wallet('0x' + KEY_A.slice(2)).address.slice(2).toLowerCase(),
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv },
      ciphertext: ciphertext.toString('hex'),
      kdf: 'pbkdf2',
      kdfparams: { c: 2, dklen: 32, prf: 'hmac-sha256', salt },
      mac,
    },
    id: '9c6d1ba7-3b0e-4e8a-8d1c-6f3a2b1c0d9e',
    version: 3,
  };
}

function writeExpfail() {
  const expfail = {};
  const put = (file, code, doc) => {
    fs.writeFileSync(path.join(OUT, file), (typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)) + '\n');
    expfail[file] = code;
  };
  const edit = (fn) => { const d = craft(); fn(d); return d; };
  const good = craft();
  // The base file itself must decrypt with ethers, or the fixtures below test nothing.
  if (new ethers6.Wallet(KEY_A).address !== ethers6.Wallet.fromEncryptedJsonSync(JSON.stringify(good), 'testpassword').address) {
    throw new Error('crafted base keystore does not decrypt');
  }
  fs.writeFileSync(path.join(OUT, 'valid_crafted_pbkdf2.json'), JSON.stringify(good, null, 2) + '\n');

  put('expfail_bad_json.json', 'KeystoreFormat', JSON.stringify(good).slice(0, 120));
  put('expfail_not_object.json', 'KeystoreFormat', '[3]');
  put('expfail_version_2.json', 'KeystoreFormat', edit((d) => { d.version = 2; }));
  put('expfail_version_string.json', 'KeystoreFormat', edit((d) => { d.version = '3'; }));
  put('expfail_missing_crypto.json', 'KeystoreFormat', edit((d) => { delete d.crypto; }));
  put('expfail_unknown_cipher.json', 'KeystoreUnsupported', edit((d) => { d.crypto.cipher = 'aes-256-gcm'; }));
  put('expfail_unknown_kdf.json', 'KeystoreUnsupported', edit((d) => { d.crypto.kdf = 'argon2id'; }));
  put('expfail_unknown_prf.json', 'KeystoreUnsupported', edit((d) => { d.crypto.kdfparams.prf = 'hmac-sha512'; }));
  put('expfail_wrong_mac.json', 'KeystoreWrongPassword', edit((d) => {
    d.crypto.mac = (d.crypto.mac[0] === '0' ? '1' : '0') + d.crypto.mac.slice(1);
  }));
  put('expfail_wrong_password.json', 'KeystoreWrongPassword', craft({ password: 'not the password' }));
  put('expfail_truncated_ciphertext.json', 'KeystoreFormat', edit((d) => { d.crypto.ciphertext = d.crypto.ciphertext.slice(0, 62); }));
  put('expfail_odd_hex.json', 'KeystoreFormat', edit((d) => { d.crypto.cipherparams.iv = d.crypto.cipherparams.iv.slice(0, 31); }));
  put('expfail_bad_hex.json', 'KeystoreFormat', edit((d) => { d.crypto.kdfparams.salt = 'zz' + d.crypto.kdfparams.salt.slice(2); }));
  put('expfail_short_iv.json', 'KeystoreFormat', edit((d) => { d.crypto.cipherparams.iv = d.crypto.cipherparams.iv.slice(0, 30); }));
  put('expfail_dklen_16.json', 'KeystoreFormat', edit((d) => { d.crypto.kdfparams.dklen = 16; }));
  put('expfail_c_string.json', 'KeystoreFormat', edit((d) => { d.crypto.kdfparams.c = '2'; }));
  put('expfail_pbkdf2_too_costly.json', 'KeystoreUnsupported', edit((d) => { d.crypto.kdfparams.c = 1 << 23; }));
  const scrypt = (n, r, p) => edit((d) => {
    d.crypto.kdf = 'scrypt';
    d.crypto.kdfparams = { dklen: 32, n, p, r, salt: d.crypto.kdfparams.salt };
  });
  put('expfail_scrypt_n_not_power_of_two.json', 'KeystoreFormat', scrypt(1000, 8, 1));
  put('expfail_scrypt_n_too_large.json', 'KeystoreUnsupported', scrypt(1 << 21, 1, 1));
  put('expfail_scrypt_memory.json', 'KeystoreUnsupported', scrypt(1 << 20, 16, 1));
  put('expfail_scrypt_work.json', 'KeystoreUnsupported', scrypt(1 << 18, 8, 16));
  put('expfail_scrypt_huge_n.json', 'KeystoreUnsupported', scrypt(2 ** 52, 8, 1));
  put('expfail_address_mismatch.json', 'KeystoreCorrupt', craft({ address: '14791697260e4c9a71f18484c9f997b308e59325' }));
  put('expfail_address_bad.json', 'KeystoreFormat', craft({ address: '2c7536e3605d9c16a7a3d7b1898e529396a65c' }));
  // The MAC matches, but the plaintext is not a secp256k1 key: zero, and the group order n.
  put('expfail_key_zero.json', 'KeystoreCorrupt', craft({ key: '00'.repeat(32) }));
  put('expfail_key_order.json', 'KeystoreCorrupt', craft({ key: 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141' }));
  fs.writeFileSync(path.join(OUT, 'expfail.json'), JSON.stringify(expfail, null, 1) + '\n');
}

main().catch((e) => {
  process.stderr.write(`gen-keystores: ${e.stack || e}\n`);
  process.exit(1);
});
