#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: the CLI under valgrind (memcheck) on the demo network and on hostile input. Any memory
# error or definite leak fails the run (valgrind exits 1 instead of the expected code).
# Suppressions: tools/valgrind.supp (only what the libraries below us leak by design).
# Usage: .ci/valgrind.sh [BUILD_DIR]   (default build-valgrind: no sanitizers)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-valgrind}
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is required" >&2; exit 1; }
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_SANITIZE=OFF -DWP_FUZZ=OFF \
      -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target warmpath-cli
bin="$build/warmpath"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export WARMPATH_CACHE_DIR=off   # parse every time: the cache has its own test
demo=(--data datasets/demo --as-of 2026-11-01)
status=0

# check EXPECTED_EXIT ARGS...: runs warmpath ARGS under memcheck.
check() {
    local want=$1 rc=0
    shift
    valgrind -q --num-callers=40 --leak-check=full --show-leak-kinds=definite \
        --errors-for-leak-kinds=definite --error-exitcode=1 \
        --suppressions=tools/valgrind.supp --log-file="$tmp/vg.log" \
        "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    if [ "$rc" -ne "$want" ] || [ -s "$tmp/vg.log" ]; then
        echo "FAIL (exit $rc, expected $want): warmpath $*"
        cat "$tmp/vg.log" "$tmp/err" | head -40
        status=1
    else
        echo "ok: warmpath $*"
    fi
}

check 0 stats "${demo[@]}"
check 0 stats "${demo[@]}" -f json -o "$tmp/stats.json"
check 0 stats "${demo[@]}" -f csv --model raw
check 0 profile
# Commands added later go here, one line each.
if "$bin" --help | grep -q '^  path '; then
    check 0 path "${demo[@]}" --from p00001 --to "Bob Smith" --at Acme
fi
if "$bin" --help | grep -q '^  rank '; then
    check 0 rank "${demo[@]}" --from p00001 --where industry=Fintech --where region=US-East
fi
# Names that match nothing or too much: errors carrying candidates, explanations of territories.
check 4 path "${demo[@]}" --team=sales-nowhere --to "Bob Smith" --at Acme
check 4 path "${demo[@]}" --from p00001 --to-company pay
check 4 path "${demo[@]}" --from p00001 --to "Bob Smith"
check 4 path "${demo[@]}" --from p00001 --to "Siobhan O’Brien" --at Acmee
check 0 rank "${demo[@]}" --from p00001 --where company=@tests/data/rank-accounts.txt \
    --where region=Mars,UK --where industry=Fintec
if "$bin" --help | grep -q '^  mcp '; then  # an MCP session: good and bad calls
    check 0 mcp "${demo[@]}" <tests/serve/mcp-session.jsonl
fi
if "$bin" --help | grep -q '^  map '; then
    check 0 map "${demo[@]}" --from p00001 --company Acme -f svg -o "$tmp/acme.svg"
    check 0 map "${demo[@]}" --from p00001 --where industry=Fintech -f png -o "$tmp/t.png"
fi
if "$bin" --help | grep -q '^  import '; then
    check 0 import linkedin --data "$tmp/imported" --owner p00001 --owner-name "Alice Carter" \
        --exported-on 2026-10-01 datasets/import-example/alice-Connections.csv
    # Into a folder that has files: locks, the .bak pair, the journal.
    check 0 import linkedin --data "$tmp/imported" --owner marcus --owner-name "Marcus Reid" \
        --exported-on 2026-10-01 datasets/import-example/marcus-Connections.csv
    check 0 stats --data "$tmp/imported"
fi
# Error paths free what they allocated too.
check 3 stats --edges tests/data/hostile-unterminated.csv
check 3 stats --edges tests/data/hostile-nul.csv -f json
check 3 stats --edges tests/data/hostile-header-only.csv --people tests/data/hostile-dup-id.csv
check 3 stats --edges tests/data/hostile-corrupt.csv.gz
check 3 profile --model tests/data/hostile-profile-nul.ini
exit $status
