#!/bin/sh
# SPDX-License-Identifier: MIT
# The man pages tools/package/man.sh made say what the program says: check-man.sh WARMPATH
# MAN_DIR REPO_ROOT. Every command `warmpath --help` lists (and every subcommand a command's help
# sends to) has its page; every option its --help shows is on that page; warmpath(1) lists the
# commands, documents each exit code --help names and each WARMPATH_* variable the sources read;
# groff formats every page without a warning.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 WARMPATH MAN_DIR REPO_ROOT" >&2
    exit 2
fi
warmpath=$1
man=$2
repo=$3
status=0
fail() {
    echo "check-man: $*"
    status=1
}
# text PAGE: the page's words with roff's escapes for '-' undone.
text() { sed 's/\\-/-/g; s/\\f[BIRP]//g; s/\\,//g; s/\\\///g' "$1"; }

# check_page PAGE WORDS...: PAGE exists and shows every option of `warmpath WORDS... --help`.
check_page() {
    page=$1
    shift
    if [ ! -s "$page" ]; then
        fail "no page $page for 'warmpath $* --help'"
        return
    fi
    for option in $("$warmpath" "$@" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        text "$page" | grep -q -- "$option" || fail "$(basename "$page") lacks $option"
    done
}

check_page "$man/warmpath.1"
commands=$("$warmpath" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "'warmpath --help' lists no commands"
for command in $commands; do
    text "$man/warmpath.1" | grep -q "^$command\$" || fail "warmpath.1 does not list '$command'"
    check_page "$man/warmpath-$command.1" "$command"
    for sub in $("$warmpath" "$command" --help |
        grep -o "'warmpath $command [a-z][a-z-]* --help'" | cut -d' ' -f3); do
        check_page "$man/warmpath-$command-$sub.1" "$command" "$sub"
    done
done

# EXIT STATUS documents each code of --help's "Exit codes: 0 ok, 1 failure, ..." line.
codes=$("$warmpath" --help | sed -n 's/^Exit codes: //p' | grep -o '[0-9][0-9]*' | sort -u)
[ -n "$codes" ] || fail "'warmpath --help' names no exit codes"
for code in $codes; do
    text "$man/warmpath.1" | sed -n '/^\.SH "EXIT STATUS"/,/^\.SH/p' | grep -q "^\.B $code\$" ||
        fail "warmpath.1 EXIT STATUS lacks exit code $code"
done
# ENVIRONMENT documents each variable the program reads.
for variable in $(grep -rho 'getenv("WARMPATH_[A-Z_]*")' "$repo/src" | cut -d'"' -f2 | sort -u); do
    text "$man/warmpath.1" | sed -n '/^\.SH ENVIRONMENT/,/^\.SH/p' | grep -q "$variable" ||
        fail "warmpath.1 ENVIRONMENT lacks $variable"
done

if command -v groff >/dev/null; then
    for page in "$man"/*.1; do
        warnings=$(LC_ALL=C.UTF-8 groff -k -man -ww -z -Tutf8 "$page" 2>&1) || true
        [ -z "$warnings" ] || fail "groff warns about $(basename "$page"): $warnings"
    done
fi
[ $status -eq 0 ] && echo "check-man: $(ls "$man"/*.1 | wc -l) pages, every command and option"
exit $status
