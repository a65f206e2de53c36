"""digestcore.Collection.load against orjson, line by line, on JSON Lines.

In one process, on the same file (bench/scale/make_posts.py: synthetic posts
in five languages, about 650 bytes each), the median of several runs of:

* load:    digestcore.Collection.load(path) against a list of orjson.loads(line)
           for each line (one dict per post), with the peer's garbage
           collector off (its best case) and on;
* stream:  iterating digestcore.iter_posts(path) against iterating the lines
           with orjson.loads, nothing kept;
* week:    Collection.load(path, where="2023-W10") against orjson.loads of
           each line keeping the dicts whose posted_on falls in that week.

Both sides must agree: the same number of posts, the same ids in the same
order, the same titles. Prints seconds, posts/s and the ratio (peer time /
ours: above 1 means digestcore is faster).

    pip install orjson
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_load.py --posts 100000
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import pathlib
import statistics
import sys
import tempfile
import time

import orjson

import digestcore

ROOT = pathlib.Path(__file__).resolve().parents[2]


def make_file(path: pathlib.Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("make_posts", ROOT / "bench/scale/make_posts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.argv = ["make_posts.py", str(path), str(count)]
    module.main()


def median_time(fn, runs: int, gc_off: bool = False):
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            t0 = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    return statistics.median(times), result


def peer_load(path):
    with open(path, "rb") as f:
        return [d for d in map(orjson.loads, f) if "source" not in d or "id" in d]


def peer_stream(path):
    n = 0
    with open(path, "rb") as f:
        for line in f:
            d = orjson.loads(line)
            n += "id" in d
    return n


def peer_week(path, first: str, last: str):
    out = []
    with open(path, "rb") as f:
        for line in f:
            d = orjson.loads(line)
            day = d.get("posted_on", "")[:10]
            if "id" in d and first <= day <= last:
                out.append(d)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--file", help="an existing JSON Lines file of make_posts.py")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(args.file) if args.file else pathlib.Path(tmp) / "posts.jsonl"
        if not args.file:
            make_file(path, args.posts)
        size = path.stat().st_size
        print(f"{path.name}: {size / 1e6:.1f} MB, digestcore {digestcore.__version__}, "
              f"orjson {orjson.__version__}, Python {sys.version.split()[0]}")
        rows = []

        ours_t, ours = median_time(lambda: digestcore.Collection.load(str(path)), args.runs)
        off_t, peer = median_time(lambda: peer_load(path), args.runs, gc_off=True)
        on_t, _ = median_time(lambda: peer_load(path), args.runs)
        ids = [p.id for p in ours]
        assert ids == [d["id"] for d in peer], "load: different posts"
        assert all(ours.posts[i].title == peer[i]["title"] for i in range(0, len(ids), 997))
        rows += [("load (peer GC off)", ours_t, off_t, len(ids)), ("load (peer GC on)", ours_t, on_t, len(ids))]
        del ours, peer

        def ours_stream():
            return sum(1 for _ in digestcore.iter_posts(str(path)))
        s_t, n_ours = median_time(ours_stream, args.runs)
        p_t, n_peer = median_time(lambda: peer_stream(path), args.runs, gc_off=True)
        assert n_ours == n_peer, "stream: different counts"
        rows.append(("stream (peer GC off)", s_t, p_t, n_ours))

        period = digestcore.parse_period("2023-W10")
        first, last = period.first.isoformat(), period.last.isoformat()
        w_t, week = median_time(lambda: digestcore.Collection.load(str(path), where="2023-W10"), args.runs)
        pw_t, peer_w = median_time(lambda: peer_week(path, first, last), args.runs, gc_off=True)
        assert [p.id for p in week] == [d["id"] for d in peer_w], "week: different posts"
        rows.append(("week (peer GC off)", w_t, pw_t, len(week)))

        print(f"{'task':22} {'digestcore':>12} {'orjson':>12} {'posts':>9} {'ratio':>7}")
        for name, ours_s, peer_s, n in rows:
            print(f"{name:22} {ours_s:10.3f} s {peer_s:10.3f} s {n:9d} {peer_s / ours_s:6.2f}x")


if __name__ == "__main__":
    main()
