"""digestcore.Gazetteer against flashtext and pyahocorasick.

In one process, the same 10,000-alias dictionary (invented names, one to
three words, 2,500 entities) and the same texts (generated English-like
paragraphs with a few accented words, or none with --ascii; one token in ~30
starting an alias):

* digestcore: Gazetteer.find(text) on the text as it is: full normalisation
  (case, accents, Arabic-script variants, digits, hyphens), whole-token,
  leftmost-longest matching, str-index spans;
* flashtext: KeywordProcessor (case-insensitive).extract_keywords(text,
  span_info=True);
* pyahocorasick: Automaton.iter_long on text.lower() (lower-cased before
  timing, as the aims say), plus the word-boundary check in Python that
  whole-token answers need; the bare iter_long pass is reported too.

Prints MB/s of UTF-8 input (median of several passes), the ratios, and how
often the answers (entity, start, end) agree text by text.

    pip install flashtext pyahocorasick
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_entities.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import digestcore

SYLLABLES = ["ka", "vo", "re", "ni", "ta", "lu", "sa", "mi", "do", "ze", "ran", "bel", "gor",
             "tis", "pha", "quo", "ny", "xe", "wu", "ji", "mor", "fen", "dal", "cri", "ost",
             "ul", "an", "ev", "ha", "pel"]
COMMON = ("the of and to in a that said on for with was by talks between river authority "
          "farming cooperatives resumed after pause officials new water plan would be published "
          "end month trial season begin spring spokesperson northern valley figures nobody "
          "explained why according draft paper each cooperative receive cubic metres per "
          "hectare first year report minister council statement Tuesday morning city people "
          "its government group they were not yet has had from at as café Zürich São élan "
          "naïve").split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def make_dictionary(n_aliases: int, seed: int = 1) -> dict[str, list[str]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    entities: dict[str, list[str]] = {}
    e = 0
    while len(seen) < n_aliases:
        aliases = []
        for _ in range(4):
            alias = " ".join(word(rng) for _ in range(rng.randint(1, 3)))
            if alias.lower() in seen or len(seen) >= n_aliases:
                continue
            seen.add(alias.lower())
            aliases.append(alias)
        if aliases:
            entities[f"e{e}"] = aliases
            e += 1
    return entities


def make_texts(entities: dict[str, list[str]], n: int, size: int, seed: int = 2,
               ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    common = [w for w in COMMON if w.isascii()] if ascii_only else COMMON
    all_aliases = [a for aliases in entities.values() for a in aliases]
    texts = []
    for _ in range(n):
        words: list[str] = []
        length = 0
        while length < size:
            w = rng.choice(all_aliases) if rng.randrange(30) == 0 else rng.choice(common)
            words.append(w)
            length += len(w) + 1
            if rng.randrange(15) == 0:
                words[-1] += rng.choice([",", ".", ";", ":"])
        texts.append(" ".join(words))
    return texts


def timed_interleaved(jobs: list[tuple[str, object, list]], runs: int) -> dict[str, tuple[float, list]]:
    """Median seconds of one pass of each fn over its texts, passes interleaved
    (A B C A B C ...) so that load from other processes hits all alike; and
    each fn's outputs (from a warm-up pass)."""
    outs = {name: [fn(t) for t in texts] for name, fn, texts in jobs}
    times: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    for _ in range(runs):
        for name, fn, texts in jobs:
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            times[name].append(time.perf_counter() - t0)
    return {name: (statistics.median(times[name]), outs[name]) for name, _, _ in jobs}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aliases", type=int, default=10000)
    ap.add_argument("--texts", type=int, default=2000)
    ap.add_argument("--size", type=int, default=1000, help="characters per text")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--ascii", action="store_true",
                    help="leave the accented filler words out (all-ASCII texts)")
    args = ap.parse_args()

    entities = make_dictionary(args.aliases)
    texts = make_texts(entities, args.texts, args.size, ascii_only=args.ascii)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{sum(len(v) for v in entities.values())} aliases, {len(entities)} entities; "
          f"{len(texts)} texts, {mb:.2f} MB{' (ASCII only)' if args.ascii else ''}")

    # digestcore
    t0 = time.perf_counter()
    g = digestcore.Gazetteer()
    for eid, aliases in entities.items():
        g.add(eid, aliases)
    g.compile()
    build_dc = time.perf_counter() - t0

    def ours(text: str):  # the answers as (entity, start, end), for comparison
        return [(m.entity, m.start, m.end) for m in g.find(text)]

    def ours_raw(text: str):
        return g.find(text)

    jobs = [("digestcore", ours_raw, texts), ("digestcore+tuples", ours, texts)]
    builds = {"digestcore": build_dc}
    try:
        from flashtext import KeywordProcessor

        t0 = time.perf_counter()
        kp = KeywordProcessor(case_sensitive=False)
        for eid, aliases in entities.items():
            for a in aliases:
                kp.add_keyword(a, eid)
        builds["flashtext"] = time.perf_counter() - t0

        def flash(text: str):
            return kp.extract_keywords(text, span_info=True)

        jobs.append(("flashtext", flash, texts))
    except ImportError:
        print("flashtext not installed (pip install flashtext)")

    try:
        import ahocorasick

        t0 = time.perf_counter()
        A = ahocorasick.Automaton()
        for eid, aliases in entities.items():
            for a in aliases:
                A.add_word(a.lower(), (eid, len(a)))
        A.make_automaton()
        builds["pyahocorasick"] = time.perf_counter() - t0
        lowered = [t.lower() for t in texts]  # given lower-cased input

        def aho(text: str):
            out = []
            n = len(text)
            for end, (eid, length) in A.iter_long(text):
                start = end - length + 1
                if start > 0 and text[start - 1].isalnum():
                    continue
                if end + 1 < n and text[end + 1].isalnum():
                    continue
                out.append((eid, start, end + 1))
            return out

        def aho_bare(text: str):
            return list(A.iter_long(text))

        jobs.append(("pyahocorasick", aho, lowered))
        jobs.append(("pyahocorasick bare", aho_bare, lowered))
    except ImportError:
        print("pyahocorasick not installed (pip install pyahocorasick)")

    res = timed_interleaved(jobs, args.runs)
    for name, (secs, _) in res.items():
        b = f"build {builds[name] * 1e3:7.1f} ms" if name in builds else " " * 16
        print(f"{name:20} {b}   find {mb / secs:7.1f} MB/s")
    secs_raw, _ = res["digestcore"]
    _, out_dc = res["digestcore+tuples"]
    peers = []
    for name in ("flashtext", "pyahocorasick", "pyahocorasick bare"):
        if name in res:
            peers.append((name, res[name][0], None if name.endswith("bare") else res[name][1]))

    print()
    print(f"{'peer':20} {'speed-up (digestcore / peer)':>30} {'texts agreeing':>16}")
    for name, secs_p, out_p in peers:
        ratio = secs_p / secs_raw
        if out_p is None:
            agree = "-"
        else:
            same = sum(1 for a, b in zip(out_dc, out_p) if sorted(a) == sorted(map(tuple, b)))
            agree = f"{same}/{len(texts)}"
        print(f"{name:20} {ratio:29.2f}x {agree:>16}")
    print(f"matches: digestcore {sum(len(o) for o in out_dc)}"
          + "".join(f", {n} {sum(len(o) for o in out)}" for n, _, out in peers if out is not None))


if __name__ == "__main__":
    main()
