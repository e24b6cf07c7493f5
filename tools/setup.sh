#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages warmpath needs (only those missing), then configures and builds.
# Usage: tools/setup.sh [BUILD_DIR] [extra cmake args...]   (default build dir: build)
set -euo pipefail
cd "$(dirname "$0")/.."

# `locales`: the sources tests/gen-locales.sh compiles tr_TR and de_DE from (the locale tests).
# `help2man`: the man pages, made from --help at build time (tools/package/man.sh).
# `libsqlite3-dev`: the referral ledger (src/ledger).
# `libcairo2-dev`: the metrics chart (src/ledger/chart.c).
# `libsoup-3.0-dev`: `warmpath serve`, the HTTP service (src/serve).
packages=(pkg-config libglib2.0-dev libjson-glib-dev libigraph-dev libgraphviz-dev libcsv-dev
          libxxhash-dev libsqlite3-dev libcairo2-dev locales help2man libsoup-3.0-dev
          ${WP_EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

build=${1:-build}
shift || true
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
