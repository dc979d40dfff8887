#!/usr/bin/env bash
# End-to-end wallet tests of quill-cli against a real OS keychain (run inside
# tests/keychain/with-keyring.sh, which provides a private gnome-keyring), including crash
# consistency: the process is killed (test hook QUILL_TEST_CRASH_AT) in the middle of an
# import and of a removal, then the index and the keychain must agree.
#   wallet-cli.sh QUILL_CLI DATA_DIR_ROOT          (with a keychain)
#   wallet-cli.sh --no-keychain QUILL_CLI          (QUILL_EXPECT_NO_KEYCHAIN=1 set by the wrapper)
set -uo pipefail
no_keychain=0
if [[ "${1:-}" == "--no-keychain" ]]; then no_keychain=1; shift; fi
CLI=$1
HERE=$(cd "$(dirname "$0")/.." && pwd)
export QUILL_DATA_DIR=$(mktemp -d)
trap 'rm -rf "$QUILL_DATA_DIR" "$W"' EXIT
W=$(mktemp -d)
# Public test key and address of the spec's vectors.
printf '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n' > "$W/key.hex"
ADDR=0x2c7536E3605D9C16a7a3D7b1898e529396a65c23
pass=0 fail=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi
}
in_keychain() { secret-tool lookup user "wallet:$ADDR" server quill >/dev/null 2>&1; }
listed() { "$CLI" wallet list | grep "^$ADDR" >/dev/null; }
not_listed() { ! listed; }
not_in_keychain() { ! in_keychain; }

if [[ $no_keychain -eq 1 ]]; then
  out=$("$CLI" wallet import --key-file "$W/key.hex" 2>&1); rc=$?
  check "no keychain: import fails with exit 2" test $rc -eq 2
  check "no keychain: says so" grep -q "no OS keychain available" <<<"$out"
  check "no keychain: nothing listed" not_listed
  check "no keychain: index holds no account" bash -c "! grep -q '$ADDR' '$QUILL_DATA_DIR/accounts.json' 2>/dev/null"
  echo "$pass passed, $fail failed"; [[ $fail -eq 0 ]]; exit
fi

check "empty list" test -z "$("$CLI" wallet list)"
check "import prints the address" test "$("$CLI" wallet import --key-file "$W/key.hex" --label Main)" = "$ADDR"
check "listed after restart" listed
check "key is in the keychain" in_keychain
check "no secret in the data folder" bash -c "! grep -rqi 4c0883a69102937d '$QUILL_DATA_DIR'"
"$CLI" wallet import --key-file "$W/key.hex" >/dev/null 2>"$W/err"; rc=$?
check "duplicate import refused" test $rc -eq 2
check "duplicate import says why" grep -q "already exists" "$W/err"

"$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$ADDR" --app demo-app \
  --now 2025-01-15T12:00:00.000Z > "$W/sigs.json"; rc=$?
check "issue from the vault" test $rc -eq 0
check "vault-issued sigs verify" "$CLI" verify "$W/sigs.json" --now 2025-01-15T12:00:00.000Z --address "$ADDR" >/dev/null
"$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$ADDR" --app demo-app \
  --now 2025-01-15T12:00:00.000Z > "$W/sigs2.json"
key1=$(grep -o '"address":"[0-9a-f]\{64\}"' "$W/sigs.json" | sed -n 1p)
key2=$(grep -o '"address":"[0-9a-f]\{64\}"' "$W/sigs2.json" | sed -n 1p)
check "the app's session key is reused" test -n "$key1" -a "$key1" = "$key2"
seed_stored() { secret-tool lookup user "session:demo-app:${ADDR,,}" server quill >/dev/null 2>&1; }
check "session seed in the keychain" seed_stored

# ChainSecured (issue #15): the account's key from the keychain, same bytes as --key-file.
"$CLI" chainsecured sign --purpose add-usage-api-key --chain-id 84532 --account "$ADDR" --now 2026-05-28T20:26:40Z \
  >"$W/cs-account.json" 2>"$W/err"; rc=$?
check "chainsecured sign --account" test $rc -eq 0
"$CLI" chainsecured sign --purpose add-usage-api-key --chain-id 84532 --key-file "$W/key.hex" --now 2026-05-28T20:26:40Z \
  >"$W/cs-file.json"
check "chainsecured --account == --key-file" cmp -s "$W/cs-account.json" "$W/cs-file.json"
check "chainsecured --account verifies" "$CLI" chainsecured verify "$W/cs-account.json" --chain-id 84532 --now 2026-05-28T20:27:00Z
# Issue 11: remove asks (the key is deleted); no answer, a wrong one or no terminal is no.
"$CLI" wallet remove "$ADDR" </dev/null >/dev/null 2>"$W/err"; rc=$?
check "remove without an answer refuses" test $rc -eq 2
check "remove without an answer says how" grep -q -- "--yes" "$W/err"
check "still listed after a refused remove" listed
check "key kept after a refused remove" in_keychain
printf 'no\n' | "$CLI" wallet remove "$ADDR" >/dev/null 2>"$W/err"; rc=$?
check "remove answered no refuses" test $rc -eq 2
check "remove asks for the address's last 6 characters" grep -q "Type a65c23 " "$W/err"
check "still listed after no" listed
printf 'A65C23\n' | "$CLI" wallet remove "$ADDR"; rc=$?
check "remove confirmed with the address suffix" test $rc -eq 0
check "not listed after a confirmed remove" not_listed
"$CLI" wallet import --key-file "$W/key.hex" --label Main >/dev/null
check "remove confirmed with yes" bash -c "printf 'yes\n' | '$CLI' wallet remove '$ADDR' 2>/dev/null"
check "not listed after yes" not_listed
"$CLI" wallet import --key-file "$W/key.hex" --label Main >/dev/null
check "remove --yes" "$CLI" wallet remove "$ADDR" --yes </dev/null
check "not listed after remove" not_listed
check "key gone from the keychain" not_in_keychain

# Other key sources (public test data: BIP-39 "abandon … about", the Web3 Secret Storage vector).
printf 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n' > "$W/phrase.txt"
check "derive lists accounts to pick" bash -c "'$CLI' wallet derive --mnemonic-file '$W/phrase.txt' --count 3 | grep -q $'^1\tm/44.*0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0'"
check "import mnemonic account 1" test "$("$CLI" wallet import --mnemonic-file "$W/phrase.txt" --account 1)" = 0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0
check "listed with its path" bash -c "'$CLI' wallet list | grep -q \"0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0.*mnemonic m/44'/60'/0'/0/1\""
printf 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon\n' > "$W/badphrase.txt"
"$CLI" wallet import --mnemonic-file "$W/badphrase.txt" >/dev/null 2>"$W/err"; rc=$?
check "bad mnemonic checksum refused" test $rc -eq 2
check "bad mnemonic says checksum" grep -q "checksum" "$W/err"
printf testpassword > "$W/pw.txt"
check "import keystore" test "$("$CLI" wallet import --keystore "$HERE/data/keystore/spec_pbkdf2.json" --password-file "$W/pw.txt")" = 0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b
printf wrong > "$W/badpw.txt"
"$CLI" wallet import --keystore "$HERE/data/keystore/spec_scrypt.json" --password-file "$W/badpw.txt" >/dev/null 2>"$W/err"; rc=$?
check "wrong keystore password refused" test $rc -eq 2
check "wrong password says so" grep -q "wrong keystore password" "$W/err"
"$CLI" wallet create --words 12 > "$W/created.txt" 2>"$W/created.err"; rc=$?
check "create succeeds" test $rc -eq 0
check "create prints 12 words once" test "$(wc -w < "$W/created.txt")" -eq 12
created=$(grep -o '0x[0-9a-fA-F]\{40\}' "$W/created.err")
check "created account listed" bash -c "'$CLI' wallet list | grep -q '^$created'"
check "the phrase is not stored in the data folder" bash -c "! grep -rq \"$(head -c 30 "$W/created.txt")\" '$QUILL_DATA_DIR'"
check "the created phrase derives the created account" bash -c "'$CLI' wallet derive --mnemonic-file '$W/created.txt' --count 1 | grep -q '$created'"
printf 'export-pass' > "$W/exportpw.txt"
check "export keystore" "$CLI" wallet export "$created" --password-file "$W/exportpw.txt" --out "$W/exported.json"
check "exported file is owner-only" test "$(stat -c %a "$W/exported.json")" = 600
check "exported keystore reads back" test "$("$CLI" address --keystore "$W/exported.json" --password-file "$W/exportpw.txt")" = "$created"
if [[ -d "$HERE/interop/node_modules" ]]; then
  check "ethers 5 and 6 decrypt the export" node "$HERE/interop/check-keystore.mjs" "$W/exported.json" "$(printf export-pass | od -An -tx1 | tr -d ' \n')" "$created"
fi
for a in 0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0 0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b "$created"; do "$CLI" wallet remove "$a" --yes; done

for point in accounts:add:after-index accounts:add:after-secret; do
  QUILL_TEST_CRASH_AT=$point "$CLI" wallet import --key-file "$W/key.hex" >/dev/null 2>&1; rc=$?
  check "crash at $point happened" test $rc -eq 86
  check "after crash at $point: old state (not listed)" not_listed
  check "after crash at $point: keychain agrees" not_in_keychain
done
for point in accounts:remove:after-index accounts:remove:after-secret; do
  "$CLI" wallet import --key-file "$W/key.hex" >/dev/null
  QUILL_TEST_CRASH_AT=$point "$CLI" wallet remove "$ADDR" --yes >/dev/null 2>&1; rc=$?
  check "crash at $point happened" test $rc -eq 86
  check "after crash at $point: new state (not listed)" not_listed
  check "after crash at $point: keychain agrees" not_in_keychain
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
