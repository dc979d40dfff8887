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
listed() { "$CLI" wallet list | grep -q "^$ADDR"; }
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
key1=$(grep -o '"address":"[0-9a-f]\{64\}"' "$W/sigs.json" | head -1)
key2=$(grep -o '"address":"[0-9a-f]\{64\}"' "$W/sigs2.json" | head -1)
check "the app's session key is reused" test -n "$key1" -a "$key1" = "$key2"
seed_stored() { secret-tool lookup user "session:demo-app:${ADDR,,}" server quill >/dev/null 2>&1; }
check "session seed in the keychain" seed_stored

check "remove" "$CLI" wallet remove "$ADDR"
check "not listed after remove" not_listed
check "key gone from the keychain" not_in_keychain

for point in import:after-index import:after-secret; do
  QUILL_TEST_CRASH_AT=$point "$CLI" wallet import --key-file "$W/key.hex" >/dev/null 2>&1; rc=$?
  check "crash at $point happened" test $rc -eq 86
  check "after crash at $point: old state (not listed)" not_listed
  check "after crash at $point: keychain agrees" not_in_keychain
done
for point in remove:after-index remove:after-secret; do
  "$CLI" wallet import --key-file "$W/key.hex" >/dev/null
  QUILL_TEST_CRASH_AT=$point "$CLI" wallet remove "$ADDR" >/dev/null 2>&1; rc=$?
  check "crash at $point happened" test $rc -eq 86
  check "after crash at $point: new state (not listed)" not_listed
  check "after crash at $point: keychain agrees" not_in_keychain
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
