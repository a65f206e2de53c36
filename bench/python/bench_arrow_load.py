"""A JSON Lines file straight into a pyarrow Table: digestcore's
iter_posts(path).to_arrow() against pyarrow's own JSON reader
(pyarrow.json.read_json) and against orjson line by line with
pyarrow.Table.from_pylist, in one process, on the same file.

The file is make_posts.py's posts without its source lines (pyarrow's reader
wants one shape per column: a source line's "source" is an object, a post's
a string). Both sides must agree on the rows: the same ids in the same
order, the same titles and authors. Prints the median time of --runs runs,
the ratio (peer time / ours: above 1 means digestcore is faster) and the
table's size (Table.nbytes) per post against the file's bytes per post.
digestcore's table also has its typed dates, offsets and extra members;
pyarrow's has whatever it inferred.

    pip install orjson pyarrow
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_arrow_load.py --posts 100000
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
import pyarrow as pa
import pyarrow.json as pa_json

import digestcore

ROOT = pathlib.Path(__file__).resolve().parents[2]


def make_posts_file(path: pathlib.Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("make_posts", ROOT / "bench/scale/make_posts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    full = path.with_suffix(".all.jsonl")
    sys.argv = ["make_posts.py", str(full), str(count)]
    module.main()
    with open(full, "rb") as src, open(path, "wb") as out:
        for line in src:
            if not line.startswith(b'{"source": {'):
                out.write(line)
    full.unlink()


def median_time(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def ours(path):
    return digestcore.iter_posts(str(path)).to_arrow()


def peer_read_json(path, threads: bool):
    return pa_json.read_json(str(path), read_options=pa_json.ReadOptions(use_threads=threads))


def peer_orjson(path):
    with open(path, "rb") as f:
        return pa.Table.from_pylist([orjson.loads(line) for line in f])


def same_rows(a, b, what: str) -> None:
    assert a.num_rows == b.num_rows, f"{what}: {a.num_rows} rows against {b.num_rows}"
    for name in ("id", "title"):
        assert a.column(name).to_pylist() == b.column(name).to_pylist(), f"{what}: {name} differs"
    step = max(1, a.num_rows // 1000)
    xa, xb = a.column("authors"), b.column("authors")
    for i in range(0, a.num_rows, step):
        assert xa[i].as_py() == xb[i].as_py(), f"{what}: authors differ at row {i}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "posts.jsonl"
        make_posts_file(path, args.posts)
        size = path.stat().st_size
        print(f"{path.name}: {args.posts} posts, {size / 1e6:.1f} MB, digestcore "
              f"{digestcore.__version__}, pyarrow {pa.__version__}, orjson {orjson.__version__}, "
              f"Python {sys.version.split()[0]}")
        ours_t, table = median_time(lambda: ours(path), args.runs)
        rows = [("digestcore to_arrow", ours_t, table)]
        for name, fn in (("pyarrow read_json, threads", lambda: peer_read_json(path, True)),
                         ("pyarrow read_json, 1 thread", lambda: peer_read_json(path, False)),
                         ("orjson + from_pylist", lambda: peer_orjson(path))):
            t, peer = median_time(fn, args.runs)
            same_rows(table, peer, name)
            rows.append((name, t, peer))
        per_post = size / args.posts
        print(f"{'reader':30} {'time':>9} {'ratio':>7} {'bytes/post':>11} {'of JSON':>8}")
        for name, t, tab in rows:
            b = tab.nbytes / tab.num_rows
            print(f"{name:30} {t:7.3f} s {t / ours_t:6.2f}x {b:11.0f} {b / per_post:7.2f}x")
        print(f"(JSON: {per_post:.0f} bytes/post; ratio = that reader's time / digestcore's)")


if __name__ == "__main__":
    main()
