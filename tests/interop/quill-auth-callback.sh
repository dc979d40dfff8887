#!/usr/bin/env bash
# Runs the Node example quill-auth-callback.mjs against a headless Quill (CTest:
# interop_auth_callback).
#   tests/interop/quill-auth-callback.sh BUILD_DIR
# Starts BUILD_DIR/tests/api_test_server (scripted user who approves) with its WebSocket on a
# free port, waits for "READY <socket> <port>", runs the example against ws://127.0.0.1:<port>,
# stops the server by pid. Exit status: the example's (0 all checks passed, 1 a check failed,
# 2 unusable input or no server).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
SERVER="$1/tests/api_test_server"
[[ -x "$SERVER" ]] || { echo "quill-auth-callback.sh: no $SERVER (build the api_test_server target)" >&2; exit 2; }
[[ -d "$HERE/node_modules/ws" ]] || { echo "quill-auth-callback.sh: run 'npm ci' in $HERE first" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/quill-auth-callback.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$SERVER" --socket "$WORK/quill.sock" --ws-port 0 >"$WORK/server.out" 2>"$WORK/server.err" &
server_pid=$!

port=""
for _ in $(seq 100); do # up to 10 s
  if read -r word _ p <"$WORK/server.out" 2>/dev/null && [[ "$word" == READY ]]; then
    port="$p"
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$port" || "$port" -le 0 ]]; then
  echo "quill-auth-callback.sh: api_test_server did not get ready" >&2
  cat "$WORK/server.err" >&2
  exit 2
fi
echo "== api_test_server ready, WebSocket on 127.0.0.1:$port"

cd "$HERE"
rc=0
node quill-auth-callback.mjs --ws "ws://127.0.0.1:$port" --origin http://localhost:3000 \
  --expect-address 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 || rc=$?
exit "$rc"
