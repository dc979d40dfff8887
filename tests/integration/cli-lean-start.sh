#!/usr/bin/env bash
# Issue 12: the protocol commands of quill-cli (issue with a key file, auth-sig, siwe, verify,
# address, review) load no QtNetwork, QtWebSockets, QtDBus, QtKeychain or libsecret; the
# commands that need them (wallet, request, serve, issue --account) still work, through
# quill-cli-full. Checked with ldd and with the dynamic loader's own log (LD_DEBUG=libs).
#   cli-lean-start.sh QUILL_CLI TEST_DATA_DIR
set -euo pipefail
CLI=$1
DATA=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
heavy='libQt6Network|libQt6WebSockets|libQt6DBus|libqt6keychain|libsecret|libgssapi|libdbus'

! ldd "$CLI" | grep -E "$heavy" || fail "quill-cli links a library it should not"
ldd "$(dirname "$CLI")/quill-cli-full" | grep -E 'libQt6Network' >/dev/null || fail "quill-cli-full lost QtNetwork?"

printf '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318' >"$T/key" # public test key
REQ="$DATA/requests/valid_vector_a.json"
PUB=d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a
NOW=2025-01-15T12:00:00.000Z
# Each command: run it once plainly (it must succeed), once under LD_DEBUG=libs (no heavy lib).
check() {
  local name=$1
  shift
  "$CLI" "$@" >"$T/$name.out" 2>"$T/$name.err" || fail "$name: exit $? $(cat "$T/$name.err")"
  LD_DEBUG=libs "$CLI" "$@" >/dev/null 2>"$T/$name.ld" || true
  grep -q 'calling init' "$T/$name.ld" || fail "$name: LD_DEBUG gave no loader log"
  if grep -E "calling init: .*($heavy)" "$T/$name.ld"; then
    fail "$name loaded the libraries above"
  fi
  echo "ok: $name loads $(grep -c 'calling init' "$T/$name.ld") libraries, none of the network/keychain ones"
}
check address address --key-file "$T/key"
check issue issue --request "$REQ" --key-file "$T/key" --now "$NOW"
cp "$T/issue.out" "$T/sigs.json"
check verify verify "$T/sigs.json" --now "$NOW"
check auth-sig auth-sig --request "$REQ" --session-public-key "$PUB" --key-file "$T/key" --now "$NOW"
check siwe siwe --request "$REQ" --address 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 --session-public-key "$PUB" --now "$NOW"
check review review "$REQ" --now "$NOW"

# The handed-over commands: same command line, same exit codes, and they do load QtDBus.
export QUILL_DATA_DIR="$T/data"
set +e
LD_DEBUG=libs "$CLI" wallet list >"$T/wallet.out" 2>"$T/wallet.ld"
code=$?
set -e
grep -qE 'calling init: .*libQt6DBus' "$T/wallet.ld" || fail "wallet list did not reach quill-cli-full"
echo "ok: wallet list ran through quill-cli-full (exit $code)"
"$CLI" serve --help | grep -- '--dev' >/dev/null || fail "serve --help"
set +e
"$CLI" wallet frobnicate >/dev/null 2>"$T/bad.err"
code=$?
set -e
[[ $code -eq 2 ]] || fail "wallet frobnicate: exit $code, expected 2"
grep -q '^quill-cli' "$T/bad.err" || fail "quill-cli-full does not call itself quill-cli: $(cat "$T/bad.err")"
echo "ok: errors from quill-cli-full still say quill-cli (exit 2)"
