#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes the man pages from what the command line says about itself, with help2man:
#   warmpath.1              `warmpath --help`, plus the sections of warmpath.h2m
#   warmpath-COMMAND.1      `warmpath COMMAND --help`, one per command `warmpath --help` lists
#   warmpath-COMMAND-SUB.1  for each `'warmpath COMMAND SUB --help'` a command's help mentions
# Each page's one-line NAME is the summary its parent's help gives it.
#
#   tools/package/man.sh WARMPATH OUT_DIR H2M_INCLUDE VERSION
set -eu

if [ $# -ne 4 ]; then
    echo "usage: $0 WARMPATH OUT_DIR H2M_INCLUDE VERSION" >&2
    exit 2
fi
warmpath=$1
out=$2
include=$3
version=$4
case $warmpath in /*) ;; *) warmpath=$(pwd)/$warmpath ;; esac

# The help is UTF-8 ("OPTION…"): help2man reads it, and runs the program, in a UTF-8 locale.
# It dates the pages from SOURCE_DATE_EPOCH when that is set (reproducible builds).
LC_ALL=C.UTF-8
export LC_ALL
unset WARMPATH_DATA
rm -rf "$out"
mkdir -p "$out/bin"
see_also=""

# summary HELP_TEXT WORD: the text after WORD on a help line "  WORD   summary".
summary() {
    printf '%s\n' "$1" | sed -n "s/^  $2  *\(.*\)\$/\1/p" | head -1
}

# page NAME SUMMARY WORDS...: warmpath-NAME.1 from `warmpath WORDS... --help`, run through a
# wrapper named warmpath-NAME (help2man names the page after the program it runs).
page() {
    name=$1
    what=$2
    shift 2
    wrapper="$out/bin/warmpath-$name"
    printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$warmpath" "$*" >"$wrapper"
    chmod +x "$wrapper"
    printf '[SEE ALSO]\n.BR warmpath (1)\n' >"$out/bin/$name.h2m"
    help2man --locale=C.UTF-8 --no-info --section=1 --version-string="$version" \
        --source="warmpath $version" --manual="warmpath" --name="$what" \
        --include="$out/bin/$name.h2m" --output="$out/warmpath-$name.1" "$wrapper"
    # help2man heads the page with the wrapper's path; the page is warmpath-NAME's.
    sed -i "s|$out/bin/||g" "$out/warmpath-$name.1"
    see_also="$see_also${see_also:+,
}.BR warmpath-$name (1)"
}

top=$("$warmpath" --help)
commands=$(printf '%s\n' "$top" | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
if [ -z "$commands" ]; then
    echo "man.sh: 'warmpath --help' lists no commands" >&2
    exit 1
fi
for command in $commands; do
    page "$command" "$(summary "$top" "$command")" "$command"
    help=$("$warmpath" "$command" --help)
    subs=$(printf '%s\n' "$help" |
        grep -o "'warmpath $command [a-z][a-z-]* --help'" | sed "s/'warmpath $command \([a-z-]*\) --help'/\1/")
    for sub in $subs; do
        page "$command-$sub" "$(summary "$help" "$sub")" "$command" "$sub"
    done
done

{
    cat "$include"
    printf '\n[SEE ALSO]\n%s\n' "$see_also"
    printf '.PP\nREADME.md and docs/ in the source tree.\n'
} >"$out/bin/warmpath.h2m"
help2man --locale=C.UTF-8 --no-info --section=1 --version-string="$version" --source="warmpath $version" \
    --manual="warmpath" --name="find warm introduction paths through a network of people" \
    --include="$out/bin/warmpath.h2m" --output="$out/warmpath.1" "$warmpath"
rm -rf "$out/bin"
