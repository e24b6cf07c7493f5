#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write the deterministic warmpath benchmark query for a dataset directory.
Standard library only.

  make_query.py DATADIR [--seed 7] [--out DATADIR/query.txt] [--territory 200]

Reads DATADIR/edges.csv with the workload's row rules (header skipped, rows
with a bad strength or a self-loop ignored, pairs deduplicated), and
DATADIR/people.csv when present. Picks (see WORKLOAD.md, "Query spec"):
  seeker s   giant-component node with degree in [max(p50, min(10, p95)), p90]
             (p99 as the upper end when p90 is below the lower end): a typical
             seller, with at least 10 contacts where 5% of the graph has that many;
  target t   a node at hop distance 3 from s (2 if there is none);
  territory  200 distinct ids, never s nor a direct neighbour of s. With
             people.csv: the people sharing t's industry and region, topped up
             from t's industry, then from random giant-component nodes;
             without it: random giant-component nodes. File order is the Q2
             summation order.
Candidates are considered in order of first appearance in edges.csv and drawn
with random.Random(seed), so the output depends only on the files and the seed.
Also records the choice under "query" in DATADIR/meta.json when that exists.
"""
import argparse
import json
import os
import random
import sys
from array import array
from collections import deque


def read_graph(path):
    """Return (names, indptr, nbr): ids in first-appearance order and a CSR of
    the deduplicated undirected graph."""
    index, names, keys = {}, [], set()
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.readline()                                   # header
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            parts = line.split(",", 3)
            if len(parts) < 3:
                continue
            a, b = parts[0], parts[1]
            try:
                p = float(parts[2])
            except ValueError:
                continue
            if not 0.0 < p <= 1.0 or a == b:
                continue
            i = index.get(a)
            if i is None:
                i = index[a] = len(names)
                names.append(a)
            j = index.get(b)
            if j is None:
                j = index[b] = len(names)
                names.append(b)
            keys.add((i << 32) | j if i < j else (j << 32) | i)
    n = len(names)
    deg = array("q", bytes(8 * (n + 1)))
    for k in keys:
        deg[k >> 32] += 1
        deg[k & 0xFFFFFFFF] += 1
    indptr = array("q", bytes(8 * (n + 1)))
    acc = 0
    for v in range(n):
        indptr[v] = acc
        acc += deg[v]
    indptr[n] = acc
    fill = array("q", indptr)
    nbr = array("i", bytes(4 * acc))
    # sorted keys: the neighbour lists do not depend on set iteration order
    for k in sorted(keys):
        a, b = k >> 32, k & 0xFFFFFFFF
        nbr[fill[a]] = b
        fill[a] += 1
        nbr[fill[b]] = a
        fill[b] += 1
    return names, indptr, nbr


def bfs_hops(indptr, nbr, src, n):
    hop = array("i", [-1]) * n
    hop[src] = 0
    q = deque([src])
    while q:
        u = q.popleft()
        h = hop[u] + 1
        for k in range(indptr[u], indptr[u + 1]):
            v = nbr[k]
            if hop[v] < 0:
                hop[v] = h
                q.append(v)
    return hop


def percentile(sorted_vals, q):
    """Linear interpolation between closest ranks (numpy's default method)."""
    pos = (len(sorted_vals) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (pos - lo)


def write_query(datadir, seed=7, out=None, territory=200, log=None):
    rng = random.Random(seed)
    names, indptr, nbr = read_graph(os.path.join(datadir, "edges.csv"))
    n = len(names)
    if n == 0:
        raise SystemExit("make_query: %s has no usable edges" % datadir)
    deg = [indptr[v + 1] - indptr[v] for v in range(n)]

    # giant component: the largest; ties go to the one seen first
    comp = array("i", [-1]) * n
    best, best_size, label = -1, 0, 0
    for v in range(n):
        if comp[v] >= 0:
            continue
        comp[v] = label
        size, q = 1, deque([v])
        while q:
            u = q.popleft()
            for k in range(indptr[u], indptr[u + 1]):
                w = nbr[k]
                if comp[w] < 0:
                    comp[w] = label
                    size += 1
                    q.append(w)
        if size > best_size:
            best, best_size = label, size
        label += 1
    giant = [v for v in range(n) if comp[v] == best]

    gdeg = sorted(deg[v] for v in giant)
    p50, p90, p95, p99 = (percentile(gdeg, q) for q in (50, 90, 95, 99))
    lo = float(max(p50, min(10, p95)))
    hi = p90 if p90 >= lo else max(p99, lo)
    cand = [v for v in giant if lo <= deg[v] <= hi]
    s = cand[rng.randrange(len(cand))]

    hop = bfs_hops(indptr, nbr, s, n)
    far = [v for v in range(n) if hop[v] == 3] or [v for v in range(n) if hop[v] == 2]
    if not far:
        raise SystemExit("make_query: no node at hop distance 2 or 3 from the seeker")
    t = far[rng.randrange(len(far))]

    # v2: neither s nor its direct contacts (they need no introduction)
    excluded = {s}
    excluded.update(nbr[k] for k in range(indptr[s], indptr[s + 1]))
    pool = [v for v in giant if v not in excluded]

    terr, how = [], []
    people = os.path.join(datadir, "people.csv")
    if os.path.exists(people):
        ind, reg = {}, {}
        with open(people, encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.readline()
            for line in f:
                row = line.rstrip("\r\n").split(",")
                if len(row) >= 6:
                    ind[row[0]], reg[row[0]] = row[4], row[5]
        ti, tr = ind.get(names[t]), reg.get(names[t])
        same_both = [v for v in pool if ind.get(names[v]) == ti and reg.get(names[v]) == tr]
        same_ind = [v for v in pool if ind.get(names[v]) == ti and reg.get(names[v]) != tr]
        rng.shuffle(same_both)
        rng.shuffle(same_ind)
        terr = (same_both + same_ind)[:territory]
        k = min(len(same_both), territory)
        how.append("%d in t's industry and region (%s, %s)" % (k, ti, tr))
        how.append("%d more from the industry" % (len(terr) - k))
    if len(terr) < territory:
        have = set(terr)
        rest = [v for v in pool if v not in have]
        rng.shuffle(rest)
        added = rest[:territory - len(terr)]
        terr += added
        how.append("%d random giant-component nodes" % len(added))

    out = out or os.path.join(datadir, "query.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# warmpath query spec v2 (tools/bench/make_query.py seed=%d)\n" % seed)
        f.write("seeker %s\n" % names[s])
        f.write("target %s\n" % names[t])
        f.write("k 5\ntop 50\nreach_min_prob 0.05\nreach_max_hops 4\n")
        for v in terr:
            f.write("territory %s\n" % names[v])
    info = {"seed": seed, "seeker": names[s], "seeker_degree": deg[s], "target": names[t],
            "hops_s_t": hop[t], "territory": len(terr), "territory_from": ", ".join(how),
            "degree_window": [lo, hi], "giant_component": len(giant), "nodes": n}
    if log:
        log("[query] " + json.dumps(info) + " -> " + out)
    meta_path = os.path.join(datadir, "meta.json")
    if out == os.path.join(datadir, "query.txt") and os.path.exists(meta_path):
        with open(meta_path) as f:
            meta = json.load(f)
        meta["query"] = info
        with open(meta_path, "w") as f:
            json.dump(meta, f, indent=1)
            f.write("\n")
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datadir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="default DATADIR/query.txt")
    ap.add_argument("--territory", type=int, default=200)
    a = ap.parse_args()
    write_query(a.datadir, seed=a.seed, out=a.out, territory=a.territory,
                log=lambda m: print(m, file=sys.stderr))


if __name__ == "__main__":
    main()
