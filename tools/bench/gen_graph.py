#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Seeded synthetic trust graphs (and SNAP edge-list conversion) for the
warmpath benchmark. Standard library only, deterministic for a given seed.

  gen_graph.py preset {small,medium,large} [--seed 1] --out DIR [--no-query]
  gen_graph.py synth --nodes N [--mean-degree 25] [--seed 1] --out DIR [--no-query]
  gen_graph.py convert --input FILE [--format auto|bitcoin|plain] [--seed 1]
                       [--beta A B] --out DIR [--no-query]

Writes DIR/edges.csv (source,target,strength,type,last_contact),
DIR/people.csv (synth only: id,name,company,title,industry,region,company_size),
DIR/meta.json and, unless --no-query, DIR/query.txt (via make_query.py, seed 7).

Presets: small = 1k people, medium = 100k, large = 1M.

How the synthetic network is made (one random.Random, seeded once):
  * organisations: Pareto(1.1) head-counts, each with an industry and a home
    region; people are laid out company by company (then split into teams of
    5..15), and 80% live in their company's region;
  * every person has a Pareto(2.3) "activity" (capped at 150) that scales all
    their edge propensities, so degrees are heavy-tailed: endpoints are drawn
    inside a block (team, company, region, whole graph) with probability
    proportional to activity (Chung-Lu style);
  * contexts: team and company colleagues, former colleagues, client and
    vendor ties between partner companies, friends in the same region,
    household cliques (family), global weak ties (social), and two rounds of
    triadic closure ("met through") that give the graph its clustering;
  * strength per tie type from a Beta distribution, 4 decimals in
    [0.001, 0.999]; last_contact a date, more recent for strong types.
The CSV keeps what the process makes: ~10% duplicate rows (one pair can be
colleagues and friends; the workload keeps the max strength) and about one
self-loop per 100k rows (at least 2), so the dedup and self-loop rules are
exercised. Rows are shuffled, endpoints randomly ordered, and ids are a random
permutation so they say nothing about the structure.

convert reads a SNAP-style edge list (whitespace or comma separated, '#'/'%'
comments, optional header, .gz ok). bitcoin format (auto-detected for
SOURCE,TARGET,RATING,TIME files such as soc-sign-bitcoinotc.csv): strength =
(rating + 11) / 22 with negative ratings dropped, last_contact from TIME.
plain: strength from a seeded Beta(A, B) (default 2, 5), 4 decimals, clipped
to [0.001, 0.999].
"""
import argparse
import bisect
import datetime
import gzip
import json
import math
import os
import random
import sys
import time
from array import array

PRESETS = {"small": 1_000, "medium": 100_000, "large": 1_000_000}

REGIONS = ["NA-Pacific", "NA-Atlantic", "NA-Midwest", "Brazil", "Andes", "British Isles",
           "Benelux", "Central Europe", "Nordics", "Mediterranean", "Gulf", "South Asia",
           "East Asia", "Oceania"]
INDUSTRIES = ["Software", "Banking", "Health", "Industrial", "Consumer", "Telecom", "Energy",
              "Media", "Education", "Public Sector", "Transport", "Property", "Insurance",
              "Life Sciences", "Advisory", "Law", "Travel", "Automotive"]
# company name = prefix + stem + a word fitting the industry
NAME_PREFIX = ["Alder", "Beacon", "Cobalt", "Dune", "Ember", "Fjord", "Granite", "Heron", "Indigo",
               "Juniper", "Kestrel", "Lantern", "Meridian", "Nimbus", "Onyx", "Prairie", "Quarry",
               "Rowan", "Saffron", "Tundra", "Umber", "Vireo", "Willow", "Yarrow", "Zephyr"]
NAME_STEM = ["field", "stone", "brook", "light", "point", "bay", "crest", "mark", "ridge", "vale",
             "gate", "well", "wood", "line", "shore", "hill"]
INDUSTRY_WORD = {
    "Software": ["Labs", "Systems", "Software"], "Banking": ["Bank", "Capital", "Trust"],
    "Health": ["Health", "Clinics", "Care"], "Industrial": ["Works", "Industries", "Machines"],
    "Consumer": ["Brands", "Goods", "Stores"], "Telecom": ["Networks", "Telecom"],
    "Energy": ["Energy", "Power", "Grid"], "Media": ["Media", "Studios", "Press"],
    "Education": ["Academy", "College", "Learning"], "Public Sector": ["Agency", "Office", "Board"],
    "Transport": ["Freight", "Logistics", "Lines"], "Property": ["Estates", "Properties"],
    "Insurance": ["Assurance", "Mutual", "Insurance"], "Life Sciences": ["Bio", "Therapeutics"],
    "Advisory": ["Partners", "Advisory", "Group"], "Law": ["Legal", "Chambers", "LLP"],
    "Travel": ["Travel", "Hotels", "Journeys"], "Automotive": ["Motors", "Mobility"],
}
GIVEN = ["Ada", "Bram", "Chiara", "Dev", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Kaori", "Luis", "Maya", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tove",
         "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Arjun", "Bea", "Cyril", "Dana",
         "Emeka", "Freya", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Mateus", "Noor"]
FAMILY = ["Abara", "Berg", "Costa", "Dahl", "Eze", "Fontaine", "Gupta", "Horvat", "Ito",
          "Jansen", "Kowal", "Lindqvist", "Mensah", "Novak", "Okafor", "Petrov", "Quispe",
          "Rahman", "Sato", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
          "Almeida", "Brennan", "Chopra", "Duarte"]
# (title, relative frequency)
TITLES = [("Engineer", 9), ("Senior Engineer", 6), ("Engineering Manager", 2), ("CTO", .3),
          ("Product Manager", 4), ("Designer", 3), ("Data Analyst", 4), ("Account Executive", 6),
          ("Sales Director", 2), ("VP Sales", .6), ("Customer Success", 4), ("Marketing Lead", 3),
          ("Controller", 1.5), ("CFO", .3), ("Recruiter", 2), ("Operations Manager", 4),
          ("Consultant", 4), ("Counsel", 1.5), ("Procurement Lead", 2), ("CEO", .4),
          ("Founder", .6), ("Board Member", .3)]
SIZE_BUCKETS = [(10, "1-10"), (50, "11-50"), (200, "51-200"), (500, "201-500"),
                (1000, "501-1000"), (5000, "1001-5000"), (10000, "5001-10000")]

# tie type -> (share of the raw row budget, Beta(a, b) of strength, mean days since contact).
# triadic closure fills whatever budget the fixed shares leave (~1/3).
TIE_TYPES = ["colleague", "former_colleague", "client", "vendor", "friend", "family", "social"]
TIE = {
    "colleague": (None, (3, 6), 12),   # shares set per block, see synth()
    "former_colleague": (0.10, (2, 6), 420),
    "client": (0.07, (3, 6), 40),
    "vendor": (0.03, (2, 8), 90),
    "friend": (0.08, (4, 4), 60),
    "family": (None, (7, 3), 20),
    "social": (0.07, (1.2, 10), 300),
}
TEAM_SHARE, COMPANY_SHARE = 0.24, 0.10
DUP_SLACK = 1.12       # raw rows per wanted unique edge: duplicates and dropped loops
REF_DATE = datetime.date(2026, 6, 30)


def stochastic_round(rng, x):
    """An integer with expectation x (cheap stand-in for a Poisson count)."""
    f = math.floor(x)
    return int(f) + (1 if rng.random() < x - f else 0)


def cumulative(weights):
    out = array("d", [0.0])
    acc = 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def zipf_cum(n, s):
    return list(cumulative(1.0 / (k ** s) for k in range(1, n + 1)))[1:]


class Edges:
    """Raw rows as compact parallel arrays (the large preset has ~13M rows)."""

    def __init__(self):
        self.src = array("i")
        self.dst = array("i")
        self.typ = array("b")

    def add(self, a, b, t):
        self.src.append(a)
        self.dst.append(b)
        self.typ.append(t)

    def __len__(self):
        return len(self.src)


def draw(rng, cs, lo, hi):
    """A position in [lo, hi) drawn with probability proportional to activity,
    cs being the cumulative activity of the ordering (cs[i] = sum before i)."""
    base = cs[lo]
    x = base + rng.random() * (cs[hi] - base)
    i = bisect.bisect_right(cs, x, lo, hi + 1) - 1
    return lo if i < lo else (hi - 1 if i >= hi else i)


def adjacency(n, edges):
    """CSR (indptr, neighbours) of the raw rows so far, loops left out."""
    deg = array("q", bytes(8 * (n + 1)))
    for a, b in zip(edges.src, edges.dst):
        if a != b:
            deg[a] += 1
            deg[b] += 1
    indptr = array("q", [0]) * (n + 1)
    acc = 0
    for v in range(n):
        indptr[v] = acc
        acc += deg[v]
    indptr[n] = acc
    fill = array("q", indptr)
    nbr = array("i", bytes(4 * acc))
    for a, b in zip(edges.src, edges.dst):
        if a != b:
            nbr[fill[a]] = b
            fill[a] += 1
            nbr[fill[b]] = a
            fill[b] += 1
    return indptr, nbr


def synth(n, mean_degree, seed, outdir, log):
    t0 = time.time()
    rng = random.Random(seed)
    T = {name: i for i, name in enumerate(TIE_TYPES)}

    # ---- organisations, people, teams (people are numbered company by company)
    cap = max(5, n // 25)
    sizes, total = [], 0
    while total < n:
        s = min(int(rng.paretovariate(1.1) * 2.5), cap)
        sizes.append(s)
        total += s
    sizes[-1] -= total - n
    if sizes[-1] <= 0:
        sizes.pop()
    nc = len(sizes)
    c_start = [0] * nc
    for c in range(1, nc):
        c_start[c] = c_start[c - 1] + sizes[c - 1]
    reg_cum, ind_cum = zipf_cum(len(REGIONS), 0.8), zipf_cum(len(INDUSTRIES), 0.7)
    c_ind = rng.choices(range(len(INDUSTRIES)), cum_weights=ind_cum, k=nc)
    c_reg = rng.choices(range(len(REGIONS)), cum_weights=reg_cum, k=nc)
    comp_of = array("i")
    for c, sz in enumerate(sizes):
        comp_of.extend([c] * sz)
    region = array("b", (c_reg[c] for c in comp_of))
    for i in range(n):
        if rng.random() < 0.2:                       # lives away from the company's region
            region[i] = rng.choices(range(len(REGIONS)), cum_weights=reg_cum)[0]
    activity = array("d", (min(rng.paretovariate(2.3), 150.0) for _ in range(n)))
    cs = cumulative(activity)                         # company-contiguous order
    teams = []                                        # (start, end) blocks
    for c in range(nc):
        ts = rng.randint(5, 15)
        for lo in range(c_start[c], c_start[c] + sizes[c], ts):
            teams.append((lo, min(lo + ts, c_start[c] + sizes[c])))

    budget = n * mean_degree / 2.0 * DUP_SLACK
    per_person = budget / n
    E = Edges()

    def block_edges(out, blocks, share, fill_cap, tname):
        """Chung-Lu edges inside each block, at most fill_cap of its pairs."""
        t = T[tname]
        for lo, hi in blocks:
            m = hi - lo
            want = min(m * share * per_person, fill_cap * m * (m - 1) / 2.0)
            for _ in range(stochastic_round(rng, want)):
                out.add(draw(rng, cs, lo, hi), draw(rng, cs, lo, hi), t)

    block_edges(E, teams, TEAM_SHARE, 0.8, "colleague")
    block_edges(E, [(c_start[c], c_start[c] + sizes[c]) for c in range(nc)],
                COMPANY_SHARE, 0.5, "colleague")

    # former colleagues: an active person -> someone at one earlier employer
    size_cum = list(cumulative(sizes))[1:]
    prev_company = rng.choices(range(nc), cum_weights=size_cum, k=n)
    t = T["former_colleague"]
    for _ in range(int(TIE["former_colleague"][0] * budget)):
        u = draw(rng, cs, 0, n)
        pc = prev_company[u]
        E.add(u, draw(rng, cs, c_start[pc], c_start[pc] + sizes[pc]), t)

    # client / vendor: ties along company partnerships, busier for big pairs
    partners = []
    for _ in range(max(1, int(nc * 2.5))):
        a, b = rng.choices(range(nc), cum_weights=size_cum, k=2)
        if a != b:
            partners.append((a, b))
    if partners:
        p_cum = list(cumulative(math.sqrt(sizes[a] * sizes[b]) for a, b in partners))[1:]
        for tname in ("client", "vendor"):
            t = T[tname]
            picks = rng.choices(partners, cum_weights=p_cum, k=int(TIE[tname][0] * budget))
            for a, b in picks:
                E.add(draw(rng, cs, c_start[a], c_start[a] + sizes[a]),
                      draw(rng, cs, c_start[b], c_start[b] + sizes[b]), t)

    # friends: Chung-Lu inside a region (people re-ordered by region)
    by_region = sorted(range(n), key=lambda i: region[i])
    cs_r = cumulative(activity[i] for i in by_region)
    r_blocks, lo = [], 0
    for r in range(len(REGIONS)):
        hi = lo
        while hi < n and region[by_region[hi]] == r:
            hi += 1
        if hi > lo:
            r_blocks.append((lo, hi))
        lo = hi
    rb_cum = list(cumulative(cs_r[hi] - cs_r[lo] for lo, hi in r_blocks))[1:]
    t = T["friend"]
    for lo, hi in rng.choices(r_blocks, cum_weights=rb_cum, k=int(TIE["friend"][0] * budget)):
        E.add(by_region[draw(rng, cs_r, lo, hi)], by_region[draw(rng, cs_r, lo, hi)], t)

    # family: households of 2..5 among 35% of people, formed within a region
    members = [i for i in range(n) if rng.random() < 0.35]
    rng.shuffle(members)
    members.sort(key=lambda i: region[i])
    t, pos = T["family"], 0
    while True:
        g = rng.choices((2, 3, 4, 5), weights=(45, 25, 20, 10))[0]
        if pos + g > len(members):
            break
        home = members[pos:pos + g]
        pos += g
        for x in range(g):
            for y in range(x + 1, g):
                E.add(home[x], home[y], t)

    # social: global weak ties
    t = T["social"]
    for _ in range(int(TIE["social"][0] * budget)):
        E.add(draw(rng, cs, 0, n), draw(rng, cs, 0, n), t)

    # triadic closure: join two neighbours of a centre. Round 0 picks centres in
    # proportion to degree, round 1 uniformly (so low-degree people get triangles
    # too); closure edges of round 0 can themselves be closed in round 1.
    for rnd in (0, 1):
        indptr, nbr = adjacency(n, E)
        m_close = max(0, int((budget - len(E)) / (2 - rnd)))
        centres = [v for v in range(n) if indptr[v + 1] - indptr[v] >= 2]
        if not centres:
            break
        slots = len(nbr)
        for j in range(m_close):
            if rnd == 0:
                slot = rng.randrange(slots)
                c = bisect.bisect_right(indptr, slot) - 1
                a = nbr[slot]
            else:
                c = centres[rng.randrange(len(centres))]
                a = nbr[indptr[c] + rng.randrange(indptr[c + 1] - indptr[c])]
            b = nbr[indptr[c] + rng.randrange(indptr[c + 1] - indptr[c])]
            E.add(a, b, T["friend"] if j * 2 < m_close else T["social"])
        del indptr, nbr
    log(f"[gen] {len(E)} raw rows drawn in {time.time() - t0:.1f}s")

    # ---- self-loops: keep a few as noise (at least 2, ~1 per 100k rows)
    keep_loops = max(2, len(E) // 100_000)
    kept, rows = 0, Edges()
    for a, b, ty in zip(E.src, E.dst, E.typ):
        if a == b:
            if kept >= keep_loops:
                continue
            kept += 1
        rows.add(a, b, ty)
    del E
    while kept < keep_loops:
        v = rng.randrange(n)
        rows.add(v, v, T["social"])
        kept += 1
    m = len(rows)

    # ---- attributes, endpoint order, row order, ids
    strength = array("h", bytes(2 * m))              # in 1/10000
    days = array("h", bytes(2 * m))
    betas = [TIE[name][1] for name in TIE_TYPES]
    lambdas = [1.0 / TIE[name][2] for name in TIE_TYPES]
    for i in range(m):
        ty = rows.typ[i]
        a, b = betas[ty]
        strength[i] = min(9990, max(10, round(rng.betavariate(a, b) * 10000)))
        days[i] = min(3650, int(rng.expovariate(lambdas[ty])))
        if rng.random() < 0.5:
            rows.src[i], rows.dst[i] = rows.dst[i], rows.src[i]
    order = list(range(m))
    rng.shuffle(order)
    perm = list(range(n))
    rng.shuffle(perm)
    width = max(7, len(str(n - 1)))
    ids = ["p%0*d" % (width, perm[i]) for i in range(n)]
    dates = [(REF_DATE - datetime.timedelta(days=d)).isoformat() for d in range(3651)]

    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "edges.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target,strength,type,last_contact\n")
        buf = []
        for i in order:
            buf.append("%s,%s,0.%04d,%s,%s\n" % (ids[rows.src[i]], ids[rows.dst[i]], strength[i],
                                                TIE_TYPES[rows.typ[i]], dates[days[i]]))
            if len(buf) >= 100_000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))

    # people.csv: the attributes make_query.py uses (industry, region) and some colour
    titles, t_w = zip(*TITLES)
    c_names = []
    for c in range(nc):
        words = INDUSTRY_WORD[INDUSTRIES[c_ind[c]]]
        c_names.append("%s%s %s" % (rng.choice(NAME_PREFIX), rng.choice(NAME_STEM), rng.choice(words)))
    c_bucket = []
    for sz in sizes:
        # a company with k people in the sample stands for a firm ~10x that size
        c_bucket.append(next((lab for lim, lab in SIZE_BUCKETS if sz * 10 <= lim), "10001+"))
    with open(os.path.join(outdir, "people.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id,name,company,title,industry,region,company_size\n")
        buf = []
        for i in range(n):
            c = comp_of[i]
            buf.append("%s,%s %s,%s,%s,%s,%s,%s\n" % (
                ids[i], rng.choice(GIVEN), rng.choice(FAMILY), c_names[c],
                rng.choices(titles, weights=t_w)[0], INDUSTRIES[c_ind[c]],
                REGIONS[region[i]], c_bucket[c]))
            if len(buf) >= 100_000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))

    meta = {"generator": "tools/bench/gen_graph.py synth", "nodes_param": n, "seed": seed,
            "mean_degree_param": mean_degree, "companies": nc,
            "type_rows": {name: 0 for name in TIE_TYPES}}
    for ty in rows.typ:
        meta["type_rows"][TIE_TYPES[ty]] += 1
    meta.update(graph_stats(n, rows.src, rows.dst, rng))
    meta["seconds"] = round(time.time() - t0, 1)
    write_meta(outdir, meta)
    log("[gen] " + json.dumps(meta))
    return meta


def graph_stats(n, src, dst, rng):
    """Row, dedup and degree figures for meta.json, plus a sampled transitivity
    (fraction of closed wedges) as a check that the graph is clustered."""
    seen = set()
    loops = 0
    for a, b in zip(src, dst):
        if a == b:
            loops += 1
        else:
            seen.add((a << 32) | b if a < b else (b << 32) | a)
    deg = array("i", bytes(4 * n))
    nbrs = [[] for _ in range(n)]
    for key in seen:
        a, b = key >> 32, key & 0xFFFFFFFF
        deg[a] += 1
        deg[b] += 1
        nbrs[a].append(b)
        nbrs[b].append(a)
    ds = sorted(deg)
    wedges = closed = 0
    centres = [v for v in range(n) if deg[v] >= 2]
    if centres:
        # degree-weighted wedge sampling: a wedge centre with deg d has d(d-1)/2 wedges
        w_cum = list(cumulative(deg[v] * (deg[v] - 1) / 2.0 for v in centres))[1:]
        for c in rng.choices(centres, cum_weights=w_cum, k=20_000):
            a, b = rng.sample(nbrs[c], 2)
            wedges += 1
            key = (a << 32) | b if a < b else (b << 32) | a
            closed += key in seen
    return {"rows": len(src), "self_loop_rows": loops, "unique_edges": len(seen),
            "duplicate_rows": len(src) - loops - len(seen),
            "nodes": sum(1 for d in deg if d > 0),
            "mean_degree": round(2.0 * len(seen) / max(1, sum(1 for d in deg if d > 0)), 3),
            "median_degree": ds[n // 2] if n else 0, "p99_degree": ds[min(n - 1, int(n * 0.99))] if n else 0,
            "max_degree": ds[-1] if n else 0,
            "isolated_people": sum(1 for d in deg if d == 0),
            "transitivity_sampled": round(closed / wedges, 4) if wedges else 0.0}


def write_meta(outdir, meta):
    with open(os.path.join(outdir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


# --------------------------------------------------------------------- convert
HEADER_WORDS = {"source", "target", "src", "dst", "from", "to", "fromnodeid", "tonodeid",
                "node1", "node2", "u", "v", "id1", "id2", "rating", "time", "weight"}


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, "r", encoding="utf-8", errors="replace")


def convert(inp, outdir, fmt, seed, beta, log):
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    rows = dropped_negative = bad = 0
    first = True
    out_path = os.path.join(outdir, "edges.csv")
    with open_text(inp) as fin, open(out_path, "w", encoding="utf-8", newline="\n") as fout:
        fout.write("source,target,strength,type,last_contact\n")
        for line in fin:
            line = line.strip()
            if not line or line[0] in "#%":
                continue
            parts = [x.strip() for x in (line.split(",") if "," in line else line.split())]
            if first:
                first = False
                low = [x.lower() for x in parts]
                if fmt == "auto":
                    bitcoin = len(parts) >= 3 and ("rating" in low or
                                                   os.path.basename(inp).startswith("soc-sign-bitcoin"))
                    fmt = "bitcoin" if bitcoin else "plain"
                if any(x in HEADER_WORDS for x in low):
                    continue
            if len(parts) < 2 or not parts[0] or not parts[1]:
                bad += 1
                continue
            if fmt == "bitcoin":
                try:
                    r = float(parts[2])
                except (IndexError, ValueError):
                    bad += 1
                    continue
                if r < 0:
                    dropped_negative += 1
                    continue
                p, typ, when = (r + 11.0) / 22.0, "trust", ""
                if len(parts) > 3:
                    try:
                        when = datetime.datetime.fromtimestamp(
                            int(float(parts[3])), datetime.timezone.utc).date().isoformat()
                    except (ValueError, OverflowError, OSError):
                        when = ""
                fout.write("%s,%s,%r,%s,%s\n" % (parts[0], parts[1], p, typ, when))
            else:
                p = min(0.999, max(0.001, rng.betavariate(beta[0], beta[1])))
                fout.write("%s,%s,%.4f,unknown,\n" % (parts[0], parts[1], p))
            rows += 1
    meta = {"generator": "tools/bench/gen_graph.py convert", "input": os.path.abspath(inp),
            "format": fmt, "seed": seed, "beta": list(beta) if fmt == "plain" else None,
            "rows": rows, "dropped_negative": dropped_negative, "bad_lines": bad}
    write_meta(outdir, meta)
    log("[convert] " + json.dumps(meta))
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("preset", help="a named size: small 1k, medium 100k, large 1M people")
    p.add_argument("size", choices=sorted(PRESETS))
    s = sub.add_parser("synth", help="a synthetic graph of --nodes people")
    s.add_argument("--nodes", type=int, required=True)
    s.add_argument("--mean-degree", type=float, default=25.0,
                   help="target of the raw model; ~22-24 remain after dedup")
    c = sub.add_parser("convert", help="convert a SNAP-style edge list")
    c.add_argument("--input", required=True)
    c.add_argument("--format", choices=["auto", "bitcoin", "plain"], default="auto")
    c.add_argument("--beta", type=float, nargs=2, default=[2.0, 5.0], metavar=("A", "B"))
    for q in (p, s, c):
        q.add_argument("--seed", type=int, default=1)
        q.add_argument("--out", required=True, help="output directory")
        q.add_argument("--no-query", action="store_true", help="do not write query.txt")
    a = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr)

    if a.cmd == "preset":
        synth(PRESETS[a.size], 25.0, a.seed, a.out, log)
    elif a.cmd == "synth":
        synth(a.nodes, a.mean_degree, a.seed, a.out, log)
    else:
        convert(a.input, a.out, a.format, a.seed, a.beta, log)
    if not a.no_query:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import make_query
        make_query.write_query(a.out, seed=7, log=log)


if __name__ == "__main__":
    main()
