#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run warmpath benchmark peers on one dataset, check that they agree, and
print their per-phase times and peak memory side by side. Standard library only.

  compare.py DATADIR [--peer NAME=COMMAND ...] [--no-default-peers] [--only A,B]
             [--baseline NAME] [--q2-limit NAME=M ...] [--phases Q1,Q2,Q3]
             [--build-dir DIR] [--python PY] [--clock wall|cpu] [--timeout S]
             [--repeat N] [--json OUT]

DATADIR holds edges.csv and query.txt (meta.json is shown when present).
Every peer is a command that follows the contract of WORKLOAD.md,
  COMMAND EDGES.csv QUERY.txt [--phases ...] [--q2-limit M]
and prints one JSON object. Default peers (override one by giving --peer with
its name, add any number of others, e.g. --peer warmpath=build/warmpath-bench):
  igraph-c       peer-igraph found under --build-dir (the default baseline)
  python-igraph  PY tools/bench/peer_igraph.py
  networkx       PY tools/bench/peer_networkx.py
  warmpath       warmpath-bench, when an executable of that name is under --build-dir
Peers run one after the other (never in parallel, so they do not compete for
the cores), the baseline first. With --repeat N they run in N rounds (each
round every peer once, so a slow spell of a shared machine falls on all of
them), every round's answers are checked, and the table shows each phase's
median over the rounds, with the load's spread.

Agreement (WORKLOAD.md, "Agreement"), each peer against the baseline:
  * equal node and edge counts;
  * Q1: the same number of paths, i-th weights within 1e-9 (relative to
    max(1, |w|)), and every path of every peer re-validated against the CSV
    itself: simple, from s to t, each step an existing edge, the weight
    re-summed from the max strength of each pair, prob = exp(-weight),
    non-decreasing weights;
  * Q2: same neighbour count, same top list length, scores within 1e-9
    relative, same order except swaps of scores equal to 1e-12 relative;
  * Q3: identical reach, reachable and prob_ok.
A peer run with --q2-limit M answers Q2 partially; its answer is compared
with a second baseline run with the same limit (Q2 only, not timed), and its
Q2 time is shown extrapolated (x territory/M) and marked so.

Timing: the table shows each peer's own phase times (timings_s, wall clock),
or with --clock cpu the per-phase process CPU time that the peers here also
report (cpu_timings_s). It also shows each run's wall and CPU time as
measured from outside, and flags a peer that had the CPU for less than 80% of
its wall time: its wall-clock figures then mostly measure the other load on
the machine.

Exit status: 0 all agree, 1 a disagreement, 2 a peer failed or bad usage.
"""
import argparse
import json
import math
import os
import resource
import shlex
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib  # noqa: E402  (stdlib only: the query parser and row rules)

Q1_TOL = 1e-9
Q2_TOL = 1e-9
TIE_TOL = 1e-12
BUSY_RATIO = 1.25   # wall > 1.25 x CPU for a single-threaded peer: it was waiting for a core
PHASES = ["L", "Q1", "Q2", "Q3"]


# ----------------------------------------------------------------- peers
def find_executable(root, name):
    if not root or not os.path.isdir(root):
        return None
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != "CMakeFiles"]
        if name in filenames:
            path = os.path.join(dirpath, name)
            if os.access(path, os.X_OK):
                return path
    return None


def default_peers(build_dir, python):
    peers = {}
    c_peer = find_executable(build_dir, "peer-igraph")
    if c_peer:
        peers["igraph-c"] = [c_peer]
    peers["python-igraph"] = [python, os.path.join(HERE, "peer_igraph.py")]
    peers["networkx"] = [python, os.path.join(HERE, "peer_networkx.py")]
    wp = find_executable(build_dir, "warmpath-bench")
    if wp:
        peers["warmpath"] = [wp]
    return peers


def run_peer(name, cmd, datadir, phases, q2_limit, timeout):
    argv = cmd + [os.path.join(datadir, "edges.csv"), os.path.join(datadir, "query.txt"),
                  "--phases", phases]
    if q2_limit:
        argv += ["--q2-limit", str(q2_limit)]
    print("[compare] running %s: %s" % (name, " ".join(shlex.quote(x) for x in argv)),
          file=sys.stderr, flush=True)
    # Linux carries a process's RSS high-water mark across exec, so a peer
    # exec'd straight from this Python process would report at least our own
    # peak in getrusage(). A small /bin/sh forks it afresh instead.
    launch = ["/bin/sh", "-c", '"$@" & wait $!', "sh"] + argv
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    try:
        # own process group, so that a timeout ends the peer and not just the shell
        proc = subprocess.Popen(launch, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
    except OSError as e:
        return {"name": name, "argv": argv, "error": str(e)}
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return {"name": name, "argv": argv, "error": "timed out after %ss" % timeout}
    wall = time.monotonic() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the whole peer process: on a busy machine wall-clock phase
    # times grow with the load, CPU time much less, so both are shown
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    run = {"name": name, "argv": argv, "wall_s": wall, "cpu_s": cpu,
           "returncode": proc.returncode}
    if proc.returncode != 0:
        run["error"] = "exit status %d: %s" % (proc.returncode, err.strip()[-2000:])
        return run
    text = out.strip()
    try:
        run["result"] = json.loads(text[text.index("{"):])
    except ValueError as e:
        run["error"] = "no JSON object on stdout (%s): %r" % (e, text[:300])
    return run


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2.0


def combine_runs(runs):
    """One peer's rounds as one run: each phase time the median over the rounds, the peak memory
    the highest; the first round's answers (every round's are checked separately)."""
    if len(runs) == 1:
        return runs[0]
    failed = next((r for r in runs if "result" not in r), None)
    if failed:
        return failed
    out = dict(runs[0])
    result = dict(runs[0]["result"])
    for key in ("timings_s", "cpu_timings_s"):
        per_run = [r["result"].get(key, {}) for r in runs]
        phases = set().union(*per_run)
        if phases:
            result[key] = {ph: median([t[ph] for t in per_run if ph in t]) for ph in phases}
    rss = {}
    for r in runs:
        for k, v in r["result"].get("maxrss_kb", {}).items():
            rss[k] = max(rss.get(k, 0), v)
    result["maxrss_kb"] = rss
    out["result"] = result
    out["wall_s"] = median([r["wall_s"] for r in runs])
    out["cpu_s"] = median([r["cpu_s"] for r in runs])
    out["rounds"] = [{"timings_s": r["result"].get("timings_s", {}), "wall_s": r["wall_s"],
                      "cpu_s": r["cpu_s"]} for r in runs]
    return out


# ------------------------------------------------------------- agreement
def close(a, b, rel, floor=0.0):
    return abs(a - b) <= rel * max(floor, abs(a), abs(b))


def pair_key(a, b):
    return (a, b) if a < b else (b, a)


def csv_strengths(edges_path, wanted):
    """Max strength of each wanted unordered pair, read with the workload's
    row rules (only the pairs Q1 paths use are kept, so this stays small)."""
    best = {}
    with open(edges_path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.readline()
        for line in f:
            parts = line.rstrip("\r\n").split(",", 3)
            if len(parts) < 3 or parts[0] == parts[1]:
                continue
            key = pair_key(parts[0], parts[1])
            if key not in wanted:
                continue
            try:
                p = float(parts[2])
            except ValueError:
                continue
            if 0.0 < p <= 1.0 and p > best.get(key, 0.0):
                best[key] = p
    return best


def validate_q1(name, paths, s, t, strengths, problems):
    prev = None
    for i, path in enumerate(paths):
        nodes, w = path.get("nodes", []), path.get("weight")
        where = "%s Q1 path %d" % (name, i + 1)
        if not nodes or nodes[0] != s or nodes[-1] != t:
            problems.append("%s does not run from s to t" % where)
            continue
        if len(set(nodes)) != len(nodes):
            problems.append("%s is not simple (repeats a node)" % where)
        resum, ok = 0.0, True
        for a, b in zip(nodes, nodes[1:]):
            p = strengths.get(pair_key(a, b))
            if p is None:
                problems.append("%s uses %s-%s, which is not an edge of the CSV" % (where, a, b))
                ok = False
                break
            resum += -math.log(p)
        if not isinstance(w, (int, float)):
            problems.append("%s has no numeric weight" % where)
            continue
        if ok and not close(w, resum, Q1_TOL, 1.0):
            problems.append("%s weight %.15g, re-summed from the CSV %.15g" % (where, w, resum))
        prob = path.get("prob")
        if not isinstance(prob, (int, float)) or not close(prob, math.exp(-w), Q1_TOL):
            problems.append("%s prob %r is not exp(-weight)" % (where, prob))
        if prev is not None and w < prev - Q1_TOL * max(1.0, abs(prev)):
            problems.append("%s is lighter than the path before it" % where)
        prev = w


def compare_q2(name, base, other, problems, label="Q2"):
    if base.get("neighbours") != other.get("neighbours"):
        problems.append("%s %s: %s neighbours of s, baseline %s" % (
            name, label, other.get("neighbours"), base.get("neighbours")))
    A, B = base.get("top", []), other.get("top", [])
    if len(A) != len(B):
        problems.append("%s %s: top list has %d entries, baseline %d" % (name, label, len(B), len(A)))
        return
    pos_a = {e["id"]: j for j, e in enumerate(A)}
    for i, (a, b) in enumerate(zip(A, B)):
        if not close(a["score"], b["score"], Q2_TOL):
            problems.append("%s %s #%d: score %.15g (%s), baseline %.15g (%s)" % (
                name, label, i + 1, b["score"], b["id"], a["score"], a["id"]))
            continue
        if a["id"] == b["id"]:
            continue
        # a swap is fine only inside a run of scores equal to 1e-12 relative
        j = pos_a.get(b["id"])
        tied = close(a["score"], b["score"], TIE_TOL) and (
            close(A[j]["score"], a["score"], TIE_TOL) if j is not None
            else close(A[-1]["score"], b["score"], TIE_TOL))
        if not tied:
            problems.append("%s %s #%d: %s where the baseline has %s (scores %.15g / %.15g)" % (
                name, label, i + 1, b["id"], a["id"], b["score"], a["score"]))
    for e in B:
        j = pos_a.get(e["id"])
        if j is not None and not close(A[j]["score"], e["score"], Q2_TOL):
            problems.append("%s %s: %s scored %.15g, baseline %.15g" % (
                name, label, e["id"], e["score"], A[j]["score"]))


def check_agreement(runs, baseline, partial_base, datadir, query):
    problems, notes = [], []
    ok_runs = [r for r in runs if "result" in r]
    base = next((r for r in ok_runs if r["name"] == baseline), None)
    if base is None:
        problems.append("baseline %s produced no result; nothing to compare against" % baseline)
        return problems, notes
    B = base["result"]
    s, t = query.get("seeker"), query.get("target")

    wanted = set()
    for r in ok_runs:
        for path in r["result"].get("q1", {}).get("paths", []):
            nodes = path.get("nodes", [])
            wanted.update(pair_key(a, b) for a, b in zip(nodes, nodes[1:]))
    strengths = csv_strengths(os.path.join(datadir, "edges.csv"), wanted) if wanted else {}

    for r in ok_runs:
        R, name = r["result"], r["name"]
        if "q1" in R:
            validate_q1(name, R["q1"].get("paths", []), s, t, strengths, problems)
        if r is base:
            continue
        for key in ("nodes", "edges"):
            if R.get("graph", {}).get(key) != B.get("graph", {}).get(key):
                problems.append("%s: %s = %s, baseline %s" % (
                    name, key, R.get("graph", {}).get(key), B.get("graph", {}).get(key)))
        if "q1" in R and "q1" in B:
            pa, pb = B["q1"].get("paths", []), R["q1"].get("paths", [])
            if len(pa) != len(pb):
                problems.append("%s Q1: %d paths, baseline %d" % (name, len(pb), len(pa)))
            for i, (x, y) in enumerate(zip(pa, pb)):
                if not close(x["weight"], y["weight"], Q1_TOL, 1.0):
                    problems.append("%s Q1 path %d: weight %.15g, baseline %.15g" % (
                        name, i + 1, y["weight"], x["weight"]))
                elif x["nodes"] != y["nodes"]:
                    notes.append("%s Q1 path %d: a different path of equal weight (tie)" % (name, i + 1))
        if "q2" in R and "q2" in B:
            if R["q2"].get("partial"):
                ref = partial_base.get(R["q2"].get("q2_limit"))
                if ref is None:
                    notes.append("%s Q2 is partial and was not compared" % name)
                else:
                    if ref.get("dijkstra_runs") != R["q2"].get("dijkstra_runs"):
                        problems.append("%s Q2 (partial): %s Dijkstra runs, baseline %s" % (
                            name, R["q2"].get("dijkstra_runs"), ref.get("dijkstra_runs")))
                    compare_q2(name, ref, R["q2"], problems,
                               "Q2 (first %s runs)" % R["q2"].get("q2_limit"))
            elif B["q2"].get("partial"):
                notes.append("%s Q2 not compared: the baseline's answer is partial" % name)
            else:
                compare_q2(name, B["q2"], R["q2"], problems)
                if R["q2"].get("dijkstra_runs") != B["q2"].get("dijkstra_runs"):
                    notes.append("%s Q2: %s Dijkstra runs, baseline %s" % (
                        name, R["q2"].get("dijkstra_runs"), B["q2"].get("dijkstra_runs")))
        if "q3" in R and "q3" in B:
            for key in ("reach", "reachable", "prob_ok"):
                if R["q3"].get(key) != B["q3"].get(key):
                    problems.append("%s Q3: %s = %s, baseline %s" % (
                        name, key, R["q3"].get(key), B["q3"].get(key)))
    return problems, notes


# ------------------------------------------------------------------ table
def fmt_time(x):
    if x is None:
        return "-"
    return "%.3g" % x if x < 10 else "%.1f" % x


def table(runs, baseline, query, datadir, clock):
    cols = runs
    base = next((r for r in runs if r["name"] == baseline and "result" in r), None)
    fallback = []

    def times(r):
        if "result" not in r:
            return {}
        t = r["result"].get("timings_s", {})
        if clock == "cpu":
            if "cpu_timings_s" in r["result"]:
                t = r["result"]["cpu_timings_s"]
            else:
                fallback.append(r["name"])
        out = {ph: t.get(ph) for ph in PHASES}
        out["extrap"] = "Q2_extrapolated" in t
        if out["extrap"]:
            out["Q2"] = t["Q2_extrapolated"]
        if all(out.get(ph) is not None for ph in PHASES):
            out["total"] = sum(out[ph] for ph in PHASES)
        return out

    def peak(r):
        if "result" not in r:
            return None
        vals = list(r["result"].get("maxrss_kb", {}).values())
        return max(vals) / 1024.0 if vals else None

    T = {r["name"]: times(r) for r in cols}
    lines = []
    g = base["result"]["graph"] if base else (next((r["result"]["graph"] for r in cols if "result" in r), {}))
    lines.append("dataset %s: %s nodes, %s edges (%s rows, %s self-loop rows)" % (
        datadir, format(g.get("nodes", 0), ","), format(g.get("edges", 0), ","),
        format(g.get("rows", 0), ","), format(g.get("self_loop_rows", 0), ",")))
    lines.append("query: s=%s t=%s, %d territory ids; baseline for ratios: %s" % (
        query.get("seeker"), query.get("target"), len(query.get("territory", [])), baseline))
    n_rounds = max(len(r.get("rounds", [])) for r in cols) or 1
    lines.append("phase times: %s%s" % (
        "process CPU time (cpu_timings_s)" if clock == "cpu"
        else "wall clock inside the process (timings_s)",
        ", median of %d rounds" % n_rounds if n_rounds > 1 else ""))
    width = max(12, max(len(r["name"]) for r in cols) + 2)
    head = "%-14s" % "" + "".join("%*s" % (width + 9, r["name"]) for r in cols)
    lines.append(head)
    rows = [("L (s)", "L"), ("Q1 (s)", "Q1"), ("Q2 (s)", "Q2"), ("Q3 (s)", "Q3"),
            ("total (s)", "total")]
    bt = T.get(baseline, {})
    for label, key in rows:
        cells = []
        for r in cols:
            v = T[r["name"]].get(key)
            mark = "~" if v is not None and key in ("Q2", "total") and T[r["name"]].get("extrap") else ""
            cell = mark + fmt_time(v)
            b = bt.get(key)
            ratio = "(%.3gx)" % (v / b) if v is not None and b and r["name"] != baseline else ""
            cells.append("%*s %-8s" % (width, cell, ratio))
        lines.append("%-14s" % label + "".join(cells))
    cells = []
    for r in cols:
        wall = r.get("wall_s")
        cells.append("%*s %-8s" % (width, fmt_time(wall) if wall is not None else "-", ""))
    lines.append("%-14s" % "wall (s)" + "".join(cells))
    cells = []
    for r in cols:
        cpu = r.get("cpu_s")
        cells.append("%*s %-8s" % (width, fmt_time(cpu) if cpu is not None else "-", ""))
    lines.append("%-14s" % "cpu (s)" + "".join(cells))
    bp = peak(base) if base else None
    cells = []
    for r in cols:
        v = peak(r)
        ratio = "(%.2gx)" % (v / bp) if v is not None and bp and r["name"] != baseline else ""
        cells.append("%*s %-8s" % (width, "%.1f" % v if v is not None else "-", ratio))
    lines.append("%-14s" % "peak RSS (MB)" + "".join(cells))
    for r in cols:
        if T[r["name"]].get("extrap"):
            q2 = r["result"]["q2"]
            lines.append("~ %s: Q2 extrapolated from %s of %d territory Dijkstras (--q2-limit); "
                         "measured %.3g s" % (r["name"], q2.get("dijkstra_runs"),
                                              len(query.get("territory", [])),
                                              r["result"]["timings_s"]["Q2"]))
    for r in cols:
        if len(r.get("rounds", [])) > 1:
            loads = sorted(x["timings_s"].get("L", float("nan")) for x in r["rounds"])
            lines.append("  %s: L in each round (s, sorted): %s" % (
                r["name"], " ".join(fmt_time(x) for x in loads)))
    for name in fallback:
        lines.append("! %s reports no cpu_timings_s: its wall-clock times are shown" % name)
    busy = [r for r in cols if r.get("cpu_s") and r.get("wall_s", 0) > 0.5
            and r["wall_s"] > BUSY_RATIO * r["cpu_s"]]
    for r in busy:
        lines.append("! %s had the CPU only %.0f%% of its wall time: the machine was busy, so "
                     "its wall-clock times are inflated%s" % (
                         r["name"], 100.0 * r["cpu_s"] / r["wall_s"],
                         " (see --clock cpu)" if clock == "wall" else ""))
    for r in cols:
        if "result" in r:
            lines.append("  %-14s %s" % (r["name"], r["result"].get("version", "?")))
        else:
            lines.append("  %-14s FAILED: %s" % (r["name"], r.get("error")))
    return "\n".join(lines)


# ------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datadir")
    ap.add_argument("--peer", action="append", default=[], metavar="NAME=COMMAND",
                    help="add a peer, or replace the default of that name (shell-split)")
    ap.add_argument("--no-default-peers", action="store_true")
    ap.add_argument("--only", help="comma list of peer names to run")
    ap.add_argument("--baseline", default="igraph-c")
    ap.add_argument("--q2-limit", action="append", default=[], metavar="NAME=M",
                    help="run NAME with --q2-limit M (partial Q2, extrapolated time)")
    ap.add_argument("--phases", default="Q1,Q2,Q3")
    ap.add_argument("--build-dir", default=os.path.join(os.path.dirname(os.path.dirname(HERE)),
                                                        "build-bench"),
                    help="where to look for peer-igraph and warmpath-bench")
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                    else sys.executable, help="interpreter for the Python peers")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="phase times to show: the contract's wall clock (default) or the "
                         "per-phase process CPU time peers may add (robust on a busy machine)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per peer run")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run every peer N times, in rounds; the table shows medians")
    ap.add_argument("--json", help="write every result and the verdict here")
    a = ap.parse_args()

    for f in ("edges.csv", "query.txt"):
        if not os.path.exists(os.path.join(a.datadir, f)):
            ap.error("%s has no %s" % (a.datadir, f))
    peers = {} if a.no_default_peers else default_peers(a.build_dir, a.python)
    for spec in a.peer:
        name, eq, cmd = spec.partition("=")
        if not eq or not name or not cmd.strip():
            ap.error("--peer wants NAME=COMMAND, got %r" % spec)
        peers[name] = shlex.split(cmd)
    if a.only:
        keep = [x.strip() for x in a.only.split(",") if x.strip()]
        missing = [x for x in keep if x not in peers]
        if missing:
            ap.error("unknown peer(s) in --only: %s (have %s)" % (",".join(missing), ",".join(peers)))
        peers = {k: peers[k] for k in keep}
    if a.baseline not in peers:
        ap.error("baseline %s is not among the peers (%s); build peer-igraph or pick another "
                 "with --baseline" % (a.baseline, ",".join(peers) or "none"))
    limits = {}
    for spec in a.q2_limit:
        name, eq, m = spec.partition("=")
        if not eq or not m.isdigit() or int(m) < 1:
            ap.error("--q2-limit wants NAME=M, got %r" % spec)
        limits[name] = int(m)

    query = benchlib.read_query(os.path.join(a.datadir, "query.txt"))
    meta = {}
    if os.path.exists(os.path.join(a.datadir, "meta.json")):
        with open(os.path.join(a.datadir, "meta.json")) as f:
            meta = json.load(f)

    if a.repeat < 1:
        ap.error("--repeat wants a count of 1 or more")
    order = [a.baseline] + [n for n in peers if n != a.baseline]
    rounds = [[run_peer(n, peers[n], a.datadir, a.phases, limits.get(n), a.timeout)
               for n in order] for _ in range(a.repeat)]
    runs = [combine_runs([rnd[i] for rnd in rounds]) for i in range(len(order))]
    # partial Q2 answers are checked against the baseline with the same limit
    partial_base = {}
    if "Q2" in a.phases.upper():
        for m in sorted({limits[n] for n in order if n in limits and n != a.baseline}):
            ref = run_peer(a.baseline + " (Q2 check)", peers[a.baseline], a.datadir, "Q2", m,
                           a.timeout)
            if "result" in ref and "q2" in ref["result"]:
                partial_base[m] = ref["result"]["q2"]

    problems, notes = [], []
    for i, rnd in enumerate(rounds):
        p, n = check_agreement(rnd, a.baseline, partial_base, a.datadir, query)
        label = "round %d: " % (i + 1) if len(rounds) > 1 else ""
        problems += [label + x for x in p]
        notes += [label + x for x in n if label + x not in notes]
    failed = [r for r in runs if "result" not in r]
    print(table(runs, a.baseline, query, a.datadir, a.clock))
    print()
    for n in notes:
        print("note: " + n)
    if failed:
        for r in failed:
            print("FAILED %s: %s" % (r["name"], r.get("error")))
    if problems:
        print("DISAGREEMENT (%d):" % len(problems))
        for p in problems:
            print("  " + p)
    elif not failed:
        print("agreement: all %d peers agree with %s (nodes/edges, Q1 paths re-validated "
              "against the CSV, Q2 top, Q3 counts; phases %s)" % (len(runs), a.baseline, a.phases))
        if partial_base:
            print("           partial Q2 answers were checked against %s run with the same "
                  "--q2-limit (%s)" % (a.baseline, ", ".join(str(m) for m in sorted(partial_base))))
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump({"dataset": os.path.abspath(a.datadir), "meta": meta,
                       "query": {k: query.get(k) for k in ("seeker", "target", "k", "top",
                                                           "reach_min_prob", "reach_max_hops")},
                       "baseline": a.baseline, "phases": a.phases, "q2_limits": limits,
                       "runs": runs, "partial_q2_reference": partial_base,
                       "agreement": {"ok": not problems and not failed, "problems": problems,
                                     "notes": notes}},
                      f, indent=1)
            f.write("\n")
        print("results: %s" % a.json)
    sys.exit(2 if failed else (1 if problems else 0))


if __name__ == "__main__":
    main()
