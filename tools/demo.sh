#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds, and asks the demo questions on the bundled network (datasets/demo):
# "Who can introduce Alice Carter to Bob Smith at Acme?" and "Whom does she ask first for the
# Fintech VPs and CFOs in US-East?"
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build >&2
wp=build/warmpath
data=(--data datasets/demo --as-of 2026-11-01)
set -x
"$wp" path "${data[@]}" --from "Alice Carter" --to "Bob Smith" --at Acme
"$wp" rank "${data[@]}" --from "Alice Carter" --where industry=Fintech --where region=US-East \
    --where 'title~VP,CFO' --top 5 --plan 3
