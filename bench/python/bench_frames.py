"""Collection.to_pandas against building the DataFrame from Python objects.

In one process, on the same generated collection (invented outlets, titles
and excerpts; authors, tags and dates on every post; N posts, 1,000,000 by
default):

* digestcore: ``coll.to_pandas()`` — columns built in C++, handed to pyarrow
  through the Arrow PyCapsule interface, then to pandas;
* the peer: what a user writes without it — one dict per post from the
  post objects (``post.to_dict()``, the same keys and values), then
  ``pandas.DataFrame(rows)``; reported also with the garbage collector off.

Checks that both frames hold the same values (every column, after turning
the lists into tuples), then prints seconds (median of --repeat runs) and
the ratio. Also times ``Collection.from_pandas`` on the frame.

    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_frames.py --posts 1000000
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time

import pandas as pd

import digestcore

OUTLETS = ["harbor-street", "kavir-daily", "north-ledger", "sarvan-post", "valley-wire"]
WORDS = ("river council valley plan water season report minister trial farm canal talks "
         "board vote bridge harvest market rail port school clinic").split()


def make_collection(n: int, seed: int = 7) -> digestcore.Collection:
    rng = random.Random(seed)
    posts = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        excerpt = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 40))) + "."
        day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        posted = day + (f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+03:30"
                        if rng.random() < 0.6 else "")
        posts.append({
            "id": f"p{i}", "title": title, "url": f"https://example.org/{i}",
            "posted_on": posted, "published_on": day,
            "authors": [f"Writer {rng.randint(1, 300)}"], "source": rng.choice(OUTLETS),
            "excerpt": excerpt, "language": rng.choice(["en", "fa", "ar", "fr"]),
            "tags": rng.sample(WORDS, 2),
        })
    return digestcore.Collection.from_json(json.dumps({"digestcore": 1, "posts": posts}))


def by_objects(coll: digestcore.Collection) -> pd.DataFrame:
    return pd.DataFrame([p.to_dict() for p in coll])


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return False
    for col in a.columns:
        x = [tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v for v in a[col]]
        y = [tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v for v in b[col]]
        x = [None if v is None or (isinstance(v, float) and v != v) or v is pd.NaT or v is pd.NA else v for v in x]
        y = [None if v is None or (isinstance(v, float) and v != v) or v is pd.NaT or v is pd.NA else v for v in y]
        if x != y:
            print("column differs:", col)
            return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--check", type=int, default=20_000, help="posts compared value by value")
    args = ap.parse_args()

    coll = make_collection(args.posts)
    small = coll.select(ids=[f"p{i}" for i in range(min(args.check, args.posts))])
    if not same(small.to_pandas(), by_objects(small)):
        raise SystemExit("the two frames differ")
    print(f"checked: both frames agree on {len(small)} posts")

    ours, frame = median_time(coll.to_pandas, args.repeat)
    peer, _ = median_time(lambda: by_objects(coll), args.repeat)
    gc.disable()
    peer_nogc, _ = median_time(lambda: by_objects(coll), args.repeat)
    gc.enable()
    back, _ = median_time(lambda: digestcore.Collection.from_pandas(frame), args.repeat)
    n = len(coll)
    print(f"posts: {n}")
    print(f"to_pandas (C++ columns via Arrow): {ours:.3f} s")
    print(f"DataFrame from post objects:       {peer:.3f} s  (gc off: {peer_nogc:.3f} s)")
    print(f"ratio: {peer / ours:.1f}x  (gc off: {peer_nogc / ours:.1f}x)")
    print(f"from_pandas of the frame:          {back:.3f} s")


if __name__ == "__main__":
    main()
