#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The .eml drafts parse with Python's standard mail parser and keep non-ASCII names.

check-eml.py WARMPATH DATA_DIR: drafts Zoë Müller-Łukasik's request to Jürgen Weiß through each
of her two sources (tests/data/draft-*.csv, draft-profile.ini), as .eml, and checks them with
the `email` package (policy default: RFC 2047 and the transfer encodings decoded), against
the names as the people file spells them. Exits 1 with the reasons on any failure."""
import email
import email.policy
import os
import re
import subprocess
import sys

warmpath, data = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def draft(via):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1793611800", LC_ALL="C")
    return subprocess.run(
        [warmpath, "draft", "--edges", f"{data}/draft-ties.csv", "--people",
         f"{data}/draft-people.csv", "--model", f"{data}/draft-profile.ini", "--as-of",
         "2026-11-01", "--from", "zoe", "--to", "jo", "--via", via, "--format", "eml"],
        check=True, capture_output=True, env=env).stdout


for via, to_name, to_addr, cold in [("ana", "Åsa Lindqvist", "ana@brightline.example", False),
                                    ("ben", None, None, True)]:
    raw = draft(via)
    head, _, _ = raw.partition(b"\r\n\r\n")
    for line in raw.split(b"\r\n"):
        check(b"\n" not in line, f"{via}: a bare LF inside {line[:40]!r}")
    for line in head.split(b"\r\n"):
        check(len(line) <= 78, f"{via}: header line over 78 characters: {line!r}")
        check(line.isascii(), f"{via}: raw 8-bit header line {line!r}")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check(msg.defects == [], f"{via}: parser defects {msg.defects}")
    check(msg["X-Unsent"] == "1", f"{via}: X-Unsent is {msg['X-Unsent']!r}")
    check(msg["MIME-Version"] == "1.0", f"{via}: MIME-Version")
    frm = msg["From"].addresses[0]
    check(frm.display_name == "Zoë Müller-Łukasik", f"{via}: From name {frm.display_name!r}")
    check(frm.addr_spec == "zoe@warmpath.example", f"{via}: From address {frm.addr_spec!r}")
    if to_name is None:
        check(msg["To"] is None, f"{via}: a To without an e-mail in the people file")
    else:
        to = msg["To"].addresses[0]
        check(to.display_name == to_name, f"{via}: To name {to.display_name!r}")
        check(to.addr_spec == to_addr, f"{via}: To address {to.addr_spec!r}")
    check(msg["Subject"] == "An introduction to Jürgen Weiß at Acme?",
          f"{via}: Subject {msg['Subject']!r}")
    check(msg["Date"].datetime.isoformat() == "2026-11-02T09:30:00+00:00",
          f"{via}: Date {msg['Date']!r}")
    check(re.fullmatch(r"<[0-9a-f]+\.\d+@warmpath\.example>", msg["Message-ID"]) is not None,
          f"{via}: Message-ID {msg['Message-ID']!r}")
    check(msg.get_content_type() == "text/plain", f"{via}: content type")
    check(msg.get_content_charset() == "utf-8", f"{via}: charset")
    # the brief's long URL makes a line longer than 78: quoted-printable
    check(msg["Content-Transfer-Encoding"] == "quoted-printable",
          f"{via}: transfer encoding {msg['Content-Transfer-Encoding']!r}")
    body = msg.get_content()
    check("Jürgen" in body and "Zoë" in body, f"{via}: names lost in the body")
    check("https://warmpath.example/case-studies/brightline-closes-the-month-in-four-days-2026"
          in body, f"{via}: the long URL was cut")
    check(("It's been a while" in body) == cold, f"{via}: reconnect line should be {cold}")
    note = body.partition("-------- note to forward --------")[2]
    note = note.partition("-------- end of note --------")[0]
    words = [w for w in note.split() if any(c.isalnum() for c in w)]
    check(20 < len(words) < 120, f"{via}: the note has {len(words)} words")
    check(not re.search(r"[{}]", body), f"{via}: a field was left in the body")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("both drafts parse")
