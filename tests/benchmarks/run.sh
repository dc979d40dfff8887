#!/usr/bin/env bash
# Runs Quill's benchmarks and the JS reference path in the same run and prints the ratios.
#   bash tests/benchmarks/run.sh [BUILD_DIR]     (default build/release; built if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
if [[ ! -x "$build/tests/benchmarks/quill_bench" ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release
fi
if [[ ! -d tests/interop/node_modules ]] || [[ tests/interop/package-lock.json -nt tests/interop/node_modules ]]; then
  (cd tests/interop && npm ci --no-audit --no-fund --prefer-offline >/dev/null)
fi
exec node tests/benchmarks/compare.mjs "$build"
