#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""warmpath benchmark peer on python-igraph, written as a python-igraph user would.

  peer_igraph.py EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] [--q2-limit M]

Prints one JSON object (WORKLOAD.md, "Output and timing contract").
  L   parse + dedup (benchlib), igraph.Graph(edges) with es['weight'] = -ln p
  Q1  Graph.get_k_shortest_paths (igraph's Yen), weights re-summed per path
  Q2  a copy of the graph without s's edges (vertex ids unchanged), then one
      Graph.distances(source=t, target=neighbours of s) per territory member
  Q3  Graph.distances from s to all, then a BFS over the tight edges (Python),
      stopped at the hop limit
"""
import math
import os
import sys
from collections import deque

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import igraph  # noqa: E402


def q1(g, w, s, t, k):
    if s is None or t is None or s == t:
        return []
    out = []
    for epath in g.get_k_shortest_paths(s, t, k=k, weights="weight", mode="all", output="epath"):
        if not epath:
            continue          # igraph gives an empty path when t is unreachable
        # walk the edges from s to recover the vertex sequence
        nodes, cur, weight = [s], s, 0.0
        for e in epath:
            a, b = g.es[e].tuple
            cur = b if a == cur else a
            nodes.append(cur)
            weight += w[e]
        out.append({"nodes": nodes, "weight": weight, "prob": math.exp(-weight)})
    return out


def q2(g, names, s, terr_ids, top, limit):
    if s is None:
        return {"top": [], "neighbours": 0, "dijkstra_runs": 0}
    inc = g.incident(s)
    nbrs = [g.es[e].source if g.es[e].target == s else g.es[e].target for e in inc]
    p_sc = [g.es[e]["p"] for e in inc]
    sums = [0.0] * len(nbrs)
    runs = 0
    if nbrs:
        gs = g.copy()
        gs.delete_edges(inc)                # G - s: s stays, isolated
        for t in terr_ids:
            if limit is not None and runs >= limit:
                break
            row = gs.distances(source=t, target=nbrs, weights="weight")[0]
            runs += 1
            for j, d in enumerate(row):
                if d != math.inf:
                    sums[j] += math.exp(-d)
        del gs
    scores = [p_sc[j] * sums[j] for j in range(len(nbrs))]
    res = {"top": benchlib.rank_top(nbrs, scores, names, top),
           "neighbours": len(nbrs), "dijkstra_runs": runs}
    if limit is not None:
        res["partial"] = bool(nbrs) and runs < len(terr_ids)
        res["q2_limit"] = limit
    return res


def q3(g, w, s, query):
    if s is None:
        return {"reach": 0, "reachable": 0, "prob_ok": 0}
    dist = g.distances(source=s, weights="weight")[0]
    max_hops, min_p = query["reach_max_hops"], query["reach_min_prob"]
    adj = g.get_inclist()
    edges = g.get_edgelist()
    hops = {s: 0}
    frontier = deque([s])
    while frontier:
        u = frontier.popleft()
        h = hops[u]
        if h >= max_hops:
            continue            # deeper nodes count as "too many hops" anyway
        du = dist[u]
        for e in adj[u]:
            a, b = edges[e]
            v = b if a == u else a
            if v in hops:
                continue
            dv = dist[v]
            if du + w[e] <= dv + benchlib.TIGHT_EPS * (1.0 + dv):
                hops[v] = h + 1
                frontier.append(v)
    return benchlib.reach_counts(((v, d) for v, d in enumerate(dist) if d != math.inf), s, hops,
                                 min_p)


def main():
    args = benchlib.parse_args("peer_igraph.py")
    query = benchlib.read_query(args.query)
    clock = benchlib.Clock()

    clock.start()
    names, us, vs, ps, stats = benchlib.load_edges(args.edges)
    index = {name: i for i, name in enumerate(names)}
    g = igraph.Graph(n=len(names), edges=list(zip(us, vs)), directed=False)
    w = [benchlib.weight_of(p) for p in ps]
    g.es["weight"] = w
    g.es["p"] = ps
    del us, vs
    clock.stop("L")

    s, t = index.get(query.get("seeker")), index.get(query.get("target"))
    core = getattr(igraph._igraph, "__igraph_version__", "?")
    result = {"peer": "python-igraph",
              "version": "python-igraph %s (C core %s)" % (igraph.__version__, core),
              "graph": stats}
    if "Q1" in args.phase_set:
        clock.start()
        paths = q1(g, w, s, t, query["k"])
        for p in paths:
            p["nodes"] = [names[v] for v in p["nodes"]]
        result["q1"] = {"paths": paths}
        clock.stop("Q1")
    if "Q2" in args.phase_set:
        clock.start()
        # territory members in file order, minus s and unknown ids (skipped by the spec)
        terr_ids = [index[x] for x in query["territory"] if x in index and index[x] != s]
        result["q2"] = q2(g, names, s, terr_ids, query["top"], args.q2_limit)
        clock.stop("Q2")
        if result["q2"].get("partial"):
            clock.extrapolate_q2(len(query["territory"]) / args.q2_limit)
    if "Q3" in args.phase_set:
        clock.start()
        result["q3"] = q3(g, w, s, query)
        clock.stop("Q3")
    clock.report(result)
    benchlib.emit(result)


if __name__ == "__main__":
    main()
