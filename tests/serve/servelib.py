# SPDX-License-Identifier: MIT
"""What the service's integration tests share: a data folder copied from the demo, the server
started on an ephemeral loopback port (the port read from its log), HTTP requests with the
standard library, and the CLI's answer to the same question."""

import csv
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

WARMPATH = os.environ.get("WARMPATH", "warmpath")
SOURCE_DIR = os.environ.get("WP_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO = os.path.join(SOURCE_DIR, "datasets", "demo")
AS_OF = "2026-11-01"
# Under AddressSanitizer everything is several times slower.
SLOW = 4 if os.environ.get("ASAN_OPTIONS") else 1


def copy_demo(into):
    """A data folder of its own (the reload tests change it): the demo's two files."""
    os.makedirs(into, exist_ok=True)
    for name in ("people.csv", "edges.csv"):
        shutil.copy(os.path.join(DEMO, name), os.path.join(into, name))
    return into


def replace_file(path, text):
    """Replaces @path atomically, as `warmpath import` does (a temporary renamed over it)."""
    tmp = path + ".tmp-test"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def people_rows(folder=DEMO):
    with open(os.path.join(folder, "people.csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Server:
    """`warmpath serve` on 127.0.0.1:0; stderr (the log) goes to a file the test reads. @data
    None: no data folder (then @extra names the files, --edges FILE)."""

    def __init__(self, data, *extra, cache=None):
        self.tmp = tempfile.mkdtemp(prefix="wp-serve-")
        self.log_path = os.path.join(self.tmp, "serve.log")
        env = dict(os.environ)
        env["WARMPATH_CACHE_DIR"] = cache or os.path.join(self.tmp, "cache")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [WARMPATH, "serve", *(["--data", data] if data else []), "--listen", "127.0.0.1:0",
             "--as-of", AS_OF,
             "--quiet", *extra],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log, env=env)
        self.port = self._wait_port()

    def _wait_port(self):
        deadline = time.time() + 30 * SLOW
        while time.time() < deadline:
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", self.read_log())
            if match:
                return int(match.group(1))
            if self.proc.poll() is not None:
                raise AssertionError("serve exited %d:\n%s" % (self.proc.returncode,
                                                               self.read_log()))
            time.sleep(0.05)
        raise AssertionError("serve printed no port:\n" + self.read_log())

    def read_log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, path, method="GET", headers=None, body=None, timeout=60):
        """(status, headers dict with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * SLOW)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return (response.status, {k.lower(): v for k, v in response.getheaders()},
                    response.read())
        finally:
            conn.close()

    def get(self, endpoint, params=(), headers=None):
        query = urllib.parse.urlencode(list(params), quote_via=urllib.parse.quote)
        return self.request(endpoint + ("?" + query if query else ""), headers=headers)

    def wait_healthy(self, timeout=60):
        deadline = time.time() + timeout * SLOW
        while time.time() < deadline:
            status, _, _ = self.request("/healthz")
            if status == 200:
                return
            time.sleep(0.05)
        raise AssertionError("never healthy:\n" + self.read_log())

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """Sends @sig and returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=timeout * SLOW)
        finally:
            self.proc.stdout.close()
            self.log.close()
        return rc

    def cleanup(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def cli(*args, data=DEMO, cache=None):
    """The CLI's stdout (bytes) for the same question, and its exit code."""
    env = dict(os.environ)
    env["WARMPATH_CACHE_DIR"] = cache or "off"
    run = subprocess.run([WARMPATH, *args, "--data", data, "--as-of", AS_OF, "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
    return run.stdout, run.returncode
