#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`warmpath connect` on the demo, checked against a computation of its own from the CSV files.

  check-connect.py WARMPATH REPO_ROOT

For several sellers, every pair `connect --top 0 --max-contacts 0 --format csv` proposes must be
two of the seller's contacts (neither a seller), not tied to each other, at different companies;
its kind's rule must hold as docs/connect.md states it (client + vendor whose company works with
the client's industry; someone who sells into the other's industry and knows no one at their
company; one function at two companies; two strong ties); its contacts in common and paths
through two people (the seller left out) must be what this script counts; and its score must be
tie A x tie B x fit / (1 + common + 0.1 x paths). Standard library only.
"""
import collections
import csv
import io
import re
import subprocess
import sys
import unicodedata

LEGAL = {"inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd",
         "limited", "plc", "pty", "pte", "gmbh", "mbh", "ag", "kg", "kgaa", "se", "sa", "sas",
         "sarl", "srl", "spa", "sl", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "kk", "lda"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def fold_company(text):
    words = fold(text).split()
    while words and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)


def main():
    warmpath, repo = sys.argv[1], sys.argv[2]
    demo = repo + "/datasets/demo"
    people = {r["id"]: r for r in csv.DictReader(open(demo + "/people.csv", encoding="utf-8"))}
    adj = collections.defaultdict(dict)
    for e in csv.DictReader(open(demo + "/edges.csv", encoding="utf-8")):
        if e["source"] != e["target"]:
            adj[e["source"]].setdefault(e["target"], set()).add(e["type"])
            adj[e["target"]].setdefault(e["source"], set()).add(e["type"])
    sellers = {i for i, p in people.items() if p["team"]}
    company = {i: fold_company(p["company"]) for i, p in people.items()}
    staff = collections.defaultdict(list)
    for i in people:
        staff[company[i]].append(i)

    def works_with(firm):
        """{industry: {companies}} the firm has client or vendor ties with (no sellers)."""
        out = collections.defaultdict(set)
        for y in staff[firm]:
            for z, types in adj[y].items():
                if types & {"client", "vendor"} and z not in sellers and company[z] != firm:
                    out[people[z]["industry"]].add(company[z])
        return out

    failures = 0
    checked = 0
    for seller in ("p00001", "p00003", "p00005"):
        out = subprocess.run([warmpath, "connect", "--data", demo, "--as-of", "2026-11-01",
                              "--from", seller, "--top", "0", "--max-contacts", "0",
                              "--format", "csv", "--quiet"],
                             check=True, capture_output=True, text=True).stdout
        for r in csv.DictReader(io.StringIO(out)):
            checked += 1
            a, b, kind = r["a_id"], r["b_id"], r["kind"]
            problems = []
            if a not in adj[seller] or b not in adj[seller] or {a, b} & sellers:
                problems.append("not two contacts of the seller")
            if b in adj[a] or company[a] == company[b]:
                problems.append("tied, or at one company")
            na, nb = set(adj[a]) - {seller}, set(adj[b]) - {seller}
            common = len(na & nb)
            paths = sum(1 for x in na for y in nb if y in adj[x])
            if (common, paths) != (int(r["common_contacts"]), int(r["paths_3"])):
                problems.append(f"joins {common}, {paths}")
            types_a, types_b = adj[seller][a], adj[seller][b]
            if kind == "client-vendor":
                n = len(works_with(company[b])[people[a]["industry"]] - {company[a]})
                if "client" not in types_a or "vendor" not in types_b or n == 0 \
                        or n != int(r["evidence_companies"]):
                    problems.append(f"client-vendor rule, {n} companies")
            elif kind == "account":
                dealings = works_with(company[a])
                n = len(dealings[people[b]["industry"]] - {company[b]})
                knows = any(company[q] == company[b] for q in adj[a])
                dealt = any(company[b] in firms for firms in dealings.values())
                sells = people[a]["function"] == "Sales" or "vendor" in types_a
                if not sells or n == 0 or knows or dealt or n != int(r["evidence_companies"]):
                    problems.append("account rule")
            elif kind == "peers":
                if fold(people[a]["function"]) != fold(people[b]["function"]):
                    problems.append("peers rule")
            elif kind != "trusted":
                problems.append("unknown kind")
            score = float(r["tie_a"]) * float(r["tie_b"]) * float(r["fit"]) / \
                (1 + common + 0.1 * paths)
            if abs(score - float(r["score"])) > 2e-6:
                problems.append(f"score {score:.6f}")
            if problems:
                failures += 1
                print(f"{seller}: {a} {b} {kind}: " + "; ".join(problems))
    print(f"{checked} pairs checked, {failures} wrong")
    if checked < 1000 or failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
