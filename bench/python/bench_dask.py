"""digestcore.dask on a distributed.LocalCluster of 1, 2 and 4 worker processes
(one thread each), against the same calls in this process, on the same
invented posts.

    PYTHONPATH=<dir with digestcore/> python3 bench/python/bench_dask.py --n 200000 --repeat 3

Stages: MinHash signatures (digestcore.dask.minhash), entity tagging
(digestcore.dask.tag) and story clustering (digestcore.dask.story_ids, whose
extra cost over the signatures is the boilerplate pass, the band-key shuffle,
the two hops of pair verification and the union-find merge). The data is
persisted on the workers before timing, so the times are computation and
shuffling, not shipping the corpus from here. Every distributed answer is
checked against the single-process one. Prints medians, speed-ups over one
worker, and costs per million posts.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
import warnings

import numpy as np
import pandas as pd

import dask
import dask.dataframe as dd
import distributed

import digestcore
import digestcore.dask as dgd

SYLLABLES = ["ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi", "zel", "mo", "qa", "ne",
             "sho", "bri", "an", "dur", "fel", "gi", "ha", "jo", "ku", "ler", "nam", "or", "pre", "sti"]


def invented_posts(n: int, seed: int = 7) -> tuple[pd.DataFrame, digestcore.Gazetteer]:
    """n posts of ~150 invented words: 20% are near copies of an earlier post
    (5% of words replaced), each names two of 2,000 invented places, and one
    of three outlets adds a credit line."""
    rng = np.random.default_rng(seed)
    vocab = np.array(["".join(rng.choice(SYLLABLES, size=rng.integers(2, 4))) for _ in range(20000)])
    places = [f"Vel{''.join(rng.choice(SYLLABLES, size=2))}" for _ in range(2000)]
    gaz = digestcore.Gazetteer()
    for i, p in enumerate(places):
        gaz.add(f"place:{i}", [p])
    words = vocab[rng.integers(0, len(vocab), size=(n, 150))]
    texts, outlets = [], []
    for i in range(n):
        w = words[i]
        if i > 10 and rng.random() < 0.2:
            w = words[rng.integers(0, i)].copy()
            swap = rng.random(150) < 0.05
            w[swap] = vocab[rng.integers(0, len(vocab), size=int(swap.sum()))]
            words[i] = w
        w = list(w)
        w[10] = places[rng.integers(0, len(places))]
        w[90] = places[rng.integers(0, len(places))]
        outlet = ["north-wire", "river-post", None][i % 3]
        body = " ".join(w[:75]) + ". " + " ".join(w[75:]) + "."
        texts.append(f"{outlet} desk — {body}" if outlet else body)
        outlets.append(outlet)
    return pd.DataFrame({"text": texts, "outlet": outlets}), gaz


def _count_tags(tags: pd.Series) -> int:
    return int(tags.list.len().sum()) if len(tags) else 0


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    # The corpus is sent to the cluster once, before timing; Dask warns of the large graph that takes.
    warnings.filterwarnings("ignore", message=".*large graph.*")
    df, gaz = invented_posts(args.n)
    texts = df["text"].tolist()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{args.n} posts, {mb:.0f} MB of text, {args.partitions} partitions; Python {platform.python_version()}, "
          f"digestcore {digestcore.__version__}, dask {dask.__version__}, distributed {distributed.__version__}, "
          f"{os.cpu_count()} cores")

    # The single-process answers (and times, one thread, for the overhead).
    local: dict[str, float] = {}
    local["signatures"], want_sig = median_time(lambda: digestcore.minhash(texts, threads=1), args.repeat)
    local["tagging"], want_tags = median_time(lambda: digestcore.tag_batch(texts, gaz, threads=1), args.repeat)
    local["stories"], clusters = median_time(
        lambda: digestcore.cluster_near_duplicates(texts, sources=df["outlet"].tolist(), threads=1), args.repeat)
    want_labels = np.empty(len(texts), dtype=np.int64)
    for members in clusters:
        want_labels[members] = min(members)
    want_max = int(want_sig.max(axis=1).astype(np.uint64).sum())

    rows = []
    for workers in [int(w) for w in args.workers.split(",")]:
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=40) as cluster, \
                distributed.Client(cluster) as client:
            frame = client.persist(dd.from_pandas(df, npartitions=args.partitions, sort=False))
            distributed.wait(frame)
            series = frame["text"]
            t_sig, got = median_time(lambda: dgd.minhash(series).max(axis=1).astype(np.uint64).sum().compute(),
                                     args.repeat)
            assert int(got) == want_max, "signatures differ from digestcore.minhash"
            # Timed runs reduce on the workers (what a pipeline that writes
            # its output where it lies would pay); the answers are gathered
            # once, untimed, and compared.
            t_tag, _ = median_time(lambda: dgd.tag(series, gaz).map_partitions(_count_tags).sum().compute(),
                                   args.repeat)
            assert dgd.tag(series, gaz).compute().tolist() == want_tags, "tags differ from digestcore.tag_batch"
            t_story, _ = median_time(lambda: dgd.story_ids(frame, "text", source="outlet").sum().compute(),
                                     args.repeat)
            got_labels = dgd.story_ids(frame, "text", source="outlet").compute()
            assert np.array_equal(got_labels.to_numpy(), want_labels), "story ids differ from cluster_near_duplicates"
            rows.append((workers, t_sig, t_tag, t_story))
            print(f"  {workers} worker(s): signatures {t_sig:.2f} s, tagging {t_tag:.2f} s, stories {t_story:.2f} s")

    per_m = 1e6 / args.n
    one = rows[0]
    print()
    print("Seconds, median of", args.repeat, "(x: speed-up over 1 worker; per 1M: seconds per million posts)")
    print()
    print(f"{'':28}{'signatures':>12}{'x':>6}{'tagging':>10}{'x':>6}{'stories':>10}{'x':>6}"
          f"{'shuffle etc.':>14}{'per 1M':>9}")
    print(f"{'this process, 1 thread':28}{local['signatures']:>12.2f}{'':>6}{local['tagging']:>10.2f}{'':>6}"
          f"{local['stories']:>10.2f}")
    for workers, t_sig, t_tag, t_story in rows:
        extra = t_story - t_sig
        print(f"{f'LocalCluster, {workers} worker(s)':28}{t_sig:>12.2f}{one[1] / t_sig:>6.2f}{t_tag:>10.2f}"
              f"{one[2] / t_tag:>6.2f}{t_story:>10.2f}{one[3] / t_story:>6.2f}{extra:>14.2f}{extra * per_m:>9.1f}")
    print()
    print("Overhead of Dask at 1 worker over this process: signatures "
          f"{one[1] / local['signatures']:.2f}x, tagging {one[2] / local['tagging']:.2f}x, "
          f"stories {one[3] / local['stories']:.2f}x")
    print("'shuffle etc.' is story_ids minus the signatures stage: boilerplate pass, band-key shuffle, "
          "pair verification, components.")
    print("All distributed answers equal the single-process ones.")


if __name__ == "__main__":
    main()
