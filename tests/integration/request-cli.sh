#!/usr/bin/env bash
# quill-cli request against a running (headless, scripted) Quill, inside a private keyring:
# pairs on first use, keeps the token in the keychain, reuses it, re-pairs when revoked.
#   request-cli.sh QUILL_CLI API_TEST_SERVER
set -uo pipefail
CLI=$1
SERVER=$2
HERE=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }

"$SERVER" --socket "$T/q.sock" > "$T/server.out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q READY "$T/server.out" 2>/dev/null && break; sleep 0.1; done
check "server ready" grep -q READY "$T/server.out"

"$CLI" request "$HERE/data/requests/valid_minimal.json" --socket "$T/q.sock" --name "CLI test" > "$T/sigs1.json" 2>"$T/err1"; rc=$?
check "first request (pairs) succeeds" test $rc -eq 0
check "token kept in the keychain" bash -c "secret-tool lookup user 'client:$T/q.sock' server quill >/dev/null"
check "returned sigs verify" "$CLI" verify "$T/sigs1.json" --address 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23
"$CLI" request "$HERE/data/requests/valid_minimal.json" --socket "$T/q.sock" > "$T/sigs2.json" 2>"$T/err2"; rc=$?
check "second request reuses the pairing" test $rc -eq 0
key1=$(grep -o '"address":"[0-9a-f]\{64\}"' "$T/sigs1.json" | sed -n 1p)
key2=$(grep -o '"address":"[0-9a-f]\{64\}"' "$T/sigs2.json" | sed -n 1p)
check "same app, same session key" test -n "$key1" -a "$key1" = "$key2"
"$CLI" request "$HERE/data/requests/expfail_ability_mismatch.json" --socket "$T/q.sock" >/dev/null 2>"$T/err3"; rc=$?
check "invalid request refused with exit 1" test $rc -eq 1
check "error names the field" grep -q "resourceAbilityRequests\[0\].ability" "$T/err3"
"$CLI" request "$HERE/data/requests/valid_minimal.json" --socket "$T/nope.sock" >/dev/null 2>"$T/err4"; rc=$?
check "no Quill: exit 2" test $rc -eq 2
check "no Quill: says so" grep -q "not reachable" "$T/err4"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
