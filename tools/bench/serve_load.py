#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Load generator for `warmpath serve`: concurrent keep-alive clients send a mix of path, rank
and people questions about a benchmark network; throughput, p50/p95/p99 latency per kind,
errors, the server's CPU time per request and its resident memory over the run, beside the same
questions asked as cold CLI runs (start, load, answer), in one run.

    tools/bench/serve_load.py DIR --warmpath build/warmpath [--clients 8] [--requests 10000]
                              [--mix path] [--cold 5] [--json out.json]

DIR is a benchmark folder (gen_graph.py + make_query.py: edges.csv, people.csv, query.txt).
The server is started on 127.0.0.1:0 with its own cache directory and stopped with SIGTERM
(its exit status is checked). Clients are processes (one keep-alive connection each), so
Python's lock does not cap them. The cold CLI runs ask questions drawn evenly from the measured
ones (the same URLs' parameters as `warmpath path|rank --format json`, through the same
compiled-network cache the server made); the people search has no CLI command. The server's
VmRSS is sampled every 0.2 s from the end of the warm-up to the end of the run. Standard
library only.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def read_query(folder):
    spec = {"territory": []}
    with open(os.path.join(folder, "query.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if parts[0] == "territory":
                spec["territory"].append(parts[1])
            else:
                spec[parts[0]] = parts[1]
    return spec


def people(folder, n, seed):
    """@n people of the people file (id, name), drawn with @seed."""
    with open(os.path.join(folder, "people.csv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(",")
        rows = [line.split(",") for line in f]
    rng = random.Random(seed)
    picked = rng.sample(rows, n)
    return [(r[header.index("id")], r[header.index("name")]) for r in picked]


def questions(folder, kind, n, seed=11):
    """(kind, path) pairs: paths from the query's seeker to people drawn from the file, ranks
    over slices of the query's territory, people searches for names' first letters."""
    spec = read_query(folder)
    seeker = spec["seeker"]
    drawn = people(folder, n, seed)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = kind if kind != "mixed" else rng.choices(["path", "rank", "people"], [6, 1, 3])[0]
        target_id, name = drawn[i]
        if k == "path":
            params = [("from", seeker), ("to", target_id if target_id != seeker else
                                         spec["target"])]
            out.append(("path", "/v1/paths?" + urllib.parse.urlencode(params)))
        elif k == "rank":
            start = rng.randrange(0, max(1, len(spec["territory"]) - 20))
            ids = ",".join(spec["territory"][start:start + 20])
            params = [("from", seeker), ("where", "id=" + ids), ("top", "10")]
            out.append(("rank", "/v1/rank?" + urllib.parse.urlencode(params)))
        else:
            params = [("q", name[:rng.randint(2, 5)]), ("limit", "10")]
            out.append(("people", "/v1/people?" + urllib.parse.urlencode(params)))
    return out


def client(args):
    """One keep-alive connection sending @work in order: [(kind, seconds, status)]."""
    port, work = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    results = []
    for kind, path in work:
        t0 = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            status = 0
        results.append((kind, time.perf_counter() - t0, status))
    conn.close()
    return results


def rss_kib(pid, field="VmRSS"):
    """VmRSS (or RssAnon: the heap; RssFile: mapped files such as the compiled network, whose
    pages count once a query reads them) of process @pid, KiB."""
    with open("/proc/%d/status" % pid, encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """utime + stime of process @pid (all its threads), in seconds."""
    with open("/proc/%d/stat" % pid, encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class RssSampler(threading.Thread):
    """VmRSS of @pid every @period seconds until stop(): first, min, max, last (KiB)."""

    def __init__(self, pid, period=0.2):
        super().__init__(daemon=True)
        self.pid, self.period, self.samples = pid, period, []
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            self.sample()
            self.done.wait(self.period)

    def sample(self):
        self.samples.append((rss_kib(self.pid), rss_kib(self.pid, "RssAnon"),
                             rss_kib(self.pid, "RssFile")))

    def stop(self):
        self.done.set()
        self.join()
        self.sample()
        total = [t for t, _, _ in self.samples]
        return {"samples": len(self.samples), "first_kib": total[0], "min_kib": min(total),
                "max_kib": max(total), "last_kib": total[-1],
                "anon_first_kib": self.samples[0][1], "anon_last_kib": self.samples[-1][1],
                "file_first_kib": self.samples[0][2], "file_last_kib": self.samples[-1][2],
                # By quarter of the run: a high-water mark levels off, a leak keeps climbing.
                "quarters_kib": [total[min(len(total) - 1, len(total) * q // 4)]
                                 for q in range(5)],
                # Each quarter's median and peak: a large question's arrays come and go, so
                # one sample may catch them; the median is the level the heap holds.
                "quarter_medians_kib": [statistics.median(part) for part in quarters(total)],
                "quarter_peaks_kib": [max(part) for part in quarters(total)],
                "samples_kib": total}


def quarters(values):
    """@values in four consecutive parts (each non-empty when there are at least four)."""
    n = len(values)
    return [values[n * q // 4:max(n * (q + 1) // 4, n * q // 4 + 1)] for q in range(4)]


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, max(0, int(round(q * (len(sorted_values) - 1)))))
    return sorted_values[i]


def start_server(warmpath, folder, cache, threads):
    log = tempfile.NamedTemporaryFile("w+", prefix="serve-", suffix=".log", delete=False)
    env = dict(os.environ, WARMPATH_CACHE_DIR=cache)
    cmd = [warmpath, "serve", "--data", folder, "--listen", "127.0.0.1:0", "--quiet"]
    if threads:
        cmd += ["--threads", str(threads)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env)
    port = None
    deadline = time.time() + 600
    while time.time() < deadline and port is None:
        with open(log.name, encoding="utf-8", errors="replace") as f:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", f.read())
        port = int(m.group(1)) if m else None
        time.sleep(0.05)
    while time.time() < deadline:  # loaded?
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/healthz")
        if conn.getresponse().status == 200:
            conn.close()
            return proc, port, log.name
        conn.close()
        time.sleep(0.1)
    raise SystemExit("the server never loaded; see " + log.name)


def run_load(port, work, clients, pool):
    chunks = [(port, work[i::clients]) for i in range(clients)]
    t0 = time.perf_counter()
    results = [r for part in pool.map(client, chunks) for r in part]
    return results, time.perf_counter() - t0


def summarise(results, wall):
    rows = []
    for kind in ("path", "rank", "people"):
        lat = sorted(s for k, s, _ in results if k == kind)
        if not lat:
            continue
        errors = sum(1 for k, _, st in results if k == kind and st != 200)
        rows.append({"kind": kind, "requests": len(lat), "errors": errors,
                     "per_second": len(lat) / wall if wall else 0,
                     "p50_ms": percentile(lat, 0.50) * 1e3, "p95_ms": percentile(lat, 0.95) * 1e3,
                     "p99_ms": percentile(lat, 0.99) * 1e3})
    total = len(results)
    return {"requests": total, "seconds": wall, "throughput": total / wall if wall else 0,
            "errors": sum(1 for _, _, st in results if st != 200), "by_kind": rows}


def cli_args(warmpath, folder, kind, path):
    """The CLI command asking what @path (a /v1/paths or /v1/rank URL) asks."""
    query = urllib.parse.parse_qsl(urllib.parse.urlparse(path).query)
    args = [warmpath, kind, "--data", folder, "--format", "json", "-q"]
    for name, value in query:
        option = {"from": "--from", "to": "--to", "where": "--where", "top": "--top"}[name]
        args += [option, value]
    return args


def cold_cli(warmpath, folder, cache, work, runs):
    """The same questions as whole CLI runs (start, load through the cache, answer): @runs per
    kind, drawn evenly from the measured ones."""
    out = {}
    for kind in ("path", "rank"):
        asked = [p for k, p in work if k == kind]
        if not asked or runs <= 0:
            continue
        picked = [asked[i * len(asked) // min(runs, len(asked))]
                  for i in range(min(runs, len(asked)))]
        times = []
        for path in picked:
            t0 = time.perf_counter()
            subprocess.run(cli_args(warmpath, folder, kind, path), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True,
                           env=dict(os.environ, WARMPATH_CACHE_DIR=cache))
            times.append(time.perf_counter() - t0)
        times.sort()
        out[kind] = {"runs": len(times), "median_ms": statistics.median(times) * 1e3,
                     "p95_ms": percentile(times, 0.95) * 1e3, "max_ms": times[-1] * 1e3}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--warmpath", default="build/warmpath")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=10000)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--mix", choices=["path", "rank", "people", "mixed"], default="mixed")
    ap.add_argument("--threads", type=int, default=0, help="the server's --threads")
    ap.add_argument("--cold", type=int, default=5, help="cold CLI runs per kind (0: none)")
    ap.add_argument("--json", help="write the figures here too")
    ap.add_argument("--cache", help="compiled-network cache folder to use (default: a new one, "
                    "so the server's first load parses the CSV)")
    args = ap.parse_args()

    cache = args.cache or tempfile.mkdtemp(prefix="wp-bench-cache-")
    work = questions(args.folder, args.mix, args.requests + args.warmup)
    warm, measured = work[:args.warmup], work[args.warmup:]
    load_before = os.getloadavg()
    proc, port, log = start_server(args.warmpath, args.folder, cache, args.threads)
    rss = {"after_load_kib": rss_kib(proc.pid)}
    with multiprocessing.Pool(args.clients) as pool:
        run_load(port, warm, args.clients, pool)
        rss["after_warmup_kib"] = rss_kib(proc.pid)
        sampler = RssSampler(proc.pid)
        sampler.start()
        cpu0 = cpu_seconds(proc.pid)
        results, wall = run_load(port, measured, args.clients, pool)
        cpu = cpu_seconds(proc.pid) - cpu0
        rss["during_run"] = sampler.stop()
        rss["after_run_kib"] = rss_kib(proc.pid)
    load_after = os.getloadavg()
    proc.send_signal(signal.SIGTERM)
    rc = proc.wait(timeout=120)
    served = summarise(results, wall)
    served["server_cpu_ms_per_request"] = cpu * 1e3 / max(1, len(results))
    report = {"command": " ".join(sys.argv), "folder": args.folder, "clients": args.clients,
              "mix": args.mix, "warmup": args.warmup, "served": served, "rss": rss,
              "server_exit": rc, "loadavg_before": load_before, "loadavg_after": load_after,
              "cpus": os.cpu_count()}
    if args.cold:
        report["cold_cli"] = cold_cli(args.warmpath, args.folder, cache, measured, args.cold)

    s = report["served"]
    print("$ " + report["command"])
    print("%d requests (%s mix, after %d warm-up) from %d keep-alive clients in %.1f s: "
          "%.0f requests/s, %d errors; server CPU %.1f ms per request; load average %.2f before, "
          "%.2f after (%d CPUs)"
          % (s["requests"], args.mix, args.warmup, args.clients, s["seconds"], s["throughput"],
             s["errors"], s["server_cpu_ms_per_request"], load_before[0], load_after[0],
             report["cpus"]))
    print("| kind | requests | errors | requests/s | p50 ms | p95 ms | p99 ms "
          "| cold CLI median ms (runs) | cold / served p50 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in s["by_kind"]:
        cold = report.get("cold_cli", {}).get(row["kind"])
        print("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %s |"
              % (row["kind"], row["requests"], row["errors"], row["per_second"], row["p50_ms"],
                 row["p95_ms"], row["p99_ms"],
                 "%.0f (%d)" % (cold["median_ms"], cold["runs"]) if cold else "—",
                 "%.0fx" % (cold["median_ms"] / row["p50_ms"]) if cold and row["p50_ms"] else "—"))
    d = rss["during_run"]
    print("server RSS: %.1f MiB after load, %.1f MiB after warm-up; during the run %.1f–%.1f MiB "
          "(%d samples), %.1f MiB at its end (%+.1f MiB since warm-up); exit %d on SIGTERM"
          % (rss["after_load_kib"] / 1024, rss["after_warmup_kib"] / 1024, d["min_kib"] / 1024,
             d["max_kib"] / 1024, d["samples"], rss["after_run_kib"] / 1024,
             (rss["after_run_kib"] - rss["after_warmup_kib"]) / 1024, rc))
    print("  of which heap (RssAnon) %.1f → %.1f MiB, mapped files (RssFile: the compiled network's "
          "pages as queries first read them) %.1f → %.1f MiB"
          % (d["anon_first_kib"] / 1024, d["anon_last_kib"] / 1024, d["file_first_kib"] / 1024,
             d["file_last_kib"] / 1024))
    print("  by quarter of the run: %s MiB" % " → ".join("%.1f" % (k / 1024)
                                                      for k in d["quarters_kib"]))
    print("  each quarter's median: %s MiB; its peak: %s MiB"
          % (" → ".join("%.1f" % (k / 1024) for k in d["quarter_medians_kib"]),
             " → ".join("%.1f" % (k / 1024) for k in d["quarter_peaks_kib"])))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
    os.unlink(log)
    return 0 if rc == 0 and s["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
