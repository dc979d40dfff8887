#!/usr/bin/env node
// Quill interop tests — exact comparison of Quill's outputs with the SDK's.
//
//   node compare.mjs sessionsigs EXPECTED.json ACTUAL.json
//       Same set of node URLs; for each node the envelope keys in the order
//       sig, derivedVia, signedMessage, address, algo and every string byte-for-byte equal.
//   node compare.mjs text EXPECTED.txt ACTUAL.txt
//       Exact bytes; ACTUAL may end with one extra trailing newline (exactly one is stripped).
//   node compare.mjs json EXPECTED.json ACTUAL.json
//       Parsed JSON equal including object key order (JSON.stringify of both equal).
//
// Prints one line per difference; exit 0 = equal, 1 = different, 2 = usage / unreadable input.

import fs from 'node:fs';

const ENVELOPE_KEYS = ['sig', 'derivedVia', 'signedMessage', 'address', 'algo'];

function firstDiff(got, want) {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const from = Math.max(0, i - 40);
  return `at char ${i} (lengths ${got.length} / ${want.length}): got …${JSON.stringify(got.slice(from, i + 40))}, want …${JSON.stringify(want.slice(from, i + 40))}`;
}

function readText(f) {
  return fs.readFileSync(f, 'utf8');
}

function readJson(f, label) {
  const s = readText(f);
  try {
    return JSON.parse(s);
  } catch (e) {
    throw Object.assign(new Error(`${label} ${f} is not valid JSON: ${e.message}`), { isActual: label === 'actual' });
  }
}

function compareSessionSigs(expFile, actFile) {
  const diffs = [];
  const exp = readJson(expFile, 'expected');
  const act = readJson(actFile, 'actual');
  if (!act || typeof act !== 'object' || Array.isArray(act)) return ['actual output is not a JSON object'];
  const eUrls = Object.keys(exp);
  const aUrls = Object.keys(act);
  for (const u of eUrls) if (!aUrls.includes(u)) diffs.push(`missing node ${u}`);
  for (const u of aUrls) if (!eUrls.includes(u)) diffs.push(`unexpected node ${u}`);
  for (const u of eUrls) {
    const a = act[u];
    const e = exp[u];
    if (a === undefined) continue;
    if (!a || typeof a !== 'object' || Array.isArray(a)) { diffs.push(`${u}: envelope is not an object`); continue; }
    const keys = Object.keys(a);
    if (JSON.stringify(keys) !== JSON.stringify(ENVELOPE_KEYS)) {
      diffs.push(`${u}: envelope keys ${JSON.stringify(keys)}, want ${JSON.stringify(ENVELOPE_KEYS)} in this order`);
    }
    for (const k of ENVELOPE_KEYS) {
      if (typeof a[k] !== 'string') { diffs.push(`${u}: ${k} is not a string`); continue; }
      if (a[k] !== e[k]) diffs.push(`${u}: ${k} differs ${firstDiff(a[k], e[k])}`);
    }
  }
  return diffs;
}

function compareText(expFile, actFile) {
  const want = readText(expFile);
  let got = readText(actFile);
  if (got.endsWith('\n')) got = got.slice(0, -1); // stdout may add exactly one trailing newline
  return got === want ? [] : [`text differs ${firstDiff(got, want)}`];
}

function compareJson(expFile, actFile) {
  const want = JSON.stringify(readJson(expFile, 'expected'));
  const got = JSON.stringify(readJson(actFile, 'actual'));
  return got === want ? [] : [`JSON differs (key order included) ${firstDiff(got, want)}`];
}

function main(argv) {
  const [mode, expFile, actFile] = argv;
  const fn = { sessionsigs: compareSessionSigs, text: compareText, json: compareJson }[mode];
  if (!fn || !expFile || !actFile || argv.length !== 3) {
    process.stderr.write('usage: node compare.mjs sessionsigs|text|json EXPECTED ACTUAL\n');
    return 2;
  }
  let diffs;
  try {
    diffs = fn(expFile, actFile);
  } catch (e) {
    process.stdout.write(`${e.message}\n`);
    return e.isActual ? 1 : 2;
  }
  for (const d of diffs) process.stdout.write(d + '\n');
  return diffs.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
