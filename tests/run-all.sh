#!/usr/bin/env bash
# Quill's whole test suite from a fresh Debian 12 checkout: installs the dependencies,
# builds, and runs every test (unit, integration, interop against the official npm
# packages, fuzz-corpus replay) in a Debug build with -Werror, then the unit, integration
# and fuzz-corpus tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
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
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan -j "$jobs" -LE interop
