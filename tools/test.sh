#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds with warnings as errors, and runs every test (GTest binaries under CTest and
# the command-line golden cases).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-test -DWP_WERROR=ON -DBUILD_TESTING=ON >&2
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
