"""Usage patterns that crashed digestcore's Python module before its objects
became views with per-object locks (issue 9: use after free, SIGSEGV).

Run as a script so that a crash kills this process, not pytest:

    python tests/python/crash_patterns.py [PATTERN ...]   # default: all

Each pattern checks its results as well (a wrong value is an AssertionError).
Prints "OK <pattern>" per pattern; exits non-zero on the first failure.
test_threads.py runs it with the installed module, test_asan.py with a
module built with AddressSanitizer. Loops are bounded: every pattern ends in
a few seconds.
"""

from __future__ import annotations

import faulthandler
import json
import sys
import threading
import time

import digestcore

# Seconds each threaded pattern hammers for (bounded by iteration counts too).
DURATION = float(__import__("os").environ.get("DIGESTCORE_PATTERN_SECONDS", "1.5"))


def doc(prefix: str, n: int, start: int = 0) -> str:
    posts = [
        {
            "id": f"{prefix}{i}",
            "title": f"Title {prefix}{i} about the Sarvan accord",
            "source": "Kavir Daily" if i % 2 else "kavir",
            "posted_on": f"2021-08-{16 + i % 7:02d}",
            "excerpt": f"Writer {i}, Kavir Daily, August 17, 2021: text {i} " + "x" * (i % 50),
            "authors": [f"A{i}"],
            "tags": ["t"],
        }
        for i in range(start, start + n)
    ]
    return json.dumps({"digestcore": 1, "posts": posts})


def run_threads(targets, timeout: float = 60.0) -> None:
    """Runs each target in its own thread; re-raises the first error; fails
    if a thread is still running after `timeout` (a deadlock)."""
    errors: list[BaseException] = []

    def wrap(fn):
        def run():
            try:
                fn()
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)
        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        faulthandler.dump_traceback(all_threads=True)
        raise AssertionError("threads still running after %.0f s: deadlock" % timeout)
    if errors:
        raise errors[0]


def until(seconds: float, max_rounds: int):
    end = time.monotonic() + seconds
    for i in range(max_rounds):
        if time.monotonic() > end:
            return
        yield i


# ---- lifetimes ----------------------------------------------------------------

def dangling_iteration() -> None:
    """Posts taken from a collection, then the collection grows (its storage
    moves): every post taken before must still read its own values."""
    c = digestcore.Collection.from_json(doc("p", 20))
    titles = [f"Title p{i} about the Sarvan accord" for i in range(20)]
    listed = list(c)
    it = iter(c)
    first = next(it)
    by_id = c["p3"]
    view = c.posts
    indexed = view[5]
    sliced = view[2:6]
    selected = c.select("2021-08-16", "2021-08-22")
    digest = digestcore.build_digest(c, "2021-W33")
    digest_posts = [p for s in digest.sections for p in s.posts]
    for i in range(3000):
        c.add_post(digestcore.Post(f"n{i}", title="n" * 40, authors=["x" * 30]))
    c.import_json(doc("q", 500))
    c.curate(fill_from_attribution=True)
    assert [p.title for p in listed] == titles
    assert first.title == titles[0]
    assert by_id.title == titles[3] and by_id.authors == ["A3"]
    assert indexed.id == "p5"
    assert [p.id for p in sliced] == ["p2", "p3", "p4", "p5"]
    assert sorted(p.id for p in selected) == sorted(f"p{i}" for i in range(20))
    assert len(view) == 20 + 3000 + 500
    assert sum(1 for _ in it) == len(c) - 1
    # The digest holds its own posts; the collection can go.
    del c, listed, first, by_id, view, indexed, sliced, selected, it
    assert sorted(p.title for p in digest_posts) == sorted(titles)
    # A post view keeps its collection alive.
    orphan = digestcore.Collection.from_json(doc("o", 3))["o1"]
    for _ in range(3):
        digestcore.Collection.from_json(doc("z", 200))
    assert orphan.title == "Title o1 about the Sarvan accord"


# ---- one collection, several threads ---------------------------------------

def concurrent_collection() -> None:
    c = digestcore.Collection.from_json(doc("base", 50))
    views = list(c)

    def importer():
        for i in until(DURATION, 400):
            c.import_json(doc(f"b{i}_", 20))
            c.add_post(digestcore.Post(f"single{i}", title="s", posted_on="2021-08-18"))

    def exporter():
        for _ in until(DURATION, 2000):
            data = json.loads(c.to_json(pretty=False))
            assert len(data["posts"]) >= 50

    def digester():
        for _ in until(DURATION, 2000):
            d = digestcore.build_digest(c, "2021-W33")
            assert len(d) >= 1
            d.to_markdown()

    def reader():
        for _ in until(DURATION, 200000):
            for p in views[:10]:
                assert p.title.startswith("Title base")
            n = len(c.posts)
            last = c.posts[n - 1]
            assert last.id

    def writer():
        for i in until(DURATION, 200000):
            views[i % 50].tags = ["t", f"w{i}"]
            views[i % 50].title = views[i % 50].title  # read, then write back

    def curator():
        reg = digestcore.SourceRegistry()
        reg.add(digestcore.Source("kavir", "Kavir Daily"))
        for _ in until(DURATION, 200):
            c.curate(sources=reg, fill_from_attribution=True)

    run_threads([importer, exporter, digester, reader, writer, curator])
    assert all(p.source == "kavir" for p in views)


# ---- dictionaries ---------------------------------------------------------------

def concurrent_gazetteer() -> None:
    g = digestcore.Gazetteer()
    g.add("sba", ["Sarvan Basin Authority", ("SBA", True)])
    c = digestcore.Collection.from_json(doc("g", 30))
    text = "The Sarvan Basin Authority (SBA) met the Entity 7 board in Zarvand."
    # Twice as long as the others: without the lock, add() against find()
    # crashed in 3 s on every run measured, in 1.5 s on two runs of three.
    seconds = 2 * DURATION

    def adder():
        for i in until(seconds, 200000):
            g.add(f"e{i}", [f"Entity {i}", f"Other name {i}"])
            if i % 50 == 0:
                g.add_json(json.dumps({"entities": [{"id": f"j{i}", "aliases": [f"Json {i}"]}]}))

    def finder():
        for _ in until(seconds, 1000000):
            ms = g.find(text)
            assert ms[0].entity == "sba" and ms[0].text == "Sarvan Basin Authority"

    def tagger():
        for _ in until(seconds, 100000):
            tags = g.tag(c)
            assert len(tags) == 30

    def curator():
        for _ in until(seconds, 20000):
            c.curate(entities=g)

    def reader():
        for _ in until(seconds, 1000000):
            assert len(g) >= 1 and g.alias_count >= 2
            assert "sba" in g
            g.entity("sba")

    run_threads([adder, finder, tagger, curator, reader])
    g.to_json()


def concurrent_registry() -> None:
    reg = digestcore.SourceRegistry()
    reg.add(digestcore.Source("mondo", "Mondoweiss", url="https://mondoweiss.example"))
    outlets = digestcore.OutletList({"mondo": "Mondoweiss"})
    c = digestcore.Collection.from_json(doc("r", 30))
    line = "Jane Doe, Mondoweiss, August 17, 2021: text"

    def adder():
        for i in until(DURATION, 5000):
            reg.add(digestcore.Source(f"s{i}", f"Source number {i}", aliases=[f"Alias {i}"]))
            outlets.add(f"s{i}", f"Source number {i}")

    def resolver():
        for _ in until(DURATION, 100000):
            m = reg.resolve("Nondoweiss")
            assert m is not None and m.id == "mondo"
            assert reg.resolve("https://www.mondoweiss.example/x").id == "mondo"
            assert outlets.find("mondoweiss") == "mondo"

    def attributor():
        for _ in until(DURATION, 20000):
            a = digestcore.parse_attribution(line, sources=reg)
            assert a.source == "mondo"
            a = digestcore.parse_attribution(line, sources=outlets)
            assert a.source == "mondo"

    def filer():
        for _ in until(DURATION, 500):
            reg.resolve_posts(c)
            c.curate(sources=reg)

    def reader():
        for _ in until(DURATION, 20000):
            assert len(reg) >= 1 and "mondo" in reg
            assert reg.find("mondo").name == "Mondoweiss"
            if len(reg) < 400:
                reg.sources
            reg.to_json()

    run_threads([adder, resolver, attributor, filer, reader])


PATTERNS = {
    "dangling_iteration": dangling_iteration,
    "concurrent_collection": concurrent_collection,
    "concurrent_gazetteer": concurrent_gazetteer,
    "concurrent_registry": concurrent_registry,
}


def main(argv: list[str]) -> int:
    faulthandler.enable()
    names = argv or list(PATTERNS)
    for name in names:
        started = time.monotonic()
        PATTERNS[name]()
        print(f"OK {name} ({time.monotonic() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
