# SPDX-License-Identifier: MIT
"""What the Python benchmark peers share: the command line, the query file,
CSV loading with the workload's row rules, clocks and the JSON result.

Only the graph library calls differ between peer_networkx.py and
peer_igraph.py, so the loading cost they report is the same Python parsing
plus their own graph construction.
"""
import argparse
import json
import math
import resource
import sys
import time

DEFAULT_QUERY = {"k": 5, "top": 50, "reach_min_prob": 0.05, "reach_max_hops": 4}
TIGHT_EPS = 1e-12          # WORKLOAD.md, Q3: the tight-edge tolerance


def parse_args(prog):
    ap = argparse.ArgumentParser(prog=prog, description="warmpath benchmark peer "
                                 "(tools/bench, WORKLOAD.md contract)")
    ap.add_argument("edges")
    ap.add_argument("query")
    ap.add_argument("--phases", default="Q1,Q2,Q3",
                    help="comma list of Q1,Q2,Q3 or 'none'; L always runs")
    ap.add_argument("--q2-limit", type=int, default=None, metavar="M",
                    help="run only the first M territory Dijkstras (partial Q2)")
    a = ap.parse_args()
    phases = set() if a.phases.strip().lower() == "none" else \
        {p.strip().upper() for p in a.phases.split(",") if p.strip()}
    bad = phases - {"Q1", "Q2", "Q3"}
    if bad:
        ap.error("unknown phase(s): %s" % ",".join(sorted(bad)))
    if a.q2_limit is not None and a.q2_limit < 1:
        ap.error("--q2-limit must be >= 1")
    a.phase_set = phases
    return a


def read_query(path):
    """key value lines; '#' starts a comment at the start of a line or after
    whitespace (ids may contain '#', but not after a blank)."""
    q = dict(DEFAULT_QUERY)
    q["territory"] = []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            for i, ch in enumerate(line):
                if ch == "#" and (i == 0 or line[i - 1] in " \t"):
                    line = line[:i]
                    break
            line = line.strip()
            if not line:
                continue
            parts = line.split(None, 1)
            key, value = parts[0], (parts[1].strip() if len(parts) > 1 else "")
            if key == "territory":
                q["territory"].append(value)
            elif key in ("seeker", "target"):
                q[key] = value
            elif key in ("k", "top", "reach_max_hops"):
                q[key] = int(value)
            elif key == "reach_min_prob":
                q[key] = float(value)
    return q


def load_edges(path):
    """Parse edges.csv: returns (names, us, vs, ps, stats). names are the node
    ids in order of first appearance; (us[i], vs[i], ps[i]) is the i-th
    distinct undirected pair (indices into names) with its max strength."""
    index, names = {}, []
    best = {}                      # (lo << 32 | hi) -> max strength, in first-seen order
    rows = self_loops = bad = 0
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.readline()               # header
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            rows += 1
            parts = line.split(",", 3)
            if len(parts) < 3:
                bad += 1
                continue
            try:
                p = float(parts[2])
            except ValueError:
                bad += 1
                continue
            if not 0.0 < p <= 1.0:     # also false for NaN
                bad += 1
                continue
            a, b = parts[0], parts[1]
            if a == b:
                self_loops += 1
                continue
            i = index.get(a)
            if i is None:
                i = index[a] = len(names)
                names.append(a)
            j = index.get(b)
            if j is None:
                j = index[b] = len(names)
                names.append(b)
            key = (i << 32) | j if i < j else (j << 32) | i
            old = best.get(key)
            if old is None or p > old:
                best[key] = p
    us = [k >> 32 for k in best]
    vs = [k & 0xFFFFFFFF for k in best]
    ps = list(best.values())
    stats = {"nodes": len(names), "edges": len(ps), "rows": rows,
             "self_loop_rows": self_loops, "bad_rows": bad}
    return names, us, vs, ps, stats


def weight_of(p):
    return -math.log(p)


def maxrss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # kB on Linux


class Clock:
    """Phase timings (monotonic), their process CPU time (an extension of the
    contract, robust on a busy machine) and the RSS high-water mark after each."""

    def __init__(self):
        self.timings, self.cpu, self.rss = {}, {}, {}
        self._t = self._c = None

    def start(self):
        self._t, self._c = time.perf_counter(), time.process_time()

    def stop(self, phase):
        self.timings[phase] = time.perf_counter() - self._t
        self.cpu[phase] = time.process_time() - self._c
        self.rss["after_" + phase] = maxrss_kb()

    def extrapolate_q2(self, factor):
        self.timings["Q2_extrapolated"] = self.timings["Q2"] * factor
        self.cpu["Q2_extrapolated"] = self.cpu["Q2"] * factor

    def report(self, result):
        result["timings_s"] = self.timings
        result["cpu_timings_s"] = self.cpu
        result["maxrss_kb"] = self.rss


def reach_counts(dist, s, hops, min_p):
    """Q3's counts from (node, finite distance) pairs: every node but s is reachable; prob_ok
    when exp(-d) >= min_p; reach when also within the hop limit (a key of hops)."""
    reachable = prob_ok = reach = 0
    for v, d in dist:
        if v == s:
            continue
        reachable += 1
        if math.exp(-d) >= min_p:
            prob_ok += 1
            if v in hops:
                reach += 1
    return {"reach": reach, "reachable": reachable, "prob_ok": prob_ok}


def rank_top(neighbours, scores, names, top):
    """Order by score descending, ties by id ascending. Python compares str by
    code point, which for UTF-8 text is the same as byte-wise."""
    order = sorted(range(len(neighbours)), key=lambda j: (-scores[j], names[neighbours[j]]))
    return [{"id": names[neighbours[j]], "score": scores[j]} for j in order[:top]]


def emit(result):
    json.dump(result, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
