#!/usr/bin/env bash
# Quill's whole test suite from a fresh Debian 12 checkout: installs the dependencies,
# builds, and runs every test (unit, integration, interop against the official npm
# packages, fuzz-corpus replay) in a Debug build with -Werror, then the unit, integration
# and fuzz-corpus tests again under AddressSanitizer + UndefinedBehaviorSanitizer. The dev
# run includes package_lint: the .deb built with CPack and checked with lintian,
# desktop-file-validate and appstreamcli (packaging/check-package.sh). Last, the release build
# of the README's first command, run once headless.
# This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh

jobs=$(nproc)
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"

cmake --preset asan
cmake --build --preset asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan -j "$jobs" -LE 'interop|package'

# libFuzzer targets (clang): build, then a short run of each from its corpus.
cmake --preset fuzz
cmake --build --preset fuzz -j "$jobs" --target fuzz_siwe fuzz_recap fuzz_request fuzz_verifier fuzz_sessionsiwe \
  fuzz_typeddata fuzz_peerinput
for t in siwe recap request verifier sessionsiwe typeddata peerinput; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/fuzz_$t/* "$work/"
  build/fuzz/tests/fuzz/fuzz_$t "$work" -max_total_time=15 -rss_limit_mb=2048 -print_final_stats=0 >"$work.log" 2>&1 \
    || { cat "$work.log"; echo "fuzz_$t found a crash"; exit 1; }
  echo "fuzz_$t: $(grep -E '^Done' "$work.log")"
  rm -rf "$work" "$work.log"
done

# The README's first command builds the optimised app: build it too (GCC at -O3 warns where
# -O0 does not) and run it once, headless.
cmake --preset release
cmake --build --preset release -j "$jobs" --target quill quill-cli
build/release/app/quill-cli demo >/dev/null
shots=$(mktemp -d)
QT_QPA_PLATFORM=offscreen build/release/app/quill --demo --screenshot "$shots"
ls "$shots"/approval-dialog.png >/dev/null
rm -rf "$shots"
echo "release build: quill-cli demo and quill --demo --screenshot ok"
