"""Python threads sharing one Collection, Gazetteer, SourceRegistry or
OutletList: changes and reads at the same time must neither crash nor
deadlock nor give torn values (each object has a reader–writer lock).

Before the locks these patterns died with SIGSEGV within seconds (issue 9).
They run in a child process (crash_patterns.py), so that a crash fails the
test instead of killing pytest.
"""

import os
import pathlib
import subprocess
import sys

import pytest

import crash_patterns

HERE = pathlib.Path(__file__).resolve().parent


@pytest.mark.parametrize("pattern", sorted(crash_patterns.PATTERNS))
def test_crash_pattern_runs_clean(pattern):
    env = dict(os.environ, PYTHONFAULTHANDLER="1")
    r = subprocess.run([sys.executable, str(HERE / "crash_patterns.py"), pattern],
                       capture_output=True, text=True, timeout=240, env=env)
    assert r.returncode == 0, f"exit {r.returncode}\n{r.stdout}\n{r.stderr[-4000:]}"
    assert f"OK {pattern}" in r.stdout


def test_views_read_while_another_thread_imports():
    # In-process: a reader of live views never sees a half-imported collection
    # (imports are all or nothing, under the exclusive lock).
    import threading

    import digestcore

    c = digestcore.Collection.from_json(crash_patterns.doc("a", 10))
    sizes = []
    stop = threading.Event()

    def read():
        while not stop.is_set():
            sizes.append(len(c.posts))

    t = threading.Thread(target=read)
    t.start()
    try:
        for i in range(100):
            c.import_json(crash_patterns.doc(f"b{i}_", 25))
    finally:
        stop.set()
        t.join()
    assert len(c) == 10 + 100 * 25
    # Every size a reader saw is a whole number of imports.
    assert all((n - 10) % 25 == 0 for n in sizes)
