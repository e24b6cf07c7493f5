#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds, and asks the demo question on the bundled network:
# "Who can introduce Alice Carter to Bob Smith at Acme?"
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build >&2
set -x
build/warmpath stats --data datasets/demo --as-of 2026-11-01
