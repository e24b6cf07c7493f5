#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One-command benchmark: tools/bench/run.sh small|medium|large [compare.py options...]
#
#  1. installs the missing Debian packages (the Python peers among them) with tools/setup.sh,
#     or, off Debian or with BENCH_PYTHON set, says what is missing,
#  2. generates tools/bench/out/SIZE/ (edges.csv, people.csv, query.txt,
#     meta.json) unless it is already there,
#  3. builds the C peer(s) into $WP_BENCH_BUILD_DIR (default build-bench/),
#     including warmpath-bench when the warmpath build defines it,
#  4. runs compare.py: the table goes to stdout, everything to
#     tools/bench/out/SIZE/results.json. Exit status is compare.py's
#     (0 agree, 1 disagreement, 2 a peer failed).
# Extra arguments go to compare.py, e.g. --q2-limit python-igraph=50 or
# --peer warmpath=/path/to/warmpath-bench.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-}"
case "$size" in
    small | medium | large) shift ;;
    *)
        echo "usage: tools/bench/run.sh small|medium|large [compare.py options...]" >&2
        exit 2
        ;;
esac
py="${BENCH_PYTHON:-/usr/bin/python3}"
build="${WP_BENCH_BUILD_DIR:-$root/build-bench}"
data="$here/out/$size"

# ---- 1. prerequisites: on Debian the missing packages are installed (tools/setup.sh, which
# also builds warmpath); elsewhere, or with BENCH_PYTHON set, they are only named.
if [ -z "${BENCH_PYTHON:-}" ] && command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
    WP_EXTRA_PACKAGES="python3 python3-networkx python3-igraph" "$root/tools/setup.sh" "$build" >&2
fi
missing=()
[ -x "$py" ] || missing+=("python3")
if [ -x "$py" ]; then
    "$py" -c 'import networkx' 2>/dev/null || missing+=("python3-networkx")
    "$py" -c 'import igraph' 2>/dev/null || missing+=("python3-igraph")
fi
command -v cmake >/dev/null || missing+=("cmake")
command -v cc >/dev/null || missing+=("gcc")
if command -v pkg-config >/dev/null; then
    pkg-config --exists 'igraph >= 0.10' || missing+=("libigraph-dev")
    pkg-config --exists 'glib-2.0 >= 2.70' || missing+=("libglib2.0-dev")
else
    missing+=("pkg-config")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "run.sh: missing prerequisites. On Debian/Ubuntu:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    [ -x "$py" ] || echo "  (or set BENCH_PYTHON to an interpreter with networkx and python-igraph)" >&2
    exit 2
fi

# ---- 2. dataset
if [ -s "$data/edges.csv" ] && [ -s "$data/query.txt" ]; then
    echo "[run] using the existing dataset $data (delete it to regenerate)" >&2
else
    if [ "$size" = large ]; then
        echo "[run] generating the large preset (1M people, ~13M rows): takes several minutes and a few GB" >&2
    fi
    "$py" "$here/gen_graph.py" preset "$size" --seed 1 --out "$data"
fi

# ---- 3. build. The whole warmpath tree when it configures (then warmpath-bench
# can be built too); otherwise tools/bench alone, which needs only igraph and GLib.
log="$build/run-sh-build.log"
mkdir -p "$build"
if cmake -S "$root" -B "$build" >"$log" 2>&1; then
    cmake --build "$build" --target peer-igraph >>"$log" 2>&1 || {
        echo "run.sh: building peer-igraph failed, see $log" >&2
        exit 2
    }
    # Not "| grep -q": under pipefail grep's early exit fails the pipeline (SIGPIPE).
    targets="$(cmake --build "$build" --target help 2>/dev/null || true)"
    if grep -q 'warmpath-bench' <<<"$targets"; then
        cmake --build "$build" --target warmpath-bench >>"$log" 2>&1 ||
            echo "[run] warning: warmpath-bench did not build (see $log); running without it" >&2
    fi
else
    echo "[run] the warmpath tree does not configure (see $log); building the peers alone" >&2
    if ! { cmake -S "$here" -B "$build/peers" >>"$log" 2>&1 &&
        cmake --build "$build/peers" --target peer-igraph >>"$log" 2>&1; }; then
        echo "run.sh: building peer-igraph failed, see $log" >&2
        exit 2
    fi
fi

# ---- 4. compare. NetworkX's 200 pure-Python Dijkstras take ~10 min on medium
# and far longer on large, so there it runs a few and its Q2 time is extrapolated.
limits=()
case "$size" in
    medium) limits=(--q2-limit networkx=20) ;;
    large) limits=(--q2-limit networkx=2 --q2-limit python-igraph=50) ;;
esac
status=0
"$py" "$here/compare.py" "$data" --build-dir "$build" --python "$py" \
    --json "$data/results.json" "${limits[@]}" "$@" || status=$?
exit "$status"
