#!/usr/bin/env bash
# Quill's whole test suite from a fresh Debian 12 checkout: installs the dependencies,
# builds, and runs every test (unit, integration, interop against the official npm
# packages, fuzz-corpus replay) in a Debug build with -Werror, then the unit, integration
# and fuzz-corpus tests again under AddressSanitizer + UndefinedBehaviorSanitizer. The dev
# run includes package_lint: the .deb built with CPack and checked with lintian,
# desktop-file-validate and appstreamcli (packaging/check-package.sh). Last, the release build
# of the README's first command, run once headless.
# This is the README's test command and what .ci/run calls.
# Disk: the four build trees and the two npm trees of the Lit SDKs take about 7 GB together.
# With CI=true (a throw-away clone) each is removed once its phase is over, so the peak is
# about 4 GB; on a developer's machine they stay for incremental builds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Free space left, in MB, at the start and after each phase: a full disk shows up as itself
# instead of as a linker error in the middle of a build.
disk() { echo "== disk: $(df -Pm . | awk 'NR==2 {print $4}') MB free $1"; }
# free_phase DIR...: in CI, removes what a finished phase leaves behind.
free_phase() {
  if [[ "${CI:-}" == true ]]; then
    rm -rf "$@"
  fi
  disk "after ${1}"
}
disk "at the start"
if (($(df -Pm . | awk 'NR==2 {print $4}') < 4500)); then
  echo "run-all.sh: less than 4.5 GB free here; the builds and the Lit SDKs' npm trees need about 4 GB (7 GB outside CI)" >&2
fi

bash packaging/install-deps.sh

jobs=$(nproc)
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"
free_phase build/dev tests/interop/node_modules tests/interop-v8/node_modules

cmake --preset asan
cmake --build --preset asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan -j "$jobs" -LE 'interop|package'
free_phase build/asan tests/interop/node_modules  # the ASan run's fixtures install it again

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
free_phase build/fuzz

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
