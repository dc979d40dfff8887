// Writes the capability-AuthSig fixtures of tests/data/requests (issue 14): real SIWE
// delegations (siwe + siwe-recap, as createCapacityDelegationAuthSig builds them) signed
// with ethers by the public test key, plus forged variants that Quill must refuse.
//   cd tests/interop && node gen-delegation-fixtures.mjs ../data/requests
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { ethers } = require('ethers');
const { SiweMessage } = require('siwe');
const { Recap } = require('siwe-recap');

const out = process.argv[2] ?? '../data/requests';
const wallet = new ethers.Wallet('0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
const VITALIK = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

async function delegation({ expiration = '2035-01-15T12:00:00.000Z', recap = true } = {}) {
  const r = new Recap();
  r.addAttenuation('lit-ratelimitincrease://12345', 'Auth', 'Auth',
                   { nft_id: ['12345'], uses: '10', delegate_to: ['2c7536e3605d9c16a7a3d7b1898e529396a65c23'] });
  let m = new SiweMessage({
    domain: 'example.com', address: wallet.address, statement: 'Capacity delegation.',
    uri: 'lit:capability:delegation', version: '1', chainId: 1, nonce: 'a1b2c3d4e5f6a7b8',
    issuedAt: '2025-01-15T12:00:00.000Z', expirationTime: expiration,
  });
  if (recap) m = r.add_to_siwe_message(m);
  const signedMessage = m.prepareMessage();
  return { sig: await wallet.signMessage(signedMessage), derivedVia: 'web3.eth.personal.sign',
           signedMessage, address: wallet.address };
}

const base = (caps, extra = {}) => ({
  resourceAbilityRequests: [{ resource: { resource: '12345', resourcePrefix: 'lit-ratelimitincrease' },
                              ability: 'rate-limit-increase-auth' }],
  nodeUrls: ['https://node.example:7470'],
  ...extra,
  capabilityAuthSigs: caps,
});
const write = (name, doc) => writeFileSync(join(out, name), JSON.stringify(doc, null, 1) + '\n');

const good = await delegation();
const flip = (s) => s.slice(0, 10) + (s[10] === '0' ? '1' : '0') + s.slice(11);
write('valid_capability_delegation.json', base([good]));
write('expfail_capability_bad_signature.json', base([{ ...good, sig: flip(good.sig) }]));
write('expfail_capability_forged_sig.json', base([{ ...good, sig: '0x' + '11'.repeat(65) }]));
write('expfail_capability_wrong_address.json', base([{ ...good, address: VITALIK }]));
const notSiwe = 'I delegate my capacity.\nTrust me.';
write('expfail_capability_not_siwe.json',
      base([{ ...good, signedMessage: notSiwe, sig: await wallet.signMessage(notSiwe) }]));
write('expfail_capability_no_recap.json', base([await delegation({ recap: false })]));
write('expfail_capability_too_many.json', base(Array(17).fill(good)));
write('expfail_capability_too_large.json',
      base([{ ...good, signedMessage: good.signedMessage + ' '.repeat(70 * 1024) }]));
write('timefail_capability_expired.json', base([await delegation({ expiration: '2025-01-22T12:00:00.000Z' })]));
// Key order as an app may send it (v7 signs it as given): address, sig, derivedVia,
// signedMessage. One line: the API tests send it as one local-socket message.
writeFileSync(join(out, 'valid_capability_key_order.json'), JSON.stringify({
  resourceAbilityRequests: [{ resource: { resource: '1', resourcePrefix: 'lit-ratelimitincrease' },
                              ability: 'rate-limit-increase-auth', data: { z: '1', a: ['x'] } }],
  nodeUrls: ['https://localhost:7470'],
  capabilityAuthSigs: [{ address: good.address, sig: good.sig, derivedVia: good.derivedVia,
                         signedMessage: good.signedMessage }],
}) + '\n');
