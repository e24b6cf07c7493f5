#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line under the locales users have: every answer, message and written file must be
# byte for byte what it is under C.UTF-8. Under C and POSIX (cron, containers) non-ASCII
# arguments used to fail ("Invalid byte sequence in conversion input"); under tr_TR.UTF-8 the
# headers ID, DIRECTED and INTERACTIONS were not recognised and e-mail keys became "bob.smıth@";
# under de_DE.UTF-8 numbers were written with a decimal comma.
#
# Usage: WARMPATH=BINARY LOCPATH=DIR locales.sh REPO_ROOT (DIR made by tests/gen-locales.sh).
# Exits 77 (skipped) when the tr_TR/de_DE locales are not available.
set -u
repo=$1
case $WARMPATH in /*) ;; *) WARMPATH=$(pwd)/$WARMPATH ;; esac
cd "$repo" || exit 1
for name in tr_TR.UTF-8 de_DE.UTF-8; do
    if ! grep -qx "$name" "${LOCPATH:-/nonexistent}/available" 2>/dev/null; then
        echo "locales.sh: SKIP: $name not available in LOCPATH=${LOCPATH:-unset} (tests/gen-locales.sh)"
        exit 77
    fi
done
unset WARMPATH_DATA LANG LANGUAGE LC_ALL LC_CTYPE LC_NUMERIC LC_MESSAGES
TZ=UTC
export TZ
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wp-locales.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
WARMPATH_CACHE_DIR=off
export WARMPATH_CACHE_DIR
fixture=tests/data/locale
demo="--data datasets/demo --as-of 2026-11-01"

# Runs every case under LC_ALL=$1 into $tmp/$1/: CASE.out, CASE.err, CASE.rc.
run_all() {
    out=$tmp/$1
    mkdir -p "$out"
    run() {
        name=$1
        shift
        LC_ALL=$locale "$WARMPATH" "$@" >"$out/$name.out" 2>"$out/$name.err"
        echo $? >"$out/$name.rc"
    }
    locale=$1
    run to-upper-name path --data $fixture --as-of 2026-11-01 --from s --to "IŞIK DEMIR" --format csv
    run one-way path --data $fixture --as-of 2026-11-01 --from c --to s
    run apostrophe path $demo --from "Alice Carter" --to "Siobhan O’Brien" -k 1
    run accents path $demo --from "Alice Carter" --to "José Álvarez" --at "Pacific Outfitters" -k 1 --format csv
    run table path $demo --from "Alice Carter" --to "Bob Smith" --at Acme -k 2
    run where rank $demo --from p00001 --where "region=DACH" --where "title~Müller,VP" --top 3
    run rank-csv rank $demo --from p00001 --where region=DACH --top 3 --format csv
    run rank-json rank $demo --from p00001 --where region=DACH --top 2 --format json
    run stats stats --data $fixture --format csv
    run unknown path $demo --from "Alice Carter" --to "Zoë Mülller"
    rm -rf "$out/import" && cp -r $fixture "$out/import"
    run import import crm --data "$out/import" --exported-on 2026-11-01 $fixture/crm.csv
    sed "s|$out/import|DIR|g" "$out/import.out" >"$out/import.out.tmp" && mv "$out/import.out.tmp" "$out/import.out"
    cp "$out/import/people.csv" "$out/import-people.csv"
    rm -rf "$out/import"
}

run_all C.UTF-8
fail=0
# What the reference itself must show (independent of any locale).
check() {
    if ! grep -q "$2" "$tmp/C.UTF-8/$1"; then
        echo "FAIL reference: $1 lacks '$2'"
        fail=1
    fi
}
check to-upper-name.rc '^0$'
check to-upper-name.out 'p00*c\|,c,'
check one-way.out 'No introduction path to Sam Seller'
check apostrophe.out "Siobhan O'Brien"
check table.out 'strength 0.92'
check rank-json.out '"score" : [0-9]*\.[0-9]'
check import.out '0 added, 2 updated'
if [ "$(grep -c . "$tmp/C.UTF-8/import-people.csv")" -ne 5 ]; then
    echo "FAIL reference: the import added people instead of matching them by e-mail"
    fail=1
fi

for locale in C POSIX tr_TR.UTF-8 de_DE.UTF-8; do
    run_all $locale
    for f in "$tmp/C.UTF-8"/*; do
        f=${f##*/}
        if ! cmp -s "$tmp/C.UTF-8/$f" "$tmp/$locale/$f"; then
            echo "FAIL $locale: $f differs from C.UTF-8"
            diff "$tmp/C.UTF-8/$f" "$tmp/$locale/$f" | head -10
            fail=1
        fi
    done
done
[ $fail -eq 0 ] && echo "locales.sh: C, POSIX, tr_TR.UTF-8 and de_DE.UTF-8 all agree with C.UTF-8"
exit $fail
