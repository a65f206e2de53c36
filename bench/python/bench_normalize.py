"""digestcore.search_key and transliterate against peers from PyPI.

In one process, on the same texts (the paragraphs of bench/data/normalize/,
English, French, Persian and Arabic, written for this benchmark):

* digestcore.search_key against (a) a PyICU pipeline, ICU's NFKC_Casefold
  then mark removal (NFD, remove [:Mn:], NFC), and (b) hazm's Persian
  Normalizer on the Persian paragraphs;
* digestcore.transliterate against unidecode, with digestcore's per-thread
  word cache warm (repeated paragraphs) and cold (distinct paragraphs, each
  pass in a fresh thread).

Prints MB/s of input (median of several runs), the ratio, and how far the
answers agree:

* "key-consistent": search_key(peer(text)) == search_key(text), i.e. the
  peer's normalisation does not separate what digestcore's key joins;
* "same answer": the two outputs are equal after the same light clean-up
  (apostrophes removed, non-word characters to spaces, spaces collapsed,
  lower case), i.e. how often the peer alone would already produce the key.

    pip install PyICU hazm unidecode
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_normalize.py
"""

from __future__ import annotations

import argparse
import pathlib
import re
import statistics
import sys
import time

import digestcore

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "normalize"


def load(lang: str) -> list[str]:
    return [p for p in (DATA / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if p.strip()]


def timed(fn, texts: list[str], runs: int) -> tuple[float, list]:
    """Median seconds of one pass of fn over texts, and the outputs."""
    out = [fn(t) for t in texts]  # warm-up (also builds caches)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


_NON_WORD = re.compile(r"[\W_]+")
_APOS = re.compile(r"['’ʼ‘`]")


def clean(s: str) -> str:
    return " ".join(_NON_WORD.sub(" ", _APOS.sub("", s)).split()).lower()


def mbps(texts: list[str], seconds: float) -> float:
    return sum(len(t.encode()) for t in texts) / seconds / 1e6


def report(name: str, ours: tuple[float, list], theirs: tuple[float, list], texts: list[str],
           consistent: list[bool], same: list[bool]) -> None:
    (t_ours, _), (t_theirs, _) = ours, theirs
    print(f"  {name:34s} digestcore {mbps(texts, t_ours):8.1f} MB/s   peer {mbps(texts, t_theirs):7.2f} MB/s"
          f"   ratio {t_theirs / t_ours:6.1f}x   key-consistent {sum(consistent)}/{len(consistent)}"
          f"   same answer {sum(same)}/{len(same)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="timed passes (median is reported)")
    ap.add_argument("--repeat", type=int, default=20, help="copies of each paragraph")
    args = ap.parse_args()

    langs = {lang: load(lang) * args.repeat for lang in ("en", "fr", "fa", "ar")}
    mixed = [t for lang in ("en", "fa", "ar", "fr") for t in langs[lang]]
    key = digestcore.search_key
    print(f"digestcore {digestcore.__version__}; {len(mixed)} texts, "
          f"{sum(len(t.encode()) for t in mixed) / 1e3:.0f} kB; median of {args.runs} runs")

    # (a) PyICU: NFKC_Casefold, then mark removal.
    try:
        import icu  # PyICU

        nfkc_cf = icu.Normalizer2.getNFKCCasefoldInstance()
        unmark = icu.Transliterator.createInstance("NFD; [:Mn:] Remove; NFC")

        def pyicu_key(t: str) -> str:
            return unmark.transliterate(nfkc_cf.normalize(t))

        print(f"\nsearch_key vs PyICU {icu.VERSION} (ICU {icu.ICU_VERSION}): nfkc_cf + [:Mn:] removal")
        for name, texts in [("mixed", mixed)] + list(langs.items()):
            ours = timed(key, texts, args.runs)
            theirs = timed(pyicu_key, texts, args.runs)
            consistent = [key(p) == k for p, k in zip(theirs[1], ours[1])]
            same = [clean(p) == k for p, k in zip(theirs[1], ours[1])]
            report(name, ours, theirs, texts, consistent, same)
    except ImportError:
        print("\nPyICU is not installed (pip install PyICU): skipped")

    # (b) hazm's Persian normaliser, on the Persian paragraphs.
    try:
        import hazm

        hazm_norm = hazm.Normalizer()
        texts = langs["fa"]
        from importlib.metadata import version

        print(f"\nsearch_key vs hazm {version('hazm')} Normalizer() (defaults), Persian")
        ours = timed(key, texts, args.runs)
        theirs = timed(hazm_norm.normalize, texts, args.runs)
        consistent = [key(p) == k for p, k in zip(theirs[1], ours[1])]
        same = [clean(p) == k for p, k in zip(theirs[1], ours[1])]
        report("fa", ours, theirs, texts, consistent, same)
    except ImportError:
        print("\nhazm is not installed (pip install hazm): skipped")

    # tokens(): the same folding as search_key plus one Token (a struct
    # sequence) per word; the ratio is what the Python objects cost.
    print("\ntokens (a Token per word) against search_key (one str per text)")
    for name, texts in [("mixed", mixed)] + list(langs.items()):
        t_tok, toks = timed(digestcore.tokens, texts, args.runs)
        t_key, keys = timed(key, texts, args.runs)
        joined = sum(" ".join(t.key for t in tt) == k for tt, k in zip(toks, keys))
        print(f"  {name:34s} tokens {mbps(texts, t_tok):8.1f} MB/s   search_key "
              f"{mbps(texts, t_key):8.1f} MB/s   tokens/search_key time {t_tok / t_key:5.2f}x   "
              f"keys joined = search_key {joined}/{len(texts)}")

    # Transliteration against unidecode.
    try:
        from unidecode import unidecode

        print("\ntransliterate (ICU Any-Latin; Latin-ASCII) vs unidecode")
        for name, texts in [("mixed", mixed)] + list(langs.items()):
            ours = timed(digestcore.transliterate, texts, args.runs)
            theirs = timed(unidecode, texts, args.runs)
            consistent = [key(p) == key(o) for p, o in zip(theirs[1], ours[1])]
            same = [clean(p) == clean(o) for p, o in zip(theirs[1], ours[1])]
            report(name, ours, theirs, texts, consistent, same)
        # digestcore memoises transliterated words per thread; a fresh thread
        # starts cold. Distinct paragraphs only, each pass in a new thread.
        import threading

        distinct = [t for lang in ("en", "fa", "ar", "fr") for t in load(lang)]

        def cold_pass() -> float:
            box = []

            def run() -> None:
                t0 = time.perf_counter()
                for t in distinct:
                    digestcore.transliterate(t)
                box.append(time.perf_counter() - t0)

            th = threading.Thread(target=run)
            th.start()
            th.join()
            return box[0]

        t_cold = statistics.median(cold_pass() for _ in range(args.runs))
        t_uni = timed(unidecode, distinct, args.runs)[0]
        print(f"  {'mixed, cold word cache':34s} digestcore {mbps(distinct, t_cold):8.1f} MB/s   "
              f"peer {mbps(distinct, t_uni):7.2f} MB/s   ratio {t_uni / t_cold:6.1f}x")
    except ImportError:
        print("\nunidecode is not installed (pip install unidecode): skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
