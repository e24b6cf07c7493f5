#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds with warnings as errors, and runs every test (GTest binaries under CTest and
# the command-line golden cases).
set -euo pipefail
cd "$(dirname "$0")/.."
# `chromium`: the web page's test in a real browser (tests/check-web-page.py); only the tests
# need it, so it is not among the product's packages in tools/setup.sh.
WP_EXTRA_PACKAGES="${WP_EXTRA_PACKAGES:-} chromium" \
    tools/setup.sh build-test -DWP_WERROR=ON -DBUILD_TESTING=ON >&2
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
