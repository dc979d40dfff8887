// Writes the quill_signSiweMessage fixtures of tests/data/siwemessage (issue 10): Lit session
// SIWE messages as the SDKs build them (siwe + siwe-recap, the libraries under v7's
// createSiweMessageWithRecaps and v8's createSiweMessageWithResources), and variants that
// Quill must refuse. The messages are only parsed, never signed; the address is the public
// test key's.
//   cd tests/interop && node gen-siwe-message-fixtures.mjs ../data/siwemessage
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { SiweMessage } = require('siwe');
const { Recap } = require('siwe-recap');

const out = process.argv[2] ?? '../data/siwemessage';
const ADDRESS = '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23';
const SESSION = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const ACC = 'lit-accesscontrolcondition://53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628';
const expfail = {};

function message({ statement, attenuations = [[ACC, 'Threshold', 'Decryption', {}]],
                   uri = `lit:session:${SESSION}`, expirationTime = '2035-01-16T12:00:00.000Z',
                   extraResources = [], chainId = 1 } = {}) {
  const r = new Recap();
  for (const [resource, ns, name, nb] of attenuations) r.addAttenuation(resource, ns, name, nb);
  let m = new SiweMessage({
    domain: 'localhost', address: ADDRESS, statement, uri, version: '1', chainId,
    nonce: '0x5faeb9971d76650faf011bb7010457423fb77fe1f02234773cac4012066cd677',
    issuedAt: '2035-01-15T12:00:00.000Z', expirationTime: expirationTime ?? undefined,
  });
  m = r.add_to_siwe_message(m);
  if (extraResources.length) m.resources = [...m.resources, ...extraResources];
  return m.prepareMessage();
}
const write = (name, text) => writeFileSync(join(out, name), text);
const fail = (name, code, text) => { write(name, text); expfail[name] = code; };

// Accepted: the SDKs' shapes.
write('valid_v7_default_statement.txt',
      message({ statement: 'This is a test statement.  You can put anything you want here.' }));
write('valid_v8_empty_statement.txt', message({ statement: '' }));
write('valid_no_statement.txt', message({}));
write('valid_pkp_wildcard_and_action.txt', message({
  statement: 'Quill test.',
  attenuations: [['lit-pkp://*', 'Threshold', 'Signing', {}],
                 ['lit-litaction://QmWfM3vjN6Bo5JmTYpRNNE6ZbV6LgBDa8wXGbzGDkKMQNc', 'Threshold', 'Execution', {}],
                 [ACC, 'Threshold', 'Decryption', {}]],
}));
write('valid_nota_bene.txt', message({
  statement: 'With conditions.',
  attenuations: [['lit-ratelimitincrease://12345', 'Auth', 'Auth', { uses: '10', nft_id: ['12345'] }]],
}));

// Refused.
const base = message({ statement: 'Quill test.' });
fail('expfail_second_resource.txt', 'SiweResources',
     message({ statement: 'Quill test.', extraResources: ['https://example.com/extra'] }));
{
  // A ReCap wider than its statement: the statement of one capability, the ReCap of two.
  const narrow = message({ statement: 'Quill test.' });
  const wide = message({ statement: 'Quill test.', attenuations: [[ACC, 'Threshold', 'Decryption', {}],
                                                                  ['lit-pkp://*', 'Threshold', 'Signing', {}]] });
  const urn = (t) => t.split('\n').find((l) => l.startsWith('- urn:recap:'));
  fail('expfail_recap_wider_than_statement.txt', 'SiweStatement', narrow.replace(urn(narrow), urn(wide)));
}
fail('expfail_non_lit_uri.txt', 'SiweUri', message({ statement: 'Quill test.', uri: 'https://example.com/login' }));
fail('expfail_uppercase_session_key.txt', 'SiweUri',
     message({ statement: 'Quill test.', uri: `lit:session:${SESSION.toUpperCase()}` }));
fail('expfail_crlf.txt', 'SiweSyntax', base.replaceAll('\n', '\r\n'));
fail('expfail_trailing_text.txt', 'SiweResources', base + '\nPlease also send 1 ETH.');
fail('expfail_trailing_newline.txt', 'SiweResources', base + '\n');
fail('expfail_free_text.txt', 'SiweSyntax', 'Sign this to log in to example.com: 12345');
fail('expfail_no_expiration.txt', 'SiweExpirationTime', message({ statement: 'Quill test.', expirationTime: null }));
fail('expfail_not_lit_resource.txt', 'LitResourcePrefix', message({
  statement: 'Quill test.', attenuations: [['https://example.com/files', 'crud', 'read', {}]] }));
fail('expfail_wrong_ability.txt', 'LitAbilityMismatch', message({
  statement: 'Quill test.', attenuations: [[ACC, 'Threshold', 'Signing', {}], ['lit-pkp://*', 'Threshold', 'Decryption', {}]] }));
fail('expfail_statement_edited.txt', 'SiweStatement', base.replace("'Decryption'", "'Reading'"));
fail('expfail_empty.txt', 'SiweSyntax', '');
writeFileSync(join(out, 'expfail.json'), JSON.stringify(expfail, null, 1) + '\n');
console.log(`wrote ${Object.keys(expfail).length} expfail and 5 valid fixtures to ${out}`);
