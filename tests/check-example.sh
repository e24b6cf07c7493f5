#!/bin/sh
# SPDX-License-Identifier: MIT
# examples/who-can-introduce on the demo network: check-example.sh EXAMPLE WARMPATH REPO_ROOT
#
# The answer must hold the demo's planted story (datasets/demo/README.md "The planted demo
# story"): Alice Carter reaches Bob Smith at Acme first through her client Priya Natarajan, then
# through her friend Daniel Okafor on Bob's team, then through Tom Becker and Acme's CFO Rachel
# Kim. And it must be the command line's answer, path for path: the same library, called as an
# application calls it.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 EXAMPLE WARMPATH REPO_ROOT" >&2
    exit 2
fi
example=$1
warmpath=$2
demo=$3/datasets/demo
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wp-example.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export WARMPATH_CACHE_DIR=off

"$example" --as-of 2026-11-01 "$demo" "Alice Carter" "Bob Smith" Acme >"$tmp/out"
status=0
expect_line() { # expect_line N TEXT: line N of the answer is TEXT, after its percentage
    got=$(sed -n "$1p" "$tmp/out" | sed 's/^[0-9]*\. *[0-9.]*%  //')
    if [ "$got" != "$2" ]; then
        echo "check-example: path $1 is '$got', expected '$2'"
        status=1
    fi
}
expect_line 1 "Alice Carter -> Priya Natarajan -> Bob Smith"
expect_line 2 "Alice Carter -> Daniel Okafor -> Bob Smith"
expect_line 3 "Alice Carter -> Tom Becker -> Rachel Kim -> Bob Smith"

# The command line's CSV, one row per hop, turned into the example's lines.
"$warmpath" path --data "$demo" --as-of 2026-11-01 --from "Alice Carter" --to "Bob Smith" \
    --at Acme --format csv --quiet >"$tmp/cli.csv"
awk -F, 'NR > 1 {
        if ($1 != rank) {
            if (rank != "") print line " -> " last
            rank = $1
            line = sprintf("%d. %4.1f%%  %s", $1, 100 * $2, $7)
        } else
            line = line " -> " $7
        last = $9
    }
    END { if (rank != "") print line " -> " last }' "$tmp/cli.csv" >"$tmp/cli"
sed '/^at least one works/d' "$tmp/out" >"$tmp/paths"
if ! diff -u "$tmp/cli" "$tmp/paths"; then
    echo "check-example: the example's paths (+) differ from 'warmpath path' (-)"
    status=1
fi
if ! grep -q '^at least one works: [0-9.]*%$' "$tmp/out"; then
    echo "check-example: no 'at least one works' line"
    status=1
fi
[ $status -eq 0 ] && echo "check-example: $(wc -l <"$tmp/paths") paths, the planted three first, as 'warmpath path' finds them"
exit $status
