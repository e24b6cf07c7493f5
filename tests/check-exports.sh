#!/bin/sh
# SPDX-License-Identifier: MIT
# libwarmpath.so exports exactly the public API: check-exports.sh LIBRARY HEADER_DIR...
#
# Fails, listing what it found, when the shared library's dynamic symbol table
# (`nm -D --defined-only`) has
#   - an internal symbol (wp_i_*: declared in src/**/*-private.h, meant to stay hidden),
#   - a symbol without the wp_ / WP_ prefix (a helper that lost its `static`, a library linked
#     in whole), or
#   - a wp_ symbol that no WP_API declaration in HEADER_DIR/*.h names (exported by mistake),
# or when a function declared WP_API in HEADER_DIR/*.h is not exported (a missing definition, a
# typo between header and source), or a public header declares a function without WP_API (the
# library is compiled with -fvisibility=hidden, so applications could not call it).
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 LIBRARY HEADER_DIR..." >&2
    exit 2
fi
lib=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wp-exports.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Defined dynamic symbols, names only (versioned names lose their @VERSION).
nm -D --defined-only "$lib" | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' | sort -u >"$tmp/exported"
if [ ! -s "$tmp/exported" ]; then
    echo "check-exports: $lib exports nothing" >&2
    exit 1
fi

# The public headers' function and variable declarations, as "WP_API NAME" or "NONE NAME":
# comments, preprocessor lines and G_* macro calls dropped, then each declaration's name (the
# identifier before its parameter list, or an extern variable's). Braced bodies (structs, enums,
# static inline functions) go first; typedefs and static functions declare no symbol.
for dir in "$@"; do
    for header in "$dir"/*.h; do
        [ -e "$header" ] && cat "$header"
    done
done | perl -0777 -ne '
    s{/\*.*?\*/}{ }gs;
    s{//[^\n]*}{}g;
    s{^[ \t]*#(?:[^\n]*\\\n)*[^\n]*}{}mg;
    s{\bG_\w+\s*\([^()]*\)}{ }g;
    s{\bG_(?:BEGIN|END)_DECLS\b}{ }g;
    1 while s{\{[^{}]*\}}{ ; }g;
    for my $decl (split /[;{}]/) {
        next if $decl =~ /\b(?:typedef|static)\b/;
        my $api = $decl =~ s/\bWP_API\b//g ? "WP_API" : "NONE";
        if ($decl =~ /^\s*[\w\s*]*?[\w*]\s*\b([A-Za-z_]\w*)\s*\(/s) { print "$api $1\n" }
        elsif ($decl =~ /^\s*extern\b[\w\s*]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$/s) { print "$api $1\n" }
    }' | sort -u >"$tmp/declarations"
sed -n 's/^WP_API //p' "$tmp/declarations" >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
    echo "check-exports: no WP_API declaration found in $*" >&2
    exit 1
fi

status=0
report() { # report FILE TITLE: prints the file's lines under TITLE and fails, when any
    if [ -s "$1" ]; then
        echo "check-exports: $2 ($(wc -l <"$1")):"
        sed 's/^/  /' "$1"
        status=1
    fi
}
grep '^wp_i_' "$tmp/exported" >"$tmp/internal" || true
report "$tmp/internal" "internal wp_i_ symbols exported by $lib"
grep -v '^wp_' "$tmp/exported" | grep -v '^WP_' >"$tmp/unprefixed" || true
report "$tmp/unprefixed" "symbols without the wp_ or WP_ prefix exported by $lib"
grep '^wp_' "$tmp/exported" | grep -v '^wp_i_' | comm -23 - "$tmp/declared" >"$tmp/undeclared"
report "$tmp/undeclared" "exported by $lib but declared WP_API in no public header"
comm -13 "$tmp/exported" "$tmp/declared" >"$tmp/missing"
report "$tmp/missing" "declared WP_API in a public header but not exported by $lib"
sed -n 's/^NONE //p' "$tmp/declarations" >"$tmp/unmarked"
report "$tmp/unmarked" "declared in a public header without WP_API (hidden from applications)"
if [ $status -eq 0 ]; then
    echo "check-exports: $lib exports the $(wc -l <"$tmp/declared") WP_API names of the public headers and nothing else"
fi
exit $status
