#!/usr/bin/env bash
# Several quill-cli processes at once against one data folder and a real keychain (run inside
# tests/keychain/with-keyring.sh): no account is lost, no key is orphaned, and killing a
# process at any moment leaves index and keychain in agreement after the next start.
#   vault-concurrency.sh QUILL_CLI KILL_ROUNDS PAIR_ONCE
set -uo pipefail
CLI=$1
ROUNDS=$2
PAIR_ONCE=$3
HERE=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
export QUILL_DATA_DIR="$W/data"
trap 'rm -rf "$W"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }

# Keychain items Quill holds, one "kind:name" per line, sorted.
keychain_items() { secret-tool search --all server quill 2>&1 | sed -n 's/^attribute\.user = //p' | sort; }
listed() { "$CLI" wallet list | cut -f1 | sort; }
wallet_items() { keychain_items | sed -n 's/^wallet://p' | sort; }
# Index and keychain agree: the listed accounts are exactly the wallet keys, and no record is
# left unfinished.
agree() {
  [[ "$(listed)" == "$(wallet_items)" ]] || { echo "  listed:   $(listed | tr '\n' ' ')"; echo "  keychain: $(wallet_items | tr '\n' ' ')"; return 1; }
  ! grep -qE '"(pending|removing)"' "$QUILL_DATA_DIR"/*.json 2>/dev/null
}

# --- 16 imports at once, then 8 removes at once ---
for i in $(seq 16); do openssl rand -hex 32 > "$W/k$i"; done
for i in $(seq 16); do "$CLI" wallet import --key-file "$W/k$i" --label "K$i" > "$W/a$i" 2>"$W/e$i" & done
wait
ok=0; for i in $(seq 16); do if [[ -s "$W/a$i" ]]; then ok=$((ok+1)); else echo "  import $i failed: $(cat "$W/e$i")"; fi; done
check "16 concurrent imports all succeed" test "$ok" -eq 16
check "16 accounts listed" test "$(listed | wc -l)" -eq 16
check "16 keychain items, nothing else" test "$(keychain_items | wc -l)" -eq 16
check "index and keychain agree after imports" agree
for i in $(seq 8); do "$CLI" wallet remove --yes "$(cat "$W/a$i")" 2>"$W/r$i" & done
wait
check "8 left after 8 concurrent removes" test "$(listed | wc -l)" -eq 8
check "keychain agrees after removes" agree
for i in $(seq 9 16); do "$CLI" wallet remove --yes "$(cat "$W/a$i")" >/dev/null 2>&1; done
check "all removed" test -z "$(keychain_items)"

# --- wallet create beside three wallet list, 50 rounds ---
lost=0
for r in $(seq 50); do
  ( "$CLI" wallet list >/dev/null & "$CLI" wallet list >/dev/null & "$CLI" wallet list >/dev/null & wait ) &
  "$CLI" wallet create --label "C$r" >/dev/null 2>"$W/c.err"
  wait
  addr=$(sed -n 's/^quill-cli: created \(0x[0-9a-fA-F]\{40\}\).*/\1/p' "$W/c.err")
  if [[ -z "$addr" ]] || ! listed | grep -x "$addr" >/dev/null || ! keychain_items | grep -x "wallet:$addr" >/dev/null; then
    lost=$((lost+1)); echo "  round $r: created '$addr' not listed with its key"; cat "$W/c.err"
  fi
done
check "create beside 3 lists: 50/50 listed with their key" test "$lost" -eq 0
check "agree after the create rounds" agree
for a in $(listed); do "$CLI" wallet remove --yes "$a" >/dev/null 2>&1; done

# --- kill -9 at random moments: import, remove, session key creation ---
openssl rand -hex 32 > "$W/kk"
ADDR=$("$CLI" address --key-file "$W/kk")
printf '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n' > "$W/keep"
KEEP=$("$CLI" wallet import --key-file "$W/keep" --label Keep)
NOW=2025-01-15T12:00:00.000Z
# Kill at a random moment within how long one operation takes on this machine now (it
# is much slower under a loaded CI box), so that some finish and most do not.
t0=$(date +%s%N)
"$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$KEEP" --app timing --now "$NOW" >/dev/null 2>&1
span_ms=$(( ($(date +%s%N) - t0) / 1000000 + 5 ))
echo "  one operation takes ~$span_ms ms here"
bad=0 killed=0
for r in $(seq "$ROUNDS"); do
  case $((RANDOM % 4)) in
    0) if listed | grep -x "$ADDR" >/dev/null; then cmd=("$CLI" wallet remove --yes "$ADDR"); else cmd=("$CLI" wallet import --key-file "$W/kk"); fi ;;
    1) cmd=("$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$KEEP" --app "app$((RANDOM % 4))" --now "$NOW") ;;
    2) cmd=("$CLI" wallet import --key-file "$W/kk") ;;
    3) cmd=("$PAIR_ONCE") ;;
  esac
  "${cmd[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms=$(( RANDOM % (span_ms * 12 / 10 + 1) )) 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [[ $? -eq 137 ]] && killed=$((killed+1))
  # The next start (any quill-cli command) finishes what the killed one left.
  if ! agree; then bad=$((bad+1)); echo "  round $r (${cmd[*]:1:2}): index and keychain disagree"; fi
  listed | grep -x "$KEEP" >/dev/null || { bad=$((bad+1)); echo "  round $r: the fully imported account is gone"; }
  # Every session key listed has its seed, and every seed is listed.
  sk_index=$(grep -o '"app": "[^"]*"' "$QUILL_DATA_DIR/session-keys.json" 2>/dev/null | wc -l)
  sk_items=$(keychain_items | grep -c '^session:')
  [[ "$sk_index" -eq "$sk_items" ]] || { bad=$((bad+1)); echo "  round $r: $sk_index session keys listed, $sk_items in the keychain"; }
  # Every paired app has its token, and every token is a paired app's.
  apps_index=$(grep -o '"appId": "[0-9a-f]*"' "$QUILL_DATA_DIR/apps.json" 2>/dev/null | sed 's/.*: "\(.*\)"/pairing:\1/' | sort)
  apps_items=$(keychain_items | grep '^pairing:')
  [[ "$apps_index" == "$apps_items" ]] || { bad=$((bad+1)); echo "  round $r: paired apps and tokens disagree"; }
done
echo "  $killed of $ROUNDS processes were killed before they finished"
check "many processes were killed mid-way" test "$killed" -ge $((ROUNDS / 5))
check "$ROUNDS kill -9 rounds: index and keychain agree every time" test "$bad" -eq 0
check "session keys were made under the kills" test -s "$QUILL_DATA_DIR/session-keys.json"
check "apps were paired under the kills" grep -q '"appId"' "$QUILL_DATA_DIR/apps.json"
out=$("$CLI" wallet doctor); rc=$?
check "doctor: all agree (exit 0)" test $rc -eq 0
check "doctor says ok" grep -q '^ok:' <<<"$out"

# --- a key in the keychain that no list names (as older versions left them) ---
"$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$KEEP" --app seen --now "$NOW" >/dev/null 2>&1
python3 - "$QUILL_DATA_DIR/accounts.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p)); d["accounts"] = []; json.dump(d, open(p, "w"))
PY
out=$("$CLI" wallet doctor); rc=$?
check "doctor: an unlisted key needs the user (exit 1)" test $rc -eq 1
check "doctor names the key and how to adopt it" grep -q "doctor --adopt $KEEP" <<<"$out"
"$CLI" wallet doctor --adopt 0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b >/dev/null 2>"$W/adopt.err"; rc=$?
check "adopting an address without a key fails (exit 2)" test $rc -eq 2
"$CLI" wallet doctor --adopt "$KEEP" --label Keep >/dev/null; rc=$?
check "adopt lists it again" test $rc -eq 0
check "adopted account is listed" bash -c "'$CLI' wallet list | grep -q '^$KEEP'"
check "adopted key signs" "$CLI" issue --request "$HERE/data/requests/valid_vector_a.json" --account "$KEEP" --app seen --now "$NOW" >/dev/null

# --- a locked keyring: refused at once, with a clear message, nothing left behind ---
dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets \
  org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
"$CLI" wallet import --key-file "$W/k1" 2>"$W/locked.err" >/dev/null; rc=$?
check "locked keyring: import refused (exit 2)" test $rc -eq 2
check "locked keyring: says so" grep -q "keyring is locked" "$W/locked.err"
check "locked keyring: no pending record" bash -c "! grep -qE '\"(pending|removing)\"' '$QUILL_DATA_DIR/accounts.json'"
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
