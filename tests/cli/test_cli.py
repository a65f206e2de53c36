#!/usr/bin/env python3
"""The digestcore command-line tool, run as a user runs it.

usage: test_cli.py PATH/TO/digestcore EXAMPLES_DATA_DIR
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

CLI = None
DATA = None


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, input=stdin,
                          timeout=120)


class Help(unittest.TestCase):
    def test_version_and_help(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^digestcore \d+\.\d+\.\d+\n$")
        for cmd in ("digest", "convert", "check"):
            r = run(cmd, "--help")
            self.assertEqual(r.returncode, 0, cmd)
            self.assertIn("usage: digestcore " + cmd, r.stdout)
        self.assertIn("--entities", run("digest", "--help").stdout)

    def test_usage_errors_exit_2_with_one_line(self):
        for args in (["frobnicate"], ["digest", str(DATA / "collection.json")],
                     ["digest", "--week", "2021-W33"], ["convert", "x.json", "--to", "xml"],
                     ["digest", "x.json", "--week", "2021-W33", "--bogus"],
                     ["check", "x.json", "--entities", "e.json"]):
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stderr.count("\n"), 1, (args, r.stderr))
            self.assertTrue(r.stderr.startswith("digestcore: "), r.stderr)


class Curation(unittest.TestCase):
    def curated(self, *extra):
        r = run("convert", str(DATA / "collection.json"), "--to", "own", *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_entities_tag_posts(self):
        plain = self.curated()
        tagged = self.curated("--entities", str(DATA / "entities.json"))
        plain_tags = sum(len(p.get("tags", [])) for p in plain["posts"])
        entity_tags = [t for p in tagged["posts"] for t in p.get("tags", [])
                       if t.startswith("entity:")]
        self.assertGreater(len(entity_tags), 10)
        self.assertEqual(sum(len(p.get("tags", [])) for p in tagged["posts"]),
                         plain_tags + len(entity_tags))
        ids = {e["id"] for e in json.loads((DATA / "entities.json").read_text())["entities"]}
        for t in entity_tags:
            self.assertIn(t[len("entity:"):], ids)

    def test_sources_and_attribution_file_posts_under_registry_ids(self):
        registry = json.loads((DATA / "sources.json").read_text())
        ids = {s["id"] for s in registry["sources"]}
        out = self.curated("--sources", str(DATA / "sources.json"), "--attribution")
        self.assertTrue(ids <= {s["id"] for s in out["sources"]})
        filed = [p for p in out["posts"] if p.get("source") in ids]
        self.assertGreater(len(filed), len(out["posts"]) // 2)

    def test_all_three_steps_are_stable(self):
        args = ("--sources", str(DATA / "sources.json"), "--entities",
                str(DATA / "entities.json"), "--attribution")
        first = self.curated(*args)
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "curated.json"
            path.write_text(json.dumps(first))
            r = run("convert", str(path), "--to", "own", *args)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout), first)  # curating twice changes nothing

    def test_digest_formats(self):
        args = (str(DATA / "collection.json"), "--week", "2021-W33", "--sources",
                str(DATA / "sources.json"), "--entities", str(DATA / "entities.json"))
        md = run("digest", *args)
        self.assertEqual(md.returncode, 0, md.stderr)
        self.assertIn("Harbor Street Tribune", md.stdout)
        as_json = json.loads(run("digest", *args, "--format", "json").stdout)
        feed = json.loads(run("digest", *args, "--format", "jsonfeed").stdout)
        self.assertEqual(feed["version"], "https://jsonfeed.org/version/1.1")
        self.assertEqual(feed["title"], as_json["title"])
        self.assertEqual(len(feed["items"]), as_json["post_count"])
        digest_ids = [p["id"] for s in as_json["sections"] for p in s["posts"]]
        self.assertEqual([i["id"] for i in feed["items"]], digest_ids)
        # The feed names the sections' sources.
        feed_sources = {s["id"] for s in feed["_digestcore"]["sources"]}
        self.assertTrue({s["source"] for s in as_json["sections"] if s["source"]} <= feed_sources)


class Check(unittest.TestCase):
    def test_streams_errors_in_bounded_memory(self):
        import resource
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "many.jsonl"
            with open(path, "w") as f:
                for i in range(200000):
                    if i % 2:
                        f.write('{"id": %d, "title": "%s"}\n' % (i, "x" * 20))
                    else:
                        f.write('{"id": "p%d", "title": "%s"}\n' % (i, "y" * 20))
            r = run("check", str(path))
            self.assertEqual(r.returncode, 1)
            lines = r.stdout.splitlines()
            self.assertEqual(len(lines), 100000)
            self.assertTrue(lines[0].startswith(str(path) + ":2: "), lines[0])
            self.assertIn("100000 posts", r.stderr)
            self.assertIn("100000 bad records", r.stderr)
            # Under AddressSanitizer (its shadow memory and quarantine) a
            # peak says nothing about what the program keeps.
            if "ASAN_OPTIONS" not in os.environ:
                peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                self.assertLess(peak_kib, 64 * 1024, "check kept what it should stream")

    def test_standard_input(self):
        doc = '{"digestcore": 1, "posts": [{"id": "a", "posted_on": "2021-08-17"}]}'
        r = run("check", "-", stdin=doc)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("digest", "-", "--week", "2021-W33", "--format", "json", stdin=doc)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["post_count"], 1)
        r = run("check", "-", stdin='{"digestcore": 1, "posts": [{"id": 3}]}')
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("<stdin>:1: "), r.stdout)


class Output(unittest.TestCase):
    def test_output_file_replaces_whole_and_leaves_no_temporaries(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "out.json"
            out.write_text("old content")
            r = run("convert", str(DATA / "collection.json"), "-o", str(out))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(len(json.loads(out.read_text())["posts"]), 40)
            self.assertEqual(os.listdir(tmp), ["out.json"])

    def test_unwritable_output_says_why_and_keeps_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            target = pathlib.Path(tmp) / "missing" / "out.json"
            r = run("convert", str(DATA / "collection.json"), "-o", str(target))
            self.assertEqual(r.returncode, 1)
            self.assertIn("No such file or directory", r.stderr)
            self.assertEqual(r.stderr.count("\n"), 1)

    def test_bad_inputs_give_positioned_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = pathlib.Path(tmp) / "bad.json"
            bad.write_text('{"digestcore": 1, "posts": [{"id": "x", "title": ')
            r = run("digest", str(bad), "--week", "2021-W33")
            self.assertEqual(r.returncode, 1)
            self.assertRegex(r.stderr, r"^digestcore: .*bad\.json:1: byte \d+: ")
            reg = pathlib.Path(tmp) / "reg.json"
            reg.write_text('{"sources": [{"id": 3}]}')
            r = run("convert", str(DATA / "collection.json"), "--sources", str(reg))
            self.assertEqual(r.returncode, 1)
            self.assertIn("reg.json", r.stderr)
            self.assertIn("sources[0].id", r.stderr)
            gaz = pathlib.Path(tmp) / "gaz.json"
            gaz.write_bytes(b'{"entities": [{"id": "a", "aliases": ["\xff"]}]}')
            r = run("convert", str(DATA / "collection.json"), "--entities", str(gaz))
            self.assertEqual(r.returncode, 1)
            self.assertIn("gaz.json", r.stderr)
            r = run("convert", str(DATA / "collection.json"), "--entities",
                    str(pathlib.Path(tmp) / "absent.json"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("No such file or directory", r.stderr)


if __name__ == "__main__":
    CLI = sys.argv[1]
    DATA = pathlib.Path(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"])
