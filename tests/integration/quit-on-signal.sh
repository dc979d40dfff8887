#!/usr/bin/env bash
# SIGTERM (a session logging out, a test harness, systemd) and SIGINT end Quill's processes
# cleanly: exit code 0 and their temporary data folders removed — `quill --demo`,
# `quill-cli serve --dev` and the tests' api_test_server. Each runs with its own TMPDIR, which
# must be empty afterwards.
#   quit-on-signal.sh BUILD_DIR
set -uo pipefail
B=$1
T=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }
# Public test key of the spec's vectors (never a real key).
echo 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 > "$T/dev.key"

# run NAME SIGNAL READY_CHECK CMD…: starts CMD with TMPDIR=$T/NAME, waits until READY_CHECK
# (a command) succeeds, sends SIGNAL, then checks the exit code and the empty TMPDIR.
run() {
  local name=$1 sig=$2 ready=$3; shift 3
  mkdir -p "$T/$name"
  TMPDIR="$T/$name" QUILL_DATA_DIR="$T/$name.data" "$@" >"$T/$name.out" 2>"$T/$name.err" &
  local pid=$!
  pids+=("$pid")
  local ok=false
  for _ in $(seq 150); do
    if eval "$ready"; then ok=true; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  check "$name: started" $ok
  kill "-$sig" "$pid"
  local code=0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    code=124
  else
    wait "$pid"
    code=$?
  fi
  check "$name: exits 0 on SIG$sig (got $code)" test "$code" -eq 0
  local left
  left=$(find "$T/$name" -mindepth 1 -maxdepth 1 | wc -l)
  check "$name: leaves no temporary folder ($left left)" test "$left" -eq 0
  [[ $code -eq 0 && $left -eq 0 ]] || { echo "--- $name stderr"; cat "$T/$name.err"; }
}

run serve TERM "grep -q READY '$T/serve.out'" \
  "$B/app/quill-cli" serve --dev --dev-key-file "$T/dev.key" --socket "$T/s.sock"
run serve-int INT "grep -q READY '$T/serve-int.out'" \
  "$B/app/quill-cli" serve --dev --dev-key-file "$T/dev.key" --socket "$T/si.sock"
run api_test_server TERM "grep -q READY '$T/api_test_server.out'" \
  "$B/tests/api_test_server" --socket "$T/a.sock"
# The demo app: ready once its demo data folder exists (and a second for its window).
mkdir -m 700 "$T/demo.run"
run demo TERM "test -n \"\$(find '$T/demo' -mindepth 1 -maxdepth 1)\" && sleep 1" \
  env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$T/demo.run" "$B/app/quill" --demo

echo "quit-on-signal: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
