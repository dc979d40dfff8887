#!/usr/bin/env bash
# Issue 14: another local user can neither reach Quill nor take the owner's room. A throw-away
# Unix user (created here, removed on exit) tries the loopback WebSocket and the local socket,
# holds 300 TCP connections and tries to pair 20 times; meanwhile the owner (the user running
# this test) pairs over both transports. Needs root (useradd, runuser); exits 77 (skipped)
# with the reason otherwise.
#   other-user.sh API_TEST_SERVER
set -uo pipefail
SERVER=$1
PY=/usr/bin/python3
skip() { echo "SKIP: $*"; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "needs root to create a second Unix user (running as uid $(id -u))"
for tool in useradd userdel runuser "$PY"; do
  command -v "$tool" > /dev/null || skip "$tool not found"
done

OTHER="quill-other-$$"
W=$(mktemp -d)   # the owner's: 0700, holds the socket directory
P=$(mktemp -d)   # readable by the other user: the client script
chmod 755 "$P"
server_pid="" hog_pid=""
cleanup() {
  # The other user's processes end by themselves (the hog when released); userdel refuses a
  # user that still runs a process, so wait for them first.
  touch "$P/release" 2> /dev/null
  [[ -n "$hog_pid" ]] && wait "$hog_pid" 2> /dev/null
  [[ -n "$server_pid" ]] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null
  if id "$OTHER" > /dev/null 2>&1; then
    for _ in $(seq 50); do userdel "$OTHER" 2> /dev/null && break; sleep 0.2; done
    id "$OTHER" > /dev/null 2>&1 && echo "WARNING: could not remove user $OTHER"
  fi
  rm -rf "$W" "$P"
}
trap cleanup EXIT
useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OTHER" 2> "$W/useradd.err" ||
  skip "cannot create a user: $(cat "$W/useradd.err")"
as_other() { runuser -u "$OTHER" -- "$@"; }

pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass+1)); echo "PASS $name"; else fail=$((fail+1)); echo "FAIL $name"; fi; }

# A minimal client: raw WebSocket (RFC 6455) and line-framed local socket, stdlib only.
cat > "$P/client.py" <<'PYEOF'
import json, os, socket, struct, sys, time

def ws_connect(port, origin=None):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    head = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" % port)
    if origin:
        head += "Origin: %s\r\n" % origin
    s.sendall((head + "\r\n").encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        chunk = s.recv(4096)
        if not chunk:
            break
        reply += chunk
    return s, reply.split(b"\r\n", 1)[0].decode(errors="replace")

def ws_send(s, text):
    data = text.encode()
    mask = os.urandom(4)
    frame = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126 else bytes([0x80 | 126]) + struct.pack("!H", len(data)))
    s.sendall(frame + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

def ws_recv(s):
    def exact(n):
        out = b""
        while len(out) < n:
            chunk = s.recv(n - len(out))
            if not chunk:
                raise EOFError
            out += chunk
        return out
    b0, b1 = exact(2)
    n = b1 & 0x7f
    if n == 126:
        n = struct.unpack("!H", exact(2))[0]
    elif n == 127:
        n = struct.unpack("!Q", exact(8))[0]
    return exact(n).decode()

HELLO = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "quill_hello", "params": {"name": "probe"}})

def main():
    cmd = sys.argv[1]
    if cmd == "ws-pair":       # prints the status line, then the answer (or EOF)
        port, origin = int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else None)
        try:
            s, status = ws_connect(port, origin)
        except OSError as e:
            print("connect-failed", e); return
        print(status)
        if " 101 " in status + " ":
            ws_send(s, HELLO)
            try:
                print(ws_recv(s))
            except (EOFError, OSError):
                print("EOF")
    elif cmd == "local-pair":  # connects to the Unix socket, says hello
        try:
            s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[2])
        except OSError as e:
            print("connect-failed", e.__class__.__name__); return
        s.sendall((HELLO + "\n").encode())
        print(s.makefile().readline().strip())
    elif cmd == "hog":         # holds N TCP connections until RELEASE exists (at most S s)
        port, n, secs, release = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
        held = []
        for _ in range(n):
            try:
                held.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            except OSError:
                pass
        print("holding", len(held), flush=True)
        end = time.time() + secs
        while time.time() < end and not os.path.exists(release):
            time.sleep(0.1)

main()
PYEOF

"$SERVER" --socket "$W/run/quill.sock" --ws-port 0 > "$W/server.out" 2> "$W/server.err" &
server_pid=$!
for _ in $(seq 100); do grep -q READY "$W/server.out" 2> /dev/null && break; sleep 0.1; done
read -r _ sock port < "$W/server.out" || { echo "FAIL server did not start: $(cat "$W/server.err")"; exit 1; }
echo "server: socket $sock, WebSocket port $port; other user $OTHER (uid $(id -u "$OTHER"))"

# --- the other user is turned away -------------------------------------------------------
out=$(as_other "$PY" "$P/client.py" ws-pair "$port" https://app.uniswap.org)
echo "  other user, WebSocket with a claimed Origin: $(echo "$out" | sed -n 1p)"
check "other user's WebSocket handshake is refused (403, no upgrade)" grep -q "^HTTP/1.1 403" <<< "$out"
check "other user gets no pairing prompt or token" bash -c '! grep -q token <<< "$1"' _ "$out"
out=$(as_other "$PY" "$P/client.py" ws-pair "$port")
check "other user's Origin-less WebSocket is refused too" grep -q "^HTTP/1.1 403" <<< "$out"
out=$(as_other "$PY" "$P/client.py" local-pair "$sock")
echo "  other user, local socket: $out"
check "other user cannot open the owner's local socket" grep -q "connect-failed" <<< "$out"

# --- ...and takes none of the owner's room -------------------------------------------------
as_other "$PY" "$P/client.py" hog "$port" 300 60 "$P/release" > "$W/hog.out" 2>&1 &
hog_pid=$!
for _ in $(seq 100); do grep -q holding "$W/hog.out" 2> /dev/null && break; sleep 0.1; done
echo "  other user: $(cat "$W/hog.out")"
pairing=()
for i in $(seq 20); do
  as_other "$PY" "$P/client.py" ws-pair "$port" "https://p$i.example" > "$W/pair$i.out" 2>&1 &
  pairing+=($!)
done
wait "${pairing[@]}"
check "all 20 pairing attempts of the other user are refused" \
  test "$(grep -l "^HTTP/1.1 403" "$W"/pair*.out | wc -l)" -eq 20
out=$("$PY" "$P/client.py" local-pair "$sock")
check "owner pairs over the local socket while the other user floods" grep -q '"token"' <<< "$out"
out=$("$PY" "$P/client.py" ws-pair "$port" http://localhost:3000)
check "owner pairs over the WebSocket while the other user floods" grep -q '"token"' <<< "$out"
check "the server is still running" kill -0 "$server_pid"
touch "$P/release"
wait "$hog_pid"
hog_pid=""

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
