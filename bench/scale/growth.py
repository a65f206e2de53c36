#!/usr/bin/env python3
"""The growth table of bench/RESULTS.md: time and peak RSS of the CLI's
check, convert and digest and of Python's Collection.load, load(where=),
iter_posts and iter_posts(...).to_arrow(), at several sizes of the same synthetic collection
(make_posts.py), with the time per post.

    python3 bench/scale/growth.py --cli build/release/digestcore \\
        --python-path build/py-lead/stage --sizes 10000,100000,1000000

Each step is its own process, run --runs times; the table shows the median
time and the largest peak RSS (from wait4, so only that process counts).
Input files are made under --dir when missing (about 650 bytes a post).
Nothing is timed in a test: run it by hand on a quiet machine."""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEEK = "2023-W10"


def run(argv, env=None):
    """Seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, argv))}\n{err}")
    return secs, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def python_step(code):
    return [sys.executable, "-c", "import sys, digestcore as d; p = sys.argv[1]\n" + code]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True, help="the digestcore program")
    ap.add_argument("--python-path", help="put this first on PYTHONPATH (a staged package)")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--dir", default=tempfile.gettempdir())
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated step names")
    args = ap.parse_args()

    env = dict(os.environ)
    if args.python_path:
        env["PYTHONPATH"] = args.python_path + os.pathsep + env.get("PYTHONPATH", "")
    out = Path(args.dir) / "growth-out.jsonl"
    steps = {
        "check": lambda p: [args.cli, "check", p],
        "convert": lambda p: [args.cli, "convert", p, "--to", "jsonl", "-o", str(out)],
        "digest": lambda p: [args.cli, "digest", p, "--week", WEEK, "--format", "json"],
        "py load": lambda p: python_step("c = d.Collection.load(p); assert len(c)") + [p],
        "py load where": lambda p: python_step(f"c = d.Collection.load(p, where='{WEEK}')") + [p],
        "py iter_posts": lambda p: python_step("n = sum(1 for _ in d.iter_posts(p)); assert n") + [p],
        "py to_arrow": lambda p: python_step("t = d.iter_posts(p).to_arrow(); assert t.num_rows") + [p],
    }
    if args.only:
        steps = {k: v for k, v in steps.items() if k in args.only.split(",")}

    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        path = Path(args.dir) / f"growth-{n}.jsonl"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "make_posts.py"), str(path), str(n)], check=True)
        mb = path.stat().st_size / 1e6
        for name, argv in steps.items():
            secs, rss = [], []
            for _ in range(args.runs):
                s, r = run(argv(str(path)), env)
                secs.append(s)
                rss.append(r)
            t = statistics.median(secs)
            rows.append((name, n, mb, t, max(rss), t / n * 1e6))
            print(f"{name:14} {n:>9,} posts {mb:8.1f} MB  {t:7.3f} s  {max(rss):8.1f} MB peak"
                  f"  {t / n * 1e6:6.2f} us/post", flush=True)
    out.unlink(missing_ok=True)

    # Time per post at the largest size over the smallest, per step.
    print()
    for name in steps:
        mine = [r for r in rows if r[0] == name]
        if len(mine) > 1:
            print(f"{name:14} us/post {mine[-1][1]:,} / {mine[0][1]:,}: {mine[-1][5] / mine[0][5]:.2f}x")


if __name__ == "__main__":
    main()
