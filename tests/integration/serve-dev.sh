#!/usr/bin/env bash
# quill-cli serve --dev (issue #10), inside a private keyring (with-keyring.sh): drives it with
# `quill-cli request`, checks the answers with `quill-cli verify`, checks that it never touches
# the keychain, refuses a key that is one of the user's accounts, and answers 4001 with
# --approve none.
#   serve-dev.sh QUILL_CLI
set -uo pipefail
CLI=$1
HERE=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
pass=0 fail=0
quiet() { "$@" >/dev/null; }
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }
# Public test key of the spec's vectors (never a real key).
echo 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 > "$T/dev.key"
ADDR=0x2c7536E3605D9C16a7a3D7b1898e529396a65c23
export QUILL_DATA_DIR="$T/userdata"

# start NAME ARGS… : runs serve in the background, waits for READY (or exit).
start() {
  local name=$1; shift
  "$CLI" serve "$@" > "$T/$name.out" 2> "$T/$name.err" &
  pids+=($!)
  eval "${name}_pid=$!"
  for _ in $(seq 100); do
    grep -q READY "$T/$name.out" 2>/dev/null && return 0
    kill -0 "$!" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

"$CLI" serve --dev-key-file "$T/dev.key" --socket "$T/x.sock" 2>/dev/null
check "serve without --dev is refused (exit 2)" test $? -eq 2

start all --dev --dev-key-file "$T/dev.key" --socket "$T/q.sock" --websocket-port 0
check "serve --dev prints READY <socket> <port>" grep -Eq "^READY $T/q.sock [0-9]+$" "$T/all.out"
check "warns on stderr that it signs without asking" grep -q "WITHOUT ASKING" "$T/all.err"

"$CLI" request "$HERE/data/requests/valid_minimal.json" --socket "$T/q.sock" --name "serve test" > "$T/sigs1.json" 2> "$T/err1"
check "quill-cli request is answered (pairs, approves)" test $? -eq 0
check "answer verifies for the dev key's address" quiet "$CLI" verify "$T/sigs1.json" --address $ADDR \
  --resource "lit-litaction://*" --ability lit-action-execution
cat > "$T/three.json" <<'JSON'
{"domain": "localhost:3000", "statement": "Sign in to the serve test.", "chainId": 1,
 "resourceAbilityRequests": [{"resource": {"resource": "*", "resourcePrefix": "lit-pkp"}, "ability": "pkp-signing"}],
 "nodeUrls": ["https://a.example:7470", "https://b.example:7471", "https://c.example:7472"]}
JSON
"$CLI" request "$T/three.json" --socket "$T/q.sock" --name "serve test" > "$T/sigs2.json" 2> "$T/err2"
check "second request (3 nodes, the kept pairing) is answered" test $? -eq 0 -a -s "$T/sigs2.json"
check "second answer verifies (3 nodes)" quiet "$CLI" verify "$T/sigs2.json" --address $ADDR --resource "lit-pkp://*" --ability pkp-signing
port=$(awk '{print $3}' "$T/all.out")
"$CLI" request "$HERE/data/requests/valid_minimal.json" --ws "ws://127.0.0.1:$port" --origin http://localhost:3000 > "$T/sigs3.json" 2> "$T/err3"
check "request over the WebSocket" test $? -eq 0
check "WebSocket answer verifies" quiet "$CLI" verify "$T/sigs3.json" --address $ADDR
"$CLI" request "$HERE/data/requests/expfail_ability_mismatch.json" --socket "$T/q.sock" > /dev/null 2> "$T/err4"
check "invalid request refused, field named" grep -q "resourceAbilityRequests\[0\].ability" "$T/err4"
check "no wallet key in the OS keychain" bash -c "! secret-tool lookup user 'wallet:$ADDR' server quill >/dev/null 2>&1"
check "no pairing token of serve's in the OS keychain (only the client's own)" \
  bash -c "! secret-tool search --all server quill 2>/dev/null | grep -q 'user = pairing:'"
check "the user's data folder is not created" test ! -e "$T/userdata"
kill -TERM "$all_pid"; wait "$all_pid"; rc=$?
check "SIGTERM: exit 0" test $rc -eq 0
check "SIGTERM: summary on stderr" grep -q "stopped (" "$T/all.err"

start none --dev --dev-key-file "$T/dev.key" --socket "$T/n.sock" --approve none
"$CLI" request "$HERE/data/requests/valid_minimal.json" --socket "$T/n.sock" > "$T/none.json" 2> "$T/err5"; rc=$?
check "--approve none: request refused (exit 1)" test $rc -eq 1
check "--approve none: error 4001" grep -q "error 4001" "$T/err5"
kill -TERM "$none_pid"; wait "$none_pid"

# The user's own account: imported into the (private) keychain and the data folder.
"$CLI" wallet import --key-file "$T/dev.key" --label mine > /dev/null 2> "$T/import.err"
check "setup: dev key imported as the user's account" grep -qi "${ADDR#0x}" "$T/userdata/accounts.json"
before=$(sha256sum "$T/userdata/accounts.json")
"$CLI" serve --dev --dev-key-file "$T/dev.key" --socket "$T/r.sock" > "$T/refuse.out" 2> "$T/refuse.err"; rc=$?
check "refuses a key that is one of the user's accounts (exit 2)" test $rc -eq 2
check "  … says why" grep -q "is one of your Quill accounts" "$T/refuse.err"
check "  … never READY, no socket" bash -c "! grep -q READY '$T/refuse.out' && test ! -e '$T/r.sock'"
check "  … the account index is untouched" test "$before" = "$(sha256sum "$T/userdata/accounts.json")"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
