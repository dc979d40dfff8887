#!/usr/bin/env bash
# Packs clients/js with `npm pack`, installs the tarball into a clean folder (offline: it has no
# dependencies) and runs the node tests there against `quill-cli serve --dev` — what ships is
# what is tested (CTest: js_client). The Lit SDK for the v7 test comes from tests/interop's
# node_modules, v8's from tests/interop-v8's (their lockfiles; CTest fixtures install them).
#   clients/js/run-tests.sh QUILL_CLI
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 QUILL_CLI" >&2; exit 2; }
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
INTEROP="$HERE/../../tests/interop/node_modules"
INTEROP_V8="$HERE/../../tests/interop-v8/node_modules"

T=$(mktemp -d "${TMPDIR:-/tmp}/quill-js.XXXXXX")
trap 'rm -rf "$T"' EXIT
tarball=$(cd "$HERE" && npm pack --silent --pack-destination "$T")
echo "== packed $tarball ($(tar tzf "$T/$tarball" | wc -l) files)"
mkdir "$T/app"
cd "$T/app"
printf '{"name":"quill-signer-consumer","private":true,"type":"module"}\n' >package.json
npm install --offline --no-audit --no-fund --loglevel=error "$T/$tarball"
cp -r "$HERE/test" "$T/app/test"
export QUILL_CLI="$CLI"
[[ -d "$INTEROP/@lit-protocol" ]] && export QUILL_INTEROP_MODULES=$(realpath "$INTEROP")
[[ -d "$INTEROP_V8/@lit-protocol/auth" ]] && export QUILL_INTEROP_V8_MODULES=$(realpath "$INTEROP_V8")
export QUILL_TEST_DATA=$(realpath "$HERE/../../tests/data")
node --test --test-concurrency=1 test/client.test.mjs test/sdk-v7.test.mjs test/sdk-v8.test.mjs test/browser.test.mjs
