#!/usr/bin/env bash
# Quill interop test — CI entry point (registered in CTest).
#
#   tests/interop/run.sh QUILL_CLI_PATH     full run against quill-cli
#   tests/interop/run.sh --js-only          only the JS side (SDK self-check, case generation,
#                                           harness sanity checks); no quill-cli needed
#
# Steps: npm ci (if node_modules is missing or older than package-lock.json), the generator's
# --self-check (the shipped vectors reproduced byte for byte by the real SDK), generation of all
# cases into a temp dir, then for every case:
#   quill-cli issue    == expected.json (per node, keys in order, every string byte-exact)
#   check-output.mjs   accepts quill's issue output (siwe / ethers / tweetnacl, independent checks)
#   quill-cli siwe     == siwe.txt (one trailing newline allowed; --profile from profile.txt)
#   quill-cli auth-sig == authsig.json (parsed, key order included; --profile too)
#   quill-cli verify expected.json --now NOW             exits 0
#   quill-cli verify <tampered copy> --now NOW           exits 1, for: a flipped sig hex char;
#       nodeAddress changed without re-signing; the wallet SIWE changed inside the capability
#       (once without and once with re-signing the outer payload)
# Prints "N passed, N failed" and exits non-zero on any failure.
#
# Environment: QUILL_INTEROP_KEEP=1 keeps the temp dir; QUILL_INTEROP_TIMEOUT (seconds, default
# 120) bounds each quill-cli call; QUILL_INTEROP_VERBOSE=1 lets the SDK log.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROG="interop/run.sh"

usage() {
  echo "usage: $0 QUILL_CLI_PATH | --js-only" >&2
  exit 2
}
die() {
  echo "$PROG: error: $*" >&2
  exit 2
}

install_deps() {
  cd "$HERE"
  [[ -f package-lock.json ]] || die "missing $HERE/package-lock.json"
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== npm ci (node_modules missing or older than package-lock.json)"
    if ! npm ci --prefer-offline --no-audit --no-fund --loglevel=error; then
      die "npm ci failed in $HERE (registry unreachable and no npm cache?)"
    fi
  fi
}
# --install-only: just the npm install (a CTest fixture runs it before every test that
# needs node_modules, so parallel tests never see a half-installed tree).
if [[ "${1:-}" == "--install-only" ]]; then
  command -v npm >/dev/null 2>&1 || die "npm is not on PATH"
  install_deps
  exit 0
fi

[[ $# -eq 1 ]] || usage
JS_ONLY=0
QUILL=""
if [[ "$1" == "--js-only" ]]; then
  JS_ONLY=1
elif [[ "$1" == -* ]]; then
  usage
else
  QUILL="$1"
  [[ -e "$QUILL" ]] || die "quill-cli not found at '$QUILL' (build the quill-cli target first)"
  [[ -f "$QUILL" && -x "$QUILL" ]] || die "'$QUILL' is not an executable file"
  QUILL="$(cd "$(dirname "$QUILL")" && pwd)/$(basename "$QUILL")"
fi

command -v node >/dev/null 2>&1 || die "node (Node.js >= 20) is not on PATH"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$NODE_MAJOR" -ge 20 ]] || die "Node.js >= 20 required, found $(node --version)"

TIMEOUT_S="${QUILL_INTEROP_TIMEOUT:-120}"
if command -v timeout >/dev/null 2>&1; then
  TIMEOUT=(timeout --kill-after=5 "$TIMEOUT_S")
else
  TIMEOUT=()
fi

# ---------------------------------------------------------------------------------------------
# 1. npm dependencies
# ---------------------------------------------------------------------------------------------
install_deps

# ---------------------------------------------------------------------------------------------
# bookkeeping
# ---------------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/quill-interop.XXXXXX")"
cleanup() {
  if [[ "${QUILL_INTEROP_KEEP:-0}" == "1" ]]; then
    echo "(kept $WORK)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE # e.g. `run.sh … | head`: still clean up

PASSED=0
FAILED=0
FAILED_NAMES=()

pass() {
  PASSED=$((PASSED + 1))
  echo "PASS $1"
}
# fail NAME [DETAIL_FILE...]
fail() {
  local name="$1"
  shift
  FAILED=$((FAILED + 1))
  FAILED_NAMES+=("$name")
  echo "FAIL $name"
  local f
  for f in "$@"; do
    if [[ -s "$f" ]]; then
      sed -e 's/^/       /' "$f" | head -n 25 || true
    fi
  done
}

# q OUT ERR ARGS... : run quill-cli with stdout/stderr captured; returns its exit status
q() {
  local out="$1" err="$2"
  shift 2
  local rc=0
  "${TIMEOUT[@]}" "$QUILL" "$@" >"$out" 2>"$err" </dev/null || rc=$?
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    echo "quill-cli timed out after ${TIMEOUT_S}s: $*" >>"$err"
  fi
  return $rc
}

# ---------------------------------------------------------------------------------------------
# 2. the SDK reproduces the shipped vectors
# ---------------------------------------------------------------------------------------------
echo "== gen-cases.mjs --self-check"
if node gen-cases.mjs --self-check >"$WORK/self-check.log" 2>&1; then
  pass "js: gen-cases --self-check (vectors reproduced byte for byte)"
else
  fail "js: gen-cases --self-check" "$WORK/self-check.log"
fi

# ---------------------------------------------------------------------------------------------
# 3. generate the cases
# ---------------------------------------------------------------------------------------------
CASES="$WORK/cases"
echo "== gen-cases.mjs $CASES"
if ! node gen-cases.mjs "$CASES" >"$WORK/gen.log" 2>&1; then
  cat "$WORK/gen.log" >&2
  die "case generation failed"
fi
shopt -s nullglob
CASE_DIRS=("$CASES"/*/)
shopt -u nullglob
[[ ${#CASE_DIRS[@]} -gt 0 ]] || die "no cases generated"
echo "   ${#CASE_DIRS[@]} cases"

TAMPER_MODES=(flip-sig node-address capability-siwe capability-siwe-resigned)

# Tampered copies of every SDK output ($WORK/out/<case>/tampered-<mode>.json); the JS harness
# itself must accept the SDK output and reject every tampered copy (guards against a harness
# that accepts everything).
echo "== tamper.mjs --all"
mkdir -p "$WORK/out"
if node tamper.mjs --all "$CASES" "$WORK/out" >"$WORK/harness.log" 2>&1; then
  pass "js: harness accepts SDK output and rejects ${#TAMPER_MODES[@]} tampered copies per case"
else
  fail "js: harness sanity (check-output vs SDK output and tampered copies)" "$WORK/harness.log"
fi

if [[ $JS_ONLY -eq 1 ]]; then
  CASE_DIRS=() # --js-only: nothing to run against quill-cli
fi

for dir in ${CASE_DIRS[@]+"${CASE_DIRS[@]}"}; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  out="$WORK/out/$name"
  mkdir -p "$out"
  now="$(tr -d '\r\n' <"$dir/now.txt")"
  profile="$(tr -d '\r\n' <"$dir/profile.txt")"
  echo "== $name ($profile, now $now)"

  if ! read -r addr pub < <(node -e '
    const fs = require("fs");
    const a = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).address;
    const e = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    process.stdout.write(a + " " + Object.values(e)[0].address + "\n");
  ' "$dir/authsig.json" "$dir/expected.json"); then
    fail "$name: read wallet address / session public key from the case files"
    continue
  fi

  # --- issue ------------------------------------------------------------------------------
  rc=0
  q "$out/issue.json" "$out/issue.err" issue --request "$dir/request.json" --key-file "$dir/key.hex" \
    --session-seed-file "$dir/seed.hex" --now "$now" --profile "$profile" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "quill-cli issue exited $rc" >"$out/issue.rc"
    fail "$name: issue == expected.json" "$out/issue.rc" "$out/issue.err" "$out/issue.json"
    fail "$name: check-output accepts issue output (not run: issue failed)"
  else
    if node compare.mjs sessionsigs "$dir/expected.json" "$out/issue.json" >"$out/issue.diff" 2>&1; then
      pass "$name: issue == expected.json"
    else
      fail "$name: issue == expected.json" "$out/issue.diff"
    fi
    if node check-output.mjs "$dir" "$out/issue.json" >"$out/check.log" 2>&1; then
      pass "$name: check-output accepts issue output"
    else
      fail "$name: check-output accepts issue output" "$out/check.log"
    fi
  fi

  # --- siwe -------------------------------------------------------------------------------
  rc=0
  q "$out/siwe.txt" "$out/siwe.err" siwe --request "$dir/request.json" --address "$addr" \
    --session-public-key "$pub" --now "$now" --profile "$profile" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "quill-cli siwe exited $rc" >"$out/siwe.rc"
    fail "$name: siwe == siwe.txt" "$out/siwe.rc" "$out/siwe.err"
  elif node compare.mjs text "$dir/siwe.txt" "$out/siwe.txt" >"$out/siwe.diff" 2>&1; then
    pass "$name: siwe == siwe.txt"
  else
    fail "$name: siwe == siwe.txt" "$out/siwe.diff"
  fi

  # --- auth-sig ---------------------------------------------------------------------------
  rc=0
  q "$out/authsig.json" "$out/authsig.err" auth-sig --request "$dir/request.json" \
    --session-public-key "$pub" --key-file "$dir/key.hex" --now "$now" --profile "$profile" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "quill-cli auth-sig exited $rc" >"$out/authsig.rc"
    fail "$name: auth-sig == authsig.json" "$out/authsig.rc" "$out/authsig.err"
  elif node compare.mjs json "$dir/authsig.json" "$out/authsig.json" >"$out/authsig.diff" 2>&1; then
    pass "$name: auth-sig == authsig.json"
  else
    fail "$name: auth-sig == authsig.json" "$out/authsig.diff"
  fi

  # --- verify: SDK-made sigs are accepted ---------------------------------------------------
  rc=0
  q "$out/verify.out" "$out/verify.err" verify "$dir/expected.json" --now "$now" || rc=$?
  if [[ $rc -eq 0 ]]; then
    pass "$name: verify accepts SDK output (exit 0)"
  else
    echo "quill-cli verify exited $rc, want 0" >"$out/verify.rc"
    fail "$name: verify accepts SDK output (exit 0)" "$out/verify.rc" "$out/verify.out" "$out/verify.err"
  fi

  # --- verify: tampered copies are rejected --------------------------------------------------
  for mode in "${TAMPER_MODES[@]}"; do
    [[ -f "$out/tampered-$mode.json" ]] || continue
    rc=0
    q "$out/verify-$mode.out" "$out/verify-$mode.err" verify "$out/tampered-$mode.json" --now "$now" || rc=$?
    if [[ $rc -eq 1 ]]; then
      pass "$name: verify rejects tampered ($mode, exit 1)"
    else
      echo "quill-cli verify exited $rc, want 1" >"$out/verify-$mode.rc"
      fail "$name: verify rejects tampered ($mode, exit 1)" "$out/verify-$mode.rc" "$out/verify-$mode.err"
    fi
  done
done

echo
if [[ $FAILED -gt 0 ]]; then
  echo "Failed checks:"
  printf '  %s\n' "${FAILED_NAMES[@]}"
fi
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
