# SPDX-License-Identifier: MIT
"""`warmpath serve` as a client uses it: every endpoint, the CLI's JSON byte for byte, bad
requests, unknown and ambiguous people, limits, the token, metrics, concurrency and the log.
The reload and shutdown cases are in test_serve_lifecycle.py."""

import json
import os
import re
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import servelib  # noqa: E402
from servelib import Server, cli  # noqa: E402

ALICE = ("from", "Alice Carter")
BOB_ACME = [("to", "Bob Smith"), ("at", "Acme")]


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = servelib.copy_demo(tempfile.mkdtemp(prefix="wp-data-"))
        cls.server = Server(cls.data)
        cls.server.wait_healthy()

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        cls.log = cls.server.read_log()
        cls.server.cleanup()
        assert rc == 0, "serve exited %d:\n%s" % (rc, cls.log)

    def get_json(self, endpoint, params, status=200):
        code, headers, body = self.server.get(endpoint, params)
        self.assertEqual(code, status, body)
        self.assertEqual(headers["content-type"], "application/json")
        return json.loads(body)

    def assert_same_as_cli(self, endpoint, params, *cli_args):
        code, headers, body = self.server.get(endpoint, params)
        expected, rc = cli(*cli_args, data=self.data)
        self.assertEqual(rc, 0)
        self.assertEqual(code, 200, body)
        self.assertEqual(body, expected)  # byte for byte
        return headers

    # -- answers: the CLI's, byte for byte ------------------------------------------------------

    def test_paths_equal_cli(self):
        self.assert_same_as_cli("/v1/paths", [ALICE] + BOB_ACME, "path", "--from", "Alice Carter",
                                "--to", "Bob Smith", "--at", "Acme", "--format", "json")
        self.assert_same_as_cli("/v1/paths", [ALICE] + BOB_ACME + [("k", "2"), ("all_paths", "1")],
                                "path", "--from", "Alice Carter", "--to", "Bob Smith", "--at",
                                "Acme", "-k", "2", "--all-paths", "--format", "json")
        self.assert_same_as_cli("/v1/paths", [("team", ""), ("to", "p00006"), ("max_hops", "3"),
                                              ("min_probability", "0.05")],
                                "path", "--team", "--to", "p00006", "--max-hops", "3",
                                "--min-probability", "0.05", "--format", "json")

    def test_account_paths_equal_cli(self):
        self.assert_same_as_cli("/v1/paths", [ALICE, ("to_company", "Acme"),
                                              ("where", "function=Finance")],
                                "path", "--from", "Alice Carter", "--to-company", "Acme",
                                "--where", "function=Finance", "--format", "json")

    def test_rank_equal_cli(self):
        self.assert_same_as_cli("/v1/rank", [ALICE, ("where", "industry=Fintech"),
                                             ("where", "function=Finance"), ("plan", "3")],
                                "rank", "--from", "Alice Carter", "--where", "industry=Fintech",
                                "--where", "function=Finance", "--plan", "3", "--format", "json")
        self.assert_same_as_cli("/v1/rank", [("team", "sales-east"), ("where", "industry=Fintech"),
                                             ("top", "5"), ("best", "2")],
                                "rank", "--team=sales-east", "--where", "industry=Fintech",
                                "--top", "5", "--best", "2", "--format", "json")

    def test_diagrams_equal_cli(self):
        headers = self.assert_same_as_cli("/v1/diagrams/path.svg", [ALICE] + BOB_ACME, "path",
                                          "--from", "Alice Carter", "--to", "Bob Smith", "--at",
                                          "Acme", "--format", "svg")
        self.assertEqual(headers["content-type"], "image/svg+xml")
        self.assert_same_as_cli("/v1/diagrams/account.svg", [ALICE, ("company", "Acme")], "map",
                                "--from", "Alice Carter", "--company", "Acme", "--format", "svg")

    # -- people search, checked against the people file ----------------------------------------

    def test_people_search(self):
        rows = {r["id"]: r for r in servelib.people_rows(self.data)}
        found = self.get_json("/v1/people", [("q", "bob sm")])["people"]
        smiths = sorted(i for i, r in rows.items() if r["name"].lower().startswith("bob sm"))
        self.assertEqual(sorted(p["id"] for p in found), smiths)
        for p in found:  # every field as the people file has it
            row = rows[p["id"]]
            self.assertEqual((p["name"], p["company"], p["title"]),
                             (row["name"], row["company"], row["title"]))
        acme = self.get_json("/v1/people", [("q", "acme"), ("limit", "100")])["people"]
        at_acme = [i for i, r in rows.items() if r["company"] == "Acme"]
        self.assertTrue(set(at_acme) <= {p["id"] for p in acme} or len(acme) == 100)
        self.assertEqual(len(self.get_json("/v1/people", [("q", "a"), ("limit", "3")])["people"]),
                         3)
        self.assertEqual(self.get_json("/v1/people", [("q", "")])["people"], [])
        err = self.get_json("/v1/people", [("q", "x"), ("limit", "0")], 400)["error"]
        self.assertEqual(err["code"], "usage")
        self.assertIn("limit", err["message"])

    # -- people who are not one person ----------------------------------------------------------

    def test_unknown_person_404_with_closest(self):
        err = self.get_json("/v1/paths", [ALICE, ("to", "Bobb Smiht")], 404)["error"]
        self.assertEqual(err["code"], "unknown_person")
        self.assertTrue(err["message"].startswith("--to: no person named 'Bobb Smiht'"))
        self.assertIn("p00006", [c.get("id") for c in err["candidates"]])

    def test_ambiguous_person_409_with_candidates(self):
        err = self.get_json("/v1/paths", [ALICE, ("to", "Bob Smith")], 409)["error"]
        self.assertEqual(err["code"], "ambiguous_person")
        rows = servelib.people_rows(self.data)
        expected = sorted((r["id"], r["company"]) for r in rows if r["name"] == "Bob Smith")
        self.assertEqual(sorted((c["id"], c["company"]) for c in err["candidates"]), expected)
        self.assertIn("add --at COMPANY", err["message"])

    def test_unknown_account_404(self):
        err = self.get_json("/v1/paths", [ALICE, ("to_company", "Acmee Corp")], 404)["error"]
        self.assertEqual(err["code"], "unknown_name")
        self.assertIn("Acme", [c["name"] for c in err["candidates"]])

    # -- bad requests ---------------------------------------------------------------------------

    def test_bad_requests_name_the_parameter(self):
        cases = [
            ([ALICE] + BOB_ACME + [("k", "x")], "-k: expected a number of paths from 1 to 1000, "
                                                "not 'x'"),
            ([ALICE] + BOB_ACME + [("k", "0")], "-k: expected"),
            ([ALICE] + BOB_ACME + [("max_hops", "99")], "--max-hops: expected"),
            ([ALICE] + BOB_ACME + [("min_probability", "1")], "--min-probability: expected"),
            ([ALICE] + BOB_ACME + [("all_paths", "maybe")], "--all-paths: expected true or false"),
            ([ALICE] + BOB_ACME + [("colour", "red")], "unknown parameter 'colour'"),
            ([ALICE] + BOB_ACME + [("k", "1"), ("k", "2")], "parameter 'k' is given twice"),
            (BOB_ACME, "say who asks: --from"),
            ([ALICE], "say who to reach: --to WHO or --to-company COMPANY"),
            ([ALICE, ("to_company", "Acme"), ("where", "colr=x")], "--where"),
            ([ALICE, ("to", "Bob Smith"), ("where", "function=Finance")],
             "--where filters --to-company"),
        ]
        for params, message in cases:
            with self.subTest(params=params):
                err = self.get_json("/v1/paths", params, 400)["error"]
                self.assertEqual(err["code"], "usage")
                self.assertIn(message, err["message"])

    def test_rank_bad_requests(self):
        err = self.get_json("/v1/rank", [ALICE, ("min_gain", "0.1")], 400)["error"]
        self.assertIn("--min-gain sets the floor of --plan's asks", err["message"])
        err = self.get_json("/v1/rank", [ALICE], 400)["error"]
        self.assertIn("no territory", err["message"])

    def test_malformed_query_string(self):
        code, _, body = self.server.request("/v1/people?q=%ZZ")
        self.assertEqual(code, 400, body)
        code, _, body = self.server.request("/v1/people?q=%FF")
        self.assertEqual(code, 400, body)
        self.assertIn(b"UTF-8", body)

    def test_unknown_endpoint_and_method(self):
        code, headers, body = self.server.request("/v2/nothing")
        self.assertEqual(code, 404)
        self.assertEqual(json.loads(body)["error"]["code"], "not_found")
        code, headers, body = self.server.request("/v1/paths", method="DELETE")
        self.assertEqual(code, 405)
        self.assertEqual(headers["allow"], "GET, HEAD")

    def test_limits_414_413(self):
        code, headers, body = self.server.get("/v1/people", [("q", "a" * 9000)])
        self.assertEqual(code, 414)
        self.assertEqual(json.loads(body)["error"]["code"], "uri_too_long")
        self.assertIn("content-security-policy", headers)
        code, _, body = self.server.request("/v1/paths", method="POST", body=b"x" * (2 << 20))
        self.assertEqual(code, 413, body)

    def test_security_headers_on_every_response(self):
        for path in ("/healthz", "/metrics", "/v1/people?q=bob", "/v1/paths", "/nothing",
                     "/v1/diagrams/path.svg?from=p00001&to=p00006"):
            with self.subTest(path=path):
                _, headers, _ = self.server.request(path)
                self.assertIn("default-src 'none'", headers["content-security-policy"])
                self.assertEqual(headers["x-content-type-options"], "nosniff")

    # -- health and metrics ---------------------------------------------------------------------

    def test_healthz(self):
        health = self.get_json("/healthz", [])
        self.assertEqual(health["status"], "ok")
        ids = {r["id"] for r in servelib.people_rows(self.data)}
        with open(os.path.join(self.data, "edges.csv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                ids.update(line.split(",")[:2])
        self.assertEqual(health["people"], len(ids))
        self.assertNotIn("last_load_error", health)

    def test_metrics_count_requests(self):
        def counter(text, endpoint, code):
            m = re.search(r'^warmpath_http_requests_total\{endpoint="%s",code="%s"\} (\d+)$'
                          % (endpoint, code), text, re.M)
            return int(m.group(1)) if m else 0

        before = self.server.request("/metrics")[2].decode()
        for _ in range(3):
            self.server.get("/v1/people", [("q", "bob")])
        self.server.get("/v1/people", [("q", "bob"), ("limit", "x")])
        _, headers, body = self.server.request("/metrics")
        after = body.decode()
        self.assertTrue(headers["content-type"].startswith("text/plain; version=0.0.4"))
        self.assertEqual(counter(after, "people", 200) - counter(before, "people", 200), 3)
        self.assertEqual(counter(after, "people", 400) - counter(before, "people", 400), 1)
        total = sum(int(n) for n in re.findall(
            r'^warmpath_http_requests_total\{endpoint="people",code="\d+"\} (\d+)$', after, re.M))
        count = re.search(r'^warmpath_http_request_duration_seconds_count\{endpoint="people"\} '
                          r'(\d+)$', after, re.M)
        self.assertEqual(int(count.group(1)), total)
        inf = re.search(r'^warmpath_http_request_duration_seconds_bucket\{endpoint="people",'
                        r'le="\+Inf"\} (\d+)$', after, re.M)
        self.assertEqual(int(inf.group(1)), total)
        self.assertRegex(after, r"(?m)^warmpath_network_people 2962$")
        self.assertRegex(after, r"(?m)^warmpath_network_loaded 1$")

    # -- many clients at once -------------------------------------------------------------------

    def test_concurrent_clients_get_the_sequential_answers(self):
        questions = [
            ("/v1/paths", [ALICE] + BOB_ACME),
            ("/v1/paths", [("from", "p00002"), ("to", "p00006")]),
            ("/v1/rank", [ALICE, ("where", "industry=Fintech")]),
            ("/v1/people", [("q", "smi")]),
            ("/v1/paths", [ALICE, ("to_company", "Acme")]),
        ]
        expected = [self.server.get(e, p)[2] for e, p in questions]
        failures = []

        def client(n):
            for i in range(12):
                e, p = questions[(n + i) % len(questions)]
                code, _, body = self.server.get(e, p)
                if code != 200 or body != expected[(n + i) % len(questions)]:
                    failures.append((e, p, code))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])

    def test_one_log_line_per_request(self):
        marker = "logmarker%d" % os.getpid()
        for _ in range(2):
            self.server.get("/v1/people", [("q", marker)])
        self.server.get("/v1/people", [("q", marker), ("limit", "0")])
        # The line is written when libsoup says the response is done, which may be just after
        # the client has read it: wait a little for the last one.
        deadline = time.time() + 5 * servelib.SLOW
        while True:
            lines = [l for l in self.server.read_log().splitlines() if marker in l]
            if len(lines) >= 3 or time.time() > deadline:
                break
            time.sleep(0.05)
        self.assertEqual(len(lines), 3, lines)
        self.assertRegex(lines[0], r"^warmpath serve: 127\.0\.0\.1 GET /v1/people\?q=%s 200 \d+ B "
                                   r"[\d.]+ ms$" % marker)
        self.assertRegex(lines[2], r" 400 \d+ B ")


class TokenTest(unittest.TestCase):
    def test_token_required_wrong_ok(self):
        tmp = tempfile.mkdtemp(prefix="wp-token-")
        token_file = os.path.join(tmp, "token")
        token = "s3cret-token-0123456789abcdef"
        with open(token_file, "w") as f:
            f.write(token + "\n")
        server = Server(servelib.DEMO, "--token-file", token_file)
        try:
            server.wait_healthy()  # /healthz needs no token
            code, headers, _ = server.get("/v1/people", [("q", "bob")])
            self.assertEqual(code, 401)
            self.assertTrue(headers["www-authenticate"].startswith("Bearer"))
            for wrong in ("Bearer " + token[:-1], "Bearer " + token + "x", "Basic " + token,
                          token):
                code, _, _ = server.get("/v1/people", [("q", "bob")], {"Authorization": wrong})
                self.assertEqual(code, 401, wrong)
            code, _, body = server.get("/v1/people", [("q", "bob")],
                                       {"Authorization": "Bearer " + token})
            self.assertEqual(code, 200, body)
            code, _, _ = server.request("/metrics")
            self.assertEqual(code, 401)
            self.assertEqual(server.stop(), 0)
        finally:
            server.cleanup()

    def test_other_addresses_need_a_token(self):
        run = servelib.subprocess.run([servelib.WARMPATH, "serve", "--data", servelib.DEMO,
                                       "--listen", "0.0.0.0:0"], stdout=servelib.subprocess.PIPE,
                                      stderr=servelib.subprocess.PIPE, check=False)
        self.assertEqual(run.returncode, 2)
        self.assertIn(b"--token-file", run.stderr)
        self.assertEqual(run.stdout, b"")

    def test_short_token_refused(self):
        tmp = tempfile.mkdtemp(prefix="wp-token-")
        token_file = os.path.join(tmp, "token")
        with open(token_file, "w") as f:
            f.write("short\n")
        run = servelib.subprocess.run([servelib.WARMPATH, "serve", "--data", servelib.DEMO,
                                       "--token-file", token_file],
                                      stdout=servelib.subprocess.PIPE,
                                      stderr=servelib.subprocess.PIPE, check=False)
        self.assertEqual(run.returncode, 2)
        self.assertIn(b"at least 16 characters", run.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
