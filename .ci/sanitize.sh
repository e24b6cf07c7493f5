#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer with leak
# detection. Any report (memory error, undefined behaviour, leak) fails the run.
# Usage: .ci/sanitize.sh [BUILD_DIR]   (default build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_SANITIZE=ON -DWP_WERROR=ON \
      -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir "$build" --output-on-failure -j"${JOBS:-$(nproc)}"
