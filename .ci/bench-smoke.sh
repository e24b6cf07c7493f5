#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: the benchmark's small graph as a smoke check. warmpath and the three peers (plain igraph C,
# python-igraph, NetworkX) must give the same answers; timings are printed, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target peer-igraph warmpath-bench
WP_BENCH_BUILD_DIR="$build" tools/bench/run.sh small --clock cpu
# run.sh would go on without warmpath if it were missing: make sure it was compared.
/usr/bin/python3 - <<'PY'
import json, sys
r = json.load(open("tools/bench/out/small/results.json"))
names = [run.get("peer", run.get("name")) for run in r["runs"]] if isinstance(r["runs"], list) else list(r["runs"])
if not any("warmpath" in str(n) for n in names) or not r["agreement"]["ok"]:
    sys.exit("bench-smoke: warmpath missing from the comparison, or the answers disagree: %r" % names)
print("bench-smoke: %d implementations agree" % len(names))
PY
