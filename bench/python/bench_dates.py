"""digestcore.parse_date against dateparser (PyPI) on one mixed-language list.

Both run in this process on the same inputs. Prints, per language, the
accuracy of each (a right date, or None where the text holds no date), the
agreement between them, and parses per second (median of several runs),
with languages left to detection and with languages=['en'] on the English
inputs.

    pip install dateparser
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_dates.py
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
import warnings

import digestcore

try:
    import dateparser
except ImportError:  # pragma: no cover
    sys.exit("dateparser is not installed: pip install dateparser")

D = datetime.date

# (language, text, expected date or None). Written for this benchmark.
CASES: list[tuple[str, str, D | None]] = [
    # English
    ("en", "August 23 2021", D(2021, 8, 23)),
    ("en", "Aug 28, 2021", D(2021, 8, 28)),
    ("en", "Sept. 3, 2021", D(2021, 9, 3)),
    ("en", "23rd August 2021", D(2021, 8, 23)),
    ("en", "Monday, August 23, 2021", D(2021, 8, 23)),
    ("en", "December 31, 1999", D(1999, 12, 31)),
    ("en", "Mon, 23 Aug 2021 10:05:00 +0000", D(2021, 8, 23)),
    ("en", "Tue, 24 Aug 2021 23:59:59 PDT", D(2021, 8, 24)),
    ("en", "2021-08-23T10:05:00Z", D(2021, 8, 23)),
    ("en", "2021/08/29", D(2021, 8, 29)),
    ("en", "August 23, 2021 at 3:15 PM", D(2021, 8, 23)),
    ("en", "1st March 2020", D(2020, 3, 1)),
    ("en", "Feb 29, 2024", D(2024, 2, 29)),
    ("en", "February 30, 2021", None),
    ("en", "1400 people", None),
    ("en", "version 2.1", None),
    ("en", "open 24/7", None),
    ("en", "call 555-0143", None),
    # French
    ("fr", "23 août 2021", D(2021, 8, 23)),
    ("fr", "1er septembre 2021", D(2021, 9, 1)),
    ("fr", "lundi 23 août 2021", D(2021, 8, 23)),
    ("fr", "23 janv. 2021", D(2021, 1, 23)),
    ("fr", "le 5 déc. 2021", D(2021, 12, 5)),
    ("fr", "31 février 2021", None),
    # German
    ("de", "23. August 2021", D(2021, 8, 23)),
    ("de", "1. März 2021", D(2021, 3, 1)),
    ("de", "Montag, 23. August 2021", D(2021, 8, 23)),
    ("de", "23.08.2021", D(2021, 8, 23)),
    ("de", "3. Dezember 2021", D(2021, 12, 3)),
    # Spanish
    ("es", "23 de agosto de 2021", D(2021, 8, 23)),
    ("es", "lunes, 23 de agosto de 2021", D(2021, 8, 23)),
    ("es", "1 de enero de 2021", D(2021, 1, 1)),
    ("es", "12 de septiembre de 2021", D(2021, 9, 12)),
    # Italian
    ("it", "23 agosto 2021", D(2021, 8, 23)),
    ("it", "lunedì 23 agosto 2021", D(2021, 8, 23)),
    ("it", "1 gennaio 2021", D(2021, 1, 1)),
    # Portuguese
    ("pt", "23 de agosto de 2021", D(2021, 8, 23)),
    ("pt", "segunda-feira, 23 de agosto de 2021", D(2021, 8, 23)),
    ("pt", "1 de março de 2021", D(2021, 3, 1)),
    # Dutch
    ("nl", "23 augustus 2021", D(2021, 8, 23)),
    ("nl", "maandag 23 augustus 2021", D(2021, 8, 23)),
    ("nl", "1 mei 2021", D(2021, 5, 1)),
    # Swedish
    ("sv", "23 augusti 2021", D(2021, 8, 23)),
    ("sv", "måndag 23 augusti 2021", D(2021, 8, 23)),
    ("sv", "1 maj 2021", D(2021, 5, 1)),
    # Albanian
    ("sq", "23 gusht 2021", D(2021, 8, 23)),
    ("sq", "1 janar 2021", D(2021, 1, 1)),
    ("sq", "23 nëntor 2021", D(2021, 11, 23)),
    # Turkish
    ("tr", "23 Ağustos 2021", D(2021, 8, 23)),
    ("tr", "1 Ocak 2021", D(2021, 1, 1)),
    ("tr", "29 Ekim 2021 Cuma", D(2021, 10, 29)),
    # Russian
    ("ru", "23 августа 2021", D(2021, 8, 23)),
    ("ru", "23 августа 2021 г.", D(2021, 8, 23)),
    ("ru", "1 марта 2021", D(2021, 3, 1)),
    ("ru", "понедельник, 23 августа 2021", D(2021, 8, 23)),
    # Persian
    ("fa", "۱۹ شهریور ۱۴۰۰", D(2021, 9, 10)),
    ("fa", "۱ فروردین ۱۴۰۰", D(2021, 3, 21)),
    ("fa", "۱۴۰۰/۶/۲۰", D(2021, 9, 11)),  # Persian digits: evidence of the Solar Hijri year
    ("fa", "۲۳ اوت ۲۰۲۱", D(2021, 8, 23)),
    ("fa", "۱ ژوئیه ۲۰۲۱", D(2021, 7, 1)),
    ("fa", "۳۲ شهریور ۱۴۰۰", None),
    # Arabic
    ("ar", "23 أغسطس 2021", D(2021, 8, 23)),
    ("ar", "٢٣ أغسطس ٢٠٢١", D(2021, 8, 23)),
    ("ar", "الاثنين 23 أغسطس 2021", D(2021, 8, 23)),
    ("ar", "1 كانون الثاني 2021", D(2021, 1, 1)),
    ("ar", "23 آب 2021", D(2021, 8, 23)),
    ("ar", "15 محرم 1443 هـ", D(2021, 8, 23)),
    # Urdu
    ("ur", "23 اگست 2021", D(2021, 8, 23)),
    ("ur", "1 جنوری 2021", D(2021, 1, 1)),
]

RELATIVE_BASE = datetime.datetime(2021, 9, 1)


def run_digestcore(texts, languages=None):
    parse = digestcore.parse_date
    if languages is None:
        return [parse(t) for t in texts]
    return [parse(t, languages=languages) for t in texts]


def run_dateparser(texts, languages=None):
    settings = {"RELATIVE_BASE": RELATIVE_BASE}
    out = []
    for t in texts:
        d = dateparser.parse(t, languages=languages, settings=settings)
        out.append(d.date() if d else None)
    return out


def rate(fn, texts, repeat, **kw):
    """Median parses per second over `repeat` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts, **kw)
        times.append(time.perf_counter() - t0)
    return len(texts) / statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat-ours", type=int, default=200)
    ap.add_argument("--repeat-peer", type=int, default=3)
    args = ap.parse_args()
    warnings.simplefilter("ignore")

    texts = [t for _, t, _ in CASES]
    ours = run_digestcore(texts)
    theirs = run_dateparser(texts)

    print(f"dateparser {dateparser.__version__}, digestcore {digestcore.__version__}, "
          f"{len(CASES)} inputs")
    print(f"{'lang':5} {'n':>3} {'digestcore':>11} {'dateparser':>11} {'agree':>6}")
    langs = list(dict.fromkeys(l for l, _, _ in CASES))
    tot_o = tot_t = tot_a = 0
    worse = []
    for lang in langs:
        idx = [i for i, (l, _, _) in enumerate(CASES) if l == lang]
        ok_o = sum(ours[i] == CASES[i][2] for i in idx)
        ok_t = sum(theirs[i] == CASES[i][2] for i in idx)
        agree = sum(ours[i] == theirs[i] for i in idx)
        tot_o += ok_o
        tot_t += ok_t
        tot_a += agree
        if ok_o < ok_t:
            worse.append(lang)
        print(f"{lang:5} {len(idx):3} {ok_o / len(idx):11.0%} {ok_t / len(idx):11.0%} "
              f"{agree:3}/{len(idx)}")
    n = len(CASES)
    print(f"{'all':5} {n:3} {tot_o / n:11.1%} {tot_t / n:11.1%} {tot_a:3}/{n}")
    for i, (lang, text, exp) in enumerate(CASES):
        if ours[i] != exp:
            print(f"  digestcore wrong: [{lang}] {text!r}: {ours[i]} (expected {exp})")
    if worse:
        print("  digestcore less accurate than dateparser in:", ", ".join(worse))

    en = [t for l, t, _ in CASES if l == "en"]
    r_ours = rate(run_digestcore, texts, args.repeat_ours)
    r_theirs = rate(run_dateparser, texts, args.repeat_peer)
    r_ours_en = rate(run_digestcore, en, args.repeat_ours, languages=["en"])
    r_theirs_en = rate(run_dateparser, en, args.repeat_peer, languages=["en"])
    print()
    print(f"{'parses/s (median)':34} {'digestcore':>12} {'dateparser':>12} {'ratio':>8}")
    print(f"{'mixed list, languages detected':34} {r_ours:12,.0f} {r_theirs:12,.0f} "
          f"{r_ours / r_theirs:7,.0f}x")
    print(f"{'English list, languages=[en]':34} {r_ours_en:12,.0f} {r_theirs_en:12,.0f} "
          f"{r_ours_en / r_theirs_en:7,.0f}x")


if __name__ == "__main__":
    main()
