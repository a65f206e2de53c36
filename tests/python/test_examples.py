"""The bundled example data (examples/data) and the Python example program."""

import json
import pathlib
import subprocess
import sys

import pytest

import digestcore

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"

# Posts per ISO week (by posted_on, else published_on) in the example data.
WEEKS = {"2021-W32": 9, "2021-W33": 12, "2021-W34": 10, "2021-W35": 9}


def test_example_json_files_are_valid_json():
    for name in ("collection.json", "feed.json", "sources.json", "entities.json"):
        json.loads((DATA / name).read_text(encoding="utf-8"))
    for line in (DATA / "collection.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)


def test_derived_files_are_up_to_date():
    # feed.json and collection.jsonl are generated from collection.json.
    r = subprocess.run([sys.executable, str(DATA / "make_feed.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_collection_loads_with_expected_counts():
    coll = digestcore.Collection.load(DATA / "collection.json")
    assert len(coll.posts) == 40
    langs = {}
    for p in coll.posts:
        langs[p.language] = langs.get(p.language, 0) + 1
    assert langs == {"en": 19, "fa": 7, "ar": 8, "fr": 6}
    for week, n in WEEKS.items():
        assert len(digestcore.build_digest(coll, week)) == n, week


def test_json_lines_holds_the_same_collection():
    own = digestcore.Collection.load(DATA / "collection.json")
    lines = digestcore.Collection.load(DATA / "collection.jsonl")
    assert lines == own


def test_feed_holds_the_same_posts():
    own = digestcore.Collection.load(DATA / "collection.json")
    feed = digestcore.Collection.load(DATA / "feed.json")
    assert [p.id for p in feed.posts] == [p.id for p in own.posts]
    assert [p.title for p in feed.posts] == [p.title for p in own.posts]
    for week, n in WEEKS.items():
        assert len(digestcore.build_digest(feed, week)) == n, week


@pytest.mark.parametrize("week", sorted(WEEKS))
def test_weekly_digest_example_runs(week):
    script = ROOT / "examples" / "python" / "weekly_digest.py"
    r = subprocess.run([sys.executable, str(script), str(DATA / "collection.json"), week],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"# Digest {week}")
    assert f"· {WEEKS[week]} posts from" in r.stdout


def test_weekly_digest_example_reports_bad_week():
    script = ROOT / "examples" / "python" / "weekly_digest.py"
    r = subprocess.run([sys.executable, str(script), str(DATA / "collection.json"), "2021-W99"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 1
    assert "2021-W99" in r.stderr
