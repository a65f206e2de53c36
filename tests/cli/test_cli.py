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
        for cmd in ("digest", "convert", "check", "site"):
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


class Stories(unittest.TestCase):
    PAIR = ("bws-2021-08-17-signing-set", "hst-2021-08-17-signing-set")
    RULES = {"exact", "near_duplicate", "estimated"}
    ANCHORS = ("entity:", "name:", "number:", "date:")

    def stories_json(self, *extra, source=None):
        r = run("stories", source or str(DATA / "collection.json"), "--format", "json", *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        return json.loads(r.stdout)

    def example_ids(self):
        return [p["id"] for p in json.loads((DATA / "collection.json").read_text())["posts"]]

    def test_help(self):
        r = run("stories", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("usage: digestcore stories", r.stdout)
        self.assertIn("--threshold", r.stdout)
        self.assertIn("stories", run("--help").stdout)
        self.assertIn("--stories", run("convert", "--help").stdout)

    def test_json_every_post_once_and_explained(self):
        doc = self.stories_json()
        ids = self.example_ids()
        self.assertEqual(doc["post_count"], len(ids))
        self.assertEqual(doc["story_count"], len(doc["stories"]))
        seen, clusters = [], 0
        for story in doc["stories"]:
            story_posts = []
            self.assertEqual(story["id"], "story-" + story["representative"])
            for cluster in story["clusters"]:
                clusters += 1
                members = [p["id"] for p in cluster["posts"]]
                self.assertIn(cluster["id"], members)  # named after its representative
                self.assertEqual(len(cluster["pairs"]), len(members) - 1)
                for pair in cluster["pairs"]:
                    self.assertIn(pair["a"], members)
                    self.assertIn(pair["b"], members)
                    self.assertIn(pair["rule"], self.RULES)
                    self.assertGreaterEqual(pair["verified"], 0.8)
                    self.assertLessEqual(pair["verified"], 1.0)
                    self.assertLessEqual(abs(pair["estimated"] - pair["verified"]), 0.3)
                for p in cluster["posts"]:
                    self.assertEqual(set(p), {"id", "language", "source", "title"})
                story_posts += members
            self.assertEqual(len(story_posts), story["post_count"])
            self.assertIn(story["representative"], story_posts)
            self.assertEqual(len(story["links"]), len(story["clusters"]) - 1)
            for link in story["links"]:
                self.assertIn(link["a"], story_posts)
                self.assertIn(link["b"], story_posts)
                self.assertTrue(0 <= link["score"] <= 1, link)
                for anchor in link["shared"]:
                    self.assertTrue(anchor.startswith(self.ANCHORS), anchor)
            seen += story_posts
        self.assertEqual(sorted(seen), sorted(ids))  # every post exactly once
        self.assertEqual(clusters, doc["cluster_count"])
        self.assertGreater(doc["stats"]["lsh_bands"], 0)
        # The two copies of the signing report are one cluster.
        cluster_of = {p["id"]: c["id"] for s in doc["stories"] for c in s["clusters"]
                      for p in c["posts"]}
        self.assertEqual(cluster_of[self.PAIR[0]], cluster_of[self.PAIR[1]])

    def test_text_lists_posts_pairs_and_links(self):
        r = run("stories", str(DATA / "collection.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertRegex(lines[0], r"^40 posts: \d+ clusters \(\d+ of several posts\), "
                                   r"\d+ stories \(\d+ of several posts\)$")
        post_lines = [l for l in lines if l.startswith("    ") and not l.startswith("    pair ")]
        listed = [l.split()[0] for l in post_lines]
        self.assertEqual(sorted(listed), sorted(self.example_ids()))
        # The pair that joined the signing reports, with its similarities.
        joined = [l for l in lines if l.startswith("    pair ")
                  and self.PAIR[0] in l and self.PAIR[1] in l]
        self.assertEqual(len(joined), 1, r.stdout)
        self.assertRegex(joined[0], r": estimated [01]\.\d{3}, verified [01]\.\d{3}, "
                                    r"(exact|near_duplicate)$")
        for l in lines:
            if l.startswith("  link "):
                self.assertRegex(l, r"^  link \S+ ~ \S+: score [01]\.\d{3}, shared \S")
        # The same from a file, and from -o.
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "stories.txt"
            r2 = run("stories", str(DATA / "collection.json"), "-o", str(out))
            self.assertEqual(r2.returncode, 0, r2.stderr)
            self.assertEqual(r2.stdout, "")
            self.assertEqual(out.read_text(), r.stdout)

    def test_threshold_and_window(self):
        counts = [self.stories_json("--threshold", t)["cluster_count"]
                  for t in ("0.5", "0.8", "1")]
        self.assertLessEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], counts[2])
        # Posted the same day, so a zero-day window keeps them together.
        doc = self.stories_json("--window-days", "0")
        cluster_of = {p["id"]: c["id"] for s in doc["stories"] for c in s["clusters"]
                      for p in c["posts"]}
        self.assertEqual(cluster_of[self.PAIR[0]], cluster_of[self.PAIR[1]])

    def test_entities_and_standard_input(self):
        doc = self.stories_json("--entities", str(DATA / "entities.json"))
        self.assertEqual(doc["post_count"], 40)
        anchors = [a for s in doc["stories"] for l in s["links"] for a in l["shared"]]
        for a in anchors:
            self.assertTrue(a.startswith(self.ANCHORS), a)
        text = (DATA / "collection.json").read_text()
        r = run("stories", "-", "--format", "json", stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), self.stories_json())

    def test_hostile_titles_stay_on_one_line(self):
        doc = {"digestcore": 1, "posts": [
            {"id": "x1", "title": "Line one\nline two\u202e\u0007", "body": "Alpha beta."},
            {"id": "x2", "title": "Tab\there\u2028sep", "body": "Alpha beta."}]}
        r = run("stories", "-", stdin=json.dumps(doc))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("\u202e", r.stdout)
        self.assertNotIn("\x07", r.stdout)
        self.assertNotIn("\u2028", r.stdout)
        posts = [l for l in r.stdout.splitlines() if l.startswith("    x")]
        self.assertEqual(len(posts), 2, r.stdout)
        self.assertIn("Line one line two", r.stdout)
        # JSON keeps the titles as they were.
        r = run("stories", "-", "--format", "json", stdin=json.dumps(doc))
        titles = {p["id"]: p["title"] for s in json.loads(r.stdout)["stories"]
                  for c in s["clusters"] for p in c["posts"]}
        self.assertEqual(titles["x1"], doc["posts"][0]["title"])

    def test_usage_errors(self):
        path = str(DATA / "collection.json")
        for args in (["--threshold", "0"], ["--threshold", "1.5"], ["--threshold", "abc"],
                     ["--threshold", "nan"], ["--threshold", ""], ["--threshold", "0.8x"],
                     ["--window-days", "-1"], ["--window-days", "two"],
                     ["--format", "xml"], ["--bogus"], ["--threshold"]):
            r = run("stories", path, *args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertEqual(r.stderr.count("\n"), 1, (args, r.stderr))
            self.assertTrue(r.stderr.startswith("digestcore: "), r.stderr)
            self.assertEqual(r.stdout, "")
        self.assertIn("--threshold must be a number in (0, 1]",
                      run("stories", path, "--threshold", "2").stderr)
        r = run("stories")
        self.assertEqual(r.returncode, 2)
        for cmd in (["digest", path, "--week", "2021-W33", "--threshold", "0.5"],
                    ["check", path, "--stories"], ["convert", path, "--threshold", "0.5"]):
            r = run(*cmd)
            self.assertEqual(r.returncode, 2, cmd)

    def test_missing_and_bad_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = run("stories", str(pathlib.Path(tmp) / "absent.json"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("No such file or directory", r.stderr)
            self.assertEqual(r.stderr.count("\n"), 1)
            self.assertEqual(r.stdout, "")
            r = run("stories", str(DATA / "collection.json"), "--entities",
                    str(pathlib.Path(tmp) / "absent.json"))
            self.assertEqual(r.returncode, 1)
            bad = pathlib.Path(tmp) / "bad.json"
            bad.write_text('{"digestcore": 1, "posts": [{"id": "x", "title": ')
            r = run("stories", str(bad))
            self.assertEqual(r.returncode, 1)
            self.assertRegex(r.stderr, r"^digestcore: .*bad\.json:1: byte \d+: ")

    def test_convert_stories_carries_ids(self):
        plain = run("convert", str(DATA / "collection.json"))
        self.assertEqual(plain.returncode, 0, plain.stderr)
        self.assertFalse(any("cluster" in p for p in json.loads(plain.stdout)["posts"]))
        r = run("convert", str(DATA / "collection.json"), "--stories",
                "--entities", str(DATA / "entities.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        posts = {p["id"]: p for p in json.loads(r.stdout)["posts"]}
        self.assertEqual(len(posts), 40)
        for p in posts.values():
            self.assertIn(p["cluster"], posts)
            self.assertEqual(posts[p["cluster"]]["cluster"], p["cluster"])
            self.assertTrue(p["story"].startswith("story-"), p["story"])
        self.assertEqual(posts[self.PAIR[0]]["cluster"], posts[self.PAIR[1]]["cluster"])
        # The stories command and the curation step agree.
        doc = self.stories_json("--entities", str(DATA / "entities.json"))
        for s in doc["stories"]:
            for c in s["clusters"]:
                for p in c["posts"]:
                    self.assertEqual(posts[p["id"]]["cluster"], c["id"])
                    self.assertEqual(posts[p["id"]]["story"], s["id"])


class Publish(unittest.TestCase):
    """digest with periods, sections, locales and HTML; the site command."""

    def test_digest_html_story_persian(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "d.html"
            r = run("digest", str(DATA / "collection.json"), "--period", "P7D/2021-08-20",
                    "--group-by", "story", "--rank", "outlets", "--locale", "fa",
                    "--format", "html", "-o", str(out))
            self.assertEqual(r.returncode, 0, r.stderr)
            html = out.read_text(encoding="utf-8")
            self.assertTrue(html.startswith("<!DOCTYPE html>"))
            self.assertIn('<html lang="fa" dir="rtl">', html)
            self.assertIn("<title>خلاصهٔ هفتگی – ۲۹ مرداد ۱۴۰۰</title>", html)
            self.assertIn('class="also"', html)
            self.assertNotIn("<script", html)

    def test_periods_and_labels(self):
        path = str(DATA / "collection.json")
        month = run("digest", path, "--period", "2021-08", "--format", "json")
        self.assertEqual(month.returncode, 0, month.stderr)
        doc = json.loads(month.stdout)
        self.assertEqual(doc["period"]["kind"], "month")
        self.assertEqual(doc["title"], "Monthly Digest – August 2021")
        persian = json.loads(run("digest", path, "--period", "1400-05", "--format", "json").stdout)
        self.assertEqual((persian["period"]["first"], persian["period"]["last"]),
                         ("2021-07-23", "2021-08-22"))
        rel = run("digest", path, "--period", "week-ending:fri", "--reference", "2021-08-21",
                  "--format", "json", "--title", "{label}")
        self.assertEqual(json.loads(rel.stdout)["title"], "2021-08-14/2021-08-20")
        limited = json.loads(run("digest", path, "--period", "2021-W33", "--group-by", "none",
                                 "--rank", "newest", "--limit", "3", "--format", "json").stdout)
        self.assertEqual(limited["post_count"], 3)

    def test_usage_errors(self):
        path = str(DATA / "collection.json")
        for args in (["--period", "2021-W60"], ["--period", "2021-W33", "--group-by", "x"],
                     ["--period", "2021-W33", "--rank", "loudest"],
                     ["--period", "2021-W33", "--limit", "many"],
                     ["--period", "2021-W33", "--week", "2021-W33"]):
            r = run("digest", path, *args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        r = run("digest", path, "--period", "2021-W33", "--title", "{oops}")
        self.assertEqual(r.returncode, 1)
        self.assertIn("{oops}", r.stderr)
        r = run("site", path)
        self.assertEqual(r.returncode, 2)
        r = run("site", path, "-o", "/tmp/x", "--periods", "fortnight")
        self.assertEqual(r.returncode, 2)

    def test_site(self):
        with tempfile.TemporaryDirectory() as tmp:
            site = pathlib.Path(tmp) / "site"
            r = run("site", str(DATA / "collection.json"), "--sources",
                    str(DATA / "sources.json"), "--attribution", "-o", str(site),
                    "--periods", "week-ending:fri", "--locale", "ar")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("index.html", r.stderr)
            for name in ("index.html", "feed.json", "digests/index.html", "sources/index.html",
                         "digests/2021-08-14-2021-08-20.html"):
                self.assertTrue((site / name).is_file(), name)
            json.loads((site / "feed.json").read_text(encoding="utf-8"))
            index = (site / "index.html").read_text(encoding="utf-8")
            self.assertIn('<html lang="ar" dir="rtl">', index)
            self.assertNotIn('href="/', index)


if __name__ == "__main__":
    CLI = sys.argv[1]
    DATA = pathlib.Path(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"])
