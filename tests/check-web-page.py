#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The web page in a real browser: check-web-page.py WARMPATH REPO_ROOT [--screenshot FILE].

Starts `warmpath serve` on a free loopback port, opens /?from=...&to=...&at=... in headless
Chromium (Debian's `chromium`) and reads the page as the browser rendered it (--dump-dom):

- the demo question asked at the keyboard, over the DevTools protocol: part of the buyer's
  name typed, a suggestion chosen with ArrowDown and Enter (the account fills itself in),
  Escape, Enter to ask; the answer appears and the address becomes /?from=...&to=...&at=...;
- the demo question (Alice Carter to Bob Smith at Acme): one card per path, each with the
  referral source and the chance that `warmpath path --format json` gives for the same question
  (run here, not pasted), every hop's people, and the diagram as an <img> whose URL the service
  answers with an SVG;
- a person whose name, company and title are HTML (tests/data/web-markup) is shown as text: the
  rendered answer holds the literal characters and none of the elements;
- the ledger from the page (a copy of the demo folder): the draft shown for a path is
  `warmpath draft`'s, "Record this ask" and an outcome chip record them in DIR/ledger.db (read
  back with `warmpath ledger export`), and the follow-ups view lists `warmpath followups`;
- over plain HTTP, the page's files carry its Content-Security-Policy and need no token when
  the service has one, while the API still does.

With --screenshot FILE it also saves the demo answer at 1280x1000 (docs/img/serve-page.png).
Exits 77 (skipped, saying why) when Chromium is not installed; tools/test.sh installs it.
"""

import base64
import html.parser
import json
import os
import queue
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

AS_OF = "2026-11-01"
SKIP = 77
DEMO = {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme"}
MARKUP_NAME = '<b>Eve & "Mallory"</b>'
MARKUP = {"from": "Sam Seller", "to": MARKUP_NAME}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)
    return condition


# ---- the rendered page as a tree ----

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find_all(self, pred):
        return [n for n in self.walk() if pred(n)]

    def classes(self):
        return self.attrs.get("class", "").split()


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(dom):
    builder = TreeBuilder()
    builder.feed(dom)
    builder.close()
    return builder.root


def by_id(root, ident):
    found = root.find_all(lambda n: n.attrs.get("id") == ident)
    return found[0] if found else None


def plain(text):
    """Text as a reader sees it: no-break spaces as spaces, runs of white space as one."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def percent(p):
    """The CLI's rule (src/report/common.c), written here independently of the page's."""
    return ("%.0f %%" % (100 * p)) if p >= 0.0995 else ("%.2g %%" % (100 * p))


# ---- the service ----

class Server:
    """`warmpath serve` on a free port; its standard error is drained so it never blocks."""

    def __init__(self, warmpath, data, env, *extra, as_of=AS_OF):
        day = ["--as-of", as_of] if as_of else []
        self.proc = subprocess.Popen(
            [warmpath, "serve", "--data", data, "--listen", "127.0.0.1:0", *day, *extra],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env=env, text=True)
        self.log = []
        lines = queue.Queue()

        def drain():
            for line in self.proc.stderr:
                self.log.append(line)
                lines.put(line)
            lines.put(None)

        threading.Thread(target=drain, daemon=True).start()
        self.base = None
        deadline = time.monotonic() + 120
        while self.base is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                break
            m = re.search(r"listening on (http://[0-9.]+:[0-9]+)", line)
            if m:
                self.base = m.group(1)
        if self.base is None:
            self.stop()
            raise RuntimeError("warmpath serve did not say where it listens:\n" + "".join(self.log))
        while time.monotonic() < deadline:  # the network loads in the background
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("warmpath serve never became healthy:\n" + "".join(self.log))

    def get(self, path, headers=None):
        """(status, headers, body) of GET @path, whatever the status."""
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def url(self, params):
        return f"{self.base}/?{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"

    def stop(self):
        """SIGTERM: the service drains and exits 0; anything else (a sanitizer's report in the
        ASan build, a crash) fails the check, with the end of its log."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        time.sleep(0.1)  # the drain thread reads the last lines
        check(self.proc.returncode == 0, f"warmpath serve exited {self.proc.returncode}:\n" +
              "".join(self.log[-30:]))


def chromium_run(chromium, tmp, url, *extra):
    """One headless run (Debian's chromium 1xx: --headless=new; no sandbox as root or in a
    container; /tmp rather than a container's small /dev/shm; a private profile).
    --virtual-time-budget lets the page's fetches finish before the DOM is read."""
    profile = tempfile.mkdtemp(prefix="chromium-", dir=tmp)
    cmd = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
           "--disable-extensions", "--disable-background-networking", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", "--virtual-time-budget=10000",
           *extra, url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


# ---- a user at the keyboard: Chromium driven over the DevTools protocol ----

class DevTools:
    """A minimal DevTools-protocol client over one WebSocket (RFC 6455, standard library only):
    enough to type, press keys and read the page back."""

    def __init__(self, ws_url):
        url = urllib.parse.urlsplit(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            reply += chunk
        if not reply.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(f"DevTools refused the WebSocket: {reply[:80]!r}")
        self.buffer = reply.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _send(self, text):
        payload = text.encode()
        n = len(payload)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                bytes([0x80 | 127]) + struct.pack(">Q", n))
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            message += self._read(n)
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.1)
        check(False, f"timed out waiting for {what}")
        return None

    def key(self, name, code):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=name, code=name,
                      windowsVirtualKeyCode=code, nativeVirtualKeyCode=code)


def open_devtools(chromium, tmp, url):
    """Chromium with a DevTools port of its own choosing, on @url; (process, client)."""
    profile = tempfile.mkdtemp(prefix="chromium-", dir=tmp)
    proc = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", "--disable-sync",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,1000", url],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")  # "PORT\nPATH", once listening
    deadline = time.monotonic() + 60
    port = None
    while port is None and time.monotonic() < deadline:
        try:
            with open(port_file) as f:
                first = f.readline().strip()
            port = int(first) if first.isdigit() else None
        except FileNotFoundError:
            pass
        if port is None:
            time.sleep(0.1)
    if port is None:
        proc.kill()
        raise RuntimeError("chromium never said where its DevTools listen")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        if pages:
            return proc, DevTools(pages[0]["webSocketDebuggerUrl"])
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("chromium opened no page")


def check_keyboard(chromium, server, paths, tmp):
    """Ask the demo question with the keyboard alone: type part of the buyer's name, choose
    from the suggestions with the arrow keys and Enter (the account fills itself in), dismiss
    the seller's suggestions with Escape, submit with Enter. The answer appears and the address
    becomes the answer's."""
    proc, page = open_devtools(chromium, tmp, server.base + "/")
    try:
        page.call("Page.bringToFront")
        page.call("Emulation.setFocusEmulationEnabled", enabled=True)  # typed as in a focused tab
        page.wait("document.readyState === 'complete' && !!document.getElementById('path-to')",
                  "the page to load")
        page.eval("document.getElementById('path-to').focus()")
        page.call("Input.insertText", text="Bob Sm")
        options = page.wait("[...document.querySelectorAll('#path-to-list [role=option]')]"
                            ".map(o => o.textContent)", "the buyer's suggestions")
        _, _, body = server.get("/v1/people?" + urllib.parse.urlencode({"q": "Bob Sm", "limit": 8}))
        people = json.loads(body)["people"]
        check(options == [p["name"] + ", ".join(x for x in (p["title"], p["company"]) if x)
                          for p in people],
              f"the suggestions are the people search's answer: {options!r}")
        check(page.eval("document.getElementById('path-to').getAttribute('aria-expanded')") == "true",
              "the combobox says its list is open")
        page.key("ArrowDown", 40)
        active = page.eval("document.getElementById('path-to').getAttribute('aria-activedescendant')")
        check(active and page.eval(f"document.getElementById('{active}').getAttribute('aria-selected')")
              == "true", "ArrowDown selects the first suggestion")
        page.key("Enter", 13)
        check(page.eval("document.getElementById('path-to').value") == people[0]["name"],
              "Enter puts the chosen name in the field")
        check(page.eval("document.getElementById('path-at').value") == people[0]["company"],
              "choosing the buyer fills in the account")
        check(page.eval("document.getElementById('path-to').getAttribute('aria-expanded')") == "false",
              "the list closes once chosen")

        page.eval("document.getElementById('path-from').focus()")
        page.call("Input.insertText", text="Alice Carter")
        page.wait("document.querySelectorAll('#path-from-list [role=option]').length > 0",
                  "the seller's suggestions")
        page.key("Escape", 27)
        check(page.eval("document.getElementById('path-from-list').hidden") is True,
              "Escape closes the suggestions")
        page.call("Input.dispatchKeyEvent", type="rawKeyDown", key="Enter", code="Enter",
                  windowsVirtualKeyCode=13, nativeVirtualKeyCode=13)
        page.call("Input.dispatchKeyEvent", type="char", key="Enter", text="\r")
        page.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter",
                  windowsVirtualKeyCode=13, nativeVirtualKeyCode=13)
        cards = page.wait("document.querySelectorAll('#path-answer li.path').length",
                          "the answer after Enter")
        check(cards == len(paths), f"{cards} paths after asking by keyboard, the CLI gives {len(paths)}")
        state = dict(urllib.parse.parse_qsl(page.eval("location.search").lstrip("?")))
        check(state == DEMO, f"the address holds the question: {state!r}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---- the checks ----

def check_demo(warmpath, chromium, server, repo, env, tmp):
    data = os.path.join(repo, "datasets", "demo")
    cli = subprocess.run([warmpath, "path", "--data", data, "--as-of", AS_OF, "--from", DEMO["from"],
                          "--to", DEMO["to"], "--at", DEMO["at"], "--format", "json", "--quiet"],
                         capture_output=True, text=True, env=env, check=True)
    answer = json.loads(cli.stdout)
    paths = answer["paths"]
    check(len(paths) >= 2, "the demo question has several paths (test premise)")
    check_keyboard(chromium, server, paths, tmp)

    root = parse(chromium_run(chromium, tmp, server.url(DEMO), "--dump-dom"))
    result = by_id(root, "path-answer")
    if not check(result is not None, "the page has #path-answer"):
        return
    text = plain(result.text())
    cards = result.find_all(lambda n: n.tag == "li" and "path" in n.classes())
    check(len(cards) == len(paths), f"{len(cards)} path cards on the page, the CLI gives {len(paths)}")
    for i, (card, path) in enumerate(zip(cards, paths)):
        card_text = plain(card.text())
        source_name = path["names"][1]
        check(card.attrs.get("data-source") == path["source"],
              f"card {i + 1}: source {card.attrs.get('data-source')!r}, the CLI says {path['source']!r}")
        check(card.attrs.get("data-probability") == repr(path["probability"]),
              f"card {i + 1}: probability {card.attrs.get('data-probability')!r}, the CLI says "
              f"{path['probability']!r}")
        check(source_name in card_text, f"card {i + 1} names the source {source_name!r}")
        check(percent(path["probability"]) in card_text,
              f"card {i + 1} shows {percent(path['probability'])!r}: {card_text[:200]!r}")
        for hop in path["hops"]:
            check(f"{hop['to_name']}" in card_text, f"card {i + 1} explains the hop to {hop['to_name']!r}")
    check(percent(answer["at_least_one"]["probability"]) in text,
          "the page gives the chance that at least one introduction happens")

    images = result.find_all(lambda n: n.tag == "img" and "diagram" in n.classes())
    if check(len(images) == 1, f"one diagram <img> in the answer, found {len(images)}"):
        src = images[0].attrs.get("src", "")
        url = urllib.parse.urlsplit(src)
        check(url.path == "/v1/diagrams/path.svg", f"the diagram comes from the service: {src!r}")
        asked = dict(urllib.parse.parse_qsl(url.query))
        check(asked == DEMO, f"the diagram answers the same question: {asked!r}")
        with urllib.request.urlopen(server.base + src, timeout=60) as r:
            svg = r.read()
            check(r.status == 200 and r.headers.get_content_type() == "image/svg+xml" and
                  b"<svg" in svg, "the diagram's URL answers an SVG")
            check(paths[0]["names"][1].encode() in svg, "the SVG draws the best path's source")


def cli_json(warmpath, env, *args):
    run = subprocess.run([warmpath, *args, "--format", "json"], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(run.stdout)


def check_ledger(warmpath, chromium, repo, env, tmp):
    """The ledger from the page, on a copy of the demo folder (the page writes DIR/ledger.db),
    with no --as-of: asks are recorded today, and today's follow-ups are what the page shows.
    The first path's "Draft the request" shows `warmpath draft --via SOURCE`'s two texts;
    "Record this ask" records one ask through that source (read back with `warmpath ledger
    export`); the "agreed" chip records the outcome; the follow-ups view then lists what
    `warmpath followups` lists, the thank-you among them."""
    data = os.path.join(tmp, "ledger-demo")
    os.makedirs(data)
    for name in ("people.csv", "edges.csv", "profile.ini"):
        shutil.copy(os.path.join(repo, "datasets", "demo", name), data)
    server = Server(warmpath, data, env, as_of=None)
    proc, page = open_devtools(chromium, tmp, server.url(DEMO))
    card = "document.querySelector('#path-answer li.path')"
    try:
        if not page.wait(f"!!document.querySelector('#path-answer li.path .record button')",
                         "the first path's 'Record this ask' (the ledger's parts shown)"):
            return
        source = page.eval(f"{card}.dataset.source")
        target = cli_json(warmpath, env, "path", "--data", data, "--from", DEMO["from"], "--to",
                          DEMO["to"], "--at", DEMO["at"], "--quiet")["query"]["target"]["id"]
        page.eval(f"{card}.querySelector('.draft button').click()")
        texts = page.wait(f"(() => {{ const t = [...{card}.querySelectorAll('.draft-text')];"
                          " return t.length === 2 && t.map(x => x.value); })()", "the draft")
        draft = cli_json(warmpath, env, "draft", "--data", data, "--from", DEMO["from"], "--to",
                         target, "--at", DEMO["at"], "--via", source, "--quiet")
        check(texts == [draft["to_source"]["body"], draft["note"]["text"]],
              f"the page's draft is `warmpath draft --via {source}`'s: {texts!r}")

        page.eval(f"{card}.querySelector('.record button').click()")
        state = page.wait(f"({card}.querySelector('.outcomes .state') || {{}}).textContent",
                          "the recorded ask")
        check(state == "Ask #1: asked", f"the page says the ask is recorded: {state!r}")
        asks = cli_json(warmpath, env, "ledger", "export", "--data", data)["asks"]
        check([(a["source"], a["target"], a["state"]) for a in asks] == [(source, target, "asked")],
              f"the ledger holds one ask through {source} to {target}: {asks!r}")

        page.eval(f"[...{card}.querySelectorAll('.outcomes button')]"
                  ".find(b => b.textContent === 'agreed').click()")
        page.wait(f"({card}.querySelector('.outcomes .state') || {{}}).textContent === "
                  "'Ask #1: agreed'", "the outcome recorded")
        asks = cli_json(warmpath, env, "ledger", "export", "--data", data)["asks"]
        check([[e["state"] for e in a["events"]] for a in asks] == [["asked", "agreed"]],
              f"the ledger holds the outcome: {asks!r}")

        page.call("Page.navigate", url=server.base + "/?view=followups")
        shown = page.wait("(() => { const c = [...document.querySelectorAll("
                          "'#followups-answer li.followup .headline')];"
                          " return c.length > 0 && c.map(x => x.textContent); })()",
                          "the follow-ups")
        followups = cli_json(warmpath, env, "followups", "--data", data, "--quiet")["followups"]
        check(shown == [f["sentence"] for f in followups],
              f"the page lists `warmpath followups`: {shown!r}")
        check(any(f["action"] == "thank-source" and f["ask"] == 1 for f in followups),
              "agreeing calls for thanking the source (test premise)")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        server.stop()


def check_markup(warmpath, chromium, server, tmp):
    dom = chromium_run(chromium, tmp, server.url(MARKUP), "--dump-dom")
    root = parse(dom)
    result = by_id(root, "path-answer")
    if not check(result is not None, "the page has #path-answer"):
        return
    text = result.text()
    check(MARKUP_NAME in text, f"the name {MARKUP_NAME!r} is shown as it is written")
    check("<i>Acme</i> & Co" in text, "the company is shown as it is written")
    injected = result.find_all(lambda n: n.tag in ("b", "i", "script"))
    check(not injected, f"no element made from the data: {[n.tag for n in injected]}")
    check("&lt;b&gt;Eve &amp; \"Mallory\"&lt;/b&gt;" in dom, "the name is escaped text in the DOM")
    check(len(result.find_all(lambda n: n.tag == "li" and "path" in n.classes())) == 1,
          "the one path through Rita Ref is shown")


CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'none'")


def check_http(server):
    """The page's files carry its policy and need no token (they hold no data); the API
    behind it does."""
    for path in ("/", "/static/app.js", "/static/style.css"):
        status, headers, _ = server.get(path)
        check(status == 200, f"{path}: {status} without a token")
        check(headers.get("Content-Security-Policy") == CSP,
              f"{path}: Content-Security-Policy {headers.get('Content-Security-Policy')!r}")
    status, _, _ = server.get("/v1/people?q=eve")
    check(status == 401, f"the API without the token: {status}")
    status, _, body = server.get("/v1/people?q=eve", {"Authorization": "Bearer s3cret-token-for-the-page-test"})
    check(status == 200 and b"Mallory" in body, f"the API with the token: {status}")


def check_token_page(chromium, server, tmp):
    """Without the token the page loads and asks for it, rather than failing blank."""
    root = parse(chromium_run(chromium, tmp, server.url(MARKUP), "--dump-dom"))
    form = by_id(root, "token-form")
    check(form is not None and form.find_all(lambda n: n.tag == "input" and
                                             n.attrs.get("type") == "password"),
          "the page asks for the service's token")


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--screenshot"):
        print(__doc__, file=sys.stderr)
        return 2
    warmpath, repo = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    screenshot = os.path.abspath(argv[4]) if len(argv) == 5 else None
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("SKIP: no chromium on PATH (Debian package `chromium`; tools/test.sh installs it)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="wp-web-") as tmp:
        env = dict(os.environ, WARMPATH_CACHE_DIR=os.path.join(tmp, "cache"), LC_ALL="C.UTF-8")
        env.pop("WARMPATH_DATA", None)
        demo = Server(warmpath, os.path.join(repo, "datasets", "demo"), env)
        try:
            check_demo(warmpath, chromium, demo, repo, env, tmp)
            if screenshot:
                chromium_run(chromium, tmp, demo.url(DEMO), f"--screenshot={screenshot}",
                             "--window-size=1280,1000")
        finally:
            demo.stop()
        check_ledger(warmpath, chromium, repo, env, tmp)
        markup_data = os.path.join(repo, "tests", "data", "web-markup")
        markup = Server(warmpath, markup_data, env)
        try:
            check_markup(warmpath, chromium, markup, tmp)
        finally:
            markup.stop()
        token = os.path.join(tmp, "token")
        with open(token, "w") as f:
            f.write("s3cret-token-for-the-page-test\n")
        guarded = Server(warmpath, markup_data, env, "--token-file", token)
        try:
            check_http(guarded)
            check_token_page(chromium, guarded, tmp)
        finally:
            guarded.stop()
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("the page renders the CLI's answer, its diagram, and markup in names as text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
