#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate warmpath's bundled demo network (people.csv and edges.csv).

Usage:
    python3 tools/gen-demo.py --seed 42 --out datasets/demo

The output is deterministic: the same seed gives byte-identical files (all
randomness comes from one random.Random(seed); nothing that reaches the output
depends on hash() or set iteration order). Standard library only. All names are
synthetic combinations of common first and last names; no real person's data.

The network is ~3000 people at ~300 companies plus our own five sellers at
"Warmpath Inc", with a planted story: Alice Carter (p00001) wants an intro to
Bob Smith, VP Finance at Acme, and reaches him through several referral sources
of clearly different quality. See datasets/demo/README.md.
"""
import argparse
import csv
import datetime
import math
import os
import random
import re
import unicodedata

AS_OF = datetime.date(2026, 11, 1)
MAX_AGE = (AS_OF - datetime.date(2019, 1, 1)).days  # oldest contact: 2019-01-01
N_COMPANIES = 300
INDUSTRIES = ["Fintech", "Insurance", "Healthcare", "Manufacturing",
              "Retail", "Software", "Logistics", "Energy"]
REGIONS = ["US-East", "US-West", "US-Central", "UK", "DACH", "Nordics"]
PEOPLE_HEADER = ["id", "name", "company", "title", "function", "industry",
                 "region", "company_size", "team", "linkedin_url"]
EDGE_HEADER = ["source", "target", "strength", "type", "last_contact", "interactions"]

# Name pools (first names, last names) per region group; "Smith" and "Carter" are reserved
# for the planted story. split() turns each string into a list.
NAME_POOLS = {
    "US": (
        "James Mary John Patricia Michael Jennifer David Linda William Elizabeth Richard "
        "Barbara Joseph Susan Thomas Jessica Charles Sarah Christopher Karen Daniel Nancy "
        "Matthew Lisa Anthony Megan Mark Sandra Steven Ashley Andrew Emily Kevin Michelle Brian "
        "Amanda Jason Melissa Ryan Stephanie Jacob Nicole Luis María Carlos Ana Wei Priya Raj "
        "Aisha Kenji Mei Omar Fatima André Keisha Diego Sofía Jamal Grace Ethan Olivia Noah "
        "Emma Liam Ava Chloe Lucas Mia Elena",
        "Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
        "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White "
        "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
        "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell "
        "Roberts Patel Chen Kim Shah Singh Cohen Murphy O'Connor D'Angelo Álvarez Peña Goldberg "
        "Okafor Brooks Reyes Ortiz Núñez"),
    "UK": (
        "Oliver George Harry Jack Charlie Amelia Isla Poppy Sophie Emily Siobhan Niamh Ciarán "
        "Declan Fiona Hamish Alistair Imogen Rhys Gareth Bethan Priya Arjun Nadia Tom Lucy "
        "Hannah James Charlotte Zoë Eleanor Callum Freya Mohammed",
        "Evans Hughes Edwards Wright Walker Roberts Wood Thompson Robinson Clarke Patel Khan "
        "Ahmed O'Brien O'Neill McCarthy MacLeod Campbell Stewart Morgan Davies Price Jenkins "
        "Lloyd Fletcher Ashworth Pemberton Whitfield Hargreaves Singh"),
    "DACH": (
        "Jürgen Jörg Lukas Maximilian Felix Jonas Leon Paul Elias Anna Lena Lea Marie Sophie "
        "Hannah Laura Katrin Zoë Günther Stefan Matthias Andreas Sabine Ulrike Dominik Tobias "
        "Florian Mehmet Ayşe Luca Chloé Noémie",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
        "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann "
        "Lange Werner Krause Lehmann Köhler Huber Gruber Steiner Bauer Moser Brunner Yılmaz "
        "Favre Rochat"),
    "Nordics": (
        "Lars Erik Anders Johan Mikael Søren Björn Åsa Ingrid Astrid Sigrid Freja Maja Elin "
        "Linnea Emil Oskar Magnus Henrik Kari Sanna Aino Juha Mikko Päivi Tuomas Eeva",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Lindqvist Bergström Lindström "
        "Hansen Jensen Nielsen Pedersen Olsen Sørensen Johansen Haugen Virtanen Korhonen "
        "Mäkinen Nieminen Häkkinen Lindgren Åberg Dahl Berg Strand Holm"),
}
CO_STEMS_A = ("North Blue Iron Silver Red Clear Bright Stone Oak Pine Summit Harbor Cedar "
              "Granite Swift True Prime Apex Nova Vertex Maple River Lake Sun Star Copper").split()
CO_STEMS_B = "wind peak bridge field gate point line wave light path crest ridge view".split()
CO_WORDS = {ind: words.split() for ind, words in [
    ("Fintech", "Capital Pay Financial Ledger"),
    ("Insurance", "Insurance Mutual Assurance Underwriters"),
    ("Healthcare", "Health Medical Clinics Bio"),
    ("Manufacturing", "Industries Manufacturing Works Components"),
    ("Retail", "Stores Retail Market Outfitters"),
    ("Software", "Software Labs Systems Technologies"),
    ("Logistics", "Logistics Freight Shipping Transport"),
    ("Energy", "Energy Power Renewables Utilities")]}
CO_SUFFIX = {"US": ["", "", "Inc", "LLC"], "UK": ["Ltd", "plc", ""],
             "DACH": ["GmbH", "AG"], "Nordics": ["AB", "AS", "Oy"]}

# function: "C-level|VP|director|manager|individual contributors (comma-separated)"
TITLES = {f: (*t.split("|")[:4], t.split("|")[4].split(",")) for f, t in {
    "Finance": "CFO|VP Finance|Finance Director|Controller|"
               "Financial Analyst,Accountant,Senior Accountant",
    "IT": "CIO|VP IT|IT Director|IT Manager|Systems Administrator,IT Analyst",
    "Engineering": "CTO|VP Engineering|Engineering Director|Engineering Manager|"
                   "Software Engineer,Senior Software Engineer,Data Engineer",
    "Operations": "COO|VP Operations|Head of Operations|Operations Manager|"
                  "Operations Analyst,Project Manager",
    "Sales": "Chief Revenue Officer|VP Sales|Sales Director|Sales Manager|"
             "Account Executive,Sales Development Rep",
    "Marketing": "CMO|VP Marketing|Marketing Director|Marketing Manager|"
                 "Marketing Specialist,Content Strategist",
    "HR": "Chief People Officer|VP People|HR Director|HR Manager|Recruiter",
    "Legal": "General Counsel|VP Legal|Legal Director|Legal Counsel|Paralegal"}.items()}
FUNC_WEIGHTS = {"Engineering": 3, "Sales": 3, "Operations": 2, "Finance": 2, "IT": 2,
                "Marketing": 2, "HR": 1, "Legal": 1}

# type: (declared strength range, mean days since last contact, mean interactions)
TYPE_PROFILE = {
    "family": ((0.70, 0.95), 90, 40), "friend": ((0.60, 0.90), 150, 25),
    "client": ((0.60, 0.95), 60, 30), "referred": ((0.40, 0.70), 200, 5),
    "colleague": ((0.40, 0.80), 45, 50), "former_colleague": ((0.30, 0.65), 500, 8),
    "vendor": ((0.35, 0.65), 200, 12), "social": ((0.05, 0.30), 900, 1),
    "prize": ((0.02, 0.10), 700, 1),
}

# Special companies: (name, industry, region, size, planted "name|title|function[|team]").
# An empty planted name gets a random one. Warmpath Inc holds exactly our five sellers.
SPECIAL = [
    ("Warmpath Inc", "Software", "US-East", 85, [
        "Alice Carter|Account Executive|Sales|sales-east",
        "Marcus Reid|Senior Account Executive|Sales|sales-east",
        "Nina Patel|Account Executive|Sales|sales-east",
        "Derek Lund|Account Executive|Sales|sales-west",
        "Sofia Marino|Sales Director|Sales|sales-west"]),
    ("Acme", "Fintech", "US-East", 1200, [
        "Bob Smith|VP Finance|Finance", "Rachel Kim|CFO|Finance",
        "Daniel Okafor|Finance Director|Finance", "Victor Hale|CEO|Executive",
        "Sanjay Mehta|VP Engineering|Engineering", "|Controller|Finance",
        "|Financial Analyst|Finance", "|Financial Analyst|Finance", "|Accountant|Finance"]),
    ("Globex", "Manufacturing", "US-West", 8000, ["Bob Smith|IT Manager|IT"]),
    ("Initech", "Software", "US-Central", 450, ["Robert Smith|Engineering Manager|Engineering"]),
    ("Smith, Jones & Partners", "Insurance", "UK", 180, ["Siobhan O'Brien|General Counsel|Legal"]),
    ("Brightline Pay", "Fintech", "US-East", 600, ["Priya Natarajan|Finance Director|Finance"]),
    ("Ledgerline Software", "Software", "US-East", 140, ["Greg Holloway|Sales Director|Sales"]),
    ("Cedarpoint Health", "Healthcare", "US-East", 3200, ["Hannah Weiss|HR Director|HR"]),
    ("Summit Freight", "Logistics", "US-Central", 900, ["Tom Becker|VP Operations|Operations"]),
    ("Kessler Maschinenbau GmbH", "Manufacturing", "DACH", 2400, ["Zoë Müller|CFO|Finance"]),
    ("Léman Assurances SA", "Insurance", "DACH", 700,
     ["François Lefèvre|Head of Operations|Operations"]),
    ("Pacific Outfitters", "Retail", "US-West", 5200, ["José Álvarez|VP Operations|Operations"]),
]
N_TERRITORY = 20  # Fintech/US-East companies in total (Acme and Brightline Pay included)
N_ISOLATED, N_COLD = 2, 3  # of the generic Fintech/US-East ones: no outside ties / social-only


def region_group(region):
    return "US" if region.startswith("US") else region


def fmt_strength(x):
    return f"{x:.2f}".rstrip("0").rstrip(".")


class Demo:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.people = []      # dicts with PEOPLE_HEADER keys plus level, co
        self.companies = []   # dicts: name, industry, region, size, members, kind
        self.edges = []       # [source, target, strength, type, last_contact, interactions]
        self.pairs = set()    # membership test only (never iterated)
        self.used_names = {"Alice Carter", "Bob Smith", "Robert Smith"}
        self.adj = {}         # person index -> list of neighbour indices (insertion order)

    # ---------------------------------------------------------------- people
    def random_name(self, region):
        group = region_group(region) if self.rng.random() < 0.75 else \
            self.rng.choice(sorted(NAME_POOLS))
        first, last = (x.split() for x in NAME_POOLS[group])
        while True:
            name = f"{self.rng.choice(first)} {self.rng.choice(last)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def add_person(self, co, name, title, function, level, team=""):
        rng = self.rng
        name = name or self.random_name(co["region"])
        self.used_names.add(name)
        url = ""
        if rng.random() < 0.6:
            ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
            url = f"https://www.linkedin.com/in/{slug}-{rng.getrandbits(24):06x}"
        p = {"id": f"p{len(self.people) + 1:05d}", "name": name, "company": co["name"],
             "title": title, "function": function, "industry": co["industry"],
             "region": co["region"], "company_size": co["size"], "team": team,
             "linkedin_url": url, "level": level, "co": co}
        self.people.append(p)
        self.adj[len(self.people) - 1] = []
        co["members"].append(len(self.people) - 1)
        return len(self.people) - 1

    def staff(self, co, n, planted):
        """Create n people at co: planted ones first, then CEO/CFO/CTO/COO, then a random mix."""
        rng, used = self.rng, set()
        levels = {TITLES[f][i]: i for f in TITLES for i in range(4)}
        for spec in planted:
            name, title, function, team = (spec.split("|") + [""])[:4]
            used.add(title)
            level = 0 if title == "CEO" else levels.get(title, 4)
            self.add_person(co, name, title, function, level, team)
        if co["name"] == "Warmpath Inc":
            return
        for title, function, min_n in [("CEO", "Executive", 1), ("CFO", "Finance", 2),
                                       ("CTO", "Engineering", 4), ("COO", "Operations", 6)]:
            if len(co["members"]) < n and n >= min_n and title not in used:
                used.add(title)
                self.add_person(co, None, title, function, 0)
        funcs = sorted(FUNC_WEIGHTS)
        while len(co["members"]) < n:
            function = rng.choices(funcs, [FUNC_WEIGHTS[f] for f in funcs])[0]
            level = rng.choices([1, 2, 3, 4], [1.2, 1.5, 2.5, 5])[0]
            if level == 1 and TITLES[function][1] in used:
                level = 2
            title = TITLES[function][level] if level < 4 else rng.choice(TITLES[function][4])
            used.add(title)
            self.add_person(co, None, title, function, level)

    def make_companies(self):
        rng, names = self.rng, {s[0] for s in SPECIAL}
        specs = [(s[0], s[1], s[2], s[3], s[4], "special") for s in SPECIAL]
        n_generic = N_COMPANIES - len(SPECIAL)
        n_forced = N_TERRITORY - sum(1 for s in SPECIAL if s[1:3] == ("Fintech", "US-East"))
        for i in range(n_generic):
            if i < n_forced:
                industry, region = "Fintech", "US-East"
                kind = ("isolated" if i < N_ISOLATED else
                        "cold" if i < N_ISOLATED + N_COLD else "generic")
            else:
                industry, region, kind = rng.choice(INDUSTRIES), rng.choice(REGIONS), "generic"
            while True:
                name = " ".join(w for w in [rng.choice(CO_STEMS_A) + rng.choice(CO_STEMS_B),
                                            rng.choice(CO_WORDS[industry]),
                                            rng.choice(CO_SUFFIX[region_group(region)])] if w)
                if name not in names:
                    names.add(name)
                    break
            size = int(min(50000, max(10, rng.lognormvariate(math.log(250), 1.6))))
            specs.append((name, industry, region, size, [], kind))
        for name, industry, region, size, planted, kind in specs:
            co = {"name": name, "industry": industry, "region": region, "size": size,
                  "members": [], "kind": kind}
            self.companies.append(co)
            if name == "Acme":
                n = 25
            else:
                n = round(math.log10(size) * 3.8 + rng.uniform(-2, 3))
                n = max(2, min(30, n, size), len(planted))
            self.staff(co, n, planted)

    # ----------------------------------------------------------------- edges
    def attrs(self, typ):
        """Random (strength, last_contact, interactions) strings for a tie of type typ."""
        rng = self.rng
        (lo, hi), mean_age, mean_int = TYPE_PROFILE[typ]
        strength = fmt_strength(rng.uniform(lo, hi)) if rng.random() < 0.6 else ""
        date = ""
        if rng.random() < 0.8:
            age = 1 + int(rng.expovariate(1 / mean_age))
            if rng.random() < 0.08 or age > MAX_AGE:   # gone cold
                age = rng.randint(731, MAX_AGE)
            date = (AS_OF - datetime.timedelta(days=age)).isoformat()
        inter = ""
        if rng.random() < 0.5:
            if typ in ("social", "prize"):
                inter = "0" if rng.random() < 0.65 else str(rng.randint(1, 4))
            else:
                inter = str(int(rng.expovariate(1 / mean_int)))
        return strength, date, inter

    def add_edge(self, a, b, typ, attrs=None):
        key = (min(a, b), max(a, b))
        if a == b or key in self.pairs:
            return False
        self.pairs.add(key)
        s, d, n = attrs or self.attrs(typ)
        self.edges.append([self.people[a]["id"], self.people[b]["id"], s, typ, d, n])
        self.adj[a].append(b)
        self.adj[b].append(a)
        return True

    def colleague_ties(self, co):
        rng, m = self.rng, co["members"]
        for i, a in enumerate(m):
            for b in m[i + 1:]:
                pa, pb = self.people[a], self.people[b]
                senior = (pa["level"] <= 1) + (pb["level"] <= 1)  # C-level or VP
                p = (0.8 if senior == 2 else 0.6 if pa["function"] == pb["function"]
                     else 0.25 if senior else 0.08)
                if rng.random() < p:
                    self.add_edge(a, b, "colleague")
        for a in m:  # nobody is a stranger at work; colleagues of colleagues meet
            nb = [x for x in self.adj[a] if self.people[x]["co"] is co]
            if not nb and len(m) > 1:
                self.add_edge(a, rng.choice([x for x in m if x != a]), "colleague")
            elif len(nb) >= 2 and rng.random() < 0.5:
                self.add_edge(*rng.sample(nb, 2), "colleague")

    def cross_company_ties(self, pool, social_pool, social_w):
        rng, n = self.rng, len(self.people)
        by_industry = {i: [x for x in pool if self.people[x]["industry"] == i] for i in INDUSTRIES}
        by_region = {r: [x for x in pool if self.people[x]["region"] == r] for r in REGIONS}
        plan = [("former_colleague", 0.30, by_industry, "industry", 0.6),
                ("friend", 0.35, by_region, "region", 0.7), ("family", 0.04, None, None, 0),
                ("business", 0.15, None, None, 0), ("prize", 0.004, None, None, 0)]
        for typ, rate, groups, key, p_same in plan:
            for _ in range(int(rate * n)):
                a = rng.choice(pool)
                same = groups and rng.random() < p_same
                b = rng.choice(groups[self.people[a][key]] if same else pool)
                if self.people[a]["co"] is self.people[b]["co"]:
                    continue
                t = rng.choices(["client", "vendor", "referred"], [0.45, 0.35, 0.2])[0] \
                    if typ == "business" else typ
                self.add_edge(a, b, t)
        cum, total = [], 0.0
        for w in social_w:
            total += w
            cum.append(total)
        for _ in range(int(2.2 * n)):
            a, b = rng.choices(social_pool, cum_weights=cum, k=2)
            self.add_edge(a, b, "social")

    def seller_ties(self, sellers, pool, acme):
        rng = self.rng
        for i, a in enumerate(sellers):
            for b in sellers[i + 1:]:
                self.add_edge(a, b, "colleague")
        east = {"US-East", "US-Central", "UK"}
        types = ["client", "referred", "vendor", "former_colleague", "friend", "social"]
        for a in sellers:
            terr = east if self.people[a]["team"] == "sales-east" else set(REGIONS) - east
            cand = [x for x in pool if a != sellers[0] or self.people[x]["co"] is not acme]
            local = [x for x in cand if self.people[x]["region"] in terr]
            target = 80 if a == sellers[0] else rng.randint(45, 110)
            while len(self.adj[a]) < target:
                typ = rng.choices(types, [0.22, 0.10, 0.06, 0.08, 0.06, 0.48])[0]
                b, c = (rng.choice(local if rng.random() < 0.7 else cand) for _ in range(2))
                if typ == "client" and self.people[c]["level"] < self.people[b]["level"]:
                    b = c  # clients skew senior
                self.add_edge(a, b, typ)

    def plant_story(self, idx):
        """The Alice -> Bob Smith (Acme) referral sources, with explicit attributes."""
        A, B = idx["Alice Carter"], idx["Bob Smith@Acme"]
        for a, b, typ, s, d, n in [
                (A, idx["Priya Natarajan"], "client", "0.92", "2026-10-20", "38"),
                (idx["Priya Natarajan"], B, "former_colleague", "0.8", "2026-05-22", "12"),
                (A, idx["Daniel Okafor"], "friend", "0.75", "2026-09-27", "22"),
                (idx["Daniel Okafor"], B, "colleague", "0.7", "2026-10-29", "85"),
                (A, idx["Greg Holloway"], "vendor", "0.6", "2026-07-11", "9"),
                (idx["Greg Holloway"], B, "friend", "0.5", "2023-09-14", "4"),
                (A, idx["Hannah Weiss"], "social", "0.1", "", "0"),
                (idx["Hannah Weiss"], B, "family", "0.95", "2026-10-05", "45"),
                (A, idx["Tom Becker"], "former_colleague", "0.7", "2026-03-18", "15"),
                (idx["Tom Becker"], idx["Rachel Kim"], "friend", "0.75", "2026-08-02", "20"),
                (idx["Rachel Kim"], B, "colleague", "0.85", "2026-10-30", "120")]:
            assert self.add_edge(a, b, typ, (s, d, n))
        return len(self.edges)

    def stitch_components(self, pool):
        """Join every stray component (outside isolated companies) to the giant one."""
        seen, comps = set(), []
        for s in range(len(self.people)):
            if s in seen:
                continue
            comp, stack = [], [s]
            seen.add(s)
            while stack:
                v = stack.pop()
                comp.append(v)
                for w in self.adj[v]:
                    if w not in seen:
                        seen.add(w)
                        stack.append(w)
            comps.append(comp)
        giant = set(max(comps, key=len))
        anchors = [x for x in pool if x in giant]
        for comp in comps:
            if comp[0] not in giant and self.people[comp[0]]["co"]["kind"] != "isolated":
                self.add_edge(comp[0], self.rng.choice(anchors), "social")

    def duplicates_and_loops(self, n_story):
        """Plant ~1% duplicate rows of existing pairs and 3 self-loops; shuffle rows."""
        rng = self.rng
        co = {p["id"]: p["co"] for p in self.people}
        k, extra = round(0.01 * len(self.edges)), []
        eligible = [e for e in self.edges[n_story:]  # cold accounts stay LinkedIn-only
                    if co[e[0]]["kind"] != "cold" and co[e[1]]["kind"] != "cold"]
        for e in rng.sample(eligible, k):
            if e[3] == "social":  # a LinkedIn tie that is also a real one
                typ = ("colleague" if co[e[0]] is co[e[1]]
                       else rng.choice(["friend", "former_colleague"]))
            else:  # a real tie that is also on LinkedIn (or a repeated row)
                typ = "social" if rng.random() < 0.8 else e[3]
            s, t = (e[0], e[1]) if rng.random() < 0.5 else (e[1], e[0])
            st, d, n = self.attrs(typ)
            extra.append([s, t, st, typ, d, n])
        for i in rng.sample(range(5, len(self.people)), 3):  # never a seller
            typ = rng.choice(["social", "colleague", "friend"])
            s, d, n = self.attrs(typ)
            extra.append([self.people[i]["id"], self.people[i]["id"], s, typ, d, n])
        rows = self.edges + extra
        rng.shuffle(rows)
        assert all(r[0] in co and r[1] in co for r in rows)
        return rows

    def build(self):
        self.make_companies()
        idx = {p["name"]: i for i, p in enumerate(self.people) if p["name"] != "Bob Smith"}
        idx["Bob Smith@Acme"] = next(i for i, p in enumerate(self.people)
                                     if p["name"] == "Bob Smith" and p["company"] == "Acme")
        bob, acme = idx["Bob Smith@Acme"], self.people[idx["Bob Smith@Acme"]]["co"]
        n_story = self.plant_story(idx)
        for co in self.companies:
            if co["name"] != "Warmpath Inc":
                self.colleague_ties(co)
        sellers = self.companies[0]["members"]
        # Bob only gets planted and Acme colleague ties (so Alice never touches him directly);
        # isolated companies get no outside ties, cold ones only LinkedIn (social) ones.
        base = [i for i, p in enumerate(self.people)
                if i != bob and i not in sellers and p["co"]["kind"] not in ("isolated",)]
        pool = [i for i in base if self.people[i]["co"]["kind"] != "cold"]
        weights = [(1.0 + 0.8 * (4 - self.people[i]["level"])) *
                   (0.3 if self.people[i]["co"]["kind"] == "cold" else 1.0) for i in base]
        self.cross_company_ties(pool, base, weights)
        self.seller_ties(sellers, pool, acme)
        alice_nb = set(self.adj[idx["Alice Carter"]])
        for b in self.rng.sample([x for x in pool if x not in alice_nb], 8):
            self.add_edge(bob, b, "social")
        self.stitch_components(pool)
        return self.duplicates_and_loops(n_story)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="datasets/demo")
    args = ap.parse_args()
    demo = Demo(args.seed)
    edges = demo.build()
    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "people.csv"), PEOPLE_HEADER,
              [[p[k] for k in PEOPLE_HEADER] for p in demo.people])
    write_csv(os.path.join(args.out, "edges.csv"), EDGE_HEADER, edges)
    print(f"wrote {len(demo.people)} people, {len(edges)} edge rows to {args.out}")


if __name__ == "__main__":
    main()
