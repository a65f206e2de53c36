"""digestcore's batch calls against the per-call loop, on the same texts.

For each function: the loop a notebook would write (``[digestcore.parse_date(s)
for s in values]``), then the batch call on the same list, on a pyarrow Array
and on a pandas Series (pandas 3's default str dtype, Arrow data). Every
batch answer is checked against the loop's before timing. Times are medians
of several interleaved runs; the ratio is loop time / batch time.

Two kinds of data, because batching gains most where texts repeat:
- "column": what a column of posts looks like — dates drawn from ten years in
  several languages and formats, outlet and author names from a pool — so
  texts repeat (each distinct text is computed once);
- "distinct": every text different (a counter in each), the floor of what
  batching gives.

    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_batch.py [--n 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time

import digestcore

try:
    import numpy as np
    import pandas as pd
    import pyarrow as pa
except ImportError:  # pragma: no cover
    sys.exit("the batch benchmark needs numpy, pandas and pyarrow: pip install numpy pandas pyarrow")

UTC = datetime.timezone.utc

# ---- data (invented names) -------------------------------------------------------

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
}
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
SYLLABLES = ["ka", "vir", "sar", "van", "lo", "mar", "sh", "av", "el", "ha", "bor", "tri", "une",
             "qu", "ist", "na", "dia", "or", "zé", "ül"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def date_text(rng: random.Random, d: datetime.date, unique: int | None) -> str:
    form = rng.randrange(7)
    if form == 0:
        s = f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"
    elif form == 1:
        s = d.isoformat()
    elif form == 2:
        s = f"{d.day} {MONTHS['fr'][d.month - 1]} {d.year}"
    elif form == 3:
        s = f"{d.day} de {MONTHS['es'][d.month - 1]} de {d.year}"
    elif form == 4:
        s = f"{d.day} {MONTHS['ru'][d.month - 1]} {d.year}"
    elif form == 5:
        s = f"{d.day:02d}.{d.month:02d}.{d.year}"
    else:
        s = f"{d.year}/{d.month}/{d.day}".translate(FA_DIGITS)
    if unique is not None:  # a time of day that no other text has
        s += f" {unique // 3600 % 24:02d}:{unique // 60 % 60:02d}:{unique % 60:02d}"
    return s


def dates(n: int, distinct: bool, seed: int = 1) -> list[str | None]:
    rng = random.Random(seed)
    start = datetime.date(2015, 1, 1)
    out: list[str | None] = []
    for i in range(n):
        r = rng.random()
        if r < 0.01:
            out.append(None)
        elif r < 0.05:
            out.append(f"no date {i}" if distinct else "no date")
        else:
            # distinct: a different day for each block of 86,400 texts, so
            # that date and time of day never repeat together
            d = start + datetime.timedelta(days=(i // 86400) if distinct else rng.randrange(3650))
            out.append(date_text(rng, d, i % 86400 if distinct else None))
    return out


def names(n: int, distinct: bool, seed: int = 2) -> list[str]:
    rng = random.Random(seed)
    pool = [f"{word(rng)} {word(rng)}" for _ in range(2000)]
    if distinct:
        return [f"{rng.choice(pool)} {i}" for i in range(n)]
    return [rng.choice(pool) for _ in range(n)]


def lines(n: int, seed: int = 3) -> tuple[list[str], list[str]]:
    """Attribution lines (every one different) and the outlets they name."""
    rng = random.Random(seed)
    outlets = [f"{word(rng)} {rng.choice(['Tribune', 'Courier', 'Daily', 'Post'])}" for _ in range(200)]
    out = []
    for i in range(n):
        d = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        out.append(f"{word(rng)} {word(rng)}, {rng.choice(outlets)}, {word(rng)}, "
                   f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}:… Clipping {i} opens here.")
    return out, outlets


def tagged_texts(n: int, seed: int = 4) -> tuple[list[str], digestcore.Gazetteer]:
    rng = random.Random(seed)
    g = digestcore.Gazetteer()
    entities = [f"{word(rng)} {word(rng)}" for _ in range(1000)]
    for k, e in enumerate(entities):
        g.add(f"e{k}", [e])
    out = [f"{rng.choice(entities)} met {rng.choice(entities)} in {word(rng)} ({i})" for i in range(n)]
    return out, g


# ---- timing --------------------------------------------------------------------------


def median_times(fns: dict[str, object], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):  # interleaved, so that load changes hit every contender alike
        for k, fn in fns.items():
            t0 = time.perf_counter()
            fn()  # type: ignore[operator]
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def plain(v: object) -> object:
    """A batch answer from NumPy, pandas or Arrow as the loop gives it."""
    if v is None or v is pd.NA or (isinstance(v, float) and v != v) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, np.ndarray):
        return list(v)
    return v


def as_column(expected: list[object]) -> list[object]:
    """The loop's datetimes as a column holds them: UTC instants, naive read as UTC."""
    return [(v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC))
            if isinstance(v, datetime.datetime) else v for v in expected]


def check(name: str, got: object, expected: list[object], utc: bool = False) -> None:
    if isinstance(got, (pa.Array, pa.ChunkedArray)):
        values = got.to_pylist()
    elif isinstance(got, pd.Series):
        values = [plain(v) for v in got.tolist()]
    else:
        values = list(got)  # type: ignore[call-overload]
    want = as_column(expected) if utc else expected
    # pandas holds dates as datetime64: midnight timestamps
    values = [v.date() if isinstance(v, datetime.datetime) and type(w) is datetime.date else v
              for v, w in zip(values, want)]
    if values != want:
        bad = next(i for i, (a, b) in enumerate(zip(values, want)) if a != b)
        sys.exit(f"{name}: element {bad} differs: {values[bad]!r} != {want[bad]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    n = args.n

    print(f"digestcore {digestcore.__version__}, Python {platform.python_version()}, numpy "
          f"{np.__version__}, pandas {pd.__version__}, pyarrow {pa.__version__}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; n = {n:,}")

    tag_texts, gazetteer = tagged_texts(n)
    attr_lines, outlets = lines(n)
    outlet_list = digestcore.OutletList({f"o{k}": name for k, name in enumerate(outlets)})
    cases = [
        # (function, data kind, texts, per-call function, batch function, datetimes?)
        ("parse_date", "column", dates(n, False), digestcore.parse_date, digestcore.parse_date_batch, False),
        ("parse_date", "distinct", dates(n, True), digestcore.parse_date, digestcore.parse_date_batch, False),
        ("parse_datetime", "column", dates(n, False), digestcore.parse_datetime,
         digestcore.parse_datetime_batch, True),
        ("parse_datetime", "distinct", dates(n, True), digestcore.parse_datetime,
         digestcore.parse_datetime_batch, True),
        ("search_key", "column", names(n, False), digestcore.search_key, digestcore.search_key_batch, False),
        ("search_key", "distinct", names(n, True), digestcore.search_key, digestcore.search_key_batch, False),
        ("parse_attribution", "distinct", attr_lines,
         lambda s: digestcore.parse_attribution(s, sources=outlet_list),
         lambda v, **kw: digestcore.parse_attribution_batch(v, sources=outlet_list, **kw), False),
        ("tag (Gazetteer.find)", "distinct", tag_texts,
         lambda s: list(dict.fromkeys(m.entity for m in gazetteer.find(s))),
         lambda v, **kw: digestcore.tag_batch(v, gazetteer, **kw), False),
    ]

    header = (f"{'function':22} {'data':9} {'loop':>9} {'list':>9} {'×':>5} {'list 1 thr':>10} {'×':>5} "
              f"{'Arrow':>9} {'×':>5} {'pandas':>9} {'×':>5}")
    print(header)
    print("-" * len(header))
    for name, kind, values, per_call, batch, utc in cases:
        arrow = pa.array(values, pa.string())
        series = pd.Series(values, dtype="str")
        expected = [per_call(s) if s is not None else None for s in values]
        check(f"{name} list", batch(values), expected)
        check(f"{name} 1 thread", batch(values, threads=1), expected)
        if name == "parse_attribution":  # struct rows, a DataFrame: compare the outlets
            outlets_expected = [a.outlet if a else None for a in expected]
            check(f"{name} Arrow", batch(arrow).field("outlet"), outlets_expected)
            check(f"{name} pandas", batch(series)["outlet"], outlets_expected)
        else:
            check(f"{name} Arrow", batch(arrow), expected, utc)
            check(f"{name} pandas", batch(series), expected, utc)
        t = median_times({
            "loop": lambda: [per_call(s) if s is not None else None for s in values],
            "list": lambda: batch(values),
            "list1": lambda: batch(values, threads=1),
            "arrow": lambda: batch(arrow),
            "pandas": lambda: batch(series),
        }, args.runs)

        def ms(k: str) -> str:
            return f"{t[k] * 1e3:7.1f}ms"

        def x(k: str) -> str:
            return f"{t['loop'] / t[k]:4.1f}×"

        print(f"{name:22} {kind:9} {ms('loop')} {ms('list')} {x('list')} {ms('list1'):>10} {x('list1')} "
              f"{ms('arrow')} {x('arrow')} {ms('pandas')} {x('pandas')}")


if __name__ == "__main__":
    main()
