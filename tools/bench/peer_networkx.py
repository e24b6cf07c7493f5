#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""warmpath benchmark peer on NetworkX, written as a NetworkX user would.

  peer_networkx.py EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] [--q2-limit M]

Prints one JSON object (WORKLOAD.md, "Output and timing contract").
  L   parse + dedup (benchlib), nx.Graph with 'weight' = -ln p and 'p'
  Q1  nx.shortest_simple_paths (Yen-style), first k
  Q2  s removed from the graph (its edges restored afterwards), then one
      nx.single_source_dijkstra_path_length per territory member
  Q3  nx.single_source_dijkstra_path_length from s, then a BFS over the tight
      edges, stopped at the hop limit
Node keys are the string ids themselves.
"""
import itertools
import math
import os
import sys
from collections import deque

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import networkx as nx  # noqa: E402


def q1(G, s, t, k):
    if s not in G or t not in G or s == t:
        return []
    out = []
    try:
        for path in itertools.islice(nx.shortest_simple_paths(G, s, t, weight="weight"), k):
            w = 0.0
            for a, b in zip(path, path[1:]):
                w += G[a][b]["weight"]
            out.append({"nodes": path, "weight": w, "prob": math.exp(-w)})
    except nx.NetworkXNoPath:
        pass
    return out


def q2(G, s, query, limit):
    if s not in G:
        return {"top": [], "neighbours": 0, "dijkstra_runs": 0}
    nbrs = list(G[s])
    p_sc = [G[s][c]["p"] for c in nbrs]
    scores_sum = [0.0] * len(nbrs)
    runs = 0
    saved = [(s, c, dict(G[s][c])) for c in nbrs]
    # G - s: take s out for the duration of Q2 (cheaper than a copy or a
    # filtered view, both of which slow every Dijkstra step), then put it back
    G.remove_node(s)
    try:
        for t in query["territory"]:
            if not nbrs or (limit is not None and runs >= limit):
                break
            if t == s or t not in G:
                continue
            dist = nx.single_source_dijkstra_path_length(G, t, weight="weight")
            runs += 1
            for j, c in enumerate(nbrs):
                d = dist.get(c)
                if d is not None:
                    scores_sum[j] += math.exp(-d)
    finally:
        G.add_edges_from(saved)
    scores = [p_sc[j] * scores_sum[j] for j in range(len(nbrs))]
    order = sorted(range(len(nbrs)), key=lambda j: (-scores[j], nbrs[j]))
    res = {"top": [{"id": nbrs[j], "score": scores[j]} for j in order[:query["top"]]],
           "neighbours": len(nbrs), "dijkstra_runs": runs}
    if limit is not None:
        res["partial"] = runs < sum(1 for t in query["territory"] if t != s and t in G)
        res["q2_limit"] = limit
    return res


def q3(G, s, query):
    if s not in G:
        return {"reach": 0, "reachable": 0, "prob_ok": 0}
    dist = nx.single_source_dijkstra_path_length(G, s, weight="weight")
    max_hops, min_p = query["reach_max_hops"], query["reach_min_prob"]
    hops = {s: 0}
    frontier = deque([s])
    while frontier:
        u = frontier.popleft()
        h = hops[u]
        if h >= max_hops:
            continue            # deeper nodes count as "too many hops" anyway
        du = dist[u]
        for v, attr in G[u].items():
            if v in hops:
                continue
            dv = dist[v]
            if du + attr["weight"] <= dv + benchlib.TIGHT_EPS * (1.0 + dv):
                hops[v] = h + 1
                frontier.append(v)
    return benchlib.reach_counts(dist.items(), s, hops, min_p)


def main():
    args = benchlib.parse_args("peer_networkx.py")
    query = benchlib.read_query(args.query)
    clock = benchlib.Clock()

    clock.start()
    names, us, vs, ps, stats = benchlib.load_edges(args.edges)
    G = nx.Graph()
    G.add_nodes_from(names)
    G.add_edges_from((names[u], names[v], {"weight": benchlib.weight_of(p), "p": p})
                     for u, v, p in zip(us, vs, ps))
    del us, vs, ps
    clock.stop("L")

    s, t = query.get("seeker"), query.get("target")
    result = {"peer": "networkx", "version": "networkx " + nx.__version__, "graph": stats}
    if "Q1" in args.phase_set:
        clock.start()
        result["q1"] = {"paths": q1(G, s, t, query["k"])}
        clock.stop("Q1")
    if "Q2" in args.phase_set:
        clock.start()
        result["q2"] = q2(G, s, query, args.q2_limit)
        clock.stop("Q2")
        if result["q2"].get("partial"):
            clock.extrapolate_q2(len(query["territory"]) / args.q2_limit)
    if "Q3" in args.phase_set:
        clock.start()
        result["q3"] = q3(G, s, query)
        clock.stop("Q3")
    clock.report(result)
    benchlib.emit(result)


if __name__ == "__main__":
    main()
