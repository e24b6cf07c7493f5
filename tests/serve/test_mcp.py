# SPDX-License-Identifier: MIT
"""`warmpath mcp` driven as an assistant's client drives it: initialize, the initialized
notification, tools/list, tools/call (answers equal to the CLI's JSON, an ambiguous and an
unknown person, bad arguments), JSON-RPC errors, and nothing but protocol lines on stdout."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import servelib  # noqa: E402
from servelib import cli  # noqa: E402


class Client:
    def __init__(self, *extra, data=servelib.DEMO):
        env = dict(os.environ, WARMPATH_CACHE_DIR="off")
        self.proc = subprocess.Popen(
            [servelib.WARMPATH, "mcp", "--data", data, "--as-of", servelib.AS_OF,
             "--quiet", *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.next_id = 0

    def send_line(self, line):
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def read(self):
        line = self.proc.stdout.readline()
        assert line.endswith(b"\n"), line
        return json.loads(line)

    def call(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send_line(json.dumps(message))
        response = self.read()
        assert response["id"] == self.next_id, response
        assert response["jsonrpc"] == "2.0", response
        return response

    def tool(self, name, arguments):
        return self.call("tools/call", {"name": name, "arguments": arguments})

    def close(self):
        self.proc.stdin.close()
        rest = self.proc.stdout.read()
        stderr = self.proc.stderr.read()
        rc = self.proc.wait(timeout=60 * servelib.SLOW)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc, rest, stderr


class McpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = Client()
        cls.init = cls.client.call("initialize", {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "warmpath-test", "version": "1"}})
        cls.client.send_line(json.dumps({"jsonrpc": "2.0",
                                         "method": "notifications/initialized"}))

    @classmethod
    def tearDownClass(cls):
        rc, rest, stderr = cls.client.close()
        assert rc == 0, stderr
        assert rest == b"", rest  # no stray output, no answer to the notification

    def test_initialize(self):
        result = self.init["result"]
        self.assertEqual(result["protocolVersion"], "2025-06-18")
        self.assertEqual(result["serverInfo"]["name"], "warmpath")
        self.assertIn("tools", result["capabilities"])

    def test_tools_list(self):
        tools = {t["name"]: t for t in self.client.call("tools/list")["result"]["tools"]}
        self.assertEqual(set(tools), {"find_introduction_paths", "rank_referral_sources",
                                      "search_people", "draft_intro_request", "record_ask",
                                      "list_followups"})
        paths = tools["find_introduction_paths"]["inputSchema"]
        self.assertEqual(paths["type"], "object")
        for name, kind in (("from", "string"), ("to", "string"), ("at", "string"),
                           ("k", "integer"), ("where", "array"), ("all_paths", "boolean")):
            self.assertEqual(paths["properties"][name]["type"], kind, name)
        for tool in tools.values():
            self.assertTrue(tool["description"])
        draft = tools["draft_intro_request"]["inputSchema"]["properties"]
        for name in ("from", "to", "at", "via"):
            self.assertEqual(draft[name]["type"], "string", name)
        record = tools["record_ask"]
        for name in ("from", "to", "at", "via", "note"):
            self.assertEqual(record["inputSchema"]["properties"][name]["type"], "string", name)
        # Only record_ask writes; an assistant asks the user before calling it.
        self.assertEqual({n for n, t in tools.items() if not t["annotations"]["readOnlyHint"]},
                         {"record_ask"})
        self.assertFalse(record["annotations"]["idempotentHint"])
        self.assertEqual(tools["list_followups"]["inputSchema"]["properties"]["where"]["type"],
                         "array")

    def test_find_paths_equals_cli(self):
        response = self.client.tool("find_introduction_paths",
                                    {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                                     "k": 3})
        result = response["result"]
        self.assertFalse(result["isError"])
        expected, rc = cli("path", "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme",
                           "-k", "3", "--format", "json")
        self.assertEqual(rc, 0)
        self.assertEqual(result["structuredContent"], json.loads(expected))
        text = result["content"][0]
        self.assertEqual(text["type"], "text")
        first = json.loads(expected)["paths"][0]
        self.assertIn("1. Ask ", text["text"])
        self.assertIn(str(round(first["probability"] * 100)) + " % chance", text["text"])

    def test_rank_and_search(self):
        result = self.client.tool("rank_referral_sources",
                                  {"from": "Alice Carter", "where": ["industry=Fintech"],
                                   "plan": 2})["result"]
        expected, _ = cli("rank", "--from", "Alice Carter", "--where", "industry=Fintech",
                          "--plan", "2", "--format", "json")
        self.assertEqual(result["structuredContent"], json.loads(expected))
        self.assertIn("Ask plan", result["content"][0]["text"])
        found = self.client.tool("search_people", {"q": "bob smi"})["result"]
        ids = [p["id"] for p in found["structuredContent"]["people"]]
        rows = servelib.people_rows()
        self.assertEqual(sorted(ids), sorted(r["id"] for r in rows
                                             if r["name"].lower().startswith("bob smi")))

    def test_ambiguous_and_unknown_person_are_tool_errors(self):
        result = self.client.tool("find_introduction_paths",
                                  {"from": "Alice Carter", "to": "Bob Smith"})["result"]
        self.assertTrue(result["isError"])
        self.assertTrue(result["content"][0]["text"].startswith(
            "--to 'Bob Smith' matches 2 people; add --at COMPANY or give the id\n"))
        self.assertIn("(id p00031)", result["content"][0]["text"])
        error = result["structuredContent"]["error"]
        self.assertEqual(error["code"], "ambiguous_person")
        self.assertEqual(sorted(c["id"] for c in error["candidates"]), ["p00006", "p00031"])
        result = self.client.tool("find_introduction_paths",
                                  {"from": "Alice Carter", "to": "Bobb Smiht"})["result"]
        self.assertTrue(result["isError"])
        self.assertIn("no person named 'Bobb Smiht'", result["content"][0]["text"])

    def test_bad_arguments_are_invalid_params(self):
        cases = [
            ({"from": "Alice Carter", "to": "p00006", "k": "x"},
             "-k: expected a number of paths from 1 to 1000, not 'x'"),
            ({"from": "Alice Carter", "to": "p00006", "k": 0}, "-k: expected"),
            ({"from": "Alice Carter", "to": "p00006", "colour": "red"},
             "unknown parameter 'colour'"),
            ({"to": "p00006"}, "say who asks: --from WHO[,WHO...] or --team[=NAME]"),
            ({"from": "Alice Carter", "to": {"id": 1}}, "argument 'to'"),
        ]
        for arguments, message in cases:
            with self.subTest(arguments=arguments):
                error = self.client.tool("find_introduction_paths", arguments)["error"]
                self.assertEqual(error["code"], -32602)
                self.assertIn(message, error["message"])

    def test_protocol_errors(self):
        self.assertEqual(self.client.tool("no_such_tool", {})["error"]["code"], -32602)
        self.assertEqual(self.client.call("no/such/method")["error"]["code"], -32601)
        self.assertEqual(self.client.call("ping")["result"], {})
        self.client.send_line("{not json")
        response = self.client.read()
        self.assertEqual((response["id"], response["error"]["code"]), (None, -32700))

    def test_invalid_requests(self):
        for line in ('[1, 2]', '{"jsonrpc": "1.0", "id": 9, "method": "ping"}',
                     '{"jsonrpc": "2.0", "id": 9}', '{"jsonrpc": "2.0", "id": {}, "method": "x"}'):
            with self.subTest(line=line):
                self.client.send_line(line)
                response = self.client.read()
                self.assertEqual(response["error"]["code"], -32600)


class McpLedgerTest(unittest.TestCase):
    """The ledger's tools on a folder of their own (record_ask writes DIR/ledger.db)."""

    def setUp(self):
        self.data = servelib.copy_demo(tempfile.mkdtemp(prefix="wp-mcp-ledger-"))
        shutil.copy(os.path.join(servelib.DEMO, "profile.ini"),
                    os.path.join(self.data, "profile.ini"))
        self.client = Client(data=self.data)
        self.client.call("initialize", {})

    def tearDown(self):
        rc, rest, stderr = self.client.close()
        shutil.rmtree(self.data, ignore_errors=True)
        self.assertEqual((rc, rest), (0, b""), stderr)

    def test_draft_equals_cli_and_is_not_sent(self):
        result = self.client.tool("draft_intro_request",
                                  {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme"})
        result = result["result"]
        self.assertFalse(result["isError"])
        expected, rc = cli("draft", "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme",
                           "--format", "json", data=self.data)
        self.assertEqual(rc, 0)
        self.assertEqual(result["structuredContent"], json.loads(expected))
        text, _ = cli("draft", "--from", "Alice Carter", "--to", "Bob Smith", "--at", "Acme",
                      data=self.data)
        self.assertEqual(result["content"][0]["text"].encode(), text)  # the draft as text
        self.assertFalse(os.path.exists(os.path.join(self.data, "ledger.db")))

    def test_record_ask_then_followups(self):
        result = self.client.tool("record_ask",
                                  {"from": "Alice Carter", "to": "Bob Smith", "at": "Acme",
                                   "on": "2026-10-20", "note": "from the assistant"})["result"]
        self.assertFalse(result["isError"])
        ask = result["structuredContent"]
        priya = [r["id"] for r in servelib.people_rows() if r["name"] == "Priya Natarajan"]
        self.assertEqual((ask["id"], ask["state"], [ask["source"]]), (1, "asked", priya))
        self.assertIn("Recorded as ask 1.", result["content"][0]["text"])
        run = subprocess.run([servelib.WARMPATH, "ledger", "export", "--data", self.data,
                              "--format", "json"], stdout=subprocess.PIPE, check=True)
        stored = json.loads(run.stdout)["asks"]
        self.assertEqual([(a["id"], a["events"][0]["note"]) for a in stored],
                         [(1, "from the assistant")])
        result = self.client.tool("list_followups", {})["result"]
        expected, rc = cli("followups", "--format", "json", data=self.data)
        self.assertEqual(rc, 0)
        self.assertEqual(result["structuredContent"], json.loads(expected))
        self.assertIn("nudge-source", result["content"][0]["text"])

    def test_ledger_tool_errors(self):
        error = self.client.tool("draft_intro_request", {"from": "Alice Carter"})["error"]
        self.assertEqual(error["code"], -32602)
        self.assertEqual(error["message"], "say whom to reach: --to TARGET")
        error = self.client.tool("record_ask", {"to": "Bob Smith"})["error"]
        self.assertEqual((error["code"], error["message"]),
                         (-32602, "say who asks: --from SELLER"))
        error = self.client.tool("record_ask", {"from": "Alice Carter", "to": "Bob Smith",
                                                "at": "Acme", "on": "soon"})["error"]
        self.assertEqual(error["message"], "--on: 'soon' is not a date YYYY-MM-DD")
        result = self.client.tool("record_ask", {"from": "Alice Carter",
                                                 "to": "Bob Smith"})["result"]
        self.assertTrue(result["isError"])
        self.assertEqual(result["structuredContent"]["error"]["code"], "ambiguous_person")
        result = self.client.tool("draft_intro_request", {"from": "Alice Carter",
                                                          "to": "Priya Natarajan"})["result"]
        self.assertTrue(result["isError"])
        self.assertIn("direct contact", result["content"][0]["text"])
        self.assertFalse(os.path.exists(os.path.join(self.data, "ledger.db")))


class ParseErrorTest(unittest.TestCase):
    def test_parse_error_then_going_on(self):
        client = Client()
        client.send_line("{not json")
        response = client.read()
        self.assertEqual(response["id"], None)
        self.assertEqual(response["error"]["code"], -32700)
        self.assertTrue(response["error"]["message"].startswith("parse error: "))
        self.assertEqual(client.call("ping")["result"], {})
        rc, rest, _ = client.close()
        self.assertEqual((rc, rest), (0, b""))

    def test_unusable_network_fails_each_call(self):
        empty = tempfile.mkdtemp(prefix="wp-mcp-")
        client = Client(data=empty)
        self.assertIn("protocolVersion", client.call("initialize", {})["result"])
        error = client.tool("search_people", {"q": "bob"})["error"]
        self.assertEqual(error["code"], -32603)
        self.assertIn("edges.csv", error["message"])
        rc, rest, stderr = client.close()
        self.assertEqual((rc, rest), (0, b""))
        self.assertIn(b"edges.csv", stderr)  # said once, at start

    def test_usage_error_reads_nothing(self):
        client = Client("--edges", "/nonexistent/edges.csv")
        # --data and --edges together are a usage error: nothing is read from stdin.
        rc, rest, stderr = client.close()
        self.assertEqual(rc, 2)
        self.assertEqual(rest, b"")
        self.assertIn(b"give --data or --edges, not both", stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
