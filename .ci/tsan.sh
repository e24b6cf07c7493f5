#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: the thread test (tests/test-threads.c: path and rank queries from several threads on one
# graph and scoring, against sequential answers) under ThreadSanitizer. Any report fails the run.
# Only the library and that test are built: the rest of the suite is single-threaded or covered
# by .ci/sanitize.sh, and TSan cannot share a build with ASan.
# Usage: .ci/tsan.sh [BUILD_DIR]   (default build-tsan)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tsan}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_WERROR=ON -DBUILD_TESTING=ON \
      -DCMAKE_C_FLAGS="-fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
      -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target test-threads
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
# GLib 2.74 hands GSlice blocks (GArray headers) from thread to thread in magazines TSan cannot
# see: plain malloc lets it follow them.
G_SLICE=always-malloc WP_SOURCE_DIR=$PWD G_TEST_SRCDIR=$PWD/tests "$build/tests/test-threads"
