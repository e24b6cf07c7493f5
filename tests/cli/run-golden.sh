#!/bin/sh
# SPDX-License-Identifier: MIT
# Command-line golden tests: run-golden.sh CASES_DIR REPO_ROOT, with WARMPATH = the binary.
#
# Each CASE.args holds one argument per line (the token @REPO@ becomes REPO_ROOT). The case runs
# `$WARMPATH ARGS` from REPO_ROOT with a fixed environment; its stdout, stderr and exit code must
# equal CASE.out, CASE.err and CASE.rc byte for byte (a missing .out or .err means empty, a
# missing .rc means 0), once the repository root in them is written @REPO@. Prints a diff for
# each mismatch and "N passed, M failed"; exits 1 on any failure (or no case), 2 on bad usage.
#
# To (re)generate a case's expected files, run with GOLDEN_UPDATE=1, then REVIEW THEM BY HAND
# against independent facts before committing.

if [ $# -ne 2 ] || [ -z "${WARMPATH:-}" ]; then
    echo "usage: WARMPATH=BINARY $0 CASES_DIR REPO_ROOT" >&2
    exit 2
fi
cases_dir=$1
repo=$2
case $WARMPATH in
/*) ;;
*) WARMPATH=$(pwd)/$WARMPATH ;;
esac
if [ ! -x "$WARMPATH" ]; then
    echo "run-golden.sh: '$WARMPATH' is not an executable" >&2
    exit 2
fi

# A deterministic environment: no default network, C messages, UTC, and a fixed "now" for what
# writes the time (the Date of a draft's .eml: 2026-11-02 09:30 UTC).
unset WARMPATH_DATA
LC_ALL=C
LANG=C
TZ=UTC
SOURCE_DATE_EPOCH=1793611800
export LC_ALL LANG TZ SOURCE_DATE_EPOCH

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wp-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
# Compiled-network snapshots go to a private cache, never the user's.
WARMPATH_CACHE_DIR=$tmp/cache
export WARMPATH_CACHE_DIR

# Prints $1 with every @REPO@ replaced by $repo (no sed: the path may hold any character).
expand() {
    rest=$1
    out=
    while :; do
        case $rest in
        *@REPO@*)
            out=$out${rest%%@REPO@*}$repo
            rest=${rest#*@REPO@}
            ;;
        *)
            printf '%s' "$out$rest"
            return
            ;;
        esac
    done
}

# Messages may name files by absolute path (GIO does): the repository root, as given and as the
# kernel resolves it, is written @REPO@ in the expected files. Files without it stay untouched.
repo_phys=$(cd "$repo" && pwd -P) || exit 2
normalise() {
    if grep -q -F -e "$repo" -e "$repo_phys" "$1"; then
        REPO_A=$repo REPO_B=$repo_phys awk '
            function swap(s, root,    out, i) {
                out = ""
                while (root != "" && (i = index(s, root)) > 0) {
                    out = out substr(s, 1, i - 1) "@REPO@"
                    s = substr(s, i + length(root))
                }
                return out s
            }
            { print swap(swap($0, ENVIRON["REPO_A"]), ENVIRON["REPO_B"]) }' "$1" >"$1.tmp" &&
            mv "$1.tmp" "$1"
    fi
}

passed=0
failed=0
for args_file in "$cases_dir"/*.args; do
    [ -e "$args_file" ] || continue
    name=$(basename "$args_file" .args)
    base=${args_file%.args}

    # Rebuild "$@" from the lines of the .args file (the last line may lack its newline).
    set --
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$(expand "$line")"
    done <"$args_file"

    (cd "$repo" && exec "$WARMPATH" "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
    echo $? >"$tmp/rc"
    normalise "$tmp/out"
    normalise "$tmp/err"

    if [ -n "${GOLDEN_UPDATE:-}" ]; then
        cp "$tmp/out" "$base.out"
        cp "$tmp/err" "$base.err"
        cp "$tmp/rc" "$base.rc"
    fi

    ok=1
    for kind in out err rc; do
        want=$base.$kind
        if [ ! -e "$want" ]; then
            want=$tmp/empty.$kind
            if [ "$kind" = rc ]; then echo 0 >"$want"; else : >"$want"; fi
        fi
        if ! cmp -s "$want" "$tmp/$kind"; then
            if [ $ok -eq 1 ]; then echo "FAIL $name"; fi
            ok=0
            echo "--- $kind: expected ($want) vs actual"
            diff -u "$want" "$tmp/$kind" | sed -n '3,40p'
        fi
    done
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
if [ $failed -ne 0 ] || [ $passed -eq 0 ]; then
    exit 1
fi
exit 0
