#!/usr/bin/env bash
# Issue 12: the protocol commands of quill-cli (issue with a key file, auth-sig, siwe, verify,
# address, review) load no QtNetwork, QtWebSockets, QtDBus, QtKeychain or libsecret, and not
# OpenSSL's libcrypto either (~0.7 ms of every start): a keystore loads it through the module
# quill-openssl.so and gives the same bytes as the key itself; the commands that need the
# rest (wallet, request, serve, issue --account) still work, through quill-cli-full. Checked
# with ldd and with the dynamic loader's own log (LD_DEBUG=libs).
#   cli-lean-start.sh QUILL_CLI TEST_DATA_DIR
set -euo pipefail
CLI=$1
DATA=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
heavy='libQt6Network|libQt6WebSockets|libQt6DBus|libqt6keychain|libsecret|libgssapi|libdbus'

lean="$heavy|libcrypto"
! ldd "$CLI" | grep -E "$lean" || fail "quill-cli links a library it should not"
ldd "$(dirname "$CLI")/quill-cli-full" | grep -E 'libQt6Network' >/dev/null || fail "quill-cli-full lost QtNetwork?"

printf '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318' >"$T/key" # public test key
REQ="$DATA/requests/valid_vector_a.json"
PUB=d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a
NOW=2025-01-15T12:00:00.000Z
# Each command: run it once plainly (it must succeed), once under LD_DEBUG=libs (no heavy lib;
# none of "$lean" unless the command is expected to load OpenSSL's module: `check-ssl`).
check() {
  local name=$1 forbidden=$lean
  shift
  if [[ $name == *-ssl ]]; then forbidden=$heavy; fi
  "$CLI" "$@" >"$T/$name.out" 2>"$T/$name.err" || fail "$name: exit $? $(cat "$T/$name.err")"
  LD_DEBUG=libs "$CLI" "$@" >/dev/null 2>"$T/$name.ld" || true
  grep -q 'calling init' "$T/$name.ld" || fail "$name: LD_DEBUG gave no loader log"
  if grep -E "calling init: .*($forbidden)" "$T/$name.ld"; then
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

# A keystore (scrypt, and PBKDF2) needs OpenSSL's AES-128-CTR: the module is loaded then, and
# the answer is byte for byte the one from the key file (same session seed).
printf testpassword >"$T/pw"
printf '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60' >"$T/seed" # RFC 8032 test seed
"$CLI" issue --request "$REQ" --key-file "$T/key" --session-seed-file "$T/seed" --now "$NOW" >"$T/fromkey.json"
check issue-keystore-ssl issue --request "$REQ" --keystore "$DATA/keystore/valid_ethers6_light_a.json" \
  --password-file "$T/pw" --session-seed-file "$T/seed" --now "$NOW"
grep -qE 'calling init: .*quill-openssl.so' "$T/issue-keystore-ssl.ld" || fail "the keystore did not load quill-openssl.so"
cmp -s "$T/fromkey.json" "$T/issue-keystore-ssl.out" || fail "issue --keystore differs from issue --key-file"
check address-pbkdf2-ssl address --keystore "$DATA/keystore/valid_crafted_pbkdf2.json" --password-file "$T/pw"
grep -qx '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23' "$T/address-pbkdf2-ssl.out" ||
  fail "address --keystore (pbkdf2): $(cat "$T/address-pbkdf2-ssl.out")"
# A signature libsodium refuses is put to OpenSSL too (Ed25519Key::verifyStrict): one byte of
# a node's signature changed, the module loaded, the answer still "invalid".
python3 - "$T/sigs.json" "$T/bad.json" <<'PY'
import json, sys
sigs = json.load(open(sys.argv[1]))
node = next(iter(sigs))
sig = sigs[node]["sig"]
sigs[node]["sig"] = sig[:10] + ("0" if sig[10] != "0" else "1") + sig[11:]
json.dump(sigs, open(sys.argv[2], "w"))
PY
set +e
LD_DEBUG=libs "$CLI" verify "$T/bad.json" --now "$NOW" >"$T/bad.out" 2>"$T/bad.ld"
code=$?
set -e
[[ $code -ne 0 ]] || fail "verify accepted a changed signature"
grep -qE 'calling init: .*quill-openssl.so' "$T/bad.ld" || fail "a refused signature was not put to OpenSSL"
echo "ok: a changed signature is refused after OpenSSL was asked (exit $code)"

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
