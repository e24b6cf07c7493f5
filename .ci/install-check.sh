#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CI: the library as an application gets it. `cmake --install` into a temporary prefix, then:
#   - the installed files: libwarmpath.so.0 (SONAME, exports: tests/check-exports.sh),
#     libwarmpath.a, the headers, warmpath.pc, the CMake package, the CLI, the man pages;
#   - each installed header compiles alone with only `pkg-config --cflags warmpath`;
#   - examples/who-can-introduce.c built with `cc ... $(pkg-config --cflags --libs warmpath)`
#     against the shared library, again against libwarmpath.a with what warmpath.pc lists for
#     static linking, and
#     through find_package(warmpath) (examples/CMakeLists.txt), each run on datasets/demo
#     (tests/check-example.sh);
#   - a staged install (DESTDIR, prefix /usr), as a distribution package makes it.
# Usage: .ci/install-check.sh [BUILD_DIR]   (default build-test, which tools/test.sh made)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build-test}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_WERROR=ON >/dev/null
fi
cmake --build "$build" -j"${JOBS:-$(nproc)}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
export WARMPATH_CACHE_DIR=off
step() { printf 'install-check: %s\n' "$*"; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
libdir=$prefix/lib
[ -d "$libdir/pkgconfig" ] || libdir=$(dirname "$(find "$prefix" -name warmpath.pc | head -1)")/..
for file in bin/warmpath include/warmpath/warmpath.h include/warmpath/version.h \
            share/man/man1/warmpath.1 share/man/man1/warmpath-path.1; do
    [ -e "$prefix/$file" ] || { echo "install-check: $file was not installed"; exit 1; }
done
for file in libwarmpath.so libwarmpath.so.0 libwarmpath.a pkgconfig/warmpath.pc \
            cmake/warmpath/warmpathConfig.cmake cmake/warmpath/warmpathConfigVersion.cmake; do
    [ -e "$libdir/$file" ] || { echo "install-check: $libdir/$file was not installed"; exit 1; }
done
headers=$(ls include/warmpath/*.h | wc -l)
installed=$(ls "$prefix/include/warmpath/"*.h | wc -l)
if [ "$installed" -ne $((headers + 1)) ]; then
    echo "install-check: $installed headers installed, expected $headers + version.h"
    exit 1
fi
soname=$(readelf -d "$libdir/libwarmpath.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libwarmpath.so.0 ] || { echo "install-check: SONAME is '$soname'"; exit 1; }
sh tests/check-exports.sh "$libdir/libwarmpath.so" "$prefix/include/warmpath"
loaded=$(ldd "$prefix/bin/warmpath" | awk '$1 == "libwarmpath.so.0" { print $3 }')
[ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$(readlink -f "$libdir/libwarmpath.so.0")" ] ||
    { echo "install-check: the installed warmpath loads '$loaded', not $libdir's"; exit 1; }
version=$("$prefix/bin/warmpath" --version)
step "installed $soname, $installed headers, $(ls "$prefix/share/man/man1" | wc -l) man pages; $version"
if command -v man >/dev/null; then
    man -l "$prefix/share/man/man1/warmpath-path.1" | grep -q -- '--to-company' ||
        { echo "install-check: man warmpath-path does not show --to-company"; exit 1; }
fi

export PKG_CONFIG_PATH=$libdir/pkgconfig
pkg-config --exists --print-errors warmpath
[ "$(pkg-config --modversion warmpath)" = "${version#warmpath }" ] ||
    { echo "install-check: pkg-config says version $(pkg-config --modversion warmpath)"; exit 1; }
# shellcheck disable=SC2046
for header in "$prefix"/include/warmpath/*.h; do
    printf '#include <warmpath/%s>\ntypedef int wp_not_empty;\n' "$(basename "$header")" |
        cc -std=c11 -pedantic -Werror -Wall -fsyntax-only -x c - $(pkg-config --cflags warmpath)
done
step "each installed header compiles alone with pkg-config --cflags warmpath"

# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/shared" examples/who-can-introduce.c \
    $(pkg-config --cflags --libs warmpath)
readelf -d "$tmp/shared" | grep -q 'NEEDED.*\[libwarmpath.so.0\]' ||
    { echo "install-check: the example does not need libwarmpath.so.0"; exit 1; }
LD_LIBRARY_PATH=$libdir sh tests/check-example.sh "$tmp/shared" "$prefix/bin/warmpath" "$root"
step "example built with pkg-config --cflags --libs warmpath (shared) runs"

# The same, linked with libwarmpath.a and what warmpath.pc adds for static linking
# (Requires.private, Libs.private). Those modules' own libraries are linked shared: a fully
# static `pkg-config --static` link cannot work on Debian 12, whose igraph.pc names libraries
# (glpk, arpack, plfit) that libigraph-dev does not install.
private_modules=$(pkg-config --print-requires-private warmpath | cut -d' ' -f1)
libs_private=$(sed -n 's/^Libs.private: *//p' "$libdir/pkgconfig/warmpath.pc")
# shellcheck disable=SC2086
static_flags="$(pkg-config --cflags --libs warmpath | sed 's/-lwarmpath\b/-l:libwarmpath.a/')
              $(pkg-config --libs $private_modules) $libs_private"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/static" examples/who-can-introduce.c $static_flags
if readelf -d "$tmp/static" | grep -q 'NEEDED.*libwarmpath'; then
    echo "install-check: the static example still needs libwarmpath.so"
    exit 1
fi
sh tests/check-example.sh "$tmp/static" "$prefix/bin/warmpath" "$root"
step "example built with libwarmpath.a, Requires.private and Libs.private runs"

cmake -S examples -B "$tmp/examples" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/examples.log"
cmake --build "$tmp/examples" >>"$tmp/examples.log"
sh tests/check-example.sh "$tmp/examples/who-can-introduce" "$prefix/bin/warmpath" "$root"
step "example built with find_package(warmpath) runs"

# A distribution's staged install: the files under DESTDIR, the paths inside them its prefix.
DESTDIR=$tmp/stage cmake --install "$build" --prefix /usr >/dev/null
pc=$(find "$tmp/stage" -name warmpath.pc)
grep -qx 'prefix=/usr' "$pc" || { echo "install-check: staged $pc has $(grep ^prefix= "$pc")"; exit 1; }
step "staged install (DESTDIR, prefix /usr): $(basename "$(dirname "$(dirname "$pc")")")/pkgconfig/warmpath.pc says prefix=/usr"
