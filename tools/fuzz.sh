#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses (tests/fuzz/) with clang into build-fuzz and runs each one for
# SECONDS (default 60), one at a time. Fails on any finding: the crashing input is left in
# build-fuzz/fuzz-artifacts/ (copy it to tests/data/hostile-regress-*: test-hostile-limits
# replays those).
#
#   tools/fuzz.sh [SECONDS] [HARNESS...]      e.g. tools/fuzz.sh 30 fuzz-ties-csv
#
# Environment: BUILD_DIR (default build-fuzz), FUZZ_MAX_LEN (default 65536), JOBS (default 2).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=${BUILD_DIR:-$root/build-fuzz}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
max_len=${FUZZ_MAX_LEN:-65536}

if [ $# -gt 0 ]; then
    harnesses=$*
else
    harnesses=$(cd "$root/tests/fuzz" && ls fuzz-*.c | sed 's/\.c$//')
fi

command -v clang >/dev/null || { echo "fuzz.sh: clang is required" >&2; exit 1; }
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DWP_FUZZ=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"${JOBS:-2}" --target $harnesses

# The harnesses rewrite a scratch file per input: on tmpfs when there is one (ext4 flushes a
# truncated file on close, which took most of the time).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    tmp=$(mktemp -d /dev/shm/warmpath-fuzz-XXXXXX)
else
    tmp="$build/fuzz-tmp"
fi
mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs" "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
# The harnesses run in $tmp: a `--where company=@accounts.txt` list resolves there.
printf '# accounts\nAcme, Inc.\n\nGlobex\n' >"$tmp/accounts.txt"
cd "$tmp"
status=0
summary=""
for name in $harnesses; do
    case $name in
        fuzz-profile) dict="$root/tests/fuzz/profile.dict" ;;
        fuzz-where) dict="$root/tests/fuzz/where.dict" ;;
        *) dict="$root/tests/fuzz/csv.dict" ;;
    esac
    corpus="$build/fuzz-corpus/$name"   # grows; the seeds in tests/fuzz/corpus stay untouched
    mkdir -p "$corpus"
    log="$build/fuzz-logs/$name.log"
    echo "== $name: ${seconds}s"
    rc=0
    TMPDIR="$tmp" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
        "$build/tests/fuzz/$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=5 \
        -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$dict" -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$name-" \
        "$corpus" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ "$rc" -ne 0 ]; then
        status=1
        echo "   FINDING (exit $rc); log: $log"
        grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -8 | sed 's/^/   /'
        summary="$summary$name: FINDING
"
    else
        summary="$summary$name: ok, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}
"
    fi
done
printf '\n%s' "$summary"
exit $status
