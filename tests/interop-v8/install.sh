#!/usr/bin/env bash
# npm ci for the Lit SDK v8 packages that drive Quill in clients/js/test/sdk-v8.test.mjs (a
# CTest fixture runs it before js_client). Installs from package-lock.json only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null 2>&1 || { echo "interop-v8: npm is not on PATH" >&2; exit 1; }
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "== npm ci (tests/interop-v8)"
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
fi
