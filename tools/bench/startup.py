#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Start-up time of two warmpath programs, run alternately so a loaded machine hurts both alike.

    tools/bench/startup.py [--runs N] [--data DIR] A B

Each round starts A then B once with `--version` (loading the program and its libraries only),
then the same with a small `path` query on DIR (default datasets/demo: load the data, answer,
print). It prints the minimum, quartile and median wall time of each. docs/packaging.md uses it
to compare the command line linked to libwarmpath.so with the same program on libwarmpath.a:

    cmake --build build --target warmpath-cli warmpath-static-cli
    tools/bench/startup.py build/warmpath build/warmpath-static-cli

Standard library only."""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs=2, metavar="PROGRAM")
    parser.add_argument("--runs", type=int, default=100, help="runs of each (default 100)")
    parser.add_argument("--data", default="datasets/demo", help="data directory of the query")
    args = parser.parse_args()
    queries = {
        "--version": ["--version"],
        "path": ["path", "--quiet", "--data", args.data, "--as-of", "2026-11-01",
                 "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme"],
    }
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, WARMPATH_CACHE_DIR=cache)
        for name, query in queries.items():
            times = {program: [] for program in args.programs}
            for _ in range(args.runs):
                for program in args.programs:
                    start = time.perf_counter()
                    subprocess.run([program] + query, stdout=subprocess.DEVNULL, env=env,
                                   check=True)
                    times[program].append((time.perf_counter() - start) * 1000)
            for program, values in times.items():
                values.sort()
                print(f"{name:10} {program:32} min {values[0]:6.2f} ms  "
                      f"p25 {values[len(values) // 4]:6.2f} ms  "
                      f"median {statistics.median(values):6.2f} ms  (n={len(values)})")


if __name__ == "__main__":
    main()
