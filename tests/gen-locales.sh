#!/bin/sh
# SPDX-License-Identifier: MIT
# Compiles the locales the locale tests run under (tr_TR.UTF-8: Turkish case mapping of I/i;
# de_DE.UTF-8: a decimal comma) into DIR, for LOCPATH=DIR. No root needed: the
# sources come with Debian's `locales` package, compiled with localedef (libc-bin).
#
# Usage: gen-locales.sh DIR. Writes DIR/available listing the locales made. When they cannot be
# made, it says why and writes an empty list, so the tests skip with that message; under CI
# (CI set) that is a failure instead, so CI never skips them silently.
set -u
dir=$1
mkdir -p "$dir" || exit 1
: > "$dir/available.tmp"
made=0
for name in tr_TR de_DE; do
    target="$dir/$name.UTF-8"
    if [ ! -f "$target/LC_CTYPE" ]; then
        if ! command -v localedef >/dev/null 2>&1; then
            echo "gen-locales: localedef is missing (Debian package libc-bin)" >&2
            break
        fi
        if [ ! -e "/usr/share/i18n/locales/$name" ]; then
            echo "gen-locales: no source for $name (install the Debian package 'locales')" >&2
            break
        fi
        # localedef exits 1 on mere warnings but still writes the locale: check the result.
        localedef -i "$name" -f UTF-8 "$target" >/dev/null 2>&1
        if [ ! -f "$target/LC_CTYPE" ]; then
            echo "gen-locales: localedef could not compile $name.UTF-8" >&2
            break
        fi
    fi
    echo "$name.UTF-8" >> "$dir/available.tmp"
    made=$((made + 1))
done
mv "$dir/available.tmp" "$dir/available"
if [ "$made" -lt 2 ]; then
    if [ -n "${CI:-}" ]; then
        echo "gen-locales: CI must run the locale tests (tools/setup.sh installs 'locales')" >&2
        exit 1
    fi
    echo "gen-locales: the locale tests will be skipped" >&2
fi
exit 0
