#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every public function states its cost and, when it returns a pointer, who owns the result.

  check-api-docs.py HEADER_DIR

Reads HEADER_DIR/*.h and *.h.in (include/warmpath/). For each function declared WP_API, its
documentation is the comment just above it (a gtk-doc block or a one-line comment) together
with a comment that starts on the line the declaration ends: each function says its own cost,
even beside a similar one (a free function's cost is not its constructor's). The check
fails, naming header, line and function, when that documentation
  - states no cost: neither "Time:" nor "Cost:" (followed by the figure, e.g. "Time: O(V + E)";
    add "Memory: ..." when the call allocates more than its result), or
  - for a function returning a pointer, has no ownership annotation "(transfer full)",
    "(transfer none)" or "(transfer container)" (who frees the result, or how long a borrowed
    one stays valid).
Exits 1 listing every failure, 0 when all pass (and 1 if it found no function at all, which
would mean the parser broke). Standard library only.
"""
import os
import re
import sys

COST = re.compile(r"\b(?:Time|Cost):")
TRANSFER = re.compile(r"\(transfer (?:full|none|container)\)")
NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def items(text):
    """The header as a list of (kind, text, first line, last line), kind 'comment', 'decl' (a
    WP_API declaration up to its ';') or 'code' (anything else, one item per line)."""
    out = []
    i, line, n = 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            chunk = text[i:end]
            out.append(("comment", chunk, line, line + chunk.count("\n")))
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            chunk = text[i:end]
            out.append(("comment", chunk, line, line))
        elif text.startswith("WP_API", i) and re.match(r"WP_API\b", text[i:]) \
                and not text[:i].rstrip(" \t").endswith("#define"):
            end = text.find(";", i)
            end = n if end < 0 else end + 1
            chunk = text[i:end]
            out.append(("decl", chunk, line, line + chunk.count("\n")))
        elif c.isspace():
            end = i + 1
            chunk = c
        else:
            # Other code: up to the next comment, WP_API or end of line.
            end = i + 1
            while end < n and text[end] != "\n" and not text.startswith("/*", end) \
                    and not text.startswith("//", end) and not text.startswith("WP_API", end):
                end += 1
            chunk = text[i:end]
            if out and out[-1][0] == "code" and out[-1][3] == line:
                out[-1] = ("code", out[-1][1] + chunk, out[-1][2], line)
            else:
                out.append(("code", chunk, line, line))
        line += chunk.count("\n")
        i = end
    return out


def documentation(seq, k):
    """The comments documenting the declaration seq[k]: the one ending on the line above it (not
    another declaration's trailing comment) and the one starting on the line it ends on."""
    decl = seq[k]
    docs = []
    if k + 1 < len(seq) and seq[k + 1][0] == "comment" and seq[k + 1][2] == decl[3]:
        docs.append(seq[k + 1][1])
    if k > 0:
        kind, body, first, last = seq[k - 1]
        owner = seq[k - 2] if k > 1 else None
        trailing = owner is not None and owner[0] != "comment" and owner[3] == first
        if kind == "comment" and last >= decl[2] - 1 and not trailing:
            docs.append(body)
    return "\n".join(docs)


def check(path):
    text = open(path, encoding="utf-8").read()
    seq = items(text)
    failures, count = [], 0
    for k, (kind, body, first, _) in enumerate(seq):
        if kind != "decl":
            continue
        m = NAME.search(body)
        if m is None:
            continue  # not a function
        count += 1
        name = m.group(1)
        returns = body[len("WP_API"):m.start()]
        # One line of text: an annotation may be split where the comment wraps.
        doc = re.sub(r"\s*\n\s*\*?\s*", " ", documentation(seq, k))
        where = f"{os.path.basename(path)}:{first}: {name}"
        if not COST.search(doc):
            failures.append(f"{where}: no cost (\"Time: O(...)\" or \"Cost: ...\")")
        if "*" in returns and not TRANSFER.search(doc):
            failures.append(f"{where}: returns a pointer but says nothing of ownership "
                            "(\"(transfer full)\" or \"(transfer none)\")")
    return failures, count


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} HEADER_DIR", file=sys.stderr)
        return 2
    folder = sys.argv[1]
    names = sorted(f for f in os.listdir(folder) if f.endswith(".h") or f.endswith(".h.in"))
    failures, count = [], 0
    for name in names:
        more, n = check(os.path.join(folder, name))
        failures += more
        count += n
    for failure in failures:
        print(failure)
    if count == 0:
        print("check-api-docs: no WP_API function found; the parser is broken", file=sys.stderr)
        return 1
    print(f"{count} functions checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
