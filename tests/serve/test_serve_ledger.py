# SPDX-License-Identifier: MIT
"""The ledger over HTTP as the page and a CRM use it: drafts, recording asks and outcomes,
follow-ups and metrics, each the CLI's JSON byte for byte (an ask's record time aside); bad
bodies and content types, an unknown ask, a move the state rules refuse, concurrent writers
(every ask recorded once, ids distinct), the token, and learning that reaches the answers
without a restart."""

import json
import os
import re
import shutil
import subprocess
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
DAY = "2026-10-20"  # before the tests' as-of day (2026-11-01): follow-ups are due
RECORDED_AT = re.compile(rb'"recorded_at" : "[^"]*"')


def demo_folder():
    """A data folder of the demo's network and profile (its [brief] words the drafts)."""
    folder = servelib.copy_demo(tempfile.mkdtemp(prefix="wp-ledger-"))
    shutil.copy(os.path.join(servelib.DEMO, "profile.ini"), os.path.join(folder, "profile.ini"))
    return folder


def without_record_time(body):
    """An ask's JSON with the moments it was recorded blanked: the one thing two recordings of
    the same ask do not share."""
    return RECORDED_AT.sub(b'"recorded_at" : "-"', body)


def ledger_export(data):
    """The ledger's whole history as `warmpath ledger export --format json` reads it."""
    run = subprocess.run([servelib.WARMPATH, "ledger", "export", "--data", data, "--format",
                          "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)["asks"]


def post(server, path, body, content_type="application/json", headers=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    h = {"Content-Type": content_type} if content_type else {}
    h.update(headers or {})
    return server.request(path, method="POST", body=data, headers=h)


def error_of(test, response, status, code):
    got, headers, body = response
    test.assertEqual(got, status, body)
    test.assertEqual(headers["content-type"], "application/json")
    error = json.loads(body)["error"]
    test.assertEqual(error["code"], code, error)
    return error


class LedgerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = demo_folder()
        cls.server = Server(cls.data)
        cls.server.wait_healthy()

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        log = cls.server.read_log()
        cls.server.cleanup()
        shutil.rmtree(cls.data, ignore_errors=True)
        assert rc == 0, "serve exited %d:\n%s" % (rc, log)

    def same_as_cli(self, endpoint, params, *cli_args):
        code, headers, body = self.server.get(endpoint, params)
        expected, rc = cli(*cli_args, data=self.data)
        self.assertEqual(rc, 0)
        self.assertEqual(code, 200, body)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(body, expected)  # byte for byte

    def eventually_same_as_cli(self, endpoint, params, *cli_args, server=None, data=None):
        """The service learns from a ledger write after a quiet half second (docs/serve.md
        "Health, reloads and metrics"); until then an answer that depends on learning may
        still be the old one."""
        server, data = server or self.server, data or self.data
        deadline = time.time() + 20 * servelib.SLOW
        while True:
            code, _, body = server.get(endpoint, params)
            expected, rc = cli(*cli_args, data=data)
            if (code, body) == (200, expected) or time.time() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(rc, 0)
        self.assertEqual(code, 200, body)
        self.assertEqual(body, expected)
        return body

    # -- drafts ---------------------------------------------------------------------------------

    def test_drafts_equal_cli(self):
        self.same_as_cli("/v1/drafts", [ALICE] + BOB_ACME, "draft", "--from", "Alice Carter",
                         "--to", "Bob Smith", "--at", "Acme", "--format", "json")
        self.same_as_cli("/v1/drafts", [ALICE] + BOB_ACME + [("via", "Tom Becker")], "draft",
                         "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme", "--via",
                         "Tom Becker", "--format", "json")
        code, _, body = self.server.get("/v1/drafts", [ALICE] + BOB_ACME)
        draft = json.loads(body)
        # The hand-checked facts: Priya is the best path's source, and the note is forwardable.
        self.assertEqual(draft["source"]["name"], "Priya Natarajan")
        self.assertTrue(draft["path"]["default_source"])
        self.assertLessEqual(len(draft["note"]["text"].split()), 120)
        self.assertNotIn("{", draft["note"]["text"])  # no template field left unfilled

    def test_drafts_carry_the_ledgers_warnings(self):
        data = self._fresh_server_folder()
        server = Server(data)
        try:
            server.wait_healthy()
            draft = json.loads(server.get("/v1/drafts", [ALICE] + BOB_ACME)[2])
            self.assertEqual(draft["header"], None)  # no ledger: nothing to say
            self.assertFalse(os.path.exists(os.path.join(data, "ledger.db")))  # nor created
            code, _, body = post(server, "/v1/asks", {"from": "Alice Carter", "to": "Bob Smith",
                                                      "at": "Acme", "on": DAY})
            self.assertEqual(code, 201, body)
            self.assertEqual(post(server, "/v1/asks/1/events",
                                  {"state": "declined", "on": "2026-10-25"})[0], 200)
            # The decline is also learned from (once the service has scored again): equal to the
            # CLI's in the end, through Priya as asked.
            body = self.eventually_same_as_cli(
                "/v1/drafts", [ALICE] + BOB_ACME + [("via", "Priya Natarajan")], "draft",
                "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme", "--via",
                "Priya Natarajan", "--format", "json", server=server, data=data)
            draft = json.loads(body)
            # Priya declined a week before the as-of day: the header says so before asking again.
            self.assertIn("Priya Natarajan", draft["header"])
            self.assertIn("declined", draft["header"])
        finally:
            self.assertEqual(server.stop(), 0, server.read_log())
            server.cleanup()

    def test_drafts_errors(self):
        error = error_of(self, self.server.get("/v1/drafts", BOB_ACME), 400, "usage")
        self.assertIn("--from", error["message"])
        error = error_of(self, self.server.get("/v1/drafts", [ALICE]), 400, "usage")
        self.assertIn("--to", error["message"])
        error_of(self, self.server.get("/v1/drafts", [ALICE, ("to", "Nobody Atall")]), 404,
                 "unknown_person")
        error = error_of(self, self.server.get("/v1/drafts", [ALICE, ("to", "Bob Smith")]), 409,
                         "ambiguous_person")
        self.assertGreaterEqual(len(error["candidates"]), 2)
        # A direct contact needs no introduction: nothing to draft.
        error = error_of(self, self.server.get("/v1/drafts", [ALICE, ("to", "Priya Natarajan")]),
                         404, "no_path")
        self.assertIn("direct contact", error["message"])
        error = error_of(self, self.server.get("/v1/drafts", [ALICE] + BOB_ACME +
                                               [("max_hops", "x")]), 400, "usage")
        self.assertIn("--max-hops", error["message"])
        error_of(self, post(self.server, "/v1/drafts", {}), 405, "method_not_allowed")

    # -- asks and events: the CLI's JSON ---------------------------------------------------------

    def test_ask_and_events_equal_cli(self):
        # The CLI records the same asks into a folder of its own with the same network.
        other = demo_folder()
        try:
            asks = [{"from": "Alice Carter", "to": "Bob Smith", "at": "Acme", "on": DAY,
                     "by": "tester", "note": "met at the fintech meetup"},
                    {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme", "on": DAY,
                     "by": "tester"}]
            # A fresh ledger per server: this test's own, so the ids match the CLI's.
            server = Server(self._fresh_server_folder())
            try:
                server.wait_healthy()
                for i, ask in enumerate(asks):
                    code, headers, body = post(server, "/v1/asks", ask)
                    self.assertEqual(code, 201, body)
                    self.assertEqual(headers["content-type"], "application/json")
                    args = ["ask", "--from", ask["from"], "--to", ask["to"], "--at", ask["at"],
                            "--on", DAY, "--by", "tester", "--format", "json"]
                    if "note" in ask:
                        args += ["--note", ask["note"]]
                    expected, rc = cli(*args, data=other)
                    self.assertEqual(rc, 0)
                    self.assertEqual(without_record_time(body), without_record_time(expected))
                    recorded = json.loads(body)
                    self.assertEqual(recorded["id"], i + 1)
                    self.assertEqual(recorded["state"], "asked")
                # The second ask of the same source on the same day is warned about.
                self.assertIn("recent", [w["kind"] for w in recorded["warnings"]])
                code, _, body = post(server, "/v1/asks/1/events",
                                     {"state": "agreed", "on": "2026-10-22", "by": "tester",
                                      "note": "will write tonight"})
                self.assertEqual(code, 200, body)
                run = subprocess.run([servelib.WARMPATH, "update", "1", "agreed", "--on",
                                      "2026-10-22", "--by", "tester", "--note",
                                      "will write tonight", "--format", "json", "--data", other],
                                     stdout=subprocess.PIPE, check=True)
                expected = run.stdout
                self.assertEqual(without_record_time(body), without_record_time(expected))
                code, _, body = post(server, "/v1/asks/1/events",
                                     {"state": "won", "on": "2026-10-30", "amount": 12500.5})
                self.assertEqual(code, 200, body)
                won = json.loads(body)
                self.assertEqual(won["state"], "won")
                self.assertEqual(won["events"][-1]["amount"], 12500.5)
            finally:
                self.assertEqual(server.stop(), 0, server.read_log())
                server.cleanup()
        finally:
            shutil.rmtree(other, ignore_errors=True)

    def _fresh_server_folder(self):
        folder = demo_folder()
        self.addCleanup(shutil.rmtree, folder, True)
        return folder

    def test_illegal_transition_is_409_and_changes_nothing(self):
        code, _, body = post(self.server, "/v1/asks",
                             {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                              "on": DAY, "note": "409 case"})
        self.assertEqual(code, 201, body)
        ask = json.loads(body)["id"]
        code, _, body = post(self.server, "/v1/asks/%d/events" % ask, {"state": "declined"})
        self.assertEqual(code, 200, body)
        # declined is final (docs/ledger.md): nothing may follow it.
        error = error_of(self, post(self.server, "/v1/asks/%d/events" % ask,
                                    {"state": "agreed"}), 409, "conflict")
        self.assertIn("cannot become 'agreed'", error["message"])
        # Forward from asked to agreed is fine, back to asked never is.
        code, _, body = post(self.server, "/v1/asks",
                             {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                              "on": DAY, "note": "409 case 2"})
        second = json.loads(body)["id"]
        self.assertEqual(post(self.server, "/v1/asks/%d/events" % second,
                              {"state": "meeting", "on": "2026-10-25"})[0], 200)
        error_of(self, post(self.server, "/v1/asks/%d/events" % second, {"state": "agreed"}),
                 409, "conflict")
        # A day before the last event's is refused too, and the history is as it was.
        error_of(self, post(self.server, "/v1/asks/%d/events" % second,
                            {"state": "opportunity", "on": "2026-10-01"}), 409, "conflict")
        states = [[e["state"] for e in a["events"]] for a in ledger_export(self.data)
                  if a["id"] == second]
        self.assertEqual(states, [["asked", "meeting"]])

    def test_unknown_ask_is_404(self):
        error = error_of(self, post(self.server, "/v1/asks/999999/events", {"state": "agreed"}),
                         404, "unknown_ask")
        self.assertIn("999999", error["message"])
        error = error_of(self, post(self.server, "/v1/asks/abc/events", {"state": "agreed"}),
                         400, "usage")
        self.assertIn("ID", error["message"])
        error_of(self, post(self.server, "/v1/asks/0/events", {"state": "agreed"}), 400, "usage")
        error_of(self, post(self.server, "/v1/asks/1/2/events", {"state": "agreed"}), 404,
                 "not_found")

    def test_unknown_and_ambiguous_people(self):
        error = error_of(self, post(self.server, "/v1/asks",
                                    {"from": "Alice Carter", "to": "Nobody Atall"}),
                         404, "unknown_person")
        self.assertIn("--to", error["message"])
        error = error_of(self, post(self.server, "/v1/asks",
                                    {"from": "Alice Carter", "to": "Bob Smith"}),
                         409, "ambiguous_person")
        self.assertEqual(sorted(c.get("company") for c in error["candidates"]),
                         ["Acme", "Globex"])

    # -- bad bodies ------------------------------------------------------------------------------

    def test_bad_bodies(self):
        ask = {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme"}
        cases = [
            (b"{not json", "application/json", 400, "usage", "not JSON"),
            (b"", "application/json", 400, "usage", "not JSON"),
            (b"[1, 2]", "application/json", 400, "usage", "JSON object"),
            (b"\xff\xfe{}", "application/json", 400, "usage", "not JSON"),
            (json.dumps(dict(ask, bogus=1)).encode(), "application/json", 400, "usage",
             "'bogus'"),
            (json.dumps(dict(ask, note={"a": 1})).encode(), "application/json", 400, "usage",
             "'note'"),
            (json.dumps(dict(ask, on="yesterday")).encode(), "application/json", 400, "usage",
             "--on"),
            (json.dumps({"to": "Bob Smith"}).encode(), "application/json", 400, "usage",
             "--from"),
            (json.dumps(ask).encode(), "text/plain", 415, "unsupported_media_type",
             "application/json"),
            (json.dumps(ask).encode(), "application/x-www-form-urlencoded", 415,
             "unsupported_media_type", "application/json"),
            (json.dumps(ask).encode(), None, 415, "unsupported_media_type", "application/json"),
            (json.dumps(ask).encode(), "application/json; charset=latin1", 415,
             "unsupported_media_type", "UTF-8"),
        ]
        for body, content_type, status, code, words in cases:
            with self.subTest(body=body, content_type=content_type):
                error = error_of(self, post(self.server, "/v1/asks", body, content_type), status,
                                 code)
                self.assertIn(words, error["message"])
        error = error_of(self, post(self.server, "/v1/asks/1/events", {"state": "maybe"}), 400,
                         "usage")
        self.assertIn("not a state; states: asked, agreed", error["message"])
        error_of(self, post(self.server, "/v1/asks/1/events", {"state": "won", "amount": -3}),
                 400, "usage")
        error_of(self, post(self.server, "/v1/asks/1/events", {"id": 2, "state": "won"}), 400,
                 "usage")  # the id is the URL's
        # JSON null means "not given"; the charset parameter may be given in any case.
        code, _, body = post(self.server, "/v1/asks", dict(ask, via=None, note="null via"),
                             "application/json; charset=UTF-8")
        self.assertEqual(code, 201, body)
        # Parameters go in the body, not the URL; GET is not a way to record.
        error_of(self, post(self.server, "/v1/asks?from=x", ask), 400, "usage")
        error_of(self, self.server.get("/v1/asks", [ALICE]), 405, "method_not_allowed")

    def test_body_limits(self):
        big = json.dumps({"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                          "note": "x" * (1 << 20)}).encode()
        error = error_of(self, post(self.server, "/v1/asks", big), 413, "too_large")
        self.assertIn("larger than", error["message"])
        # A chunked body has no length to check before it is read: refused unread.
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        try:
            conn.putrequest("POST", "/v1/asks")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Transfer-Encoding", "chunked")
            conn.endheaders()
            conn.send(b"2\r\n{}\r\n0\r\n\r\n")
            response = conn.getresponse()
            self.assertEqual(response.status, 411)
            self.assertEqual(json.loads(response.read())["error"]["code"], "length_required")
        finally:
            conn.close()

    # -- follow-ups and metrics ------------------------------------------------------------------

    def test_followups_and_metrics_equal_cli(self):
        for note in ("followup a", "followup b"):
            code, _, body = post(self.server, "/v1/asks",
                                 {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                                  "on": DAY, "note": note})
            self.assertEqual(code, 201, body)
        body = self.eventually_same_as_cli("/v1/followups", [], "followups", "--format", "json")
        followups = json.loads(body)["followups"]
        self.assertIn("nudge-source", [f["action"] for f in followups])
        self.same_as_cli("/v1/followups", [ALICE], "followups", "--from", "Alice Carter",
                         "--format", "json")
        self.same_as_cli("/v1/metrics", [], "metrics", "--format", "json")
        self.same_as_cli("/v1/metrics", [ALICE, ("since", "2026-10-01"), ("until", "2026-10-31"),
                                         ("by", "week"), ("success", "introduced")],
                         "metrics", "--from", "Alice Carter", "--since", "2026-10-01",
                         "--until", "2026-10-31", "--by", "week", "--success", "introduced",
                         "--format", "json")
        metrics = json.loads(self.server.get("/v1/metrics", [])[2])
        self.assertGreaterEqual(metrics["asks"], 2)
        error = error_of(self, self.server.get("/v1/metrics", [("by", "day")]), 400, "usage")
        self.assertIn("--by: expected week or month", error["message"])
        error = error_of(self, self.server.get("/v1/metrics", [("since", "2026-10-31"),
                                                               ("until", "2026-10-01")]),
                         400, "usage")
        self.assertIn("is after", error["message"])
        error_of(self, self.server.get("/v1/followups", [("from", "Nobody Atall")]), 404,
                 "unknown_person")

    # -- concurrent writers ----------------------------------------------------------------------

    def test_concurrent_writers_record_each_ask_once(self):
        # Eight workers, so eight writers really run at once, on a folder without a ledger, so
        # the first of them also race to create it.
        data = self._fresh_server_folder()
        server = Server(data, "--threads", "8")
        try:
            server.wait_healthy()
            self._concurrent_writers(server, data)
        finally:
            self.assertEqual(server.stop(), 0, server.read_log())
            server.cleanup()

    def _concurrent_writers(self, server, data):
        clients, per_client = 8, 3
        results, failures = [], []
        lock = threading.Lock()
        start = threading.Barrier(clients)

        def client(c):
            start.wait()
            for k in range(per_client):
                note = "concurrent %d-%d" % (c, k)
                try:
                    code, _, body = post(server, "/v1/asks",
                                         {"from": "Alice Carter", "to": "Bob Smith",
                                          "at": "Acme", "on": DAY, "note": note})
                    with lock:
                        results.append((note, code, json.loads(body)))
                except Exception as e:  # noqa: BLE001 - reported below
                    with lock:
                        failures.append(repr(e))

        threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        self.assertEqual([r for r in results if r[1] != 201], [])
        ids = [r[2]["id"] for r in results]
        self.assertEqual(sorted(ids), list(range(1, clients * per_client + 1)))
        stored = {}
        for a in ledger_export(data):
            stored.setdefault(a["events"][0]["note"], []).append(a["id"])
        # Every ask exactly once, under the id its answer gave.
        self.assertEqual(stored, {note: [body["id"]] for note, _, body in results})

    # -- learning reaches the answers ------------------------------------------------------------

    def test_outcomes_reach_the_paths_without_a_restart(self):
        params = [ALICE] + BOB_ACME
        args = ("path", "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme",
                "--format", "json")
        before = self.eventually_same_as_cli("/v1/paths", params, *args)
        for i in range(4):  # Priya keeps declining: the tie to her is worth less than thought
            code, _, body = post(self.server, "/v1/asks",
                                 {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                                  "via": "Priya Natarajan", "on": DAY, "note": "learn %d" % i})
            self.assertEqual(code, 201, body)
            ask = json.loads(body)["id"]
            self.assertEqual(post(self.server, "/v1/asks/%d/events" % ask,
                                  {"state": "declined", "on": DAY})[0], 200)
        after = self.eventually_same_as_cli("/v1/paths", params, *args)
        self.assertNotEqual(before, after)
        health = json.loads(self.server.request("/healthz")[2])
        self.assertGreaterEqual(health["rescores"], 1)
        self.assertEqual(health["status"], "ok")
        text = self.server.request("/metrics")[2].decode()
        rescores = re.search(r"^warmpath_network_rescores_total (\S+)$", text, re.M)
        self.assertIsNotNone(rescores, text)
        self.assertGreaterEqual(float(rescores.group(1)), 1)
        # Rescoring never read the network again: one load, the first.
        self.assertEqual(re.search(r"^warmpath_network_loads_total (\S+)$", text, re.M).group(1),
                         "1")


class NoLedgerTest(unittest.TestCase):
    def test_without_a_data_folder_there_is_no_ledger(self):
        server = Server(None, "--edges", os.path.join(servelib.DEMO, "edges.csv"), "--people",
                        os.path.join(servelib.DEMO, "people.csv"))
        try:
            server.wait_healthy()
            error = error_of(self, server.get("/v1/followups"), 501, "no_ledger")
            self.assertIn("--data DIR", error["message"])
            error_of(self, post(server, "/v1/asks", {"from": "Alice Carter", "to": "p00006"}),
                     501, "no_ledger")
            error_of(self, post(server, "/v1/asks/1/events", {"state": "agreed"}), 501,
                     "no_ledger")
            # Drafts need no ledger.
            self.assertEqual(server.get("/v1/drafts", [ALICE, ("to", "p00006")])[0], 200)
        finally:
            self.assertEqual(server.stop(), 0, server.read_log())
            server.cleanup()


class TokenTest(unittest.TestCase):
    def test_ledger_writes_need_the_token(self):
        data = demo_folder()
        self.addCleanup(shutil.rmtree, data, True)
        token_file = os.path.join(data, "token")
        with open(token_file, "w") as f:
            f.write("ledger-token-0123456789\n")
        server = Server(data, "--token-file", token_file)
        try:
            server.wait_healthy()
            ask = {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme"}
            error_of(self, post(server, "/v1/asks", ask), 401, "unauthorized")
            error_of(self, post(server, "/v1/asks", ask,
                                headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
            self.assertFalse(os.path.exists(os.path.join(data, "ledger.db")))
            good = {"Authorization": "Bearer ledger-token-0123456789"}
            code, _, body = post(server, "/v1/asks", ask, headers=good)
            self.assertEqual(code, 201, body)
            code, _, body = post(server, "/v1/asks/1/events", {"state": "agreed"}, headers=good)
            self.assertEqual(code, 200, body)
            self.assertEqual(server.get("/v1/followups")[0], 401)
            self.assertEqual(server.get("/v1/followups", headers=good)[0], 200)
        finally:
            self.assertEqual(server.stop(), 0, server.read_log())
            server.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
