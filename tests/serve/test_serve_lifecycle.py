# SPDX-License-Identifier: MIT
"""`warmpath serve` over its life: nothing to serve yet (503), the data folder changed while
requests run (answers switch, none fails), a bad reload (the old network goes on, /healthz
says why), SIGHUP, and SIGTERM with requests in flight (they are answered, exit 0)."""

import json
import os
import random
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import servelib  # noqa: E402
from servelib import SLOW, Server, cli  # noqa: E402

PATH_PARAMS = [("from", "Alice Carter"), ("to", "Bob Smith"), ("at", "Acme")]
PATH_ARGS = ("path", "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme", "--format",
             "json")
# A strong direct tie from Alice Carter to Bob Smith at Acme: the answer becomes "just ask".
DIRECT_TIE = "p00001,p00006,0.95,client,2026-10-20,12\n"


def wait_for(predicate, what, timeout=30):
    deadline = time.time() + timeout * SLOW
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


class LifecycleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wp-life-")
        self.data = os.path.join(self.tmp, "data")
        self.server = None

    def tearDown(self):
        if self.server is not None:
            self.server.cleanup()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def health(self):
        code, _, body = self.server.request("/healthz")
        return code, json.loads(body)

    def test_503_until_the_files_are_there(self):
        os.makedirs(self.data)
        self.server = Server(self.data)
        wait_for(lambda: self.health()[1]["status"] == "failed", "the first load to fail")
        code, health = self.health()
        self.assertEqual(code, 503)
        self.assertIn("edges.csv", health["last_load_error"])
        code, headers, body = self.server.get("/v1/paths", PATH_PARAMS)
        self.assertEqual(code, 503)
        self.assertEqual(json.loads(body)["error"]["code"], "loading")
        self.assertIn("retry-after", headers)
        servelib.copy_demo(self.data)  # the folder monitor loads it
        self.server.wait_healthy()
        code, _, body = self.server.get("/v1/paths", PATH_PARAMS)
        self.assertEqual((code, body), (200, cli(*PATH_ARGS, data=self.data)[0]))
        self.assertEqual(self.server.stop(), 0)

    def test_reload_while_requests_run(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()
        before = cli(*PATH_ARGS, data=self.data)[0]
        with open(os.path.join(self.data, "edges.csv"), encoding="utf-8") as f:
            edges = f.read()
        after_dir = os.path.join(self.tmp, "after")
        servelib.copy_demo(after_dir)
        servelib.replace_file(os.path.join(after_dir, "edges.csv"), edges + DIRECT_TIE)
        after = cli(*PATH_ARGS, data=after_dir)[0]
        self.assertNotEqual(before, after)
        self.assertTrue(json.loads(after)["direct_answer"])

        seen, failures, stop = [], [], threading.Event()

        timeline = []  # (started, ended, new answer?)

        def client():
            while not stop.is_set():
                started = time.monotonic()
                code, _, body = self.server.get("/v1/paths", PATH_PARAMS)
                if code != 200 or body not in (before, after):
                    failures.append((code, body[:200]))
                seen.append(body == after)
                timeline.append((started, time.monotonic(), body == after))

        threads = [threading.Thread(target=client) for _ in range(4)]
        for t in threads:
            t.start()
        try:
            wait_for(lambda: len(seen) >= 8, "requests before the change")
            servelib.replace_file(os.path.join(self.data, "edges.csv"), edges + DIRECT_TIE)
            wait_for(lambda: seen and seen[-1], "the new network's answer")
            n = len(seen)
            wait_for(lambda: len(seen) >= n + 8, "requests after the change")
        finally:
            stop.set()
            for t in threads:
                t.join()
        self.assertEqual(failures, [])
        self.assertFalse(seen[0])
        # Once one answer came from the new network, every request started later gets it too.
        first_new_end = min(ended for _, ended, new in timeline if new)
        late_old = [t for t in timeline if t[0] > first_new_end and not t[2]]
        self.assertEqual(late_old, [], "an old answer to a request started after the swap")
        self.assertIn("the data folder changed: loading the network", self.server.read_log())
        self.assertEqual(self.server.stop(), 0)

    def test_failed_reload_keeps_serving(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()
        good = self.server.get("/v1/paths", PATH_PARAMS)[2]
        edges_path = os.path.join(self.data, "edges.csv")
        with open(edges_path, encoding="utf-8") as f:
            edges = f.read()
        servelib.replace_file(edges_path, edges + "p00001,p00006,2.5,client,,\n")
        wait_for(lambda: self.health()[1]["status"] == "degraded", "the reload to fail")
        code, health = self.health()
        self.assertEqual(code, 200)
        self.assertRegex(health["last_load_error"], r"edges\.csv:\d+: ")
        self.assertEqual(self.server.get("/v1/paths", PATH_PARAMS)[2], good)
        self.assertIn("loading failed, still serving the network loaded before",
                      self.server.read_log())
        _, _, metrics = self.server.request("/metrics")
        self.assertIn(b"\nwarmpath_network_last_load_failed 1\n", metrics)
        servelib.replace_file(edges_path, edges)  # fixed: served again, error gone
        wait_for(lambda: self.health()[1]["status"] == "ok", "the fixed reload")
        self.assertEqual(self.server.get("/v1/paths", PATH_PARAMS)[2], good)
        self.assertEqual(self.server.stop(), 0)

    def test_profile_made_changed_and_removed_while_serving(self):
        """No --model: the folder's profile.ini, looked up again at each rescoring, so a
        profile made after the start counts, as it would for a CLI command run then; and
        removing it goes back to the default model."""
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()

        def answer():
            return self.server.get("/v1/paths", PATH_PARAMS)[2]

        def cli_answer():
            return cli(*PATH_ARGS, data=self.data)[0]

        default = answer()
        self.assertEqual(default, cli_answer())
        self.assertEqual(json.loads(default)["query"]["model"], "default")
        profile = os.path.join(self.data, "profile.ini")
        servelib.replace_file(profile, "[model]\nintermediary_factor=0.5\n")
        wait_for(lambda: answer() == cli_answer(), "the new profile to be served")
        made = json.loads(answer())
        self.assertEqual(made["query"]["model"], profile)
        self.assertEqual(made["query"]["intermediary_factor"], 0.5)
        self.assertNotEqual(answer(), default)
        servelib.replace_file(profile, "[model]\nintermediary_factor=0.6\n")
        wait_for(lambda: json.loads(answer())["query"]["intermediary_factor"] == 0.6,
                 "the changed profile")
        self.assertEqual(answer(), cli_answer())
        os.remove(profile)
        wait_for(lambda: answer() == default, "the default model again")
        self.assertEqual(self.health()[1]["status"], "ok")
        self.assertEqual(self.server.stop(), 0)

    def test_name_search_is_not_queued_behind_searches(self):
        """The name search (autocomplete) has a worker of its own: with the one worker busy
        with a queue of rankings, it answers at once, where a shared queue would answer it only
        after the last of them."""
        os.makedirs(self.data)
        rng = random.Random(3)
        n = 30000
        with open(os.path.join(self.data, "people.csv"), "w", encoding="utf-8") as f:
            f.write("id,name,company,region\n")
            for i in range(n):
                f.write("p%d,Person %d,Co%d,R%d\n" % (i, i, i // 10, i % 5))
        with open(os.path.join(self.data, "edges.csv"), "w", encoding="utf-8") as f:
            f.write("source,target,type,strength\n")
            for i in range(n):
                f.write("p%d,p%d,friend,0.%d\n" % (i, (i + 1) % n, rng.randint(50, 95)))
                for _ in range(3):
                    f.write("p%d,p%d,colleague,0.%d\n" % (i, rng.randrange(n),
                                                             rng.randint(50, 95)))
        # A query's deadline counts its time in the queue: under AddressSanitizer the last
        # rankings wait for several seconds.
        self.server = Server(self.data, "--threads", "1", "--timeout", "600")
        self.server.wait_healthy()
        rank = [("from", "p0"), ("where", "region!=Nowhere"), ("plan", "5")]
        finished = []

        def ranking():
            try:
                code = self.server.get("/v1/rank", rank)[0]
            except OSError as e:  # a client timeout: reported by the assertion below
                code = repr(e)
            finished.append((time.monotonic(), code))

        threads = [threading.Thread(target=ranking) for _ in range(6)]
        for t in threads:
            t.start()
        wait_for(lambda: self.metric("warmpath_http_requests_in_flight") >= 6,
                 "the rankings to be queued")
        asked = time.monotonic()
        code, _, body = self.server.get("/v1/people", [("q", "Person 1234")])
        answered = time.monotonic()
        for t in threads:
            t.join()
        self.assertEqual(code, 200, body)
        self.assertEqual(json.loads(body)["people"][0]["id"], "p1234")
        self.assertEqual([c for _, c in finished], [200] * 6)
        # Behind the queue it would wait for five rankings and end with the last of them.
        last = max(t for t, _ in finished)
        self.assertLess(answered - asked, 0.5 * (last - asked),
                        (answered - asked, last - asked))
        self.assertEqual(self.server.stop(), 0)

    def metric(self, name):
        _, _, body = self.server.request("/metrics")
        for line in body.decode().splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return 0.0

    def test_sighup_reloads(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()
        self.server.proc.send_signal(signal.SIGHUP)

        def loads():
            _, _, body = self.server.request("/metrics")
            line = [l for l in body.decode().splitlines()
                    if l.startswith("warmpath_network_loads_total ")]
            return int(line[0].split()[1])

        wait_for(lambda: loads() == 2, "the second load")
        self.assertIn("SIGHUP: loading the network", self.server.read_log())
        self.assertEqual(self.server.stop(), 0)

    def test_sigterm_answers_requests_in_flight(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data, "--threads", "1")
        self.server.wait_healthy()
        results = []
        # Rank over the whole people file is the slowest question the demo has.
        params = [("from", "Alice Carter"), ("where", "region!=Nowhere"), ("plan", "5")]

        def client():
            results.append(self.server.get("/v1/rank", params)[0])

        # Twelve rankings on one worker (about 40 ms each here): after the first answer the
        # rest keep it busy for far longer than noticing that answer and signalling takes.
        threads = [threading.Thread(target=client) for _ in range(12)]
        for t in threads:
            t.start()
        wait_for(lambda: self.server.read_log().count("GET /v1/rank") >= 1 or len(results) >= 1,
                 "a first answer", timeout=60)
        rc = self.server.stop(signal.SIGTERM)
        for t in threads:
            t.join()
        self.assertEqual(rc, 0, self.server.read_log())
        log = self.server.read_log()
        self.assertIn("stopping: finishing the requests in flight", log)
        self.assertTrue(log.rstrip().endswith("warmpath serve: stopped"), log[-500:])
        # Every request that reached the server was answered; any sent after the stop began
        # got 503 or a refused connection, never a dropped answer.
        answered = log.count("GET /v1/rank")
        self.assertEqual(answered, len([c for c in results if c in (200, 503)]))
        self.assertIn(200, results)
        after_stop = log[log.index("stopping:"):]
        self.assertRegex(after_stop, r"GET /v1/rank\S* 200 ", "no request was in flight")

    def test_deadline_cancels_the_query(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data, "--timeout", "0.001")
        self.server.wait_healthy()
        # Ranking the whole people file takes far more than a millisecond.
        code, headers, body = self.server.get("/v1/rank", [("from", "Alice Carter"),
                                                           ("where", "region!=Nowhere"),
                                                           ("plan", "5")])
        self.assertEqual(code, 503, body)
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], "timeout")
        self.assertEqual(error["message"], "the query ran past its deadline")
        self.assertEqual(self.health()[0], 200)  # the service is unharmed
        self.assertEqual(self.server.stop(), 0)

    def test_connections_beyond_the_limit_are_refused(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data, "--max-connections", "2")
        self.server.wait_healthy()
        idle = [socket.create_connection(("127.0.0.1", self.server.port)) for _ in range(2)]
        time.sleep(0.3 * SLOW)  # both accepted and counted
        code, headers, body = self.server.request("/healthz")
        self.assertEqual(code, 503)
        self.assertEqual(json.loads(body)["error"]["code"], "too_many_connections")
        self.assertEqual(headers["connection"], "close")
        idle[0].close()
        wait_for(lambda: self.server.request("/healthz")[0] == 200, "a free place")
        idle[1].close()
        self.assertEqual(self.server.stop(), 0)

    def test_closed_connections_release_their_sockets(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()

        def sockets():
            fd_dir = "/proc/%d/fd" % self.server.proc.pid
            return sum(1 for fd in os.listdir(fd_dir)
                       if os.readlink(os.path.join(fd_dir, fd)).startswith("socket:"))

        for _ in range(20):  # each on its own connection, closed by the client
            self.assertEqual(self.server.request("/healthz")[0], 200)
        # libsoup leaves them in CLOSE_WAIT; the sweep closes them within a second or two.
        wait_for(lambda: sockets() <= 2, "the closed connections' sockets to be released", 10)
        self.assertEqual(self.server.stop(), 0)

    def test_keep_alive(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()
        conn = servelib.http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        peers = set()
        for _ in range(5):
            conn.request("GET", "/v1/people?q=bob")
            response = conn.getresponse()
            response.read()
            self.assertEqual(response.status, 200)
            peers.add(conn.sock.getsockname())
        self.assertEqual(len(peers), 1)  # one connection carried all five
        conn.close()
        self.assertEqual(self.server.stop(), 0)

    def test_sigint_stops_too(self):
        servelib.copy_demo(self.data)
        self.server = Server(self.data)
        self.server.wait_healthy()
        self.assertEqual(self.server.stop(signal.SIGINT), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
