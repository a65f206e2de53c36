"""The RSS 0.9x / 1.0 / 2.0 and Atom 1.0 importer against feedparser, over
the corpus in tests/data/feeds/ (see make_feeds.py there for what each file
exercises; manifest.json lists them, expected.json holds the expected title,
link and published minute of every entry).

* feedparser alone: the corpus reads as expected.json says, twins in other
  encodings read as their UTF-8 sources, and feedparser is still wrong
  exactly where make_feeds.ERRATA says it is.
* digestcore: every well-formed file gives its entries; title (as text,
  whitespace collapsed), link and published minute (UTC) agree with
  feedparser's for >= 95% of the fields across the corpus (the
  disagreements are printed as a table); where feedparser is wrong,
  digestcore gives the right value; malformed files raise digestcore.Error
  (one line, with a position) or return entries, never crash; external
  entities are not read and entities are not expanded without bound.

The digestcore half is skipped while the build has no RSS/Atom importer
(Collection.load(..., format="rss") rejects the format name).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

feedparser = pytest.importorskip("feedparser")

import digestcore  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "tests" / "data" / "feeds"
sys.path.insert(0, str(FEEDS))
import make_feeds as mf  # noqa: E402

MANIFEST: dict = json.loads((FEEDS / "manifest.json").read_text(encoding="utf-8"))["files"]
EXPECTED: dict = json.loads((FEEDS / "expected.json").read_text(encoding="utf-8"))
OK = [n for n, m in MANIFEST.items() if m["kind"] == "ok"]
MALFORMED = [n for n, m in MANIFEST.items() if m["kind"] == "malformed"]
ERRATA = {(e["file"], e["entry"], e["field"]): e for e in EXPECTED["errata"]}
AGREEMENT = 0.95


def _has_feed_importer() -> bool:
    try:
        digestcore.Collection.load(FEEDS / "rss20-en-mini.xml", format="rss")
    except digestcore.InvalidArgumentError as e:
        if e.field == "format":
            return False
    except digestcore.Error:
        pass  # an importer that fails on this file: the tests say how
    return True


needs_importer = pytest.mark.skipif(not _has_feed_importer(),
                                    reason="this digestcore build has no RSS/Atom importer (format='rss')")


def feedparser_rows(name: str) -> list[dict]:
    return [mf.feedparser_fields(e) for e in feedparser.parse(str(FEEDS / name)).entries]


def digestcore_rows(name: str) -> list[dict]:
    return [mf.digestcore_fields(p) for p in digestcore.Collection.load(FEEDS / name)]


def _short(v, width: int = 46) -> str:
    s = "-" if v is None else str(v)
    return s if len(s) <= width else s[:width - 1] + "…"


def _table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [[_short(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---- the corpus itself -------------------------------------------------------------

def test_corpus_matches_manifest():
    present = {p.name for p in FEEDS.iterdir() if p.is_file()} - mf.NOT_FEEDS
    assert present == set(MANIFEST), "files and manifest.json disagree: run make_feeds.py --check"
    assert MANIFEST == json.loads(json.dumps(mf.FILES)), "manifest.json is stale: run make_feeds.py"
    for name in present:
        assert (FEEDS / name).stat().st_size < mf.MAX_BYTES, name
    assert set(EXPECTED["ok"]) == set(OK)
    for twin, source in mf.TWINS.items():
        assert EXPECTED["ok"][twin]["entries"] == EXPECTED["ok"][source]["entries"], twin


def test_generated_files_are_current():
    stale = [name for name, data in mf.generated().items() if (FEEDS / name).read_bytes() != data]
    assert not stale, f"run tests/data/feeds/make_feeds.py: {stale}"


@pytest.mark.parametrize("name", OK)
def test_feedparser_reads_the_corpus_as_expected(name):
    d = feedparser.parse(str(FEEDS / name))
    want = EXPECTED["ok"][name]
    assert bool(d.bozo) == want["bozo"], d.get("bozo_exception")
    got = [mf.feedparser_fields(e) for e in d.entries]
    assert len(got) == MANIFEST[name]["entries"]
    for i, (g, w) in enumerate(zip(got, want["entries"])):
        for f in mf.FIELDS:
            err = ERRATA.get((name, i, f))
            # Where feedparser is known to be wrong it must still be wrong the
            # same way: a fixed feedparser means ERRATA needs updating.
            assert g[f] == (err["feedparser"] if err else w[f]), (name, i, f)


@pytest.mark.parametrize("name", MALFORMED)
def test_feedparser_on_malformed_files(name):
    d = feedparser.parse(str(FEEDS / name))
    want = EXPECTED["malformed"][name]
    assert (bool(d.bozo), len(d.entries)) == (want["bozo"], want["entries"])
    if MANIFEST[name].get("hazard") in ("xxe", "entity-expansion"):
        _assert_harmless(json.dumps(d, default=str), name)


# ---- digestcore against feedparser --------------------------------------------------

def _passwd_lines() -> list[str]:
    try:
        with open("/etc/passwd", encoding="utf-8", errors="replace") as f:
            return [ln.strip() for ln in f if len(ln.strip()) >= 8]
    except OSError:
        return []


def _assert_harmless(text: str, name: str) -> None:
    assert "root:x:0:0" not in text and ":/bin/" not in text, f"{name}: /etc/passwd content in the output"
    for ln in _passwd_lines():
        assert ln not in text, f"{name}: /etc/passwd line in the output: {ln!r}"
    size = (FEEDS / name).stat().st_size
    assert len(text) < 20 * size + 16_384, f"{name}: {len(text)} characters of output from {size} bytes"


@needs_importer
@pytest.mark.parametrize("name", OK)
def test_well_formed_files_give_every_entry(name):
    c = digestcore.Collection.load(FEEDS / name)
    assert len(c) == MANIFEST[name]["entries"]
    source_ids = {s.id for s in c.sources}
    assert c.sources, "the channel is a source"
    # A post names the channel's source, or the outlet an aggregator's item
    # names in its RSS <source> element (as written, for curate to resolve).
    outlets = set(re.findall(r"<source[^>]*>([^<]+)</source>",
                             (FEEDS / name).read_text("utf-8", errors="replace")))
    for p in c:
        assert p.source is None or p.source in source_ids or p.source in outlets
    if MANIFEST[name]["format"].startswith("rss"):
        c2 = digestcore.Collection.load(FEEDS / name, format="rss")
        assert [mf.digestcore_fields(p) for p in c2] == [mf.digestcore_fields(p) for p in c]


@needs_importer
@pytest.mark.parametrize("twin", sorted(mf.TWINS))
def test_twins_read_as_their_sources(twin):
    """An encoded twin gives the very posts of its UTF-8 source.

    One known difference: Shift_JIS 0x8160 is WAVE DASH (U+301C) in JIS X
    0208, which Python's codec (and so the twin's generator) follows, but
    FULLWIDTH TILDE (U+FF5E) in the WHATWG Encoding Standard, which
    browsers, Windows and ICU follow, and digestcore with them. The twin's
    text is compared with that one character folded; nothing else is.
    """
    fold = str.maketrans({"\uff5e": "\u301c"}) if "shift_jis" in twin else {}

    def posts(name):
        def t(v):
            return v.translate(fold) if isinstance(v, str) else v
        return [(t(p.title), p.url, p.published_on, [t(a) for a in p.authors],
                 [t(g) for g in p.tags], t(p.excerpt), t(p.body))
                for p in digestcore.Collection.load(FEEDS / name)]
    assert posts(twin) == posts(mf.TWINS[twin])


@needs_importer
def test_agreement_with_feedparser():
    disagreements = []
    total = agree = agree_expected = 0
    for name in OK:
        fp = feedparser_rows(name)
        expected = EXPECTED["ok"][name]["entries"]
        try:
            dc = digestcore_rows(name)
        except digestcore.Error as e:
            dc = []
            disagreements.append([name, "-", "(load)", "", f"{type(e).__name__}: {e}", ""])
        for i in range(max(len(fp), len(dc))):
            for f in mf.FIELDS:
                total += 1
                a = fp[i][f] if i < len(fp) else "(no entry)"
                b = dc[i][f] if i < len(dc) else "(no entry)"
                w = expected[i][f] if i < len(expected) else "(no entry)"
                agree += a == b
                agree_expected += b == w
                if a != b:
                    note = "digestcore right" if b == w else ("both wrong" if a != w else "")
                    err = ERRATA.get((name, i, f))
                    if err:
                        note += f" [{err['kind']}: {err['why']}]"
                    disagreements.append([name, i, f, a, b, note])
    share = agree / total
    report = (f"\nfields: {total}; agree with feedparser: {agree} ({share:.1%}); "
              f"agree with expected.json: {agree_expected} ({agree_expected / total:.1%})\n")
    if disagreements:
        report += _table(disagreements, ["file", "entry", "field", "feedparser", "digestcore", "note"]) + "\n"
    print(report)
    assert share >= AGREEMENT, report


@needs_importer
@pytest.mark.parametrize("key", sorted(k for k, e in ERRATA.items() if e["kind"] == "wrong"),
                         ids=lambda k: f"{k[0]}[{k[1]}].{k[2]}")
def test_where_feedparser_is_wrong_digestcore_is_right(key):
    name, i, f = key
    rows = digestcore_rows(name)
    assert rows[i][f] == ERRATA[key]["expected"], ERRATA[key]["why"]


# ---- malformed files -----------------------------------------------------------------

@needs_importer
@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_raise_an_error_or_give_entries(name):
    c = digestcore.Collection()
    try:
        report = c.import_file(FEEDS / name)
    except digestcore.InternalError:
        raise
    except digestcore.Error as e:
        message = str(e)
        assert "\n" not in message and message.strip(), repr(message)
        if name != "bad-empty.xml":
            assert e.line is not None or e.offset is not None, f"no position: {message}"
        assert len(c) == 0, "a failed import leaves the collection unchanged"
        return
    assert report.posts_added == len(c)
    for w in report.warnings:
        assert {"message", "line", "offset"} <= set(w), w
        assert "\n" not in w["message"]
    for p in c:  # every field readable, as text
        for v in (p.id, p.title, p.url, p.excerpt, p.body, p.source, *p.authors, *p.tags):
            assert v is None or isinstance(v, str)
        assert p.id, "every post has an id"
        assert p.title or p.url or p.excerpt or p.body, "no empty phantom post for a cut-off item"
    if MANIFEST[name].get("hazard") in ("xxe", "entity-expansion"):
        _assert_harmless(json.dumps(c.to_dicts(), default=str, ensure_ascii=False), name)


# A child process with a memory ceiling and a time limit: an entity expansion
# that runs away fails this test instead of taking the machine down.
_CHILD = textwrap.dedent("""
    import json, os, resource, sys
    if not os.environ.get("DIGESTCORE_TEST_ASAN"):  # ASan reserves terabytes of address space
        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
    import digestcore
    out = {"error": None, "posts": [], "sources": []}
    try:
        c = digestcore.Collection.load(sys.argv[1])
        out["posts"] = c.to_dicts()
        out["sources"] = [[s.id, s.name, s.url] for s in c.sources]
    except digestcore.Error as e:
        out["error"] = [type(e).__name__, str(e)]
    print(json.dumps(out, default=str, ensure_ascii=False))
""")


@needs_importer
@pytest.mark.skipif(sys.platform == "win32", reason="uses resource limits")
@pytest.mark.parametrize("name", sorted(n for n, m in MANIFEST.items() if m.get("hazard")))
def test_hazards_in_a_bounded_process(name):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    r = subprocess.run([sys.executable, "-c", _CHILD, str(FEEDS / name)], capture_output=True,
                       text=True, timeout=60, env=env)
    assert r.returncode == 0, f"{name}: exit {r.returncode}\n{r.stderr[-2000:]}"
    out = json.loads(r.stdout)
    if out["error"]:
        assert out["error"][0] != "InternalError", out["error"]
    if MANIFEST[name]["hazard"] != "depth":
        _assert_harmless(r.stdout, name)
