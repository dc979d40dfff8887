#!/usr/bin/env bash
# quill-cli against a keyring that never answers (tests/support/stalled_secret_service): it
# says at once that it waits, fails after the bounded wait with a clear error, leaves no
# pending record, and later commands still work.
#   keyring-stalled.sh QUILL_CLI STALLED_SECRET_SERVICE
set -uo pipefail
CLI=$1
HOLE=$2
T=$(mktemp -d)
bus_pid="" hole_pid=""
trap '[[ -n "$hole_pid" ]] && kill "$hole_pid"; [[ -n "$bus_pid" ]] && kill "$bus_pid"; rm -rf "$T"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }

export HOME="$T" XDG_RUNTIME_DIR="$T" QUILL_DATA_DIR="$T/data" QUILL_KEYCHAIN_TIMEOUT_MS=3000
read -r address bus_pid < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | tr '\n' ' '; echo)
export DBUS_SESSION_BUS_ADDRESS="$address"
"$HOLE" > "$T/hole.out" 2>&1 &
hole_pid=$!
for _ in $(seq 50); do grep -q READY "$T/hole.out" 2>/dev/null && break; sleep 0.1; done
check "stalled service up" grep -q READY "$T/hole.out"

printf '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n' > "$T/key"
start=$(date +%s%N)
"$CLI" wallet import --key-file "$T/key" > "$T/out" 2> >(while IFS= read -r line; do echo "$(( ($(date +%s%N) - start) / 1000000 )) $line"; done > "$T/err"); rc=$?
sleep 0.2
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$T/err"
check "import fails with exit 2" test $rc -eq 2
notice_ms=$(grep -m1 "waiting for the keyring" "$T/err" | cut -d' ' -f1)
check "says within ~1 s that it waits for the keyring" test -n "$notice_ms" -a "${notice_ms:-99999}" -lt 2000
check "the error says the keyring did not answer" grep -q "did not answer" "$T/err"
check "gives up after the bounded wait (< 10 s)" test "$elapsed" -lt 10000
check "nothing on stdout" test ! -s "$T/out"
check "no pending record left" bash -c "! grep -q '\"pending\"' '$QUILL_DATA_DIR/accounts.json'"
"$CLI" wallet list > "$T/list" 2>"$T/list.err"; rc=$?
check "wallet list still answers (exit 0)" test $rc -eq 0
check "nothing listed" test ! -s "$T/list"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
