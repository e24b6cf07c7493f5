#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: every libFuzzer harness for a short, bounded time (FUZZ_SECONDS each, default 30). Skipped
# without clang. A finding fails the run; tools/fuzz.sh prints where the input was saved.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang >/dev/null; then
    echo "fuzz: clang not installed; skipped" >&2
    exit 0
fi
exec tools/fuzz.sh "${FUZZ_SECONDS:-30}"
