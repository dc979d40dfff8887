#!/usr/bin/env bash
# Runs Quill's benchmarks and the JS reference path in the same run and prints the ratios.
#   bash tests/benchmarks/run.sh [BUILD_DIR]     (default build/release; built if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
if [[ "$build" == build/release ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target quill quill-cli quill-cli-full quill_bench quill_bench_remembered bare_start
fi
if [[ ! -d tests/interop/node_modules ]] || [[ tests/interop/package-lock.json -nt tests/interop/node_modules ]]; then
  (cd tests/interop && npm ci --no-audit --no-fund --prefer-offline >/dev/null)
fi
node tests/benchmarks/compare.mjs "$build"
# A remembered request: broker alone vs the desktop app's stack (window open, 0 and 10,000
# activity entries), against the real keychain (issue #9: full stack <= 1.5x broker, flat in the log).
bash tests/keychain/with-keyring.sh env QUILL_BENCH_KEYCHAIN=1 QT_QPA_PLATFORM=offscreen \
  "$build/tests/benchmarks/quill_bench_remembered" 2>/dev/null | grep -E '^(BM_|-|Benchmark)'
