"""Near-duplicate detection: digestcore against datasketch, in one process.

The documents come from bench/stories/generate.py (invented stories, edited
re-posts of them with at most 10% of the words changed, hard negatives), so
every text has a story label. Both sides see the same shingles: the distinct
words of digestcore.search_key(text), which is what digestcore shingles by
default.

* signatures alone: digestcore.minhash(texts) (128 permutations, search keys
  computed inside) against search_key_batch, then datasketch's MinHash.bulk
  (one MinHash(num_perm=128) copied per text and fed by update_batch, its
  fastest path) over the UTF-8 encoded words;
* end to end: digestcore.cluster_near_duplicates(texts, 0.8) against the
  signatures above, MinHashLSH(threshold=2/3, num_perm=128) (Jaccard 2/3 is
  similarity 0.8, digestcore's measure) filled in an
  insertion session, then a query per text joined by union-find. datasketch
  does not verify candidates; digestcore verifies them exactly.

Answers are compared where it matters: pair precision and recall of
same-story pairs against the labels, side by side, and how far each side's
signature estimates are from the exact Jaccard of the word sets. Times are
medians of --repeat runs; ratios are datasketch time / digestcore time.

    python3 -m pip install datasketch
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_stories.py [--n 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "stories"))
sys.path.insert(0, str(ROOT / "tests" / "python"))
import generate  # noqa: E402
import stories_scoring as sc  # noqa: E402

import digestcore  # noqa: E402

try:
    import datasketch
    import numpy as np
except ImportError:  # pragma: no cover
    sys.exit("the stories benchmark needs datasketch and numpy: pip install datasketch numpy")

THRESHOLD = 0.8
PERMS = 128


def corpus(n: int, seed: int) -> list[dict]:
    """About n texts: stories with 4 variants each and a hard negative for every second."""
    stories = math.ceil(n / 5.5)
    return generate.generate(stories, 4, seed)[:n]


# ---- the two sides -----------------------------------------------------------------

def peer_signatures(texts: list[str]) -> list:
    keys = digestcore.search_key_batch(texts, threads=1)
    words = [[w.encode("utf-8") for w in dict.fromkeys(k.split())] for k in keys]
    return datasketch.MinHash.bulk(words, num_perm=PERMS)


def peer_clusters(texts: list[str]) -> list[list[int]]:
    sigs = peer_signatures(texts)
    # digestcore's threshold is a similarity, 2|A∩B|/(|A|+|B|); datasketch's
    # is Jaccard. The same cut in Jaccard: t / (2 - t).
    lsh = datasketch.MinHashLSH(threshold=THRESHOLD / (2 - THRESHOLD), num_perm=PERMS)
    with lsh.insertion_session() as session:
        for i, m in enumerate(sigs):
            session.insert(i, m)
    uf = sc.UnionFind(len(texts))
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            uf.union(i, j)
    return uf.clusters()


def ours_signatures(texts: list[str], threads: int | None):
    return digestcore.minhash(texts, permutations=PERMS, seed=1, threads=threads)


def ours_clusters(texts: list[str], threads: int | None) -> list[list[int]]:
    return digestcore.cluster_near_duplicates(texts, THRESHOLD, permutations=PERMS, seed=1, threads=threads)


def timed(contenders: dict, repeat: int) -> tuple[dict[str, float], dict]:
    """Median seconds of each contender over `repeat` rounds, run in turn
    within each round so that a busy spell of a shared machine hits all
    alike; and each one's last answer."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    answers = {}
    for _ in range(repeat):
        for name, fn in contenders.items():
            t0 = time.perf_counter()
            answers[name] = fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) for name, t in times.items()}, answers


# ---- checks ---------------------------------------------------------------------------

def estimate_errors(records, ours_sig, peer_sig, rng) -> list[list]:
    """Mean absolute error of each side's estimates against the exact Jaccard,
    over same-story pairs and over random pairs."""
    sets = [set(k.split()) for k in digestcore.search_key_batch([r["text"] for r in records])]
    by_story: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        by_story.setdefault(r["story"], []).append(i)
    same = [(g[a], g[b]) for g in by_story.values() for a in range(len(g)) for b in range(a + 1, len(g))]
    same = rng.sample(same, min(2000, len(same)))
    rand = [tuple(rng.sample(range(len(records)), 2)) for _ in range(2000)]
    rows = []
    for name, pairs in (("same-story pairs", same), ("random pairs", rand)):
        exact = [sc.jaccard(sets[a], sets[b]) for a, b in pairs]
        row = [name, len(pairs), statistics.fmean(exact)]
        if ours_sig is not None:
            row.append(statistics.fmean(abs(float(np.mean(ours_sig[a] == ours_sig[b])) - e)
                                        for (a, b), e in zip(pairs, exact)))
        row.append(statistics.fmean(abs(peer_sig[a].jaccard(peer_sig[b]) - e) for (a, b), e in zip(pairs, exact)))
        rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="texts (default 10000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    a = ap.parse_args()

    have_ours = all(hasattr(digestcore, f) for f in ("minhash", "cluster_near_duplicates", "lsh_clusters"))
    records = corpus(a.n, a.seed)
    texts = [r["text"] for r in records]
    labels = [r["story"] for r in records]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words / len(texts):.0f} words each on average, "
          f"{len(set(labels))} labels; Python {platform.python_version()}, "
          f"digestcore {getattr(digestcore, '__version__', '?')}, datasketch {datasketch.__version__}, "
          f"numpy {np.__version__}, {os.cpu_count()} cores")
    if not have_ours:
        print("digestcore.minhash / cluster_near_duplicates / lsh_clusters are missing from this build: "
              "datasketch only")

    contenders = {
        "datasketch signatures": lambda: peer_signatures(texts),
        "datasketch end to end": lambda: peer_clusters(texts),
        "search_key_batch": lambda: digestcore.search_key_batch(texts, threads=1),
    }
    cores = f"all cores ({os.cpu_count()})"
    if have_ours:
        for threads, label in ((1, "1 thread"), (None, cores)):
            contenders[f"ours signatures {label}"] = lambda t=threads: ours_signatures(texts, t)
            contenders[f"ours end to end {label}"] = lambda t=threads: ours_clusters(texts, t)
    secs, out = timed(contenders, a.repeat)
    peer_sig_t, peer_e2e_t = secs["datasketch signatures"], secs["datasketch end to end"]
    timings: list[list] = []
    answers: dict[str, list[list[int]]] = {
        "datasketch MinHashLSH (unverified candidates)": out["datasketch end to end"]}
    ours_sig = None
    if have_ours:
        for label in ("1 thread", cores):
            sig_t, e2e_t = secs[f"ours signatures {label}"], secs[f"ours end to end {label}"]
            timings.append([f"digestcore, {label}", sig_t, e2e_t, peer_sig_t / sig_t, peer_e2e_t / e2e_t])
        ours_sig = out["ours signatures 1 thread"]
        answers["digestcore cluster_near_duplicates (verified)"] = out["ours end to end 1 thread"]
        assert ours_sig.shape == (len(texts), PERMS) and ours_sig.dtype == np.uint32
        answers["digestcore lsh_clusters(minhash) (estimates)"] = digestcore.lsh_clusters(ours_sig, THRESHOLD)
    timings.append(["datasketch", peer_sig_t, peer_e2e_t, 1.0, 1.0])

    print(f"\nSeconds, median of {a.repeat} (ratio: datasketch time / this time)\n")
    print(sc.table([[n, f"{s:.3f}", f"{e:.3f}", f"{rs:.1f}x", f"{re:.1f}x"] for n, s, e, rs, re in timings],
                   ["", "signatures", "end to end", "signatures ratio", "end to end ratio"]))
    print(f"(datasketch's times include digestcore.search_key_batch on one thread: "
          f"{secs['search_key_batch']:.3f} s)")

    print(f"\nSame-story pairs at threshold {THRESHOLD} against the labels\n")
    rows = []
    for name, clusters in answers.items():
        s = sc.pair_score(labels, clusters)
        rows.append([name, s.precision, s.recall, s.predicted_pairs, s.true_pairs,
                     len(sc.joined_negatives(records, clusters))])
    print(sc.table(rows, ["", "precision", "recall", "predicted pairs", "true pairs", "negatives joined"]))

    print("\nSignature estimates against the exact Jaccard of the word sets (mean absolute error)\n")
    peer_sig = out["datasketch signatures"]
    err = estimate_errors(records, ours_sig, peer_sig, random.Random(a.seed))
    print(sc.table(err, ["", "pairs", "mean Jaccard"] + (["digestcore"] if ours_sig is not None else [])
                   + ["datasketch"]))


if __name__ == "__main__":
    main()
